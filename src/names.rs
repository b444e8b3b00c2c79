//! Name spellings collected in one file or across all files of one run, so
//! that transliteration rules can compare `Shoigu` in one article with
//! `Schoigu` in another.
//!
//! Collecting is per file and cheap ([`CorpusNames::add_document`]); merging
//! adds counts; deciding ([`NameStats::decide`]) groups spellings by their
//! transliteration key once and picks one spelling per group.

pub mod fold;
pub mod units;

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use crate::config::Settings;
use crate::document::Document;
use fold::{dpa_form, features, hyphenated_form, is_korean_surname};
use units::Unit;

/// How many file names a spelling remembers, for messages and `schliff names`.
const MAX_PATHS: usize = 5;

/// From how many spellings on deciding uses all cores.
const PARALLEL_FROM: usize = 20_000;

#[derive(Debug, Clone, Default)]
pub struct Stat {
    pub count: u32,
    pub files: u32,
    /// Seen at least once where only a name can stand (see [`units::Unit`]).
    pub evidence: bool,
    pub paths: Vec<Arc<str>>,
}

impl Stat {
    /// Both path lists are sorted, deduplicated and at most
    /// [`MAX_PATHS`] long; so is the result.
    fn add(&mut self, other: Stat) {
        self.count += other.count;
        self.files += other.files;
        self.evidence |= other.evidence;
        // The first paths in sort order, so that output does not depend on
        // the order in which parallel workers merged. Files are read in
        // sort order, so a full list mostly gets only later paths.
        let full_before = |first: &Arc<str>| {
            self.paths.len() == MAX_PATHS && self.paths.last().is_some_and(|last| last <= first)
        };
        if other.paths.first().is_none_or(full_before) {
            return;
        }
        // Both lists are sorted: merge them, without sorting the whole.
        let mut mine = std::mem::take(&mut self.paths).into_iter().peekable();
        let mut theirs = other.paths.into_iter().peekable();
        while self.paths.len() < MAX_PATHS {
            let next = match (mine.peek(), theirs.peek()) {
                (Some(a), Some(b)) => match a.cmp(b) {
                    Ordering::Less => mine.next(),
                    Ordering::Greater => theirs.next(),
                    Ordering::Equal => {
                        theirs.next();
                        mine.next()
                    }
                },
                (Some(_), None) => mine.next(),
                (None, _) => theirs.next(),
            };
            match next {
                Some(path) => self.paths.push(path),
                None => break,
            }
        }
    }

    /// [`Stat::add`] of one file's counts (which have no paths) found at
    /// `path`: no path list to allocate and drop per spelling and file.
    fn add_file(&mut self, other: &Stat, path: &Arc<str>) {
        self.count += other.count;
        self.files += other.files;
        self.evidence |= other.evidence;
        // Files are read in sort order: a full list mostly keeps its paths,
        // which one comparison tells.
        if self.paths.len() == MAX_PATHS && self.paths.last().is_some_and(|last| last < path) {
            return;
        }
        if let Err(at) = self.paths.binary_search(path) {
            if at < MAX_PATHS {
                self.paths.truncate(MAX_PATHS - 1);
                self.paths.insert(at, Arc::clone(path));
            }
        }
    }
}

/// The genitive `-s` of a name (`Schoigus`, `Kim Jong Uns`), if `surface`
/// is longer than a short word and ends in one.
pub fn strip_genitive(surface: &str) -> Option<&str> {
    let base = surface.strip_suffix('s')?;
    (base.chars().count() >= 3 && !base.ends_with(['s', 'x', 'z', 'ß'])).then_some(base)
}

/// FxHash, as in rustc: much faster than the standard hasher for the short
/// strings of name maps. Inputs are local files, so hash flooding is no
/// concern.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// The 1–7 bytes of `rest` as a little-endian word padded with zeros, from
/// two overlapping reads of the first and the last bytes (ORing the shifted
/// last read in repeats the overlapping bytes) instead of a loop per byte:
/// most hashed words end in such a rest.
fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    match n {
        4.. => {
            let first = u64::from(u32::from_le_bytes(rest[..4].try_into().expect("4 bytes")));
            let last = u64::from(u32::from_le_bytes(
                rest[n - 4..].try_into().expect("4 bytes"),
            ));
            first | last << (8 * (n - 4))
        }
        2.. => {
            let first = u64::from(u16::from_le_bytes(rest[..2].try_into().expect("2 bytes")));
            let last = u64::from(u16::from_le_bytes(
                rest[n - 2..].try_into().expect("2 bytes"),
            ));
            first | last << (8 * (n - 2))
        }
        _ => rest.first().map_or(0, |&b| u64::from(b)),
    }
}

impl Hasher for FxHasher {
    /// Eight bytes at a time, little-endian, the last word padded with
    /// zeros; assembled without a `memcpy` call per word.
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            self.add(u64::from_le_bytes(word.try_into().expect("8 bytes")));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            self.add(tail_word(rest));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A hash set with [`FxHasher`].
pub type FxSet<K> = std::collections::HashSet<K, BuildHasherDefault<FxHasher>>;

/// One file's spellings being counted (see [`NameStats::from_units`]).
struct FileCounts<'a> {
    map: FxMap<Cow<'a, str>, Stat>,
}

impl<'a> FileCounts<'a> {
    fn with_capacity(n: usize) -> FileCounts<'a> {
        FileCounts {
            map: FxMap::with_capacity_and_hasher(n, Default::default()),
        }
    }

    fn add(&mut self, surface: Cow<'a, str>, evidence: bool) {
        let stat = match self.map.get_mut(surface.as_ref()) {
            Some(s) => s,
            None => self.map.entry(surface).or_default(),
        };
        stat.count += 1;
        stat.evidence |= evidence;
    }

    /// Genitives whose base form occurs count as the base form; every
    /// spelling is in one file.
    fn finish(self) -> NameStats<'a> {
        let mut map = self.map;
        let inflected: Vec<Cow<'a, str>> = map
            .keys()
            .filter(|k| strip_genitive(k).is_some_and(|b| map.contains_key(b)))
            .cloned()
            .collect();
        for k in inflected {
            if let (Some(stat), Some(base)) = (map.remove(&k), strip_genitive(&k)) {
                if let Some(b) = map.get_mut(base) {
                    b.count += stat.count;
                    b.evidence |= stat.evidence;
                }
            }
        }
        for stat in map.values_mut() {
            stat.files = 1;
        }
        NameStats { map }
    }
}

/// Every name candidate's spelling with how often and where it occurs.
/// Spellings borrow from the document while one file is checked and are
/// owned (`'static`) in a corpus.
#[derive(Debug, Default)]
pub struct NameStats<'a> {
    map: FxMap<Cow<'a, str>, Stat>,
}

impl<'a> NameStats<'a> {
    /// The spellings of one document's name candidates (see
    /// [`units::NameWords`]). A genitive whose base form occurs in the same
    /// document counts as that base form.
    pub fn from_units(units: &'a [Unit<'_>]) -> NameStats<'a> {
        let mut counts = FileCounts::with_capacity(units.len());
        for u in units {
            counts.add(Cow::Borrowed(u.surface.as_ref()), u.evidence);
        }
        counts.finish()
    }

    /// [`NameStats::from_units`] of the name candidates in the prose of
    /// `doc`, counted as the walk finds them: the corpus pass needs no list
    /// of units.
    pub fn of_document(doc: &'a Document) -> NameStats<'a> {
        // About one candidate per 25 bytes of news text, half of them
        // repeats: room for most files' spellings without growing.
        let mut counts = FileCounts::with_capacity(doc.text.len() / 48);
        units::for_each_unit(doc, |u| {
            if doc.is_prose(&u.range) {
                counts.add(u.surface, u.evidence);
            }
        });
        counts.finish()
    }

    pub fn merge(mut self, mut other: NameStats<'a>) -> NameStats<'a> {
        if self.map.len() < other.map.len() {
            std::mem::swap(&mut self, &mut other);
        }
        for (k, v) in other.map {
            self.map.entry(k).or_default().add(v);
        }
        self
    }

    pub fn get(&self, surface: &str) -> Option<&Stat> {
        self.map.get(surface)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Stat)> {
        self.map.iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// A spelling's counts with those of its genitive from files where the
    /// base form does not occur.
    fn with_genitive(&self, surface: &str) -> Stat {
        let mut stat = self.map.get(surface).cloned().unwrap_or_default();
        if let Some(g) = self.map.get(format!("{surface}s").as_str()) {
            stat.add(g.clone());
        }
        stat
    }

    /// Groups the spellings by transliteration key and picks one spelling
    /// per group of variants. `hyphenated`: the house style writes Korean
    /// given names with a hyphen (`Kim Jong-un`) instead of dpa's
    /// `Kim Jong Un`. `corpus`: counts span files (for messages).
    pub fn decide(&self, hyphenated: bool, corpus: bool) -> Verdicts {
        // Genitives whose base occurs (in another file) count for the base.
        let bases = self
            .map
            .keys()
            .map(|k| k.as_ref())
            .filter(|k| strip_genitive(k).is_none_or(|b| !self.map.contains_key(b)));
        // One file has a few hundred names: threads would cost more than
        // they save.
        let mut keyed: Vec<(u64, &str)> = if self.map.len() < PARALLEL_FROM {
            bases.map(|s| (fold::signature(s), s)).collect()
        } else {
            let bases: Vec<&str> = bases.collect();
            bases.par_iter().map(|s| (fold::signature(s), *s)).collect()
        };
        if keyed.len() < PARALLEL_FROM {
            keyed.sort_unstable();
        } else {
            keyed.par_sort_unstable();
        }
        let mut verdicts = Verdicts {
            corpus,
            ..Verdicts::default()
        };
        let mut key = Vec::new();
        for group in keyed.chunk_by(|a, b| a.0 == b.0) {
            if group.len() < 2 {
                continue;
            }
            // Equal signatures: group by the keys themselves.
            let mut exact: Vec<(Vec<u8>, &str)> = group
                .iter()
                .map(|(_, s)| {
                    fold::key(s, &mut key);
                    (key.clone(), *s)
                })
                .collect();
            exact.sort_unstable();
            for same in exact.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
                let stats: Vec<Stat> = same.iter().map(|(_, s)| self.with_genitive(s)).collect();
                let members: Vec<(&str, &Stat)> =
                    same.iter().map(|(_, s)| *s).zip(&stats).collect();
                if let Some(cluster) = Cluster::new(&members, hyphenated) {
                    let cluster = Arc::new(cluster);
                    for (i, m) in cluster.members.iter().enumerate() {
                        if i != cluster.winner {
                            verdicts
                                .by_surface
                                .insert(m.surface.as_str().into(), (cluster.clone(), i));
                        }
                    }
                    verdicts.clusters.push(cluster);
                }
            }
        }
        verdicts.clusters.sort_by(|a, b| {
            b.total()
                .cmp(&a.total())
                .then_with(|| a.winner().surface.cmp(&b.winner().surface))
        });
        verdicts
    }
}

/// One spelling in a group of variants.
#[derive(Debug, Clone)]
pub struct Member {
    pub surface: String,
    pub count: u32,
    pub files: u32,
    pub paths: Vec<Arc<str>>,
    /// How German the spelling looks (see [`fold::Features::score`]).
    pub score: i32,
}

/// Why one spelling of a group wins over another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// German rather than English transliteration (`Schoigu`, not `Shoigu`).
    German,
    /// The house style for Korean names (`Kim Jong Un` for dpa).
    KoreanStyle,
    /// More occurrences.
    Majority,
    /// Nothing to choose by; the first spelling in alphabetical order.
    Tie,
}

/// Spellings of one name that differ only by transliteration.
#[derive(Debug, Clone)]
pub struct Cluster {
    /// Most frequent first.
    pub members: Vec<Member>,
    pub winner: usize,
    pub korean: bool,
}

impl Cluster {
    /// A group of spellings with one key becomes a cluster when the
    /// spellings really differ, at least one looks transliterated (`Sinn`
    /// and `Zinn` share a key but are both German words) and at least one
    /// stands where a name stands.
    fn new(group: &[(&str, &Stat)], hyphenated: bool) -> Option<Cluster> {
        let syllabic = group[0].0.contains([' ', '-']);
        if !group.iter().any(|(_, s)| s.evidence) {
            return None;
        }
        let distinct = if syllabic {
            group.len()
        } else {
            let mut lower: Vec<String> = group.iter().map(|(s, _)| s.to_lowercase()).collect();
            lower.sort_unstable();
            lower.dedup();
            lower.len()
        };
        if distinct < 2 || !group.iter().any(|(s, _)| features(s).foreign) {
            return None;
        }
        let korean = syllabic && group[0].0.split(' ').next().is_some_and(is_korean_surname);
        let mut members: Vec<Member> = group
            .iter()
            .map(|(surface, stat)| {
                let score = if korean {
                    let house = if hyphenated {
                        hyphenated_form(surface)
                    } else {
                        dpa_form(surface)
                    };
                    if *surface == house {
                        1
                    } else {
                        -1
                    }
                } else {
                    features(surface).score()
                };
                Member {
                    surface: surface.to_string(),
                    count: stat.count,
                    files: stat.files,
                    paths: stat.paths.clone(),
                    score,
                }
            })
            .collect();
        members.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.surface.cmp(&b.surface))
        });
        let winner = (0..members.len()).max_by(|&a, &b| {
            let (a, b) = (&members[a], &members[b]);
            (a.score, a.count, a.files)
                .cmp(&(b.score, b.count, b.files))
                .then_with(|| b.surface.cmp(&a.surface))
        })?;
        Some(Cluster {
            members,
            winner,
            korean,
        })
    }

    pub fn winner(&self) -> &Member {
        &self.members[self.winner]
    }

    pub fn total(&self) -> u32 {
        self.members.iter().map(|m| m.count).sum()
    }

    /// Why the winner beats `loser`.
    pub fn reason(&self, loser: usize) -> Reason {
        let (w, l) = (self.winner(), &self.members[loser]);
        if w.score > l.score {
            if self.korean {
                Reason::KoreanStyle
            } else {
                Reason::German
            }
        } else if (w.count, w.files) > (l.count, l.files) {
            Reason::Majority
        } else {
            Reason::Tie
        }
    }

    /// `Shoigu (2×, 1 file) vs Schoigu (5×, 3 files: a.txt, b.txt, c.txt)`.
    pub fn describe(&self, corpus: bool) -> String {
        let parts: Vec<String> = self
            .members
            .iter()
            .map(|m| {
                if !corpus {
                    return format!("{} ({}×)", m.surface, m.count);
                }
                let files = if m.files == 1 {
                    "1 file".to_string()
                } else {
                    format!("{} files", m.files)
                };
                let mut paths = m
                    .paths
                    .iter()
                    .take(3)
                    .map(|p| p.as_ref())
                    .collect::<Vec<_>>()
                    .join(", ");
                if m.files as usize > 3 {
                    paths.push_str(", …");
                }
                format!("{} ({}×, {files}: {paths})", m.surface, m.count)
            })
            .collect();
        parts.join(" vs ")
    }
}

/// The spellings that lose to another spelling of the same name.
#[derive(Debug, Default)]
pub struct Verdicts {
    by_surface: FxMap<Box<str>, (Arc<Cluster>, usize)>,
    pub clusters: Vec<Arc<Cluster>>,
    /// Whether the counts span several files.
    pub corpus: bool,
}

impl Verdicts {
    pub fn is_empty(&self) -> bool {
        self.by_surface.is_empty()
    }

    /// The cluster in which `surface` (or its base form, when it is a
    /// genitive) is a losing spelling, with the length of that base.
    pub fn lookup(&self, surface: &str) -> Option<(usize, &Cluster, usize)> {
        if let Some((c, i)) = self.by_surface.get(surface) {
            return Some((surface.len(), c, *i));
        }
        let base = strip_genitive(surface)?;
        let (c, i) = self.by_surface.get(base)?;
        Some((base.len(), c, *i))
    }
}

impl NameStats<'static> {
    /// Adds the counts of one file's spellings found at `path`, copying
    /// only the spellings not seen yet: most names of a file are already
    /// known from earlier files.
    pub fn absorb(&mut self, other: NameStats<'_>, path: &Arc<str>) {
        for (k, v) in other.map {
            match self.map.get_mut(k.as_ref()) {
                Some(stat) => stat.add_file(&v, path),
                None => {
                    let mut stat = Stat::default();
                    stat.add_file(&v, path);
                    self.map.insert(Cow::Owned(k.into_owned()), stat);
                }
            }
        }
    }
}

/// Whether the settings ask for hyphenated Korean names.
pub fn hyphenated_style(settings: &Settings) -> bool {
    settings.file.transliteration.style.as_deref() == Some("hyphenated")
}

/// Filled by the transliteration rules' corpus pass: the spellings of every
/// file, and the decision over all of them, made once on first use.
#[derive(Debug, Default)]
pub struct CorpusNames {
    stats: NameStats<'static>,
    hyphenated: bool,
    verdicts: OnceLock<Verdicts>,
}

impl CorpusNames {
    /// Adds the spellings of one document.
    pub fn add_document(&mut self, path: &str, doc: &Document, settings: &Settings) {
        self.stats
            .absorb(NameStats::of_document(doc), &Arc::from(path));
        self.hyphenated |= hyphenated_style(settings);
    }

    pub fn merge(self, other: CorpusNames) -> CorpusNames {
        CorpusNames {
            hyphenated: self.hyphenated || other.hyphenated,
            stats: self.stats.merge(other.stats),
            verdicts: OnceLock::new(),
        }
    }

    pub fn stats(&self) -> &NameStats<'static> {
        &self.stats
    }

    pub fn verdicts(&self) -> &Verdicts {
        self.verdicts
            .get_or_init(|| self.stats.decide(self.hyphenated, true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Locale;

    fn stats(path: &str, text: &str) -> NameStats<'static> {
        let doc = Document::plain(text, Locale::DeDe);
        let mut owned = NameStats::default();
        owned.absorb(NameStats::of_document(&doc), &Arc::from(path));
        owned
    }

    fn winners(v: &Verdicts) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = v
            .clusters
            .iter()
            .flat_map(|c| {
                c.members
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != c.winner)
                    .map(|(_, m)| (m.surface.clone(), c.winner().surface.clone()))
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn tail_words_are_the_bytes_little_endian() {
        let bytes = b"\xc3\xa4bcdefg";
        for n in 0..8 {
            let rest = &bytes[..n];
            let expected = rest
                .iter()
                .rev()
                .fold(0u64, |w, &b| (w << 8) | u64::from(b));
            assert_eq!(tail_word(rest), expected, "{n} bytes");
        }
    }

    #[test]
    fn genitives_count_for_their_base() {
        let s = stats("a", "Laut Schoigu und Schoigus Sprecher sowie Kims Zug.");
        assert_eq!(s.get("Schoigu").map(|s| s.count), Some(2));
        assert!(s.get("Schoigus").is_none());
        assert_eq!(s.get("Kims").map(|s| s.count), Some(1));
    }

    #[test]
    fn german_transliteration_wins_over_the_majority() {
        let s = stats(
            "a",
            "Minister Shoigu und Minister Shoigu trafen Minister Schoigu.",
        );
        let v = s.decide(false, false);
        assert_eq!(winners(&v), [("Shoigu".into(), "Schoigu".into())]);
        let (len, cluster, i) = v.lookup("Shoigus").unwrap();
        assert_eq!(len, "Shoigu".len());
        assert_eq!(cluster.reason(i), Reason::German);
        assert_eq!(cluster.describe(false), "Shoigu (2×) vs Schoigu (1×)");
    }

    #[test]
    fn the_majority_decides_between_equally_german_spellings() {
        let s = stats("a", "mit Volodymyr und Wolodymyr sowie Wolodymyr.");
        let v = s.decide(false, false);
        assert_eq!(winners(&v), [("Volodymyr".into(), "Wolodymyr".into())]);
        let (_, c, i) = v.lookup("Volodymyr").unwrap();
        assert_eq!(c.reason(i), Reason::Majority);
    }

    #[test]
    fn korean_names_follow_the_house_style() {
        let s = stats(
            "a",
            "mit Jo Chun-ryong, dann Jo Chun-ryong und Jo Chun Ryong.",
        );
        assert_eq!(
            winners(&s.decide(false, false)),
            [("Jo Chun-ryong".into(), "Jo Chun Ryong".into())]
        );
        assert_eq!(
            winners(&s.decide(true, false)),
            [("Jo Chun Ryong".into(), "Jo Chun-ryong".into())]
        );
    }

    #[test]
    fn no_cluster_without_a_transliterated_spelling_or_a_name_position() {
        for text in [
            "Der Sinn und das Zinn.",
            "mit Wetter und Vetter",
            "sagte Hassan und Hasan",
            "sagte Müller und Muller",
            "Shoigu kam. Schoigu ging.",
            "Minister Schoigu und Minister Schoigu",
        ] {
            assert!(
                winners(&stats("a", text).decide(false, false)).is_empty(),
                "{text}"
            );
        }
    }

    #[test]
    fn corpus_counts_span_files() {
        let corpus = stats("a.txt", "sagte Minister Shoigu.")
            .merge(stats(
                "b.txt",
                "sagte Minister Schoigu und Minister Schoigu.",
            ))
            .merge(stats("c.txt", "laut Schoigus Sprecher."));
        let v = corpus.decide(false, true);
        let (_, c, _) = v.lookup("Shoigu").unwrap();
        assert_eq!(
            c.describe(true),
            "Schoigu (3×, 2 files: b.txt, c.txt) vs Shoigu (1×, 1 file: a.txt)"
        );
    }
}

//! Name spellings: English or non-standard transliterations where German
//! news writes a German form (`Shoigu` → `Schoigu`, `Pyongyang` →
//! `Pjöngjang`), and one name spelled two ways in a file or across the
//! files of one run.
//!
//! Known names come from `rules/transliteration.toml` plus the configured
//! `[[transliteration.names]]`; unknown names are grouped by
//! [`crate::names`] (transliteration keys and spelling statistics).

use std::ops::Range;
use std::sync::{Arc, LazyLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;

use crate::config::{ConfigError, Settings};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::document::Document;
use crate::locale::Locale;
use crate::names::fold::{self, features};
use crate::names::units::{for_each_unit, NameWords};
use crate::names::{
    hyphenated_style, strip_genitive, CorpusNames, FxMap, FxSet, NameStats, Reason,
};
use crate::rule::{Context, FixAvailability, Rule, RuleMeta};
use crate::rules::lexicon::has_inner_capital;

static TABLE_TOML: &str = include_str!("../../rules/transliteration.toml");

pub fn rules(settings: &Settings) -> Result<Vec<Box<dyn Rule>>, ConfigError> {
    let table = NameTable::for_settings(settings)?;
    Ok(vec![
        Box::new(NonStandard {
            table: table.clone(),
        }),
        Box::new(Inconsistent {
            table,
            hyphenated: hyphenated_style(settings),
        }),
    ])
}

// ---------------------------------------------------------------- the table

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    name: Vec<TableEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct TableEntry {
    canonical: String,
    #[serde(default)]
    variants: Vec<String>,
    kind: String,
    alt_style: Option<String>,
    note: Option<String>,
}

static EMBEDDED: LazyLock<Vec<TableEntry>> = LazyLock::new(|| {
    toml::from_str::<TableFile>(TABLE_TOML)
        .expect("rules/transliteration.toml is valid (tested)")
        .name
});

/// The canonical spelling and the variants of every entry of the embedded
/// table: the speller accepts the canonical names and leaves the variants
/// to these rules, so names live in one place.
pub(crate) fn embedded_names() -> impl Iterator<Item = (&'static str, &'static [String])> {
    EMBEDDED
        .iter()
        .map(|e| (e.canonical.as_str(), e.variants.as_slice()))
}

static DEFAULT_TABLE: LazyLock<Arc<NameTable>> = LazyLock::new(|| {
    Arc::new(NameTable::build(&[], false).expect("rules/transliteration.toml is valid (tested)"))
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Person,
    /// A first name: only before a capitalised word (a surname).
    GivenName,
    Place,
    Organisation,
    Term,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "person" => Kind::Person,
            "given-name" => Kind::GivenName,
            "place" => Kind::Place,
            "organisation" => Kind::Organisation,
            "term" => Kind::Term,
            _ => return None,
        })
    }
}

#[derive(Debug)]
struct Entry {
    canonical: String,
    kind: Kind,
    note: Option<String>,
    /// The other house style's form, when the document may follow it.
    alt: Option<String>,
    /// The German form is not certain (`note = "unsure"`).
    unsure: bool,
}

impl Entry {
    /// Unsure entries get a suggestion only; names that inflect
    /// (organisations, terms, places of several words such as `Schwarzes
    /// Meer`) need a person to adapt articles and endings.
    fn applicability(&self) -> Applicability {
        if self.unsure {
            return Applicability::DisplayOnly;
        }
        let inflects = match self.kind {
            Kind::Person | Kind::GivenName => false,
            Kind::Place => self.canonical.contains(' '),
            Kind::Organisation | Kind::Term => true,
        };
        if inflects {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        }
    }
}

/// Known names: every variant phrase, found with one Aho-Corasick automaton,
/// and the transliteration keys of one-word canonical forms, so that
/// unlisted spellings of a listed name are found too (`Lavrow`).
#[derive(Debug)]
pub struct NameTable {
    entries: Vec<Entry>,
    matcher: Option<AhoCorasick>,
    variants: FxMap<String, usize>,
    canonicals: FxMap<String, usize>,
    /// Key → entry; `None` when two entries share the key (`Waleri`, `Walerij`).
    by_key: FxMap<Vec<u8>, Option<usize>>,
    /// Signatures of the keys in `by_key`, to skip most words cheaply.
    signatures: FxSet<u64>,
}

/// Words before a listed spelling that make it part of an English proper
/// name, which stays English (`Air India`, `Times of India`, `The Moscow
/// Times`); so does a brand-like word before it (`GeoSphere Austria`). After the spelling, any capitalised word does the same for
/// places, organisations and terms (`Kyiv Independent`, `Munich Re`,
/// `South Africa Headlines`); names of people are often followed by a
/// capitalised word in German (`traf Shoigu Kim`).
const ENGLISH_NAME_BEFORE: &[&str] = &["Air", "The", "of"];

fn config_error(path: &std::path::Path, message: String) -> ConfigError {
    ConfigError {
        path: path.to_path_buf(),
        message,
    }
}

impl NameTable {
    /// The table for a configuration: the embedded one, unless the
    /// configuration adds names or picks the hyphenated house style.
    pub fn for_settings(settings: &Settings) -> Result<Arc<NameTable>, ConfigError> {
        let config_path = settings.config_path.clone().unwrap_or_default();
        let t = &settings.file.transliteration;
        match t.style.as_deref() {
            None | Some("dpa") | Some("hyphenated") => {}
            Some(other) => {
                return Err(config_error(
                    &config_path,
                    format!("[transliteration] style `{other}` is not `dpa` or `hyphenated`"),
                ))
            }
        }
        match t.scope.as_deref() {
            None | Some("file") | Some("corpus") => {}
            Some(other) => {
                return Err(config_error(
                    &config_path,
                    format!("[transliteration] scope `{other}` is not `file` or `corpus`"),
                ))
            }
        }
        let hyphenated = hyphenated_style(settings);
        if t.names.is_empty() && !hyphenated {
            return Ok(DEFAULT_TABLE.clone());
        }
        let extra: Vec<TableEntry> = t
            .names
            .iter()
            .map(|n| TableEntry {
                canonical: n.canonical.clone(),
                variants: n.variants.clone(),
                kind: n.kind.clone().unwrap_or_else(|| "person".into()),
                alt_style: None,
                note: n.note.clone(),
            })
            .collect();
        NameTable::build(&extra, hyphenated)
            .map(Arc::new)
            .map_err(|m| config_error(&config_path, format!("[[transliteration.names]]: {m}")))
    }

    /// Configured entries first, so they win over the embedded ones.
    fn build(extra: &[TableEntry], hyphenated: bool) -> Result<NameTable, String> {
        let mut table = NameTable {
            entries: Vec::new(),
            matcher: None,
            variants: FxMap::default(),
            canonicals: FxMap::default(),
            by_key: FxMap::default(),
            signatures: FxSet::default(),
        };
        let mut phrases: Vec<String> = Vec::new();
        let mut key = Vec::new();
        for raw in extra.iter().chain(EMBEDDED.iter()) {
            let kind = Kind::parse(&raw.kind)
                .ok_or_else(|| format!("`{}`: unknown kind `{}`", raw.canonical, raw.kind))?;
            let mut canonical = raw.canonical.clone();
            let mut variants = raw.variants.clone();
            let mut alt = raw.alt_style.clone();
            // The hyphenated style swaps the canonical and the alternative
            // form for Korean names, whose forms differ only by hyphens.
            if let Some(a) = raw
                .alt_style
                .as_ref()
                .filter(|a| hyphenated && korean_pair(a, &raw.canonical))
            {
                variants.retain(|v| v != a);
                variants.push(canonical.clone());
                alt = Some(canonical);
                canonical = a.clone();
            }
            if table.canonicals.contains_key(&canonical) {
                continue;
            }
            let index = table.entries.len();
            table.canonicals.insert(canonical.clone(), index);
            if matches!(kind, Kind::Person | Kind::GivenName | Kind::Place)
                && is_one_unit(&canonical)
            {
                fold::key(&canonical, &mut key);
                table.signatures.insert(fold::signature(&canonical));
                table
                    .by_key
                    .entry(key.clone())
                    .and_modify(|e| *e = None)
                    .or_insert(Some(index));
            }
            for v in variants {
                if !table.variants.contains_key(&v) && !table.canonicals.contains_key(&v) {
                    phrases.push(v.clone());
                    table.variants.insert(v, index);
                }
            }
            table.entries.push(Entry {
                canonical,
                kind,
                unsure: raw.note.as_deref().is_some_and(|n| n.starts_with("unsure")),
                note: raw.note.clone(),
                alt,
            });
        }
        phrases.retain(|p| !table.canonicals.contains_key(p));
        phrases.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        if !phrases.is_empty() {
            // Leftmost-first over phrases sorted longest first finds the
            // longest phrase at the leftmost position. Aho-Corasick needs no
            // warm-up, unlike the lazy DFA of a regular expression of ~1,000
            // alternatives, which spent more time building states than
            // searching. Its contiguous NFA searches the 10 MB folder as
            // fast as a full DFA (same CPU time), which takes 3.5 ms longer
            // to build (4.5 ms against 1 ms) and 3 MB more memory: too much
            // for the one-article run of a pre-commit hook.
            let patterns: Vec<String> = phrases.iter().flat_map(|p| space_variants(p)).collect();
            table.matcher = Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostFirst)
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(&patterns)
                    .map_err(|e| format!("cannot build the name matcher: {e}"))?,
            );
        }
        Ok(table)
    }

    /// The entry a known spelling belongs to, and whether it is the
    /// canonical one. `None` for names the table does not know.
    fn known(&self, surface: &str) -> Option<(usize, bool)> {
        if let Some(&i) = self.canonicals.get(surface) {
            return Some((i, true));
        }
        self.variants.get(surface).map(|&i| (i, false))
    }

    /// Whether the table, not the spelling statistics, decides about a name
    /// candidate: it is listed (also as a genitive) or shares a key with a
    /// listed name.
    fn decides(&self, surface: &str, key: &mut Vec<u8>) -> bool {
        let base = strip_genitive(surface);
        if self.known(surface).is_some() || base.is_some_and(|b| self.known(b).is_some()) {
            return true;
        }
        [Some(surface), base]
            .into_iter()
            .flatten()
            .any(|s| self.key_entry(s, key).is_some())
    }

    /// Listed variants in the document, where they stand as names.
    fn matches(&self, doc: &Document) -> Vec<TableMatch> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let text = doc.text.as_str();
        let mut out = Vec::new();
        for m in matcher.find_iter(text) {
            let phrase = text[m.range()].replace('\u{a0}', " ");
            let Some(&entry) = self.variants.get(&phrase) else {
                continue;
            };
            let before = text[..m.start()].chars().next_back();
            let first = phrase.chars().next().unwrap_or(' ');
            let starts_ok = match before {
                None => true,
                Some('-') => true,
                Some(c) if c.is_lowercase() && first.is_uppercase() => true, // glued: `LuftabwehrSergei`
                Some(c) => !c.is_alphanumeric(),
            };
            let mut rest = text[m.end()..].chars();
            let after = rest.next();
            // `Tripolis` is a name of its own, not the genitive of `Tripoli`.
            let genitive = after == Some('s')
                && strip_genitive(&text[m.start()..m.end() + 1]).is_some()
                && !self.canonicals.contains_key(&text[m.start()..m.end() + 1])
                && !rest.next().is_some_and(char::is_alphanumeric);
            let ends_ok = genitive || !after.is_some_and(|c| c.is_alphanumeric());
            if !starts_ok || !ends_ok {
                continue;
            }
            let end = m.end() + usize::from(genitive);
            let e = &self.entries[entry];
            let capital_after =
                word_after(text, end).is_some_and(|w| w.starts_with(char::is_uppercase));
            let english_name = word_before(text, m.start())
                .is_some_and(|w| ENGLISH_NAME_BEFORE.contains(&w) || has_inner_capital(w))
                || (capital_after && !matches!(e.kind, Kind::Person | Kind::GivenName));
            let lone_given_name = e.kind == Kind::GivenName && (genitive || !capital_after);
            if english_name || lone_given_name {
                continue;
            }
            out.push(TableMatch {
                range: m.range(),
                entry,
                phrase,
            });
        }
        out
    }

    /// A name candidate that is not listed but shares its transliteration
    /// key with a listed one-word (or Korean) name: `Lavrow` for `Lawrow`.
    /// The entry whose canonical form shares the key of `surface`, unless
    /// several do.
    fn key_entry(&self, surface: &str, key: &mut Vec<u8>) -> Option<usize> {
        if !self.signatures.contains(&fold::signature(surface)) {
            return None;
        }
        // Only a transliterated-looking spelling can be a variant of a
        // listed name; this also keeps keys from being computed for most
        // German words whose signature happens to match.
        if !surface.contains(' ') && !features(surface).foreign && self.known(surface).is_none() {
            return None;
        }
        fold::key(surface, key);
        self.by_key.get(key.as_slice()).copied().flatten()
    }

    /// A word that is not listed but shares its transliteration key with a
    /// listed one-word name (`Lavrow` for `Lawrow`): the entry and the
    /// length of the variant (without a genitive `-s`).
    fn key_variant(&self, word: &str, key: &mut Vec<u8>) -> Option<(usize, usize)> {
        for s in [Some(word), strip_genitive(word)].into_iter().flatten() {
            if let Some(entry) = self.key_entry(s, key) {
                return (self.known(s).is_none()).then_some((entry, s.len()));
            }
        }
        None
    }
}

/// A phrase with every combination of space and no-break space between its
/// words, in a fixed order (`Kim Jong Un` gives four spellings with two
/// spaces). Listed names have at most a few spaces.
fn space_variants(phrase: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for (i, word) in phrase.split(' ').enumerate() {
        if i == 0 {
            out[0].push_str(word);
            continue;
        }
        out = out
            .into_iter()
            .flat_map(|v| [format!("{v} {word}"), format!("{v}\u{a0}{word}")])
            .collect();
    }
    out
}

/// Whether two spellings of a Korean name differ only by hyphens and case.
fn korean_pair(a: &str, b: &str) -> bool {
    let (mut ka, mut kb) = (Vec::new(), Vec::new());
    fold::key(a, &mut ka);
    fold::key(b, &mut kb);
    a.contains(' ') && ka == kb
}

/// Whether a canonical spelling is one name candidate (a word or a run of
/// romanized syllables), as the document scan would see it.
fn is_one_unit(canonical: &str) -> bool {
    let doc = Document::plain(&format!("laut {canonical} heute"), Locale::DeDe);
    let mut units = Vec::new();
    for_each_unit(&doc, |u| units.push(u.surface.into_owned()));
    units == [canonical]
}

/// The word after `at`, past one space.
fn word_after(text: &str, at: usize) -> Option<&str> {
    let rest = text[at..].strip_prefix([' ', '\u{a0}'])?;
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// The word before `at`, past one space.
fn word_before(text: &str, at: usize) -> Option<&str> {
    let head = text[..at].strip_suffix([' ', '\u{a0}'])?;
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start < head.len()).then(|| &head[start..])
}

#[derive(Debug)]
struct TableMatch {
    /// The variant, without a genitive `-s`.
    range: Range<usize>,
    entry: usize,
    phrase: String,
}

// ---------------------------------------------------------------- rules

/// One spelling to replace, before adjacent ones are joined.
struct NameFinding {
    range: Range<usize>,
    message: String,
    replacement: String,
    applicability: Applicability,
}

/// Reports the findings in text order; the parts of one name that stand
/// next to each other (`Sergei Shoigu`, `Đorđe Petrović`) make one finding
/// with one fix, since they are one occurrence of the name.
fn emit(rule: &dyn Rule, doc: &Document, mut found: Vec<NameFinding>, out: &mut Vec<Diagnostic>) {
    found.sort_by_key(|f| f.range.start);
    let mut i = 0;
    while i < found.len() {
        let mut j = i + 1;
        while j < found.len()
            && matches!(
                &doc.text[found[j - 1].range.end..found[j].range.start],
                " " | "\u{a0}"
            )
        {
            j += 1;
        }
        let group = &found[i..j];
        let range = group[0].range.start..group[j - i - 1].range.end;
        let message = group
            .iter()
            .map(|f| f.message.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        let applicability = group
            .iter()
            .map(|f| f.applicability)
            .min()
            .unwrap_or(Applicability::DisplayOnly);
        let edits = group
            .iter()
            .map(|f| Edit::replace(f.range.clone(), f.replacement.clone()))
            .collect();
        let mut d = Diagnostic::new(rule.meta().id, range, message)
            .with_fix(Fix::new(applicability, edits));
        d.severity = rule.meta().severity;
        out.push(d);
        i = j;
    }
}

/// A listed English or non-standard spelling where German news writes
/// another form.
pub struct NonStandard {
    table: Arc<NameTable>,
}

static NON_STANDARD: RuleMeta = RuleMeta {
    id: "transliteration/non-standard",
    severity: Severity::Warning,
    summary: "A foreign name in English or non-standard transliteration where German news has its own spelling",
    explanation: "Machine translation copies names as the source wrote them: English \
transliterations of Russian, Ukrainian, Arabic or Korean names and English exonyms. German \
news (dpa, Duden) writes them differently, and mixing both in one text or site looks careless. \
The spellings come from `rules/transliteration.toml` and `[[transliteration.names]]`; spellings \
that differ from a listed name only by transliteration (`Lavrow` for `Lawrow`) are found too. \
Names are fixed safely; organisations, terms and places of several words may need other \
endings, so their fix is unsafe. Entries whose German form is unsure are reported only when the \
text also uses that form. Korean names follow dpa (`Kim Jong Un`) unless `[transliteration] \
style = \"hyphenated\"`.\n\n\
Bad:  \"Verteidigungsminister Shoigu besuchte Pyongyang.\"\n\
Good: \"Verteidigungsminister Schoigu besuchte Pjöngjang.\"",
    fix: FixAvailability::Sometimes,
};

impl Rule for NonStandard {
    fn meta(&self) -> &'static RuleMeta {
        &NON_STANDARD
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let table = &self.table;
        let mut matches = table.matches(doc);
        let mut key = Vec::new();
        let mut next = 0;
        let listed: Vec<Range<usize>> = matches.iter().map(|m| m.range.clone()).collect();
        let names = doc.shared(NameWords::new);
        for range in &names.words {
            let word = &doc.text[range.clone()];
            while next < listed.len() && listed[next].end <= range.start {
                next += 1;
            }
            if listed.get(next).is_some_and(|r| r.start < range.end) {
                continue;
            }
            let Some((entry, len)) = table.key_variant(word, &mut key) else {
                continue;
            };
            let range = range.start..range.start + len;
            let capital_after =
                word_after(&doc.text, range.end).is_some_and(|w| w.starts_with(char::is_uppercase));
            if table.entries[entry].kind == Kind::GivenName && (len < word.len() || !capital_after)
            {
                continue;
            }
            matches.push(TableMatch {
                phrase: word[..len].to_string(),
                range,
                entry,
            });
        }
        let found = matches
            .into_iter()
            .filter_map(|m| {
                let e = &table.entries[m.entry];
                let used = doc.text.contains(e.canonical.as_str());
                if e.unsure && !used {
                    return None;
                }
                let mut message = format!("`{}`: German news writes `{}`", m.phrase, e.canonical);
                if let Some(note) = e.note.as_deref().filter(|n| *n != "dpa") {
                    message.push_str(&format!(" ({note})"));
                }
                if e.alt.as_deref() == Some(m.phrase.as_str()) && !used {
                    message.push_str(
                        "; this text consistently uses another house style, which `[transliteration] style` can select",
                    );
                }
                Some(NameFinding {
                    range: m.range,
                    message,
                    replacement: e.canonical.clone(),
                    applicability: e.applicability(),
                })
            })
            .collect();
        emit(self, doc, found, out);
    }
}

/// One name spelled in several ways within a file or across the run.
pub struct Inconsistent {
    table: Arc<NameTable>,
    hyphenated: bool,
}

static INCONSISTENT: RuleMeta = RuleMeta {
    id: "transliteration/inconsistent",
    severity: Severity::Warning,
    summary: "One name spelled in several transliterations in a file or across the files of a run",
    explanation: "Spellings that differ only where English and German transliteration differ \
(`sh`/`sch`, `v`/`w`, `y`/`j`, `kh`/`ch`, `-y`/`-ij`, hyphens in Korean names) are one name. \
When a text or a set of texts mixes them, the German-looking spelling wins (Korean names follow \
the house style, dpa: `Jo Chun Ryong`), otherwise the more frequent one. In corpus mode (the \
default when checking several files; `--no-corpus` or `[transliteration] scope = \"file\"` turns \
it off) the counts span every file, and the message lists them. Spellings that differ in any \
other letter are different names (`Marin`/`Martin`). The fix is unsafe: different people can \
share a name; listed names are left to `transliteration/non-standard`.\n\n\
Bad:  \"Trainer Kovalyov … später sagte Kowaljow\"\n\
Good: \"Trainer Kowaljow … später sagte Kowaljow\"",
    fix: FixAvailability::Unsafe,
};

impl Rule for Inconsistent {
    fn meta(&self) -> &'static RuleMeta {
        &INCONSISTENT
    }

    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if ctx.corpus.is_some_and(|c| c.verdicts().is_empty()) {
            return;
        }
        let names = doc.shared(NameWords::new);
        let units = names.units(doc);
        let file_scope;
        let verdicts = match ctx.corpus {
            Some(corpus) => corpus.verdicts(),
            None => {
                file_scope = NameStats::from_units(&units).decide(self.hyphenated, false);
                &file_scope
            }
        };
        if verdicts.is_empty() {
            return;
        }
        let mut key = Vec::new();
        let mut found = Vec::new();
        for unit in &units {
            let Some((base_len, cluster, member)) = verdicts.lookup(&unit.surface) else {
                continue;
            };
            if self.table.decides(&unit.surface, &mut key) {
                continue;
            }
            let loser = &cluster.members[member];
            let winner = cluster.winner();
            let range = unit.range.start..unit.range.end - (unit.surface.len() - base_len);
            let reason = cluster.reason(member);
            let why = match reason {
                Reason::German => "the spelling German news uses",
                Reason::KoreanStyle => "the house style for Korean names",
                Reason::Majority => "the more frequent spelling",
                Reason::Tie => "one of equally frequent spellings",
            };
            let scope = if verdicts.corpus {
                "in these files"
            } else {
                "in this file"
            };
            let message = format!(
                "`{}` is spelled differently {scope}: {}; use `{}`, {why}",
                loser.surface,
                cluster.describe(verdicts.corpus),
                winner.surface
            );
            found.push(NameFinding {
                range,
                message,
                replacement: winner.surface.clone(),
                applicability: if reason == Reason::Tie {
                    Applicability::DisplayOnly
                } else {
                    Applicability::Unsafe
                },
            });
        }
        emit(self, doc, found, out);
    }
}

/// `schliff names`: the groups of spellings found, with counts, files and
/// the chosen spelling, and the listed non-standard spellings, for an
/// editor to review. Listed spellings of several words (`Black Sea`) are
/// not name candidates and show only in `schliff check`.
pub fn review(corpus: &CorpusNames, settings: &Settings) -> Result<String, ConfigError> {
    let table = NameTable::for_settings(settings)?;
    let mut key = Vec::new();
    let mut canonical_of = |surface: &str| -> Option<String> {
        let base = strip_genitive(surface);
        let entry = table
            .known(surface)
            .or_else(|| base.and_then(|b| table.known(b)))
            .map(|(i, _)| i)
            .or_else(|| table.key_entry(surface, &mut key))?;
        Some(table.entries[entry].canonical.clone())
    };
    let mut out = String::new();
    let line = |surface: &str, stat: (u32, u32, &[Arc<str>]), chosen: bool| {
        let (count, files, paths) = stat;
        let files_text = if files == 1 {
            "1 file".to_string()
        } else {
            format!("{files} files")
        };
        let mut list = paths
            .iter()
            .map(|p| p.as_ref())
            .collect::<Vec<_>>()
            .join(", ");
        if files as usize > paths.len() {
            list.push_str(", …");
        }
        let mark = if chosen { "✓" } else { "✗" };
        format!("  {mark} {surface:<28} {count:>5}×  {files_text:>9}  {list}\n")
    };
    let mut shown: FxSet<&str> = FxSet::default();
    for cluster in &corpus.verdicts().clusters {
        let listed = cluster
            .members
            .iter()
            .find_map(|m| canonical_of(&m.surface));
        // Members are sorted by frequency: the reason against the most
        // frequent other spelling is the one that mattered.
        let runner_up = usize::from(cluster.winner == 0);
        let (chosen, why) = match (&listed, cluster.reason(runner_up)) {
            (Some(c), _) => (c.as_str(), "listed in the table"),
            (None, Reason::German) => (cluster.winner().surface.as_str(), "German spelling"),
            (None, Reason::KoreanStyle) => (
                cluster.winner().surface.as_str(),
                "house style for Korean names",
            ),
            (None, Reason::Majority) => (cluster.winner().surface.as_str(), "majority"),
            (None, Reason::Tie) => (cluster.winner().surface.as_str(), "tie"),
        };
        out.push_str(&format!("{chosen} ({why})\n"));
        for m in &cluster.members {
            out.push_str(&line(
                &m.surface,
                (m.count, m.files, &m.paths),
                m.surface == chosen,
            ));
            shown.insert(&m.surface);
        }
    }
    // Listed spellings with no variant in sight.
    let mut listed: Vec<(String, &str, &crate::names::Stat)> = corpus
        .stats()
        .iter()
        .filter(|(surface, _)| !shown.contains(*surface))
        .filter_map(|(surface, stat)| {
            let canonical = canonical_of(surface)?;
            (strip_genitive(surface).unwrap_or(surface) != canonical && surface != canonical)
                .then_some((canonical, surface, stat))
        })
        .collect();
    listed.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
    let mut previous = "";
    for (canonical, surface, stat) in &listed {
        if canonical != previous {
            out.push_str(&format!("{canonical} (listed in the table)\n"));
            previous = canonical;
        }
        out.push_str(&line(surface, (stat.count, stat.files, &stat.paths), false));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{CliOverrides, ConfigFile};
    use crate::rules::testing::{check, fixed, flagged};

    fn non_standard() -> NonStandard {
        NonStandard {
            table: DEFAULT_TABLE.clone(),
        }
    }

    fn inconsistent() -> Inconsistent {
        Inconsistent {
            table: DEFAULT_TABLE.clone(),
            hyphenated: false,
        }
    }

    fn settings(config: &str) -> Settings {
        let file = ConfigFile::parse(config, std::path::Path::new("schliff.toml")).unwrap();
        Settings::new(None, file, &CliOverrides::default()).unwrap()
    }

    /// Runs both rules with the given settings and, optionally, corpus.
    fn run(settings: &Settings, text: &str, corpus: Option<&CorpusNames>) -> Vec<Diagnostic> {
        let doc = Document::plain(text, Locale::DeDe);
        let ctx = Context { settings, corpus };
        let mut out = Vec::new();
        for rule in rules(settings).unwrap() {
            rule.check(&doc, &ctx, &mut out);
        }
        out
    }

    fn replacement(d: &Diagnostic) -> Vec<&str> {
        d.fix
            .iter()
            .flat_map(|f| f.edits.iter().map(|e| e.replacement.as_str()))
            .collect()
    }

    #[test]
    fn every_listed_variant_is_reported_with_its_canonical() {
        let rule = non_standard();
        let mut failures = Vec::new();
        for e in EMBEDDED.iter() {
            for v in &e.variants {
                let surname = if e.kind == "given-name" {
                    " Kowalski"
                } else {
                    ""
                };
                let text = format!(
                    "Gestern ging es um {v}{surname} und mehr. Auch {} kam vor.",
                    e.canonical
                );
                let found = check(&rule, &text);
                let ok = found.iter().any(|d| {
                    text[d.range.clone()] == **v && replacement(d) == [e.canonical.as_str()]
                });
                if !ok {
                    failures.push(format!("{v} → {}: {found:?}", e.canonical));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn every_listed_canonical_is_left_alone() {
        let rule = non_standard();
        for e in EMBEDDED.iter() {
            let surname = if e.kind == "given-name" {
                " Kowalski"
            } else {
                ""
            };
            let text = format!("Gestern ging es um {}{surname} und mehr.", e.canonical);
            assert!(check(&rule, &text).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_hyphenated_style_swaps_korean_names() {
        let s = settings("[transliteration]\nstyle = \"hyphenated\"\n");
        let found = run(
            &s,
            "Machthaber Kim Jong Un und Kim Jong-un trafen sich.",
            None,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(replacement(&found[0]), ["Kim Jong-un"]);
        // Other alternative forms (diacritics, Kyjiw) keep the dpa choice.
        let found = run(&s, "Es ging nach Kyjiw.", None);
        assert_eq!(
            found.iter().flat_map(replacement).collect::<Vec<_>>(),
            ["Kiew"]
        );
    }

    #[test]
    fn configured_names_are_added() {
        let s = settings(
            "[[transliteration.names]]\ncanonical = \"Tschernyschow\"\nvariants = [\"Chernyshov\"]\n",
        );
        let found = run(&s, "Laut Chernyshov wurde verhandelt.", None);
        assert_eq!(
            found.iter().flat_map(replacement).collect::<Vec<_>>(),
            ["Tschernyschow"]
        );
        let bad = ConfigFile::parse(
            "[transliteration]\nstyle = \"faz\"\n",
            std::path::Path::new("c.toml"),
        )
        .unwrap();
        assert!(rules(&Settings::new(None, bad, &CliOverrides::default()).unwrap()).is_err());
    }

    #[test]
    fn listed_spellings_are_fixed_with_genitives_and_compounds() {
        let rule = non_standard();
        for (bad, good) in [
            (
                "Der Machthaber Kim Jong-un und Kim Jong-uns Pläne.",
                "Der Machthaber Kim Jong Un und Kim Jong Uns Pläne.",
            ),
            (
                "Minister Shoigus Besuch in Pyongyang.",
                "Minister Schoigus Besuch in Pjöngjang.",
            ),
            (
                "Der Kyiv-Besuch und die Anti-Zelensky-Proteste.",
                "Der Kiew-Besuch und die Anti-Selenskyj-Proteste.",
            ),
            (
                "General der LuftabwehrSergei Surowikin.",
                "General der LuftabwehrSergej Surowikin.",
            ),
            // Not listed, but one transliteration away from a listed name.
            (
                "Außenminister Lavrow und Präsident Selenskij.",
                "Außenminister Lawrow und Präsident Selenskyj.",
            ),
        ] {
            assert_eq!(fixed(&rule, bad), good);
            assert_eq!(fixed(&rule, good), good, "idempotent");
        }
    }

    #[test]
    fn one_name_is_one_finding() {
        let text = "Minister Sergei Shoigu kam.";
        let found = check(&non_standard(), text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], "Sergei Shoigu");
        assert_eq!(fixed(&non_standard(), text), "Minister Sergej Schoigu kam.");
    }

    #[test]
    fn listed_spellings_in_english_names_and_alone_are_left_alone() {
        let rule = non_standard();
        for ok in [
            "Laut der Zeitung Kyiv Independent wurde verhandelt.",
            "Der Konzern Munich Re meldet Gewinne.",
            "Ein Flug mit Air India landete.",
            "Die Times of India berichtete.",
            "Der Wetterdienst GeoSphere Austria warnte.",
            "Das Ökosystem Silicon Valley wächst.",
            "Davon sprach später auch Sergei.",
            "Die Indianer und der Indiana-Jones-Film.",
            "Der Kim-Jong-un-Film lief.",
            "Choe Sun-hui und Chang Ho-jin reisten mit.",
        ] {
            assert!(check(&rule, ok).is_empty(), "{ok}: {:?}", check(&rule, ok));
        }
    }

    #[test]
    fn unsure_entries_are_reported_only_beside_their_german_form() {
        let rule = non_standard();
        assert!(check(&rule, "Vizeminister Oleksandr Kowalenko sprach.").is_empty());
        let found = check(
            &rule,
            "Olexander Kowalenko und Oleksandr Kowalenko sprachen.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].fix.as_ref().unwrap().applicability,
            Applicability::DisplayOnly
        );
    }

    #[test]
    fn names_that_inflect_get_an_unsafe_fix() {
        let found = check(&non_standard(), "Die Flotte im Black Sea und das Ufer.");
        assert_eq!(
            found[0].fix.as_ref().unwrap().applicability,
            Applicability::Unsafe
        );
        let found = check(&non_standard(), "Er reiste nach Pyongyang.");
        assert_eq!(
            found[0].fix.as_ref().unwrap().applicability,
            Applicability::Safe
        );
    }

    #[test]
    fn unlisted_variants_in_one_file_are_grouped() {
        let rule = inconsistent();
        for (text, bad, good) in [
            // Russian, Ukrainian, Arabic, Turkish, Korean, Chinese names the table does not list.
            ("Trainer Kovalyov lobte Kowaljow.", "Kovalyov", "Kowaljow"),
            (
                "Bürgermeister Hrytsenko und später Hryzenko",
                "Hrytsenko",
                "Hryzenko",
            ),
            ("Scheich Khalil traf Chalil.", "Khalil", "Chalil"),
            (
                "Sprecher Kurtulmuş und Kurtulmus und Kurtulmus",
                "Kurtulmuş",
                "Kurtulmus",
            ),
            (
                "Minister Ri Yong-ho und Ri Yong Ho",
                "Ri Yong-ho",
                "Ri Yong Ho",
            ),
            (
                "Funktionär Zhao Le-ji und dann Zhao Leji und Zhao Leji",
                "Zhao Le-ji",
                "Zhao Leji",
            ),
            (
                "Bei Chernyshov, später Tschernyschow",
                "Chernyshov",
                "Tschernyschow",
            ),
            ("Komponist Bakh und Bach", "Bakh", "Bach"),
        ] {
            let found = check(&rule, text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(&text[found[0].range.clone()], bad, "{text}");
            assert_eq!(replacement(&found[0]), [good], "{text}");
            let once = fixed(&rule, text);
            assert!(check(&rule, &once).is_empty(), "idempotent: {once}");
        }
    }

    #[test]
    fn different_names_and_german_words_are_not_grouped() {
        let rule = inconsistent();
        for ok in [
            "Sanna Marin und Martin Schulz",
            "Kim und Kin",
            "Wolf und Wolff",
            "Putin und Puten",
            "Der Sinn und das Zinn, Sinn und Zinn.",
            "bei Wetter und Vetter",
            "Meier und Meyer",
            "Hassan und Hasan",
            "Müller und Muller",
            "Stein und Schtein",
            "Kim Jong Un und Kim Jong Il",
            "Jo Chun Ryong und Jo Chun Rong",
            "Dmitri und Dmytro",
            "Zeit, seit Seit und Zeit",
            // Names spelled one way throughout.
            "Minister Kovalyov sagte, Kovalyov sei bereit.",
            "Choe Sun-hui und Chang Ho-jin",
        ] {
            assert!(check(&rule, ok).is_empty(), "{ok}: {:?}", check(&rule, ok));
        }
    }

    #[test]
    fn listed_names_are_left_to_the_table() {
        assert!(flagged(&inconsistent(), "Minister Shoigu und Minister Schoigu").is_empty());
        assert!(flagged(&inconsistent(), "Mit Sergei Petrow und Sergej Iwanow").is_empty());
    }

    #[test]
    fn corpus_mode_reports_across_files() {
        let s = Settings::default();
        let doc = |text: &str| Document::plain(text, Locale::DeDe);
        let a = "Funktionär Jo Chun-ryong reiste mit.";
        let b = "Direktor Jo Chun Ryong und Funktionär Kovalyov.";
        let c = "Laut Kowaljow und Kowaljow";
        let mut corpus = CorpusNames::default();
        for (path, text) in [("a.txt", a), ("b.txt", b), ("c.txt", c)] {
            corpus.add_document(path, &doc(text), &s);
        }
        let found = run(&s, a, Some(&corpus));
        assert_eq!(found.len(), 1);
        assert_eq!(replacement(&found[0]), ["Jo Chun Ryong"]);
        assert!(
            found[0]
                .message
                .contains("Jo Chun Ryong (1×, 1 file: b.txt) vs Jo Chun-ryong (1×, 1 file: a.txt)"),
            "{}",
            found[0].message
        );
        let found = run(&s, b, Some(&corpus));
        assert_eq!(
            found.iter().flat_map(replacement).collect::<Vec<_>>(),
            ["Kowaljow"]
        );
        assert!(
            found[0]
                .message
                .contains("Kowaljow (2×, 1 file: c.txt) vs Kovalyov (1×, 1 file: b.txt)"),
            "{}",
            found[0].message
        );
        assert!(run(&s, c, Some(&corpus)).is_empty());
        // Without the corpus, each file is consistent on its own.
        assert!(run(&s, a, None).is_empty() && run(&s, b, None).is_empty());
    }
}

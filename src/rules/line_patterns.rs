//! A list of case-insensitive whole-line patterns, cheap to build and fast
//! to match.
//!
//! Compiling a few hundred Unicode-aware, case-insensitive regexes takes a
//! tenth of a second and tens of MB, which a pre-commit run on one article
//! cannot afford. So no regex is compiled up front: each pattern is parsed
//! only to learn which literals every matching line must begin with and
//! which it must end with (a pattern is anchored at both ends). A sorted
//! table per end finds the patterns whose literals a line has; only
//! those are compiled (once, on first use) and run. A typical article
//! compiles none or a handful.
//!
//! The literals are compared case-folded: letters of the same simple case
//! folding class (`K`, `k` and the Kelvin sign `K`) map to one character, on
//! the line and in the literals alike, which is exactly the equivalence the
//! `(?i)` regex uses. So the prefilter never drops a pattern that matches.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use regex::Regex;
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange, Hir};

/// Literals are cut to this many bytes; longer ones select no better.
const MAX_LITERAL: usize = 12;

/// More literals per pattern end are shortened to common prefixes.
const MAX_LITERALS: usize = 64;

/// Patterns matched case-insensitively against a whole line.
pub(crate) struct LinePatterns {
    sources: Vec<String>,
    regexes: Vec<OnceLock<Regex>>,
    folding: Folding,
    starts: Affixes,
    ends: Affixes,
    /// Per pattern: whether it needs a literal at the start, at the end.
    filters: Vec<(bool, bool)>,
    /// Patterns without literals at either end, tried on every line.
    unfiltered: Vec<u32>,
}

/// The regex a pattern `P` stands for: `P` covering the whole line, any case.
fn whole_line(pattern: &str) -> String {
    format!("(?i)^(?:{pattern})$")
}

impl LinePatterns {
    /// A pattern that does not parse is tried on every line; its error
    /// comes from [`LinePatterns::compile_all`] or from matching.
    pub(crate) fn new<S: AsRef<str>>(patterns: &[S]) -> LinePatterns {
        let mut extractor = Extractor::new();
        extractor
            .limit_literal_len(MAX_LITERAL)
            .limit_total(MAX_LITERALS);
        let literals = |hir: &Hir, kind: ExtractKind| -> Option<Vec<String>> {
            let suffix = kind.is_suffix();
            let seq = extractor.clone().kind(kind).extract(hir);
            let found: Vec<String> = seq
                .literals()?
                .iter()
                .map(|lit| whole_chars(lit.as_bytes(), suffix))
                .collect();
            // An empty literal: some match has nothing fixed at this end.
            (!found.iter().any(String::is_empty)).then_some(found)
        };
        let mut starts = Vec::new();
        let mut ends = Vec::new();
        let mut filters = Vec::new();
        let mut unfiltered = Vec::new();
        for (i, pattern) in patterns.iter().enumerate() {
            // Parsed with case folding off; folding the literals afterwards
            // covers every case variant `(?i)` would accept.
            let hir = regex_syntax::Parser::new().parse(pattern.as_ref()).ok();
            let start = hir.as_ref().and_then(|h| literals(h, ExtractKind::Prefix));
            let end = hir.as_ref().and_then(|h| literals(h, ExtractKind::Suffix));
            filters.push((start.is_some(), end.is_some()));
            if start.is_none() && end.is_none() {
                unfiltered.push(i as u32);
            }
            starts.extend(start.map(|l| (l, i as u32)));
            ends.extend(end.map(|l| (l, i as u32)));
        }
        let chars: BTreeSet<char> = (starts.iter().chain(&ends))
            .flat_map(|(literals, _)| literals.iter().flat_map(|l| l.chars()))
            .collect();
        let folding = Folding::new(chars);
        LinePatterns {
            sources: patterns.iter().map(|p| whole_line(p.as_ref())).collect(),
            regexes: patterns.iter().map(|_| OnceLock::new()).collect(),
            starts: Affixes::new(&folding, starts, false),
            ends: Affixes::new(&folding, ends, true),
            folding,
            filters,
            unfiltered,
        }
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.sources.len()
    }

    /// Compiles every pattern now: the first that fails, with its error.
    pub(crate) fn compile_all(&self) -> Result<(), (usize, regex::Error)> {
        for (i, cell) in self.regexes.iter().enumerate() {
            if cell.get().is_none() {
                let re = Regex::new(&self.sources[i]).map_err(|e| (i, e))?;
                // Another thread may have been first; either regex is the same.
                let _ = cell.set(re);
            }
        }
        Ok(())
    }

    fn regex(&self, i: usize) -> &Regex {
        self.regexes[i].get_or_init(|| {
            Regex::new(&self.sources[i]).expect("pattern checked by compile_all or tests")
        })
    }

    /// The first pattern, in list order, that `wanted` accepts and that
    /// matches `line` as a whole.
    pub(crate) fn find(&self, line: &str, wanted: impl Fn(usize) -> bool) -> Option<usize> {
        let starts = self.starts.owners(&self.folding, line.chars());
        let ends = self.ends.owners(&self.folding, line.chars().rev());
        let mut candidates: Vec<u32> = starts
            .iter()
            .chain(&ends)
            .chain(&self.unfiltered)
            .copied()
            .filter(|&i| {
                let (at_start, at_end) = self.filters[i as usize];
                (!at_start || starts.binary_search(&i).is_ok())
                    && (!at_end || ends.binary_search(&i).is_ok())
            })
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .map(|i| i as usize)
            .find(|&i| wanted(i) && self.regex(i).is_match(line))
    }

    /// The same answer as [`LinePatterns::find`] without the prefilter.
    #[cfg(test)]
    pub(crate) fn find_by_full_scan(
        &self,
        line: &str,
        wanted: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        (0..self.len()).find(|&i| wanted(i) && self.regex(i).is_match(line))
    }
}

/// The whole characters of a literal cut to [`MAX_LITERAL`] bytes: a prefix
/// loses the end of a cut character, a suffix its beginning.
fn whole_chars(bytes: &[u8], suffix: bool) -> String {
    let bytes = if suffix {
        let cut = bytes
            .iter()
            .position(|&b| !(0x80..0xC0).contains(&b))
            .unwrap_or(bytes.len());
        &bytes[cut..]
    } else {
        match std::str::from_utf8(bytes) {
            Ok(_) => bytes,
            Err(e) => &bytes[..e.valid_up_to()],
        }
    };
    // Valid UTF-8 now: a literal of a `str` regex never splits otherwise.
    String::from_utf8_lossy(bytes).into_owned()
}

/// One character per simple case folding class, the way `(?i)` compares.
struct Folding {
    /// Non-ASCII characters of the classes the literals use.
    non_ascii: HashMap<char, char>,
}

impl Folding {
    fn new(chars: BTreeSet<char>) -> Folding {
        let mut non_ascii = HashMap::new();
        // Of ASCII characters only letters have non-ASCII case variants.
        for c in chars
            .into_iter()
            .filter(|c| !c.is_ascii() || c.is_ascii_alphabetic())
        {
            let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
            class.case_fold_simple();
            let members: Vec<char> = class.iter().flat_map(|r| r.start()..=r.end()).collect();
            // ASCII letters stand for their class, lower case (as lines
            // are mostly ASCII); otherwise the smallest member.
            let canonical = members
                .iter()
                .find(|m| m.is_ascii())
                .map_or(members[0], char::to_ascii_lowercase);
            for m in members.into_iter().filter(|m| !m.is_ascii()) {
                non_ascii.insert(m, canonical);
            }
        }
        Folding { non_ascii }
    }

    fn fold(&self, c: char) -> char {
        if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            self.non_ascii.get(&c).copied().unwrap_or(c)
        }
    }
}

/// Folded literals at one end of a line and the patterns that need them.
/// End literals are stored reversed and met by reading the line backwards.
struct Affixes {
    /// Sorted by literal; with the patterns that list it, ascending.
    literals: Vec<(String, Vec<u32>)>,
}

impl Affixes {
    fn new(folding: &Folding, literals: Vec<(Vec<String>, u32)>, reversed: bool) -> Affixes {
        let mut by_literal: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (literals, owner) in literals {
            let mut folded: Vec<String> = literals
                .iter()
                .map(|l| {
                    if reversed {
                        l.chars().rev().map(|c| folding.fold(c)).collect()
                    } else {
                        l.chars().map(|c| folding.fold(c)).collect()
                    }
                })
                .collect();
            // A line that begins with `abc` begins with `ab`: keep `ab`.
            folded.sort_unstable();
            folded.dedup_by(|longer, shorter| longer.starts_with(shorter.as_str()));
            for literal in folded {
                by_literal.entry(literal).or_default().push(owner);
            }
        }
        Affixes {
            literals: by_literal.into_iter().collect(),
        }
    }

    /// The patterns, ascending, whose literals the folded line begins with:
    /// a walk down the sorted table, one byte of the line at a time, that
    /// stops as soon as no literal begins like the line.
    fn owners(&self, folding: &Folding, chars: impl Iterator<Item = char>) -> Vec<u32> {
        let mut found = Vec::new();
        // All literals in `range` begin with the first `len` bytes of the line.
        let mut range = &self.literals[..];
        let mut len = 0;
        let mut utf8 = [0u8; 4];
        'line: for c in chars {
            for &b in folding.fold(c).encode_utf8(&mut utf8).as_bytes() {
                let byte = |(l, _): &(String, Vec<u32>)| l.as_bytes().get(len).copied();
                let lo = range.partition_point(|e| byte(e).is_none_or(|x| x < b));
                let hi = range.partition_point(|e| byte(e).is_none_or(|x| x <= b));
                range = &range[lo..hi];
                len += 1;
                match range.first() {
                    None => break 'line,
                    Some((l, owners)) if l.len() == len => found.extend(owners),
                    Some(_) => {}
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_at_either_end_select_patterns() {
        let set = LinePatterns::new(&["hinterlasse eine antwort", r"\d+ kommentare", "x|y+"]);
        assert_eq!(set.find("Hinterlasse eine Antwort", |_| true), Some(0));
        assert_eq!(set.find("12 Kommentare", |_| true), Some(1));
        assert_eq!(set.find("yyy", |_| true), Some(2));
        assert_eq!(set.find("Kommentare", |_| true), None);
        assert_eq!(set.find("Hinterlasse eine Antwort", |i| i != 0), None);
    }

    #[test]
    fn every_case_variant_passes_the_prefilter() {
        // The Kelvin sign folds to k, the long s to s, ẞ to ß.
        let set = LinePatterns::new(&["kommentar", "strasse", "straße", "über uns"]);
        assert_eq!(set.find("\u{212a}OMMENTAR", |_| true), Some(0));
        assert_eq!(set.find("\u{17f}TRASSE", |_| true), Some(1));
        assert_eq!(set.find("STRAẞE", |_| true), Some(2));
        assert_eq!(set.find("ÜBER UNS", |_| true), Some(3));
    }

    #[test]
    fn case_sensitive_parts_stay_case_sensitive() {
        let set = LinePatterns::new(&["(?-i:[A-Z]{2})1 news"]);
        assert_eq!(set.find("AB1 News", |_| true), Some(0));
        assert_eq!(set.find("ab1 News", |_| true), None);
    }

    #[test]
    fn an_invalid_pattern_is_reported_by_compile_all() {
        let set = LinePatterns::new(&["ok", "mehr (vom"]);
        assert_eq!(set.compile_all().unwrap_err().0, 1);
    }
}

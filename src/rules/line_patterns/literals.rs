//! The literals every match of a whole-line pattern begins and ends with,
//! case-folded, in tables sorted for lookup.
//!
//! Shared with `build.rs`, which computes the tables of the shipped patterns
//! at build time, so that a run parses no regex at start-up; user patterns
//! get theirs when the configuration is read. Needs only `std` and
//! `regex-syntax`.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange, Hir};

/// Literals are cut to this many bytes; longer ones select no better.
const MAX_LITERAL: usize = 16;

/// More literals per pattern end are shortened to common prefixes.
const MAX_LITERALS: usize = 250;

/// Literals sorted bytewise, each with the patterns that need it. Offsets
/// rather than a string per literal keep the table of the shipped patterns
/// free of pointers, which the loader would have to relocate on every run.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The literals, one after the other.
    pub text: Cow<'static, str>,
    /// Per literal: where it ends in `text`, where its patterns end in
    /// `owners`.
    pub ends: Cow<'static, [(u32, u32)]>,
    /// The patterns of each literal, ascending.
    pub owners: Cow<'static, [u32]>,
    /// Per byte value `b`, the literals from `by_first[b]` up to
    /// `by_first[b + 1]` begin with `b`.
    pub by_first: Cow<'static, [u32]>,
}

impl Table {
    fn new(by_literal: BTreeMap<String, Vec<u32>>) -> Table {
        let mut text = String::new();
        let mut ends = Vec::new();
        let mut owners = Vec::new();
        let mut by_first = vec![0; 257];
        for (literal, patterns) in by_literal {
            by_first[usize::from(literal.as_bytes()[0]) + 1] += 1;
            text.push_str(&literal);
            owners.extend(patterns);
            ends.push((text.len() as u32, owners.len() as u32));
        }
        for b in 1..by_first.len() {
            by_first[b] += by_first[b - 1];
        }
        Table {
            text: text.into(),
            ends: ends.into(),
            owners: owners.into(),
            by_first: by_first.into(),
        }
    }

    fn start(&self, i: usize) -> (usize, usize) {
        match i.checked_sub(1) {
            Some(prev) => (self.ends[prev].0 as usize, self.ends[prev].1 as usize),
            None => (0, 0),
        }
    }

    fn literal(&self, i: usize) -> &[u8] {
        &self.text.as_bytes()[self.start(i).0..self.ends[i].0 as usize]
    }

    fn owners(&self, i: usize) -> &[u32] {
        &self.owners[self.start(i).1..self.ends[i].1 as usize]
    }
}

/// The prefilter of a list of patterns.
#[derive(Clone, Debug, PartialEq)]
pub struct Tables {
    /// Per pattern: whether a match needs one of its literals at the start
    /// of the line, at the end.
    pub filters: Cow<'static, [(bool, bool)]>,
    /// Non-ASCII characters of the case folding classes the literals use,
    /// sorted, with the character that stands for their class.
    pub folding: Cow<'static, [(char, char)]>,
    /// Literals at the start of a line.
    pub starts: Table,
    /// Literals at the end of a line, reversed.
    pub ends: Table,
}

impl Tables {
    /// A pattern that does not parse gets no literals: it is tried on every
    /// line, and compiling it reports the error.
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> Tables {
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
        for (i, pattern) in patterns.iter().enumerate() {
            // Parsed with case folding off; folding the literals afterwards
            // covers every case variant `(?i)` accepts.
            let hir = regex_syntax::Parser::new().parse(pattern.as_ref()).ok();
            let start = hir.as_ref().and_then(|h| literals(h, ExtractKind::Prefix));
            let end = hir.as_ref().and_then(|h| literals(h, ExtractKind::Suffix));
            filters.push((start.is_some(), end.is_some()));
            starts.extend(start.map(|l| (l, i as u32)));
            ends.extend(end.map(|l| (l, i as u32)));
        }
        let chars: BTreeSet<char> = (starts.iter().chain(&ends))
            .flat_map(|(literals, _)| literals.iter().flat_map(|l| l.chars()))
            .collect();
        let mut tables = Tables {
            filters: filters.into(),
            folding: folding(chars).into(),
            starts: Table::new(BTreeMap::new()),
            ends: Table::new(BTreeMap::new()),
        };
        tables.starts = tables.table(starts, false);
        tables.ends = tables.table(ends, true);
        tables
    }

    /// One character per simple case folding class, the equivalence `(?i)`
    /// uses: `K`, `k` and the Kelvin sign `K` fold alike.
    pub fn fold(&self, c: char) -> char {
        if c.is_ascii() {
            return c.to_ascii_lowercase();
        }
        match self.folding.binary_search_by_key(&c, |&(from, _)| from) {
            Ok(i) => self.folding[i].1,
            Err(_) => c,
        }
    }

    fn table(&self, literals: Vec<(Vec<String>, u32)>, reversed: bool) -> Table {
        let mut by_literal: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (literals, owner) in literals {
            let mut folded: Vec<String> = literals
                .iter()
                .map(|l| {
                    if reversed {
                        l.chars().rev().map(|c| self.fold(c)).collect()
                    } else {
                        l.chars().map(|c| self.fold(c)).collect()
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
        Table::new(by_literal)
    }

    /// The patterns, ascending, whose literals `line` has at each end they
    /// need one; patterns that need none are left out.
    pub fn candidates(&self, line: &str) -> Vec<u32> {
        let starts = self.owners(&self.starts, line.chars());
        let ends = self.owners(&self.ends, line.chars().rev());
        let mut candidates: Vec<u32> = starts
            .iter()
            .chain(&ends)
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
    }

    /// The patterns, ascending, of the literals the folded `chars` begin
    /// with: a walk down the sorted table, one byte at a time, that stops
    /// as soon as no literal begins like the line.
    fn owners(&self, table: &Table, chars: impl Iterator<Item = char>) -> Vec<u32> {
        let mut found = Vec::new();
        // All literals in `lo..hi` begin with the first `len` bytes.
        let (mut lo, mut hi) = (0, table.ends.len());
        let mut len = 0;
        let mut utf8 = [0u8; 4];
        'line: for c in chars {
            for &b in self.fold(c).encode_utf8(&mut utf8).as_bytes() {
                if len == 0 {
                    let b = usize::from(b);
                    (lo, hi) = (table.by_first[b] as usize, table.by_first[b + 1] as usize);
                } else {
                    // Sorted: shorter literals first, then by their next byte.
                    let next = |i: usize| table.literal(i).get(len).copied();
                    (lo, hi) = (
                        partition_point(lo, hi, |i| next(i).is_none_or(|x| x < b)),
                        partition_point(lo, hi, |i| next(i).is_none_or(|x| x <= b)),
                    );
                }
                len += 1;
                if lo == hi {
                    break 'line;
                }
                if table.literal(lo).len() == len {
                    found.extend_from_slice(table.owners(lo));
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// The first index in `lo..hi` for which `below` fails, if it holds for a
/// prefix of the range.
fn partition_point(mut lo: usize, mut hi: usize, below: impl Fn(usize) -> bool) -> usize {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if below(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
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

/// The folding table for the characters `chars`: every non-ASCII member of
/// their case folding classes, with the class's ASCII letter in lower case
/// if it has one (lines are mostly ASCII), else its smallest member.
fn folding(chars: BTreeSet<char>) -> Vec<(char, char)> {
    let mut map = BTreeMap::new();
    // Of ASCII characters only letters have non-ASCII case variants.
    for c in chars
        .into_iter()
        .filter(|c| !c.is_ascii() || c.is_ascii_alphabetic())
    {
        let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
        class.case_fold_simple();
        let members: Vec<char> = class.iter().flat_map(|r| r.start()..=r.end()).collect();
        let canonical = members
            .iter()
            .find(|m| m.is_ascii())
            .map_or(members[0], char::to_ascii_lowercase);
        for m in members.into_iter().filter(|m| !m.is_ascii()) {
            map.insert(m, canonical);
        }
    }
    map.into_iter().collect()
}

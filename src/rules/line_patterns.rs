//! A list of case-insensitive whole-line patterns, cheap to build and fast
//! to match.
//!
//! Compiling a few hundred Unicode-aware, case-insensitive regexes takes a
//! tenth of a second and tens of MB, which a pre-commit run on one article
//! cannot afford. So no regex is compiled up front: the literals every
//! matching line must begin with and end with (a pattern is anchored at both
//! ends) select the few patterns worth trying on a line, and only those are
//! compiled, once, on first use. A typical article compiles a handful.
//! Even the literals of the shipped patterns are found at build time
//! (`build.rs`), as parsing every pattern for them would take milliseconds.
//!
//! The literals are compared case-folded, with the equivalence the `(?i)`
//! regex uses, so the prefilter never drops a pattern that matches.

use std::sync::OnceLock;

use regex::Regex;
use regex_syntax::hir::{Capture, Hir, HirKind, Repetition};

mod literals;
pub(crate) use literals::{Table, Tables};

/// Patterns matched case-insensitively against a whole line.
pub(crate) struct LinePatterns {
    patterns: Vec<String>,
    regexes: Vec<OnceLock<Regex>>,
    /// Per pattern, once tried: the pattern without the upper bounds of its
    /// long repetitions, if it has any.
    unbounded: Vec<OnceLock<Option<Regex>>>,
    tables: Tables,
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
    pub(crate) fn new(patterns: Vec<String>) -> LinePatterns {
        let tables = Tables::new(&patterns);
        LinePatterns::with_tables(patterns, tables)
    }

    /// Patterns with their tables computed beforehand (by `build.rs`).
    pub(crate) fn with_tables(patterns: Vec<String>, tables: Tables) -> LinePatterns {
        assert_eq!(
            patterns.len(),
            tables.filters.len(),
            "tables of other patterns"
        );
        let unfiltered = (0..patterns.len() as u32)
            .filter(|&i| tables.filters[i as usize] == (false, false))
            .collect();
        LinePatterns {
            regexes: patterns.iter().map(|_| OnceLock::new()).collect(),
            unbounded: patterns.iter().map(|_| OnceLock::new()).collect(),
            patterns,
            tables,
            unfiltered,
        }
    }

    /// The pattern as given.
    pub(crate) fn pattern(&self, i: usize) -> &str {
        &self.patterns[i]
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.patterns.len()
    }

    /// Compiles every pattern now: the first that fails, with its error.
    pub(crate) fn compile_all(&self) -> Result<(), (usize, regex::Error)> {
        for (i, cell) in self.regexes.iter().enumerate() {
            if cell.get().is_none() {
                let re = Regex::new(&whole_line(&self.patterns[i])).map_err(|e| (i, e))?;
                // Another thread may have been first; either regex is the same.
                let _ = cell.set(re);
            }
        }
        Ok(())
    }

    fn is_match(&self, i: u32, line: &str) -> bool {
        let i = i as usize;
        // A counted repetition of a Unicode class (`[\p{L} ]{1,60}`) makes a
        // regex take milliseconds to compile, one copy per count. So a line
        // that passes the prefilter (`© dpa` for `©\s*\d{4}…`) is first
        // tried without the bounds: cheap to compile, and what it rejects
        // the pattern rejects too.
        let unbounded = self.unbounded[i].get_or_init(|| unbounded(&self.patterns[i]));
        if unbounded.as_ref().is_some_and(|re| !re.is_match(line)) {
            return false;
        }
        self.regexes[i]
            .get_or_init(|| {
                Regex::new(&whole_line(&self.patterns[i]))
                    .expect("pattern checked by compile_all or tests")
            })
            .is_match(line)
    }

    /// The first pattern, in list order, that `wanted` accepts and that
    /// matches `line` as a whole.
    pub(crate) fn find(&self, line: &str, wanted: impl Fn(usize) -> bool) -> Option<usize> {
        let try_one = |&i: &u32| wanted(i as usize) && self.is_match(i, line);
        let filtered = self.tables.candidates(line).into_iter().find(try_one);
        // An unfiltered pattern only counts before the filtered match.
        let unfiltered = (self.unfiltered.iter())
            .take_while(|&&i| filtered.is_none_or(|f| i < f))
            .copied()
            .find(try_one);
        unfiltered.or(filtered).map(|i| i as usize)
    }

    /// The same answer as [`LinePatterns::find`] without the prefilters.
    #[cfg(test)]
    pub(crate) fn find_by_full_scan(
        &self,
        line: &str,
        wanted: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        (0..self.len()).find(|&i| {
            let re =
                self.regexes[i].get_or_init(|| Regex::new(&whole_line(&self.patterns[i])).unwrap());
            wanted(i) && re.is_match(line)
        })
    }
}

/// `pattern` as a regex with no upper bound on counted repetitions (`{1,6}`
/// becomes `{1,}`, `?` stays); `None` if it has none.
fn unbounded(pattern: &str) -> Option<Regex> {
    fn unbound(hir: &Hir) -> Option<Hir> {
        let subs = |subs: &[Hir]| -> Option<Vec<Hir>> {
            let new: Vec<Option<Hir>> = subs.iter().map(unbound).collect();
            new.iter().any(Option::is_some).then(|| {
                new.into_iter()
                    .zip(subs)
                    .map(|(new, old)| new.unwrap_or_else(|| old.clone()))
                    .collect()
            })
        };
        match hir.kind() {
            HirKind::Repetition(rep) => {
                let sub = unbound(&rep.sub);
                let counted = rep.max.is_some_and(|max| max > 1);
                (counted || sub.is_some()).then(|| {
                    Hir::repetition(Repetition {
                        max: if counted { None } else { rep.max },
                        sub: Box::new(sub.unwrap_or_else(|| (*rep.sub).clone())),
                        ..rep.clone()
                    })
                })
            }
            HirKind::Capture(cap) => unbound(&cap.sub).map(|sub| {
                Hir::capture(Capture {
                    sub: Box::new(sub),
                    ..cap.clone()
                })
            }),
            HirKind::Concat(all) => subs(all).map(Hir::concat),
            HirKind::Alternation(all) => subs(all).map(Hir::alternation),
            HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => None,
        }
    }
    let hir = regex_syntax::Parser::new()
        .parse(&whole_line(pattern))
        .ok()?;
    Regex::new(&unbound(&hir)?.to_string()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(patterns: &[&str]) -> Vec<String> {
        patterns.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn literals_at_either_end_select_patterns() {
        let set = LinePatterns::new(owned(&[
            "hinterlasse eine antwort",
            r"\d+ kommentare",
            "x|y+",
        ]));
        assert_eq!(set.find("Hinterlasse eine Antwort", |_| true), Some(0));
        assert_eq!(set.find("12 Kommentare", |_| true), Some(1));
        assert_eq!(set.find("yyy", |_| true), Some(2));
        assert_eq!(set.find("Kommentare", |_| true), None);
        assert_eq!(set.find("Hinterlasse eine Antwort", |i| i != 0), None);
    }

    #[test]
    fn every_case_variant_passes_the_prefilter() {
        // The Kelvin sign folds to k, the long s to s, ẞ to ß.
        let set = LinePatterns::new(owned(&["kommentar", "strasse", "straße", "über uns"]));
        assert_eq!(set.find("\u{212a}OMMENTAR", |_| true), Some(0));
        assert_eq!(set.find("\u{17f}TRASSE", |_| true), Some(1));
        assert_eq!(set.find("STRAẞE", |_| true), Some(2));
        assert_eq!(set.find("ÜBER UNS", |_| true), Some(3));
    }

    #[test]
    fn case_sensitive_parts_stay_case_sensitive() {
        let set = LinePatterns::new(owned(&["(?-i:[A-Z]{2})1 news"]));
        assert_eq!(set.find("AB1 News", |_| true), Some(0));
        assert_eq!(set.find("ab1 News", |_| true), None);
    }

    #[test]
    fn long_repetitions_are_tried_without_bounds_first() {
        assert!(unbounded(r"(©|copyright)\s*\d{4}\s*[\p{L} ]{1,60}").is_some());
        assert!(unbounded(r"(©|copyright)\s*\d?").is_none());
        let set = LinePatterns::new(owned(&[r"x[a-z]{2,12}", r"(y[a-z]{0,20}){2}"]));
        assert_eq!(set.find("xab", |_| true), Some(0));
        assert_eq!(set.find("xabcdefghijklm", |_| true), None);
        assert_eq!(set.find("yaaya", |_| true), Some(1));
        assert_eq!(set.find(&format!("y{}y", "a".repeat(21)), |_| true), None);
    }

    #[test]
    fn an_invalid_pattern_is_reported_by_compile_all() {
        let set = LinePatterns::new(owned(&["ok", "mehr (vom"]));
        assert_eq!(set.compile_all().unwrap_err().0, 1);
    }
}

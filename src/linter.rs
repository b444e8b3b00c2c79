//! Runs the rules over a document and turns their raw output into the
//! findings a person sees: selected, with the configured severity, one
//! finding per problem, in text order.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::config::{ConfigError, FileSettings, Settings};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::names::CorpusNames;
use crate::rule::{Context, Rule};
use crate::rules;

pub struct Linter {
    pub settings: Settings,
    rules: Vec<Box<dyn Rule>>,
}

impl Linter {
    pub fn new(settings: Settings) -> Result<Linter, ConfigError> {
        let rules = rules::all_rules(&settings)?;
        Ok(Linter { settings, rules })
    }

    pub fn rules(&self) -> &[Box<dyn Rule>] {
        &self.rules
    }

    /// The findings to report: one per problem.
    pub fn check(
        &self,
        doc: &Document,
        file: &FileSettings,
        corpus: Option<&CorpusNames>,
    ) -> Vec<Diagnostic> {
        one_per_problem(doc, self.check_all(doc, file, corpus))
    }

    /// Every finding in prose, in rule order, including those inside a line that
    /// another finding covers as a whole; the fixer needs them all.
    pub fn check_all(
        &self,
        doc: &Document,
        file: &FileSettings,
        corpus: Option<&CorpusNames>,
    ) -> Vec<Diagnostic> {
        let ctx = Context {
            settings: &self.settings,
            corpus,
        };
        let mut out = Vec::new();
        for rule in &self.rules {
            let meta = rule.meta();
            if !file.selection.enables(meta.id) {
                continue;
            }
            let start = out.len();
            rule.check(doc, &ctx, &mut out);
            for d in &mut out[start..] {
                d.severity = file.severity_for(d.rule, meta.severity);
            }
        }
        in_prose(doc, out)
    }
}

/// Drops what is not prose and exact duplicates; keeps registration order,
/// so that where fixes overlap the earlier rule's fix wins.
fn in_prose(doc: &Document, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen = HashSet::new();
    diagnostics
        .into_iter()
        .filter(|d| {
            if d.covers_line {
                doc.line_is_prose(doc.line_of(d.range.start))
            } else {
                doc.is_prose(&d.range)
            }
        })
        .filter(|d| seen.insert((d.rule, d.range.clone())))
        .collect()
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// A line that should go as a whole (boilerplate, noise, untranslated)
/// gets one finding: the first rule in registration order wins, and other
/// rules' findings inside it are dropped. Sorted by position for output.
fn one_per_problem(doc: &Document, mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut cover: HashMap<usize, (Range<usize>, &'static str)> = HashMap::new();
    for d in diagnostics.iter().filter(|d| d.covers_line) {
        let first = doc.line_of(d.range.start);
        if cover
            .get(&first)
            .is_some_and(|(r, rule)| *rule != d.rule && contains(r, &d.range))
        {
            continue;
        }
        let last = doc.line_of(d.range.end.saturating_sub(1).max(d.range.start));
        for line in first..=last {
            cover.entry(line).or_insert((d.range.clone(), d.rule));
        }
    }
    if !cover.is_empty() {
        diagnostics.retain(|d| match cover.get(&doc.line_of(d.range.start)) {
            Some((r, rule)) => *rule == d.rule || !contains(r, &d.range),
            None => true,
        });
    }
    diagnostics.sort_by(|a, b| {
        (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule))
    });
    diagnostics
}

//! Runs the rules over a document and turns their raw output into the
//! findings a person sees: selected, with the configured severity, one
//! finding per problem, in text order.

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

    pub fn check(
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
        finish(doc, out)
    }
}

/// Drops what is not prose, keeps one finding per problem and sorts.
fn finish(doc: &Document, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| {
            if d.covers_line {
                doc.line_is_prose(doc.line_of(d.range.start))
            } else {
                doc.is_prose(&d.range)
            }
        })
        .collect();

    // A line that should go as a whole (boilerplate, noise, untranslated)
    // gets one finding; the first rule in registration order wins, and
    // findings inside it are dropped.
    let mut covering: Vec<(std::ops::Range<usize>, &'static str)> = Vec::new();
    kept.retain(|d| {
        if covering
            .iter()
            .any(|(r, rule)| *rule != d.rule && r.start <= d.range.start && d.range.end <= r.end)
        {
            return false;
        }
        if d.covers_line {
            covering.push((d.range.clone(), d.rule));
        }
        true
    });
    kept.retain(|d| {
        !covering
            .iter()
            .any(|(r, rule)| *rule != d.rule && r.start <= d.range.start && d.range.end <= r.end)
    });

    kept.sort_by(|a, b| {
        (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule))
    });
    kept.dedup_by(|a, b| a.rule == b.rule && a.range == b.range);
    kept
}

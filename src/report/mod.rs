//! Turning findings into output for people and machines.

mod github;
mod human;
mod json;
mod sarif;

pub(crate) use json::JsonFinding;

use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::{Document, Position};
use crate::rule::RuleMeta;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Source snippet with a caret, like rustc and ruff.
    Human,
    /// One line per finding: `path:line:col: rule message`.
    Concise,
    /// One JSON array of all findings.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
}

/// One edit with its positions resolved for output. Byte offsets are into
/// the file as stored (a BOM counts).
#[derive(Debug, Clone, Serialize)]
pub struct EditOut {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub replacement: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FixOut {
    pub applicability: Applicability,
    pub edits: Vec<EditOut>,
}

/// A finding ready to print: positions resolved, the source line kept for
/// the snippet.
#[derive(Debug, Clone)]
pub struct Finding {
    pub path: String,
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub start: Position,
    pub end: Position,
    pub fix: Option<FixOut>,
    /// An excerpt of the first line of the span, and the span's byte range
    /// within it, for the snippet. Only an excerpt, so that a million
    /// findings on one huge line do not copy the line a million times.
    pub source_line: String,
    pub line_span: Range<usize>,
    /// Whether the excerpt was cut at its start or end.
    pub clipped: (bool, bool),
}

impl Finding {
    pub fn category(&self) -> &'static str {
        self.rule.split('/').next().unwrap_or(self.rule)
    }

    pub fn resolve(path: &str, doc: &Document, bom_len: usize, d: &Diagnostic) -> Finding {
        let start = doc.position(d.range.start);
        let end = doc.position(d.range.end);
        let line = &doc.lines()[start.line - 1];
        let span_start = d.range.start.clamp(line.content.start, line.content.end);
        let span_end = d.range.end.clamp(span_start, line.content.end);
        let from = floor_boundary(
            &doc.text,
            span_start.saturating_sub(EXCERPT).max(line.content.start),
        );
        let to = ceil_boundary(&doc.text, (span_end + EXCERPT).min(line.content.end));
        let source_line = doc.text[from..to].to_string();
        let clipped = (from > line.content.start, to < line.content.end);
        let fix = d.fix.as_ref().map(|f| FixOut {
            applicability: f.applicability,
            edits: f
                .edits
                .iter()
                .map(|e| {
                    let s = doc.position(e.range.start);
                    let t = doc.position(e.range.end);
                    EditOut {
                        start: e.range.start + bom_len,
                        end: e.range.end + bom_len,
                        line: s.line,
                        column: s.column,
                        end_line: t.line,
                        end_column: t.column,
                        replacement: e.replacement.clone(),
                    }
                })
                .collect(),
        });
        Finding {
            path: path.to_string(),
            rule: d.rule,
            severity: d.severity,
            message: d.message.clone(),
            start,
            end,
            fix,
            source_line,
            line_span: span_start - from..span_end - from,
            clipped,
        }
    }
}

/// Bytes of context kept on each side of a span for the snippet.
const EXCERPT: usize = 400;

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// What went wrong with a file that could not be checked.
#[derive(Debug, Clone)]
pub struct FileError {
    pub path: String,
    pub message: String,
    /// Skipped on purpose (binary file) rather than failed.
    pub skipped: bool,
}

#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub files: usize,
    pub findings: usize,
    pub fixable: usize,
    pub fixed: usize,
    pub fixed_files: usize,
    pub errors: usize,
    pub fix_mode: bool,
}

/// A writer of one output format. Files come in the order they were given.
pub trait Reporter {
    fn file(&mut self, out: &mut dyn Write, findings: &[Finding]) -> io::Result<()>;
    fn finish(
        &mut self,
        out: &mut dyn Write,
        summary: &Summary,
        rules: &[&'static RuleMeta],
    ) -> io::Result<()>;
}

pub fn reporter(format: Format, color: bool) -> Box<dyn Reporter> {
    match format {
        Format::Human => Box::new(human::Human {
            color,
            concise: false,
        }),
        Format::Concise => Box::new(human::Human {
            color,
            concise: true,
        }),
        Format::Json => Box::new(json::Json::array()),
        Format::Jsonl => Box::new(json::Json::lines()),
        Format::Sarif => Box::new(sarif::Sarif::default()),
        Format::Github => Box::new(github::Github),
    }
}

use std::io::{self, Write};

use serde::Serialize;

use super::{Finding, FixOut, Reporter, Summary};
use crate::diagnostic::Severity;
use crate::rule::RuleMeta;

/// The JSON shape of a finding; the field set is a public interface.
#[derive(Serialize)]
pub(crate) struct JsonFinding<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    rule: &'a str,
    category: &'a str,
    severity: Severity,
    message: &'a str,
    fix: Option<&'a FixOut>,
}

impl<'a> From<&'a Finding> for JsonFinding<'a> {
    fn from(f: &'a Finding) -> Self {
        JsonFinding {
            path: &f.path,
            line: f.start.line,
            column: f.start.column,
            end_line: f.end.line,
            end_column: f.end.column,
            rule: f.rule,
            category: f.category(),
            severity: f.severity,
            message: &f.message,
            fix: f.fix.as_ref(),
        }
    }
}

pub struct Json {
    lines: bool,
    first: bool,
}

impl Json {
    pub fn array() -> Json {
        Json {
            lines: false,
            first: true,
        }
    }

    pub fn lines() -> Json {
        Json {
            lines: true,
            first: true,
        }
    }
}

impl Reporter for Json {
    fn file(&mut self, out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
        for f in findings {
            let json = serde_json::to_string(&JsonFinding::from(f)).map_err(io::Error::other)?;
            if self.lines {
                writeln!(out, "{json}")?;
            } else {
                let sep = if self.first { "[\n  " } else { ",\n  " };
                write!(out, "{sep}{json}")?;
                self.first = false;
            }
        }
        Ok(())
    }

    fn finish(
        &mut self,
        out: &mut dyn Write,
        _: &Summary,
        _: &[&'static RuleMeta],
    ) -> io::Result<()> {
        if !self.lines {
            if self.first {
                writeln!(out, "[]")?;
            } else {
                writeln!(out, "\n]")?;
            }
        }
        Ok(())
    }
}

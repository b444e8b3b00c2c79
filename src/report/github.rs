use std::io::{self, Write};

use super::{Finding, Reporter, Summary};
use crate::diagnostic::Severity;
use crate::rule::RuleMeta;

/// GitHub Actions workflow commands (`::warning file=…::message`).
pub struct Github;

/// Workflow commands need `%`, CR and LF escaped, and in properties also
/// `:` and `,`.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Reporter for Github {
    fn file(&mut self, out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
        for f in findings {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            writeln!(
                out,
                "::{level} title={},file={},line={},col={},endLine={},endColumn={}::{}",
                escape_property(f.rule),
                escape_property(&f.path),
                f.start.line,
                f.start.column,
                f.end.line,
                f.end.column,
                escape_data(&format!("{} ({})", f.message, f.rule)),
            )?;
        }
        Ok(())
    }

    fn finish(
        &mut self,
        _: &mut dyn Write,
        _: &Summary,
        _: &[&'static RuleMeta],
    ) -> io::Result<()> {
        Ok(())
    }
}

use std::io::{self, Write};

use serde_json::{json, Value};

use super::{Finding, Reporter, Summary};
use crate::diagnostic::{Applicability, Severity};
use crate::rule::RuleMeta;

/// SARIF 2.1.0. Results are collected and written as one log at the end.
#[derive(Default)]
pub struct Sarif {
    results: Vec<Value>,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    path.replace('%', "%25")
        .replace(' ', "%20")
        .replace('#', "%23")
}

impl Reporter for Sarif {
    fn file(&mut self, _: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
        for f in findings {
            let location = json!({
                "physicalLocation": {
                    "artifactLocation": { "uri": uri(&f.path) },
                    "region": {
                        "startLine": f.start.line,
                        "startColumn": f.start.column,
                        "endLine": f.end.line,
                        "endColumn": f.end.column.max(1),
                    }
                }
            });
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": { "text": f.message },
                "locations": [location],
            });
            if let Some(fix) = f
                .fix
                .as_ref()
                .filter(|x| x.applicability != Applicability::DisplayOnly)
            {
                result["fixes"] = json!([{
                    "description": { "text": format!("{} fix", match fix.applicability {
                        Applicability::Safe => "safe",
                        _ => "unsafe",
                    }) },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri(&f.path) },
                        "replacements": fix.edits.iter().map(|e| json!({
                            "deletedRegion": {
                                "startLine": e.line,
                                "startColumn": e.column,
                                "endLine": e.end_line,
                                "endColumn": e.end_column,
                            },
                            "insertedContent": { "text": e.replacement },
                        })).collect::<Vec<_>>(),
                    }],
                }]);
            }
            self.results.push(result);
        }
        Ok(())
    }

    fn finish(
        &mut self,
        out: &mut dyn Write,
        _: &Summary,
        rules: &[&'static RuleMeta],
    ) -> io::Result<()> {
        let rules: Vec<Value> = rules
            .iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "shortDescription": { "text": r.summary },
                    "fullDescription": { "text": r.explanation },
                    "help": { "text": r.explanation },
                    "defaultConfiguration": { "level": level(r.severity) },
                    "properties": { "category": r.category() },
                })
            })
            .collect();
        let log = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "schliff",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://crates.io/crates/schliff",
                    "rules": rules,
                }},
                "columnKind": "unicodeCodePoints",
                "results": std::mem::take(&mut self.results),
            }],
        });
        serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::other)?;
        writeln!(out)
    }
}

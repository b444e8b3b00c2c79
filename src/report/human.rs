use std::io::{self, Write};

use super::{Finding, Reporter, Summary};
use crate::diagnostic::{Applicability, Severity};
use crate::rule::RuleMeta;

/// Output for people: `path:line:col: rule message`, and unless concise a
/// source snippet with carets and the proposed fix.
pub struct Human {
    pub color: bool,
    pub concise: bool,
}

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const CYAN: &str = "\x1b[36m";
const BLUE: &str = "\x1b[1;34m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Characters that would be invisible or break the layout in a terminal.
fn visible(c: char) -> char {
    match c {
        '\t' => ' ',
        '\u{a0}' | '\u{202f}' => '␣',
        c if c.is_control() => '�',
        '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => '¤',
        c => c,
    }
}

/// The part of a long line around the span, at most `width` characters.
fn window(
    line: &str,
    span: std::ops::Range<usize>,
    width: usize,
    clipped: (bool, bool),
) -> (String, usize, usize) {
    let chars: Vec<char> = line.chars().collect();
    let start_char = line[..span.start].chars().count();
    let span_chars = line[span.clone()].chars().count().max(1);
    let from = if chars.len() <= width {
        0
    } else {
        start_char
            .saturating_sub(width / 3)
            .min(chars.len().saturating_sub(width))
    };
    let to = (from + width).min(chars.len());
    let mut shown: String = chars[from..to].iter().map(|&c| visible(c)).collect();
    let mut offset = start_char - from;
    if from > 0 || clipped.0 {
        shown.insert(0, '…');
        offset += 1;
    }
    if to < chars.len() || clipped.1 {
        shown.push('…');
    }
    (
        shown,
        offset,
        span_chars
            .min(width.saturating_sub(start_char - from))
            .max(1),
    )
}

impl Human {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
}

impl Reporter for Human {
    fn file(&mut self, out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
        for f in findings {
            let severity_color = match f.severity {
                Severity::Error => RED,
                Severity::Warning => YELLOW,
                Severity::Info => CYAN,
            };
            let fixable = match f.fix.as_ref().map(|x| x.applicability) {
                Some(Applicability::Safe) => " [*]",
                Some(Applicability::Unsafe) => " [unsafe fix]",
                _ => "",
            };
            writeln!(
                out,
                "{}:{}:{}: {} {}{}",
                self.paint(BOLD, &f.path),
                f.start.line,
                f.start.column,
                self.paint(severity_color, f.rule),
                f.message,
                fixable,
            )?;
            if self.concise {
                continue;
            }
            let gutter = f.start.line.to_string().len();
            let (shown, offset, width) =
                window(&f.source_line, f.line_span.clone(), 100, f.clipped);
            let bar = self.paint(BLUE, "|");
            writeln!(out, "{:gutter$} {bar}", "")?;
            writeln!(
                out,
                "{} {bar} {shown}",
                self.paint(BLUE, &f.start.line.to_string())
            )?;
            writeln!(
                out,
                "{:gutter$} {bar} {}{}",
                "",
                " ".repeat(offset),
                self.paint(severity_color, &"^".repeat(width))
            )?;
            if let Some(fix) = &f.fix {
                let what: Vec<String> = fix
                    .edits
                    .iter()
                    .map(|e| {
                        if e.replacement.is_empty() {
                            "delete".to_string()
                        } else if e.start == e.end {
                            format!("insert `{}`", e.replacement.escape_debug())
                        } else {
                            format!("replace with `{}`", e.replacement.escape_debug())
                        }
                    })
                    .collect();
                let kind = match fix.applicability {
                    Applicability::Safe => "safe fix",
                    Applicability::Unsafe => "unsafe fix",
                    Applicability::DisplayOnly => "suggestion",
                };
                writeln!(
                    out,
                    "{:gutter$} {} {}: {}",
                    "",
                    self.paint(BLUE, "="),
                    self.paint(DIM, kind),
                    what.join(", ")
                )?;
            }
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(
        &mut self,
        out: &mut dyn Write,
        s: &Summary,
        _: &[&'static RuleMeta],
    ) -> io::Result<()> {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        if s.fix_mode {
            writeln!(
                out,
                "Fixed {} in {}, {} remaining.",
                plural(s.fixed, "finding", "findings"),
                plural(s.fixed_files, "file", "files"),
                s.findings
            )?;
        } else if s.findings == 0 {
            writeln!(out, "No findings in {}.", plural(s.files, "file", "files"))?;
        } else {
            write!(
                out,
                "Found {} in {}.",
                plural(s.findings, "finding", "findings"),
                plural(s.files, "file", "files")
            )?;
            if s.fixable > 0 {
                write!(out, " {} fixable with `--fix`.", s.fixable)?;
            }
            writeln!(out)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_keeps_short_lines_whole() {
        let (shown, offset, width) = window("Der  Kanzler", 3..5, 100, (false, false));
        assert_eq!(shown, "Der  Kanzler");
        assert_eq!((offset, width), (3, 2));
    }

    #[test]
    fn window_clips_long_lines_around_the_span() {
        let line = format!("{}FEHLER{}", "a".repeat(300), "b".repeat(300));
        let (shown, offset, width) = window(&line, 300..306, 100, (false, false));
        assert_eq!(shown.chars().count(), 102);
        assert_eq!(
            &shown.chars().skip(offset).take(width).collect::<String>(),
            "FEHLER"
        );
    }
}

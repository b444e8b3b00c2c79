//! `schliff check --input-format jsonl`: a stream of JSON Lines records
//! (from files or standard input), each with a text and an id, checked in
//! bounded parallel batches and answered in the same order, one JSON line
//! per record. Memory stays constant however long the stream is, so a
//! cluster can pipe its partitions through the binary (see
//! `examples/spark/`).
//!
//! Output per record:
//!
//! ```json
//! {"id": "a1", "record": 1, "findings": [{"path": "-", "line": 1, ...}], "text": "…", "fixed": 2}
//! ```
//!
//! `id` is the record's id field as given (any JSON value; `null` when
//! missing), `record` its line number in its input, `findings` the same
//! objects as `--format jsonl` with lines and columns inside the text, and,
//! with `--fix`, `text` is the normalized text and `fixed` the number of
//! fixes applied. A line that is not a JSON object with a string text field
//! is answered with one finding of rule `input/invalid-record` and the
//! stream goes on; the exit code is then 2, as for a file that cannot be read.
//! Name spellings are compared within each record only (no corpus pass).

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::config::{find_config, ConfigFile, Settings};
use crate::diagnostic::Severity;
use crate::linter::Linter;
use crate::report::{Finding, JsonFinding};
use crate::run::{check_text, Options};

/// The rule id of a line that could not be read as a record.
pub const INVALID_RECORD: &str = "input/invalid-record";

/// Records checked together: enough to keep every core busy, few enough
/// (with the byte limit) to keep memory small.
const BATCH_RECORDS: usize = 1024;
const BATCH_BYTES: usize = 16 << 20;

/// How records are read.
#[derive(Debug, Clone)]
pub struct StreamOptions {
    /// The field holding the text.
    pub text_field: String,
    /// The field holding the record's id.
    pub id_field: String,
}

/// One input line, as read.
struct Line {
    number: usize,
    bytes: Vec<u8>,
}

#[derive(Serialize)]
struct RecordOut<'a> {
    id: &'a Value,
    record: usize,
    findings: Vec<JsonFinding<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fixed: Option<usize>,
}

/// What checking one record gave: its output line and what the exit code
/// and summary need.
struct Answer {
    json: String,
    failing: bool,
    invalid: bool,
    notes: Vec<String>,
}

/// Runs the stream over `opts.paths` (standard input when empty or `-`);
/// returns the exit code.
pub fn run(opts: &Options, stream: &StreamOptions) -> i32 {
    let linter = match build_linter(opts) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("schliff: error: {e}");
            return 2;
        }
    };
    let fail_level = opts
        .fail_level
        .or(linter.settings.file.fail_level)
        .unwrap_or(Severity::Info);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let inputs: Vec<PathBuf> = if opts.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        opts.paths.clone()
    };
    let (mut failing, mut errors) = (false, 0);
    for input in inputs {
        let name = input.to_string_lossy().into_owned();
        let reader: Box<dyn BufRead> = if name == "-" {
            Box::new(BufReader::new(io::stdin().lock()))
        } else {
            match File::open(&input) {
                Ok(f) => Box::new(BufReader::new(f)),
                Err(e) => {
                    eprintln!("schliff: error: {name}: {e}");
                    errors += 1;
                    continue;
                }
            }
        };
        match check_stream(reader, &name, &linter, opts, stream, fail_level, &mut out) {
            Ok((f, e)) => {
                failing |= f;
                errors += e;
            }
            Err(e) => {
                eprintln!("schliff: error: {name}: {e}");
                errors += 1;
            }
        }
    }
    if let Err(e) = out.flush() {
        eprintln!("schliff: error: cannot write output: {e}");
        return 2;
    }
    if errors > 0 {
        2
    } else if failing && !opts.exit_zero {
        1
    } else {
        0
    }
}

/// The linter for the configuration given or found from the working folder.
fn build_linter(opts: &Options) -> Result<Linter, String> {
    let config = match &opts.config {
        Some(p) => Some(p.clone()),
        None => std::path::absolute(".")
            .ok()
            .and_then(|cwd| find_config(&cwd)),
    };
    let file = match &config {
        Some(p) => ConfigFile::load(p).map_err(|e| e.to_string())?,
        None => ConfigFile::default(),
    };
    let settings = Settings::new(config, file, &opts.cli).map_err(|e| e.to_string())?;
    Linter::new(settings).map_err(|e| e.to_string())
}

/// Checks one input batch by batch; returns whether any finding reached
/// the fail level and how many records were invalid.
fn check_stream(
    mut reader: Box<dyn BufRead>,
    name: &str,
    linter: &Linter,
    opts: &Options,
    stream: &StreamOptions,
    fail_level: Severity,
    out: &mut dyn Write,
) -> io::Result<(bool, usize)> {
    let (mut failing, mut invalid) = (false, 0);
    let mut number = 0;
    loop {
        let mut batch = Vec::new();
        let mut size = 0;
        while batch.len() < BATCH_RECORDS && size < BATCH_BYTES {
            let mut bytes = Vec::new();
            if reader.read_until(b'\n', &mut bytes)? == 0 {
                break;
            }
            number += 1;
            while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                bytes.pop();
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue; // blank lines separate nothing and are skipped
            }
            size += bytes.len();
            batch.push(Line { number, bytes });
        }
        if batch.is_empty() {
            return Ok((failing, invalid));
        }
        let answers: Vec<Answer> = batch
            .par_iter()
            .map(|line| answer(line, name, linter, opts, stream, fail_level))
            .collect();
        for a in answers {
            for n in &a.notes {
                eprintln!("schliff: {n}");
            }
            failing |= a.failing;
            invalid += usize::from(a.invalid);
            writeln!(out, "{}", a.json)?;
        }
    }
}

/// Checks one record and writes its output line.
fn answer(
    line: &Line,
    name: &str,
    linter: &Linter,
    opts: &Options,
    stream: &StreamOptions,
    fail_level: Severity,
) -> Answer {
    let (id, text) = match parse_record(&line.bytes, stream) {
        Ok(record) => record,
        Err((id, message)) => return invalid_answer(line.number, name, &id, message),
    };
    let file_settings = linter.settings.for_file(Path::new(name));
    let checked = check_text(
        text,
        name,
        linter,
        &file_settings,
        None,
        opts.fix,
        opts.verbose,
    );
    let findings: Vec<Finding> = checked
        .diagnostics
        .iter()
        .map(|d| Finding::resolve(name, &checked.doc, 0, d))
        .collect();
    let fixing = opts.fix.is_some();
    let record = RecordOut {
        id: &id,
        record: line.number,
        findings: findings.iter().map(JsonFinding::from).collect(),
        text: fixing.then_some(checked.doc.text.as_str()),
        fixed: fixing.then_some(checked.fixed),
    };
    Answer {
        json: serde_json::to_string(&record).expect("records serialize"),
        failing: findings.iter().any(|f| f.severity >= fail_level),
        invalid: false,
        notes: checked
            .notes
            .into_iter()
            .map(|n| format!("record {}: {n}", line.number))
            .collect(),
    }
}

/// The id and text of a record, or the id (if any) and what is wrong.
fn parse_record(bytes: &[u8], stream: &StreamOptions) -> Result<(Value, String), (Value, String)> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| (Value::Null, format!("not a JSON object: {e}")))?;
    let Value::Object(mut map) = value else {
        return Err((Value::Null, "not a JSON object".into()));
    };
    let id = map.remove(&stream.id_field).unwrap_or(Value::Null);
    match map.remove(&stream.text_field) {
        Some(Value::String(text)) => Ok((id, text)),
        Some(_) => Err((id, format!("field `{}` is not a string", stream.text_field))),
        None => Err((id, format!("no field `{}`", stream.text_field))),
    }
}

fn invalid_answer(number: usize, name: &str, id: &Value, message: String) -> Answer {
    let finding = Finding {
        path: name.to_string(),
        rule: INVALID_RECORD,
        severity: Severity::Error,
        message: format!("line {number}: {message}"),
        start: crate::document::Position { line: 1, column: 1 },
        end: crate::document::Position { line: 1, column: 1 },
        fix: None,
        source_line: String::new(),
        line_span: 0..0,
        clipped: (false, false),
    };
    let record = RecordOut {
        id,
        record: number,
        findings: vec![JsonFinding::from(&finding)],
        text: None,
        fixed: None,
    };
    Answer {
        json: serde_json::to_string(&record).expect("records serialize"),
        failing: true,
        invalid: true,
        notes: Vec::new(),
    }
}

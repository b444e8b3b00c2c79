//! The command line.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::config::{CliOverrides, Settings};
use crate::diagnostic::{Applicability, Severity};
use crate::locale::LocaleSetting;
use crate::report::Format;
use crate::run::{self, Options};
use crate::stream::{self, StreamOptions};

#[derive(Debug, Parser)]
#[command(
    name = "schliff",
    version,
    about = "Finds and fixes what machine translation and web scraping leave in German text",
    after_help = "Exit codes: 0 no findings, 1 findings (or changes with --diff / fmt --check), 2 usage, configuration or I/O error."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check files and folders (`-` for standard input).
    Check(CheckArgs),
    /// Apply the safe fixes and write the normalized text (stdout for `-`).
    Fmt(FmtArgs),
    /// List every rule.
    Rules {
        /// Print the list as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the spellings of names in the files, grouped by name, with the
    /// spelling the transliteration rules choose.
    Names {
        #[command(flatten)]
        common: Common,
    },
    /// Explain one rule.
    Rule {
        /// A rule id such as `quotes/straight`.
        id: String,
    },
}

#[derive(Debug, Args)]
struct Common {
    /// Files or folders; folders are searched for `*.txt` and `*.md` (see `include`).
    paths: Vec<PathBuf>,
    /// Configuration file (default: `schliff.toml` or `.schliff.toml` above each file).
    #[arg(long)]
    config: Option<PathBuf>,
    /// de-DE, de-AT, de-CH, or auto (decide per document).
    #[arg(long)]
    locale: Option<LocaleSetting>,
    /// Only these rules or categories (comma-separated).
    #[arg(long, value_delimiter = ',')]
    select: Option<Vec<String>>,
    /// Also these rules or categories.
    #[arg(long, value_delimiter = ',')]
    extend_select: Option<Vec<String>>,
    /// Not these rules or categories.
    #[arg(long, value_delimiter = ',')]
    ignore: Option<Vec<String>>,
    /// A word list (one word per line) of words to accept.
    #[arg(long = "words", value_name = "FILE")]
    word_files: Vec<PathBuf>,
    /// The name shown for standard input.
    #[arg(long)]
    stdin_filename: Option<String>,
    /// Compare name spellings across all files of the run (default).
    #[arg(long, overrides_with = "no_corpus")]
    corpus: bool,
    /// Compare name spellings within each file only.
    #[arg(long)]
    no_corpus: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    threads: Option<usize>,
    /// Also say which locale was chosen for each file, and why.
    #[arg(long, short)]
    verbose: bool,
}

#[derive(Debug, Args)]
struct CheckArgs {
    #[command(flatten)]
    common: Common,
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Apply safe fixes in place.
    #[arg(long)]
    fix: bool,
    /// With --fix or --diff, also apply unsafe fixes.
    #[arg(long)]
    unsafe_fixes: bool,
    /// Show the fixes as a unified diff; write nothing.
    #[arg(long)]
    diff: bool,
    /// Exit 0 even when there are findings.
    #[arg(long)]
    exit_zero: bool,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum)]
    fail_level: Option<SeverityArg>,
    /// `jsonl`: read JSON Lines records (files or stdin) and answer each with
    /// one JSON line: its id, findings and, with --fix, the normalized text.
    #[arg(long, value_enum, default_value = "files")]
    input_format: InputFormat,
    /// With --input-format jsonl: the field that holds the text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    text_field: String,
    /// With --input-format jsonl: the field that holds the record's id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    id_field: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum InputFormat {
    /// Text files and folders.
    Files,
    /// JSON Lines records, one text per line.
    Jsonl,
}

#[derive(Debug, Args)]
struct FmtArgs {
    #[command(flatten)]
    common: Common,
    /// Write nothing; exit 1 if any file would change.
    #[arg(long)]
    check: bool,
    /// Show the changes as a unified diff; write nothing.
    #[arg(long)]
    diff: bool,
    /// Also apply unsafe fixes.
    #[arg(long)]
    unsafe_fixes: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum SeverityArg {
    Info,
    Warning,
    Error,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Severity {
        match s {
            SeverityArg::Info => Severity::Info,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Error => Severity::Error,
        }
    }
}

fn read_word_files(files: &[PathBuf]) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f)
            .map_err(|e| format!("{}: cannot read word list: {e}", f.display()))?;
        words.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(String::from),
        );
    }
    Ok(words)
}

fn options(common: Common, format: Format) -> Result<Options, String> {
    if let Some(n) = common.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .map_err(|e| e.to_string())?;
    }
    let corpus = if common.no_corpus {
        Some(false)
    } else if common.corpus {
        Some(true)
    } else {
        None
    };
    Ok(Options {
        paths: common.paths,
        format,
        fix: None,
        diff: false,
        format_only: false,
        check_only: false,
        stdin_filename: common.stdin_filename,
        exit_zero: false,
        fail_level: None,
        config: common.config,
        cli: CliOverrides {
            locale: common.locale,
            select: common.select,
            extend_select: common.extend_select,
            ignore: common.ignore,
            words: read_word_files(&common.word_files)?,
            corpus,
        },
        verbose: common.verbose,
        color: run::use_color(),
    })
}

pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let result = match cli.command {
        Command::Check(args) => options(args.common, args.format).map(|mut o| {
            let level = if args.unsafe_fixes {
                Applicability::Unsafe
            } else {
                Applicability::Safe
            };
            o.fix = (args.fix || args.diff).then_some(level);
            o.diff = args.diff;
            o.exit_zero = args.exit_zero;
            o.fail_level = args.fail_level.map(Severity::from);
            if args.input_format == InputFormat::Jsonl {
                if args.diff {
                    eprintln!("schliff: error: --diff does not work with --input-format jsonl; use --fix to get the normalized text");
                    return 2;
                }
                let stream = StreamOptions {
                    text_field: args.text_field,
                    id_field: args.id_field,
                };
                return stream::run(&o, &stream);
            }
            run::run(&o)
        }),
        Command::Fmt(args) => options(args.common, Format::Concise).map(|mut o| {
            let level = if args.unsafe_fixes {
                Applicability::Unsafe
            } else {
                Applicability::Safe
            };
            o.fix = Some(level);
            o.diff = args.diff;
            o.format_only = !args.diff;
            o.check_only = args.check;
            run::run(&o)
        }),
        Command::Names { common } => options(common, Format::Concise).map(|o| run::names(&o)),
        Command::Rules { json } => list_rules(json),
        Command::Rule { id } => explain_rule(&id),
    };
    result.unwrap_or_else(|e| {
        eprintln!("schliff: error: {e}");
        2
    })
}

fn all_metas() -> Vec<&'static crate::rule::RuleMeta> {
    crate::rules::all_rules(&Settings::default())
        .expect("embedded rule data is valid")
        .iter()
        .map(|r| r.meta())
        .collect()
}

fn list_rules(json: bool) -> Result<i32, String> {
    let metas = all_metas();
    let mut out = std::io::stdout().lock();
    if json {
        let list: Vec<_> = metas
            .iter()
            .map(|m| {
                serde_json::json!({
                    "id": m.id, "category": m.category(), "severity": m.severity,
                    "fix": m.fix, "summary": m.summary,
                })
            })
            .collect();
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        );
        return Ok(0);
    }
    let width = metas.iter().map(|m| m.id.len()).max().unwrap_or(0);
    let _ = writeln!(
        out,
        "{:width$}  {:8}  {:12}  summary",
        "rule", "severity", "fix"
    );
    for m in metas {
        let fix = serde_json::to_value(m.fix)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{:width$}  {:8}  {:12}  {}",
            m.id,
            m.severity.as_str(),
            fix,
            m.summary
        );
    }
    Ok(0)
}

fn explain_rule(id: &str) -> Result<i32, String> {
    let metas = all_metas();
    match metas.iter().find(|m| m.id == id) {
        Some(m) => {
            println!(
                "{}\n\n{}\n\nDefault severity: {}. Fix: {}.\n\n{}",
                m.id,
                m.summary,
                m.severity.as_str(),
                serde_json::to_value(m.fix)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default(),
                m.explanation
            );
            Ok(0)
        }
        None => {
            let close: Vec<&str> = metas
                .iter()
                .map(|m| m.id)
                .filter(|m| m.contains(id) || id.contains(m.split('/').next().unwrap_or("")))
                .collect();
            let hint = if close.is_empty() {
                String::new()
            } else {
                format!("; did you mean: {}", close.join(", "))
            };
            Err(format!("unknown rule `{id}` (see `schliff rules`){hint}"))
        }
    }
}

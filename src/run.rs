//! `schliff check` and `schliff fmt`: find the files, check them in
//! parallel, report in the order given, fix when asked.

use std::collections::HashMap;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};
use rayon::prelude::*;

use crate::config::{find_config, CliOverrides, ConfigError, ConfigFile, FileSettings, Settings};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::{Document, DocumentKind};
use crate::fix::apply_fixes;
use crate::linter::Linter;
use crate::names::CorpusNames;
use crate::progress::Progress;
use crate::report::{self, FileError, Finding, Format, Summary};
use crate::source::SourceText;
use crate::write::write_atomic;

/// How many rounds of fixing before a rule is declared not to converge.
const MAX_FIX_ROUNDS: usize = 12;

/// Files are checked in chunks so memory stays bounded by the chunk, not
/// by the number of files, while output keeps the walk order.
const CHUNK: usize = 512;

#[derive(Debug, Clone)]
pub struct Options {
    pub paths: Vec<PathBuf>,
    pub format: Format,
    /// `Some(level)`: write fixes up to this trust level.
    pub fix: Option<Applicability>,
    /// Show the fixes as a diff instead of writing them.
    pub diff: bool,
    /// `schliff fmt`: write the fixed text, report nothing.
    pub format_only: bool,
    /// `schliff fmt --check`.
    pub check_only: bool,
    pub stdin_filename: Option<String>,
    pub exit_zero: bool,
    pub fail_level: Option<Severity>,
    pub config: Option<PathBuf>,
    pub cli: CliOverrides,
    pub verbose: bool,
    pub color: bool,
}

/// One input: a file on disk or standard input.
#[derive(Debug, Clone)]
enum Input {
    File(PathBuf),
    Stdin,
}

struct Job {
    input: Input,
    display: String,
    linter: usize,
}

enum Outcome {
    Checked {
        findings: Vec<Finding>,
        fixed: usize,
        /// The fixed text, when it differs from the original.
        new_bytes: Option<Vec<u8>>,
        diff: Option<String>,
        notes: Vec<String>,
    },
    Failed(FileError),
}

fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

/// How a file found under a folder argument is named in reports: relative
/// to the working folder when it lies inside it (like ruff); otherwise
/// relative to the folder argument's parent (like tar and rsync), so that
/// `check /tmp/x/articles` reports `articles/a.txt`, which stays readable
/// and matches annotation files that name the set folder.
fn walked_display_path(root: &Path, file: &Path) -> String {
    if root.is_relative() {
        return display_path(file);
    }
    if let Ok(cwd) = std::env::current_dir() {
        if let Ok(rel) = file.strip_prefix(&cwd) {
            return display_path(rel);
        }
    }
    match (root.file_name(), file.strip_prefix(root)) {
        (Some(name), Ok(rel)) => display_path(&Path::new(name).join(rel)),
        _ => display_path(file),
    }
}

/// Finds configurations and builds one linter per configuration file.
struct Linters {
    cli: CliOverrides,
    explicit: Option<PathBuf>,
    by_dir: HashMap<PathBuf, usize>,
    by_config: HashMap<Option<PathBuf>, usize>,
    linters: Vec<Arc<Linter>>,
}

impl Linters {
    fn new(cli: CliOverrides, explicit: Option<PathBuf>) -> Linters {
        Linters {
            cli,
            explicit,
            by_dir: HashMap::new(),
            by_config: HashMap::new(),
            linters: Vec::new(),
        }
    }

    fn for_dir(&mut self, dir: &Path) -> Result<usize, ConfigError> {
        if let Some(&i) = self.by_dir.get(dir) {
            return Ok(i);
        }
        let config = match &self.explicit {
            Some(p) => Some(p.clone()),
            None => {
                let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
                find_config(&absolute)
            }
        };
        let i = match self.by_config.get(&config) {
            Some(&i) => i,
            None => {
                let file = match &config {
                    Some(p) => ConfigFile::load(p)?,
                    None => ConfigFile::default(),
                };
                let settings = Settings::new(config.clone(), file, &self.cli)?;
                self.linters.push(Arc::new(Linter::new(settings)?));
                self.by_config.insert(config, self.linters.len() - 1);
                self.linters.len() - 1
            }
        };
        self.by_dir.insert(dir.to_path_buf(), i);
        Ok(i)
    }

    fn for_file(&mut self, file: &Path) -> Result<usize, ConfigError> {
        let dir = file
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        self.for_dir(dir)
    }
}

fn globset(patterns: &[String], config: &Settings) -> Result<GlobSet, ConfigError> {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        builder.add(Glob::new(p).map_err(|e| ConfigError {
            path: config.config_path.clone().unwrap_or_default(),
            message: format!("invalid glob `{p}`: {e}"),
        })?);
    }
    builder.build().map_err(|e| ConfigError {
        path: config.config_path.clone().unwrap_or_default(),
        message: e.to_string(),
    })
}

/// Expands the command line's paths into jobs, in a stable order. Missing
/// paths become errors; the others are still checked.
fn collect_jobs(
    opts: &Options,
    linters: &mut Linters,
    errors: &mut Vec<FileError>,
) -> Result<Vec<Job>, ConfigError> {
    let mut jobs = Vec::new();
    let paths = if opts.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        opts.paths.clone()
    };
    for path in paths {
        if path.as_os_str() == "-" {
            let display = opts.stdin_filename.clone().unwrap_or_else(|| "-".into());
            let linter = linters.for_file(Path::new(&display))?;
            jobs.push(Job {
                input: Input::Stdin,
                display,
                linter,
            });
            continue;
        }
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                errors.push(FileError {
                    path: display_path(&path),
                    message: io_message(&e),
                    skipped: false,
                });
                continue;
            }
        };
        if !meta.is_dir() {
            let linter = linters.for_file(&path)?;
            jobs.push(Job {
                input: Input::File(path.clone()),
                display: display_path(&path),
                linter,
            });
            continue;
        }
        let root_linter = linters.for_dir(&path)?;
        let settings = &linters.linters[root_linter].settings;
        let include = globset(
            settings
                .file
                .include
                .as_deref()
                .unwrap_or(&["*.txt".to_string(), "*.md".to_string()]),
            settings,
        )?;
        let exclude = globset(settings.file.exclude.as_deref().unwrap_or(&[]), settings)?;
        let mut found = Vec::new();
        for entry in ignore::WalkBuilder::new(&path).build() {
            match entry {
                Ok(entry) => {
                    let p = entry.path();
                    if !entry.file_type().is_some_and(|t| t.is_file()) {
                        continue;
                    }
                    let name = p.file_name().map(Path::new).unwrap_or(p);
                    let relative = p.strip_prefix(&path).unwrap_or(p);
                    if include.is_match(name)
                        && !exclude.is_match(relative)
                        && !exclude.is_match(name)
                    {
                        found.push(p.to_path_buf());
                    }
                }
                Err(e) => errors.push(FileError {
                    path: display_path(&path),
                    message: e.to_string(),
                    skipped: false,
                }),
            }
        }
        found.sort();
        for p in found {
            let linter = linters.for_file(&p)?;
            jobs.push(Job {
                display: walked_display_path(&path, &p),
                input: Input::File(p),
                linter,
            });
        }
    }
    Ok(jobs)
}

fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn read_input(job: &Job, stdin_text: &Option<Vec<u8>>) -> Result<SourceText, FileError> {
    let fail = |message: String| FileError {
        path: job.display.clone(),
        message,
        skipped: false,
    };
    let bytes = match &job.input {
        Input::Stdin => stdin_text.clone().unwrap_or_default(),
        Input::File(p) => {
            // One open and one fstat per file: on a folder of small
            // articles the system calls cost as much as checking.
            let meta = std::fs::metadata(p).map_err(|e| fail(io_message(&e)))?;
            if !meta.is_file() {
                return Err(fail(
                    "not a regular file (FIFO, device or socket), skipped".into(),
                ));
            }
            let file = std::fs::File::open(p).map_err(|e| fail(io_message(&e)))?;
            let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
            // `take` hides the file's size hint, which would cost another
            // fstat and lseek; the buffer has the right size already.
            file.take(u64::MAX)
                .read_to_end(&mut bytes)
                .map_err(|e| fail(io_message(&e)))?;
            bytes
        }
    };
    SourceText::decode(bytes).map_err(|e| FileError {
        path: job.display.clone(),
        skipped: matches!(e, crate::source::DecodeError::Binary),
        message: e.to_string(),
    })
}

/// A text after checking and, when asked, fixing.
pub(crate) struct Checked {
    /// The document of the final (fixed) text.
    pub doc: Document,
    /// The findings in the final text.
    pub diagnostics: Vec<Diagnostic>,
    /// How many fixes were applied.
    pub fixed: usize,
    /// Messages for standard error (`--verbose`, fixes that do not converge).
    pub notes: Vec<String>,
}

/// Checks one text; with `fix`, applies the fixes up to that trust level
/// round by round until nothing changes, and reports on the final text.
pub(crate) fn check_text(
    text: String,
    display: &str,
    linter: &Linter,
    file_settings: &FileSettings,
    corpus: Option<&CorpusNames>,
    fix: Option<Applicability>,
    verbose: bool,
) -> Checked {
    let kind = DocumentKind::from_path(display);
    let mut doc = Document::new(text, kind, file_settings.locale);
    let mut notes = Vec::new();
    if verbose {
        notes.push(format!(
            "{display}: locale {} ({})",
            doc.locale.locale, doc.locale.reason
        ));
    }
    let mut diagnostics: Vec<Diagnostic> = linter.check(&doc, file_settings, corpus);
    let mut fixed = 0;
    if let Some(level) = fix {
        let mut rounds = 0;
        loop {
            let applied = apply_fixes(&doc.text, &diagnostics, level);
            if applied.fixed == 0 || applied.text == doc.text {
                break;
            }
            rounds += 1;
            if rounds > MAX_FIX_ROUNDS {
                let rules: Vec<&str> = diagnostics
                    .iter()
                    .filter(|d| d.fix.as_ref().is_some_and(|f| f.applicability >= level))
                    .map(|d| d.rule)
                    .collect();
                notes.push(format!(
                    "{display}: fixes did not converge after {MAX_FIX_ROUNDS} rounds (rules: {}); this is a bug in schliff, please report it",
                    rules.join(", ")
                ));
                break;
            }
            fixed += applied.fixed;
            doc = Document::new(applied.text, kind, file_settings.locale);
            diagnostics = linter.check(&doc, file_settings, corpus);
        }
    }
    Checked {
        doc,
        diagnostics,
        fixed,
        notes,
    }
}

fn process(
    job: &Job,
    linter: &Linter,
    opts: &Options,
    corpus: Option<&CorpusNames>,
    stdin_text: &Option<Vec<u8>>,
) -> Outcome {
    let mut source = match read_input(job, stdin_text) {
        Ok(s) => s,
        Err(e) => return Outcome::Failed(e),
    };
    let path = match &job.input {
        Input::File(p) => p.clone(),
        Input::Stdin => PathBuf::from(&job.display),
    };
    let file_settings: FileSettings = linter.settings.for_file(&path);
    // Without fixes the text cannot change, so the original is kept (for
    // the comparison and the diff) only when fixing.
    let original = opts.fix.map(|_| source.text.clone());
    let checked = check_text(
        std::mem::take(&mut source.text),
        &job.display,
        linter,
        &file_settings,
        corpus,
        opts.fix,
        opts.verbose,
    );
    let doc = &checked.doc;
    let findings = checked
        .diagnostics
        .iter()
        .map(|d| Finding::resolve(&job.display, doc, source.bom_len(), d))
        .collect();
    let original = original.as_deref().unwrap_or(&doc.text);
    let changed = doc.text != original;
    let diff =
        (opts.diff && changed).then(|| unified_diff(&job.display, original, &doc.text, opts.color));
    let new_bytes = changed.then(|| source.encode(&doc.text));
    Outcome::Checked {
        findings,
        fixed: checked.fixed,
        new_bytes,
        diff,
        notes: checked.notes,
    }
}

pub fn unified_diff(path: &str, old: &str, new: &str, color: bool) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string();
    if !color {
        return text;
    }
    text.lines()
        .map(|l| {
            if l.starts_with("+++") || l.starts_with("---") {
                format!("\x1b[1m{l}\x1b[0m\n")
            } else if l.starts_with('+') {
                format!("\x1b[32m{l}\x1b[0m\n")
            } else if l.starts_with('-') {
                format!("\x1b[31m{l}\x1b[0m\n")
            } else if l.starts_with("@@") {
                format!("\x1b[36m{l}\x1b[0m\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect()
}

/// Runs `check` or `fmt`; returns the exit code.
pub fn run(opts: &Options) -> i32 {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let stderr = io::stderr();
    let mut linters = Linters::new(opts.cli.clone(), opts.config.clone());
    let mut errors = Vec::new();
    let jobs = match collect_jobs(opts, &mut linters, &mut errors) {
        Ok(jobs) => jobs,
        Err(e) => {
            let _ = writeln!(stderr.lock(), "schliff: error: {e}");
            return 2;
        }
    };
    let stdin_text = if jobs.iter().any(|j| matches!(j.input, Input::Stdin)) {
        let mut buf = Vec::new();
        if let Err(e) = io::stdin().read_to_end(&mut buf) {
            let _ = writeln!(
                stderr.lock(),
                "schliff: error: cannot read standard input: {e}"
            );
            return 2;
        }
        Some(buf)
    } else {
        None
    };
    for e in &errors {
        let _ = writeln!(stderr.lock(), "schliff: error: {}: {}", e.path, e.message);
    }

    let corpus = corpus_names(opts, &jobs, &linters, &stdin_text);
    let mut reporter = report::reporter(opts.format, opts.color);
    let mut summary = Summary {
        errors: errors.iter().filter(|e| !e.skipped).count(),
        fix_mode: opts.fix.is_some() && !opts.diff && !opts.format_only,
        ..Summary::default()
    };
    let fail_level = opts.fail_level.unwrap_or_else(|| {
        linters
            .linters
            .first()
            .and_then(|l| l.settings.file.fail_level)
            .unwrap_or(Severity::Info)
    });
    let mut failing = false;
    let mut changed_any = false;

    let progress = Progress::new(jobs.len());
    for chunk in jobs.chunks(CHUNK) {
        let outcomes: Vec<Outcome> = chunk
            .par_iter()
            .map(|job| {
                let outcome = process(
                    job,
                    &linters.linters[job.linter],
                    opts,
                    corpus.as_ref(),
                    &stdin_text,
                );
                progress.inc();
                outcome
            })
            .collect();
        progress.suspend(|| {
            for (job, outcome) in chunk.iter().zip(outcomes) {
                match outcome {
                    Outcome::Failed(e) => {
                        let label = if e.skipped { "warning" } else { "error" };
                        let _ =
                            writeln!(stderr.lock(), "schliff: {label}: {}: {}", e.path, e.message);
                        if !e.skipped {
                            summary.errors += 1;
                        }
                    }
                    Outcome::Checked {
                        findings,
                        fixed,
                        new_bytes,
                        diff,
                        notes,
                    } => {
                        summary.files += 1;
                        for n in notes {
                            let _ = writeln!(stderr.lock(), "schliff: {n}");
                        }
                        if new_bytes.is_some() {
                            changed_any = true;
                        }
                        if opts.format_only {
                            if opts.check_only {
                                if new_bytes.is_some() {
                                    let _ = writeln!(out, "Would reformat: {}", job.display);
                                }
                            } else if let Some(bytes) = new_bytes.as_ref().or(None) {
                                emit_fixed(job, bytes, &mut out, &mut summary);
                            } else if matches!(job.input, Input::Stdin) {
                                let _ = out.write_all(stdin_text.as_deref().unwrap_or_default());
                            }
                            summary.fixed += fixed;
                            continue;
                        }
                        if opts.diff {
                            if let Some(d) = diff {
                                let _ = out.write_all(d.as_bytes());
                            }
                            summary.fixed += fixed;
                            continue;
                        }
                        if opts.fix.is_some() {
                            if let Some(bytes) = &new_bytes {
                                if emit_fixed(job, bytes, &mut out, &mut summary) {
                                    summary.fixed += fixed;
                                    summary.fixed_files += 1;
                                }
                            }
                        }
                        summary.findings += findings.len();
                        summary.fixable += findings
                            .iter()
                            .filter(|f| {
                                f.fix
                                    .as_ref()
                                    .is_some_and(|x| x.applicability == Applicability::Safe)
                            })
                            .count();
                        failing |= findings.iter().any(|f| f.severity >= fail_level);
                        let _ = reporter.file(&mut out, &findings);
                    }
                }
            }
            if progress.is_shown() {
                let _ = out.flush();
            }
        });
    }
    progress.finish();
    if !opts.format_only && !opts.diff {
        let metas: Vec<_> = linters
            .linters
            .first()
            .map(|l| l.rules().iter().map(|r| r.meta()).collect())
            .unwrap_or_else(|| {
                crate::rules::all_rules(&Settings::default())
                    .unwrap_or_default()
                    .iter()
                    .map(|r| r.meta())
                    .collect()
            });
        let _ = reporter.finish(&mut out, &summary, &metas);
    }
    let _ = out.flush();
    if summary.errors > 0 {
        2
    } else if opts.exit_zero {
        0
    } else if opts.diff || opts.check_only {
        i32::from(changed_any)
    } else if failing {
        1
    } else {
        0
    }
}

/// Writes fixed bytes to the file (or stdout for stdin); returns success.
fn emit_fixed(job: &Job, bytes: &[u8], out: &mut dyn Write, summary: &mut Summary) -> bool {
    match &job.input {
        Input::Stdin => out.write_all(bytes).is_ok(),
        Input::File(path) => match write_atomic(path, bytes, Path::new(".")) {
            Ok(()) => true,
            Err(e) => {
                let _ = writeln!(
                    io::stderr(),
                    "schliff: error: {}: {}",
                    job.display,
                    io_message(&e)
                );
                summary.errors += 1;
                false
            }
        },
    }
}

/// Rule categories whose rules read the name spellings of the whole run
/// ([`Context::corpus`](crate::rule::Context)). The corpus pass reads and
/// analyses every file a second time, so it runs only when one of them may
/// be enabled.
const CORPUS_CATEGORIES: &[&str] = &["transliteration"];

/// Whether a rule that reads the corpus may run: one is selected, or
/// per-file overrides could select one.
fn corpus_is_read(linters: &Linters) -> bool {
    linters.linters.iter().any(|l| {
        l.rules().iter().any(|r| {
            let meta = r.meta();
            CORPUS_CATEGORIES.contains(&meta.category())
                && (l.settings.selection.enables(meta.id) || !l.settings.file.overrides.is_empty())
        })
    })
}

/// Corpus mode: a first pass collects name spellings from every file.
fn corpus_names(
    opts: &Options,
    jobs: &[Job],
    linters: &Linters,
    stdin_text: &Option<Vec<u8>>,
) -> Option<CorpusNames> {
    let enabled = opts.cli.corpus.unwrap_or_else(|| {
        linters
            .linters
            .first()
            .map(|l| l.settings.file.transliteration.scope.as_deref() != Some("file"))
            .unwrap_or(true)
    });
    if !enabled || jobs.len() < 2 || !corpus_is_read(linters) {
        return None;
    }
    Some(
        jobs.par_iter()
            .filter_map(|job| {
                let source = read_input(job, stdin_text).ok()?;
                let linter = &linters.linters[job.linter];
                let path = match &job.input {
                    Input::File(p) => p.clone(),
                    Input::Stdin => PathBuf::from(&job.display),
                };
                let fs = linter.settings.for_file(&path);
                let doc = Document::new(
                    source.text,
                    DocumentKind::from_path(&job.display),
                    fs.locale,
                );
                Some(CorpusNames::from_document(
                    &job.display,
                    &doc,
                    &linter.settings,
                ))
            })
            .reduce(CorpusNames::default, CorpusNames::merge),
    )
}

/// Whether to colour output: a terminal, and `NO_COLOR` not set.
pub fn use_color() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

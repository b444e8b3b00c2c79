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
use crate::fix::{fix_rounds, MAX_FIX_ROUNDS};
use crate::linter::Linter;
use crate::locale::{Locale, LocaleSetting};
use crate::names::CorpusNames;
use crate::progress::Progress;
use crate::report::{self, FileError, Finding, Format, Summary};
use crate::source::SourceText;
use crate::write::{write_atomic, Fingerprint};

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
    /// `root` is the tree the file was found in (the folder argument, or the
    /// folder of a file argument): fixes never follow a symlink out of it.
    File {
        path: PathBuf,
        root: PathBuf,
    },
    Stdin,
}

impl Input {
    fn file(path: PathBuf, root: &Path) -> Input {
        Input::File {
            path,
            root: root.to_path_buf(),
        }
    }
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
        /// Whether fixing changed the text.
        changed: bool,
        /// The fixed bytes of standard input, to print.
        stdout_bytes: Option<Vec<u8>>,
        /// The fixes were written to the file.
        written: bool,
        /// The fixes could not be written (the findings are then those of
        /// the file as it still is).
        write_error: Option<String>,
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
    let paths_given = paths.len();
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
            let folder = path
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            jobs.push(Job {
                input: Input::file(path.clone(), folder),
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
                input: Input::file(p, &path),
                linter,
            });
        }
    }
    if paths_given > 1 {
        dedup_files(&mut jobs);
    }
    Ok(jobs)
}

/// With several path arguments a file can come twice (`check . a.txt`, a
/// symlink and its target): it is checked once, and so written once, since
/// a second write would find the file changed under it.
fn dedup_files(jobs: &mut Vec<Job>) {
    let mut seen = std::collections::HashSet::new();
    jobs.retain(|job| match &job.input {
        Input::File { path, .. } => {
            seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone()))
        }
        Input::Stdin => true,
    });
}

pub(crate) fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Reads and decodes one input; for a file, also what it looked like when
/// read, so a fix is not written over a file that changed meanwhile.
fn read_input(
    job: &Job,
    stdin_text: &Option<Vec<u8>>,
) -> Result<(SourceText, Option<Fingerprint>), FileError> {
    let fail = |message: String| FileError {
        path: job.display.clone(),
        message,
        skipped: false,
    };
    let (bytes, fingerprint) = match &job.input {
        Input::Stdin => (stdin_text.clone().unwrap_or_default(), None),
        Input::File { path, .. } => read_file(path).map_err(fail)?,
    };
    let source = SourceText::decode(bytes).map_err(|e| FileError {
        path: job.display.clone(),
        skipped: matches!(e, crate::source::DecodeError::Binary),
        message: e.to_string(),
    })?;
    Ok((source, fingerprint))
}

/// A file's bytes, refusing what is not a regular file before opening it
/// (opening a FIFO would block). A file that vanished since the walk is an
/// error naming it, like any other that cannot be read.
fn read_file(path: &Path) -> Result<(Vec<u8>, Option<Fingerprint>), String> {
    let meta = std::fs::metadata(path).map_err(|e| io_message(&e))?;
    if !meta.is_file() {
        return Err("not a regular file (FIFO, device or socket); not read".into());
    }
    let bytes = std::fs::read(path).map_err(|e| io_message(&e))?;
    Ok((bytes, Some(Fingerprint::of(&meta))))
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
    let check = |doc: &Document| linter.check(doc, file_settings, corpus);
    let mut fixed = 0;
    let diagnostics = match fix {
        None => check(&doc),
        Some(level) => {
            // Fixing sees every finding, also those a whole-line finding
            // hides in the report: an unsafe line deletion that is not
            // applied must not keep the safe fixes inside that line waiting.
            let check_all = |doc: &Document| linter.check_all(doc, file_settings, corpus);
            let all = check_all(&doc);
            let result = fix_rounds(doc, all, level, file_settings.locale, check_all);
            if !result.unconverged.is_empty() {
                notes.push(format!(
                    "{display}: fixes did not converge after {MAX_FIX_ROUNDS} rounds (rules: {}); this is a bug in schliff, please report it",
                    result.unconverged.join(", ")
                ));
            }
            doc = result.doc;
            fixed = result.fixed;
            check(&doc)
        }
    };
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
    let (mut source, fingerprint) = match read_input(job, stdin_text) {
        Ok(s) => s,
        Err(e) => return Outcome::Failed(e),
    };
    let path = match &job.input {
        Input::File { path, .. } => path.clone(),
        Input::Stdin => PathBuf::from(&job.display),
    };
    let file_settings: FileSettings = linter.settings.for_file(&path);
    // Without fixes the text cannot change, so the original is kept (for
    // the comparison and the diff) only when fixing.
    let original = opts.fix.map(|_| source.text.clone());
    let mut checked = check_text(
        std::mem::take(&mut source.text),
        &job.display,
        linter,
        &file_settings,
        corpus,
        opts.fix,
        opts.verbose,
    );
    let original = original.unwrap_or_default();
    let changed = opts.fix.is_some() && checked.doc.text != original;
    let new_bytes = changed.then(|| source.encode(&checked.doc.text));
    let diff = match &new_bytes {
        Some(new) if opts.diff => Some(unified_diff(
            &job.display,
            &source.encode(&original),
            new,
            opts.color,
        )),
        _ => None,
    };
    let mut written = false;
    let mut write_error = None;
    let mut stdout_bytes = None;
    if let (Some(bytes), false, false) = (new_bytes, opts.diff, opts.check_only) {
        match &job.input {
            Input::Stdin => stdout_bytes = Some(bytes),
            Input::File { path, root } => match write_atomic(path, &bytes, root, fingerprint) {
                Ok(()) => written = true,
                Err(e) => {
                    // Report the file as it still is.
                    write_error = Some(e.to_string());
                    checked = check_text(
                        original,
                        &job.display,
                        linter,
                        &file_settings,
                        corpus,
                        None,
                        false,
                    );
                }
            },
        }
    }
    let findings = checked
        .diagnostics
        .iter()
        .map(|d| Finding::resolve(&job.display, &checked.doc, source.bom_len(), d))
        .collect();
    Outcome::Checked {
        findings,
        fixed: checked.fixed,
        changed,
        stdout_bytes,
        written,
        write_error,
        diff,
        notes: checked.notes,
    }
}

/// A unified diff of a file's bytes before and after fixing (both valid
/// UTF-8, BOM included, so `patch` applies it to the file as stored).
pub fn unified_diff(path: &str, old: &[u8], new: &[u8], color: bool) -> String {
    let old = String::from_utf8_lossy(old);
    let new = String::from_utf8_lossy(new);
    let diff = similar::TextDiff::from_lines(old.as_ref(), new.as_ref());
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string();
    if !color {
        return text;
    }
    // Colour codes go around each line's text, before its line break, so
    // a `\r\n` stays as it was.
    text.split_inclusive('\n')
        .map(|l| {
            let body = l.trim_end_matches(['\r', '\n']);
            let end = &l[body.len()..];
            let code = if body.starts_with("+++") || body.starts_with("---") {
                "\x1b[1m"
            } else if body.starts_with('+') {
                "\x1b[32m"
            } else if body.starts_with('-') {
                "\x1b[31m"
            } else if body.starts_with("@@") {
                "\x1b[36m"
            } else {
                return l.to_string();
            };
            format!("{code}{body}\x1b[0m{end}")
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
    // With `check --fix -` standard output carries the fixed text, so the
    // report goes to standard error, as in ruff.
    let fixes_stdin = summary.fix_mode && jobs.iter().any(|j| matches!(j.input, Input::Stdin));
    let mut err = io::stderr();

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
                        changed,
                        stdout_bytes,
                        written,
                        write_error,
                        diff,
                        notes,
                    } => {
                        summary.files += 1;
                        for n in notes {
                            let _ = writeln!(stderr.lock(), "schliff: {n}");
                        }
                        changed_any |= changed;
                        if let Some(e) = &write_error {
                            let _ = writeln!(stderr.lock(), "schliff: error: {}: {e}", job.display);
                            summary.errors += 1;
                        }
                        if written {
                            summary.fixed += fixed;
                            summary.fixed_files += 1;
                        }
                        if opts.format_only {
                            if opts.check_only {
                                if changed {
                                    let _ = writeln!(out, "Would reformat: {}", job.display);
                                }
                            } else if matches!(job.input, Input::Stdin) {
                                let original = stdin_text.as_deref().unwrap_or_default();
                                let _ = out.write_all(stdout_bytes.as_deref().unwrap_or(original));
                            }
                            continue;
                        }
                        if opts.diff {
                            if let Some(d) = diff {
                                let _ = out.write_all(d.as_bytes());
                            }
                            continue;
                        }
                        if let Some(bytes) = stdout_bytes {
                            // `check --fix -`: the fixed text is the output;
                            // the findings go to standard error.
                            let _ = out.write_all(&bytes);
                            summary.fixed += fixed;
                            summary.fixed_files += 1;
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
                        let _ = reporter.file(either(fixes_stdin, &mut err, &mut out), &findings);
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
        let _ = reporter.finish(either(fixes_stdin, &mut err, &mut out), &summary, &metas);
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

fn either<'a>(first: bool, a: &'a mut dyn Write, b: &'a mut dyn Write) -> &'a mut dyn Write {
    if first {
        a
    } else {
        b
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
    Some(collect_names(jobs, linters, stdin_text))
}

/// The name spellings of every job, read and analysed in parallel.
fn collect_names(jobs: &[Job], linters: &Linters, stdin_text: &Option<Vec<u8>>) -> CorpusNames {
    // Each worker adds its files to its own collection, which copies only
    // the spellings it has not seen; the collections are merged at the end.
    jobs.par_iter()
        .fold(CorpusNames::default, |mut names, job| {
            let Ok((source, _)) = read_input(job, stdin_text) else {
                return names;
            };
            let linter = &linters.linters[job.linter];
            // Names do not depend on the locale; detecting it would cost
            // more than finding the names.
            let locale = LocaleSetting::Fixed(Locale::DeDe);
            let doc = Document::new(source.text, DocumentKind::from_path(&job.display), locale);
            names.add_document(&job.display, &doc, &linter.settings);
            names
        })
        .reduce(CorpusNames::default, CorpusNames::merge)
}

/// `schliff names`: lists the groups of name spellings in the given files,
/// for an editor to review; returns the exit code.
pub fn names(opts: &Options) -> i32 {
    let mut linters = Linters::new(opts.cli.clone(), opts.config.clone());
    let mut errors = Vec::new();
    let jobs = match collect_jobs(opts, &mut linters, &mut errors) {
        Ok(jobs) => jobs,
        Err(e) => {
            eprintln!("schliff: error: {e}");
            return 2;
        }
    };
    for e in &errors {
        eprintln!("schliff: error: {}: {}", e.path, e.message);
    }
    let stdin_text = if jobs.iter().any(|j| matches!(j.input, Input::Stdin)) {
        let mut buf = Vec::new();
        if let Err(e) = io::stdin().read_to_end(&mut buf) {
            eprintln!("schliff: error: cannot read standard input: {e}");
            return 2;
        }
        Some(buf)
    } else {
        None
    };
    let corpus = collect_names(&jobs, &linters, &stdin_text);
    let settings = linters
        .linters
        .first()
        .map(|l| l.settings.clone())
        .unwrap_or_default();
    match crate::rules::transliteration::review(&corpus, &settings) {
        Ok(text) => {
            let _ = io::stdout().lock().write_all(text.as_bytes());
            i32::from(!errors.is_empty()) * 2
        }
        Err(e) => {
            eprintln!("schliff: error: {e}");
            2
        }
    }
}

/// Whether to colour output: a terminal, and `NO_COLOR` not set.
pub fn use_color() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(path: &Path) -> Job {
        Job {
            input: Input::file(path.to_path_buf(), path.parent().unwrap()),
            display: "verschwunden.txt".into(),
            linter: 0,
        }
    }

    #[test]
    fn a_file_deleted_after_the_walk_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("verschwunden.txt");
        std::fs::write(&path, "Ein Text.\n").unwrap();
        let job = job(&path);
        assert!(read_input(&job, &None).is_ok());
        std::fs::remove_file(&path).unwrap();
        let err = read_input(&job, &None).unwrap_err();
        assert_eq!(
            (err.path.as_str(), err.message.as_str(), err.skipped),
            ("verschwunden.txt", "no such file or directory", false)
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_file_replaced_by_a_folder_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("verschwunden.txt");
        std::fs::create_dir(&path).unwrap();
        let err = read_input(&job(&path), &None).unwrap_err();
        assert!(
            err.message.starts_with("not a regular file"),
            "{}",
            err.message
        );
    }

    #[test]
    fn diff_colours_keep_crlf_line_ends() {
        let diff = unified_diff("a.txt", b"Ein  Satz.\r\n", b"Ein Satz.\r\n", true);
        assert!(diff.contains("\x1b[31m-Ein  Satz.\x1b[0m\r\n"), "{diff:?}");
        assert!(diff.contains("\x1b[32m+Ein Satz.\x1b[0m\r\n"), "{diff:?}");
        assert!(diff.starts_with("\x1b[1m--- a/a.txt\x1b[0m\n"), "{diff:?}");
    }
}

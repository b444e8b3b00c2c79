//! The properties the fuzz targets check. Each function takes arbitrary
//! bytes and panics when schliff breaks a promise; `cargo fuzz` drives them
//! with coverage feedback (fuzz_targets/), and the main crate's
//! `tests/fuzz_checks.rs` drives the same functions with random and
//! recorded inputs on a stable toolchain.

use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use schliff::config::{CliOverrides, ConfigFile, FileSettings, Settings};
use schliff::diagnostic::{Applicability, Diagnostic, Edit};
use schliff::document::{Document, DocumentKind};
use schliff::fix::{apply_fixes, fix_rounds, Applied, MAX_FIX_ROUNDS};
use schliff::linter::Linter;
use schliff::locale::LocaleSetting;
use schliff::names::CorpusNames;
use schliff::report::{self, Finding, Format, Summary};
use schliff::source::{LineEnding, SourceText};

/// Every rule with the default settings, built once.
static LINTER: LazyLock<(Linter, FileSettings)> = LazyLock::new(|| {
    let linter = Linter::new(Settings::default()).expect("default settings are valid");
    let file = linter.settings.for_file(Path::new("fuzz.txt"));
    (linter, file)
});

/// The first byte picks plain text or Markdown, the rest is the file.
fn split_kind(data: &[u8]) -> Option<(DocumentKind, &[u8])> {
    let (&first, rest) = data.split_first()?;
    let kind = if first & 1 == 0 {
        DocumentKind::PlainText
    } else {
        DocumentKind::Markdown
    };
    Some((kind, rest))
}

#[track_caller]
fn assert_span(text: &str, range: &Range<usize>, what: &str) {
    assert!(
        range.start <= range.end
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end),
        "{what}: span {range:?} is not inside the text ({} bytes) on character boundaries",
        text.len()
    );
}

/// Target 1: bytes → decode → document → every rule. Nothing panics, every
/// span (of the document model, of each finding and of each fix edit) lies
/// inside the text on character boundaries, and every report format can
/// print the findings.
pub fn check_spans(data: &[u8]) {
    let Some((kind, bytes)) = split_kind(data) else {
        return;
    };
    let Ok(source) = SourceText::decode(bytes.to_vec()) else {
        return;
    };
    let bom = source.bom_len();
    let doc = Document::new(source.text, kind, LocaleSetting::Auto);
    let text = doc.text.as_str();
    for t in doc.tokens() {
        assert_span(text, &t.range, "token");
    }
    for r in doc.sentences().iter().chain(doc.paragraphs()) {
        assert_span(text, r, "sentence or paragraph");
    }
    for line in doc.lines() {
        assert_span(text, &line.full, "line");
        assert_span(text, &line.content, "line content");
    }
    let (linter, file) = &*LINTER;
    let mut corpus = CorpusNames::default();
    corpus.add_document("fuzz.txt", &doc, &linter.settings);
    let diagnostics = linter.check(&doc, file, Some(&corpus));
    for d in &diagnostics {
        assert_span(text, &d.range, d.rule);
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            assert_span(text, &e.range, d.rule);
        }
    }
    let findings: Vec<Finding> = diagnostics
        .iter()
        .map(|d| Finding::resolve("fuzz.txt", &doc, bom, d))
        .collect();
    let mut sink = std::io::sink();
    for format in [
        Format::Human,
        Format::Concise,
        Format::Json,
        Format::Jsonl,
        Format::Sarif,
        Format::Github,
    ] {
        let mut reporter = report::reporter(format, true);
        reporter.file(&mut sink, &findings).unwrap();
        reporter
            .finish(&mut sink, &Summary::default(), &[])
            .unwrap();
    }
    sink.flush().unwrap();
}

/// Checks one round of `apply_fixes` against a reference: only fixes at
/// least as trusted as `level` go in, each with all its edits or none; the
/// edits that went in do not clash; a fix stayed out only because it clashed
/// with one that went in (first wins); and the new text is the old one with
/// exactly those edits — every byte outside them is kept.
fn assert_round(text: &str, diagnostics: &[Diagnostic], level: Applicability, applied: &Applied) {
    let mut fixes_in = 0;
    for (i, d) in diagnostics.iter().enumerate() {
        let Some(fix) = &d.fix else { continue };
        let n = applied.edits.iter().filter(|(d, _)| *d == i).count();
        assert!(
            n == 0 || n == fix.edits.len(),
            "{}: only {n} of {} edits of one fix went in",
            d.rule,
            fix.edits.len()
        );
        if n > 0 {
            assert!(
                fix.applicability >= level.max(Applicability::Unsafe),
                "{}: a {:?} fix was applied at level {level:?}",
                d.rule,
                fix.applicability
            );
            fixes_in += 1;
        }
    }
    assert_eq!(fixes_in, applied.fixed, "count of fixes applied");
    // First wins: a trusted, valid fix stayed out only because one of its
    // edits clashes with an edit that went in or with another of its own.
    let clash = |a: &Range<usize>, b: &Range<usize>| {
        a.start == b.start || (a.start < b.end && b.start < a.end)
    };
    for (i, d) in diagnostics.iter().enumerate() {
        let Some(fix) = &d.fix else { continue };
        let trusted = fix.applicability >= level.max(Applicability::Unsafe);
        let valid = fix.edits.iter().all(|e| {
            e.range.start <= e.range.end
                && e.range.end <= text.len()
                && text.is_char_boundary(e.range.start)
                && text.is_char_boundary(e.range.end)
        });
        if !trusted || !valid || fix.edits.is_empty() || applied.edits.iter().any(|(d, _)| *d == i)
        {
            continue;
        }
        let blocked = fix.edits.iter().enumerate().any(|(k, e)| {
            fix.edits
                .iter()
                .enumerate()
                .any(|(j, o)| j != k && clash(&e.range, &o.range))
                || applied.edits.iter().any(|&(td, tk)| {
                    clash(
                        &diagnostics[td].fix.as_ref().unwrap().edits[tk].range,
                        &e.range,
                    )
                })
        });
        assert!(
            blocked,
            "{}: a fix stayed out though nothing blocked it",
            d.rule
        );
    }
    let edits: Vec<&Edit> = applied
        .edits
        .iter()
        .map(|&(d, k)| &diagnostics[d].fix.as_ref().expect("an applied fix").edits[k])
        .collect();
    let mut rebuilt = String::new();
    let mut pos = 0;
    for pair in edits.windows(2) {
        let (a, b) = (&pair[0].range, &pair[1].range);
        assert!(
            a.end <= b.start && a.start != b.start,
            "applied edits {a:?} and {b:?} clash"
        );
    }
    for e in &edits {
        rebuilt.push_str(&text[pos..e.range.start]);
        rebuilt.push_str(&e.replacement);
        pos = e.range.end;
    }
    rebuilt.push_str(&text[pos..]);
    assert_eq!(
        applied.text, rebuilt,
        "text outside the applied edits changed"
    );
}

/// Fixes like `schliff check --fix --unsafe-fixes` does, checking every
/// round; returns the fixed text.
fn fix_checked(doc: Document, locale: LocaleSetting, level: Applicability) -> String {
    let (linter, file) = &*LINTER;
    let check = |doc: &Document| linter.check(doc, file, None);
    let kind = doc.kind;
    let original = doc.text.clone();
    let mut current = doc;
    let mut rounds = 0;
    loop {
        let diagnostics = check(&current);
        let applied = apply_fixes(&current.text, &diagnostics, level);
        assert_round(&current.text, &diagnostics, level, &applied);
        if applied.fixed == 0 || applied.text == current.text {
            break;
        }
        rounds += 1;
        let rules: Vec<&str> = diagnostics.iter().map(|d| d.rule).collect();
        assert!(
            rounds <= MAX_FIX_ROUNDS,
            "fixes did not converge after {MAX_FIX_ROUNDS} rounds: {rules:?}"
        );
        current = Document::new(applied.text, kind, locale);
    }
    // The engine's own loop, as `check --fix` runs it, ends in the same text.
    let first = Document::new(original, kind, locale);
    let diagnostics = check(&first);
    let fixed = fix_rounds(first, diagnostics, level, locale, check);
    assert!(fixed.unconverged.is_empty(), "{:?}", fixed.unconverged);
    assert_eq!(fixed.doc.text, current.text);
    // Fixing the result again changes nothing.
    let again_doc = Document::new(current.text.clone(), kind, locale);
    let diagnostics = check(&again_doc);
    let again = fix_rounds(again_doc, diagnostics, level, locale, check);
    assert_eq!(again.doc.text, current.text, "fixing is not idempotent");
    current.text
}

/// Target 2: bytes → fix (safe, then safe+unsafe, in rounds) → the result
/// is valid UTF-8 that decodes back to the fixed text with the file's BOM
/// and line-ending style, fixing again changes nothing, and each round keeps
/// every byte outside the edits it applied.
pub fn fix(data: &[u8]) {
    let Some((kind, bytes)) = split_kind(data) else {
        return;
    };
    let Ok(source) = SourceText::decode(bytes.to_vec()) else {
        return;
    };
    let locale = LocaleSetting::Auto;
    for level in [Applicability::Safe, Applicability::Unsafe] {
        let doc = Document::new(source.text.clone(), kind, locale);
        let fixed = fix_checked(doc, locale, level);
        let written = source.encode(&fixed);
        let back = SourceText::decode(written.clone())
            .unwrap_or_else(|e| panic!("fixed text does not decode: {e}"));
        assert_eq!(back.has_bom, source.has_bom, "BOM changed");
        assert_eq!(
            source.encode(&back.text),
            written,
            "written bytes do not round-trip"
        );
        if source.line_ending == LineEnding::Crlf {
            assert!(
                matches!(back.line_ending, LineEnding::Crlf | LineEnding::None),
                "a CRLF file came back {:?}",
                back.line_ending
            );
        }
    }
}

/// Target 3: a configuration file → it loads or is refused with a one-line
/// message naming the file; never a panic. What loads builds a linter that
/// can check a text.
pub fn config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = PathBuf::from("/fuzz/schliff.toml");
    let one_line = |message: String| {
        assert!(
            !message.contains('\n') && message.starts_with("/fuzz/schliff.toml: "),
            "error is not one line naming the file: {message:?}"
        );
    };
    let file = match ConfigFile::parse(text, &path) {
        Ok(file) => file,
        Err(e) => return one_line(e.to_string()),
    };
    let settings = match Settings::new(Some(path), file, &CliOverrides::default()) {
        Ok(s) => s,
        Err(e) => return one_line(e.to_string()),
    };
    let file_settings = settings.for_file(Path::new("/fuzz/ressort/artikel.txt"));
    let linter = match Linter::new(settings) {
        Ok(l) => l,
        Err(e) => return one_line(e.to_string()),
    };
    let doc = Document::new(
        "Die  Regierung hat am Montag „neue Regeln“ beschlossen. \n".to_string(),
        DocumentKind::PlainText,
        file_settings.locale,
    );
    let diagnostics = linter.check(&doc, &file_settings, None);
    for d in &diagnostics {
        assert_span(&doc.text, &d.range, d.rule);
    }
}

//! Property tests: random German-like articles, assembled from sentences
//! written for these tests, with random artifacts injected. Fixing must
//! remove exactly the injected artifacts (every one has a safe fix), keep
//! everything else byte for byte (BOM and CRLF included), be idempotent,
//! and `check --diff` applied with `patch` must give the bytes `--fix`
//! writes.
//!
//! Artifacts covered: double spaces, no-break spaces between words,
//! mojibake, zero-width characters, soft hyphens, decomposed umlauts,
//! trailing spaces, blank-line runs, CRLF line endings and a BOM. (Glued
//! sentences, straight quotes and boilerplate lines come with their rules.)

mod common;

use std::path::Path;
use std::process::Command;
use std::sync::LazyLock;

use proptest::prelude::*;
use schliff::config::{FileSettings, Settings};
use schliff::diagnostic::Applicability;
use schliff::document::{Document, DocumentKind};
use schliff::fix::fix_rounds;
use schliff::linter::Linter;
use schliff::locale::LocaleSetting;
use schliff::source::SourceText;

const SENTENCES: &[&str] = &[
    "Die Stadtverwaltung hat am Dienstag neue Regeln für den Busverkehr vorgestellt.",
    "Künftig sollen die Linien im Norden der Stadt häufiger fahren.",
    "Der Bürgermeister sprach von einem wichtigen Schritt für die Pendler.",
    "Kritik kam dagegen von der Opposition im Gemeinderat.",
    "Sie hält die Pläne für zu teuer und schlecht vorbereitet.",
    "Nach Angaben der Polizei wurde bei dem Unfall niemand schwer verletzt.",
    "Die Feuerwehr war mit mehreren Fahrzeugen vor Ort.",
    "Die Straße blieb bis zum frühen Abend gesperrt.",
    "Wie es weitergeht, soll im Herbst entschieden werden.",
    "Viele Anwohner begrüßen die Entscheidung ausdrücklich.",
    "Die Bäckerei am Marktplatz schließt nach fast hundert Jahren.",
    "Die Inhaberin findet keinen Nachfolger für das Geschäft.",
    "Größere Änderungen am Fahrplan sind vorerst nicht geplant.",
    "Über die Kosten wollte sich das Ministerium nicht äußern.",
    "Die Gespräche sollen in der kommenden Woche fortgesetzt werden.",
    "Der Verein rechnet mit deutlich mehr Besuchern als im Vorjahr.",
    "Auf dem Gelände entstehen Wohnungen, eine Schule und ein kleiner Park.",
    "Die Bauarbeiten beginnen voraussichtlich im Frühjahr.",
    "Ein Sprecher der Stadtwerke bestätigte die Störung am Vormittag.",
    "Betroffen waren vor allem Haushalte in den östlichen Stadtteilen.",
    "Die Ursache ist noch unklar, ein technischer Defekt gilt als wahrscheinlich.",
    "Die Mannschaft gewann das Heimspiel verdient mit zwei Toren Vorsprung.",
    "Der Trainer lobte vor allem die Abwehr und den jungen Torwart.",
    "Die Ausstellung ist bis Ende des Monats täglich geöffnet.",
    "Schülerinnen und Schüler zahlen keinen Eintritt.",
    "Laut einer Umfrage fühlen sich die meisten Befragten gut informiert.",
    "Die Ergebnisse sollen im Sommer ausführlich vorgestellt werden.",
    "Das Museum zeigt Fotografien aus fünf Jahrzehnten.",
    "Die Gemeinde prüft, ob sich der Umbau des Bahnhofs lohnt.",
    "Gegen Mittag zogen dichte Wolken über das Tal.",
];

/// A clean article: paragraphs of distinct sentences (a repeated sentence
/// would rightly be a finding), one empty line between them, a final line
/// break.
fn article() -> impl Strategy<Value = String> {
    (
        Just(SENTENCES.to_vec()).prop_shuffle(),
        prop::collection::vec(1usize..5, 1..6),
    )
        .prop_map(|(sentences, sizes)| {
            let mut pool = sentences.into_iter();
            let mut text = sizes
                .iter()
                .map(|&n| pool.by_ref().take(n).collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
                .join("\n\n");
            text.push('\n');
            text
        })
}

/// An artifact that has a safe fix which restores the clean text exactly.
#[derive(Debug, Clone, Copy)]
enum Artifact {
    DoubleSpace,
    NoBreakSpace,
    Mojibake,
    ZeroWidth,
    SoftHyphen,
    Decomposed,
    TrailingSpace,
    BlankLines,
}

const ARTIFACTS: &[Artifact] = &[
    Artifact::DoubleSpace,
    Artifact::NoBreakSpace,
    Artifact::Mojibake,
    Artifact::ZeroWidth,
    Artifact::SoftHyphen,
    Artifact::Decomposed,
    Artifact::TrailingSpace,
    Artifact::BlankLines,
];

/// Byte offsets in `text` where `artifact` can go, each with its
/// replacement for the bytes `at..at + len`.
fn sites(text: &str, artifact: Artifact) -> Vec<(usize, usize, String)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let between_letters =
            prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic);
        match artifact {
            Artifact::DoubleSpace if c == ' ' => out.push((i, 1, "  ".into())),
            Artifact::NoBreakSpace if c == ' ' && between_letters => {
                out.push((i, 1, "\u{a0}".into()))
            }
            Artifact::Mojibake => {
                let broken = match c {
                    'ä' => "Ã¤",
                    'ö' => "Ã¶",
                    'ü' => "Ã¼",
                    'ß' => "ÃŸ",
                    _ => continue,
                };
                out.push((i, c.len_utf8(), broken.into()));
            }
            Artifact::ZeroWidth if c.is_alphabetic() && next.is_some_and(char::is_alphabetic) => {
                out.push((i, c.len_utf8(), format!("{c}\u{200b}")))
            }
            Artifact::SoftHyphen if c.is_lowercase() && next.is_some_and(char::is_lowercase) => {
                out.push((i, c.len_utf8(), format!("{c}\u{ad}")))
            }
            Artifact::Decomposed => {
                let decomposed = match c {
                    'ä' => "a\u{308}",
                    'ö' => "o\u{308}",
                    'ü' => "u\u{308}",
                    'Ä' => "A\u{308}",
                    'Ö' => "O\u{308}",
                    'Ü' => "U\u{308}",
                    _ => continue,
                };
                out.push((i, c.len_utf8(), decomposed.into()));
            }
            Artifact::TrailingSpace if c == '\n' && prev.is_some_and(|p| p != '\n') => {
                out.push((i, 1, " \n".into()))
            }
            Artifact::BlankLines if c == '\n' && prev == Some('\n') => {
                out.push((i, 1, "\n\n\n".into()))
            }
            _ => {}
        }
    }
    out
}

/// Injects each chosen artifact at a site picked by its index; sites that
/// would overlap one already used are skipped.
fn inject(clean: &str, choices: &[(Artifact, prop::sample::Index)]) -> (String, usize) {
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for (artifact, index) in choices {
        let sites = sites(clean, *artifact);
        if sites.is_empty() {
            continue;
        }
        let site = sites[index.index(sites.len())].clone();
        if edits
            .iter()
            .all(|(at, len, _)| site.0 + site.1 <= *at || at + len <= site.0)
        {
            edits.push(site);
        }
    }
    edits.sort_by_key(|e| e.0);
    let mut out = String::new();
    let mut pos = 0;
    for (at, len, replacement) in &edits {
        out.push_str(&clean[pos..*at]);
        out.push_str(replacement);
        pos = at + len;
    }
    out.push_str(&clean[pos..]);
    (out, edits.len())
}

#[derive(Debug, Clone, Copy)]
struct Encoding {
    crlf: bool,
    bom: bool,
}

fn encode(text: &str, enc: Encoding) -> Vec<u8> {
    let text = if enc.crlf {
        text.replace('\n', "\r\n")
    } else {
        text.to_string()
    };
    let mut bytes = if enc.bom {
        b"\xEF\xBB\xBF".to_vec()
    } else {
        Vec::new()
    };
    bytes.extend(text.into_bytes());
    bytes
}

static LINTER: LazyLock<(Linter, FileSettings)> = LazyLock::new(|| {
    let linter = Linter::new(Settings::default()).unwrap();
    let file = linter.settings.for_file(Path::new("artikel.txt"));
    (linter, file)
});

/// What `check --fix` writes for these bytes, and how many findings remain.
fn fix_bytes(bytes: &[u8]) -> (Vec<u8>, usize) {
    let (linter, file) = &*LINTER;
    let source = SourceText::decode(bytes.to_vec()).unwrap();
    let locale = LocaleSetting::Auto;
    let check = |doc: &Document| linter.check(doc, file, None);
    let doc = Document::new(source.text.clone(), DocumentKind::PlainText, locale);
    let diagnostics = check(&doc);
    let fixed = fix_rounds(doc, diagnostics, Applicability::Safe, locale, check);
    assert!(fixed.unconverged.is_empty());
    (source.encode(&fixed.doc.text), fixed.diagnostics.len())
}

fn findings(bytes: &[u8]) -> Vec<String> {
    let (linter, file) = &*LINTER;
    let source = SourceText::decode(bytes.to_vec()).unwrap();
    let doc = Document::new(source.text, DocumentKind::PlainText, LocaleSetting::Auto);
    linter
        .check(&doc, file, None)
        .iter()
        .map(|d| format!("{} {:?} {:?}", d.rule, d.range, &doc.text[d.range.clone()]))
        .collect()
}

fn damaged_article(
) -> impl Strategy<Value = (String, Vec<(Artifact, prop::sample::Index)>, Encoding)> {
    (
        article(),
        prop::collection::vec(
            (
                prop::sample::select(ARTIFACTS),
                any::<prop::sample::Index>(),
            ),
            0..12,
        ),
        any::<(bool, bool)>().prop_map(|(crlf, bom)| Encoding { crlf, bom }),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Fixing removes every injected artifact and nothing else, and fixing
    /// again changes nothing.
    #[test]
    fn fixing_restores_the_clean_article((clean, choices, enc) in damaged_article()) {
        let expected = encode(&clean, enc);
        prop_assert_eq!(findings(&expected), Vec::<String>::new(), "the clean article has findings");
        let (damaged, injected) = inject(&clean, &choices);
        let damaged = encode(&damaged, enc);
        if injected > 0 {
            prop_assert!(!findings(&damaged).is_empty(), "injected artifacts were not found");
        }
        let (fixed, remaining) = fix_bytes(&damaged);
        prop_assert_eq!(String::from_utf8_lossy(&fixed), String::from_utf8_lossy(&expected));
        prop_assert_eq!(remaining, 0);
        let (again, _) = fix_bytes(&fixed);
        prop_assert_eq!(again, fixed);
    }
}

fn patch_available() -> bool {
    Command::new("patch")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

proptest! {
    // Each case runs the binary twice and `patch` once: fewer cases.
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    /// `check --diff` applied with `patch` gives the bytes `check --fix`
    /// writes.
    #[test]
    fn the_diff_applied_with_patch_equals_the_fix((clean, choices, enc) in damaged_article()) {
        if !patch_available() {
            eprintln!("SKIP: GNU patch is not installed");
            return Ok(());
        }
        let (damaged, _) = inject(&clean, &choices);
        let damaged = encode(&damaged, enc);
        let dir = tempfile::tempdir().unwrap();
        let via_fix = dir.path().join("fix.txt");
        let via_patch = dir.path().join("patch.txt");
        std::fs::write(&via_fix, &damaged).unwrap();
        std::fs::write(&via_patch, &damaged).unwrap();

        let diff = common::schliff_in(dir.path(), &["check", "--diff", "patch.txt"], None);
        prop_assert_eq!(diff.code, i32::from(damaged != encode(&clean, enc)), "{:?}", diff);
        let fix = common::schliff_in(dir.path(), &["check", "--fix", "fix.txt"], None);
        prop_assert_eq!(fix.code, 0, "{:?}", fix);
        if !diff.stdout.is_empty() {
            let patch_file = dir.path().join("changes.diff");
            std::fs::write(&patch_file, &diff.stdout).unwrap();
            // --binary: keep CRs as they are in a CRLF file's diff.
            let out = Command::new("patch")
                .args(["--binary", "--silent", "-p1", "-i"])
                .arg(&patch_file)
                .current_dir(dir.path())
                .output()
                .unwrap();
            prop_assert!(out.status.success(), "patch failed: {}", String::from_utf8_lossy(&out.stdout));
        }
        prop_assert_eq!(std::fs::read(&via_patch).unwrap(), std::fs::read(&via_fix).unwrap());
    }
}

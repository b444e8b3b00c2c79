//! Corpus mode through the binary: name spellings are compared across the
//! files of one run (`tests/fixtures/names-corpus`, three short articles).

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/names-corpus")
}

/// A copy of the fixtures in a temporary folder, so that fixing and
/// configuration files do not touch the repository.
fn copy(config: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    if let Some(config) = config {
        std::fs::write(dir.path().join("schliff.toml"), config).unwrap();
    }
    dir
}

fn schliff(dir: &Path, args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_schliff"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

/// `(file, line, rule, message)` of every transliteration finding.
fn findings(dir: &Path, extra: &[&str]) -> Vec<(String, u64, String, String)> {
    let mut args = vec!["check", "--format", "jsonl", "--select", "transliteration"];
    args.extend_from_slice(extra);
    args.push(".");
    let (out, _) = schliff(dir, &args);
    let mut found: Vec<_> = out
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["path"].as_str().unwrap().to_string(),
                v["line"].as_u64().unwrap(),
                v["rule"].as_str().unwrap().to_string(),
                v["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn spellings_are_compared_across_files() {
    let dir = copy(None);
    let found = findings(dir.path(), &[]);
    let short: Vec<(&str, u64, &str)> = found
        .iter()
        .map(|(f, l, r, _)| (f.as_str(), *l, r.as_str()))
        .collect();
    assert_eq!(
        short,
        [
            ("grenze.txt", 3, "transliteration/inconsistent"),
            ("grenze.txt", 3, "transliteration/non-standard"),
            ("grenze.txt", 5, "transliteration/inconsistent"),
        ],
        "{found:#?}"
    );
    let messages: Vec<&str> = found.iter().map(|f| f.3.as_str()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m
                .contains("Kowaljow (2×, 1 file: hafen.txt) vs Kovalyov (1×, 1 file: grenze.txt)")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("Jo Chun Ryong (1×, 1 file: hafen.txt)")),
        "{messages:#?}"
    );
}

#[test]
fn file_scope_compares_within_each_file_only() {
    let dir = copy(None);
    let no_corpus = findings(dir.path(), &["--no-corpus"]);
    let rules: Vec<&str> = no_corpus.iter().map(|f| f.2.as_str()).collect();
    assert_eq!(rules, ["transliteration/non-standard"], "{no_corpus:#?}");

    let configured = copy(Some("[transliteration]\nscope = \"file\"\n"));
    assert_eq!(findings(configured.path(), &[]).len(), 1);
}

#[test]
fn unsafe_fixes_make_the_corpus_consistent() {
    let dir = copy(None);
    let (_, code) = schliff(
        dir.path(),
        &[
            "check",
            "--fix",
            "--unsafe-fixes",
            "--select",
            "transliteration",
            ".",
        ],
    );
    assert_eq!(code, 0);
    let fixed = std::fs::read_to_string(dir.path().join("grenze.txt")).unwrap();
    assert!(fixed.contains("aus Pjöngjang erreichte"), "{fixed}");
    assert!(fixed.contains("Funktionär Jo Chun Ryong."), "{fixed}");
    assert!(fixed.contains("Hafenchef Kowaljow begrüßte"), "{fixed}");
    assert!(findings(dir.path(), &[]).is_empty());
    // The other articles were consistent and stay untouched.
    for name in ["hafen.txt", "wetter.txt"] {
        assert_eq!(
            std::fs::read_to_string(dir.path().join(name)).unwrap(),
            std::fs::read_to_string(fixtures().join(name)).unwrap()
        );
    }
}

#[test]
fn names_lists_the_groups_for_review() {
    let dir = copy(None);
    let (out, code) = schliff(dir.path(), &["names", "."]);
    assert_eq!(code, 0);
    assert!(out.contains("Kowaljow (German spelling)"), "{out}");
    assert!(
        out.contains("Jo Chun Ryong (house style for Korean names)"),
        "{out}"
    );
    assert!(out.contains("Pjöngjang (listed in the table)"), "{out}");
    assert!(!out.contains("Vetter"), "{out}");
}

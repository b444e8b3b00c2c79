//! The command line as a user sees it: exit codes, output formats,
//! configuration, selection.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli")
}

fn schliff(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_schliff"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn jsonl(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn clean_file_exits_zero() {
    let o = schliff(&["check", "clean.txt"], &fixtures());
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("No findings in 1 file."));
}

#[test]
fn findings_exit_one_with_snippet_and_caret() {
    let o = schliff(&["check", "whitespace.txt"], &fixtures());
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("whitespace.txt:1:14: whitespace/double-space 2 spaces in a row [*]"),
        "{out}"
    );
    assert!(out.contains("1 | Der Bundestag  beschloss"), "{out}");
    assert!(out.contains("  |              ^^"), "{out}");
    assert!(
        out.contains("whitespace.txt:2:50: whitespace/trailing"),
        "{out}"
    );
    assert!(
        out.contains("Found 3 findings in 1 file. 3 fixable with `--fix`."),
        "{out}"
    );
}

#[test]
fn exit_zero_flag() {
    let o = schliff(&["check", "--exit-zero", "whitespace.txt"], &fixtures());
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn json_lines_have_exactly_the_documented_fields() {
    let o = schliff(
        &["check", "--format", "jsonl", "whitespace.txt"],
        &fixtures(),
    );
    let findings = jsonl(&o);
    assert_eq!(findings.len(), 3);
    let first = &findings[0];
    let mut keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "category",
            "column",
            "end_column",
            "end_line",
            "fix",
            "line",
            "message",
            "path",
            "rule",
            "severity"
        ]
    );
    assert!(
        stdout(&o).starts_with("{\"path\":"),
        "path comes first for people reading the stream"
    );
    assert_eq!(first["path"], "whitespace.txt");
    assert_eq!(first["rule"], "whitespace/double-space");
    assert_eq!(first["category"], "whitespace");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(1), Some(14))
    );
    assert_eq!(
        (first["end_line"].as_u64(), first["end_column"].as_u64()),
        (Some(1), Some(16))
    );
    let edit = &first["fix"]["edits"][0];
    assert_eq!(first["fix"]["applicability"], "safe");
    assert_eq!(
        (edit["start"].as_u64(), edit["end"].as_u64()),
        (Some(13), Some(15))
    );
    assert_eq!(edit["replacement"], " ");
}

#[test]
fn json_is_one_array() {
    let o = schliff(
        &["check", "--format", "json", "whitespace.txt", "clean.txt"],
        &fixtures(),
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
    let o = schliff(&["check", "--format", "json", "clean.txt"], &fixtures());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v, serde_json::json!([]));
}

#[test]
fn sarif_has_the_required_structure() {
    let o = schliff(
        &["check", "--format", "sarif", "whitespace.txt"],
        &fixtures(),
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "schliff");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "whitespace/double-space"));
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    let region = &results[0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 1);
    assert_eq!(region["startColumn"], 14);
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "whitespace.txt"
    );
}

#[test]
fn github_annotations() {
    let o = schliff(
        &["check", "--format", "github", "whitespace.txt"],
        &fixtures(),
    );
    let first = stdout(&o).lines().next().unwrap().to_string();
    assert_eq!(
        first,
        "::warning title=whitespace/double-space,file=whitespace.txt,line=1,col=14,endLine=1,endColumn=16::2 spaces in a row (whitespace/double-space)"
    );
}

#[test]
fn concise_is_one_line_per_finding() {
    let o = schliff(
        &["check", "--format", "concise", "whitespace.txt"],
        &fixtures(),
    );
    let lines: Vec<String> = stdout(&o).lines().map(String::from).collect();
    assert_eq!(
        lines[0],
        "whitespace.txt:1:14: whitespace/double-space 2 spaces in a row [*]"
    );
    assert_eq!(lines.len(), 4, "three findings and the summary: {lines:?}");
}

#[test]
fn select_and_ignore_by_category_and_id() {
    let o = schliff(
        &[
            "check",
            "--format",
            "jsonl",
            "--select",
            "whitespace/trailing",
            "whitespace.txt",
        ],
        &fixtures(),
    );
    let rules: Vec<_> = jsonl(&o)
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(rules, ["whitespace/trailing"]);
    let o = schliff(
        &[
            "check",
            "--format",
            "jsonl",
            "--ignore",
            "whitespace",
            "whitespace.txt",
        ],
        &fixtures(),
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(jsonl(&o).is_empty());
}

#[test]
fn markdown_code_and_front_matter_are_not_checked() {
    let o = schliff(&["check", "--format", "jsonl", "article.md"], &fixtures());
    let findings = jsonl(&o);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["line"], 7);
}

#[test]
fn folders_are_walked_for_txt_and_md() {
    let o = schliff(&["check", "--format", "jsonl", "."], &fixtures());
    let mut paths: Vec<String> = jsonl(&o)
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    paths.dedup();
    assert_eq!(paths, ["article.md", "whitespace.txt"]);
}

#[test]
fn stdin_with_a_name() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_schliff"))
        .args([
            "check",
            "--format",
            "jsonl",
            "--stdin-filename",
            "eingabe.txt",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Ein  Satz.\n".as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let f = jsonl(&o);
    assert_eq!(f[0]["path"], "eingabe.txt");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn missing_file_is_an_error_but_others_are_checked() {
    let o = schliff(
        &[
            "check",
            "--format",
            "jsonl",
            "gibt-es-nicht.txt",
            "whitespace.txt",
        ],
        &fixtures(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("gibt-es-nicht.txt: no such file or directory"),
        "{}",
        stderr(&o)
    );
    assert_eq!(jsonl(&o).len(), 3);
}

#[test]
fn config_is_found_by_walking_up_and_unknown_keys_fail() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("a/b");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("x.txt"), "Ein  Satz. \n").unwrap();
    std::fs::write(
        dir.path().join("schliff.toml"),
        "ignore = [\"whitespace/trailing\"]\n",
    )
    .unwrap();
    let o = schliff(&["check", "--format", "jsonl", "a/b/x.txt"], dir.path());
    let rules: Vec<_> = jsonl(&o)
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(rules, ["whitespace/double-space"]);

    std::fs::write(dir.path().join("schliff.toml"), "ignroe = [\"x\"]\n").unwrap();
    let o = schliff(&["check", "a/b/x.txt"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("schliff.toml") && err.contains("ignroe"),
        "{err}"
    );
}

#[test]
fn severity_and_fail_level_from_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.txt"), "Ein  Satz.\n").unwrap();
    std::fs::write(
        dir.path().join("schliff.toml"),
        "fail-level = \"warning\"\n[severity]\nwhitespace = \"info\"\n",
    )
    .unwrap();
    let o = schliff(&["check", "--format", "jsonl", "x.txt"], dir.path());
    assert_eq!(jsonl(&o)[0]["severity"], "info");
    assert_eq!(
        o.status.code(),
        Some(0),
        "info findings are below the fail level"
    );
}

#[test]
fn verbose_reports_the_locale_decision() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ch.txt"),
        "Die Strasse ist gross. «Gut», sagte er.\n",
    )
    .unwrap();
    let o = schliff(&["check", "--verbose", "ch.txt"], dir.path());
    assert!(
        stderr(&o).contains("ch.txt: locale de-CH"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn rules_and_rule_explanations() {
    let o = schliff(&["rules"], &fixtures());
    assert!(stdout(&o).contains("whitespace/double-space"));
    let o = schliff(&["rule", "whitespace/double-space"], &fixtures());
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Bad:"));
    let o = schliff(&["rule", "quotes/nope"], &fixtures());
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn usage_errors_exit_two() {
    let o = schliff(&["check", "--format", "xml"], &fixtures());
    assert_eq!(o.status.code(), Some(2));
    let o = schliff(&["check", "--locale", "en-US"], &fixtures());
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn every_rule_documents_itself() {
    let o = schliff(&["rules", "--json"], &fixtures());
    let rules: Vec<serde_json::Value> = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(rules.len() >= 10);
    for r in rules {
        let id = r["id"].as_str().unwrap();
        let (category, name) = id.split_once('/').expect("id is category/name");
        assert!(!name.is_empty());
        assert!(
            [
                "stray-token",
                "transliteration",
                "quotes",
                "boilerplate",
                "untranslated",
                "whitespace",
                "unicode",
                "spelling",
                "repetition",
                "typography",
                "grammar"
            ]
            .contains(&category),
            "{id}"
        );
        let explained = schliff(&["rule", id], &fixtures());
        let text = stdout(&explained);
        assert!(
            text.contains("Bad:") && text.contains("Good:"),
            "{id} lacks examples"
        );
    }
}

//! `schliff check --input-format jsonl`: one JSON line per record, in
//! order, bad lines answered rather than aborting the stream.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn records() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stream/records.jsonl")
}

fn schliff(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_schliff"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    input
        .write_all(stdin.unwrap_or_default())
        .expect("stdin takes the input");
    drop(input);
    child.wait_with_output().expect("binary finishes")
}

fn lines(o: &Output) -> Vec<Value> {
    String::from_utf8(o.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn rules(record: &Value) -> Vec<&str> {
    record["findings"]
        .as_array()
        .expect("findings is an array")
        .iter()
        .map(|f| f["rule"].as_str().expect("rule is a string"))
        .collect()
}

#[test]
fn one_answer_per_record_in_order() {
    let path = records();
    let o = schliff(
        &["check", "--input-format", "jsonl", path.to_str().unwrap()],
        None,
    );
    let out = lines(&o);
    let ids: Vec<&Value> = out.iter().map(|r| &r["id"]).collect();
    assert_eq!(
        ids,
        [
            &Value::from("art-1"),
            &Value::from("art-2"),
            &Value::Null,
            &Value::from(3),
            &Value::from("art-4"),
            &Value::Null
        ]
    );
    let numbers: Vec<u64> = out.iter().map(|r| r["record"].as_u64().unwrap()).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 6, 7], "blank line 5 is skipped");
    assert_eq!(
        rules(&out[0]),
        ["whitespace/double-space", "unicode/mojibake"]
    );
    assert_eq!(
        out[0]["findings"][1]["line"], 2,
        "lines count inside the text"
    );
    assert!(rules(&out[1]).is_empty());
    assert!(rules(&out[4]).is_empty());
    assert!(out[0].get("text").is_none(), "no text without --fix");
}

#[test]
fn bad_lines_are_findings_and_the_exit_code_is_two() {
    let o = schliff(
        &["check", "--input-format", "jsonl", "--exit-zero"],
        Some(&std::fs::read(records()).unwrap()),
    );
    assert_eq!(o.status.code(), Some(2));
    let out = lines(&o);
    assert_eq!(rules(&out[2]), ["input/invalid-record"]);
    assert!(out[2]["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("line 3"));
    assert_eq!(rules(&out[3]), ["input/invalid-record"]);
    assert!(out[3]["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("no field `text`"));
}

#[test]
fn fix_gives_the_normalized_text() {
    let input =
        "{\"id\":\"a\",\"text\":\"Er kam  heute ,sagte sie.\"}\n{\"id\":\"b\",\"text\":\"Gut.\"}\n";
    let o = schliff(
        &["check", "--input-format", "jsonl", "--fix"],
        Some(input.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(0), "all fixed: no findings left");
    let out = lines(&o);
    assert_eq!(out[0]["text"], "Er kam heute, sagte sie.");
    assert_eq!(
        out[0]["fixed"], 3,
        "double space, space before and after the comma"
    );
    assert_eq!(out[1]["text"], "Gut.");
    assert_eq!(out[1]["fixed"], 0);
}

#[test]
fn field_names_are_configurable() {
    let input = "{\"key\":9,\"body\":\"Der  Rat tagt.\"}\n";
    let o = schliff(
        &[
            "check",
            "--input-format",
            "jsonl",
            "--text-field",
            "body",
            "--id-field",
            "key",
        ],
        Some(input.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(1), "findings");
    let out = lines(&o);
    assert_eq!(out[0]["id"], 9);
    assert_eq!(rules(&out[0]), ["whitespace/double-space"]);
}

#[test]
fn many_records_keep_their_order_across_batches() {
    let mut input = String::new();
    for i in 0..3000 {
        let text = if i % 7 == 0 {
            "Ein  Satz."
        } else {
            "Ein Satz."
        };
        input.push_str(&format!("{{\"id\":{i},\"text\":\"{text}\"}}\n"));
    }
    let o = schliff(
        &["check", "--input-format", "jsonl", "-j", "2"],
        Some(input.as_bytes()),
    );
    let out = lines(&o);
    assert_eq!(out.len(), 3000);
    for (i, r) in out.iter().enumerate() {
        assert_eq!(r["id"], i);
        assert_eq!(rules(r).len(), usize::from(i % 7 == 0));
    }
}

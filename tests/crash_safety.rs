//! Crash safety of `check --fix`: killed with SIGKILL at several points of
//! a run over many files, every file must be byte-identical either to the
//! original or to the fully fixed version — never half-written, empty or a
//! mix. A temporary file (`.NAME.schliff-PID-N.tmp`) may be left behind by
//! the kill; a later run fixes the rest.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use common::{command, schliff_in, wait_limited};

/// Fewer files in a debug build, where fixing is about ten times slower.
const FILES: usize = if cfg!(debug_assertions) { 100 } else { 300 };

/// About 40 KB per file, with artifacts in every paragraph.
fn article(i: usize) -> String {
    let mut text = String::new();
    for p in 0..120 {
        text.push_str(&format!(
            "Artikel {i}, Absatz {p}: Die Gemeinde  prüft, ob sich der Umbau lohnt. \nDie Schu\u{308}ler \
demonstrieren am Freitag\u{a0}vor dem Rathaus {p}, sagte ein Sprecher.\n\n\n"
        ));
    }
    text
}

fn write_originals(dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    for i in 0..FILES {
        fs::write(dir.join(format!("{i:03}.txt")), article(i)).unwrap();
    }
}

fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn killed_fix_runs_leave_every_file_original_or_fully_fixed() {
    let root = tempfile::tempdir().unwrap();
    let originals_dir = root.path().join("original");
    write_originals(&originals_dir);
    let originals = contents(&originals_dir);

    // The fully fixed version, and how long an uninterrupted run takes.
    let reference = root.path().join("reference");
    write_originals(&reference);
    let start = Instant::now();
    let run = schliff_in(
        &reference,
        &["check", "--fix", "--format", "concise", "."],
        None,
    );
    let full = start.elapsed();
    assert_eq!(run.code, 0, "{run:?}");
    let fixed = contents(&reference);
    assert_eq!(fixed.len(), FILES);
    assert!(originals.iter().all(|(name, bytes)| fixed[name] != *bytes));

    let mut report = Vec::new();
    for (k, percent) in [2u32, 10, 25, 40, 55, 70, 85, 97].into_iter().enumerate() {
        let dir = root.path().join(format!("kill-{k}"));
        write_originals(&dir);
        let mut child = command(&dir, &["check", "--fix", "--format", "concise", "."])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(full * percent / 100);
        let _ = child.kill(); // SIGKILL
        wait_limited(&mut child, Duration::from_secs(60), &["check", "--fix"]);

        let (mut original, mut done, mut temporary) = (0, 0, 0);
        for (name, bytes) in contents(&dir) {
            if name.starts_with('.') && name.ends_with(".tmp") && name.contains(".schliff-") {
                temporary += 1;
            } else if originals.get(&name) == Some(&bytes) {
                original += 1;
            } else if fixed.get(&name) == Some(&bytes) {
                done += 1;
            } else {
                panic!("{name} is neither the original nor the fixed version after a kill at {percent}%");
            }
        }
        assert_eq!(original + done, FILES);
        report.push(format!(
            "{percent}%: {done} fixed, {original} original, {temporary} temp"
        ));

        // A second run completes the job.
        let again = schliff_in(&dir, &["check", "--fix", "--format", "concise", "."], None);
        assert_eq!(again.code, 0, "{again:?}");
        let after: BTreeMap<_, _> = contents(&dir)
            .into_iter()
            .filter(|(name, _)| !name.ends_with(".tmp"))
            .collect();
        assert_eq!(after, fixed);
    }
    eprintln!(
        "uninterrupted run: {full:?}; after SIGKILL at {}",
        report.join("; ")
    );
}

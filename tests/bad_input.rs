//! Bad and extreme input through the binary: each case asserts the exit
//! code and the message (one line naming the file), that nothing panics,
//! and that no file changes unless `--fix` succeeded.
//!
//! The large inputs (a 200 MB file, 100,000 files) run at full size in a
//! release build, as `.ci/run` runs the tests; a debug build uses a tenth of
//! the size so that a plain `cargo test` stays quick. Time limits are
//! generous: they catch quadratic behaviour and hangs, not slowness.

mod common;

use std::fs;
use std::time::Duration;

use common::{error_lines, schliff_in, schliff_limited, Run};

/// Full size in release builds, a tenth in debug builds.
fn scaled(n: usize) -> usize {
    if cfg!(debug_assertions) {
        n / 10
    } else {
        n
    }
}

/// Runs `check` and `check --fix` on one file holding `bytes`; asserts the
/// file is unchanged afterwards and returns the `check` run.
fn check_unfixable(name: &str, bytes: &[u8]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    let run = schliff_in(dir.path(), &["check", name], None);
    let fix = schliff_in(dir.path(), &["check", "--fix", name], None);
    assert_eq!(fix.code, run.code, "{fix:?}");
    assert_eq!(fs::read(&path).unwrap(), bytes, "{name} was modified");
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "a temporary file was left"
    );
    run
}

#[track_caller]
fn assert_one_error(run: &Run, code: i32, line: &str) {
    assert_eq!(run.code, code, "{run:?}");
    assert_eq!(error_lines(run), vec![line], "{run:?}");
}

#[test]
fn latin1_is_refused_with_the_offset_and_a_hint() {
    let run = check_unfixable("latin1.txt", b"Gr\xFC\xDFe aus K\xF6ln und M\xFCnchen.\n");
    assert_one_error(
        &run,
        2,
        "schliff: error: latin1.txt: not valid UTF-8 (first invalid byte at offset 2); it looks like \
Latin-1/Windows-1252: convert it with `iconv -f WINDOWS-1252 -t UTF-8`",
    );
}

#[test]
fn a_truncated_sequence_at_the_end_is_refused() {
    let run = check_unfixable("kaputt.txt", b"Sch\xC3\xB6ne Gr\xC3\xBC\xC3");
    assert_one_error(
        &run,
        2,
        "schliff: error: kaputt.txt: not valid UTF-8: the file ends inside a multi-byte character \
(offset 12); was it cut off?",
    );
}

#[test]
fn utf16_is_refused_with_a_hint() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("Grüße aus Köln\n".encode_utf16().flat_map(u16::to_le_bytes));
    let run = check_unfixable("utf16.txt", &bytes);
    assert_one_error(
        &run,
        2,
        "schliff: error: utf16.txt: UTF-16 text (byte-order mark found); convert it with \
`iconv -f UTF-16 -t UTF-8`",
    );
}

#[test]
fn nul_bytes_mark_a_binary_file_that_is_skipped() {
    let run = check_unfixable("binaer.txt", b"Hallo\0Welt  mit Fehlern.\n");
    assert_one_error(
        &run,
        0,
        "schliff: warning: binaer.txt: binary file (contains NUL bytes), skipped",
    );
    // Also far beyond the first 8 KiB that are probed first.
    let mut late = "Ein Satz.\n".repeat(2000).into_bytes();
    late.push(0);
    let run = check_unfixable("spaet.txt", &late);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("spaet.txt: binary file"), "{run:?}");
}

#[test]
fn empty_bom_only_and_no_final_newline_are_fine() {
    for (name, bytes) in [
        ("leer.txt", b"".as_slice()),
        ("bom.txt", b"\xEF\xBB\xBF".as_slice()),
        ("ohne.txt", "Ein Satz ohne Zeilenende.".as_bytes()),
        (
            "bom-crlf.txt",
            "\u{feff}Erste Zeile.\r\nZweite Zeile.".as_bytes(),
        ),
    ] {
        let run = check_unfixable(name, bytes);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{name}: {run:?}");
        assert!(run.stdout.contains("No findings in 1 file."), "{run:?}");
    }
}

#[test]
fn a_file_of_only_line_breaks_is_fixed_to_an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zeilen.txt");
    fs::write(&path, "\n\n\n\n").unwrap();
    let run = schliff_in(dir.path(), &["check", "zeilen.txt"], None);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("whitespace/blank-lines"));
    let fix = schliff_in(dir.path(), &["check", "--fix", "zeilen.txt"], None);
    assert_eq!(fix.code, 0, "{fix:?}");
    assert_eq!(fs::read(&path).unwrap(), b"");
}

#[test]
fn a_missing_path_is_an_error_and_the_others_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("da.txt"), "Ein  Satz.\n").unwrap();
    let run = schliff_in(dir.path(), &["check", "--fix", "fehlt.txt", "da.txt"], None);
    assert_one_error(
        &run,
        2,
        "schliff: error: fehlt.txt: no such file or directory",
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("da.txt")).unwrap(),
        "Ein Satz.\n"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_file_with_fix_is_refused_and_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gesperrt.txt");
    fs::write(&path, "Ein  Satz.\n").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o400)).unwrap();
    let run = schliff_in(dir.path(), &["check", "--fix", "gesperrt.txt"], None);
    assert_one_error(
        &run,
        2,
        "schliff: error: gesperrt.txt: file is read-only; not fixed",
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "Ein  Satz.\n");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_an_error_when_named_and_skipped_in_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("schleife.txt", dir.path().join("schleife.txt")).unwrap();
    let run = schliff_in(dir.path(), &["check", "--fix", "schleife.txt"], None);
    assert_eq!(run.code, 2, "{run:?}");
    let lines = error_lines(&run);
    assert!(
        lines.len() == 1
            && lines[0].starts_with("schliff: error: schleife.txt: ")
            && lines[0].contains("symbolic links"),
        "{run:?}"
    );
    // Walking a folder does not follow symbolic links.
    let run = schliff_in(dir.path(), &["check", "."], None);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("rohr.txt"))
        .status()
        .unwrap();
    assert!(status.success());
    // Opening a FIFO without a writer would block: the time limit catches it.
    let limit = Duration::from_secs(20);
    let run = schliff_limited(dir.path(), &["check", "--fix", "rohr.txt"], None, limit);
    assert_one_error(
        &run,
        2,
        "schliff: error: rohr.txt: not a regular file (FIFO, device or socket); not read",
    );
    let run = schliff_limited(dir.path(), &["check", "."], None, limit);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
}

#[test]
fn a_config_with_a_wrong_type_or_unknown_key_names_the_file_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Ein  Satz.\n").unwrap();
    for (config, says) in [
        ("locale = 3\n", "invalid configuration"),
        ("colour = \"rot\"\n", "unknown field `colour`"),
        (
            "[severity]\n\"spelling\" = \"laut\"\n",
            "invalid configuration",
        ),
        ("select = [\"ALL\"\n", "invalid configuration"),
    ] {
        fs::write(dir.path().join("schliff.toml"), config).unwrap();
        let run = schliff_in(dir.path(), &["check", "--fix", "a.txt"], None);
        assert_eq!(run.code, 2, "{config:?}: {run:?}");
        let lines = error_lines(&run);
        assert!(
            lines.len() == 1 && lines[0].contains("schliff.toml: ") && lines[0].contains(says),
            "{config:?}: {run:?}"
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("a.txt")).unwrap(),
            "Ein  Satz.\n"
        );
    }
}

/// One article of about 1 KB with one double space in it.
fn article() -> String {
    let mut text = String::new();
    for i in 0..4 {
        text.push_str(&format!(
            "Die Gemeinde prüft im Abschnitt {i}, ob sich der Umbau des Bahnhofs lohnt. Die \
Gespräche sollen in der kommenden Woche fortgesetzt werden, sagte ein Sprecher. Viele \
Anwohner begrüßen die Entscheidung ausdrücklich.\n\n"
        ));
    }
    text.replacen("Die Gemeinde", "Die  Gemeinde", 1)
}

#[test]
fn a_200_mb_file_of_one_repeated_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("riesig.txt");
    let article = article();
    let copies = scaled(200 << 20) / article.len();
    let mut text = article.repeat(copies);
    text.pop(); // one line break at the end, not an empty line
    fs::write(&path, text).unwrap();
    let run = schliff_limited(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--select",
            "whitespace",
            "riesig.txt",
        ],
        None,
        Duration::from_secs(600),
    );
    eprintln!(
        "{} MB, {copies} findings: {:?}",
        (copies * article.len()) >> 20,
        run.elapsed
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.ends_with(&format!(
        "Found {copies} findings in 1 file. {copies} fixable with `--fix`.\n"
    )));
}

#[test]
fn a_20_mb_line_and_a_million_quotes_finish_in_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let line = "Ein Satz ohne Zeilenende, der immer weiter geht. ".repeat(scaled(20 << 20) / 50);
    fs::write(dir.path().join("zeile.txt"), line.trim_end()).unwrap();
    fs::write(dir.path().join("zitate.txt"), "\"".repeat(1_000_000)).unwrap();
    fs::write(
        dir.path().join("leerzeichen.txt"),
        " ".repeat(scaled(10 << 20)),
    )
    .unwrap();
    for name in ["zeile.txt", "zitate.txt", "leerzeichen.txt"] {
        let run = schliff_limited(
            dir.path(),
            &["check", "--fix", "--format", "concise", name],
            None,
            Duration::from_secs(120),
        );
        eprintln!("{name}: {:?}", run.elapsed);
        assert!(run.code == 0 || run.code == 1, "{name}: {run:?}");
        assert!(run.stdout.contains("Fixed "), "{name}: {run:?}");
    }
    // Trailing white space and a whitespace-only line go; the rest stays.
    assert_eq!(fs::read(dir.path().join("leerzeichen.txt")).unwrap(), b"");
}

#[test]
fn many_tiny_files_in_one_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("viele");
    fs::create_dir(&folder).unwrap();
    let n = scaled(100_000);
    for i in 0..n {
        let text = if i % 10 == 0 {
            "Ein  kurzer Text.\n"
        } else {
            "Ein kurzer Text.\n"
        };
        fs::write(folder.join(format!("{i:06}.txt")), text).unwrap();
    }
    let run = schliff_limited(
        dir.path(),
        &["check", "--format", "concise", "viele"],
        None,
        Duration::from_secs(300),
    );
    eprintln!("{n} files: {:?}", run.elapsed);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.ends_with(&format!(
            "Found {} findings in {n} files. {} fixable with `--fix`.\n",
            n / 10,
            n / 10
        )),
        "{}",
        &run.stdout[run.stdout.len().saturating_sub(200)..]
    );
    let fix = schliff_limited(
        dir.path(),
        &["check", "--fix", "--format", "concise", "viele"],
        None,
        Duration::from_secs(300),
    );
    eprintln!("{n} files fixed: {:?}", fix.elapsed);
    assert_eq!(fix.code, 0);
    assert!(fix.stdout.ends_with(&format!(
        "Fixed {} findings in {} files, 0 remaining.\n",
        n / 10,
        n / 10
    )));
    assert_eq!(
        fs::read_dir(&folder).unwrap().count(),
        n,
        "a temporary file was left"
    );
}

#[test]
fn invalid_files_in_a_folder_do_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Ein  Satz.\n").unwrap();
    fs::write(dir.path().join("b.txt"), b"Gr\xFC\xDFe\n").unwrap();
    fs::write(dir.path().join("c.txt"), "Noch ein  Satz.\n").unwrap();
    let run = schliff_in(dir.path(), &["check", "--fix", "."], None);
    assert_one_error(
        &run,
        2,
        "schliff: error: b.txt: not valid UTF-8 (first invalid byte at offset 2); it looks like \
Latin-1/Windows-1252: convert it with `iconv -f WINDOWS-1252 -t UTF-8`",
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        "Ein Satz.\n"
    );
    assert_eq!(
        fs::read(dir.path().join("b.txt")).unwrap(),
        b"Gr\xFC\xDFe\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("c.txt")).unwrap(),
        "Noch ein Satz.\n"
    );
}

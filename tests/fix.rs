//! `check --fix`, `check --diff` and `fmt` through the binary: what gets
//! written, what is kept byte for byte, and what is refused.

mod common;

use std::fs;
use std::path::Path;

use common::{schliff, schliff_in, Run};

/// Artifacts the white space and Unicode rules fix safely, with the text
/// they must turn into. Written for these tests.
const ARTICLE: &str = "Die Stadtwerke  erhöhen die Preise. \nDie Schu\u{308}ler demonstrieren am Freitag.\n\n\n\nDer Bürgermeister will „nachbessern“  … 😀  sagt er.\n";
const FIXED: &str = "Die Stadtwerke erhöhen die Preise.\nDie Schüler demonstrieren am Freitag.\n\nDer Bürgermeister will „nachbessern“ … 😀 sagt er.\n";

fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

fn fix_bytes(dir: &Path, name: &str, bytes: &[u8]) -> (Run, Vec<u8>) {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    let run = schliff_in(dir, &["check", "--fix", name], None);
    (run, fs::read(&path).unwrap())
}

#[test]
fn fix_writes_the_safe_fixes_and_reports_what_remains() {
    let dir = tempfile::tempdir().unwrap();
    let (run, after) = fix_bytes(dir.path(), "a.txt", ARTICLE.as_bytes());
    assert_eq!(String::from_utf8(after).unwrap(), FIXED);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .contains("Fixed 6 findings in 1 file, 0 remaining."),
        "{run:?}"
    );
    // Fixing again changes nothing.
    let again = schliff_in(dir.path(), &["check", "--fix", "a.txt"], None);
    assert!(
        again
            .stdout
            .contains("Fixed 0 findings in 0 files, 0 remaining."),
        "{again:?}"
    );
    assert_eq!(fs::read_to_string(dir.path().join("a.txt")).unwrap(), FIXED);
}

#[test]
fn crlf_and_bom_variants_round_trip_byte_exact_apart_from_the_fixes() {
    let dir = tempfile::tempdir().unwrap();
    let variants: [(&str, Vec<u8>, Vec<u8>); 3] = [
        (
            "crlf.txt",
            crlf(ARTICLE).into_bytes(),
            crlf(FIXED).into_bytes(),
        ),
        (
            "bom.txt",
            [b"\xEF\xBB\xBF".as_slice(), ARTICLE.as_bytes()].concat(),
            [b"\xEF\xBB\xBF".as_slice(), FIXED.as_bytes()].concat(),
        ),
        (
            "both.txt",
            [b"\xEF\xBB\xBF".as_slice(), crlf(ARTICLE).as_bytes()].concat(),
            [b"\xEF\xBB\xBF".as_slice(), crlf(FIXED).as_bytes()].concat(),
        ),
    ];
    for (name, input, expected) in variants {
        let (run, after) = fix_bytes(dir.path(), name, &input);
        assert_eq!(
            String::from_utf8_lossy(&after),
            String::from_utf8_lossy(&expected),
            "{name}: {run:?}"
        );
    }
}

#[test]
fn fixes_at_the_very_start_and_end_of_a_file_without_final_newline() {
    let dir = tempfile::tempdir().unwrap();
    // A decomposed Ü as the first character, trailing spaces as the last.
    let (_, after) = fix_bytes(
        dir.path(),
        "kante.txt",
        "U\u{308}ber die Brücke kamen alle.  ".as_bytes(),
    );
    assert_eq!(
        String::from_utf8(after).unwrap(),
        "Über die Brücke kamen alle."
    );
    // No final newline stays no final newline.
    let (_, after) = fix_bytes(dir.path(), "ohne.txt", b"Ein  Satz ohne Zeilenende.");
    assert_eq!(after, b"Ein Satz ohne Zeilenende.");
}

#[test]
fn fixes_touching_adjacent_bytes_both_go_in() {
    let dir = tempfile::tempdir().unwrap();
    // The NFC fix ends exactly where the double-space fix starts.
    let (_, after) = fix_bytes(
        dir.path(),
        "nah.txt",
        "Die Schu\u{308}ler  kamen.\n".as_bytes(),
    );
    assert_eq!(String::from_utf8(after).unwrap(), "Die Schüler kamen.\n");
}

#[test]
fn diff_writes_nothing_names_the_file_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(&path, ARTICLE).unwrap();
    let run = schliff_in(dir.path(), &["check", "--diff", "a.txt"], None);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.starts_with("--- a/a.txt\n+++ b/a.txt\n@@ "),
        "{run:?}"
    );
    assert!(
        !run.stdout.contains('\x1b'),
        "no colour when not on a terminal"
    );
    assert!(run
        .stdout
        .contains("\n-Die Stadtwerke  erhöhen die Preise. \n"));
    assert!(run
        .stdout
        .contains("\n+Die Stadtwerke erhöhen die Preise.\n"));
    assert_eq!(fs::read_to_string(&path).unwrap(), ARTICLE);

    fs::write(&path, FIXED).unwrap();
    let run = schliff_in(dir.path(), &["check", "--diff", "a.txt"], None);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run:?}");
}

#[test]
fn fmt_writes_and_fmt_check_reports() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(&path, ARTICLE).unwrap();
    let check = schliff_in(dir.path(), &["fmt", "--check", "a.txt"], None);
    assert_eq!(check.code, 1, "{check:?}");
    assert!(check.stdout.contains("Would reformat: a.txt"));
    assert_eq!(fs::read_to_string(&path).unwrap(), ARTICLE);

    let fmt = schliff_in(dir.path(), &["fmt", "a.txt"], None);
    assert_eq!(fmt.code, 0, "{fmt:?}");
    assert_eq!(fs::read_to_string(&path).unwrap(), FIXED);
    let check = schliff_in(dir.path(), &["fmt", "--check", "a.txt"], None);
    assert_eq!((check.code, check.stdout.as_str()), (0, ""), "{check:?}");
}

#[test]
fn stdin_is_checked_fixed_and_formatted() {
    let run = schliff(&["check", "-"], Some(ARTICLE.as_bytes()));
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("-:1:15: whitespace/double-space"),
        "{run:?}"
    );

    let named = schliff(
        &["check", "--stdin-filename", "ressort/artikel.txt", "-"],
        Some(ARTICLE.as_bytes()),
    );
    assert!(
        named
            .stdout
            .contains("ressort/artikel.txt:1:15: whitespace/double-space"),
        "{named:?}"
    );

    // `check --fix -`: the fixed text on stdout, the report on stderr.
    let fixed = schliff(&["check", "--fix", "-"], Some(ARTICLE.as_bytes()));
    assert_eq!(fixed.stdout, FIXED);
    assert!(
        fixed
            .stderr
            .contains("Fixed 6 findings in 1 file, 0 remaining."),
        "{fixed:?}"
    );
    assert_eq!(fixed.code, 0);

    let fmt = schliff(&["fmt", "-"], Some(crlf(ARTICLE).as_bytes()));
    assert_eq!((fmt.code, fmt.stdout), (0, crlf(FIXED)));
    let unchanged = schliff(&["fmt", "-"], Some(FIXED.as_bytes()));
    assert_eq!(unchanged.stdout, FIXED);

    let diff = schliff(
        &["check", "--diff", "--stdin-filename", "x.txt", "-"],
        Some(ARTICLE.as_bytes()),
    );
    assert_eq!(diff.code, 1);
    assert!(
        diff.stdout.starts_with("--- a/x.txt\n+++ b/x.txt\n"),
        "{diff:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_with_one_line_and_left_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nur-lesen.txt");
    fs::write(&path, ARTICLE).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let run = schliff_in(dir.path(), &["check", "--fix", "nur-lesen.txt"], None);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(
        run.stderr.trim_end(),
        "schliff: error: nur-lesen.txt: file is read-only; not fixed"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), ARTICLE);
    // The findings shown are those still in the file.
    assert!(
        run.stdout
            .contains("Fixed 0 findings in 0 files, 6 remaining."),
        "{run:?}"
    );
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temp file left"
    );
}

#[cfg(unix)]
#[test]
fn symlinks_are_followed_inside_the_tree_only() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("echt.txt");
    fs::write(&real, ARTICLE).unwrap();
    symlink("echt.txt", dir.path().join("link.txt")).unwrap();
    let run = schliff_in(dir.path(), &["check", "--fix", "link.txt"], None);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(fs::read_to_string(&real).unwrap(), FIXED);
    assert!(fs::symlink_metadata(dir.path().join("link.txt"))
        .unwrap()
        .file_type()
        .is_symlink());

    let far = outside.path().join("fern.txt");
    fs::write(&far, ARTICLE).unwrap();
    symlink(&far, dir.path().join("fern.txt")).unwrap();
    let run = schliff_in(dir.path(), &["check", "--fix", "fern.txt"], None);
    assert_eq!(run.code, 2, "{run:?}");
    let line = run.stderr.trim_end();
    assert!(
        line.starts_with("schliff: error: fern.txt: is a symbolic link to ")
            && line.ends_with("(fix the target itself); not fixed")
            && !line.contains('\n'),
        "{run:?}"
    );
    assert_eq!(fs::read_to_string(&far).unwrap(), ARTICLE);
}

#[cfg(unix)]
#[test]
fn permissions_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(&path, ARTICLE).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o604)).unwrap();
    let run = schliff_in(dir.path(), &["check", "--fix", "."], None);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(fs::read_to_string(&path).unwrap(), FIXED);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o604
    );
}

#[test]
fn a_file_named_twice_is_fixed_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("ressort")).unwrap();
    let path = dir.path().join("ressort/a.txt");
    fs::write(&path, ARTICLE).unwrap();
    let run = schliff_in(
        dir.path(),
        &[
            "check",
            "--fix",
            "ressort",
            "./ressort/a.txt",
            "ressort/a.txt",
        ],
        None,
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
    assert!(
        run.stdout
            .contains("Fixed 6 findings in 1 file, 0 remaining."),
        "{run:?}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), FIXED);
}

//! The fuzz targets' checks (fuzz/src/lib.rs) driven without a fuzzer:
//! every input recorded under fuzz/regressions/ and fuzz/seeds/ (crashes the
//! fuzzer found, kept as regression tests), then random inputs built from
//! fragments that matter to the rules (umlauts, decomposed letters, quotes,
//! odd spaces, mojibake, line breaks, Markdown) and raw random bytes. This
//! runs on every `cargo test`; `scripts/fuzz.sh` runs the same checks under
//! `cargo fuzz` with coverage feedback.

#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::path::Path;

use proptest::prelude::*;

fn replay(dirs: &[&str], check: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            let result = std::panic::catch_unwind(|| check(&data));
            assert!(result.is_ok(), "{} fails", path.display());
            n += 1;
        }
    }
    n
}

#[test]
fn recorded_inputs_pass() {
    assert!(
        replay(
            &["seeds/text", "regressions/check_spans"],
            checks::check_spans
        ) >= 3
    );
    assert!(replay(&["seeds/text", "regressions/fix"], checks::fix) >= 3);
    assert!(replay(&["seeds/config", "regressions/config"], checks::config) >= 3);
}

const FRAGMENTS: &[&str] = &[
    "Die",
    "Regierung",
    "hat",
    "am",
    "Montag",
    "beschlossen",
    "Straße",
    "Größe",
    "über",
    "Öl",
    "US-Präsident",
    "20-Jährige",
    "McDonald's",
    "3,5",
    "1.200",
    "6'500",
    "10:30",
    "z. B.",
    "Nr.",
    " ",
    "  ",
    "   ",
    "\t",
    "\u{a0}",
    "\u{202f}",
    "\u{2009}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{ad}",
    "\u{2060}",
    "\n",
    "\n\n",
    "\n\n\n\n",
    "\r\n",
    "\r",
    " \n",
    "\u{a0}\n",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "…",
    "...",
    " .",
    " ,",
    "(",
    ")",
    "( ",
    " )",
    "[",
    "]",
    "\"",
    "'",
    "„",
    "“",
    "”",
    "‚",
    "‘",
    "’",
    "«",
    "»",
    "‹",
    "›",
    "`",
    "´",
    "-",
    "–",
    "—",
    "a\u{308}",
    "o\u{308}",
    "U\u{308}",
    "e\u{301}",
    "Ã¤",
    "Ã¶",
    "Ã¼",
    "ÃŸ",
    "Ã„",
    "â€ž",
    "â€œ",
    "â€“",
    "Ã©",
    "&amp;",
    "&nbsp;",
    "&#228;",
    "&#x201E;",
    "&quot;",
    "&auml;",
    "&",
    "#",
    "# ",
    "## ",
    "- ",
    "* ",
    "> ",
    "```",
    "`code`",
    "    ",
    "[Link](https://example.org/a_b)",
    "https://example.org",
    "a@b.de",
    "😀",
    "👍🏽",
    "中文",
    "ﬁ",
    "Ǆ",
    "\u{301}",
    "\u{308}",
    "ß",
    "ẞ",
    "0",
    "1",
    "2024",
];

fn fragment_text() -> impl Strategy<Value = Vec<u8>> {
    (
        any::<u8>(),
        prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80),
    )
        .prop_map(|(kind, parts)| {
            let mut data = vec![kind];
            data.extend(parts.concat().into_bytes());
            data
        })
}

fn input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => fragment_text(),
        1 => prop::collection::vec(any::<u8>(), 0..200),
        1 => any::<String>().prop_map(|s| [b"0".as_slice(), s.as_bytes()].concat()),
    ]
}

const CONFIG_LINES: &[&str] = &[
    "locale = \"auto\"",
    "locale = \"de-CH\"",
    "locale = \"xx\"",
    "locale = 3",
    "select = [\"ALL\"]",
    "select = [\"quotes\", \"whitespace/trailing\"]",
    "ignore = [\"whitespace\"]",
    "ignore = \"whitespace\"",
    "extend-select = []",
    "include = [\"*.txt\"]",
    "include = [\"[\"]",
    "exclude = [\"**/a{b\"]",
    "fail-level = \"error\"",
    "fail-level = \"fatal\"",
    "words = [\"Schliffwerk\"]",
    "colour = \"red\"",
    "[severity]",
    "\"spelling\" = \"info\"",
    "\"unicode/mojibake\" = \"error\"",
    "x = \"loud\"",
    "[[overrides]]",
    "files = [\"ch/**\"]",
    "files = [\"{\"]",
    "files = [\"a\\n}\"]",
    "[stray-token]",
    "allow = [\"SchliffWerk\"]",
    "[boilerplate]",
    "patterns = ['''jetzt abonnieren!?''']",
    "patterns = ['''(''']",
    "patterns = ['''a{99999}''']",
    "[transliteration]",
    "style = \"dpa\"",
    "scope = \"corpus\"",
    "[[transliteration.names]]",
    "canonical = \"Wolodymyr Selenskyj\"",
    "variants = [\"Volodymyr Zelensky\"]",
    "[spelling]",
    "dictionary-dir = \"/nonexistent\"",
    "word-files = [\"nope.txt\"]",
    "=",
    "[",
    "\"",
    "\u{0}",
];

fn config_input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => prop::collection::vec(prop::sample::select(CONFIG_LINES), 0..12)
            .prop_map(|lines| lines.join("\n").into_bytes()),
        1 => prop::collection::vec(any::<u8>(), 0..100),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn spans_stay_inside_the_text(data in input()) {
        checks::check_spans(&data);
    }

    #[test]
    fn fixing_keeps_bytes_converges_and_is_idempotent(data in input()) {
        checks::fix(&data);
    }

    #[test]
    fn configurations_load_or_fail_with_one_line(data in config_input()) {
        checks::config(&data);
    }
}

//! Is this word English? The answers of spellbook's `Dictionary::check` for
//! the English dictionary (en_US from SCOWL, Debian's `hunspell-en-us`
//! 2020.12.07, in `dictionaries/`), without parsing it at run time.
//!
//! Parsing the dictionary cost every run ~94 M instructions (15–20 ms),
//! on the critical path of a cold run on one article. `build.rs` instead
//! expands every `.dic` entry with its `.aff` affixes (the code in
//! `hunspell.rs`) into its exact-case word forms, some 170 000, and stores
//! them as an FST that the binary embeds; a lookup walks it in place.
//!
//! On top of the forms, [`is_word`] repeats spellbook's lookup: the input
//! conversion `’` → `'`, numbers, the default `BREAK` at hyphens, and the
//! case variants Hunspell tries (a title-case word also in lowercase, an
//! all-caps word also in title case and lowercase, mixed case exactly).
//! Hunspell's hidden homonyms are kept apart: a mixed-case or flagged
//! all-caps entry (`iPhone`, `NASA/M`) also stands in title case
//! (`Iphone`, `Nasa's`), but only for all-caps input (`IPHONE`, `NASA'S`).
//! The `.aff` features this relies on are checked by `build.rs`, the answers
//! by a test against spellbook.

use std::borrow::Cow;
use std::sync::LazyLock;

use fst::Map;

use super::hunspell::{casing, titlecase, Casing, FORM, HIDDEN_FORM};

/// Every form of the dictionary, with its [`FORM`] and [`HIDDEN_FORM`]
/// bits.
static FORMS: LazyLock<Map<&'static [u8]>> = LazyLock::new(|| {
    Map::new(&include_bytes!(concat!(env!("OUT_DIR"), "/en_US.fst"))[..])
        // Written by build.rs with the same crate version.
        .unwrap_or_else(|e| panic!("embedded en_US forms: {e}"))
});

/// Longer words (in bytes) are rejected, as Hunspell does.
const MAX_WORD_LEN: usize = 360;

/// Is `word` a word of the English dictionary? The same answer as
/// spellbook's `Dictionary::check` on en_US.
pub(crate) fn is_word(word: &str) -> bool {
    if word.len() > MAX_WORD_LEN {
        return false;
    }
    // en_US's ICONV.
    let word = if word.contains('’') {
        Cow::Owned(word.replace('’', "'"))
    } else {
        Cow::Borrowed(word)
    };
    if word.is_empty() {
        return true;
    }
    // A trailing dot may belong to an abbreviation: the word is tried
    // without and with its dots.
    let trimmed = word.trim_end_matches('.');
    is_number(trimmed)
        || spell_break(trimmed, 0)
        || (trimmed.len() != word.len() && spell_break(&word, 0))
}

/// `12`, `-1.5`, `1,000.00`: digits with single `.`, `,` or `-` between
/// them.
fn is_number(word: &str) -> bool {
    let word = word.strip_prefix('-').unwrap_or(word);
    let mut separated = true;
    for c in word.chars() {
        match c {
            '0'..='9' => separated = false,
            '.' | '-' | ',' if !separated => separated = true,
            _ => return false,
        }
    }
    !separated
}

/// Hunspell's default `BREAK`: a word is correct if it is, or if it is
/// without a leading or trailing hyphen, or if both sides of its first
/// hyphen are, recursively up to a depth of nine.
fn spell_break(word: &str, depth: usize) -> bool {
    const MAX_DEPTH: usize = 9;
    if spell_casing(word) {
        return true;
    }
    if depth == MAX_DEPTH {
        return false;
    }
    let next = |part: &str| spell_break(part, depth + 1);
    word.strip_prefix('-').is_some_and(next)
        || word.strip_suffix('-').is_some_and(next)
        || word
            .split_once('-')
            .is_some_and(|(head, tail)| !tail.is_empty() && next(head) && next(tail))
}

/// `word` or the case variants Hunspell tries for its casing.
fn spell_casing(word: &str) -> bool {
    match casing(word) {
        Casing::Lower | Casing::Camel | Casing::Pascal => form(word, true),
        // `Loader` → `loader`; `Iphone` is no word.
        Casing::Title => form(word, false) || form(&word.to_lowercase(), true),
        Casing::Upper => {
            form(word, true)
                // `O'NEIL` → `o'Neil`, `O'Neil` (Catalan, French, Italian).
                || word.find('\'').filter(|&i| i + 1 < word.len()).is_some_and(|i| {
                    let (head, tail) = word.split_at(i + 1);
                    let tail = titlecase(tail);
                    form(&(head.to_lowercase() + &tail), true)
                        || form(&(titlecase(head) + &tail), true)
                })
                || form(&titlecase(word), true)
                || form(&word.to_lowercase(), true)
        }
    }
}

/// Is `word` exactly a form (also a hidden homonym's if `hidden`) or an
/// ordinal number?
fn form(word: &str, hidden: bool) -> bool {
    let bits = if hidden { FORM | HIDDEN_FORM } else { FORM };
    FORMS.get(word).is_some_and(|v| v & bits != 0) || is_ordinal(word)
}

/// `11th`, `21st`, `102nd`: en_US's compound rules `n*1t` and `n*mp`, which
/// join digits (`n`, `m`: all but `1`, `1`) with a final ordinal (`t`:
/// `0th`…`9th`; `p`: `1st`, `2nd`, `3rd`, `0th`, `4th`…`9th`). The ones
/// with one digit are forms themselves.
fn is_ordinal(word: &str) -> bool {
    let b = word.as_bytes();
    let n = b.len();
    if n < 4 || !b[..n - 2].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let suffix = &b[n - 2..];
    if b[n - 4] == b'1' {
        suffix == b"th"
    } else {
        suffix
            == match b[n - 3] {
                b'1' => b"st",
                b'2' => b"nd",
                b'3' => b"rd",
                _ => b"th",
            }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    /// spellbook's answers for en_US, the reference.
    fn reference() -> spellbook::Dictionary {
        spellbook::Dictionary::new(
            include_str!("../../dictionaries/en_US.aff"),
            include_str!("../../dictionaries/en_US.dic"),
        )
        .unwrap()
    }

    /// Every file under `dir`, recursively.
    fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files(&path, out);
            } else {
                out.push(path);
            }
        }
    }

    /// The distinct tokens of `text` (runs of letters, digits, apostrophes,
    /// hyphens and dots), their pieces of letters and digits, and each in
    /// lowercase, uppercase and title case.
    fn tokens(text: &str, out: &mut BTreeSet<String>) {
        let joined = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.');
        for token in text.split(|c: char| !joined(c)) {
            let token = token.trim_start_matches(['.', '\'', '’']);
            for piece in std::iter::once(token).chain(token.split(|c: char| !c.is_alphanumeric())) {
                if piece.is_empty() {
                    continue;
                }
                out.insert(piece.to_string());
                out.insert(piece.to_lowercase());
                out.insert(piece.to_uppercase());
                out.insert(titlecase(piece));
            }
        }
    }

    /// The words on which [`is_word`] and spellbook disagree.
    fn disagreements<'w>(words: impl IntoIterator<Item = &'w String>) -> Vec<&'w str> {
        let dict = reference();
        words
            .into_iter()
            .filter(|w| is_word(w) != dict.check(w))
            .map(String::as_str)
            .collect()
    }

    #[test]
    fn agrees_with_spellbook_on_the_fixtures() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths = Vec::new();
        files(&root.join("tests/fixtures"), &mut paths);
        files(&root.join("examples"), &mut paths);
        let mut words = BTreeSet::new();
        for path in paths {
            if let Ok(text) = std::fs::read_to_string(&path) {
                tokens(&text, &mut words);
            }
        }
        assert!(words.len() > 10_000, "{} tokens", words.len());
        assert_eq!(disagreements(&words), Vec::<&str>::new());
    }

    #[test]
    fn edge_cases_as_spellbook_answers_them() {
        let accepted = [
            // case variants and hidden homonyms
            "Loader",
            "LOADER",
            "iPhone",
            "IPHONE",
            "McDonald",
            "MCDONALD",
            "MCDONALD'S",
            "NASA",
            "NASA's",
            "NASA'S",
            "AA",
            "Aa",
            "aa",
            "AA's",
            "O'NEIL",
            "DON'T",
            "don’t",
            "Don’t",
            "ISN'T",
            // affixes, cross products, hyphens, dots
            "unreadable",
            "unlikely",
            "reloading",
            "disconnected",
            "boot-loader",
            "Boot-Loader",
            "-loader",
            "loader-",
            "etc.",
            "loader.",
            "loader..",
            "",
            // numbers and ordinals
            "1",
            "-1.5",
            "1,000.00",
            "1.",
            "1st",
            "0th",
            "11th",
            "13th",
            "21st",
            "22nd",
            "23rd",
            "24th",
            "20th",
            "111th",
            "1001st",
            "101st",
            "21ST",
            "11TH",
            "2nd-rate",
        ];
        let rejected = [
            "loadeR",
            "Iphone",
            "iphone",
            "Mcdonald",
            "Nasa",
            "nasa",
            "Nasa's",
            "Aa's",
            "--",
            "-",
            "a-b-c-d-e-f-g-h-i-j-k",
            "e.g.",
            "U.S.",
            ".",
            "’",
            "1th",
            "21th",
            "11st",
            "12nd",
            "21St",
            "3D",
            "mp3",
        ];
        let dict = reference();
        for (words, expected) in [(&accepted[..], true), (&rejected[..], false)] {
            for w in words {
                assert_eq!(dict.check(w), expected, "spellbook on {w:?}");
                assert_eq!(is_word(w), expected, "{w:?}");
            }
        }
    }

    #[test]
    fn agrees_with_spellbook_on_every_form_in_every_case() {
        use fst::Streamer;
        let mut words = BTreeSet::new();
        let mut stream = FORMS.stream();
        while let Some((form, _)) = stream.next() {
            let form = std::str::from_utf8(form).unwrap();
            words.insert(form.to_string());
            words.insert(form.to_lowercase());
            words.insert(form.to_uppercase());
            words.insert(titlecase(form));
        }
        eprintln!("{} words", words.len());
        assert_eq!(disagreements(&words), Vec::<&str>::new());
    }

    /// Not run by default: the generated benchmark corpus is not in the
    /// repository (`bench/corpus`, see BENCHMARKS.md). Run with
    /// `cargo test --release --lib english -- --ignored`.
    #[test]
    #[ignore]
    fn agrees_with_spellbook_on_the_benchmark_corpus() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/corpus/articles-10mb");
        let mut paths = Vec::new();
        files(&root, &mut paths);
        let mut words = BTreeSet::new();
        for path in paths {
            tokens(&std::fs::read_to_string(&path).unwrap(), &mut words);
        }
        let wrong = disagreements(&words);
        eprintln!("{} words, {} disagreements", words.len(), wrong.len());
        assert_eq!(wrong, Vec::<&str>::new());
    }
}

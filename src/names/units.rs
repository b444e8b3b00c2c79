//! Name candidates in a document: capitalised words and parts of words
//! (`Selenskyj` in `Selenskyj-Regierung`, `Sergei` glued to the word before
//! it), and runs of romanized syllables that form one name (`Kim Jong Un`,
//! `Kim Jong-un`, `Xi Jinping`).

use std::borrow::Cow;
use std::ops::Range;

use super::fold::{is_korean_surname, is_syllable, syllables};
use crate::document::{Document, TokenKind};

/// One name candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit<'d> {
    pub range: Range<usize>,
    /// The text; a syllable run with its spaces normalized to one space.
    pub surface: Cow<'d, str>,
    /// Whether the position says this is a name: not the first word of a
    /// sentence and not right after an article (`die Zeit`, `Seit`).
    pub evidence: bool,
}

/// Capitalised function words that look like romanized syllables (`Der`,
/// `Mit`, `Laut`) and must not start a name run, even after a colon or in a
/// heading, where the sentence splitter sees no sentence start.
const FUNCTION_WORDS: &[&str] = &[
    "Ab", "Am", "An", "Auch", "Bei", "Bis", "Da", "Dann", "Dem", "Den", "Der", "Die", "Doch",
    "Ein", "Er", "Hin", "Im", "In", "Ja", "Je", "Laut", "Man", "Mit", "Nie", "Noch", "Nun", "Nur",
    "Ob", "Seit", "Sie", "So", "Um", "Und", "Von", "Vor", "Weil", "Wer", "Wie", "Wir", "Wo", "Zu",
    "Zum", "Zur",
];

/// Words after which a capitalised word is a noun, not a name.
fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "alle"
            | "am"
            | "ans"
            | "aufs"
            | "beim"
            | "das"
            | "dem"
            | "den"
            | "der"
            | "des"
            | "die"
            | "diese"
            | "diesem"
            | "diesen"
            | "dieser"
            | "dieses"
            | "ein"
            | "eine"
            | "einem"
            | "einen"
            | "einer"
            | "eines"
            | "ihr"
            | "ihre"
            | "ihrem"
            | "ihren"
            | "ihrer"
            | "ihres"
            | "im"
            | "ins"
            | "jede"
            | "jedem"
            | "jeden"
            | "jeder"
            | "jedes"
            | "kein"
            | "keine"
            | "keinem"
            | "keinen"
            | "keiner"
            | "keines"
            | "mehrere"
            | "mein"
            | "meine"
            | "sein"
            | "seine"
            | "seinem"
            | "seinen"
            | "seiner"
            | "seines"
            | "ums"
            | "unser"
            | "unsere"
            | "unserem"
            | "unseren"
            | "unserer"
            | "viele"
            | "vom"
            | "welche"
            | "welcher"
            | "welches"
            | "zum"
            | "zur"
    )
}

fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.binary_search(&word).is_ok()
}

fn starts_upper(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.starts_with(char::is_uppercase),
    }
}

/// A capitalised word of two or more letters with a lower-case letter
/// (`Kim`, not `US` or `KCNA`).
fn is_name_part(part: &str) -> bool {
    if part.is_ascii() {
        let b = part.as_bytes();
        if b.len() < 2 || !b[0].is_ascii_uppercase() {
            return false;
        }
        let mut lower = false;
        for &c in &b[1..] {
            if c.is_ascii_lowercase() {
                lower = true;
            } else if !c.is_ascii_uppercase() {
                return false;
            }
        }
        return lower;
    }
    let mut chars = part.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return false;
    }
    let mut lower = false;
    let mut len = 1;
    for c in chars {
        if !c.is_alphabetic() {
            return false;
        }
        lower |= c.is_lowercase();
        len += 1;
    }
    len >= 2 && lower
}

/// Splits a word at hyphens and apostrophes, and where a lower-case run of
/// three or more letters is followed by a capitalised word (`LuftabwehrSergei`).
/// Yields byte ranges relative to the word and whether the part was glued.
fn parts(word: &str, mut f: impl FnMut(Range<usize>, bool)) {
    // Most words are plain: no hyphen, apostrophe or inner capital.
    if word.is_ascii()
        && !word
            .bytes()
            .skip(1)
            .any(|b| b == b'-' || b == b'\'' || b.is_ascii_uppercase())
    {
        f(0..word.len(), false);
        return;
    }
    let mut start = 0;
    let mut lower_run = 0;
    let mut glued = false;
    let mut iter = word.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if matches!(c, '-' | '\'' | '’') {
            f(start..i, glued);
            start = i + c.len_utf8();
            lower_run = 0;
            glued = false;
            continue;
        }
        if c.is_uppercase() && lower_run >= 3 && iter.peek().is_some_and(|(_, n)| n.is_lowercase())
        {
            f(start..i, glued);
            start = i;
            glued = true;
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
    }
    f(start..word.len(), glued);
}

/// The capitalised parts of a word that starts at `offset`: their ranges in
/// the document, their text, and whether they were glued to the part before.
fn name_parts<'d>(word: &'d str, offset: usize, mut f: impl FnMut(Range<usize>, &'d str, bool)) {
    parts(word, |r, glued| {
        let part = &word[r.clone()];
        if is_name_part(part) {
            f(offset + r.start..offset + r.end, part, glued);
        }
    });
}

/// Whether a capital letter follows inside a hyphen-separated part (`KCNA`,
/// `UN`, `McDonald`), which romanized syllables never have.
fn has_inner_capital(word: &str) -> bool {
    let mut after_start = false;
    for b in word.bytes() {
        if b == b'-' {
            after_start = false;
        } else if after_start && b.is_ascii_uppercase() {
            return true;
        } else {
            after_start = true;
        }
    }
    false
}

/// Whether token `j` is followed by one space and a word.
fn next_word_follows(doc: &Document, j: usize) -> bool {
    let tokens = doc.tokens();
    tokens
        .get(j + 1)
        .is_some_and(|t| t.kind == TokenKind::Space && doc.token_text(t).chars().count() == 1)
        && tokens.get(j + 2).is_some_and(|t| t.kind == TokenKind::Word)
}

/// A run of romanized syllables starting at token `i`: the index of its last
/// token and its surface. Three syllables make a name: a Korean family name
/// and two given-name syllables (`Kim Jong Un`), hyphenated syllables after
/// any family name (`Kim Jong-un`, `Tsai Ing-wen`), or a Chinese family name
/// and a given name written together (`Xi Jinping`). Sentence-initial
/// German words look like syllables too (`Laut`, `Seit`), so a run starts
/// with a Korean family name or not at the start of a sentence.
fn syllable_run(doc: &Document, i: usize, initial: bool) -> Option<(usize, String)> {
    let tokens = doc.tokens();
    let first = doc.token_text(&tokens[i]);
    if !is_syllable(first.as_bytes())
        || !first.starts_with(|c: char| c.is_ascii_uppercase())
        || has_inner_capital(first)
    {
        return None;
    }
    let korean = is_korean_surname(first);
    if !korean && (initial || is_function_word(first)) {
        return None;
    }
    let mut words = [i, 0, 0];
    let mut counts = [1, 0, 0];
    let mut n = 1;
    let mut hyphen = false;
    let mut j = i;
    while next_word_follows(doc, j) && counts.iter().sum::<usize>() < 3 {
        j += 2;
        let word = doc.token_text(&tokens[j]);
        if has_inner_capital(word) {
            break;
        }
        let (count, genitive) = match syllables(word) {
            Some(c) => (c, false),
            None if word.ends_with('s') => match syllables(&word[..word.len() - 1]) {
                Some(c) => (c, true),
                None => break,
            },
            None => break,
        };
        hyphen |= word.contains('-');
        words[n] = j;
        counts[n] = count;
        n += 1;
        if genitive {
            break;
        }
    }
    let shape_ok = match &counts[..n] {
        [1, 1, 1] => korean,
        [1, 2] if hyphen => true,
        [1, 2] => !initial,
        _ => false,
    };
    if !shape_ok {
        return None;
    }
    let surface = words[..n]
        .iter()
        .map(|&w| doc.token_text(&tokens[w]))
        .collect::<Vec<_>>()
        .join(" ");
    Some((words[n - 1], surface))
}

/// Calls `f` with every name candidate of the document, in text order.
pub fn for_each_unit<'d>(doc: &'d Document, f: impl FnMut(Unit<'d>)) {
    walk(doc, f, |_, _| {});
}

/// Calls `unit` with every name candidate and `word` with every capitalised
/// word and part of a word (`Selenskyj` in `Selenskyj-Regierung`, also
/// inside syllable runs), each in text order: the name words are looked up
/// one at a time, and finding both in one walk saves a second one.
fn walk<'d>(
    doc: &'d Document,
    mut f: impl FnMut(Unit<'d>),
    mut word_part: impl FnMut(Range<usize>, &'d str),
) {
    let tokens = doc.tokens();
    let sentences = doc.sentences();
    let mut sentence = 0;
    let mut sentence_has_word = false;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind != TokenKind::Word {
            i += 1;
            continue;
        }
        while sentence < sentences.len() && sentences[sentence].end <= t.range.start {
            sentence += 1;
            sentence_has_word = false;
        }
        let initial = !sentence_has_word;
        sentence_has_word = true;
        let word = doc.token_text(t);
        if !starts_upper(word) {
            i += 1;
            continue;
        }
        let after_article = doc
            .prev_non_space(i)
            .is_some_and(|p| p.kind == TokenKind::Word && is_determiner(doc.token_text(p)));
        let evidence = !initial && !after_article;
        // A run starts with a one-syllable family name.
        let run = if word.len() <= 7 {
            syllable_run(doc, i, initial)
        } else {
            None
        };
        if let Some((last, surface)) = run {
            f(Unit {
                range: t.range.start..tokens[last].range.end,
                surface: Cow::Owned(surface),
                evidence,
            });
            for t in &tokens[i..=last] {
                let word = doc.token_text(t);
                if t.kind == TokenKind::Word && starts_upper(word) {
                    name_parts(word, t.range.start, |range, part, _| word_part(range, part));
                }
            }
            i = last + 1;
            continue;
        }
        name_parts(word, t.range.start, |range, part, glued| {
            word_part(range.clone(), part);
            f(Unit {
                range,
                surface: Cow::Borrowed(part),
                evidence: evidence || glued,
            })
        });
        i += 1;
    }
}

/// The name candidates in prose (not in Markdown code or front matter)
/// and every capitalised word and part of a word, found in one walk for
/// the two transliteration rules (shared through [`Document::shared`]; it
/// holds no borrow of the text).
#[derive(Debug)]
pub struct NameWords {
    units: Vec<(Range<usize>, Option<String>, bool)>,
    /// The ranges of the capitalised words and parts, in text order.
    pub words: Vec<Range<usize>>,
}

impl NameWords {
    pub fn new(doc: &Document) -> NameWords {
        let mut units = Vec::new();
        let mut words = Vec::new();
        walk(
            doc,
            |u| {
                if doc.is_prose(&u.range) {
                    let owned = match u.surface {
                        Cow::Owned(s) => Some(s),
                        Cow::Borrowed(_) => None,
                    };
                    units.push((u.range, owned, u.evidence));
                }
            },
            |range, _| words.push(range),
        );
        NameWords { units, words }
    }

    /// The name candidates in prose of `doc`, the document walked.
    pub fn units<'a>(&'a self, doc: &'a Document) -> Vec<Unit<'a>> {
        self.units
            .iter()
            .map(|(range, owned, evidence)| Unit {
                range: range.clone(),
                surface: Cow::Borrowed(owned.as_deref().unwrap_or(&doc.text[range.clone()])),
                evidence: *evidence,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Locale;

    fn units(text: &str) -> Vec<(String, bool)> {
        let doc = Document::plain(text, Locale::DeDe);
        let mut out = Vec::new();
        for_each_unit(&doc, |u| {
            assert_eq!(
                doc.text[u.range.clone()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                u.surface
            );
            out.push((u.surface.into_owned(), u.evidence));
        });
        out
    }

    fn surfaces(text: &str) -> Vec<String> {
        units(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn korean_and_chinese_names_are_one_unit() {
        assert_eq!(
            surfaces("Machthaber Kim Jong Un traf Kim Jong-un und Xi Jinping sowie Jo Chun Ryongs Leute."),
            ["Machthaber", "Kim Jong Un", "Kim Jong-un", "Xi Jinping", "Jo Chun Ryongs", "Leute"]
        );
        assert_eq!(
            surfaces("Lob für Kim Jong-uns Pläne"),
            ["Lob", "Kim Jong-uns", "Pläne"]
        );
    }

    #[test]
    fn short_german_words_do_not_form_name_runs() {
        assert_eq!(surfaces("Mit Kim Jong Un"), ["Mit", "Kim Jong Un"]);
        assert_eq!(surfaces("Kim Jong kam"), ["Kim", "Jong"]);
        assert_eq!(surfaces("Laut KCNA UN Kim"), ["Laut", "Kim"]);
        assert_eq!(surfaces("Am Tag Rom"), ["Am", "Tag", "Rom"]);
        assert_eq!(surfaces("Seit Jahren"), ["Seit", "Jahren"]);
        assert_eq!(surfaces("Laut Kim Jong-un kam"), ["Laut", "Kim Jong-un"]);
        assert_eq!(surfaces("Weil Putin kam"), ["Weil", "Putin"]);
        assert_eq!(
            surfaces("Xi Jinping kam, sagte Xi Jinping"),
            ["Xi", "Jinping", "Xi Jinping"]
        );
    }

    #[test]
    fn compounds_and_glued_words_are_split() {
        assert_eq!(
            surfaces("die Selenskyj-Regierung und US-Präsident GUS-LuftabwehrSergei McDonald's"),
            [
                "Selenskyj",
                "Regierung",
                "Präsident",
                "Luftabwehr",
                "Sergei",
                "McDonald"
            ]
        );
    }

    #[test]
    fn sentence_starts_and_articles_are_no_evidence() {
        assert_eq!(
            units("Seit Jahren sagt Schoigu, die Zeit sei reif. „Schoigu kam.“"),
            [
                ("Seit".to_string(), false),
                ("Jahren".to_string(), true),
                ("Schoigu".to_string(), true),
                ("Zeit".to_string(), false),
                ("Schoigu".to_string(), false),
            ]
        );
    }
}

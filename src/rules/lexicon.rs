//! Word knowledge shared by the rules that tell German from what the source
//! language or the web page left behind (`stray-token/*`, `untranslated/*`):
//! function words per language, Romance articles and elisions, line labels
//! (data in `rules/function_words.toml` and `rules/labels.toml`), and
//! letter-shape tests for the words no list knows.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::names::FxHasher;

/// The languages the function-word lists know, plus Vietnamese, which is
/// recognised by its letters alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    German,
    English,
    Italian,
    French,
    Spanish,
    Turkish,
    Vietnamese,
}

impl Lang {
    /// Every language but German, in a fixed order (an index into counters).
    pub const FOREIGN: [Lang; 6] = [
        Lang::English,
        Lang::Italian,
        Lang::French,
        Lang::Spanish,
        Lang::Turkish,
        Lang::Vietnamese,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Lang::German => "German",
            Lang::English => "English",
            Lang::Italian => "Italian",
            Lang::French => "French",
            Lang::Spanish => "Spanish",
            Lang::Turkish => "Turkish",
            Lang::Vietnamese => "Vietnamese",
        }
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The languages whose function-word list holds a word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LangSet(u8);

impl LangSet {
    /// Marks a word shared between German and another language.
    const AMBIGUOUS: u8 = 1 << 7;

    pub fn contains(self, lang: Lang) -> bool {
        self.0 & lang.bit() != 0
    }

    fn insert(&mut self, lang: Lang) {
        self.0 |= lang.bit();
    }

    fn is_ambiguous(self) -> bool {
        self.0 & Self::AMBIGUOUS != 0
    }
}

/// What one word says about the language of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordEvidence {
    /// A German function word no other list shares.
    German,
    /// A function word of these languages and not of German.
    Foreign(LangSet),
    /// Unknown, or shared between German and another language (`in`, `die`).
    None,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordList {
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FunctionWordsFile {
    english: WordList,
    german: WordList,
    italian: WordList,
    french: WordList,
    spanish: WordList,
    turkish: WordList,
    elisions: Vec<String>,
    romance_articles: Vec<String>,
    romance_names: Vec<String>,
    ambiguous: Vec<String>,
}

/// Function words are short and every word of a text is looked up, so
/// FxHash (eight bytes per step) beats the default hasher.
type Fx = BuildHasherDefault<FxHasher>;

pub struct FunctionWords {
    /// Lower-case word → the lists that hold it, and whether it is ambiguous.
    words: HashMap<Box<str>, LangSet, Fx>,
    /// Longest listed word in bytes: longer words need no lookup.
    max_len: usize,
    /// Lower case, without the apostrophe: `l`, `dell`.
    elisions: HashSet<Box<str>, Fx>,
    /// Longest elision in bytes; most words are longer and need no lookup.
    max_elision_len: usize,
    romance_articles: HashSet<Box<str>, Fx>,
    /// Longest article in bytes (three).
    max_article_len: usize,
    /// Lower case, with `'` for every apostrophe.
    romance_names: Vec<String>,
}

pub static FUNCTION_WORDS: LazyLock<FunctionWords> = LazyLock::new(|| {
    let file: FunctionWordsFile = toml::from_str(include_str!("../../rules/function_words.toml"))
        .expect("rules/function_words.toml is valid");
    let mut words: HashMap<Box<str>, LangSet, Fx> = HashMap::default();
    for (lang, list) in [
        (Lang::German, &file.german),
        (Lang::English, &file.english),
        (Lang::Italian, &file.italian),
        (Lang::French, &file.french),
        (Lang::Spanish, &file.spanish),
        (Lang::Turkish, &file.turkish),
    ] {
        for w in &list.words {
            words
                .entry(w.to_lowercase().into_boxed_str())
                .or_default()
                .insert(lang);
        }
    }
    for w in &file.ambiguous {
        words
            .entry(w.to_lowercase().into_boxed_str())
            .or_default()
            .0 |= LangSet::AMBIGUOUS;
    }
    let elisions: HashSet<Box<str>, Fx> = file
        .elisions
        .iter()
        .map(|e| {
            e.trim_end_matches(is_apostrophe)
                .to_lowercase()
                .into_boxed_str()
        })
        .collect();
    let romance_articles: HashSet<Box<str>, Fx> = file
        .romance_articles
        .iter()
        .map(|a| a.to_lowercase().into_boxed_str())
        .collect();
    let longest =
        |set: &mut dyn Iterator<Item = &Box<str>>| set.map(|w| w.len()).max().unwrap_or(0);
    FunctionWords {
        max_len: longest(&mut words.keys()),
        words,
        max_elision_len: longest(&mut elisions.iter()),
        elisions,
        max_article_len: longest(&mut romance_articles.iter()),
        romance_articles,
        romance_names: file
            .romance_names
            .iter()
            .map(|n| normalize_apostrophes(&n.to_lowercase()))
            .collect(),
    }
});

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '´' | '`' | 'ʼ')
}

fn normalize_apostrophes(s: &str) -> String {
    s.chars()
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .collect()
}

/// Calls `f` with `word` in lower case, without allocating for short words.
/// Words longer than `max` bytes give `None`.
fn with_lowercase<R>(word: &str, max: usize, f: impl FnOnce(&str) -> R) -> Option<R> {
    if word.len() > max {
        return None;
    }
    let mut buf = [0u8; 64];
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return Some(f(word));
        }
        let lower = buf.get_mut(..word.len())?;
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).ok().map(f);
    }
    if !word.chars().any(char::is_uppercase) {
        return Some(f(word));
    }
    let mut len = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let n = c.len_utf8();
        if len + n > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[len..]);
        len += n;
    }
    std::str::from_utf8(&buf[..len]).ok().map(f)
}

impl FunctionWords {
    /// The lists that hold `word`, in any case.
    pub fn langs(&self, word: &str) -> LangSet {
        with_lowercase(word, self.max_len, |w| {
            self.words.get(w).copied().unwrap_or_default()
        })
        .unwrap_or_default()
    }

    /// Whether `word` is on the German list (shared words like `in` count).
    pub fn is_german(&self, word: &str) -> bool {
        self.langs(word).contains(Lang::German)
    }

    /// What `word` says about the language of its sentence.
    pub fn evidence(&self, word: &str) -> WordEvidence {
        let langs = self.langs(word);
        if langs == LangSet::default() || langs.is_ambiguous() {
            WordEvidence::None
        } else if langs.contains(Lang::German) {
            WordEvidence::German
        } else {
            WordEvidence::Foreign(langs)
        }
    }

    /// Whether `word` (without its apostrophe) is an elided Romance article
    /// or preposition: `l`, `dell`, `d`.
    pub fn is_elision(&self, word: &str) -> bool {
        with_lowercase(word, self.max_elision_len, |w| self.elisions.contains(w)).unwrap_or(false)
    }

    /// Whether `word` is a Romance article that is no German word (`La`,
    /// `gli`; not `Des`, `Du`), in any case.
    #[inline]
    pub fn is_romance_article(&self, word: &str) -> bool {
        // Asked for every word; most are longer than any article, which
        // the caller can tell without a call.
        word.len() <= self.max_article_len && self.is_short_romance_article(word)
    }

    fn is_short_romance_article(&self, word: &str) -> bool {
        with_lowercase(word, self.max_article_len, |w| {
            self.romance_articles.contains(w)
        })
        .unwrap_or(false)
            && !self.is_german(word)
    }

    /// Whether `text` starts with a name that keeps its Romance article
    /// (`La Repubblica`, `L'Oréal`, `Los Angeles`).
    pub fn starts_with_romance_name(&self, text: &str) -> bool {
        let head: String = text.chars().take(40).collect();
        let head = normalize_apostrophes(&head.to_lowercase());
        self.romance_names.iter().any(|n| {
            head.strip_prefix(n.as_str())
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelsFile {
    labels: Vec<String>,
}

static LABELS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let file: LabelsFile = toml::from_str(include_str!("../../rules/labels.toml"))
        .expect("rules/labels.toml is valid");
    file.labels.iter().map(|l| l.to_lowercase()).collect()
});

/// Whether `word` is a label that opens a line before a credit or a cross
/// reference (`Quelle`, `Foto`), in any case.
pub fn is_label(word: &str) -> bool {
    LABELS.contains(&word.to_lowercase())
}

/// Whether `w` is a German word. The spell-checker's `check_word` takes this
/// place once it is merged; until then a German function word, or a word of
/// four or more letters that is spelt and ends the way German words are and
/// end.
pub fn is_word(w: &str) -> bool {
    FUNCTION_WORDS.is_german(w) || has_german_word_shape(w)
}

fn has_german_word_shape(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest_lower = chars.all(char::is_lowercase);
    let last = w.chars().last().unwrap_or(first);
    first.is_alphabetic()
        && rest_lower
        && w.chars().count() >= 4
        && w.chars().any(is_vowel)
        && "enrtslghdkmzßfbp".contains(last)
        && !looks_english(w)
}

fn is_vowel(c: char) -> bool {
    matches!(
        c.to_ascii_lowercase(),
        'a' | 'e' | 'i' | 'o' | 'u' | 'ä' | 'ö' | 'ü' | 'y'
    )
}

/// Suffixes no Romance or English word has.
const GERMAN_SUFFIXES: &[&str] = &[
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "lich", "liche",
    "lichen", "licher", "liches", "isch", "ische", "ischen", "ischer", "isches", "chen",
];

/// Verb prefixes of long inflected German words (`Abgeordneten`, `Beteiligten`).
const GERMAN_PREFIXES: &[&str] = &[
    "ab", "an", "auf", "aus", "be", "ein", "ent", "er", "ge", "über", "unter", "ver", "vor", "zer",
    "zu",
];

/// Letter groups that are German and rare in English and Romance words.
const GERMAN_GROUPS: &[&str] = &["sch", "cht", "tz", "pf"];

/// Whether a capital letter follows a lower-case one somewhere in `word`:
/// glued words (`vorDie`) or a brand (`iPhone`, `BioNTech`).
pub fn has_inner_capital(word: &str) -> bool {
    // Most words have no capital after the first letter: a byte test (an
    // ASCII capital or any non-ASCII letter) rules them out cheaply.
    if !word
        .bytes()
        .skip(1)
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        return false;
    }
    let mut prev_lower = false;
    for c in word.chars() {
        if prev_lower && c.is_uppercase() {
            return true;
        }
        prev_lower = c.is_lowercase();
    }
    false
}

/// Whether `word` has letters or an ending only German words have: an
/// umlaut or ß, `sch`, `cht`, `tz`, `-ung`, `-lich`, `-isch(e)`, `-heit`, or
/// an `-en`/`-er` ending after a diphthong (`Vereinigten`) or a verb prefix
/// (`Abgeordneten`). Names like `Repubblica`, `Monde` or `Angeles` have none
/// of them.
pub fn looks_german(word: &str) -> bool {
    if word
        .chars()
        .any(|c| matches!(c, 'ä' | 'ö' | 'ü' | 'Ä' | 'Ö' | 'Ü' | 'ß'))
    {
        return !has_turkish_letter(word);
    }
    let Some(lower) = with_lowercase(word, 64, |w| {
        let groups = GERMAN_GROUPS.iter().any(|g| w.contains(g));
        let suffix = GERMAN_SUFFIXES
            .iter()
            .any(|s| w.len() > s.len() + 2 && w.ends_with(s));
        let inflected = ["en", "er", "ern", "em"].iter().any(|e| w.ends_with(e));
        let diphthong =
            ["ei", "ie", "eu", "au"].iter().any(|d| w.contains(d)) && w.chars().count() >= 6;
        let prefixed = GERMAN_PREFIXES.iter().any(|p| w.starts_with(p)) && w.chars().count() >= 8;
        groups || suffix || (inflected && (diphthong || prefixed))
    }) else {
        return false;
    };
    lower
}

/// Whether `word` has letter groups that English words have and German ones
/// rarely do: `wh`, `ou`, `oo`, `aw`, `sh` at either end, a final `th`, `ea`
/// before `d r s m c v p`, `ew` (not `gew`/`bew`), `ow` inside a word (not
/// `owa`), a final `ay` or `y`, a `c` that is not part of `ch`/`ck`/`sc`,
/// `-ing`.
pub fn looks_english(word: &str) -> bool {
    with_lowercase(word, 64, |w| {
        let b = w.as_bytes();
        let groups = ["wh", "ou", "oo", "aw"].iter().any(|g| w.contains(g));
        let after = |g: &str, not: &[u8]| {
            w.match_indices(g)
                .any(|(i, _)| i == 0 || !not.contains(&b[i - 1]))
        };
        let before = |g: &str, not: &[u8]| {
            w.match_indices(g)
                .any(|(i, _)| b.get(i + g.len()).is_none_or(|n| !not.contains(n)))
        };
        // German compounds join `s|h` and `t|h` (`Erholungsheim`,
        // `Welthandel`) and German words start with `th` (`Thema`), so `sh`
        // counts only at either end of a word and `th` only at its end;
        // `Gewinn`, `bewegt`, `kreativ`, `Slowakei`, `Bayern` and Russian
        // names (`Gorbatschow`) are German.
        let edge = |g: &str| w.starts_with(g) || w.ends_with(g);
        let sh = edge("sh") && !w.ends_with("sch");
        let th = w.ends_with("th");
        let ea = before("ea", b"abefghijklnoqtuwxyz");
        let ew = after("ew", b"gb");
        let ow = w.contains("ow") && before("ow", b"a") && !w.ends_with("ow");
        let ay = w.ends_with("ay");
        let lone_c = b.iter().enumerate().any(|(i, &c)| {
            c == b'c' && !matches!(b.get(i + 1), Some(b'h' | b'k')) && (i == 0 || b[i - 1] != b's')
        });
        groups
            || sh
            || th
            || ea
            || ew
            || ow
            || ay
            || lone_c
            || w.ends_with('y')
            || (w.len() > 5 && w.ends_with("ing"))
    })
    .unwrap_or(false)
}

/// Letters only Turkish uses among the languages here: ş, ğ, dotless ı.
pub fn has_turkish_letter(word: &str) -> bool {
    word.chars()
        .any(|c| matches!(c, 'ş' | 'Ş' | 'ğ' | 'Ğ' | 'ı'))
}

/// Letters only Vietnamese uses: ă, đ, ơ, ư, ĩ, ũ and the vowels with hook
/// or dot below (U+1EA0–U+1EF9).
pub fn has_vietnamese_letter(word: &str) -> bool {
    word.chars().any(|c| {
        matches!(c, 'ă' | 'Ă' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | 'ĩ' | 'ũ')
            || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
    })
}

/// Accented letters of French, Italian and Spanish that German words lack.
pub fn has_romance_accent(word: &str) -> bool {
    word.chars().any(|c| {
        matches!(
            c,
            'é' | 'è'
                | 'ê'
                | 'à'
                | 'â'
                | 'ç'
                | 'ñ'
                | 'á'
                | 'í'
                | 'ó'
                | 'ú'
                | 'ì'
                | 'ò'
                | 'ù'
                | 'î'
                | 'ô'
                | 'û'
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_give_evidence() {
        let fw = &*FUNCTION_WORDS;
        assert_eq!(fw.evidence("und"), WordEvidence::German);
        assert_eq!(fw.evidence("Und"), WordEvidence::German);
        assert!(
            matches!(fw.evidence("the"), WordEvidence::Foreign(l) if l.contains(Lang::English))
        );
        assert_eq!(fw.evidence("in"), WordEvidence::None);
        assert_eq!(fw.evidence("Regierung"), WordEvidence::None);
        assert!(fw.is_german("an") && fw.is_german("vor"));
    }

    #[test]
    fn elisions_articles_and_names() {
        let fw = &*FUNCTION_WORDS;
        assert!(fw.is_elision("L") && fw.is_elision("dell"));
        assert!(!fw.is_elision("geht"));
        assert!(fw.is_romance_article("Gli") && fw.is_romance_article("La"));
        assert!(!fw.is_romance_article("Die"));
        assert!(fw.starts_with_romance_name("La Repubblica schreibt"));
        assert!(fw.starts_with_romance_name("L’Oréal"));
        assert!(!fw.starts_with_romance_name("La Regierung"));
    }

    #[test]
    fn labels_in_any_case() {
        assert!(is_label("Quelle") && is_label("FOTO"));
        assert!(!is_label("Regierung"));
    }

    #[test]
    fn german_shapes() {
        for w in [
            "Französische",
            "Nachrichtensender",
            "Regierung",
            "Vereinigten",
            "Abgeordneten",
            "Präsident",
        ] {
            assert!(looks_german(w), "{w}");
        }
        for w in ["Repubblica", "Monde", "Angeles", "Sera", "Crown", "görüşme"] {
            assert!(!looks_german(w), "{w}");
        }
    }

    #[test]
    fn english_shapes() {
        for w in [
            "South",
            "Headlines",
            "News",
            "Africa",
            "whatever",
            "reading",
        ] {
            assert!(looks_english(w), "{w}");
        }
        for w in [
            "Regierung",
            "Schule",
            "Macht",
            "Wolfgang",
            "Kim",
            "Gewinn",
            "Bayern",
        ] {
            assert!(!looks_english(w), "{w}");
        }
    }

    #[test]
    fn word_heuristic() {
        for w in [
            "sein",
            "an",
            "ist",
            "Macht",
            "Investoren",
            "Außenpolitik",
            "gesagt",
        ] {
            assert!(is_word(w), "{w}");
        }
        for w in ["Tik", "Mc", "Media", "Whats", "You", "Gmb", "Face"] {
            assert!(!is_word(w), "{w}");
        }
    }

    #[test]
    fn letters_of_other_languages() {
        assert!(has_turkish_letter("değil") && !has_turkish_letter("Größe"));
        assert!(has_vietnamese_letter("của") && !has_vietnamese_letter("café"));
        assert!(has_romance_accent("très") && !has_romance_accent("schön"));
    }
}

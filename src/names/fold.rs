//! Transliteration keys: two spellings of a name get the same key when they
//! differ only by segments that English and German transliteration write
//! differently (`sh`/`sch`, `v`/`w`, `y`/`j`, `kh`/`ch`, `-y`/`-ij`, …).
//! A key never merges spellings that differ in any other letter, so `Putin`
//! and `Puten`, `Kim` and `Kin`, `Marin` and `Martin` keep distinct keys.
//!
//! Equal keys are necessary, not sufficient: German words differ by the same
//! segments (`Sinn`/`Zinn`, `Wetter`/`Vetter`), so [`Features`] tell whether
//! a spelling looks transliterated at all, and which convention it follows.

use std::cell::RefCell;

/// Letters after folding that count as vowels (`I` is a folded ending).
fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'I')
}

fn is_consonant(c: u8) -> bool {
    c.is_ascii_lowercase() && !is_vowel(c)
}

/// A letter folded to lower-case ASCII without diacritics.
#[derive(Clone, Copy)]
enum Fold {
    One(u8),
    /// `ß` → `ss`, `đ` → `dj`.
    Two(u8, u8),
    /// A combining mark of a decomposed letter: nothing.
    Mark,
    /// Not a letter of a Latin-script name: the name is left alone.
    Unknown,
}

fn fold_letter(c: char) -> Fold {
    if c.is_ascii_alphabetic() {
        return Fold::One(c.to_ascii_lowercase() as u8);
    }
    Fold::One(match c {
        'ß' => return Fold::Two(b's', b's'),
        'đ' | 'Đ' => return Fold::Two(b'd', b'j'),
        '\u{300}'..='\u{36f}' => return Fold::Mark,
        _ => match c.to_lowercase().next() {
            Some('ä' | 'á' | 'à' | 'â' | 'ã' | 'å' | 'ā' | 'ă' | 'ą') => b'a',
            Some('é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'ė') => b'e',
            Some('í' | 'ì' | 'î' | 'ï' | 'ı' | 'ī' | 'į' | 'i') => b'i', // İ lower-cases to i + dot
            Some('ö' | 'ó' | 'ò' | 'ô' | 'õ' | 'ø' | 'ō' | 'ő') => b'o',
            Some('ü' | 'ú' | 'ù' | 'û' | 'ū' | 'ů' | 'ű' | 'ų') => b'u',
            Some('ý' | 'ÿ') => b'y',
            Some('ç' | 'ć' | 'č') => b'c',
            Some('ğ') => b'g',
            Some('ş' | 'ś' | 'š' | 'ș') => b's',
            Some('ž' | 'ź' | 'ż') => b'z',
            Some('ñ' | 'ń' | 'ň') => b'n',
            Some('ł') => b'l',
            Some('ř') => b'r',
            Some('ț' | 'ť') => b't',
            Some('ď') => b'd',
            _ => return Fold::Unknown,
        },
    })
}

/// Appends the folded letter; `None` for a letter no rule knows.
fn fold_char(c: char, out: &mut Vec<u8>) -> Option<()> {
    match fold_letter(c) {
        Fold::One(b) => out.push(b),
        Fold::Two(a, b) => out.extend([a, b]),
        Fold::Mark => {}
        Fold::Unknown => return None,
    }
    Some(())
}

/// Word endings that are one sound in both conventions: Russian `-ий`/`-ый`
/// and `-ей`/`-ай` (`Dmitry`/`Dmitrij`, `Zelensky`/`Selenskyj`,
/// `Sergei`/`Sergej`/`Sergey`). Longest first.
const ENDINGS: &[&[u8]] = &[b"ij", b"yj", b"iy", b"yy", b"ii", b"yi", b"y", b"i", b"j"];

/// The segment at the start of `s` that English and German write
/// differently, its length and what it stands for. Upper-case letters are
/// key symbols: `S` the sh sound, `C` the ch/kh/tsch sounds (merged, since
/// English `ch` is German `tsch` while English `kh` is German `ch`).
fn segment(s: &[u8]) -> Option<(usize, &'static [u8])> {
    let starts = |p: &[u8]| s.starts_with(p);
    Some(match s[0] {
        b's' if starts(b"schtsch") => (7, b"SC"),
        b's' if starts(b"shch") => (4, b"SC"),
        b's' if starts(b"sch") => (3, b"S"),
        b's' if starts(b"sh") => (2, b"S"),
        b't' if starts(b"tsch") => (4, b"C"),
        b't' if starts(b"tch") => (3, b"C"),
        b't' if starts(b"ts") || starts(b"tz") => (2, b"s"),
        b'd' if starts(b"dsch") => (4, b"j"),
        b'd' if starts(b"dzh") => (3, b"j"),
        b'd' if starts(b"dj") => (2, b"j"),
        b'z' if starts(b"zh") => (2, b"S"),
        b'z' => (1, b"s"),
        b'k' if starts(b"kh") => (2, b"C"),
        b'c' if starts(b"ch") => (2, b"C"),
        b'x' => (1, b"ks"),
        b'w' => (1, b"v"),
        b'y' => (1, b"j"),
        _ => return None,
    })
}

thread_local! {
    /// Scratch buffers for [`word_key`] and [`features`], which run for
    /// every name candidate.
    static SCRATCH: RefCell<(Vec<u8>, Vec<u8>)> = const { RefCell::new((Vec::new(), Vec::new())) };
}

/// The transliteration key of one name word (no spaces or hyphens) into
/// `out`. Returns false when the word has characters no rule knows; then
/// the key is the word itself, lower-cased.
pub fn word_key(word: &str, out: &mut Vec<u8>) -> bool {
    out.clear();
    SCRATCH.with_borrow_mut(|(chars, mapped)| {
        chars.clear();
        mapped.clear();
        for c in word.chars() {
            if fold_char(c, chars).is_none() {
                out.extend_from_slice(word.to_lowercase().as_bytes());
                return false;
            }
        }
        // The ending first: it decides how a final `y`, `i` or `j` reads.
        if chars.len() >= 3 {
            if let Some(ending) = ENDINGS
                .iter()
                .find(|e| chars.len() > e.len() + 1 && chars.ends_with(e))
            {
                chars.truncate(chars.len() - ending.len());
                chars.push(b'I');
            }
        }
        let mut i = 0;
        while i < chars.len() {
            match segment(&chars[i..]) {
                Some((n, to)) => {
                    mapped.extend_from_slice(to);
                    i += n;
                }
                None => {
                    mapped.push(chars[i]);
                    i += 1;
                }
            }
        }
        // Glides and doubled s: `Natalia`/`Natalja`, `Maria`/`Marija`,
        // `Mykolaiv`/`Mykolajiw`, `Vasily`/`Wassili`.
        let mut prev: Option<u8> = None;
        for (k, &c) in mapped.iter().enumerate() {
            let next = mapped.get(k + 1).copied();
            let next2 = mapped.get(k + 2).copied();
            let after_consonant = prev.is_some_and(|p| !is_vowel(p));
            let c = match c {
                b'i' if k > 0 && after_consonant && next.is_some_and(is_vowel) => b'j',
                b's' if prev == Some(b's') => continue,
                b'j' if prev == Some(b'j') => continue,
                b'i' if after_consonant && next == Some(b'j') && next2.is_some_and(is_vowel) => {
                    continue
                }
                b'j' if prev.is_some_and(is_vowel) && next == Some(b'i') => continue,
                c => c,
            };
            out.push(c);
            prev = Some(c);
        }
        true
    })
}

/// The key of a name unit: a word, or a run of Korean or Chinese syllables
/// (`Kim Jong-un`), where spaces, hyphens and case do not count.
pub fn key(surface: &str, out: &mut Vec<u8>) {
    if surface.contains([' ', '-']) {
        out.clear();
        for c in surface.chars().filter(|c| *c != ' ' && *c != '-') {
            for l in c.to_lowercase() {
                let mut utf8 = [0u8; 4];
                out.extend_from_slice(l.encode_utf8(&mut utf8).as_bytes());
            }
        }
    } else {
        word_key(surface, out);
    }
}

/// A cheap hash that is equal for spellings with equal keys: it covers only
/// the letters no transliteration rule changes (vowels other than `i`, and
/// `b f g l m n p q r`), so `Shoigu` and `Schoigu` share it. Spellings are
/// compared by their full keys only when their signatures are equal.
pub fn signature(surface: &str) -> u64 {
    /// The letters no rule changes, by byte.
    const KEPT: [bool; 128] = {
        let mut kept = [false; 128];
        let letters = b"aeoubfglmnpqrAEOUBFGLMNPQR";
        let mut i = 0;
        while i < letters.len() {
            kept[letters[i] as usize] = true;
            i += 1;
        }
        kept
    };
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |b: u64| h = (h ^ b).wrapping_mul(0x0100_0000_01b3);
    for c in surface.chars() {
        if c.is_ascii() {
            if KEPT[c as usize] {
                mix(u64::from(c.to_ascii_lowercase()));
            }
            continue;
        }
        match fold_letter(c) {
            Fold::One(b) if KEPT[usize::from(b)] => mix(u64::from(b)),
            // No rule knows the letter: keys compare it as it is.
            Fold::Unknown => mix(u64::from(c)),
            _ => {}
        }
    }
    h
}

/// What a spelling says about its origin.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Features {
    /// Segments German news does not write: English transliteration (`sh`,
    /// `kh`, `zh`, `ts`, consonantal `y`, a final `-y` after a consonant,
    /// `v` inside a word) and the diacritics of Slavic and Turkish
    /// spellings (`ć`, `š`, `ğ`, `ł`), which German news drops.
    pub non_german: u8,
    /// Segments of German transliteration: `tsch`, `dsch`, a final `-j`, `j`
    /// after a consonant, `w` before a consonant or at the end, umlauts.
    pub german: u8,
    /// Whether the spelling looks transliterated at all: any marker above
    /// (umlauts aside, which German words have), any `y`, a letter with a
    /// diacritic German does not use, or hyphenated syllables.
    pub foreign: bool,
}

impl Features {
    /// Higher is more German.
    pub fn score(&self) -> i32 {
        i32::from(self.german) - i32::from(self.non_german)
    }
}

/// Letters of Slavic, Baltic, Turkish and Romanian spellings that German
/// news writes without their marks (`Vučić` → `Vucic`, `Erdoğan` →
/// `Erdogan`). Romance accents stay (`Bogotá`, `Ramírez`).
fn is_dropped_diacritic(c: char) -> bool {
    matches!(
        c.to_lowercase().next().unwrap_or(c),
        'ğ' | 'ş'
            | 'ı'
            | 'ć'
            | 'č'
            | 'š'
            | 'ž'
            | 'ł'
            | 'ń'
            | 'ň'
            | 'ř'
            | 'ő'
            | 'ű'
            | 'đ'
            | 'ț'
            | 'ș'
            | 'ă'
            | 'ę'
            | 'ą'
            | 'ė'
            | 'ů'
            | 'ý'
            | 'ś'
            | 'ź'
            | 'ż'
            | 'ť'
            | 'ď'
    ) || c == 'İ'
}

pub fn features(surface: &str) -> Features {
    if surface.contains([' ', '-']) {
        // A syllable run; its convention is decided by the caller.
        return Features {
            foreign: surface.contains('-'),
            ..Features::default()
        };
    }
    // Most words are short and ASCII: no folding needed.
    if surface.is_ascii() && surface.len() <= 48 {
        let mut buf = [0u8; 48];
        let lower = &mut buf[..surface.len()];
        lower.copy_from_slice(surface.as_bytes());
        lower.make_ascii_lowercase();
        return scan_features(lower, Features::default(), 0);
    }
    SCRATCH.with_borrow_mut(|(chars, _)| {
        chars.clear();
        let mut f = Features::default();
        let mut umlauts = 0u8;
        for c in surface.chars() {
            match c {
                'ä' | 'ö' | 'ü' | 'Ä' | 'Ö' | 'Ü' => umlauts += 1,
                'ß' | 'a'..='z' | 'A'..='Z' => {}
                _ if is_dropped_diacritic(c) => {
                    f.non_german += 1;
                    f.foreign = true;
                }
                _ => f.foreign = true,
            }
            if fold_char(c, chars).is_none() {
                return Features::default();
            }
        }
        scan_features(chars, f, umlauts)
    })
}

/// The markers of a folded spelling, on top of what its letters said.
fn scan_features(chars: &[u8], mut f: Features, umlauts: u8) -> Features {
    let n = chars.len();
    let at = |i: usize| chars.get(i).copied();
    let has = |i: usize, s: &[u8]| chars[i..].starts_with(s);
    let mut i = 0;
    while i < n {
        let c = chars[i];
        let prev = i.checked_sub(1).and_then(at);
        let next = at(i + 1);
        if has(i, b"tsch") || has(i, b"dsch") {
            f.german += 1;
            i += 4;
            continue;
        }
        if has(i, b"sch") {
            i += 3;
            continue;
        }
        if has(i, b"sh") || has(i, b"kh") || has(i, b"zh") || has(i, b"ts") {
            f.non_german += 1;
            i += 2;
            continue;
        }
        match c {
            b'y' => {
                let consonantal =
                    i == 0 || prev.is_some_and(is_vowel) || next.is_some_and(is_vowel);
                let final_after_consonant = i + 1 == n && prev.is_some_and(is_consonant);
                if consonantal || final_after_consonant {
                    f.non_german += 1;
                }
                f.foreign = true;
            }
            b'v' if i > 0 => f.non_german += 1,
            b'j' if i + 1 == n && i >= 2 => f.german += 1,
            b'j' if prev.is_some_and(is_consonant) => f.german += 1,
            b'w' if i > 0 && !next.is_some_and(is_vowel) => f.german += 1,
            _ => {}
        }
        i += 1;
    }
    if f.non_german + f.german > 0 {
        f.foreign = true;
    }
    if f.foreign {
        f.german += umlauts;
    }
    f
}

/// Syllable codas of Korean and Chinese romanizations.
const CODAS: &[&str] = &["", "n", "ng", "m", "l", "k", "p", "t", "r", "rk", "g", "b"];

/// Whether ASCII letters (any case) are one romanized Korean or Chinese
/// syllable: up to two onset consonants, one to three vowels, a short coda
/// (`kim`, `jong`, `un`, `ryong`, `hui`, `tsai`, `hwang`).
pub fn is_syllable(b: &[u8]) -> bool {
    if b.is_empty() || b.len() > 7 || !b.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    let vowel = |c: u8| {
        matches!(
            c.to_ascii_lowercase(),
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
        )
    };
    let mut i = 0;
    while i < b.len() && i < 2 && !vowel(b[i]) {
        i += 1;
    }
    let start = i;
    while i < b.len() && vowel(b[i]) {
        i += 1;
    }
    let vowels = i - start;
    (1..=3).contains(&vowels)
        && CODAS
            .iter()
            .any(|c| c.as_bytes().eq_ignore_ascii_case(&b[i..]))
}

/// How many syllables a capitalised word has when it is made only of
/// romanized syllables: one (`Kim`), joined by hyphens (`Jong-un`), or two
/// written together (`Jinping`). `None` for anything else.
pub fn syllables(word: &str) -> Option<usize> {
    if !word.is_ascii() || !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let hyphenated = word.contains('-');
    let mut count = 0;
    for part in word.split('-').map(str::as_bytes) {
        if is_syllable(part) {
            count += 1;
        } else if !hyphenated
            && part.len() <= 14
            && (2..part.len().saturating_sub(1))
                .any(|k| is_syllable(&part[..k]) && is_syllable(&part[k..]))
        {
            count += 2;
        } else {
            return None;
        }
    }
    Some(count)
}

/// Romanized Korean family names, for the dpa convention that writes Korean
/// given names as separate capitalised syllables (`Kim Jong Un`,
/// `Moon Jae In`). Chinese and Taiwanese names keep their hyphen
/// (`Tsai Ing-wen`), so the convention needs to know the family name.
pub fn is_korean_surname(word: &str) -> bool {
    matches!(
        word,
        "Ahn"
            | "An"
            | "Bae"
            | "Baek"
            | "Bak"
            | "Bang"
            | "Byun"
            | "Cha"
            | "Chae"
            | "Chang"
            | "Cho"
            | "Choe"
            | "Choi"
            | "Chon"
            | "Chu"
            | "Chung"
            | "Do"
            | "Go"
            | "Ha"
            | "Ham"
            | "Han"
            | "Heo"
            | "Hong"
            | "Hur"
            | "Hwang"
            | "Hyon"
            | "Hyun"
            | "Im"
            | "Jang"
            | "Jeon"
            | "Jeong"
            | "Ji"
            | "Jo"
            | "Jon"
            | "Joo"
            | "Ju"
            | "Jung"
            | "Kang"
            | "Kim"
            | "Ko"
            | "Kong"
            | "Koo"
            | "Kwak"
            | "Kwon"
            | "Lee"
            | "Lim"
            | "Min"
            | "Moon"
            | "Mun"
            | "Na"
            | "Nam"
            | "Noh"
            | "Oh"
            | "Paek"
            | "Pak"
            | "Park"
            | "Rhee"
            | "Ri"
            | "Rim"
            | "Ro"
            | "Roh"
            | "Ryu"
            | "Seo"
            | "Seok"
            | "Shin"
            | "Sin"
            | "Son"
            | "Song"
            | "Suh"
            | "Sung"
            | "Won"
            | "Woo"
            | "Yang"
            | "Yeo"
            | "Yeom"
            | "Yi"
            | "Yoo"
            | "Yoon"
            | "Yu"
            | "Yun"
    )
}

/// The dpa form of a syllable run: every syllable capitalised, separated by
/// spaces (`Kim Jong-un` → `Kim Jong Un`).
pub fn dpa_form(surface: &str) -> String {
    let mut out = String::with_capacity(surface.len());
    for (i, syllable) in surface.split([' ', '-']).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut chars = syllable.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.extend(chars.flat_map(char::to_lowercase));
        }
    }
    out
}

/// The hyphenated form: family name, then the given name's syllables joined
/// by a hyphen, only the first capitalised (`Kim Jong Un` → `Kim Jong-un`).
pub fn hyphenated_form(surface: &str) -> String {
    let dpa = dpa_form(surface);
    let mut parts = dpa.split(' ');
    let mut out = parts.next().unwrap_or_default().to_string();
    for (i, syllable) in parts.enumerate() {
        if i == 0 {
            out.push(' ');
            out.push_str(syllable);
        } else {
            out.push('-');
            out.push_str(&syllable.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> String {
        let mut out = Vec::new();
        key(s, &mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    fn same(a: &str, b: &str) -> bool {
        k(a) == k(b) && signature(a) == signature(b)
    }

    #[test]
    fn variants_from_several_languages_share_a_key() {
        for (a, b) in [
            // Russian
            ("Shoigu", "Schoigu"),
            ("Sergei", "Sergej"),
            ("Sergey", "Sergej"),
            ("Dmitry", "Dmitri"),
            ("Dmitrij", "Dmitri"),
            ("Lavrov", "Lawrow"),
            ("Peskov", "Peskow"),
            ("Zakharova", "Sacharowa"),
            ("Yeltsin", "Jelzin"),
            ("Navalny", "Nawalny"),
            ("Prigozhin", "Prigoschin"),
            ("Khodorkovsky", "Chodorkowski"),
            ("Chernobyl", "Tschernobyl"),
            ("Khrushchyov", "Chruschtschjow"),
            ("Tikhanovskaya", "Tichanowskaja"),
            ("Vasily", "Wassili"),
            ("Natalia", "Natalja"),
            ("Maria", "Marija"),
            ("Pyotr", "Pjotr"),
            ("Surovikin", "Surowikin"),
            ("Donetsk", "Donezk"),
            // Ukrainian
            ("Zelensky", "Selenskyj"),
            ("Zelenskyy", "Selenskyj"),
            ("Volodymyr", "Wolodymyr"),
            ("Kharkiv", "Charkiw"),
            ("Lviv", "Lwiw"),
            ("Mykolaiv", "Mykolajiw"),
            ("Zaporizhzhia", "Saporischschja"),
            ("Zaluzhnyi", "Saluschnyj"),
            ("Yermak", "Jermak"),
            // Arabic
            ("Sheikh", "Scheich"),
            ("Khalifa", "Chalifa"),
            ("Jihad", "Dschihad"),
            ("Sharia", "Scharia"),
            ("Khamenei", "Chamenei"),
            ("Haniya", "Hanija"),
            // Turkish
            ("Erdoğan", "Erdogan"),
            ("Çavuşoğlu", "Cavusoglu"),
            ("Đorđe", "Djordje"),
            ("Ramírez", "Ramirez"),
            ("Kılıçdaroğlu", "Kilicdaroglu"),
            ("Azerbaijan", "Aserbaidschan"),
            // Korean and Chinese
            ("Pyongyang", "Pjöngjang"),
            ("Kim Jong-un", "Kim Jong Un"),
            ("Kim Jong-Un", "Kim Jong Un"),
            ("Moon Jae-in", "Moon Jae In"),
            ("Xi Jin-ping", "Xi Jinping"),
            ("Tsai Ing-wen", "Tsai Ing Wen"),
        ] {
            assert!(same(a, b), "{a} / {b}: {} vs {}", k(a), k(b));
        }
    }

    #[test]
    fn different_words_keep_different_keys() {
        for (a, b) in [
            ("Putin", "Puten"),
            ("Kim", "Kin"),
            ("Marin", "Martin"),
            ("Wolf", "Wolff"),
            ("Meier", "Meyer"),
            ("Maier", "Meier"),
            ("Ian", "Jan"),
            ("Dmitri", "Dmytro"),
            ("Kim Jong Un", "Kim Jong Il"),
            ("Stein", "Schtein"),
            ("Hamburg", "Homburg"),
            ("Gorbatschow", "Gorbachev"),
            ("Alexander", "Aleksandr"),
            ("Müller", "Mueller"),
            ("Hisbollah", "Hezbollah"),
            ("Ali", "Alia"),
            ("Jens", "Jans"),
            ("Mohammed", "Muhammad"),
            ("Karin", "Katrin"),
            ("Jo Chun Ryong", "Jo Chun Rong"),
        ] {
            assert!(!same(a, b), "{a} / {b}: both {}", k(a));
        }
    }

    #[test]
    fn only_transliterated_looking_spellings_are_foreign() {
        for word in [
            "Sinn", "Zinn", "Wetter", "Vetter", "Zeit", "Seit", "Hasan", "Hassan", "Müller",
            "Muller",
        ] {
            assert!(!features(word).foreign, "{word}");
        }
        for word in [
            "Shoigu",
            "Sergej",
            "Pyongyang",
            "Lawrow",
            "Lavrov",
            "Erdoğan",
            "Bakh",
            "Volodymyr",
            "Kim Jong-un",
        ] {
            assert!(features(word).foreign, "{word}");
        }
    }

    #[test]
    fn german_transliteration_scores_higher() {
        for (other, german) in [
            ("Shoigu", "Schoigu"),
            ("Sergei", "Sergej"),
            ("Pyongyang", "Pjöngjang"),
            ("Lavrov", "Lawrow"),
            ("Zelensky", "Selenskyj"),
            ("Kharkiv", "Charkiw"),
            ("Surovikin", "Surowikin"),
            ("Chernobyl", "Tschernobyl"),
            ("Donetsk", "Donezk"),
            ("Bakh", "Bach"),
            ("Petrović", "Petrovic"),
            ("Kaplanoğlu", "Kaplanoglu"),
        ] {
            assert!(
                features(german).score() > features(other).score(),
                "{other} {:?} / {german} {:?}",
                features(other),
                features(german)
            );
        }
    }

    #[test]
    fn syllables_of_romanized_names() {
        assert_eq!(syllables("Kim"), Some(1));
        assert_eq!(syllables("Jong-un"), Some(2));
        assert_eq!(syllables("Jinping"), Some(2));
        assert_eq!(syllables("Ryong"), Some(1));
        // Two syllables written together look like a pinyin given name; the
        // run rules accept them only after a one-syllable family name.
        assert_eq!(syllables("Moskau"), Some(2));
        for word in [
            "Wladimir",
            "jong",
            "Staatschef",
            "Hof",
            "Bahn",
            "Jong-",
            "Kreml",
        ] {
            assert_eq!(syllables(word), None, "{word}");
        }
    }

    #[test]
    fn korean_forms() {
        assert_eq!(dpa_form("Kim Jong-un"), "Kim Jong Un");
        assert_eq!(dpa_form("Jo Chun-Ryong"), "Jo Chun Ryong");
        assert_eq!(hyphenated_form("Kim Jong Un"), "Kim Jong-un");
        assert_eq!(hyphenated_form("Moon Jae-In"), "Moon Jae-in");
    }
}

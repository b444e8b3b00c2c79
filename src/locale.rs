//! German differs by country: ß/ss, «» quotes, `6'500`. A consistent Swiss
//! article is not wrong, so the locale is decided per document from evidence
//! when the user does not fix it.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[serde(rename = "de-DE")]
    DeDe,
    #[serde(rename = "de-AT")]
    DeAt,
    #[serde(rename = "de-CH")]
    DeCh,
}

impl Locale {
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::DeDe => "de-DE",
            Locale::DeAt => "de-AT",
            Locale::DeCh => "de-CH",
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the user asked for: a fixed locale or `auto`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum LocaleSetting {
    #[default]
    Auto,
    Fixed(Locale),
}

impl FromStr for LocaleSetting {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "auto" => Ok(LocaleSetting::Auto),
            "de-de" | "de" => Ok(LocaleSetting::Fixed(Locale::DeDe)),
            "de-at" => Ok(LocaleSetting::Fixed(Locale::DeAt)),
            "de-ch" => Ok(LocaleSetting::Fixed(Locale::DeCh)),
            other => Err(format!(
                "unknown locale `{other}` (expected de-DE, de-AT, de-CH or auto)"
            )),
        }
    }
}

impl TryFrom<String> for LocaleSetting {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<LocaleSetting> for String {
    fn from(s: LocaleSetting) -> String {
        match s {
            LocaleSetting::Auto => "auto".into(),
            LocaleSetting::Fixed(l) => l.as_str().into(),
        }
    }
}

/// Why a locale was chosen, for `--verbose` and the JSON metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocaleDecision {
    pub locale: Locale,
    pub reason: String,
}

/// Words Swiss orthography writes with `ss` where Germany and Austria write `ß`.
const SWISS_SS_WORDS: &[&str] = &[
    "strasse",
    "strassen",
    "gross",
    "grosse",
    "grossen",
    "grosser",
    "grosses",
    "grösste",
    "grössten",
    "grösser",
    "massnahme",
    "massnahmen",
    "schliesslich",
    "ausserdem",
    "ausser",
    "äusserte",
    "äussern",
    "äussersten",
    "heisst",
    "hiess",
    "weiss",
    "bloss",
    "fuss",
    "gruss",
    "grüsse",
    "stoss",
    "gemäss",
    "mass",
    "masse",
    "regelmässig",
    "mässig",
    "spass",
    "süss",
    "draussen",
    "aussen",
    "aussenminister",
    "aussenministerium",
    "fliessen",
    "giessen",
    "schweiss",
    "beschliesst",
    "geniessen",
    "schloss",
    "fussball",
    "begrüssen",
    "begrüsst",
];

/// Words that mark Austrian German.
const AUSTRIAN_WORDS: &[&str] = &[
    "jänner",
    "feber",
    "heuer",
    "paradeiser",
    "erdäpfel",
    "marille",
    "marillen",
    "topfen",
    "schlagobers",
    "spital",
    "spitäler",
    "trafik",
    "sackerl",
    "obers",
    "nationalrat",
    "bundeskanzleramt",
    "landeshauptmann",
    "landeshauptfrau",
    "gemeinderat",
    "matura",
];

/// What a marker word says about the locale.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// A Swiss `ss` spelling (`Strasse`).
    SwissSs,
    /// An Austrian word (`Jänner`).
    Austrian,
}

/// The marker words, looked up in any case without allocating. Locale
/// detection looks up every word of every document, so almost every word
/// must be turned away after a glance at its length and first and last byte
/// (a filter that rarely lets a word through keeps the branch predictable).
struct MarkerWords {
    /// The words, all lowercase.
    words: Vec<(&'static str, Marker)>,
    /// One bit per (length, first byte, last byte) of the words' UTF-8,
    /// each reduced to five bits; see [`MarkerWords::filter_bit`].
    filter: Vec<u64>,
    shortest: usize,
}

impl MarkerWords {
    fn new() -> MarkerWords {
        let swiss = SWISS_SS_WORDS.iter().map(|w| (*w, Marker::SwissSs));
        let austrian = AUSTRIAN_WORDS.iter().map(|w| (*w, Marker::Austrian));
        let words: Vec<_> = swiss.chain(austrian).collect();
        let mut filter = vec![0u64; 1 << 15 >> 6];
        for (w, _) in &words {
            let b = w.as_bytes();
            let bit = Self::filter_bit(b.len(), b[0], b[b.len() - 1]);
            filter[bit >> 6] |= 1 << (bit & 63);
        }
        let shortest = words.iter().map(|(w, _)| w.len()).min().unwrap_or(0);
        MarkerWords {
            words,
            filter,
            shortest,
        }
    }

    fn filter_bit(len: usize, first: u8, last: u8) -> usize {
        (len & 31) << 10 | usize::from(first & 31) << 5 | usize::from(last & 31)
    }

    /// The marker whose word is `word.to_lowercase()`, if any.
    ///
    /// The marker words are ASCII letters and `ä`, `ö`, `ü`, so only words
    /// of those letters in either case, and of the Kelvin sign `K` (U+212A,
    /// lower case `k`), can match. Without a Kelvin sign in the text
    /// (`kelvin_sign` false), a matching word is therefore ASCII and
    /// U+0080–U+00FF, which lower-case byte by byte without changing length.
    fn get(&self, word: &str, kelvin_sign: bool) -> Option<Marker> {
        // Every character that lower-cases to a letter of the marker words
        // is at least as long in UTF-8 as its lower case (at most three
        // times), so much shorter or longer words cannot match.
        let len = word.len();
        if len < self.shortest || len >= 64 {
            return None;
        }
        let found = if kelvin_sign {
            let first = word.chars().next()?;
            let first = first.to_lowercase().next().unwrap_or(first);
            self.words.iter().find(|(w, _)| {
                w.starts_with(first) && word.chars().flat_map(char::to_lowercase).eq(w.chars())
            })
        } else {
            let bytes = word.as_bytes();
            let last = latin1_lowercase(len >= 2 && bytes[len - 2] == 0xc3, bytes[len - 1]);
            let bit = Self::filter_bit(len, bytes[0].to_ascii_lowercase(), last);
            if self.filter[bit >> 6] & (1 << (bit & 63)) == 0 {
                return None;
            }
            // Any other character keeps a lead byte no marker word has.
            self.words
                .iter()
                .find(|(w, _)| latin1_lowercase_eq(bytes, w.as_bytes()))
        };
        found.map(|&(_, marker)| marker)
    }
}

/// The lower case of one byte of UTF-8 text made of ASCII and U+0080–U+00FF,
/// given whether the byte follows a 0xC3 lead byte.
fn latin1_lowercase(after_c3: bool, b: u8) -> u8 {
    if after_c3 && (0x80..=0x9e).contains(&b) && b != 0x97 {
        // À–Þ (U+00C0–U+00DE) to à–þ, except ×.
        b + 0x20
    } else {
        b.to_ascii_lowercase()
    }
}

/// Whether UTF-8 text of ASCII and U+0080–U+00FF characters, lower-cased,
/// is `lower`.
fn latin1_lowercase_eq(text: &[u8], lower: &[u8]) -> bool {
    if text.len() != lower.len() {
        return false;
    }
    let mut after_c3 = false;
    text.iter().zip(lower).all(|(&b, &l)| {
        let b = latin1_lowercase(after_c3, b);
        after_c3 = b == 0xc3;
        b == l
    })
}

static MARKER_WORDS: LazyLock<MarkerWords> = LazyLock::new(MarkerWords::new);

/// How often `ß`, `«` or `»`, and `„` occur, in one pass over the bytes.
fn count_marks(text: &str) -> (usize, usize, usize) {
    let bytes = text.as_bytes();
    let (mut eszett, mut opening, mut closing, mut low_quotes) = (0, 0, 0, 0);
    for i in memchr::memchr3_iter(0xc2, 0xc3, 0xe2, bytes) {
        match &bytes[i..bytes.len().min(i + 3)] {
            [0xc3, 0x9f, ..] => eszett += 1,
            [0xc2, 0xab, ..] => opening += 1,
            [0xc2, 0xbb, ..] => closing += 1,
            [0xe2, 0x80, 0x9e] => low_quotes += 1,
            _ => {}
        }
    }
    // Pairs, not single marks: a lone `»` is a "read more" arrow.
    (eszett, opening.min(closing) * 2, low_quotes)
}

/// Decides the locale of one text from its words, quotes and numbers.
pub fn detect<'a>(text: &str, words: impl Iterator<Item = &'a str>) -> LocaleDecision {
    let (eszett, guillemets, low_quotes) = count_marks(text);
    let swiss_numbers = count_apostrophe_grouping(text);
    // Swiss spellings only count in a text without ß.
    let count_swiss = eszett == 0;
    let kelvin_sign = text.contains('\u{212a}');
    let markers = &*MARKER_WORDS;
    let mut swiss_ss = 0;
    let mut austrian = 0;
    for word in words {
        if word.len() > 24 {
            continue;
        }
        match markers.get(word, kelvin_sign) {
            Some(Marker::SwissSs) if count_swiss => swiss_ss += 1,
            Some(Marker::Austrian) => austrian += 1,
            _ => {}
        }
    }
    let swiss_evidence = swiss_ss + usize::from(guillemets > low_quotes) * 2 + swiss_numbers;
    if eszett == 0 && swiss_evidence >= 2 {
        return LocaleDecision {
            locale: Locale::DeCh,
            reason: format!(
                "no ß; {swiss_ss} ss-spellings, {guillemets} guillemets, {swiss_numbers} numbers like 6'500"
            ),
        };
    }
    if austrian >= 1 {
        return LocaleDecision {
            locale: Locale::DeAt,
            reason: format!("{austrian} Austrian words"),
        };
    }
    LocaleDecision {
        locale: Locale::DeDe,
        reason: if eszett > 0 {
            format!("{eszett} ß")
        } else {
            "default".into()
        },
    }
}

fn count_apostrophe_grouping(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    for (i, _) in text.match_indices('\'') {
        let before = i > 0 && bytes[i - 1].is_ascii_digit();
        let after = bytes.len() >= i + 4 && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit);
        if before && after {
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect_text(text: &str) -> Locale {
        detect(
            text,
            text.split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty()),
        )
        .locale
    }

    #[test]
    fn swiss_text_is_recognised() {
        assert_eq!(
            detect_text("Die Strasse ist gross. «Das ist so», sagte er. Es kostet 6'500 Franken."),
            Locale::DeCh
        );
    }

    #[test]
    fn eszett_means_not_swiss() {
        assert_eq!(
            detect_text("Die Straße ist groß, die Strasse nicht."),
            Locale::DeDe
        );
    }

    #[test]
    fn austrian_words() {
        assert_eq!(
            detect_text("Im Jänner stiegen die Preise für Paradeiser."),
            Locale::DeAt
        );
    }

    #[test]
    fn read_more_arrows_are_not_swiss_quotes() {
        assert_eq!(
            detect_text("Read more »\nRead more »\nDie Strasse"),
            Locale::DeDe
        );
    }

    #[test]
    fn plain_text_defaults_to_germany() {
        assert_eq!(detect_text("Der Bundestag tagt am Montag."), Locale::DeDe);
    }

    #[test]
    fn setting_parses() {
        assert_eq!(
            "de-CH".parse::<LocaleSetting>(),
            Ok(LocaleSetting::Fixed(Locale::DeCh))
        );
        assert_eq!("auto".parse::<LocaleSetting>(), Ok(LocaleSetting::Auto));
        assert!("en-US".parse::<LocaleSetting>().is_err());
    }
}

//! German differs by country: ß/ss, «» quotes, `6'500`. A consistent Swiss
//! article is not wrong, so the locale is decided per document from evidence
//! when the user does not fix it.

use std::fmt;
use std::str::FromStr;

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

/// Decides the locale of one text from its words, quotes and numbers.
pub fn detect<'a>(text: &str, words: impl Iterator<Item = &'a str>) -> LocaleDecision {
    let eszett = text.matches('ß').count();
    // Pairs, not single marks: a lone `»` is a "read more" arrow.
    let guillemets = text.matches('«').count().min(text.matches('»').count()) * 2;
    let low_quotes = text.matches('„').count();
    let swiss_numbers = count_apostrophe_grouping(text);
    let mut swiss_ss = 0;
    let mut austrian = 0;
    for word in words {
        if word.len() > 24 {
            continue;
        }
        let lower = word.to_lowercase();
        if lower.contains("ss") && SWISS_SS_WORDS.contains(&lower.as_str()) {
            swiss_ss += 1;
        }
        if AUSTRIAN_WORDS.contains(&lower.as_str()) {
            austrian += 1;
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

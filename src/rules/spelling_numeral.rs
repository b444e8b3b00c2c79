//! Compounds of a spelled-out number and an adjective are written as one
//! word (`zweitägig`, `dreifach`); MT and English habits hyphenate them.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::Document;
use crate::rule::{Context, FixAvailability, Rule, RuleMeta};

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![Box::new(NumeralCompound)]
}

/// A hyphen between a spelled-out number and an adjective part.
pub struct NumeralCompound;

static NUMERAL_COMPOUND: RuleMeta = RuleMeta {
    id: "spelling/numeral-compound",
    severity: Severity::Warning,
    summary: "A hyphenated numeral compound (`zwei-tägige`) written apart",
    explanation: "A spelled-out number and an adjective such as `-tägig`, `-jährig`, `-fach`, \
`-stellig` form one word. With digits the hyphen is required (`2-tägig`), with letters it is \
wrong. Compounds with a noun (`Zwei-Drittel-Mehrheit`) keep their hyphens.\n\n\
Bad:  eine zwei-tägige Reise, ein drei-stündiges Treffen\n\
Good: eine zweitägige Reise, ein dreistündiges Treffen",
    fix: FixAvailability::Safe,
};

/// Second parts that join a numeral into one adjective or adverb.
const SECOND_PARTS: &[&str] = &[
    "tägig",
    "jährig",
    "jährlich",
    "monatig",
    "wöchig",
    "stündig",
    "minütig",
    "sekündig",
    "fach",
    "fältig",
    "malig",
    "mal",
    "teilig",
    "stellig",
    "seitig",
    "köpfig",
    "sprachig",
    "stöckig",
    "geschossig",
    "spurig",
    "gleisig",
    "türig",
    "sitzig",
    "motorig",
    "rädrig",
    "beinig",
    "zeilig",
    "silbig",
    "stimmig",
    "sätzig",
    "gängig",
    "bändig",
    "farbig",
    "prozentig",
    "zimmrig",
    "sternig",
    "strahlig",
    "achsig",
    "polig",
    "gliedrig",
    "schichtig",
    "lagig",
];

/// Spelled-out numbers from one to 999, and `tausend`.
static NUMERALS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    const UNITS: [&str; 10] = [
        "", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
    ];
    const TEENS: [&str; 10] = [
        "zehn",
        "elf",
        "zwölf",
        "dreizehn",
        "vierzehn",
        "fünfzehn",
        "sechzehn",
        "siebzehn",
        "achtzehn",
        "neunzehn",
    ];
    const TENS: [&str; 10] = [
        "", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig",
        "neunzig",
    ];
    let mut below_hundred = vec![String::new()];
    below_hundred.extend(UNITS[1..].iter().map(|u| u.to_string()));
    below_hundred.extend(TEENS.iter().map(|t| t.to_string()));
    for tens in &TENS[2..] {
        below_hundred.push(tens.to_string());
        for unit in &UNITS[1..] {
            below_hundred.push(format!("{unit}und{tens}"));
        }
    }
    let mut all: HashSet<String> = HashSet::new();
    for hundreds in ["", "hundert"]
        .into_iter()
        .map(String::from)
        .chain(UNITS[1..].iter().map(|u| format!("{u}hundert")))
    {
        for rest in &below_hundred {
            all.insert(format!("{hundreds}{rest}"));
        }
    }
    all.remove("");
    let swiss: Vec<String> = all
        .iter()
        .filter(|n| n.contains('ß'))
        .map(|n| n.replace('ß', "ss"))
        .collect();
    all.extend(swiss);
    for extra in [
        "tausend",
        "eintausend",
        "halb",
        "anderthalb",
        "eineinhalb",
        "zweieinhalb",
        "mehr",
    ] {
        all.insert(extra.to_string());
    }
    all
});

fn is_numeral(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let lower: String = first.to_lowercase().chain(chars).collect();
    NUMERALS.contains(&lower)
}

fn is_second_part(word: &str) -> bool {
    SECOND_PARTS.iter().any(|p| {
        word.strip_prefix(p)
            .is_some_and(|rest| rest.len() <= 3 && rest.chars().all(|c| "ersnm".contains(c)))
    })
}

impl Rule for NumeralCompound {
    fn meta(&self) -> &'static RuleMeta {
        &NUMERAL_COMPOUND
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for (word, range) in doc.words() {
            let Some(hyphen) = word.find('-') else {
                continue;
            };
            let (first, second) = (&word[..hyphen], &word[hyphen + 1..]);
            if second.contains('-') || !is_second_part(second) || !is_numeral(first) {
                continue;
            }
            let at = range.start + hyphen;
            out.push(
                self.diagnostic(
                    range.clone(),
                    format!("`{word}` is written as one word: `{first}{second}`"),
                )
                .with_fix(Fix::safe(vec![Edit::delete(at..at + 1)])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{fixed, flagged};

    #[test]
    fn hyphenated_numeral_compounds() {
        assert_eq!(
            fixed(
                &NumeralCompound,
                "eine zwei-tägige Reise, ein drei-stündiges Treffen, Zwei-jährige, fünfundzwanzig-fach"
            ),
            "eine zweitägige Reise, ein dreistündiges Treffen, Zweijährige, fünfundzwanzigfach"
        );
        assert_eq!(
            flagged(&NumeralCompound, "ein dreißig-seitiger Bericht"),
            ["dreißig-seitiger"]
        );
    }

    #[test]
    fn correct_compounds_are_left_alone() {
        for text in [
            "eine zweitägige Reise",
            "eine 2-tägige Reise",
            "die Zwei-Drittel-Mehrheit",
            "ein- oder zweimal",
            "die 20-Jährige",
            "Drei-Sterne-Hotel",
            "zwei-drei Tage",
            "das Ein-Mann-Unternehmen",
            "die Acht-Stunden-Schicht",
        ] {
            let f = flagged(&NumeralCompound, text);
            assert!(f.is_empty(), "{text}: {f:?}");
        }
    }
}

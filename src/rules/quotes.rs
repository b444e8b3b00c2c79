//! Quotation marks and apostrophes. Machine translation leaves straight
//! `"…"` and English `“…”` quotes in German text, mixes conventions within
//! one pair and loses an end now and then. The pairing itself is done once
//! in the document model ([`Document::quote_pairs`]); every rule here judges
//! one kind of problem of a quotation, so each quotation gets at most one
//! finding, and a fix changes both ends of a pair at once.
//!
//! Accepted conventions: `„…“` with `‚…‘` inside, or `»…«` with `›…‹`, in
//! Germany and Austria; `«…»` with `‹…›` in Switzerland, where `„…“` is
//! accepted too (the locale may be detected rather than configured, and low
//! German quotes are correct German everywhere). A document should stick to
//! one convention; fixes use the convention the document mostly uses, or the
//! locale's default (`„…“`, `«…»` in de-CH).

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::{Document, QuoteLevel, QuoteMark, QuotePair, QuoteRole, QuoteStyle};
use crate::locale::Locale;
use crate::rule::{Context, FixAvailability, Rule, RuleMeta};

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(QuoteRule(Problem::Straight)),
        Box::new(QuoteRule(Problem::English)),
        Box::new(QuoteRule(Problem::Mixed)),
        Box::new(QuoteRule(Problem::LocaleStyle)),
        Box::new(QuoteRule(Problem::Inconsistent)),
        Box::new(QuoteRule(Problem::Unclosed)),
        Box::new(QuoteRule(Problem::Unopened)),
        Box::new(Apostrophe),
    ]
}

/// What can be wrong with one quotation; each has its own rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    Straight,
    English,
    Mixed,
    LocaleStyle,
    Inconsistent,
    Unclosed,
    Unopened,
}

/// One rule per [`Problem`]; they share the judgement in [`assess`].
pub struct QuoteRule(Problem);

static STRAIGHT: RuleMeta = RuleMeta {
    id: "quotes/straight",
    severity: Severity::Warning,
    summary: "Straight quotation marks `\"…\"` instead of German ones",
    explanation: "The typewriter quote `\"` is not a German quotation mark. Whether a straight \
quote opens or closes is read from its neighbours (after a space it opens, before one it closes); \
both ends of a pair are fixed together, to the convention the document uses (`„…“` by default, \
`«…»` in de-CH); a quotation inside another one takes single marks (`‚…‘`), one at the top \
double marks, also when single straight quotes were used (`'…'`). A \
straight quote closed by a German `“` is fixed at the opening end only. Straight quotes after \
digits (`27\"` for inches) are left alone.\n\nBad:  Die Zeitung \"Rodong Sinmun\" schrieb, es \
werde \"Verhandlungen geben“.\nGood: Die Zeitung „Rodong Sinmun“ schrieb, es werde \
„Verhandlungen geben“.",
    fix: FixAvailability::Sometimes,
};

static ENGLISH: RuleMeta = RuleMeta {
    id: "quotes/english",
    severity: Severity::Warning,
    summary: "English quotation marks `“…”` in German text",
    explanation: "English opens with `“` and closes with `”`; German opens low with `„` and \
closes with `“`, the character English uses to open. A `“` is read as English when it opens a \
quotation (before a word, with nothing open) and as German when it closes one. Both ends are \
replaced by the document's German convention.\n\nBad:  Er sprach von “Erfindungen” und \
‘Lügen’.\nGood: Er sprach von „Erfindungen“ und „Lügen“.",
    fix: FixAvailability::Safe,
};

static MIXED: RuleMeta = RuleMeta {
    id: "quotes/mixed",
    severity: Severity::Warning,
    summary: "A quotation opened in one convention and closed in another (`„…”`, `»…“`)",
    explanation: "Autocorrect and MT produce pairs whose ends do not match: a German opening \
with an English closing mark, guillemets closed by a low-nine pair. The end that does not match \
the accepted one is replaced.\n\nBad:  Sie nannte es „absurd” und »falsch“.\nGood: Sie nannte \
es „absurd“ und »falsch«.",
    fix: FixAvailability::Safe,
};

static LOCALE_STYLE: RuleMeta = RuleMeta {
    id: "quotes/locale-style",
    severity: Severity::Warning,
    summary: "Guillemets pointing the wrong way for the locale (`«…»` in de-DE, `»…«` in de-CH)",
    explanation: "Germany and Austria use guillemets pointing inwards (`»…«`), Switzerland \
pointing outwards (`«…»`). The locale is configured or detected per document (ß, Swiss \
spellings, number format).\n\nBad:  Er sagte «Nein». (in a de-DE text)\nGood: Er sagte „Nein“. \
(or »Nein« when the document uses those)",
    fix: FixAvailability::Safe,
};

static INCONSISTENT: RuleMeta = RuleMeta {
    id: "quotes/inconsistent",
    severity: Severity::Info,
    summary: "Two accepted quotation conventions mixed in one document (`„…“` and `»…«`)",
    explanation: "`„…“` and `»…«` are both correct German, but one text uses one of them. \
Quotations in the convention the document uses less are changed to the one it uses most.\n\n\
Bad:  „Ja“, sagte er, »nein«, sagte sie, „vielleicht“.\nGood: „Ja“, sagte er, „nein“, sagte \
sie, „vielleicht“.",
    fix: FixAvailability::Safe,
};

static UNCLOSED: RuleMeta = RuleMeta {
    id: "quotes/unclosed",
    severity: Severity::Warning,
    summary: "A quotation is opened and never closed before the paragraph ends",
    explanation: "An opening quote without its closing partner usually means MT or a scraper \
lost the end of the quotation. A quotation that runs over several paragraphs is fine when the \
next paragraph reopens it (German convention: the paragraph end stays open, the next paragraph \
starts with `„`). Where the quotation ends cannot be guessed, so there is no fix.\n\nBad:  „Wir \
werden verhandeln, sagte der Sprecher.\nGood: „Wir werden verhandeln“, sagte der Sprecher.",
    fix: FixAvailability::None,
};

static UNOPENED: RuleMeta = RuleMeta {
    id: "quotes/unopened",
    severity: Severity::Warning,
    summary: "A closing quote without an opening one",
    explanation: "A closing mark with nothing open in its paragraph (or left open in the \
previous one) is the rest of a quotation whose start was lost. There is no fix: where the \
quotation began cannot be guessed.\n\nBad:  Wir werden verhandeln“, sagte er.\nGood: „Wir \
werden verhandeln“, sagte er.",
    fix: FixAvailability::None,
};

impl Rule for QuoteRule {
    fn meta(&self) -> &'static RuleMeta {
        match self.0 {
            Problem::Straight => &STRAIGHT,
            Problem::English => &ENGLISH,
            Problem::Mixed => &MIXED,
            Problem::LocaleStyle => &LOCALE_STYLE,
            Problem::Inconsistent => &INCONSISTENT,
            Problem::Unclosed => &UNCLOSED,
            Problem::Unopened => &UNOPENED,
        }
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if doc.quotes().is_empty() {
            return;
        }
        let assessed = doc.shared(Assessed::new);
        for (range, finding) in &assessed.0 {
            if finding.problem == self.0 {
                out.push(
                    self.diagnostic(range.clone(), finding.message.clone())
                        .with_optional_fix(finding.fix.clone()),
                );
            }
        }
    }
}

/// The problem of every quotation that has one, with its range: assessed
/// once per document for the seven rules that each report one problem.
struct Assessed(Vec<(Range<usize>, Finding)>);

impl Assessed {
    fn new(doc: &Document) -> Assessed {
        let target = target_style(doc);
        Assessed(
            doc.quote_pairs()
                .filter_map(|pair| Some((pair.range(), assess(doc, &pair, target)?)))
                .collect(),
        )
    }
}

fn accepted(style: QuoteStyle, locale: Locale) -> bool {
    match style {
        QuoteStyle::German => true,
        QuoteStyle::Guillemets => locale != Locale::DeCh,
        QuoteStyle::Swiss => locale == Locale::DeCh,
        QuoteStyle::English | QuoteStyle::Straight | QuoteStyle::Odd => false,
    }
}

/// The convention fixes move towards: the accepted one the document uses
/// most, else the locale's default.
fn target_style(doc: &Document) -> QuoteStyle {
    let locale = doc.locale();
    let default = if locale == Locale::DeCh {
        QuoteStyle::Swiss
    } else {
        QuoteStyle::German
    };
    let (mut german, mut guillemets, mut swiss) = (0usize, 0usize, 0usize);
    for pair in doc.quote_pairs() {
        if let (Some(o), Some(c)) = (pair.open, pair.close) {
            match (o.style, c.style) {
                (QuoteStyle::German, QuoteStyle::German) => german += 1,
                (QuoteStyle::Guillemets, QuoteStyle::Guillemets) => guillemets += 1,
                (QuoteStyle::Swiss, QuoteStyle::Swiss) => swiss += 1,
                _ => {}
            }
        }
    }
    // The default comes first, so it wins ties (`max_by_key` keeps the last
    // maximum, hence the reversal).
    [
        (default, 0),
        (QuoteStyle::German, german),
        (QuoteStyle::Guillemets, guillemets),
        (QuoteStyle::Swiss, swiss),
    ]
    .into_iter()
    .filter(|&(style, n)| n > 0 && accepted(style, locale))
    .rev()
    .max_by_key(|&(_, n)| n)
    .map_or(default, |(style, _)| style)
}

struct Finding {
    problem: Problem,
    message: String,
    fix: Option<Fix>,
}

fn mark_text<'d>(doc: &'d Document, m: &QuoteMark) -> &'d str {
    &doc.text[m.range.clone()]
}

fn shown(doc: &Document, pair: &QuotePair<'_>) -> String {
    let g = |m: Option<&QuoteMark>| m.map_or("", |m| mark_text(doc, m));
    format!("{}…{}", g(pair.open), g(pair.close))
}

/// Replaces every end of `pair` that is not `keep` with the marks of `style`.
fn restyle(
    pair: &QuotePair<'_>,
    keep: Option<&QuoteMark>,
    style: QuoteStyle,
    level: QuoteLevel,
) -> Vec<Edit> {
    let (open, close) = style.marks(level).expect("accepted styles have marks");
    pair.marks()
        .filter(|m| keep != Some(*m))
        .map(|m| {
            let to = if m.role == QuoteRole::Open {
                open
            } else {
                close
            };
            Edit::replace(m.range.clone(), to)
        })
        .collect()
}

/// The one problem of a quotation, if it has one, with its fix.
fn assess(doc: &Document, pair: &QuotePair<'_>, target: QuoteStyle) -> Option<Finding> {
    let locale = doc.locale();
    let level = pair.level();
    // A quotation inside a quotation takes single marks, one at the top
    // takes double marks (`'…'` and `‘…’` are English habits there).
    let nested_level = if pair.open.is_some_and(|o| o.depth > 0) {
        QuoteLevel::Single
    } else {
        QuoteLevel::Double
    };
    // The end already in an accepted convention sets the style for the other.
    let anchor = pair.marks().find(|m| accepted(m.style, locale));
    let (style, style_level) = match anchor {
        Some(a) => (a.style, level),
        None => (target, nested_level),
    };
    let to_style = || restyle(pair, anchor, style, style_level);
    let complete = pair.open.is_some() && pair.close.is_some();
    let what = shown(doc, pair);
    let (o, c) = style
        .marks(style_level)
        .expect("accepted styles have marks");

    if pair.marks().any(|m| m.style == QuoteStyle::Straight) {
        let straight_ends = pair
            .marks()
            .filter(|m| m.style == QuoteStyle::Straight)
            .count();
        let (message, fix) = match (pair.open, pair.close) {
            (Some(_), Some(close)) if straight_ends == 1 && close.style != QuoteStyle::Straight => (
                format!("Straight opening quote in `{what}`; German opens with `{o}`"),
                Fix::safe(to_style()),
            ),
            (Some(_), Some(_)) if straight_ends == 1 => (
                format!("Straight closing quote in `{what}`; German closes with `{c}`"),
                Fix::safe(to_style()),
            ),
            (Some(_), Some(_)) => (
                format!("Straight quotation marks `{what}`; German uses `{o}…{c}`"),
                Fix::safe(to_style()),
            ),
            (Some(_), None) => (
                format!(
                    "Straight opening quote `{what}`, never closed in its paragraph; German opens with `{o}`"
                ),
                Fix::safe(to_style()),
            ),
            _ => (
                format!("Straight closing quote `{what}` without an opening one; German closes with `{c}`"),
                Fix::unsafe_(to_style()),
            ),
        };
        return Some(Finding {
            problem: Problem::Straight,
            message,
            fix: Some(fix),
        });
    }
    if let (Some(open), Some(close)) = (pair.open, pair.close) {
        if open.style != close.style {
            return Some(Finding {
                problem: Problem::Mixed,
                message: format!("Quotation marks `{what}` do not match; use `{o}…{c}`"),
                fix: Some(Fix::safe(to_style())),
            });
        }
    }
    let first = pair.open.or(pair.close)?;
    if matches!(first.style, QuoteStyle::English | QuoteStyle::Odd) {
        let unpaired = if complete { "" } else { " (unpaired)" };
        return Some(Finding {
            problem: Problem::English,
            message: format!("English quotation marks `{what}`{unpaired}; German uses `{o}…{c}`"),
            fix: Some(Fix::safe(to_style())),
        });
    }
    if !accepted(first.style, locale) {
        let (o, c) = target.marks(nested_level).expect("targets have marks");
        return Some(Finding {
            problem: Problem::LocaleStyle,
            message: format!(
                "Quotation marks `{what}` point the wrong way for {locale}; use `{o}…{c}`"
            ),
            fix: Some(Fix::safe(restyle(pair, None, target, level))),
        });
    }
    match (pair.open, pair.close) {
        (Some(open), None) if !open.continued => Some(Finding {
            problem: Problem::Unclosed,
            message: format!("Quotation opened with `{what}` is not closed in its paragraph"),
            fix: None,
        }),
        (None, Some(_)) => Some(Finding {
            problem: Problem::Unopened,
            message: format!("Closing quote `{what}` without an opening one"),
            fix: None,
        }),
        (Some(_), Some(_)) if first.style != target => {
            let (o, c) = target.marks(level).expect("targets have marks");
            Some(Finding {
                problem: Problem::Inconsistent,
                message: format!("`{what}` while the document mostly uses `{o}…{c}`"),
                fix: Some(Fix::safe(restyle(pair, None, target, level))),
            })
        }
        _ => None,
    }
}

/// Apostrophes in the wrong glyph.
pub struct Apostrophe;

static APOSTROPHE: RuleMeta = RuleMeta {
    id: "quotes/apostrophe",
    severity: Severity::Info,
    summary: "An accent or quotation mark used as an apostrophe, or `'` in a German elision",
    explanation: "The apostrophe is `’`. Accents (`´`, `` ` ``) and the opening quote `‘` used in \
its place are always wrong. The typewriter `'` is replaced where German elides a sound \
(`geht's`, `'ne`, `hab'`); in names and foreign words (`McDonald's`, `O'Neill`, `Hans'`) it is \
left alone.\n\nBad:  Wie geht´s? Da gibt's 'ne Lösung.\nGood: Wie geht’s? Da gibt’s ’ne Lösung.",
    fix: FixAvailability::Safe,
};

/// English contractions ending in `'s` that are not German elisions.
const ENGLISH_S: &[&str] = &[
    "it", "that", "what", "let", "there", "here", "he", "she", "who", "where", "how", "when",
    "why", "everyone", "one", "nobody", "somebody", "today",
];

impl Rule for Apostrophe {
    fn meta(&self) -> &'static RuleMeta {
        &APOSTROPHE
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = doc.text.as_str();
        for m in doc.quotes() {
            if m.role != QuoteRole::Apostrophe {
                continue;
            }
            let glyph = mark_text(doc, m);
            let wrong = match glyph {
                "´" | "`" | "‘" => true,
                "'" => is_german_elision(text, m.range.clone()),
                _ => false,
            };
            if wrong {
                out.push(
                    self.diagnostic(
                        m.range.clone(),
                        format!("`{glyph}` used as an apostrophe; use `’`"),
                    )
                    .with_fix(Fix::safe(vec![Edit::replace(m.range.clone(), "’")])),
                );
            }
        }
    }
}

/// `geht's`, `'ne`, `hab'`: the apostrophe stands for a left-out sound of a
/// German word, not in a name or a foreign word. Capitalised words are left
/// alone: at a sentence start `Gibt's` cannot be told from a name
/// (`Trump's`). `'s` is taken as German after short verb forms (`geht`,
/// `gibt`, `hat`) and a few function words, not after English nouns
/// (`tonight's`); a final apostrophe after one or two letters or `ll`
/// is a Romance elision (`l'`, `dell'`) that `stray-token` judges.
fn is_german_elision(text: &str, at: std::ops::Range<usize>) -> bool {
    let before = &text[..at.start];
    let after = &text[at.end..];
    let word_before = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(before, |(i, c)| &before[i + c.len_utf8()..]);
    let end = after
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(after.len());
    let word_after = &after[..end];
    let lower = word_before.starts_with(char::is_lowercase);
    let letters = word_before.chars().count();
    match (word_before.is_empty(), word_after.is_empty()) {
        // `geht's`, `wie's`
        (false, false) => {
            word_after == "s"
                && lower
                && !ENGLISH_S.contains(&word_before)
                && ((word_before.ends_with('t') && letters <= 6)
                    || GERMAN_BEFORE_S.contains(&word_before))
        }
        // `'s`, `'ne` (the pairing only calls these apostrophes); `'90er`
        // is no German form at all and left to the reader.
        (true, false) => !word_after.starts_with(|c: char| c.is_ascii_digit()),
        // `hab'`, `würd'`
        (false, true) => lower && letters > 2 && !word_before.ends_with("ll"),
        (true, true) => false,
    }
}

/// Function words and verb forms not ending in `t` that German elides `es`
/// after (`wie's`, `gib's`).
const GERMAN_BEFORE_S: &[&str] = &[
    "wie", "so", "war", "wär", "hab", "gib", "nimm", "lass", "mach", "sag", "da", "was", "wer",
    "wo", "nur", "wenn", "ob", "weil", "dass", "ich", "er", "sie", "wir", "ihr", "kann", "muss",
    "soll", "will", "darf", "mag", "tu", "gab", "kam", "ging",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{check, check_locale, fixed};

    fn rule(problem: Problem) -> QuoteRule {
        QuoteRule(problem)
    }

    /// Every finding of every quote rule, as `rule id: flagged text`.
    fn all_findings(text: &str, locale: Locale) -> Vec<String> {
        rules()
            .iter()
            .flat_map(|r| {
                check_locale(r.as_ref(), text, locale)
                    .into_iter()
                    .map(|d| format!("{}: {}", d.rule, &text[d.range]))
            })
            .collect()
    }

    fn fix_all(text: &str, locale: Locale) -> String {
        let mut current = text.to_string();
        for r in rules() {
            let diagnostics = check_locale(r.as_ref(), &current, locale);
            current = crate::fix::apply_fixes(
                &current,
                &diagnostics,
                crate::diagnostic::Applicability::Unsafe,
            )
            .text;
        }
        current
    }

    #[test]
    fn straight_pairs_become_german() {
        let r = rule(Problem::Straight);
        let text = "Die Zeitung \"Morgenblatt\" schrieb von \"großen Plänen\".";
        assert_eq!(check(&r, text).len(), 2);
        assert_eq!(
            fixed(&r, text),
            "Die Zeitung „Morgenblatt“ schrieb von „großen Plänen“."
        );
    }

    #[test]
    fn straight_opening_closed_by_german_closing_is_one_finding() {
        let r = rule(Problem::Straight);
        let text = "\"Es wird ein Besuch, sagte er. \"Es wird Gespräche geben.“";
        let d = check(&r, text);
        assert_eq!(d.len(), 2);
        assert_eq!(
            fixed(&r, text),
            "„Es wird ein Besuch, sagte er. „Es wird Gespräche geben.“"
        );
    }

    #[test]
    fn straight_quotes_inside_a_quotation_become_single() {
        let r = rule(Problem::Straight);
        assert_eq!(
            fixed(&r, "„Er nannte es \"Unsinn\"“, sagte sie."),
            "„Er nannte es ‚Unsinn‘“, sagte sie."
        );
    }

    #[test]
    fn single_straight_quotes_take_the_level_of_their_nesting() {
        let r = rule(Problem::Straight);
        assert_eq!(
            fixed(&r, "Er sprach von 'Betrug' und sagte: „Das ist 'Betrug'.“"),
            "Er sprach von „Betrug“ und sagte: „Das ist ‚Betrug‘.“"
        );
    }

    #[test]
    fn straight_quotes_follow_the_document_and_locale() {
        let r = rule(Problem::Straight);
        let text = "Er sagte »Ja« und dann \"Nein\".";
        let d = check(&r, text);
        assert_eq!(
            crate::fix::apply_fixes(text, &d, crate::diagnostic::Applicability::Safe).text,
            "Er sagte »Ja« und dann »Nein«."
        );
        let swiss = "Er sagte \"Nein\".";
        let d = check_locale(&r, swiss, Locale::DeCh);
        assert_eq!(
            crate::fix::apply_fixes(swiss, &d, crate::diagnostic::Applicability::Safe).text,
            "Er sagte «Nein»."
        );
    }

    #[test]
    fn english_quotes() {
        let r = rule(Problem::English);
        assert_eq!(
            fixed(&r, "Er sprach von “Erfindungen” und ‘Lügen’."),
            "Er sprach von „Erfindungen“ und „Lügen“."
        );
        assert_eq!(
            fixed(&r, "“Er sprach von ‘Lügen’”, hieß es."),
            "„Er sprach von ‚Lügen‘“, hieß es."
        );
    }

    #[test]
    fn mixed_pairs_fix_the_wrong_end() {
        let r = rule(Problem::Mixed);
        assert_eq!(
            fixed(&r, "Sie nannte es „absurd” und »falsch“."),
            "Sie nannte es „absurd“ und »falsch«."
        );
        assert_eq!(fixed(&r, "Er sagte “Nein“."), "Er sagte „Nein“.");
    }

    #[test]
    fn guillemets_by_locale() {
        let r = rule(Problem::LocaleStyle);
        assert_eq!(check_locale(&r, "Er sagte «Nein».", Locale::DeDe).len(), 1);
        assert_eq!(check_locale(&r, "Er sagte »Nein«.", Locale::DeCh).len(), 1);
        assert!(check_locale(&r, "Er sagte «Nein» und ‹so›.", Locale::DeCh).is_empty());
        assert!(check_locale(&r, "Er sagte »Nein« und ›so‹.", Locale::DeAt).is_empty());
    }

    #[test]
    fn inconsistent_conventions() {
        let r = rule(Problem::Inconsistent);
        assert_eq!(
            fixed(&r, "„Ja“, sagte er, »nein«, sagte sie, „vielleicht“."),
            "„Ja“, sagte er, „nein“, sagte sie, „vielleicht“."
        );
    }

    #[test]
    fn unclosed_and_unopened() {
        // Closed in the next paragraph without reopening: one quotation.
        assert!(all_findings(
            "„Wir kommen, sagte er.\n\nWir gehen“, sagte sie.",
            Locale::DeDe
        )
        .is_empty());
        assert_eq!(
            all_findings(
                "„Wir kommen, sagte er.\n\nEr ging.\n\nWir gehen“, sagte sie.",
                Locale::DeDe
            ),
            ["quotes/unclosed: „", "quotes/unopened: “"]
        );
    }

    #[test]
    fn unpaired_straight_quotes_are_one_finding_each() {
        assert_eq!(
            all_findings("\"Wir kommen, sagte er.", Locale::DeDe),
            ["quotes/straight: \""]
        );
        assert_eq!(
            fix_all("\"Wir kommen, sagte er.", Locale::DeDe),
            "„Wir kommen, sagte er."
        );
    }

    #[test]
    fn apostrophes() {
        let r = Apostrophe;
        assert_eq!(
            fixed(
                &r,
                "Wie geht´s? Da gibt's 'ne Lösung. Ich hab' Zeit. McDonald‘s"
            ),
            "Wie geht’s? Da gibt’s ’ne Lösung. Ich hab’ Zeit. McDonald’s"
        );
    }

    #[test]
    fn fixes_are_idempotent() {
        for text in [
            "Die Zeitung \"Morgenblatt\" schrieb \"Es wird gut.“",
            "Er sprach von “Erfindungen” und „absurd”, geht's?",
            "„Ja“, sagte er, »nein«, sagte sie, „vielleicht“.",
        ] {
            let once = fix_all(text, Locale::DeDe);
            assert_eq!(fix_all(&once, Locale::DeDe), once, "{text}");
            assert!(all_findings(&once, Locale::DeDe).is_empty(), "{once}");
        }
    }

    /// Correct German typography, and text that only looks like quotes.
    const CLEAN: &[(&str, Locale)] = &[
        ("Er sagte: „Wir kommen.“ Dann ging er.", Locale::DeDe),
        ("„Wir kommen“, sagte er, „und wir bleiben.“", Locale::DeDe),
        ("„Er nannte es ‚Unsinn‘“, sagte sie.", Locale::DeDe),
        ("Das Wort „heimlich“ fiel zweimal.", Locale::DeDe),
        ("»Wir kommen«, sagte er. »Und ›bald‹.«", Locale::DeDe),
        ("»Wir kommen«, sagte er.", Locale::DeAt),
        ("«Wir kommen», sagte er. «Mit ‹allen›.»", Locale::DeCh),
        ("„Wir kommen“, sagte sie in Zürich.", Locale::DeCh),
        ("Wie geht’s? Gibt’s ’ne Lösung?", Locale::DeDe),
        (
            "Bei McDonald's und O'Neill's Pub, Hans' Auto.",
            Locale::DeDe,
        ),
        ("L 'Japanische Agentur berichtete.", Locale::DeDe),
        ("Ein 27\" Monitor, 5' Länge und die '90er.", Locale::DeDe),
        ("Er lief 3'40\" auf der Bahn.", Locale::DeDe),
        ("Read more »", Locale::DeDe),
        (
            "„Wir kommen.\n\n„Wir bleiben auch“, sagte er.",
            Locale::DeDe,
        ),
        (
            "„Wir kommen. Wir bleiben\nlange. Dann gehen wir“, sagte er.",
            Locale::DeDe,
        ),
        ("Siehe https://example.org/l'article dazu.", Locale::DeDe),
        (
            "„Militärische Zusammenarbeit wäre ein Verstoß“.",
            Locale::DeDe,
        ),
        ("Die Interessen: „die Einkaufsliste“", Locale::DeDe),
        ("„Warum nicht?“, fragte er. „Gut!“, rief sie.", Locale::DeDe),
        ("Das „Weiße Haus“ (Washington) schwieg.", Locale::DeDe),
        ("Die Anti-„Terror“-Kampagne lief.", Locale::DeDe),
        ("Er zitierte den ‚Spiegel‘.", Locale::DeDe),
        ("„Wie Sie wissen … ist das so.“", Locale::DeDe),
    ];

    #[test]
    fn correct_german_is_left_alone() {
        for (text, locale) in CLEAN {
            assert!(
                all_findings(text, *locale).is_empty(),
                "{text}: {:?}",
                all_findings(text, *locale)
            );
        }
    }
}

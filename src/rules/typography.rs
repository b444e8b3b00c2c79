//! Typography: ellipses, dashes, number grouping and the full stop before a
//! closing quote. Machine translation and typewriter habits leave `...`,
//! ` - ` for a dash and Swiss or English number formats in German text.

use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::{is_abbreviation, Document, QuoteRole, QuoteStyle, Token, TokenKind};
use crate::locale::Locale;
use crate::rule::{Context, FixAvailability, Rule, RuleMeta};

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(Ellipsis),
        Box::new(EllipsisSpacing),
        Box::new(Dash),
        Box::new(NumberGrouping),
        Box::new(QuoteFullStop),
    ]
}

fn is_text(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Number)
}

/// Whether the word before an ellipsis is complete (the ellipsis stands for
/// left-out words and takes a space) or cut off (it stands for the rest of
/// the word and follows without one), judged from the other words of the
/// document: a word that occurs elsewhere on its own is complete; a
/// fragment that only occurs as the start of longer words is cut off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordEnd {
    Complete,
    CutOff,
    Unknown,
}

/// The document's words, sorted once when the first ellipsis needs them.
struct Vocabulary<'d> {
    doc: &'d Document,
    sorted: Option<Vec<&'d str>>,
}

impl<'d> Vocabulary<'d> {
    fn new(doc: &'d Document) -> Self {
        Vocabulary { doc, sorted: None }
    }

    fn word_end(&mut self, word: &str) -> WordEnd {
        let doc = self.doc;
        let sorted = self.sorted.get_or_insert_with(|| {
            let mut words: Vec<&str> = doc.words().map(|(w, _)| w).collect();
            words.sort_unstable();
            words
        });
        let first = sorted.partition_point(|w| *w < word);
        let same = sorted.partition_point(|w| *w <= word) - first;
        // The word before the ellipsis is itself one occurrence.
        if same >= 2 {
            WordEnd::Complete
        } else if sorted
            .get(first + same)
            .is_some_and(|w| w.starts_with(word))
        {
            WordEnd::CutOff
        } else {
            WordEnd::Unknown
        }
    }
}

/// Three full stops for an ellipsis.
pub struct Ellipsis;

static ELLIPSIS: RuleMeta = RuleMeta {
    id: "typography/ellipsis",
    severity: Severity::Warning,
    summary: "Three full stops `...` instead of an ellipsis `…`",
    explanation: "German typography uses the ellipsis character. When it stands for left-out \
words it is set apart by a space (`am Dienstag …`); when it stands for the rest of a cut-off word \
it follows the fragment directly (`Verfl…`). A word that occurs elsewhere in the document on its \
own counts as complete, a fragment that only starts longer words as cut off; when the document \
does not tell, the word is taken as complete (teasers are cut at word boundaries). A fourth full \
stop ending the sentence is dropped. Number ranges like `1...10` are left alone.\n\n\
Bad:  berichtete die Zeitung am Dienstag...\nGood: berichtete die Zeitung am Dienstag …",
    fix: FixAvailability::Safe,
};

impl Rule for Ellipsis {
    fn meta(&self) -> &'static RuleMeta {
        &ELLIPSIS
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if !doc.text.contains("...") {
            return;
        }
        let tokens = doc.tokens();
        let mut vocabulary = Vocabulary::new(doc);
        let mut i = 0;
        while i < tokens.len() {
            let dots = tokens[i..]
                .iter()
                .take_while(|t| t.kind == TokenKind::Punct && doc.token_text(t) == ".")
                .count();
            if dots == 0 {
                i += 1;
                continue;
            }
            let (first, last) = (i, i + dots - 1);
            i += dots;
            if !(3..=4).contains(&dots) {
                continue;
            }
            let prev = first.checked_sub(1).map(|p| &tokens[p]);
            let next = tokens.get(last + 1);
            let range = tokens[first].range.start..tokens[last].range.end;
            if !doc.is_prose(&range)
                || (prev.is_some_and(|p| p.kind == TokenKind::Number)
                    && next.is_some_and(|n| n.kind == TokenKind::Number))
            {
                continue;
            }
            let space_before = match prev {
                Some(p) if p.kind == TokenKind::Word => {
                    vocabulary.word_end(doc.token_text(p)) != WordEnd::CutOff
                }
                Some(p) if p.kind == TokenKind::Number => true,
                Some(p) if p.kind == TokenKind::Punct => {
                    matches!(doc.token_text(p), "," | ";" | ":" | "?" | "!")
                }
                Some(p) if p.kind == TokenKind::Quote => doc
                    .quote_at(p.range.start)
                    .is_some_and(|m| m.role == QuoteRole::Close),
                _ => false,
            };
            let space_after = next.is_some_and(is_text);
            let replacement = format!(
                "{}…{}",
                if space_before { " " } else { "" },
                if space_after { " " } else { "" }
            );
            let message = if dots == 4 {
                "Four full stops: an ellipsis `…` ends the sentence without another full stop"
            } else {
                "Three full stops instead of an ellipsis `…`"
            };
            out.push(
                self.diagnostic(range.clone(), message)
                    .with_fix(Fix::safe(vec![Edit::replace(range, replacement)])),
            );
        }
    }
}

/// Spacing around the ellipsis character.
pub struct EllipsisSpacing;

static ELLIPSIS_SPACING: RuleMeta = RuleMeta {
    id: "typography/ellipsis-spacing",
    severity: Severity::Info,
    summary: "An ellipsis glued to a complete word, or followed by a full stop",
    explanation: "An ellipsis standing for left-out words is set apart from a complete word by \
a space; only the rest of a cut-off word is replaced without one (`Verfl…`). A word counts as \
complete when it occurs elsewhere in the document on its own. At the end of a sentence the \
ellipsis replaces the full stop.\n\nBad:  Er sagte nur: „Und dann…“ Es war spät….\n\
Good: Er sagte nur: „Und dann …“ Es war spät …",
    fix: FixAvailability::Safe,
};

impl Rule for EllipsisSpacing {
    fn meta(&self) -> &'static RuleMeta {
        &ELLIPSIS_SPACING
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if !doc.text.contains('…') {
            return;
        }
        let tokens = doc.tokens();
        let mut vocabulary = Vocabulary::new(doc);
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Punct || doc.token_text(t) != "…" || !doc.is_prose(&t.range) {
                continue;
            }
            if let Some(prev) = i.checked_sub(1).map(|p| &tokens[p]) {
                if prev.kind == TokenKind::Word
                    && vocabulary.word_end(doc.token_text(prev)) == WordEnd::Complete
                {
                    out.push(
                        self.diagnostic(
                            prev.range.start..t.range.end,
                            "An ellipsis for left-out words is set apart from the word by a space",
                        )
                        .with_fix(Fix::safe(vec![Edit::insert(t.range.start, " ")])),
                    );
                }
            }
            let full_stop = tokens.get(i + 1).filter(|n| doc.token_text(n) == ".");
            let more_dots = tokens.get(i + 2).is_some_and(|n| doc.token_text(n) == ".");
            if let Some(stop) = full_stop.filter(|_| !more_dots) {
                out.push(
                    self.diagnostic(
                        t.range.start..stop.range.end,
                        "No full stop after an ellipsis at the end of a sentence",
                    )
                    .with_fix(Fix::safe(vec![Edit::delete(stop.range.clone())])),
                );
            }
        }
    }
}

/// A hyphen standing for a dash.
pub struct Dash;

static DASH: RuleMeta = RuleMeta {
    id: "typography/dash",
    severity: Severity::Warning,
    summary: "A spaced hyphen ` - ` or an English em dash where German uses the en dash `–`",
    explanation: "The German dash between words is the en dash with spaces (` – `); a hyphen \
with spaces around it (` - `, ` -- `) is a typewriter stand-in, and an em dash without spaces \
(`Wort—Wort`) is English typography. Between two numbers the dash means \"to\" and is set \
without spaces (`10–12 Uhr`); that fix is unsafe, since `5 - 3` may be a subtraction. A hyphen \
at the start of a line is a list marker and left alone.\n\nBad:  Der Streit - so scheint es - \
ist beigelegt. Geöffnet 10 - 12 Uhr.\nGood: Der Streit – so scheint es – ist beigelegt. \
Geöffnet 10–12 Uhr.",
    fix: FixAvailability::Sometimes,
};

impl Rule for Dash {
    fn meta(&self) -> &'static RuleMeta {
        &DASH
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let tokens = doc.tokens();
        let is_plain_space = |t: Option<&Token>| {
            t.is_some_and(|t| t.kind == TokenKind::Space && doc.token_text(t) == " ")
        };
        let mut i = 0;
        while i < tokens.len() {
            let t = &tokens[i];
            let text = doc.token_text(t);
            if t.kind != TokenKind::Punct || !matches!(text, "-" | "—") || i < 2 {
                i += 1;
                continue;
            }
            let hyphens = if text == "-" {
                tokens[i..]
                    .iter()
                    .take_while(|t| doc.token_text(t) == "-")
                    .count()
            } else {
                1
            };
            let first = i;
            let last = i + hyphens - 1;
            i += hyphens;
            let dash = tokens[first].range.start..tokens[last].range.end;
            if hyphens > 2 || !doc.is_prose(&dash) {
                continue;
            }
            if text == "—" {
                let (prev, next) = (&tokens[first - 1], tokens.get(last + 1));
                if prev.kind == TokenKind::Word && next.is_some_and(|n| n.kind == TokenKind::Word) {
                    out.push(
                        self.diagnostic(
                            dash.clone(),
                            "English em dash; German sets an en dash with spaces ` – `",
                        )
                        .with_fix(Fix::safe(vec![Edit::replace(dash, " – ")])),
                    );
                }
                continue;
            }
            let (space_before, space_after) = (&tokens[first - 1], tokens.get(last + 1));
            if !is_plain_space(Some(space_before)) || !is_plain_space(space_after) {
                continue;
            }
            let before = &tokens[first - 2];
            let Some(after) = tokens.get(last + 2) else {
                continue;
            };
            let closes = |t: &Token| {
                is_text(t)
                    || t.kind == TokenKind::Quote
                    || matches!(doc.token_text(t), ")" | "]" | "." | "!" | "?")
            };
            let opens =
                |t: &Token| is_text(t) || t.kind == TokenKind::Quote || doc.token_text(t) == "(";
            if !closes(before) || !opens(after) {
                continue;
            }
            let shown = doc.token_text(&tokens[first]).repeat(hyphens);
            if before.kind == TokenKind::Number && after.kind == TokenKind::Number {
                let range = space_before.range.start..tokens[last + 1].range.end;
                out.push(
                    self.diagnostic(
                        before.range.start..after.range.end,
                        format!("` {shown} ` between numbers; a range takes `–` without spaces"),
                    )
                    .with_fix(Fix::unsafe_(vec![Edit::replace(range, "–")])),
                );
            } else {
                out.push(
                    self.diagnostic(
                        dash.clone(),
                        format!("` {shown} ` used as a dash; German uses the en dash ` – `"),
                    )
                    .with_fix(Fix::safe(vec![Edit::replace(dash, "–")])),
                );
            }
        }
    }
}

/// Thousands separators that do not belong to the locale.
pub struct NumberGrouping;

static NUMBER_GROUPING: RuleMeta = RuleMeta {
    id: "typography/number-grouping",
    severity: Severity::Warning,
    summary: "Number grouping that does not fit the locale (`6'500`, `16'500` in de-DE)",
    explanation: "Longer numbers are grouped in threes: with a full stop (or a thin space) in \
Germany and Austria (`16.500`), with an apostrophe (or a thin space) in Switzerland (`16'500`); \
the apostrophe in de-DE and de-AT text is a Swiss habit or a converter's. Four-digit numbers need \
no grouping in any German locale (`6500`). Swiss house styles that write `6'500` are accepted in \
de-CH text that is typeset the Swiss way (Swiss quotation marks «…», or longer numbers grouped \
with apostrophes too); Swiss spelling (`ss`) alone is not enough, since MT engines produce it \
without the rest of the Swiss conventions. `6.500` is left alone in every locale: Duden calls \
grouping four digits unusual, not wrong, and in Swiss text a full stop may be a decimal point.\n\nBad:  rund 6'500 Kilometer, 16'500 Einwohner (de-DE)\n\
Good: rund 6500 Kilometer, 16.500 Einwohner",
    fix: FixAvailability::Safe,
};

impl Rule for NumberGrouping {
    fn meta(&self) -> &'static RuleMeta {
        &NUMBER_GROUPING
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let grouped: Vec<(&Token, &str, &str, usize)> = doc
            .tokens()
            .iter()
            .filter(|t| t.kind == TokenKind::Number)
            .filter_map(|t| {
                let number = doc.token_text(t);
                if !number.contains(['\'', '’']) || !doc.is_prose(&t.range) {
                    return None;
                }
                let (integer, fraction) = grouped_number(number)?;
                let digits = integer.bytes().filter(u8::is_ascii_digit).count();
                Some((t, integer, fraction, digits))
            })
            .collect();
        if grouped.is_empty() {
            return;
        }
        let swiss = doc.locale() == Locale::DeCh;
        // Swiss house styles that group four digits too are accepted where
        // the text is typeset the Swiss way, not merely spelt with `ss`.
        let swiss_house_style = swiss
            && (grouped.iter().any(|g| g.3 > 4)
                || doc.quote_pairs().any(|p| {
                    p.open.is_some_and(|o| o.style == QuoteStyle::Swiss)
                        && p.close.is_some_and(|c| c.style == QuoteStyle::Swiss)
                }));
        for (t, integer, fraction, digits) in grouped {
            let number = doc.token_text(t);
            let replacement = if digits == 4 && !swiss_house_style {
                format!("{}{fraction}", integer.replace(['\'', '’'], ""))
            } else if swiss || digits == 4 || fraction.starts_with('.') {
                continue;
            } else {
                format!("{}{fraction}", integer.replace(['\'', '’'], "."))
            };
            let message = if digits == 4 {
                format!("Four-digit number `{number}` is written without grouping: `{replacement}`")
            } else {
                format!(
                    "`{number}` is grouped the Swiss way; {} writes `{replacement}`",
                    doc.locale()
                )
            };
            out.push(
                self.diagnostic(t.range.clone(), message)
                    .with_fix(Fix::safe(vec![Edit::replace(t.range.clone(), replacement)])),
            );
        }
    }
}

/// Splits `16'500,5` into its integer part grouped by apostrophes in threes
/// (`16'500`) and the decimal part (`,5`); `None` for anything else
/// (`3'20` for minutes and seconds).
fn grouped_number(number: &str) -> Option<(&str, &str)> {
    let split = number.find(['.', ',']).unwrap_or(number.len());
    let (integer, fraction) = number.split_at(split);
    let mut groups = integer.split(['\'', '’']);
    let head = groups.next()?;
    let valid = (1..=3).contains(&head.len())
        && head.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    let fraction_ok = fraction.chars().skip(1).all(|c| c.is_ascii_digit());
    (valid && integer.len() > head.len() && fraction_ok).then_some((integer, fraction))
}

/// A full stop before a closing quote that a comma follows.
pub struct QuoteFullStop;

static QUOTE_FULL_STOP: RuleMeta = RuleMeta {
    id: "typography/quote-full-stop",
    severity: Severity::Warning,
    summary: "A full stop before a closing quote followed by a comma (`gehen.“, sagte`)",
    explanation: "When the sentence goes on after a quoted statement (`„…“, sagte er`), the \
quoted sentence loses its full stop; question and exclamation marks stay. The full stop of an \
abbreviation or ordinal number stays too.\n\nBad:  „Wir werden das prüfen.“, sagte sie.\n\
Good: „Wir werden das prüfen“, sagte sie.",
    fix: FixAvailability::Safe,
};

impl Rule for QuoteFullStop {
    fn meta(&self) -> &'static RuleMeta {
        &QUOTE_FULL_STOP
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let tokens = doc.tokens();
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Quote || i < 2 {
                continue;
            }
            let (stop, before) = (&tokens[i - 1], &tokens[i - 2]);
            let comma = tokens.get(i + 1).is_some_and(|n| doc.token_text(n) == ",");
            if !comma || doc.token_text(stop) != "." {
                continue;
            }
            if !doc
                .quote_at(t.range.start)
                .is_some_and(|m| m.role == QuoteRole::Close)
            {
                continue;
            }
            let before_text = doc.token_text(before);
            let keeps_stop = match before.kind {
                TokenKind::Word => is_abbreviation(before_text) || before_text.chars().count() == 1,
                TokenKind::Number => true,
                _ => before_text == ".",
            };
            if keeps_stop {
                continue;
            }
            out.push(
                self.diagnostic(
                    before.range.start..tokens[i + 1].range.end,
                    "Full stop before a closing quote that a comma follows",
                )
                .with_fix(Fix::safe(vec![Edit::delete(stop.range.clone())])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{check_locale, fixed, flagged};

    #[test]
    fn three_dots_become_an_ellipsis_after_a_complete_word() {
        assert_eq!(
            fixed(&Ellipsis, "berichtete die Zeitung am Dienstag..."),
            "berichtete die Zeitung am Dienstag …"
        );
        assert_eq!(
            fixed(&Ellipsis, "Und dann ... kam er."),
            "Und dann … kam er."
        );
        assert_eq!(
            fixed(&Ellipsis, "Er sagte: (...) Gut."),
            "Er sagte: (…) Gut."
        );
        assert_eq!(fixed(&Ellipsis, "Es war spät...."), "Es war spät …");
        assert_eq!(
            fixed(&Ellipsis, "...und dann ging er."),
            "… und dann ging er."
        );
    }

    #[test]
    fn three_dots_after_a_cut_off_word_follow_it_directly() {
        assert_eq!(
            fixed(&Ellipsis, "Das Wort Verfassungsschutz, kurz Verfassungs..."),
            "Das Wort Verfassungsschutz, kurz Verfassungs…"
        );
    }

    #[test]
    fn ellipsis_fix_is_idempotent() {
        let once = fixed(&Ellipsis, "am Dienstag... und dann...");
        assert_eq!(fixed(&Ellipsis, &once), once);
    }

    #[test]
    fn ellipsis_spacing() {
        assert_eq!(
            fixed(
                &EllipsisSpacing,
                "Und dann kam er. Und dann… Es ist spät …. Zu spät…."
            ),
            "Und dann kam er. Und dann … Es ist spät … Zu spät …"
        );
    }

    #[test]
    fn spaced_hyphen_becomes_en_dash() {
        assert_eq!(
            fixed(&Dash, "Der Streit - so scheint es -- ist beigelegt."),
            "Der Streit – so scheint es – ist beigelegt."
        );
        assert_eq!(fixed(&Dash, "Geöffnet 10 - 12 Uhr."), "Geöffnet 10–12 Uhr.");
        assert_eq!(fixed(&Dash, "Er kam—und ging."), "Er kam – und ging.");
    }

    #[test]
    fn number_grouping() {
        assert_eq!(
            fixed(&NumberGrouping, "rund 6'500 Kilometer und 16'500 Einwohner"),
            "rund 6500 Kilometer und 16.500 Einwohner"
        );
        // Swiss spelling without Swiss typesetting: the four digits go.
        let spelt_swiss = "Die Strasse ist rund 6'500 Kilometer lang.";
        let d = check_locale(&NumberGrouping, spelt_swiss, Locale::DeCh);
        assert_eq!(d.len(), 1);
        assert_eq!(&spelt_swiss[d[0].range.clone()], "6'500");
        assert_eq!(
            fixed(&NumberGrouping, "1'250'000,50 Euro"),
            "1.250.000,50 Euro"
        );
    }

    #[test]
    fn full_stop_before_closing_quote_and_comma() {
        assert_eq!(
            fixed(&QuoteFullStop, "„Wir werden das prüfen.“, sagte sie."),
            "„Wir werden das prüfen“, sagte sie."
        );
        assert_eq!(
            fixed(&QuoteFullStop, "\"Wir werden das prüfen.\", sagte sie."),
            "\"Wir werden das prüfen\", sagte sie."
        );
    }

    /// Correct German typography these rules must leave alone.
    const CLEAN: &[(&str, Locale)] = &[
        ("Er sagte nur: „Und dann …“", Locale::DeDe),
        ("So ein Mist! Verfl…", Locale::DeDe),
        ("Die Seiten 1...10 fehlen.", Locale::DeDe),
        ("Aus dem Zitat: „Wir haben […] entschieden.“", Locale::DeDe),
        ("durchgesetzt … und wir werden nicht zögern", Locale::DeDe),
        ("Der Streit – so scheint es – ist beigelegt.", Locale::DeDe),
        (
            "Geöffnet 10–12 Uhr, die Strecke Berlin–Hamburg.",
            Locale::DeDe,
        ),
        ("- erster Punkt\n- zweiter Punkt", Locale::DeDe),
        ("Verteidigungs- und Militärindustrie", Locale::DeDe),
        ("US-Präsident, 20-Jährige, E-Mail", Locale::DeDe),
        ("Er kam – und ging.", Locale::DeDe),
        (
            "Das kostet 6500 Euro, 16.500 Euro oder 6.500 Euro.",
            Locale::DeDe,
        ),
        ("Das kostet 16'500 Franken.", Locale::DeCh),
        ("Das kostet 1'250'000 Franken.", Locale::DeCh),
        ("Rund 6'500 Gäste und 16'500 Franken.", Locale::DeCh),
        ("«Rund 6'500 Gäste», sagte sie.", Locale::DeCh),
        ("Er lief 3'20 Minuten.", Locale::DeDe),
        ("Um 10:30 Uhr, 3,5 Prozent, 1.200 Menschen.", Locale::DeDe),
        ("„Warum nicht?“, fragte er. „Gut!“, rief sie.", Locale::DeDe),
        ("„Wir kommen“, sagte er.", Locale::DeDe),
        ("„Es waren 5 Mio.“, sagte sie.", Locale::DeDe),
        ("„Das war am 3.“, sagte sie.", Locale::DeDe),
        ("„Er kam.“ Danach ging er.", Locale::DeDe),
        ("Die Interessen: „die Einkaufsliste“.", Locale::DeDe),
    ];

    #[test]
    fn correct_german_is_left_alone() {
        for (text, locale) in CLEAN {
            for r in rules() {
                let d = check_locale(r.as_ref(), text, *locale);
                assert!(d.is_empty(), "{}: {text}: {:?}", r.meta().id, d);
            }
        }
    }

    #[test]
    fn fixes_are_idempotent() {
        let text = "Er kam - und ging -- am Dienstag... 10 - 12 Uhr, 6'500 und 16'500 Leute. \
„Wir prüfen das.“, sagte sie. Und dann… Und dann kam er….";
        let mut once = text.to_string();
        for r in rules() {
            once = fixed(r.as_ref(), &once);
        }
        for r in rules() {
            assert_eq!(fixed(r.as_ref(), &once), once, "{}", r.meta().id);
        }
        assert_eq!(
            once,
            "Er kam – und ging – am Dienstag … 10–12 Uhr, 6500 und 16.500 Leute. \
„Wir prüfen das“, sagte sie. Und dann … Und dann kam er…"
        );
    }

    #[test]
    fn flagged_spans() {
        assert_eq!(flagged(&Dash, "Bayern - Dortmund"), ["-"]);
        assert_eq!(flagged(&NumberGrouping, "rund 6’500 Kilometer"), ["6’500"]);
    }
}

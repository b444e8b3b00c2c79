//! Repetition: a word typed twice (`mit mit`), and a line or sentence that
//! the page repeats — a caption on the next line, the headline again at the
//! end, a teaser paragraph printed twice.

use std::collections::hash_map::Entry;
use std::hash::Hasher;
use std::ops::Range;
use std::sync::Arc;

use crate::config::{ConfigError, Settings};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::{Document, Token, TokenKind};
use crate::names::{FxHasher, FxMap};
use crate::rule::{Context, FixAvailability, Rule, RuleMeta};
use crate::rules::boilerplate::{trim_line, word_count_up_to, ChromeLines};

pub fn rules(settings: &Settings) -> Result<Vec<Box<dyn Rule>>, ConfigError> {
    // Page chrome repeats (`Read more »` under every teaser); the
    // boilerplate rules report it, so repeats of it are not reported here.
    let chrome = Arc::new(ChromeLines::new(settings)?);
    Ok(vec![
        Box::new(DoubledWord),
        Box::new(RepeatedLine {
            chrome: Arc::clone(&chrome),
        }),
        Box::new(RepeatedSentence { chrome }),
    ])
}

/// Words that may stand twice in a row in correct German: pronoun pairs
/// (`ob sie sie kennt`, `gebt ihr ihr Geld`, `ob es es schafft`, `wer wer
/// ist`, `was was kostet`), and interjections and their like (`ja ja`,
/// `so so`).
const MAY_DOUBLE: &[&str] = &[
    "sie", "es", "ihr", "so", "ja", "nein", "na", "ha", "he", "hm", "oh", "bla", "tam", "pst",
    "wer", "was",
];

/// Names made of a doubled word.
const DOUBLED_NAMES: &[&str] = &[
    "bora", "duran", "pago", "sing", "walla", "wagga", "mahi", "ylang", "humbert", "sirhan",
    "talk", "baden",
];

/// Articles that are also relative and demonstrative pronouns: `die die`
/// can be pronoun + article.
const ARTICLE_PRONOUNS: &[&str] = &["der", "die", "das", "den", "dem", "des"];

/// After these, `das das`, `die die`, `der der` read as demonstrative +
/// article: `dass das das Beste sei`, `Ist das das Ende?`.
const BEFORE_DEMONSTRATIVE: &[&str] = &[
    "dass", "daß", "ob", "weil", "wenn", "als", "obwohl", "obgleich", "damit", "sodass", "bevor",
    "nachdem", "da", "wie", "falls", "sofern", "seitdem", "indem", "ehe", "ist", "war", "wäre",
    "sei", "sind", "waren", "seien", "wird", "wurde", "würde", "werden", "bleibt", "blieb", "hat",
    "hatte", "hätte", "haben", "kann", "könnte", "soll", "sollte", "muss", "müsste", "darf",
    "will", "wollte", "möchte", "mag", "und", "oder", "aber", "sowie", "doch",
];

/// Prepositions that can open a relative clause: `, in der der Gipfel stattfand`.
const PREPOSITIONS: &[&str] = &[
    "in",
    "an",
    "auf",
    "aus",
    "bei",
    "mit",
    "nach",
    "von",
    "vor",
    "zu",
    "über",
    "unter",
    "durch",
    "für",
    "gegen",
    "ohne",
    "um",
    "hinter",
    "neben",
    "zwischen",
    "seit",
    "wegen",
    "trotz",
    "während",
    "gemäß",
    "laut",
    "dank",
    "statt",
    "anstatt",
    "außer",
    "gegenüber",
    "bis",
    "entlang",
    "innerhalb",
    "außerhalb",
    "aufgrund",
];

fn lower_in(word: &str, list: &[&str]) -> bool {
    list.iter()
        .any(|w| w.chars().eq(word.chars().flat_map(char::to_lowercase)))
}

fn same_word(a: &str, b: &str) -> bool {
    // Case folding keeps the length but for a few letters (`ẞ`) that do not
    // double in practice.
    a.len() == b.len()
        && (a.eq_ignore_ascii_case(b)
            || a.chars()
                .flat_map(char::to_lowercase)
                .eq(b.chars().flat_map(char::to_lowercase)))
}

/// A participle or adjective ending as in `die die Stadt umgebenden Hügel`,
/// `der der Regierung nahestehende Sender`, `die die Wahl gewonnene Partei`.
fn is_attributive_participle(word: &str) -> bool {
    if !word.starts_with(char::is_lowercase) || word.chars().count() < 6 {
        return false;
    }
    let present = ["nde", "nden", "ndem", "nder", "ndes"]
        .iter()
        .any(|e| word.ends_with(e));
    let past = word.contains("ge")
        && [
            "te", "ten", "tem", "ter", "tes", "ene", "enen", "enem", "ener", "enes",
        ]
        .iter()
        .any(|e| word.ends_with(e));
    present || past
}

/// Whether a doubled article can be two articles of nested noun phrases,
/// the inner one inside an extended attribute: after the pair, a noun, then
/// an attributive participle, then the outer noun (`die die Stadt umgebenden
/// Hügel`).
fn opens_extended_attribute(doc: &Document, tokens: &[Token], after: usize) -> bool {
    let mut seen_noun = false;
    let mut words = 0;
    let mut i = after;
    while i < tokens.len() && words < 8 {
        let t = &tokens[i];
        match t.kind {
            TokenKind::Space => {}
            TokenKind::Word | TokenKind::Number => {
                words += 1;
                let w = doc.token_text(t);
                if seen_noun && is_attributive_participle(w) {
                    return doc.next_non_space(i).is_some_and(|n| {
                        n.kind == TokenKind::Word
                            && doc.token_text(n).starts_with(char::is_uppercase)
                    });
                }
                if w.starts_with(char::is_uppercase) {
                    seen_noun = true;
                }
            }
            _ => return false,
        }
        i += 1;
    }
    false
}

/// Whether `first second` (the same article twice, first at token index
/// `i`) has a grammatical reading.
fn article_pair_is_grammatical(doc: &Document, i: usize, second: usize) -> bool {
    let tokens = doc.tokens();
    if opens_extended_attribute(doc, tokens, second + 1) {
        return true;
    }
    let word = doc.token_text(&tokens[i]);
    let Some(prev) = doc.prev_non_space(i) else {
        return false;
    };
    let prev_text = doc.token_text(prev);
    // `die Frau, die die Firma leitet`: relative pronoun + article.
    if matches!(prev_text, "," | ";" | "–" | "—") {
        return true;
    }
    if prev.kind != TokenKind::Word {
        return false;
    }
    // `, in der der Gipfel stattfand`
    if lower_in(prev_text, PREPOSITIONS) {
        let prev_index = tokens.partition_point(|t| t.range.start < prev.range.start);
        return doc
            .prev_non_space(prev_index)
            .is_some_and(|t| matches!(doc.token_text(t), "," | ";"));
    }
    // `dass das das Beste sei`, `Ist das das Ende?`
    lower_in(word, &["das", "die", "der"]) && lower_in(prev_text, BEFORE_DEMONSTRATIVE)
}

/// A line break inside a hard-wrapped paragraph: the line before it is a
/// long line of running text (six words or more), not a title or caption
/// that happens to end with the word the next line starts with.
fn wrapped_line_break(doc: &Document, gap: &Token) -> bool {
    let line = doc.line_of(gap.range.start);
    word_count_up_to(doc.line_text(line), 6) >= 6
        && !doc.text[gap.range.end..].starts_with(char::is_whitespace)
}

/// The same word twice in a row.
pub struct DoubledWord;

static DOUBLED_WORD: RuleMeta = RuleMeta {
    id: "repetition/doubled-word",
    severity: Severity::Warning,
    summary: "The same word twice in a row (`mit mit`, `und und`)",
    explanation: "A doubled word is a typing or translation slip. German allows some doubles, \
and they are left alone: an article after a relative pronoun (`die Frau, die die Firma leitet`, \
`die Zeit, in der der Westen …`), a demonstrative before an article (`dass das das Beste sei`, \
`Ist das das Ende?`), two articles of nested noun phrases (`die die Stadt umgebenden Hügel`), \
pronoun pairs (`ob sie sie kennt`), interjections (`ja ja`) and names (`Bora Bora`). Removing the \
second word is an unsafe fix.\n\n\
Bad:  \"Das hängt mit mit dem Wetter zusammen.\"\n\
Good: \"Das hängt mit dem Wetter zusammen.\"",
    fix: FixAvailability::Unsafe,
};

impl Rule for DoubledWord {
    fn meta(&self) -> &'static RuleMeta {
        &DOUBLED_WORD
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let tokens = doc.tokens();
        for i in 0..tokens.len().saturating_sub(2) {
            let (a, gap, b) = (&tokens[i], &tokens[i + 1], &tokens[i + 2]);
            if a.kind != TokenKind::Word
                || b.kind != TokenKind::Word
                || !matches!(gap.kind, TokenKind::Space | TokenKind::Newline)
            {
                continue;
            }
            let (first, second) = (doc.token_text(a), doc.token_text(b));
            if first.chars().nth(1).is_none()
                || !same_word(first, second)
                || lower_in(first, MAY_DOUBLE)
                || lower_in(first, DOUBLED_NAMES)
                || (gap.kind == TokenKind::Newline && !wrapped_line_break(doc, gap))
            {
                continue;
            }
            if lower_in(first, ARTICLE_PRONOUNS) && article_pair_is_grammatical(doc, i, i + 2) {
                continue;
            }
            // Delete the second word with the space before it, or at the
            // start of a line with the space after it.
            let delete = if gap.kind == TokenKind::Space {
                gap.range.start..b.range.end
            } else {
                let after = tokens
                    .get(i + 3)
                    .filter(|t| t.kind == TokenKind::Space)
                    .map_or(b.range.end, |t| t.range.end);
                b.range.start..after
            };
            out.push(
                self.diagnostic(
                    a.range.start..b.range.end,
                    format!("`{first}` twice in a row"),
                )
                .with_fix(Fix::unsafe_(vec![Edit::delete(delete)])),
            );
        }
    }
}

/// A 64-bit hash of a text with white space runs (no-break spaces too) as
/// one space and without final punctuation, so that a repeat is found
/// without keeping the texts. Every line and sentence of the text goes
/// through it, and nearly all of them have single spaces only: those are
/// hashed as they are, eight bytes per step, after a few vectorised
/// searches for other white space; the others are folded into a copy first.
fn text_key(text: &str) -> u64 {
    // `Titel` and `Titel.` are the same line.
    let text = text.trim_end_matches(['.', '!', '?', '…', ':', ' ']);
    let bytes = text.as_bytes();
    let folded = !bytes.starts_with(b" ")
        && memchr::memchr3(b'\t', b'\n', b'\r', bytes).is_none()
        && memchr::memmem::find(bytes, b"  ").is_none()
        && memchr::memmem::find(bytes, "\u{a0}".as_bytes()).is_none();
    let mut h = FxHasher::default();
    if folded {
        h.write(bytes);
        h.write_usize(bytes.len());
    } else {
        let mut copy = String::with_capacity(text.len());
        for (i, word) in text
            .split([' ', '\t', '\n', '\r', '\u{a0}'])
            .enumerate()
            .filter(|(_, w)| !w.is_empty())
        {
            // White space before the first word folds to one space, too.
            if i > 0 {
                copy.push(' ');
            }
            copy.push_str(word);
        }
        h.write(copy.as_bytes());
        h.write_usize(copy.len());
    }
    h.finish()
}

/// `Foto: picture alliance / dpa`, `Frage:`, `© 2024 …`: credit and speaker
/// labels that legitimately repeat.
fn is_label_line(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    text.starts_with('©') || (first.ends_with(':') && word_count_up_to(text, 6) <= 5)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RepeatKind {
    Line,
    Sentence,
}

struct Repeat {
    kind: RepeatKind,
    /// The repeated line (content) or sentence.
    range: Range<usize>,
    /// 0-based line of the first occurrence.
    first: usize,
}

/// The text of a line without Markdown heading markers, and whether it is a
/// heading.
fn heading_text(text: &str) -> (&str, bool) {
    let stripped = text.trim_start_matches('#');
    if stripped.len() < text.len() && stripped.starts_with(' ') {
        (stripped.trim(), true)
    } else {
        (text, false)
    }
}

/// Lines long enough to be a title, caption or paragraph whose repeat is a
/// mistake: three words and fifteen characters, not a label, a table row, a
/// list item or page chrome.
fn line_may_repeat_wrongly(text: &str, chrome: &ChromeLines) -> bool {
    word_count_up_to(text, 3) >= 3
        && text.chars().count() >= 15
        && !text.starts_with(['|', '-', '*', '•', '–', '·'])
        && !is_label_line(text)
        && !chrome.is_chrome(text)
}

/// Whether the line before line `i` (blank lines aside) is a label such as
/// `Bürgerbüro Süd:`, whose value may well be the same as another's
/// (`Montag bis Freitag 8 bis 16 Uhr`).
fn follows_label(doc: &Document, i: usize) -> bool {
    (0..i)
        .rev()
        .find(|&j| !doc.is_blank_line(j))
        .is_some_and(|j| doc.line_text(j).trim_end().ends_with(':'))
}

/// The repeats of one document, found once for both repetition rules
/// (they share one [`ChromeLines`]).
struct Repeats(Vec<Repeat>);

fn repeats(doc: &Document, chrome: &ChromeLines) -> Arc<Repeats> {
    doc.shared(|doc| Repeats(find_repeats(doc, chrome)))
}

/// Every line and sentence that repeats an earlier line or sentence, in text
/// order. A repeated line is reported as a line; sentences are reported only
/// where the line around them is not a repeat itself.
fn find_repeats(doc: &Document, chrome: &ChromeLines) -> Vec<Repeat> {
    // Key → (first line, whether that first occurrence is a Markdown heading).
    let mut seen: FxMap<u64, (usize, bool)> = FxMap::default();
    let mut out = Vec::new();
    let sentences = doc.sentences();
    let mut s = 0;
    for (i, line) in doc.lines().iter().enumerate() {
        let content = &doc.text[line.content.clone()];
        let trimmed = trim_line(content);
        let line_sentences_start = s;
        while s < sentences.len() && sentences[s].start < line.full.end {
            s += 1;
        }
        if trimmed.is_empty() || !doc.line_is_prose(i) {
            continue;
        }
        let (text, heading) = heading_text(trimmed);
        let line_key = text_key(text);
        if let Some(&(first, first_heading)) = seen.get(&line_key) {
            // Sections may share a heading; a heading's text as a plain line
            // (the title again at the end) is a repeat.
            if !(heading && first_heading)
                && line_may_repeat_wrongly(text, chrome)
                && !follows_label(doc, i)
            {
                out.push(Repeat {
                    kind: RepeatKind::Line,
                    range: line.content.clone(),
                    first,
                });
                continue;
            }
        }
        for sentence in &sentences[line_sentences_start..s] {
            let sentence_text = doc.text[sentence.clone()].trim_end();
            let sentence = sentence.start..sentence.start + sentence_text.len();
            if sentence_text.len() == text.len() {
                continue;
            }
            match seen.entry(text_key(sentence_text)) {
                Entry::Occupied(e) => {
                    if word_count_up_to(sentence_text, 6) >= 6 && !chrome.is_chrome(sentence_text) {
                        out.push(Repeat {
                            kind: RepeatKind::Sentence,
                            range: sentence,
                            first: e.get().0,
                        });
                    }
                }
                Entry::Vacant(e) => {
                    e.insert((i, false));
                }
            }
        }
        seen.entry(line_key).or_insert((i, heading));
    }
    out
}

/// A line that repeats an earlier one.
pub struct RepeatedLine {
    chrome: Arc<ChromeLines>,
}

static REPEATED_LINE: RuleMeta = RuleMeta {
    id: "repetition/repeated-line",
    severity: Severity::Warning,
    summary: "A line repeats an earlier one (caption twice, headline again at the end)",
    explanation: "Scraped pages print some text twice: an image caption as alt text and as \
caption, the headline again below the article, a teaser paragraph before and inside the article. \
The second occurrence is reported. Short lines that legitimately repeat are left alone: lines of \
fewer than three words (`***`, `Frage:`), credits and labels (`Foto: dpa`), table rows, list \
items, the value after a label (`Filiale Süd:` then the same opening hours as another), page \
chrome, and a Markdown heading repeated as a heading (sections may share a name). Deleting the \
line is an unsafe fix.\n\n\
Bad:  \"Der Kanzler bei seiner Rede in Berlin\\nDer Kanzler bei seiner Rede in Berlin\\n\"\n\
Good: \"Der Kanzler bei seiner Rede in Berlin\\n\"",
    fix: FixAvailability::Unsafe,
};

impl Rule for RepeatedLine {
    fn meta(&self) -> &'static RuleMeta {
        &REPEATED_LINE
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let lines = doc.lines();
        for r in &repeats(doc, &self.chrome).0 {
            if r.kind != RepeatKind::Line {
                continue;
            }
            let line = &lines[doc.line_of(r.range.start)];
            let where_ = if doc.line_of(r.range.start) == r.first + 1 {
                "the line before".to_string()
            } else {
                format!("line {}", r.first + 1)
            };
            out.push(
                self.diagnostic(r.range.clone(), format!("This line repeats {where_}"))
                    .with_fix(Fix::unsafe_(vec![Edit::delete(line.full.clone())]))
                    .covering_line(),
            );
        }
    }
}

/// A sentence that repeats an earlier one.
pub struct RepeatedSentence {
    chrome: Arc<ChromeLines>,
}

static REPEATED_SENTENCE: RuleMeta = RuleMeta {
    id: "repetition/repeated-sentence",
    severity: Severity::Warning,
    summary: "A sentence of six or more words repeats an earlier one",
    explanation: "A sentence printed twice — a teaser sentence repeated at the start of the \
body, a paragraph glued to its own copy — is a scraping or translation slip. Sentences of six or \
more words are compared; the second occurrence is reported, and removing it is an unsafe fix. \
A whole repeated line is reported by `repetition/repeated-line` instead.\n\n\
Bad:  \"Die Preise steigen weiter. Die Preise steigen seit Monaten weiter. Die Preise steigen seit Monaten weiter.\"\n\
Good: \"Die Preise steigen weiter. Die Preise steigen seit Monaten weiter.\"",
    fix: FixAvailability::Unsafe,
};

impl Rule for RepeatedSentence {
    fn meta(&self) -> &'static RuleMeta {
        &REPEATED_SENTENCE
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for r in &repeats(doc, &self.chrome).0 {
            if r.kind != RepeatKind::Sentence {
                continue;
            }
            // Delete the sentence with the space before it (or after it at
            // the start of a line).
            let before = doc.text[..r.range.start].trim_end_matches([' ', '\t']);
            let after = &doc.text[r.range.end..];
            let delete = if before.ends_with('\n') || before.is_empty() {
                r.range.start
                    ..r.range.end + (after.len() - after.trim_start_matches([' ', '\t']).len())
            } else {
                before.len()..r.range.end
            };
            out.push(
                self.diagnostic(
                    r.range.clone(),
                    format!("This sentence repeats one in line {}", r.first + 1),
                )
                .with_fix(Fix::unsafe_(vec![Edit::delete(delete)])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{check, fixed, flagged};

    fn line_rule() -> RepeatedLine {
        RepeatedLine {
            chrome: Arc::new(ChromeLines::new(&Settings::default()).unwrap()),
        }
    }

    fn sentence_rule() -> RepeatedSentence {
        RepeatedSentence {
            chrome: Arc::new(ChromeLines::new(&Settings::default()).unwrap()),
        }
    }

    #[test]
    fn doubled_words_are_flagged_and_fixed() {
        assert_eq!(
            flagged(
                &DoubledWord,
                "Das hängt mit mit dem Wetter zusammen und und wird besser."
            ),
            ["mit mit", "und und"]
        );
        assert_eq!(fixed(&DoubledWord, "Er ist ist müde."), "Er ist müde.");
        assert_eq!(
            fixed(&DoubledWord, "Die Sprecherin der der größten Partei."),
            "Die Sprecherin der größten Partei."
        );
        assert_eq!(
            flagged(
                &DoubledWord,
                "Er rechnet in den den kommenden Wochen mit Anfragen."
            ),
            ["den den"]
        );
        assert_eq!(
            flagged(&DoubledWord, "Der Präsident Präsident sprach in in Berlin."),
            ["Präsident Präsident", "in in"]
        );
    }

    #[test]
    fn grammatical_doubles_are_left_alone() {
        for text in [
            "Die Frau, die die Firma leitet, kam.",
            "Er sagt, dass das das Beste sei.",
            "Ist das das Ende?",
            "Es geschah zu einer Zeit, in der der Westen alarmiert war.",
            "Der Abgeordnete, der der Fraktion angehört, stimmte zu.",
            "Die die Stadt umgebenden Hügel sind bewaldet.",
            "Ein der der Regierung nahestehender Sender berichtete.",
            "Früher kaufte sie die Zeitung, heute lese sie sie auf dem Tablet.",
            "Gebt ihr ihr Geld zurück!",
            "Ja ja, das kennen wir.",
            "Der Urlaub auf Bora Bora war teuer.",
            "Mitarbeiter, die die Fabrik verlassen und die die Stadt verlassen.",
            "Das Geld, das das Studio verlangt, ist hoch.",
            "Ob es es schafft, ist offen.",
            "Niemand weiß, wer wer ist und was was kostet.",
        ] {
            assert!(check(&DoubledWord, text).is_empty(), "{text}");
        }
        // Not in a row: a comma, punctuation or a line break after a short
        // line (a title) between them.
        assert!(check(&DoubledWord, "Das, das du meinst. Er kam. Kam er?\nkam er").is_empty());
        assert!(check(&DoubledWord, "Neues aus Berlin\nBerlin wächst weiter.").is_empty());
    }

    #[test]
    fn doubled_words_across_a_wrapped_line_break() {
        let text = "Die Regierung will die Reform noch in\nin diesem Jahr beschließen.\n";
        assert_eq!(flagged(&DoubledWord, text), ["in\nin"]);
        assert_eq!(
            fixed(&DoubledWord, text),
            "Die Regierung will die Reform noch in\ndiesem Jahr beschließen.\n"
        );
    }

    #[test]
    fn a_caption_repeated_on_the_next_line_is_flagged() {
        let text = "Erster Absatz des Artikels.\n\nDer Kanzler bei seiner Rede in Berlin\nDer Kanzler bei seiner Rede in Berlin\n\nWeiter im Text.\n";
        let d = check(&line_rule(), text);
        assert_eq!(d.len(), 1);
        assert!(d[0].covers_line);
        assert_eq!(d[0].message, "This line repeats the line before");
        assert_eq!(
            fixed(&line_rule(), text),
            "Erster Absatz des Artikels.\n\nDer Kanzler bei seiner Rede in Berlin\n\nWeiter im Text.\n"
        );
        let once = fixed(&line_rule(), text);
        assert_eq!(fixed(&line_rule(), &once), once);
    }

    #[test]
    fn the_headline_repeated_at_the_end_is_flagged() {
        let text = "# Stadt plant neuen Bahnhof\n\nText des Artikels, der lang genug ist.\n\nStadt plant neuen Bahnhof\n";
        let d = check(&line_rule(), text);
        assert_eq!(d.len(), 1);
        assert_eq!(&text[d[0].range.clone()], "Stadt plant neuen Bahnhof");
        assert_eq!(d[0].message, "This line repeats line 1");
    }

    #[test]
    fn short_label_and_chrome_lines_may_repeat() {
        let hours = "Bürgerbüro Nord:\nMontag bis Freitag 8 bis 16 Uhr\n\nBürgerbüro Süd:\nMontag bis Freitag 8 bis 16 Uhr\n\nVorteile:\n- mehr Platz für alle Kinder\nNachteile:\n- höhere Kosten\n- mehr Platz für alle Kinder\n";
        assert!(check(&line_rule(), hours).is_empty());
        let text = "Frage: Wie geht es weiter?\nAntwort: Gut.\n\n***\n\n***\n\nFoto: picture alliance / dpa\n\nFoto: picture alliance / dpa\n\nFrage: Wie geht es weiter?\n\n- Ja\n- Ja\n\nRead more »\nRead more »\n\n| Jahr | Wert |\n| Jahr | Wert |\n\n## Fazit der Woche\n\nText.\n\n## Fazit der Woche\n";
        assert!(check(&line_rule(), text).is_empty());
    }

    #[test]
    fn a_repeated_sentence_inside_a_line_is_flagged() {
        let text = "Vor dem Besuch dankte der Präsident seinem Gastgeber herzlich.\n\nVor dem Besuch dankte der Präsident seinem Gastgeber herzlich. Dann reiste er weiter nach Hanoi.\n";
        assert_eq!(
            flagged(&sentence_rule(), text),
            ["Vor dem Besuch dankte der Präsident seinem Gastgeber herzlich."]
        );
        assert_eq!(
            fixed(&sentence_rule(), text),
            "Vor dem Besuch dankte der Präsident seinem Gastgeber herzlich.\n\nDann reiste er weiter nach Hanoi.\n"
        );
        let glued = "Die Preise steigen seit vielen Monaten weiter. Die Preise steigen seit vielen Monaten weiter.\n";
        assert_eq!(
            fixed(&sentence_rule(), glued),
            "Die Preise steigen seit vielen Monaten weiter.\n"
        );
        // The whole line repeated is the line rule's finding.
        assert!(check(
            &sentence_rule(),
            "Ein Satz mit genau sechs langen Wörtern.\nEin Satz mit genau sechs langen Wörtern.\n"
        )
        .is_empty());
    }

    #[test]
    fn a_title_repeated_with_a_full_stop_is_a_repeat() {
        let text =
            "Stadt plant neuen Bahnhof\n\nText des Artikels.\n\nStadt plant neuen  Bahnhof.\n";
        assert_eq!(flagged(&line_rule(), text), ["Stadt plant neuen  Bahnhof."]);
    }

    #[test]
    fn short_or_different_sentences_are_not_repeats() {
        let text = "Das ist richtig. Er kam. Das ist richtig. Die Preise steigen seit Monaten. Die Preise steigen seit Jahren.\n";
        assert!(check(&sentence_rule(), text).is_empty());
    }

    #[test]
    fn keys_fold_white_space_and_final_punctuation_only() {
        let same = [
            ("Der Kanzler kam", "Der  Kanzler\tkam"),
            ("Der Kanzler kam", "Der\u{a0}Kanzler\r\nkam\n"),
            (" Der Kanzler", "\u{a0}\tDer Kanzler"),
            ("Titel", "Titel!"),
            ("", "\t"),
        ];
        for (a, b) in same {
            assert_eq!(text_key(a), text_key(b), "{a:?} / {b:?}");
        }
        let different = [
            ("Der Kanzler", " Der Kanzler"),
            ("DerKanzler", "Der Kanzler"),
            ("Der Kanzler", "Der Kanzlerin"),
            ("ab", "ab\0"),
        ];
        for (a, b) in different {
            assert_ne!(text_key(a), text_key(b), "{a:?} / {b:?}");
        }
    }
}

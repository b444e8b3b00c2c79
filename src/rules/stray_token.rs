//! Stray tokens: pieces that do not belong to the German sentence around
//! them. Scraped teasers glue a title to its text (`HaushaltAm Freitag`), MT
//! keeps articles of the source language (`L 'Französische Zentralbank`), a
//! credit label sticks to the first sentence (`Quelle:Wie das Amt …`), and
//! share counters survive as lines of bare numbers (`4 87`).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use crate::config::{ConfigError, Settings};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::{Document, Token, TokenKind};
use crate::rule::{Context, FixAvailability, Rule, RuleMeta};
use crate::rules::lexicon::{
    self, has_inner_capital, is_apostrophe, is_word, looks_english, looks_german, Lang,
    WordEvidence,
};

pub fn rules(settings: &Settings) -> Result<Vec<Box<dyn Rule>>, ConfigError> {
    Ok(vec![
        Box::new(GluedWords::new(settings)),
        Box::new(GluedLabel),
        Box::new(ForeignFunctionWord),
        Box::new(NoiseLine),
    ])
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CamelCaseFile {
    words: Vec<String>,
    prefixes: Vec<String>,
    suffixes: Vec<String>,
}

/// The names with inner capitals from `rules/camelcase.toml`.
static CAMELCASE: LazyLock<CamelCaseFile> = LazyLock::new(|| {
    toml::from_str(include_str!("../../rules/camelcase.toml"))
        .expect("rules/camelcase.toml is valid")
});

/// Two words glued at a lower→upper case boundary: `werdenErklärte`, `HaushaltAm`.
pub struct GluedWords {
    /// Whole tokens or hyphen parts that are names (`iPhone`, `BioNTech`),
    /// from `rules/camelcase.toml`, `[stray-token] allow` and `words`.
    allow: HashSet<String>,
}

static GLUED_WORDS: RuleMeta = RuleMeta {
    id: "stray-token/glued-words",
    severity: Severity::Warning,
    summary: "Two words glued together at a capital letter, often two sentences",
    explanation: "When a page is scraped, a teaser title runs into its text and the end of one \
sentence into the start of the next, leaving a capital letter inside a word: `HaushaltAm`, \
`werdenErklärte`. Such a token is reported when the part before the capital is a German word and the \
part after it a capitalised word. Names written with inner capitals (`iPhone`, `BioNTech`, \
`McDonald's`, `DiCaprio`, `BaFin`, `LehrerInnen`) are left alone; add your own with \
`[stray-token] allow = [\"…\"]`. The fix splits the token with a space; it is unsafe because \
the right punctuation (full stop, colon, closing quote) is not known.\n\n\
Bad:  \"Der Senat billigte den HaushaltAm Freitag stimmt der Rat ab.\"\n\
Good: \"Der Senat billigte den Haushalt. Am Freitag stimmt der Rat ab.\"",
    fix: FixAvailability::Unsafe,
};

impl GluedWords {
    fn new(settings: &Settings) -> GluedWords {
        let allow = CAMELCASE
            .words
            .iter()
            .chain(&settings.file.stray_token.allow)
            .chain(settings.extra_words())
            .cloned()
            .collect();
        GluedWords { allow }
    }

    /// Whether `word` is a listed name, also with a genitive or plural `s`
    /// (`iPhones`, `BioNTechs`).
    fn allowed(&self, word: &str) -> bool {
        self.allow.contains(word)
            || word
                .strip_suffix('s')
                .is_some_and(|stem| self.allow.contains(stem))
    }

    /// Byte offset inside `part` where a second word starts, if `part` (a
    /// hyphen-free piece of a token) is two words glued together.
    /// `sentence_goes_on` tells whether a word follows the token, as the rest
    /// of a sentence that the second half starts.
    fn glue_point(&self, part: &str, sentence_goes_on: bool) -> Option<usize> {
        let mut boundaries = part
            .char_indices()
            .zip(part.chars().skip(1))
            .filter(|((_, a), b)| a.is_lowercase() && b.is_uppercase())
            .map(|((i, a), _)| i + a.len_utf8());
        let at = boundaries.next()?;
        if boundaries.next().is_some() || part.chars().any(|c| c.is_ascii_digit()) {
            return None; // `ProSiebenSat`, `G7Gipfel`: a name or a code
        }
        let (left, right) = part.split_at(at);
        let camel = &*CAMELCASE;
        if camel.prefixes.iter().any(|p| p == left)
            || camel
                .suffixes
                .iter()
                .any(|s| s == right && (right != "In" || is_person_noun(left)))
        {
            return None;
        }
        let right_is_word =
            right.chars().count() >= 2 && right.chars().skip(1).all(char::is_lowercase);
        let mut left_chars = left.chars();
        let left_first = left_chars.next()?;
        let left_len = left.chars().count();
        if !right_is_word || !left_chars.all(char::is_lowercase) || left_len < 2 {
            return None; // `NTech`, `GPT`; `BAföG`; `iPhone`, `eBay`
        }
        let glued = if left_first.is_lowercase() {
            // `werdenErklärte`, `abDanach`: a lower-case word cannot start a name.
            is_word(left)
        } else {
            // Two capitalised halves are also how brand names are built
            // (`BlackRock`, `KraussMaffei`): ask for a German function word
            // after the capital (`HaushaltAm`), or a long German word before it
            // and the rest of a sentence after the token, where names stand
            // in lists (`KraussMaffei, Siemens und MAN`).
            left_len >= 4
                && is_word(left)
                && (lexicon::FUNCTION_WORDS.is_german(right) || (left_len >= 6 && sentence_goes_on))
        };
        glued.then_some(at)
    }
}

/// Whether `stem` can take the gender suffix `In` (`KollegIn`, `LehrerIn`):
/// a capitalised noun of four or more letters with a person-noun ending.
/// After other words `In` starts a new sentence (`istIn der Stadt`).
fn is_person_noun(stem: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "er", "ent", "ant", "eur", "ist", "oge", "at", "arzt", "ärzt", "beamt", "kolleg",
    ];
    let lower = stem.to_lowercase();
    stem.starts_with(char::is_uppercase)
        && stem.chars().count() >= 4
        && ENDINGS.iter().any(|e| lower.ends_with(e))
}

impl Rule for GluedWords {
    fn meta(&self) -> &'static RuleMeta {
        &GLUED_WORDS
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let tokens = doc.tokens();
        let mut found: Vec<(usize, usize)> = Vec::new();
        // A token written the same way twice is a name, not an accident.
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let word = doc.token_text(t);
            if !has_inner_capital(word) {
                continue;
            }
            *seen.entry(word).or_default() += 1;
            if self.allowed(word) {
                continue;
            }
            // Hashtags and handles are CamelCase on purpose, and so are
            // dotted identifiers (`http.postBuffer`) and quoted ones.
            let before = i.checked_sub(1).map(|p| &tokens[p]);
            let after = tokens.get(i + 1);
            if before.is_some_and(|b| matches!(doc.token_text(b), "#" | "@" | "."))
                || (before.is_some_and(|b| b.kind == TokenKind::Quote)
                    && after.is_some_and(|a| a.kind == TokenKind::Quote))
            {
                continue;
            }
            // Only the last hyphen part: a part followed by a hyphen is the
            // first half of a compound (`BlackRock-Chef`), and glued sentences
            // never continue that way.
            let start = word.rfind(['-', '‑']).map_or(0, |p| {
                p + word[p..].chars().next().map_or(1, char::len_utf8)
            });
            let last = &word[start..];
            if self.allowed(last) {
                continue;
            }
            let part = last.split(is_apostrophe).next().unwrap_or(last);
            let goes_on = tokens
                .get(i + 1)
                .is_some_and(|s| s.kind == TokenKind::Space)
                && tokens.get(i + 2).is_some_and(|w| {
                    w.kind == TokenKind::Word
                        && !matches!(doc.token_text(w), "und" | "oder" | "sowie" | "bzw")
                });
            if let Some(at) = self.glue_point(part, goes_on) {
                found.push((i, t.range.start + start + at));
            }
        }
        for (i, at) in found {
            let t = &tokens[i];
            let word = doc.token_text(t);
            if seen[word] > 1 {
                continue;
            }
            let (left, right) = doc.text[t.range.start..t.range.end].split_at(at - t.range.start);
            out.push(
                self.diagnostic(
                    t.range.clone(),
                    format!("`{word}` looks like two words glued together: `{left} {right}`"),
                )
                .with_fix(Fix::unsafe_(vec![Edit::insert(at, " ")])),
            );
        }
    }
}

/// A label glued to the sentence after it at the start of a line:
/// `Quelle:Wie das Amt mitteilte …`.
pub struct GluedLabel;

static GLUED_LABEL: RuleMeta = RuleMeta {
    id: "stray-token/glued-label",
    severity: Severity::Warning,
    summary: "A label such as `Quelle:` or `Foto:` glued to the text at the start of a line",
    explanation: "Credit and cross-reference labels (`Quelle`, `Foto`, `Source`) lose their \
content when a page is scraped and end up glued to the next sentence. When a source label \
(`Quelle`, `Source`) is followed by a sentence, the label is what is left of a lost credit and the \
unsafe fix removes it (check whether a credit was lost). Otherwise (`Foto:dpa`, `Update:Die \
Gericht …`) the safe fix adds the missing space.\n\n\
Bad:  \"Quelle:Wie das Ministerium am Dienstag bestätigte, sinkt die Zahl.\"\n\
Good: \"Das teilte die Regierung am Montag mit.\"",
    fix: FixAvailability::Sometimes,
};

/// Source labels (`Quelle`, `Source`) before a sentence are what is left of
/// a credit line whose content was lost; other labels (`Update`, `Hinweis`,
/// `Foto` before a caption) belong to the text after them.
fn is_source_label(label: &str) -> bool {
    ["quelle", "quellen", "source", "sources"]
        .iter()
        .any(|l| label.eq_ignore_ascii_case(l))
}

impl Rule for GluedLabel {
    fn meta(&self) -> &'static RuleMeta {
        &GLUED_LABEL
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let tokens = doc.tokens();
        for (first, label) in tokens.iter().enumerate() {
            let [colon, next] = [first + 1, first + 2].map(|i| tokens.get(i));
            let (Some(colon), Some(next)) = (colon, next) else {
                break;
            };
            if label.kind != TokenKind::Word
                || doc.token_text(colon) != ":"
                || next.kind != TokenKind::Word
            {
                continue;
            }
            // The first word of its line, maybe after indentation.
            let at_line_start = match first {
                0 => true,
                1 => tokens[0].kind != TokenKind::Word,
                _ => {
                    tokens[first - 1].kind == TokenKind::Newline
                        || (tokens[first - 1].kind == TokenKind::Space
                            && tokens[first - 2].kind == TokenKind::Newline)
                }
            };
            if !at_line_start
                || doc.token_text(next).chars().count() < 2
                || !lexicon::is_label(doc.token_text(label))
            {
                continue;
            }
            let rest = &tokens[first + 2..];
            let rest = &rest[..rest
                .iter()
                .position(|t| t.kind == TokenKind::Newline)
                .unwrap_or(rest.len())];
            let words = rest.iter().filter(|t| t.kind == TokenKind::Word);
            let lower = words
                .clone()
                .filter(|t| doc.token_text(t).starts_with(char::is_lowercase))
                .count();
            let is_sentence = words.count() >= 4 && lower >= 2;
            let label_text = doc.token_text(label);
            let range = label.range.start..next.range.end;
            let d = if is_sentence && is_source_label(label_text) {
                self.diagnostic(
                    range,
                    format!("`{label_text}:` is glued to the sentence after it; the label is a leftover"),
                )
                .with_fix(Fix::unsafe_(vec![Edit::delete(label.range.start..colon.range.end)]))
            } else {
                self.diagnostic(range, format!("No space after `{label_text}:`"))
                    .with_fix(Fix::safe(vec![Edit::insert(colon.range.end, " ")]))
            };
            out.push(d);
        }
    }
}

/// An article or preposition of the source language left in the German
/// sentence: `L 'Französische`, `Gli Vereinigten`, `Universität of Oxford`.
pub struct ForeignFunctionWord;

static FOREIGN_FUNCTION_WORD: RuleMeta = RuleMeta {
    id: "stray-token/foreign-function-word",
    severity: Severity::Warning,
    summary: "An article, preposition or conjunction of the source language among German words",
    explanation:
        "MT from Italian, French, Spanish or English sometimes keeps a function word of the \
source: an elided article (`L'`, `dell'`), an article (`Gli`, `La`, `Los`), or `the`, `of`, \
`and` between German words. Names that keep their article (`La Repubblica`, `Le Monde`, `Los \
Angeles`, `Val d'Anniviers`) and titles (`„The Crown“`, `Bank of America`) are left alone, since \
the word after the article is not German. The unsafe fix removes a Romance article; `the`, `of` \
and `and` need a German word instead.\n\n\
Bad:  \"L 'Französische Zentralbank hob den Leitzins an.\"\n\
Good: \"Die französische Zentralbank hob den Leitzins an.\"",
    fix: FixAvailability::Sometimes,
};

/// The first hyphen part of a word: `Ola` in `Ola-Welle`.
fn first_part(word: &str) -> &str {
    word.split('-').next().unwrap_or(word)
}

/// Where the bytes are that apostrophes start with (`'`, `` ` ``, and the
/// lead bytes 0xC2, 0xCA, 0xE2 of `´`, `ʼ`, `’`), found in one pass over
/// the text and asked for words in text order: cheaper than testing every
/// byte of every word.
struct ApostropheBytes<'a> {
    ascii: std::iter::Peekable<memchr::Memchr2<'a>>,
    leads: std::iter::Peekable<memchr::Memchr3<'a>>,
}

impl<'a> ApostropheBytes<'a> {
    fn new(text: &'a str) -> ApostropheBytes<'a> {
        let bytes = text.as_bytes();
        ApostropheBytes {
            ascii: memchr::memchr2_iter(b'\'', b'`', bytes).peekable(),
            leads: memchr::memchr3_iter(0xc2, 0xca, 0xe2, bytes).peekable(),
        }
    }

    /// Whether one of the bytes lies in `range`; ranges come in text order.
    fn within(&mut self, range: &std::ops::Range<usize>) -> bool {
        fn first_in(
            at: &mut std::iter::Peekable<impl Iterator<Item = usize>>,
            range: &std::ops::Range<usize>,
        ) -> bool {
            while at.next_if(|&p| p < range.start).is_some() {}
            at.peek().is_some_and(|&p| p < range.end)
        }
        first_in(&mut self.ascii, range) || first_in(&mut self.leads, range)
    }
}

impl ForeignFunctionWord {
    /// An elided article before a German word, as one token (`l'Französische`)
    /// or spread over several (`L 'Französische`, `dell' Gemeinde`).
    /// Returns the range to delete and the German word after it.
    /// `may_have_apostrophe`: the word holds a byte an apostrophe starts
    /// with ([`ApostropheBytes`]).
    fn elision(
        doc: &Document,
        i: usize,
        may_have_apostrophe: bool,
    ) -> Option<(std::ops::Range<usize>, &str)> {
        let tokens = doc.tokens();
        let t = &tokens[i];
        let word = doc.token_text(t);
        let fw = &*lexicon::FUNCTION_WORDS;
        let split = may_have_apostrophe
            .then(|| word.split_once(is_apostrophe))
            .flatten();
        if let Some((head, tail)) = split {
            let apostrophe = word[head.len()..].chars().next()?.len_utf8();
            return fw
                .is_elision(head)
                .then(|| (t.range.start..t.range.start + head.len() + apostrophe, tail));
        }
        // A word of its own: not `'N' ist` or `'all' gesetzt` (quoted
        // letters and words) nor `-l` (an option).
        let standalone =
            i == 0 || matches!(tokens[i - 1].kind, TokenKind::Space | TokenKind::Newline);
        if !standalone {
            return None;
        }
        let skip_space = |j: usize| {
            if tokens.get(j).is_some_and(|t| t.kind == TokenKind::Space) {
                j + 1
            } else {
                j
            }
        };
        let j = skip_space(i + 1);
        let quote = tokens.get(j)?;
        // The word is looked up last: an apostrophe after it is rare.
        if quote.kind != TokenKind::Quote
            || !doc.token_text(quote).chars().all(is_apostrophe)
            || !fw.is_elision(word)
        {
            return None;
        }
        let next = tokens
            .get(skip_space(j + 1))
            .filter(|n| n.kind == TokenKind::Word)?;
        Some((t.range.start..next.range.start, doc.token_text(next)))
    }

    /// Index of the word after token `i` if only a plain space separates them.
    fn next_word(doc: &Document, i: usize) -> Option<usize> {
        let tokens = doc.tokens();
        let space = tokens.get(i + 1)?;
        let next = tokens.get(i + 2)?;
        (space.kind == TokenKind::Space && next.kind == TokenKind::Word).then_some(i + 2)
    }

    fn prev_word(doc: &Document, i: usize) -> Option<&Token> {
        let tokens = doc.tokens();
        let space = tokens.get(i.checked_sub(1)?)?;
        let prev = tokens.get(i.checked_sub(2)?)?;
        (space.kind == TokenKind::Space && prev.kind == TokenKind::Word).then_some(prev)
    }

    /// A title in quotes (`„The Crown“`) is not a stray word.
    fn opens_quote(doc: &Document, i: usize) -> bool {
        i > 0 && doc.tokens()[i - 1].kind == TokenKind::Quote
    }
}

impl Rule for ForeignFunctionWord {
    fn meta(&self) -> &'static RuleMeta {
        &FOREIGN_FUNCTION_WORD
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let fw = &*lexicon::FUNCTION_WORDS;
        let tokens = doc.tokens();
        let mut apostrophes = ApostropheBytes::new(&doc.text);
        let mut skip_until = 0;
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Word || t.range.start < skip_until {
                continue;
            }
            let word = doc.token_text(t);
            let is_name = || fw.starts_with_romance_name(&doc.text[t.range.start..]);
            let may_have_apostrophe = apostrophes.within(&t.range);
            if let Some((range, next)) = Self::elision(doc, i, may_have_apostrophe) {
                // After a capitalised word the elision belongs to a name
                // (`Val d'Anniviers`, `Banca d'Italia`), so the next word
                // must look German beyond doubt there.
                let after_name = Self::prev_word(doc, i)
                    .is_some_and(|p| doc.token_text(p).starts_with(char::is_uppercase));
                let next = first_part(next);
                // An article stands before a noun or adjective, never before
                // a function word (`'d' von`, `'c' und`).
                let german =
                    !fw.is_german(next) && (looks_german(next) || (!after_name && is_word(next)));
                if german && !is_name() {
                    skip_until = range.end;
                    out.push(
                        self.diagnostic(
                            range.clone(),
                            format!(
                                "`{}` is an elided article of the source language before `{next}`",
                                doc.text[range.clone()].trim_end()
                            ),
                        )
                        .with_fix(Fix::unsafe_(vec![Edit::delete(range)])),
                    );
                }
                continue;
            }
            if Self::opens_quote(doc, i) {
                continue;
            }
            if fw.is_romance_article(word) {
                let Some(n) = Self::next_word(doc, i) else {
                    continue;
                };
                let next = doc.token_text(&tokens[n]);
                if looks_german(first_part(next)) && !is_name() {
                    out.push(
                        self.diagnostic(
                            t.range.clone(),
                            format!(
                                "`{word}` is an article of the source language before `{next}`"
                            ),
                        )
                        .with_fix(Fix::unsafe_(vec![Edit::delete(
                            t.range.start..tokens[n].range.start,
                        )])),
                    );
                }
                continue;
            }
            if !is_english_link(word) {
                continue;
            }
            // A run of them (`of the`) between two German words; `the`
            // needs a German word after it, `of` and `and` one on either side.
            let mut last = i;
            let mut n = Self::next_word(doc, i);
            while let Some(j) = n.filter(|&j| is_english_link(doc.token_text(&tokens[j]))) {
                last = j;
                n = Self::next_word(doc, j);
            }
            let links = !doc.token_text(&tokens[last]).eq_ignore_ascii_case("the");
            skip_until = tokens[last].range.end;
            let Some(next) = n.map(|n| doc.token_text(&tokens[n])) else {
                continue;
            };
            let prev = Self::prev_word(doc, i).map(|p| doc.token_text(p));
            let english_prev = prev.is_some_and(|p| {
                matches!(fw.evidence(p), WordEvidence::Foreign(l) if l.contains(Lang::English))
                    || (looks_english(p) && !looks_german(p))
            });
            if english_prev || looks_english(next) {
                continue; // `Bank of America`, `the Wehrmacht` in English text
            }
            let german_prev = prev.is_some_and(|p| looks_german(first_part(p)));
            if looks_german(first_part(next)) || (links && german_prev) {
                let range = t.range.start..tokens[last].range.end;
                out.push(self.diagnostic(
                    range.clone(),
                    format!("English `{}` inside a German sentence", &doc.text[range]),
                ));
            }
        }
    }
}

/// English words MT leaves between German ones: `the`, `of`, `and`.
fn is_english_link(word: &str) -> bool {
    ["the", "of", "and"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// A line of bare numbers: share and like counters (`4 87`).
pub struct NoiseLine;

static NOISE_LINE: RuleMeta = RuleMeta {
    id: "stray-token/noise-line",
    severity: Severity::Warning,
    summary: "A line of bare numbers left over from page widgets",
    explanation: "Share, like and comment counters survive scraping as lines of numbers with no \
words. Dates, times, years and list numbers alone on a line are left alone, and so are codes with \
letters (`T24`), which the boilerplate rules judge. The unsafe fix deletes the line.\n\n\
Bad:  \"Überschrift\\n\\n4 87\\n\\nText\"\nGood: \"Überschrift\\n\\nText\"",
    fix: FixAvailability::Unsafe,
};

/// Whether the letterless tokens of a line are a date, time, year or list
/// number: `12.09.2023`, `2023`, `10:30`, `1.`, `3)`.
fn is_date_or_marker(doc: &Document, tokens: &[Token]) -> bool {
    let numbers: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Number)
        .map(|t| doc.token_text(t))
        .collect();
    let puncts = || {
        tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Punct)
            .map(|t| doc.token_text(t))
    };
    let only_date_punct = puncts().all(|p| matches!(p, "." | "," | "-" | "/" | "–" | ":"));
    let year = |n: &str| n.len() == 4 && (n.starts_with("19") || n.starts_with("20"));
    let dotted = |n: &str| {
        n.contains(':') || (n.contains('.') && n.split('.').all(|p| p.len() <= 4 && !p.is_empty()))
    };
    match numbers.as_slice() {
        [n] => {
            let marker = puncts().all(|p| matches!(p, "." | ")"));
            (marker && n.len() <= 3 && tokens.iter().any(|t| t.kind == TokenKind::Punct))
                || ((year(n) || dotted(n)) && only_date_punct)
        }
        [..] => {
            only_date_punct
                && numbers.len() <= 4
                && numbers.iter().all(|n| dotted(n) || year(n) || n.len() <= 2)
                && puncts().next().is_some()
        }
    }
}

impl Rule for NoiseLine {
    fn meta(&self) -> &'static RuleMeta {
        &NOISE_LINE
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let tokens = doc.tokens();
        for (n, line) in doc.lines().iter().enumerate() {
            // No letter at all (so no word, code, URL or address), but digits.
            let text = doc.line_text(n);
            if text.chars().any(char::is_alphabetic) || !text.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            let content = line.content.clone();
            let Some(first) = doc.token_index_at(content.start) else {
                continue;
            };
            let end = tokens[first..]
                .iter()
                .position(|t| t.range.start >= content.end)
                .map_or(tokens.len(), |p| first + p);
            let text = text.trim();
            if text.starts_with('|') || is_date_or_marker(doc, &tokens[first..end]) {
                continue;
            }
            out.push(
                self.diagnostic(content, format!("Line `{text}` holds only numbers"))
                    .with_fix(Fix::unsafe_(vec![Edit::delete(line.full.clone())]))
                    .covering_line(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{check, fixed, flagged};

    fn glued() -> GluedWords {
        GluedWords::new(&Settings::default())
    }

    #[test]
    fn glued_sentences_are_found() {
        let text =
            "Der Senat billigte den HaushaltAm Freitag stimmt der Rat ab. Das dürfte schwer \
werdenErklärte die Ministerin. Die Bahn sagt den Streik abDanach fahren alle Züge. Wer der Favorit \
istSpaniens Trainer bleibt ruhig. Sorge der VermieterBremst das Gesetz den Bau? Neue Chefin der \
EU-AußenpolitikMaria Berg tritt an.";
        assert_eq!(
            flagged(&glued(), text),
            [
                "HaushaltAm",
                "werdenErklärte",
                "abDanach",
                "istSpaniens",
                "VermieterBremst",
                "EU-AußenpolitikMaria"
            ]
        );
    }

    #[test]
    fn the_split_is_an_unsafe_fix() {
        let rule = glued();
        assert_eq!(
            fixed(&rule, "Das wird schwer werdenErklärte sie."),
            "Das wird schwer werden Erklärte sie."
        );
        assert_eq!(
            fixed(&rule, "Chefin der EU-AußenpolitikMaria Berg kommt."),
            "Chefin der EU-Außenpolitik Maria Berg kommt."
        );
        let once = fixed(&rule, "Er kürzt den EtatIm Mai.");
        assert_eq!(once, "Er kürzt den Etat Im Mai.");
        assert_eq!(fixed(&rule, &once), once);
    }

    #[test]
    fn camel_case_names_are_not_glued_words() {
        let text = "Mit dem iPhone auf YouTube und TikTok, bei eBay und PayPal: BioNTech, \
McDonald's, McKinsey, DiCaprio, LaGuardia, DeSantis, MacArthur, BaFin, AfD, GmbH, KfW, BAföG, \
ProSieben, ProSiebenSat.1, LinkedIn, WhatsApp, OpenAI, ChatGPT, SpaceX, FedEx, BlackRock, \
SoftBank, MediaMarkt, GameStop, WordPress, die LehrerInnen und StudentInnen, der \
ThyssenKrupp-Konzern, die BahnCard-Kunden, #FridaysForFuture und @SkyNews.";
        assert!(
            flagged(&glued(), text).is_empty(),
            "{:?}",
            flagged(&glued(), text)
        );
    }

    #[test]
    fn capitalised_halves_in_lists_are_names() {
        let text = "Kunden von KulturHalle, StadtwerkeNetz und KunstHalle.";
        assert!(flagged(&glued(), text).is_empty());
        assert_eq!(
            flagged(&glued(), "Vorher KulturHalle Tickets."),
            ["KulturHalle"]
        );
    }

    #[test]
    fn acronyms_with_words_are_not_glued() {
        let text = "Die EU-Kommission, die US-Regierung, ZDFneo, mRNA, kWh, iOS und macOS. \
Setzen Sie http.postBuffer höher oder „nextUpdate“ neu.";
        assert!(flagged(&glued(), text).is_empty());
    }

    #[test]
    fn gender_suffix_in_only_after_person_nouns() {
        assert!(flagged(
            &glued(),
            "Die KollegIn und die LehrerIn kamen, auch iPhones."
        )
        .is_empty());
        assert_eq!(
            flagged(&glued(), "Was dort los istIn der Stadt."),
            ["istIn"]
        );
    }

    #[test]
    fn repeated_camel_case_is_a_name() {
        let text = "Die HeimatWerker bauen. Später kamen die HeimatWerker wieder. Kunden von \
KulturHalle, Museen und KulturHalle Tickets.";
        assert!(flagged(&glued(), text).is_empty());
    }

    #[test]
    fn configured_names_are_allowed() {
        let mut settings = Settings::default();
        settings.file.stray_token.allow = vec!["KulturHalle".into()];
        let rule = GluedWords::new(&settings);
        assert!(flagged(&rule, "Die KulturHalle öffnet.").is_empty());
        assert_eq!(
            flagged(&glued(), "Die KulturHalle öffnet."),
            ["KulturHalle"]
        );
    }

    #[test]
    fn glued_label_before_a_sentence_is_removed() {
        let text = "Titel\nQuelle:Wie das Amt am Dienstag bestätigte, sinkt die Zahl.\n";
        assert_eq!(flagged(&GluedLabel, text), ["Quelle:Wie"]);
        let out = fixed(&GluedLabel, text);
        assert_eq!(
            out,
            "Titel\nWie das Amt am Dienstag bestätigte, sinkt die Zahl.\n"
        );
        assert_eq!(fixed(&GluedLabel, &out), out);
    }

    #[test]
    fn other_glued_labels_get_a_space() {
        assert_eq!(fixed(&GluedLabel, "Foto:AFP\n"), "Foto: AFP\n");
        assert_eq!(fixed(&GluedLabel, "Foto: AFP\n"), "Foto: AFP\n");
        assert_eq!(
            fixed(
                &GluedLabel,
                "Hinweis:Die Zahlen wurden am Abend korrigiert.\n"
            ),
            "Hinweis: Die Zahlen wurden am Abend korrigiert.\n"
        );
        assert_eq!(
            fixed(&GluedLabel, "Bild:Anna Berg bei der Ankunft in Genf\n"),
            "Bild: Anna Berg bei der Ankunft in Genf\n"
        );
    }

    #[test]
    fn labels_with_space_or_elsewhere_are_fine() {
        for text in [
            "Quelle: Das teilte die Regierung mit.\n",
            "Die Quelle:Wasser ist hier kein Thema.\n",
            "Berlin:Die Regierung sagt es.\n",
            "Foto: dpa\n",
            "Stand:10:30 Uhr\n",
        ] {
            assert!(check(&GluedLabel, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn elided_articles_before_german_words() {
        let text = "L 'Französische Zentralbank hob den Zins. Er nannte l'Italienische Regierung \
und dell' Regierung. L'Abkommen gilt, sagt nell' Parlament.";
        assert_eq!(
            flagged(&ForeignFunctionWord, text),
            ["L '", "l'", "dell' ", "L'", "nell' "]
        );
        let once = fixed(
            &ForeignFunctionWord,
            "L 'Französische Zentralbank hob den Zins.",
        );
        assert_eq!(once, "Französische Zentralbank hob den Zins.");
        assert_eq!(fixed(&ForeignFunctionWord, &once), once);
    }

    #[test]
    fn romance_articles_before_german_words() {
        assert_eq!(
            flagged(
                &ForeignFunctionWord,
                "Gli Vereinigten Staaten und La Regierung sagten nein."
            ),
            ["Gli", "La"]
        );
        assert_eq!(
            fixed(&ForeignFunctionWord, "Sie trafen La Regierung."),
            "Sie trafen Regierung."
        );
    }

    #[test]
    fn english_the_and_of_in_german_sentences() {
        assert_eq!(
            flagged(
                &ForeignFunctionWord,
                "Er sprach mit the Regierung. Er studierte an der Universität of Oxford. Die \
Vertreter of the Europäischen Union kamen. Forschung and Entwicklung wachsen."
            ),
            ["the", "of", "of the", "and"]
        );
    }

    #[test]
    fn names_and_titles_keep_their_articles() {
        for text in [
            "Das schreibt La Repubblica, und Le Monde und El País berichten aus Los Angeles.",
            "Der Corriere della Sera und Il Sole 24 Ore berichten über L'Oréal in L'Aquila.",
            "Die Serie „The Crown“ läuft, ebenso „The Länd“ als Kampagne.",
            "Die Bank of America und die Bank of England, The Guardian und die New York Times.",
            "Er liest The Art of the Deal und sah Game of Thrones.",
            "Die Firmen Johnson and Johnson und Marks and Spencer, Pride and Prejudice.",
            "Des Weiteren gilt: Du schaffst das. Die La-Ola-Welle rollte.",
            "Wie geht's? So 'ne Sache. Das war's.",
            "Die Option 'N' ist nur mit 'd' und 'c' sinnvoll, 'all' gesetzt.",
            "Der Buchstabe l ' und der Wert d' von vorhin.",
            "Die Regierung in La Paz und Le Pen in Frankreich.",
            "Im Val d'Anniviers, an der Côte d'Azur und bei der Banca d'Italia.",
            "Er gab eine Tour d'Horizon über Jeanne d'Arc.",
        ] {
            assert!(
                check(&ForeignFunctionWord, text).is_empty(),
                "{text}: {:?}",
                flagged(&ForeignFunctionWord, text)
            );
        }
    }

    #[test]
    fn number_lines_are_noise() {
        let text = "Titel\n\n4 87\n\nText mit 5 Zahlen.\n👍 12 💬 3\n";
        assert_eq!(flagged(&NoiseLine, text), ["4 87", "👍 12 💬 3"]);
        let d = check(&NoiseLine, text);
        assert!(d.iter().all(|d| d.covers_line));
        assert_eq!(fixed(&NoiseLine, "A\n4 87\nB\n"), "A\nB\n");
        assert_eq!(fixed(&NoiseLine, "A\r\n4 87\r\nB"), "A\r\nB");
    }

    #[test]
    fn dates_years_markers_and_codes_are_not_noise() {
        for text in [
            "12.09.2023\n",
            "12.09.2023, 14:30\n",
            "2023\n",
            "10:30\n",
            "1.\n",
            "3)\n",
            "T24\n",
            "0 Kommentare\n",
            "Am 5. Mai 2023 kam er.\n",
            "| 1 | 2 |\n",
            "***\n",
        ] {
            assert!(check(&NoiseLine, text).is_empty(), "{text}");
        }
    }
}

//! The document model: a text analysed once — lines, tokens, sentences,
//! paragraphs, locale — and shared read-only by every rule.

mod bytes;
mod lines;
mod links;
mod markdown;
mod quotes;
mod tokens;

use std::any::Any;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

pub use bytes::byte_positions;
pub use lines::{Line, LineIndex, Position};
pub use quotes::{QuoteLevel, QuoteMark, QuotePair, QuoteRole, QuoteStyle};
pub use tokens::{is_horizontal_space, is_quote_char, tokenize, Token, TokenKind};

use crate::locale::{self, Locale, LocaleDecision, LocaleSetting};

/// What kind of file the text came from; Markdown has parts that are not prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    PlainText,
    Markdown,
}

impl DocumentKind {
    pub fn from_path(path: &str) -> DocumentKind {
        let lower = path.to_ascii_lowercase();
        if [".md", ".markdown", ".mdown", ".mkd"]
            .iter()
            .any(|ext| lower.ends_with(ext))
        {
            DocumentKind::Markdown
        } else {
            DocumentKind::PlainText
        }
    }
}

#[derive(Debug)]
pub struct Document {
    pub text: String,
    pub kind: DocumentKind,
    pub locale: LocaleDecision,
    index: LineIndex,
    tokens: Vec<Token>,
    paragraphs: Vec<Range<usize>>,
    sentences: Vec<Range<usize>>,
    /// Where the prose is in a Markdown file; `None` means all of the text is.
    markdown: Option<markdown::Layout>,
    /// Quotation marks, paired on first use (see [`Document::quotes`]).
    quotes: OnceLock<Vec<QuoteMark>>,
    /// Results that several rules derive from the document in the same way,
    /// one per type (see [`Document::shared`]).
    shared: Mutex<Vec<Arc<dyn Any + Send + Sync>>>,
}

impl Document {
    pub fn new(text: String, kind: DocumentKind, locale: LocaleSetting) -> Document {
        let index = LineIndex::new(&text);
        let tokens = tokenize(&text);
        let markdown = match kind {
            DocumentKind::PlainText => None,
            DocumentKind::Markdown => Some(markdown::layout(&text)),
        };
        let paragraphs = paragraphs(&text, &index);
        let sentences = sentences(&text, &tokens, &paragraphs);
        let locale = match locale {
            LocaleSetting::Fixed(locale) => LocaleDecision {
                locale,
                reason: "set by configuration".into(),
            },
            LocaleSetting::Auto => locale::detect(
                &text,
                tokens
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .map(|t| &text[t.range.clone()]),
            ),
        };
        Document {
            text,
            kind,
            locale,
            index,
            tokens,
            paragraphs,
            sentences,
            markdown,
            quotes: OnceLock::new(),
            shared: Mutex::new(Vec::new()),
        }
    }

    /// The analysis of type `T` that `make` derives from this document,
    /// made on first use and shared by every later caller: two rules that
    /// report different parts of one analysis (repeated lines and repeated
    /// sentences) run it once. The type is the key, so `make` must give
    /// the same result for every caller; a rule's settings belong in the
    /// type only when every caller has the same.
    pub fn shared<T: Any + Send + Sync>(&self, make: impl FnOnce(&Document) -> T) -> Arc<T> {
        let find = |all: &[Arc<dyn Any + Send + Sync>]| {
            all.iter().find_map(|a| Arc::clone(a).downcast::<T>().ok())
        };
        if let Some(found) = find(&self.shared.lock().expect("not poisoned")) {
            return found;
        }
        let made = Arc::new(make(self));
        self.shared
            .lock()
            .expect("not poisoned")
            .push(Arc::clone(&made) as Arc<dyn Any + Send + Sync>);
        made
    }

    /// A plain-text document with a fixed locale, for tests.
    pub fn plain(text: &str, locale: Locale) -> Document {
        Document::new(
            text.to_string(),
            DocumentKind::PlainText,
            LocaleSetting::Fixed(locale),
        )
    }

    pub fn locale(&self) -> Locale {
        self.locale.locale
    }

    pub fn lines(&self) -> &[Line] {
        self.index.lines()
    }

    pub fn line_text(&self, line: usize) -> &str {
        &self.text[self.index.lines()[line].content.clone()]
    }

    pub fn is_blank_line(&self, line: usize) -> bool {
        self.line_text(line).chars().all(char::is_whitespace)
    }

    /// 0-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.index.line_number(offset)
    }

    pub fn position(&self, offset: usize) -> Position {
        self.index.position(&self.text, offset)
    }

    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    pub fn token_text(&self, token: &Token) -> &str {
        &self.text[token.range.clone()]
    }

    /// Index of the token that starts at or holds `offset`.
    pub fn token_index_at(&self, offset: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.range.end <= offset);
        (i < self.tokens.len()).then_some(i)
    }

    /// Words with their byte ranges.
    pub fn words(&self) -> impl Iterator<Item = (&str, Range<usize>)> + '_ {
        self.tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| (&self.text[t.range.clone()], t.range.clone()))
    }

    /// The nearest token before index `i` that is not white space.
    pub fn prev_non_space(&self, i: usize) -> Option<&Token> {
        self.tokens[..i]
            .iter()
            .rev()
            .find(|t| t.kind != TokenKind::Space)
    }

    /// The nearest token after index `i` that is not horizontal white space.
    pub fn next_non_space(&self, i: usize) -> Option<&Token> {
        self.tokens
            .get(i + 1..)?
            .iter()
            .find(|t| t.kind != TokenKind::Space)
    }

    pub fn paragraphs(&self) -> &[Range<usize>] {
        &self.paragraphs
    }

    pub fn sentences(&self) -> &[Range<usize>] {
        &self.sentences
    }

    /// The sentence holding `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<Range<usize>> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        self.sentences.get(i).filter(|s| s.start <= offset).cloned()
    }

    /// Whether `range` lies wholly in prose (always true for plain text).
    /// White space between Markdown blocks counts as prose, so blank-line
    /// runs are checked, except inside code blocks and front matter.
    pub fn is_prose(&self, range: &Range<usize>) -> bool {
        let Some(md) = &self.markdown else {
            return true;
        };
        let i = md.prose.partition_point(|p| p.end < range.end);
        if md
            .prose
            .get(i)
            .is_some_and(|p| p.start <= range.start && range.end <= p.end)
        {
            return true;
        }
        self.text[range.clone()].chars().all(char::is_whitespace)
            && !md
                .code_blocks
                .iter()
                .any(|c| c.start < range.end.max(range.start + 1) && range.start < c.end)
    }

    /// Whether a line holds prose at all (Markdown code blocks and front
    /// matter do not).
    pub fn line_is_prose(&self, line: usize) -> bool {
        match &self.markdown {
            None => true,
            Some(md) => {
                let prose = &md.prose;
                let content = &self.lines()[line].content;
                let i = prose.partition_point(|p| p.end <= content.start);
                prose
                    .get(i)
                    .is_some_and(|p| p.start < content.end.max(content.start + 1))
            }
        }
    }
}

fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// Paragraphs are blocks between blank lines. Scraped articles often put one
/// paragraph on each line with no blank line between; such "unwrapped" text
/// (long lines) gets one paragraph per line.
fn paragraphs(text: &str, index: &LineIndex) -> Vec<Range<usize>> {
    let lines = index.lines();
    let long_lines = lines.iter().filter(|l| l.content.len() > 160).count();
    let unwrapped = long_lines * 4 >= lines.len().max(1) || long_lines >= 3;
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for line in lines {
        let content = &text[line.content.clone()];
        if is_blank(content) {
            out.extend(current.take());
            continue;
        }
        match current.as_mut() {
            Some(p) if !unwrapped => p.end = line.content.end,
            _ => {
                out.extend(current.take());
                current = Some(line.content.clone());
            }
        }
    }
    out.extend(current);
    out
}

/// Whether a word followed by a full stop is a known abbreviation (`Dr`, `z`).
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "z", "B", "d", "h", "u", "a", "o", "ä", "s", "Nr", "Dr", "Prof", "St", "bzw", "ca", "vgl",
    "ggf", "Mio", "Mrd", "Tsd", "Hr", "Fr", "Abs", "Art", "Bd", "Jh", "Jhd", "evtl", "inkl",
    "exkl", "zzgl", "Str", "Tel", "geb", "gest", "sog", "bspw", "max", "min", "Mr", "Mrs", "Ms",
    "Dipl", "Ing", "Gen", "Lt", "Kap", "Co", "v", "Chr", "n",
];

/// Sentence ends: `.`, `!`, `?`, `…` followed (after closing quotes and
/// brackets) by white space and an upper-case letter, a digit or an opening
/// quote — unless the full stop ends an abbreviation or an ordinal number.
/// Paragraph ends always end a sentence.
fn sentences(text: &str, tokens: &[Token], paragraphs: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut ti = 0;
    for para in paragraphs {
        while ti < tokens.len() && tokens[ti].range.end <= para.start {
            ti += 1;
        }
        let mut start = None::<usize>;
        let mut i = ti;
        // The paragraph's tokens end at `stop`; between sentence ends only
        // the first non-space token and end punctuation matter, found by
        // tight scans instead of testing both on every token.
        let stop = i + tokens[i..].partition_point(|t| t.range.start < para.end);
        while i < stop {
            if start.is_none() {
                let Some(k) = tokens[i..stop]
                    .iter()
                    .position(|t| !matches!(t.kind, TokenKind::Space | TokenKind::Newline))
                else {
                    i = stop;
                    break;
                };
                i += k;
                start = Some(tokens[i].range.start);
            }
            let Some(k) = tokens[i..stop].iter().position(|t| {
                t.kind == TokenKind::Punct
                    && matches!(&text[t.range.clone()], "." | "!" | "?" | "…")
            }) else {
                i = stop;
                break;
            };
            i += k;
            let tok = &tokens[i];
            let mut j = i + 1;
            while j < tokens.len()
                && (tokens[j].kind == TokenKind::Quote
                    || matches!(&text[tokens[j].range.clone()], ")" | "]" | "." | "!" | "?"))
            {
                j += 1;
            }
            let followed_by_space = tokens
                .get(j)
                .is_some_and(|t| matches!(t.kind, TokenKind::Space | TokenKind::Newline));
            let next_starts_sentence = || {
                tokens.get(j + 1).is_some_and(|t| {
                    let n = &text[t.range.clone()];
                    n.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                        || t.kind == TokenKind::Quote
                })
            };
            let abbreviation = || {
                &text[tok.range.clone()] == "."
                    && i.checked_sub(1).map(|p| &tokens[p]).is_some_and(|p| {
                        (p.kind == TokenKind::Word
                            && ABBREVIATIONS.contains(&&text[p.range.clone()]))
                            || p.kind == TokenKind::Number
                    })
            };
            if followed_by_space && next_starts_sentence() && !abbreviation() {
                if let Some(st) = start.take() {
                    out.push(st..tokens[j - 1].range.end);
                }
                i = j;
                continue;
            }
            i += 1;
        }
        if let Some(st) = start {
            let end = para.end.max(st);
            out.push(st..end);
        }
        ti = i;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_texts(text: &str) -> Vec<String> {
        let doc = Document::plain(text, Locale::DeDe);
        doc.sentences()
            .iter()
            .map(|r| text[r.clone()].to_string())
            .collect()
    }

    #[test]
    fn sentences_respect_abbreviations_and_ordinals() {
        assert_eq!(
            sentence_texts(
                "Er kam am 4. September, z. B. mit Dr. Weber. Dann ging er! „Gut“, sagte sie."
            ),
            [
                "Er kam am 4. September, z. B. mit Dr. Weber.",
                "Dann ging er!",
                "„Gut“, sagte sie."
            ]
        );
    }

    #[test]
    fn closing_quote_belongs_to_the_sentence() {
        assert_eq!(
            sentence_texts("Er sagte: „Wir kommen.“ Danach ging er."),
            ["Er sagte: „Wir kommen.“", "Danach ging er."]
        );
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        let doc = Document::plain(
            "Titel\n\nErster Satz\nweiter.\n\n\nZweiter.\n",
            Locale::DeDe,
        );
        let texts: Vec<_> = doc
            .paragraphs()
            .iter()
            .map(|r| &doc.text[r.clone()])
            .collect();
        assert_eq!(texts, ["Titel", "Erster Satz\nweiter.", "Zweiter."]);
    }

    #[test]
    fn long_lines_are_paragraphs_of_their_own() {
        let long = "Wort ".repeat(40);
        let text = format!("{long}\n{long}\n{long}\n");
        let doc = Document::plain(&text, Locale::DeDe);
        assert_eq!(doc.paragraphs().len(), 3);
    }

    #[test]
    fn token_lookup_by_offset() {
        let doc = Document::plain("Hallo Welt", Locale::DeDe);
        let i = doc.token_index_at(7).unwrap();
        assert_eq!(doc.token_text(&doc.tokens()[i]), "Welt");
    }
}

//! Quotation marks, paired once per document so that every quote rule reads
//! the same decision.
//!
//! Every quotation-mark character in prose becomes a [`QuoteMark`] with a
//! role (opening, closing, apostrophe, neither) and, for quotes, the index of
//! its partner. Glyphs decide little on their own: `“` closes a German
//! quotation but opens an English one, `"` does both, `'` is mostly an
//! apostrophe. The role comes from the neighbours (a mark after white space
//! and before a letter opens, one after a letter and before white space or
//! punctuation closes — the "flanking" test known from Markdown) and from
//! what is open at that moment, paragraph by paragraph:
//!
//! - a closing double mark pairs with the nearest open double mark; single
//!   marks opened inside and never closed were apostrophes after all;
//! - a `“` or `”` while a double quotation is open closes it (`„…“`, `"…“`);
//!   with nothing open it opens an English quotation when it stands before a
//!   word;
//! - `"` and `'` right after a digit are inches, feet, seconds (`12"`, `5'`)
//!   unless a quotation of that kind is open;
//! - `'` between letters, before a digit (`'90er`) or before an elided
//!   article (`'s`, `'ne`) is an apostrophe; a single mark that never finds a
//!   partner is not reported as a quote at all (`L 'Japanische` is a stray
//!   token, not a quotation);
//! - the last character of mojibake (`â€œ`, `â€“`) is no quotation mark;
//! - a quotation still open at a paragraph end is fine when the next
//!   paragraph starts by reopening it (the German convention for quotes that
//!   run over several paragraphs); otherwise a closing mark in the next
//!   paragraph may still close it.

use std::ops::Range;

use super::{Document, TokenKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteLevel {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteRole {
    Open,
    Close,
    Apostrophe,
    /// Not a quotation mark here: inches and minutes, a stray symbol
    /// (`Read more »`), a single mark without a partner.
    Other,
}

/// Which convention a mark belongs to, given its glyph and role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteStyle {
    /// `„…“` and `‚…‘`.
    German,
    /// `»…«` and `›…‹`, pointing inwards.
    Guillemets,
    /// `«…»` and `‹…›`, pointing outwards (Swiss, French).
    Swiss,
    /// `“…”` and `‘…’`.
    English,
    /// `"…"`, `'…'` and typewriter stand-ins (`''`, ``` `` ```, `´`).
    Straight,
    /// A glyph no convention uses in that role (`”` opening, `„` closing).
    Odd,
}

impl QuoteStyle {
    /// The opening and closing marks of a style at a level; `None` for the
    /// styles that are never a fix target.
    pub fn marks(self, level: QuoteLevel) -> Option<(&'static str, &'static str)> {
        Some(match (self, level) {
            (QuoteStyle::German, QuoteLevel::Double) => ("„", "“"),
            (QuoteStyle::German, QuoteLevel::Single) => ("‚", "‘"),
            (QuoteStyle::Guillemets, QuoteLevel::Double) => ("»", "«"),
            (QuoteStyle::Guillemets, QuoteLevel::Single) => ("›", "‹"),
            (QuoteStyle::Swiss, QuoteLevel::Double) => ("«", "»"),
            (QuoteStyle::Swiss, QuoteLevel::Single) => ("‹", "›"),
            (QuoteStyle::English, QuoteLevel::Double) => ("“", "”"),
            (QuoteStyle::English, QuoteLevel::Single) => ("‘", "’"),
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMark {
    /// One character, or two for typewriter doubles (`''`, ``` `` ```).
    pub range: Range<usize>,
    pub level: QuoteLevel,
    pub role: QuoteRole,
    pub style: QuoteStyle,
    /// Index of the partner in [`Document::quotes`].
    pub pair: Option<usize>,
    /// For opening marks: how many double quotations are open around it
    /// (a quotation inside a quotation takes single marks in German).
    pub depth: usize,
    /// An opening mark left open at a paragraph end because the next
    /// paragraph reopens the quotation.
    pub continued: bool,
}

/// One quotation: an opening mark with its closing mark, or a closing mark
/// nothing opened.
#[derive(Debug, Clone, Copy)]
pub struct QuotePair<'a> {
    pub open: Option<&'a QuoteMark>,
    pub close: Option<&'a QuoteMark>,
}

impl QuotePair<'_> {
    /// From the opening mark to the closing mark, or the lone mark.
    pub fn range(&self) -> Range<usize> {
        let first = self.open.or(self.close).expect("a pair has a mark");
        let last = self.close.or(self.open).expect("a pair has a mark");
        first.range.start..last.range.end
    }

    pub fn level(&self) -> QuoteLevel {
        self.open.or(self.close).expect("a pair has a mark").level
    }

    pub fn marks(&self) -> impl Iterator<Item = &QuoteMark> {
        self.open.into_iter().chain(self.close)
    }
}

impl Document {
    /// Every quotation mark and apostrophe in prose, in text order.
    pub fn quotes(&self) -> &[QuoteMark] {
        self.quotes.get_or_init(|| find_quotes(self))
    }

    /// The quotation mark or apostrophe starting at `offset`, if any.
    pub fn quote_at(&self, offset: usize) -> Option<&QuoteMark> {
        let marks = self.quotes();
        let i = marks.partition_point(|m| m.range.start < offset);
        marks.get(i).filter(|m| m.range.start == offset)
    }

    /// Quotations: each opening mark with its partner, and each closing
    /// mark without one, in text order.
    pub fn quote_pairs(&self) -> impl Iterator<Item = QuotePair<'_>> {
        let marks = self.quotes();
        marks.iter().filter_map(|m| match m.role {
            QuoteRole::Open => Some(QuotePair {
                open: Some(m),
                close: m.pair.map(|p| &marks[p]),
            }),
            QuoteRole::Close if m.pair.is_none() => Some(QuotePair {
                open: None,
                close: Some(m),
            }),
            _ => None,
        })
    }
}

/// Where a mark stands between its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// White space or punctuation before, a word after: `␣"Wort`.
    Opening,
    /// A word before, white space or punctuation after: `Wort"␣`.
    Closing,
    /// Between two words or two punctuation marks: `geht´s`.
    Inner,
    /// White space on both sides.
    Isolated,
}

fn is_punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

fn shape(prev: Option<char>, next: Option<char>) -> Shape {
    let ws = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let punct = |c: Option<char>| c.is_some_and(is_punct);
    let left = !ws(next) && (!punct(next) || ws(prev) || punct(prev));
    let right = !ws(prev) && (!punct(prev) || ws(next) || punct(next));
    match (left, right) {
        (true, false) => Shape::Opening,
        (false, true) => Shape::Closing,
        (true, true) => Shape::Inner,
        (false, false) => Shape::Isolated,
    }
}

/// Words that follow an elision apostrophe: `'s`, `'ne`, `'raus`.
const ELIDED: &[&str] = &[
    "s", "n", "ne", "nen", "nem", "ner", "raus", "rein", "rum", "rauf", "runter", "rüber", "ran",
    "nauf", "naus", "nein", "nüber",
];

fn is_elided_word(word: &str) -> bool {
    ELIDED.contains(&word)
}

fn level_of(glyph: &str) -> QuoteLevel {
    match glyph {
        "\"" | "„" | "“" | "”" | "»" | "«" | "''" | "``" | "´´" => QuoteLevel::Double,
        _ => QuoteLevel::Single,
    }
}

fn style_of(glyph: &str, role: QuoteRole) -> QuoteStyle {
    let open = role == QuoteRole::Open;
    match glyph {
        "„" | "‚" if open => QuoteStyle::German,
        "„" | "‚" => QuoteStyle::Odd,
        "“" | "‘" if open => QuoteStyle::English,
        "“" | "‘" => QuoteStyle::German,
        "”" | "’" if open => QuoteStyle::Odd,
        "”" | "’" => QuoteStyle::English,
        "»" | "›" if open => QuoteStyle::Guillemets,
        "»" | "›" => QuoteStyle::Swiss,
        "«" | "‹" if open => QuoteStyle::Swiss,
        "«" | "‹" => QuoteStyle::Guillemets,
        _ => QuoteStyle::Straight,
    }
}

/// The state of pairing while walking through the text.
struct Pairing<'d> {
    doc: &'d Document,
    marks: Vec<QuoteMark>,
    /// Open marks of the current paragraph, innermost last.
    stack: Vec<usize>,
    /// Double quotations left open at the end of the previous paragraph.
    carried: Vec<usize>,
    /// Whether the mark at hand is the first thing in its paragraph: then it
    /// reopens rather than closes a quotation carried over.
    at_para_start: bool,
}

impl Pairing<'_> {
    fn open_double(&self) -> Option<usize> {
        self.stack
            .iter()
            .rev()
            .copied()
            .find(|&m| self.marks[m].level == QuoteLevel::Double)
            .or_else(|| self.carried.last().copied().filter(|_| !self.at_para_start))
    }

    fn open_single_on_top(&self) -> bool {
        self.stack
            .last()
            .is_some_and(|&m| self.marks[m].level == QuoteLevel::Single)
    }

    fn doubles_on_stack(&self) -> usize {
        self.stack
            .iter()
            .filter(|&&m| self.marks[m].level == QuoteLevel::Double)
            .count()
    }

    fn glyph(&self, m: usize) -> &str {
        &self.doc.text[self.marks[m].range.clone()]
    }

    /// The role of a double mark from its glyph, shape and what is open.
    fn double_role(&self, glyph: &str, shape: Shape, after_digit: bool) -> QuoteRole {
        let open = self.open_double();
        let opened_with = |g: &str| open.is_some_and(|m| self.glyph(m) == g);
        match glyph {
            "„" if shape == Shape::Closing && open.is_some() => QuoteRole::Close,
            "„" => QuoteRole::Open,
            "“" | "”" if open.is_some() => QuoteRole::Close,
            "“" | "”" if shape == Shape::Opening => QuoteRole::Open,
            "“" | "”" => QuoteRole::Close,
            "»" | "«" => match shape {
                Shape::Opening => QuoteRole::Open,
                Shape::Closing => QuoteRole::Close,
                _ if opened_with(if glyph == "»" { "«" } else { "»" }) => QuoteRole::Close,
                _ => QuoteRole::Other,
            },
            // Straight and typewriter doubles.
            _ => match shape {
                _ if after_digit && open.is_none() && shape != Shape::Opening => QuoteRole::Other,
                Shape::Opening => QuoteRole::Open,
                Shape::Closing => QuoteRole::Close,
                _ if open.is_some() => QuoteRole::Close,
                _ => QuoteRole::Open,
            },
        }
    }

    /// The role of a single mark standing as its own token.
    fn single_role(
        &self,
        glyph: &str,
        shape: Shape,
        after_digit: bool,
        next_word: &str,
    ) -> QuoteRole {
        let single_open = self.open_single_on_top();
        match glyph {
            "‚" if shape == Shape::Closing => {
                if single_open {
                    QuoteRole::Close
                } else {
                    QuoteRole::Other
                }
            }
            "‚" => QuoteRole::Open,
            "‹" | "›" => match shape {
                Shape::Opening => QuoteRole::Open,
                Shape::Closing if single_open => QuoteRole::Close,
                _ => QuoteRole::Other,
            },
            "‘" => match shape {
                _ if single_open && shape != Shape::Opening => QuoteRole::Close,
                Shape::Opening => QuoteRole::Open,
                Shape::Isolated => QuoteRole::Other,
                _ => QuoteRole::Apostrophe,
            },
            "’" => match shape {
                Shape::Closing if single_open => QuoteRole::Close,
                Shape::Isolated => QuoteRole::Other,
                _ => QuoteRole::Apostrophe,
            },
            // `'`, `` ` `` and `´`.
            _ => match shape {
                _ if after_digit && !single_open && shape != Shape::Opening => QuoteRole::Other,
                Shape::Opening
                    if next_word.starts_with(|c: char| c.is_ascii_digit())
                        || is_elided_word(next_word) =>
                {
                    QuoteRole::Apostrophe
                }
                Shape::Opening => QuoteRole::Open,
                Shape::Closing if single_open => QuoteRole::Close,
                Shape::Closing | Shape::Inner => QuoteRole::Apostrophe,
                Shape::Isolated => QuoteRole::Other,
            },
        }
    }

    fn push(&mut self, range: Range<usize>, role: QuoteRole, level: QuoteLevel) -> usize {
        let glyph = &self.doc.text[range.clone()];
        let depth = if role == QuoteRole::Open {
            self.doubles_on_stack() + self.carried.len()
        } else {
            0
        };
        self.marks.push(QuoteMark {
            style: style_of(glyph, role),
            range,
            level,
            role,
            pair: None,
            depth,
            continued: false,
        });
        self.marks.len() - 1
    }

    /// A single mark that never found a partner was no quotation mark.
    fn drop_single(&mut self, m: usize) {
        let mark = &mut self.marks[m];
        mark.role = QuoteRole::Other;
        mark.style = QuoteStyle::Straight;
    }

    fn link(&mut self, open: usize, close: usize) {
        self.marks[open].pair = Some(close);
        self.marks[close].pair = Some(open);
    }

    fn close(&mut self, c: usize) {
        let level = self.marks[c].level;
        let found = self
            .stack
            .iter()
            .rposition(|&m| self.marks[m].level == level);
        match found {
            Some(pos) => {
                for m in self.stack.split_off(pos + 1) {
                    self.drop_single(m);
                }
                let open = self.stack.pop().expect("found on the stack");
                self.link(open, c);
            }
            None if level == QuoteLevel::Double => {
                if let Some(open) = self.carried.pop() {
                    self.link(open, c);
                }
            }
            None => {}
        }
    }

    fn end_paragraph(&mut self) {
        for m in std::mem::take(&mut self.stack) {
            if self.marks[m].level == QuoteLevel::Single {
                self.drop_single(m);
            } else {
                self.carried.push(m);
            }
        }
    }

    fn run(mut self) -> Vec<QuoteMark> {
        let doc = self.doc;
        let text = doc.text.as_str();
        let tokens = doc.tokens();
        let mut ti = 0;
        // Where `'` and the lead byte of `’` (also of `„`, `–`, …) are:
        // a word is scanned for apostrophes only when one of them lies
        // inside it, instead of every word byte by byte.
        let mut apostrophes = memchr::memchr2_iter(b'\'', 0xe2, text.as_bytes()).peekable();
        for para in doc.paragraphs() {
            let mut at_start = true;
            while ti < tokens.len() && tokens[ti].range.start < para.end {
                let tok = &tokens[ti];
                ti += 1;
                if tok.range.end <= para.start {
                    continue;
                }
                self.at_para_start = at_start;
                if !matches!(tok.kind, TokenKind::Space | TokenKind::Newline) {
                    at_start = false;
                }
                match tok.kind {
                    TokenKind::Word if doc.is_prose(&tok.range) => {
                        while apostrophes.next_if(|&p| p < tok.range.start).is_some() {}
                        if apostrophes.peek().is_none_or(|&p| p >= tok.range.end) {
                            continue;
                        }
                        let word = &text[tok.range.clone()];
                        // By byte: `'` and the lead byte of `’` start no
                        // other character, and few words have either.
                        for (i, b) in word.bytes().enumerate() {
                            let len = match b {
                                b'\'' => 1,
                                0xe2 if word[i..].starts_with('’') => 3,
                                _ => continue,
                            };
                            let start = tok.range.start + i;
                            self.push(
                                start..start + len,
                                QuoteRole::Apostrophe,
                                QuoteLevel::Single,
                            );
                        }
                    }
                    // `â€œ`, `â€“`: the last character of mojibake is no quote.
                    TokenKind::Quote
                        if doc.is_prose(&tok.range) && !text[..tok.range.start].ends_with("â€") =>
                    {
                        let mut range = tok.range.clone();
                        let glyph = &text[range.clone()];
                        // Typewriter doubles: `''`, ``` `` ```, `´´`.
                        if matches!(glyph, "'" | "`" | "´")
                            && tokens
                                .get(ti)
                                .is_some_and(|n| &text[n.range.clone()] == glyph)
                        {
                            range.end = tokens[ti].range.end;
                            ti += 1;
                        }
                        let glyph = &text[range.clone()];
                        let prev = text[..range.start].chars().next_back();
                        let next = text[range.end..].chars().next();
                        let shape = shape(prev, next);
                        let after_digit = prev.is_some_and(|c| c.is_ascii_digit());
                        let level = level_of(glyph);
                        let role = match level {
                            QuoteLevel::Double => self.double_role(glyph, shape, after_digit),
                            QuoteLevel::Single => {
                                let next_word = tokens
                                    .get(ti)
                                    .filter(|n| n.kind == TokenKind::Word)
                                    .map_or("", |n| &text[n.range.clone()]);
                                self.single_role(glyph, shape, after_digit, next_word)
                            }
                        };
                        if self.at_para_start
                            && role == QuoteRole::Open
                            && level == QuoteLevel::Double
                        {
                            for m in self.carried.drain(..) {
                                self.marks[m].continued = true;
                            }
                        }
                        let m = self.push(range, role, level);
                        match role {
                            QuoteRole::Open => self.stack.push(m),
                            QuoteRole::Close => self.close(m),
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            // Quotations carried into this paragraph and still open end here.
            self.carried.clear();
            self.end_paragraph();
        }
        self.marks
    }
}

fn find_quotes(doc: &Document) -> Vec<QuoteMark> {
    Pairing {
        doc,
        marks: Vec::new(),
        stack: Vec::new(),
        carried: Vec::new(),
        at_para_start: false,
    }
    .run()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Locale;

    /// The quotations of a text as `open…close` strings, `?` for a missing end.
    fn pairs(text: &str) -> Vec<String> {
        let doc = Document::plain(text, Locale::DeDe);
        doc.quote_pairs()
            .map(|p| {
                let g = |m: Option<&QuoteMark>| {
                    m.map_or("?".to_string(), |m| text[m.range.clone()].to_string())
                };
                let mut s = g(p.open);
                if p.open.is_some_and(|o| o.continued) {
                    s.push('+');
                }
                format!("{s}…{}", g(p.close))
            })
            .collect()
    }

    fn roles(text: &str) -> Vec<(String, QuoteRole)> {
        let doc = Document::plain(text, Locale::DeDe);
        doc.quotes()
            .iter()
            .map(|m| (text[m.range.clone()].to_string(), m.role))
            .collect()
    }

    #[test]
    fn german_quotes_pair() {
        assert_eq!(pairs("Er sagte: „Wir kommen.“ Dann ging er."), ["„…“"]);
        assert_eq!(pairs("„Er nannte es ‚Unsinn‘“, sagte sie."), ["„…“", "‚…‘"]);
    }

    #[test]
    fn straight_quotes_by_context() {
        assert_eq!(
            pairs("Er sagte \"Nein\", und sie \"Ja\"."),
            ["\"…\"", "\"…\""]
        );
        assert_eq!(pairs("(\"Text\")"), ["\"…\""]);
        assert_eq!(pairs("die Anti-\"Terror\"-Kampagne"), ["\"…\""]);
        assert_eq!(pairs("Er sagte:\"Nein\""), ["\"…\""]);
    }

    #[test]
    fn an_opening_inside_an_opening_leaves_the_first_unclosed() {
        assert_eq!(
            pairs("\"Es wird gut, sagte er. \"Es wird Gespräche geben.“"),
            ["\"…?", "\"…“"]
        );
    }

    #[test]
    fn nested_straight_quotes() {
        let text = "\"Er sagte \"Nein\" und ging\", hieß es.";
        assert_eq!(pairs(text), ["\"…\"", "\"…\""]);
        let doc = Document::plain(text, Locale::DeDe);
        let depths: Vec<_> = doc.quote_pairs().map(|p| p.open.unwrap().depth).collect();
        assert_eq!(depths, [0, 1]);
    }

    #[test]
    fn english_curly_quotes_are_told_apart_from_german_closing_by_order() {
        let doc = Document::plain("Er sagte “Nein” und „Ja“.", Locale::DeDe);
        let styles: Vec<_> = doc
            .quote_pairs()
            .map(|p| (p.open.unwrap().style, p.close.unwrap().style))
            .collect();
        assert_eq!(
            styles,
            [
                (QuoteStyle::English, QuoteStyle::English),
                (QuoteStyle::German, QuoteStyle::German)
            ]
        );
        assert_eq!(pairs("Er sagte “Nein“."), ["“…“"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            pairs("Wie geht's? So geht’s. 'ne Sache, 's ist gut."),
            Vec::<String>::new()
        );
        assert!(roles("Hans' Auto und geht´s")
            .iter()
            .all(|(_, r)| *r == QuoteRole::Apostrophe));
        assert_eq!(pairs("die '90er und McDonald's"), Vec::<String>::new());
    }

    #[test]
    fn stray_single_quote_is_no_quotation() {
        assert_eq!(
            pairs("L 'Japanische Agentur berichtete."),
            Vec::<String>::new()
        );
        assert_eq!(roles("L 'Japanische")[0].1, QuoteRole::Other);
    }

    #[test]
    fn single_straight_quotes_pair() {
        assert_eq!(pairs("Das sei 'absurd', sagte er."), ["'…'"]);
    }

    #[test]
    fn inches_feet_and_minutes_are_not_quotes() {
        assert_eq!(
            pairs("Ein 27\" Monitor, 5' Länge, 3'20\" Laufzeit."),
            Vec::<String>::new()
        );
        assert_eq!(pairs("\"Er misst 1,90\", sagte sie."), ["\"…\""]);
    }

    #[test]
    fn typewriter_doubles() {
        assert_eq!(pairs("Er sagte ''Nein'' und ging."), ["''…''"]);
        assert_eq!(pairs("Er sagte ``Nein'' und ging."), ["``…''"]);
    }

    #[test]
    fn quotes_span_sentences_and_lines() {
        assert_eq!(
            pairs("„Wir kommen. Wir bleiben\nlange. Dann gehen wir“, sagte er."),
            ["„…“"]
        );
    }

    #[test]
    fn unclosed_and_unopened() {
        assert_eq!(pairs("„Wir kommen, sagte er.\n\nDas ist gut."), ["„…?"]);
        assert_eq!(pairs("Wir kommen“, sagte er."), ["?…“"]);
    }

    #[test]
    fn quote_continued_in_the_next_paragraph() {
        assert_eq!(
            pairs("„Wir kommen.\n\n„Und wir bleiben“, sagte er."),
            ["„+…?", "„…“"]
        );
        assert_eq!(
            pairs("„Wir kommen.\n\nUnd wir bleiben“, sagte er."),
            ["„…“"]
        );
    }

    #[test]
    fn guillemets_both_ways() {
        assert_eq!(pairs("Er sagte «Nein» und ‹so›."), ["«…»", "‹…›"]);
        assert_eq!(pairs("Er sagte »Nein« und ›so‹."), ["»…«", "›…‹"]);
        assert_eq!(pairs("Read more »"), Vec::<String>::new());
    }

    #[test]
    fn quotes_in_urls_are_not_quotes() {
        assert_eq!(
            pairs("Siehe https://example.org/l'article und „https://example.org/“."),
            ["„…“"]
        );
    }

    #[test]
    fn quotes_in_markdown_code_are_not_quotes() {
        let text = "Er sagte \"Ja\" und `x = \"a\"`.\n\n```\nprint(\"b\")\n```\n";
        let doc = Document::new(
            text.to_string(),
            crate::document::DocumentKind::Markdown,
            crate::locale::LocaleSetting::Fixed(Locale::DeDe),
        );
        let found: Vec<_> = doc.quote_pairs().map(|p| &text[p.range()]).collect();
        assert_eq!(found, ["\"Ja\""]);
    }

    #[test]
    fn mojibake_is_not_a_quote() {
        assert_eq!(
            pairs("Er ging â€“ und kam. Sie sagte â€œJaâ€\u{9d}."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn mixed_pairs() {
        assert_eq!(pairs("Er sagte „Nein\" und ging."), ["„…\""]);
        assert_eq!(pairs("Er sagte \"Nein“ und ging."), ["\"…“"]);
    }
}

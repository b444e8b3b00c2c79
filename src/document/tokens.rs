//! Splitting text into tokens with byte spans. One pass, no allocation per
//! token, so that every rule can share the result.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, with inner hyphens and apostrophes (`US-Präsident`, `geht’s`),
    /// a leading number before a hyphen (`20-Jährige`) and a trailing hyphen
    /// of a truncated compound (`Verteidigungs-`).
    Word,
    /// Digits with inner separators: `3,5`, `1.200`, `6'500`, `10:30`.
    Number,
    /// Any quotation mark or apostrophe standing alone.
    Quote,
    Punct,
    /// Horizontal white space, including no-break and other odd spaces.
    Space,
    Newline,
    Url,
    Email,
    /// Anything else: symbols, emoji, control and format characters.
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub range: Range<usize>,
}

pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '„' | '“' | '”' | '‚' | '‘' | '’' | '«' | '»' | '‹' | '›' | '`' | '´'
    )
}

pub fn is_horizontal_space(c: char) -> bool {
    c != '\n' && c != '\r' && c.is_whitespace()
}

/// Characters that may sit inside a word without splitting it: combining
/// marks (decomposed umlauts), soft hyphens and zero-width characters. The
/// unicode rules report the latter; here they must not break words apart.
fn is_word_inner(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}')
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic() || is_word_inner(c)
}

static URL_OR_EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)(?P<url>\b(?:https?://|www\.)[^\s<>"„“”«»]+)|(?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"#,
    )
    .expect("valid regex")
});

/// Trailing punctuation is part of the sentence, not of the URL.
fn trim_url_end(text: &str, mut range: Range<usize>) -> Range<usize> {
    while let Some(c) = text[range.clone()].chars().last() {
        if ".,;:!?)]}'’".contains(c) {
            range.end -= c.len_utf8();
        } else {
            break;
        }
    }
    range
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut links: Vec<(Range<usize>, TokenKind)> = Vec::new();
    if text.contains("://") || text.contains("www.") || text.contains('@') {
        for caps in URL_OR_EMAIL.captures_iter(text) {
            if let Some(m) = caps.name("url") {
                links.push((trim_url_end(text, m.range()), TokenKind::Url));
            } else if let Some(m) = caps.name("email") {
                links.push((trim_url_end(text, m.range()), TokenKind::Email));
            }
        }
    }
    let mut links = links.into_iter().peekable();

    let mut tokens = Vec::with_capacity(text.len() / 4);
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < text.len() {
        if let Some((range, kind)) = links.peek() {
            if range.start == pos && !range.is_empty() {
                tokens.push(Token {
                    kind: *kind,
                    range: range.clone(),
                });
                pos = range.end;
                links.next();
                continue;
            }
            if range.start < pos {
                links.next();
                continue;
            }
        }
        let c = text[pos..]
            .chars()
            .next()
            .expect("pos is on a char boundary");
        let start = pos;
        let (kind, end) = if c == '\n' {
            (TokenKind::Newline, pos + 1)
        } else if c == '\r' && bytes.get(pos + 1) == Some(&b'\n') {
            (TokenKind::Newline, pos + 2)
        } else if is_horizontal_space(c) {
            let end = scan_while(text, pos, is_horizontal_space);
            (TokenKind::Space, end)
        } else if is_letter(c) {
            (TokenKind::Word, scan_word(text, pos))
        } else if c.is_ascii_digit() {
            let end = scan_number(text, pos);
            // `20-Jährige`, `5G`, `G7`-like forms read as one word.
            let rest = &text[end..];
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some('-'), Some(n)) if n.is_alphabetic() => {
                    (TokenKind::Word, scan_word(text, end + 1))
                }
                (Some(n), _) if n.is_alphabetic() => (TokenKind::Word, scan_word(text, end)),
                _ => (TokenKind::Number, end),
            }
        } else if is_quote_char(c) {
            (TokenKind::Quote, pos + c.len_utf8())
        } else if c.is_ascii_punctuation() || is_unicode_punct(c) {
            (TokenKind::Punct, pos + c.len_utf8())
        } else {
            (TokenKind::Other, pos + c.len_utf8())
        };
        tokens.push(Token {
            kind,
            range: start..end,
        });
        pos = end;
    }
    tokens
}

fn is_unicode_punct(c: char) -> bool {
    matches!(c, '–' | '—' | '…' | '•' | '·' | '§' | '°' | '€' | '¿' | '¡')
}

fn scan_while(text: &str, pos: usize, pred: impl Fn(char) -> bool) -> usize {
    text[pos..]
        .char_indices()
        .find(|&(_, c)| !pred(c))
        .map_or(text.len(), |(i, _)| pos + i)
}

fn scan_number(text: &str, pos: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = pos;
    while end < bytes.len() {
        let b = bytes[end];
        let separator_before_digit = matches!(b, b'.' | b',' | b'\'' | b':')
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
            && end > pos;
        if b.is_ascii_digit() || separator_before_digit {
            end += 1;
        } else if text[end..].starts_with('’') && bytes.get(end + 3).is_some_and(u8::is_ascii_digit)
        {
            end += 3;
        } else {
            break;
        }
    }
    end
}

fn scan_word(text: &str, pos: usize) -> usize {
    let mut end = pos;
    let mut chars = text[pos..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let keep = if is_letter(c) || c.is_ascii_digit() {
            true
        } else if c == '-' || c == '‑' {
            match next {
                Some(n) => n.is_alphanumeric() || n == ' ' || n == ',' || n == '\n',
                None => true,
            }
        } else if c == '\'' || c == '’' {
            // `McDonald's`, `geht’s`: letter before and after.
            i > 0 && next.is_some_and(char::is_alphabetic)
        } else {
            false
        };
        if !keep {
            break;
        }
        end = pos + i + c.len_utf8();
        if (c == '-' || c == '‑') && !next.is_some_and(char::is_alphanumeric) {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.kind, &text[t.range]))
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        kinds(text)
            .into_iter()
            .filter(|(k, _)| *k == TokenKind::Word)
            .map(|(_, s)| s)
            .collect()
    }

    #[test]
    fn compounds_names_and_elisions_stay_whole() {
        assert_eq!(
            words("Der US-Präsident und McDonald's, geht’s?"),
            ["Der", "US-Präsident", "und", "McDonald's", "geht’s"]
        );
        assert_eq!(
            words("Verteidigungs- und Militärindustrie"),
            ["Verteidigungs-", "und", "Militärindustrie"]
        );
        assert_eq!(
            words("der 20-Jährige mit 5G"),
            ["der", "20-Jährige", "mit", "5G"]
        );
    }

    #[test]
    fn spaced_dash_and_stray_apostrophe_are_separate() {
        assert_eq!(
            kinds("a - b L 'X"),
            [
                (TokenKind::Word, "a"),
                (TokenKind::Space, " "),
                (TokenKind::Punct, "-"),
                (TokenKind::Space, " "),
                (TokenKind::Word, "b"),
                (TokenKind::Space, " "),
                (TokenKind::Word, "L"),
                (TokenKind::Space, " "),
                (TokenKind::Quote, "'"),
                (TokenKind::Word, "X"),
            ]
        );
    }

    #[test]
    fn numbers_keep_their_separators() {
        let k = kinds("3,5 und 1.200 und 6'500 um 10:30.");
        let numbers: Vec<_> = k
            .iter()
            .filter(|(k, _)| *k == TokenKind::Number)
            .map(|(_, s)| *s)
            .collect();
        assert_eq!(numbers, ["3,5", "1.200", "6'500", "10:30"]);
    }

    #[test]
    fn urls_and_emails_are_single_tokens() {
        let k = kinds("Siehe https://example.org/a?b=1. Mail: info@example.de, danke");
        assert!(k.contains(&(TokenKind::Url, "https://example.org/a?b=1")));
        assert!(k.contains(&(TokenKind::Email, "info@example.de")));
    }

    #[test]
    fn spaces_and_newlines() {
        let k = kinds("a\u{a0} b\r\nc");
        assert_eq!(k[1], (TokenKind::Space, "\u{a0} "));
        assert_eq!(k[3], (TokenKind::Newline, "\r\n"));
    }

    #[test]
    fn decomposed_umlauts_and_soft_hyphens_stay_in_the_word() {
        assert_eq!(
            words("Mu\u{308}nchen Regie\u{ad}rung"),
            ["Mu\u{308}nchen", "Regie\u{ad}rung"]
        );
    }

    #[test]
    fn tokens_cover_the_text_exactly() {
        let text = "„Zitat“ – 5 km/h… 😀 x@y.de www.a.de\t\r\n";
        let tokens = tokenize(text);
        let mut pos = 0;
        for t in &tokens {
            assert_eq!(t.range.start, pos);
            pos = t.range.end;
        }
        assert_eq!(pos, text.len());
    }
}

//! Splitting text into tokens with byte spans. One pass, no allocation per
//! token, so that every rule can share the result.

use std::ops::Range;

use super::links::find_links;

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
    let bytes = text.as_bytes();
    if memchr::memmem::find(bytes, b"://").is_some()
        || memchr::memmem::find(bytes, b"www.").is_some()
        || memchr::memchr(b'@', bytes).is_some()
    {
        for link in find_links(text) {
            let kind = if link.email {
                TokenKind::Email
            } else {
                TokenKind::Url
            };
            links.push((trim_url_end(text, link.range), kind));
        }
    }
    let mut links = links.into_iter().peekable();

    // Prose has a token per three to four bytes (a word, its space and
    // punctuation): room for one per 2.7 bytes spares a copy of the whole
    // list when it grows.
    let mut tokens = Vec::with_capacity(text.len() * 3 / 8);
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
        let b = bytes[pos];
        let (kind, end) = if b.is_ascii() {
            ascii_token(text, pos, b)
        } else {
            let c = char_at(text, pos);
            if c.is_whitespace() {
                (TokenKind::Space, scan_space(text, pos + c.len_utf8()))
            } else if is_letter(c) {
                (TokenKind::Word, scan_word(text, pos))
            } else if is_quote_char(c) {
                (TokenKind::Quote, pos + c.len_utf8())
            } else if is_unicode_punct(c) {
                (TokenKind::Punct, pos + c.len_utf8())
            } else {
                (TokenKind::Other, pos + c.len_utf8())
            }
        };
        tokens.push(Token {
            kind,
            range: pos..end,
        });
        pos = end;
    }
    tokens
}

/// The character starting at byte `pos`, a char boundary.
fn char_at(text: &str, pos: usize) -> char {
    text[pos..]
        .chars()
        .next()
        .expect("pos is on a char boundary")
}

/// The token starting with the ASCII byte `b` at `pos`.
fn ascii_token(text: &str, pos: usize, b: u8) -> (TokenKind, usize) {
    match b {
        b'\n' => (TokenKind::Newline, pos + 1),
        b'\r' if text.as_bytes().get(pos + 1) == Some(&b'\n') => (TokenKind::Newline, pos + 2),
        b' ' | b'\t' | 0x0b | 0x0c => (TokenKind::Space, scan_space(text, pos + 1)),
        b'a'..=b'z' | b'A'..=b'Z' => (TokenKind::Word, scan_word(text, pos)),
        b'0'..=b'9' => {
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
        }
        b'"' | b'\'' | b'`' => (TokenKind::Quote, pos + 1),
        _ if b.is_ascii_punctuation() => (TokenKind::Punct, pos + 1),
        _ => (TokenKind::Other, pos + 1),
    }
}

fn is_unicode_punct(c: char) -> bool {
    matches!(c, '–' | '—' | '…' | '•' | '·' | '§' | '°' | '€' | '¿' | '¡')
}

/// End of the horizontal white space that continues at `pos`.
fn scan_space(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(pos) {
        if b.is_ascii() {
            if !matches!(b, b' ' | b'\t' | 0x0b | 0x0c) {
                break;
            }
            pos += 1;
        } else {
            let c = char_at(text, pos);
            if !c.is_whitespace() {
                break;
            }
            pos += c.len_utf8();
        }
    }
    pos
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

/// `u8::is_ascii_alphanumeric` as a table: one load instead of three range
/// tests for each byte of a word.
static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// End of the word starting at `pos`: letters and digits, inner hyphens
/// before a letter or digit, a trailing hyphen before a space, comma, line
/// break or the end (`Verteidigungs- und`), and apostrophes between letters.
fn scan_word(text: &str, pos: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = pos;
    while i < bytes.len() {
        let b = bytes[i];
        // Plain ASCII letters and digits: the common case, no decoding,
        // one table look-up per byte.
        if ASCII_ALPHANUMERIC[usize::from(b)] {
            i += 1;
            continue;
        }
        // U+00C0–U+00FF (umlauts, ß, accents) are letters except × and ÷.
        if b == 0xc3 && bytes.get(i + 1).is_some_and(|&n| n != 0x97 && n != 0xb7) {
            i += 2;
            continue;
        }
        let c = if b.is_ascii() {
            b as char
        } else {
            char_at(text, i)
        };
        let len = c.len_utf8();
        let next = text[i + len..].chars().next();
        if c == '-' || c == '‑' {
            match next {
                Some(n) if n.is_alphanumeric() => i += len,
                Some(' ' | ',' | '\n') | None => return i + len,
                Some(_) => return i,
            }
        } else if c == '\'' || c == '’' {
            // `McDonald's`, `geht’s`: letter before and after.
            if i > pos && next.is_some_and(char::is_alphabetic) {
                i += len;
            } else {
                return i;
            }
        } else if is_letter(c) {
            i += len;
        } else {
            return i;
        }
    }
    i
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

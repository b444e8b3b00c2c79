//! Web addresses and e-mail addresses, found without a regex.
//!
//! The tokenizer needs every match of
//! `(?i)\b(?:https?://|www\.)[^\s<>"„“”«»]+` (an address) or
//! `\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+` (an e-mail), leftmost first, the address
//! winning a tie. With Unicode word boundaries the regex crate falls back to
//! its slowest engine on non-ASCII text, and that took half of all checking
//! time; this scanner finds exactly the same matches (a property test
//! compares the two) by looking only at `:`, `.` and `@` and the few
//! characters around them.

use std::ops::Range;

use memchr::{memchr, memchr2};
use regex_syntax::is_word_character;

/// One found link: its byte range and whether it is an e-mail address.
pub struct Link {
    pub range: Range<usize>,
    pub email: bool,
}

/// Every link in `text`, in order, as the regex's `captures_iter` finds them.
pub fn find_links(text: &str) -> Vec<Link> {
    let mut links = Vec::new();
    let mut from = 0;
    // The next match of each kind at or after `from`, kept while still valid
    // so that many e-mails before one far address do not rescan the text.
    let mut url: Option<Range<usize>> = None;
    let mut email: Option<Range<usize>> = None;
    loop {
        if url.as_ref().is_none_or(|r| r.start < from) {
            url = next_url(text, from);
        }
        if email.as_ref().is_none_or(|r| r.start < from) {
            email = next_email(text, from);
        }
        let link = match (&url, &email) {
            (None, None) => break,
            (Some(u), Some(e)) if e.start < u.start => Link {
                range: e.clone(),
                email: true,
            },
            (Some(u), _) => Link {
                range: u.clone(),
                email: false,
            },
            (None, Some(e)) => Link {
                range: e.clone(),
                email: true,
            },
        };
        from = link.range.end;
        links.push(link);
    }
    links
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// `\b` before a word character: nothing or a non-word character before it.
fn starts_word(text: &str, at: usize) -> bool {
    !char_before(text, at).is_some_and(is_word_character)
}

/// `\b` at `at`, as the regex crate defines it (Unicode word characters).
fn word_boundary(text: &str, at: usize) -> bool {
    let before = char_before(text, at).is_some_and(is_word_character);
    let after = text[at..].chars().next().is_some_and(is_word_character);
    before != after
}

fn url_char(c: char) -> bool {
    !(c.is_whitespace() || matches!(c, '<' | '>' | '"' | '„' | '“' | '”' | '«' | '»'))
}

/// `(?i)https?://` or `(?i)www\.` ends at `end` (exclusive): the start of
/// the scheme, if one of them does. Case-insensitive as the regex is, so the
/// `s` may also be the long s `ſ`, its Unicode case fold.
fn scheme_start(text: &str, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let ends_with = |len: usize, word: &[u8]| {
        end >= len && bytes[end - len..end - len + 4].eq_ignore_ascii_case(word)
    };
    if bytes[..end].ends_with(b"://") {
        let before = end - 3;
        if ends_with(7, b"http") {
            return Some(end - 7);
        }
        let s = &bytes[..before];
        if (s.ends_with(b"s") || s.ends_with(b"S")) && ends_with(8, b"http") {
            return Some(end - 8);
        }
        if s.ends_with("ſ".as_bytes()) && ends_with(9, b"http") {
            return Some(end - 9);
        }
        None
    } else if end >= 4 && bytes[end - 4..end].eq_ignore_ascii_case(b"www.") {
        Some(end - 4)
    } else {
        None
    }
}

/// The first address match starting at or after `from`.
fn next_url(text: &str, from: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut best: Option<Range<usize>> = None;
    let mut pos = from;
    while let Some(i) = memchr2(b'/', b'.', &bytes[pos..]) {
        let hit = pos + i;
        pos = hit + 1;
        // Schemes end at most 9 bytes after they start, so once a match is
        // known, hits further on cannot start earlier.
        if best.as_ref().is_some_and(|b| hit >= b.start + 9) {
            break;
        }
        let Some(start) = scheme_start(text, hit + 1) else {
            continue;
        };
        if start < from || !starts_word(text, start) {
            continue;
        }
        let end = text[hit + 1..]
            .char_indices()
            .find(|&(_, c)| !url_char(c))
            .map_or(text.len(), |(i, _)| hit + 1 + i);
        if end > hit + 1 && best.as_ref().is_none_or(|b| start < b.start) {
            best = Some(start..end);
        }
    }
    best
}

fn local_char(c: char) -> bool {
    is_word_character(c) || matches!(c, '.' | '+' | '-')
}

fn domain_char(c: char) -> bool {
    is_word_character(c) || c == '-'
}

/// End of the longest run of `pred` characters starting at `at`.
fn run_end(text: &str, at: usize, pred: fn(char) -> bool) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| !pred(c))
        .map_or(text.len(), |(i, _)| at + i)
}

/// The first e-mail match starting at or after `from`.
fn next_email(text: &str, from: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut pos = from;
    while let Some(i) = memchr(b'@', &bytes[pos..]) {
        let at = pos + i;
        pos = at + 1;
        // The local part: the run of `[\w.+-]` before `@`, not before `from`;
        // the match starts at its leftmost word boundary.
        let mut run_start = at;
        for (i, c) in text[from..at].char_indices().rev() {
            if !local_char(c) {
                break;
            }
            run_start = from + i;
        }
        let mut start = None;
        let mut i = run_start;
        while i < at {
            if word_boundary(text, i) {
                start = Some(i);
                break;
            }
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
        let Some(start) = start else {
            continue;
        };
        // The domain: `[\w-]+` and at least one `.[\w-]+`.
        let mut end = run_end(text, at + 1, domain_char);
        if end == at + 1 {
            continue;
        }
        let mut groups = 0;
        while bytes.get(end) == Some(&b'.') {
            let next = run_end(text, end + 1, domain_char);
            if next == end + 1 {
                break;
            }
            end = next;
            groups += 1;
        }
        if groups > 0 {
            return Some(start..end);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;
    use std::sync::LazyLock;

    /// The regex this module replaces; it defines the expected matches.
    static LINK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"(?i)(?P<url>\b(?:https?://|www\.)[^\s<>"„“”«»]+)|(?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"#,
        )
        .unwrap()
    });

    fn regex_links(text: &str) -> Vec<(Range<usize>, bool)> {
        LINK.captures_iter(text)
            .map(|c| match c.name("url") {
                Some(m) => (m.range(), false),
                None => (c.name("email").unwrap().range(), true),
            })
            .collect()
    }

    fn links(text: &str) -> Vec<(Range<usize>, bool)> {
        find_links(text)
            .into_iter()
            .map(|l| (l.range, l.email))
            .collect()
    }

    #[test]
    fn same_as_the_regex_on_examples() {
        for text in [
            "Siehe https://example.org/a?b=1. Mail: info@example.de, danke",
            "www.a.de und WWW.B.DE und Www.c",
            "HTTPS://X.de httpſ://y.de httpx://z",
            "x.y+z-w@mail.example.co.uk. a@b a@b. a@b.c-d",
            "(.x@y.de .a@b.de _a@b.de -a@b.de a-@b.de",
            "Grüße@straße.de müller@example.de",
            "www.x@y.de http://a@b.de a@www.b.de",
            "https:// www. http://„x“ www.»",
            "nhttp://a.de xwww.b.de 1www.c.de",
            "a@b.c@d.e@f.g",
        ] {
            assert_eq!(links(text), regex_links(text), "{text:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn same_as_the_regex(text in "[htpsSHTPſwW:/.@a-cä_+\\- \u{a0}„»\u{308}\u{200c}1]{0,40}") {
            prop_assert_eq!(links(&text), regex_links(&text));
        }

        #[test]
        fn same_as_the_regex_near_links(
            text in "(https?://|www\\.|[a-z]{1,3}@|\\.|[a-zä]{1,4}|[ .,@:/\\-ſS]){0,12}"
        ) {
            prop_assert_eq!(links(&text), regex_links(&text));
        }
    }
}

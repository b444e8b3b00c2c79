//! Unicode damage: decomposed characters, invisible characters, HTML
//! entities and mojibake (UTF-8 read as Windows-1252).

use std::ops::Range;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::{byte_positions, Document, TokenKind};
use crate::rule::{Context, FixAvailability, Rule, RuleMeta};

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(Mojibake),
        Box::new(NotNfc),
        Box::new(InvisibleCharacter),
        Box::new(SoftHyphen),
        Box::new(HtmlEntity),
    ]
}

/// Text not in Unicode normalization form C.
pub struct NotNfc;

static NOT_NFC: RuleMeta = RuleMeta {
    id: "unicode/not-nfc",
    severity: Severity::Warning,
    summary: "Characters not in Unicode normal form C (e.g. decomposed umlauts)",
    explanation:
        "`ü` can be one character or `u` plus a combining diaeresis. Both look alike, but the \
decomposed form (from macOS file names, PDFs, some CMS) breaks search, spell checking and sorting. \
Normal form C is the standard for text on the web.\n\nBad:  \"Mu\\u{308}nchen\"\nGood: \"München\"",
    fix: FixAvailability::Safe,
};

impl Rule for NotNfc {
    fn meta(&self) -> &'static RuleMeta {
        &NOT_NFC
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let tokens = doc.tokens();
        // Only tokens holding a run that fails the quick check can be
        // other than NFC; the first token not yet looked at:
        let mut next = 0;
        for run in runs_from_u0300(&doc.text) {
            if is_nfc_quick(doc.text[run.clone()].chars()) == IsNormalized::Yes {
                continue;
            }
            let Some(first) = doc.token_index_at(run.start) else {
                continue;
            };
            for (i, t) in tokens
                .iter()
                .enumerate()
                .skip(first.max(next))
                .take_while(|(_, t)| t.range.start < run.end)
            {
                next = i + 1;
                let s = doc.token_text(t);
                if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
                    continue;
                }
                let nfc: String = s.nfc().collect();
                if nfc != s {
                    out.push(
                        self.diagnostic(
                            t.range.clone(),
                            format!("`{nfc}` is not in normal form C"),
                        )
                        .with_fix(Fix::safe(vec![Edit::replace(t.range.clone(), nfc)])),
                    );
                }
            }
        }
    }
}

/// The runs of characters from U+0300 on, whose UTF-8 starts with a byte of
/// at least 0xCC. Characters below U+0300 are all starters that the NFC
/// quick check accepts (combining class 0, quick check Yes) and that only
/// reset its state, like ASCII: a text passes the check if every run does.
fn runs_from_u0300(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut starts = byte_positions(bytes, |b| b >= 0xcc).peekable();
    std::iter::from_fn(move || {
        let start = starts.next()?;
        let mut end = start;
        loop {
            end += match bytes[end] {
                0xcc..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            if starts.next_if_eq(&end).is_none() {
                return Some(start..end);
            }
        }
    })
}

/// Zero-width, control and bidirectional formatting characters.
pub struct InvisibleCharacter;

static INVISIBLE: RuleMeta = RuleMeta {
    id: "unicode/invisible-character",
    severity: Severity::Warning,
    summary: "An invisible character: zero-width space, control, BOM or direction mark",
    explanation: "Zero-width spaces, word joiners, byte-order marks inside the text, control \
characters and bidirectional marks are invisible in an editor but split words for search and spell \
checking, and can reorder text on screen. A zero-width joiner inside an emoji sequence is left \
alone.\n\nBad:  \"Regie\\u{200b}rung\"\nGood: \"Regierung\"",
    fix: FixAvailability::Safe,
};

fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200b}' => "zero-width space (U+200B)",
        '\u{200c}' => "zero-width non-joiner (U+200C)",
        '\u{200d}' => "zero-width joiner (U+200D)",
        '\u{2060}' => "word joiner (U+2060)",
        '\u{feff}' => "byte-order mark inside the text (U+FEFF)",
        '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            "bidirectional formatting character"
        }
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}' => {
            "control character"
        }
        '\u{80}'..='\u{9f}' => "C1 control character (often broken encoding)",
        _ => return None,
    })
}

fn is_emoji_like(c: char) -> bool {
    matches!(c, '\u{1f000}'..='\u{1faff}' | '\u{2600}'..='\u{27bf}' | '\u{fe0f}')
}

impl Rule for InvisibleCharacter {
    fn meta(&self) -> &'static RuleMeta {
        &INVISIBLE
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = &doc.text;
        for i in byte_positions(text.as_bytes(), may_start_invisible) {
            let c = text[i..].chars().next().expect("a lead byte starts a char");
            let Some(name) = invisible_name(c) else {
                continue;
            };
            let joins_emoji = c == '\u{200d}'
                && text[..i].chars().next_back().is_some_and(is_emoji_like)
                && text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(is_emoji_like);
            if !joins_emoji {
                let range = i..i + c.len_utf8();
                out.push(
                    self.diagnostic(range.clone(), format!("Invisible {name}"))
                        .with_fix(Fix::safe(vec![Edit::delete(range)])),
                );
            }
        }
    }
}

/// Whether byte `b` can start a character [`invisible_name`] knows: an
/// ASCII control other than tab and line breaks, or the first byte of
/// U+0080–U+009F (0xC2), U+2000–U+2FFF (0xE2) or U+FEFF (0xEF).
fn may_start_invisible(b: u8) -> bool {
    (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r')
        | (b == 0x7f)
        | (b == 0xc2)
        | (b == 0xe2)
        | (b == 0xef)
}

/// Soft hyphens (U+00AD).
pub struct SoftHyphen;

static SOFT_HYPHEN: RuleMeta = RuleMeta {
    id: "unicode/soft-hyphen",
    severity: Severity::Warning,
    summary: "A soft hyphen (U+00AD) inside a word",
    explanation:
        "Content systems insert soft hyphens for line breaking on one page layout. In copied \
text they are invisible, split words for search and spell checking, and appear as stray hyphens in \
other layouts.\n\nBad:  \"Bundes\\u{ad}regierung\"\nGood: \"Bundesregierung\"",
    fix: FixAvailability::Safe,
};

impl Rule for SoftHyphen {
    fn meta(&self) -> &'static RuleMeta {
        &SOFT_HYPHEN
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for (i, _) in doc.text.match_indices('\u{ad}') {
            let range = i..i + '\u{ad}'.len_utf8();
            out.push(
                self.diagnostic(range.clone(), "Soft hyphen inside a word")
                    .with_fix(Fix::safe(vec![Edit::delete(range)])),
            );
        }
    }
}

/// HTML character references left in plain text.
pub struct HtmlEntity;

static HTML_ENTITY: RuleMeta = RuleMeta {
    id: "unicode/html-entity",
    severity: Severity::Warning,
    summary: "An HTML entity such as `&quot;` or `&amp;` in plain text",
    explanation: "Scrapers that strip tags but do not decode entities leave `&quot;`, `&amp;`, \
`&nbsp;` or `&#8222;` in the text. They are replaced by the character they stand for (`&nbsp;` by a \
normal space).\n\nBad:  \"Er sagte &quot;Nein&quot; &amp; ging.\"\nGood: \"Er sagte \\\"Nein\\\" & ging.\" \
(then `quotes/straight` turns the quotes German)",
    fix: FixAvailability::Safe,
};

const NAMED_ENTITIES: &[(&str, &str)] = &[
    ("quot", "\""),
    ("amp", "&"),
    ("apos", "'"),
    ("lt", "<"),
    ("gt", ">"),
    ("nbsp", " "),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("bdquo", "„"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("sbquo", "‚"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("auml", "ä"),
    ("ouml", "ö"),
    ("uuml", "ü"),
    ("Auml", "Ä"),
    ("Ouml", "Ö"),
    ("Uuml", "Ü"),
    ("szlig", "ß"),
    ("euro", "€"),
    ("shy", ""),
    ("eacute", "é"),
    ("egrave", "è"),
    ("aacute", "á"),
    ("agrave", "à"),
    ("ccedil", "ç"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("deg", "°"),
    ("sect", "§"),
    ("middot", "·"),
    ("bull", "•"),
    ("thinsp", " "),
    ("ensp", " "),
    ("emsp", " "),
    ("zwsp", ""),
];

fn decode_entity(entity: &str) -> Option<String> {
    let body = entity.strip_prefix('&')?.strip_suffix(';')?;
    if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        let c = char::from_u32(code)?;
        return Some(if c == '\u{a0}' {
            " ".into()
        } else {
            c.to_string()
        });
    }
    NAMED_ENTITIES
        .iter()
        .find(|(name, _)| *name == body)
        .map(|(_, s)| s.to_string())
}

impl Rule for HtmlEntity {
    fn meta(&self) -> &'static RuleMeta {
        &HTML_ENTITY
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = &doc.text;
        for (start, _) in text.match_indices('&') {
            let rest = &text[start..];
            let Some(len) = rest[1..]
                .char_indices()
                .take(10)
                .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '#'))
                .filter(|&(_, c)| c == ';')
                .map(|(i, _)| i + 2)
            else {
                continue;
            };
            let entity = &rest[..len];
            if let Some(decoded) = decode_entity(entity) {
                let range = start..start + len;
                if doc.token_index_at(start).is_some_and(|i| {
                    matches!(doc.tokens()[i].kind, TokenKind::Url | TokenKind::Email)
                }) {
                    continue;
                }
                let shown = if decoded.trim().is_empty() {
                    "a space".to_string()
                } else {
                    format!("`{decoded}`")
                };
                out.push(
                    self.diagnostic(
                        range.clone(),
                        format!("HTML entity `{entity}` instead of {shown}"),
                    )
                    .with_fix(Fix::safe(vec![Edit::replace(range, decoded)])),
                );
            }
        }
    }
}

/// UTF-8 text that was decoded as Windows-1252 or Latin-1 on the way.
pub struct Mojibake;

static MOJIBAKE: RuleMeta = RuleMeta {
    id: "unicode/mojibake",
    severity: Severity::Error,
    summary: "Garbled characters from UTF-8 read as Windows-1252 (`fÃ¼r`, `â€ž`)",
    explanation:
        "When a scraper or database reads UTF-8 bytes as Windows-1252, every umlaut becomes two \
or three characters (`ü` → `Ã¼`, `„` → `â€ž`). The original is recovered by encoding the garbled \
characters back to Windows-1252 bytes and decoding them as UTF-8; the fix is safe when that gives \
valid text, and is repeated for text garbled twice.\n\nBad:  \"Gespräche fÃ¼r den Frieden\"\n\
Good: \"Gespräche für den Frieden\"",
    fix: FixAvailability::Safe,
};

/// The Windows-1252 byte for a character, including the C1 controls that
/// some decoders produce for the five bytes Windows-1252 leaves undefined.
fn cp1252_byte(c: char) -> Option<u8> {
    let code = c as u32;
    if (0xa0..=0xff).contains(&code) || (0x80..=0x9f).contains(&code) {
        return Some(code as u8);
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8a,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        'Ž' => 0x8e,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9a,
        '›' => 0x9b,
        'œ' => 0x9c,
        'ž' => 0x9e,
        'Ÿ' => 0x9f,
        _ => return None,
    })
}

/// Repairs one garbled run, undoing up to three rounds of mis-decoding.
fn repair(run: &str) -> Option<String> {
    let mut current = run.to_string();
    for _ in 0..3 {
        let bytes: Option<Vec<u8>> = current
            .chars()
            .map(|c| {
                if c.is_ascii() {
                    Some(c as u8)
                } else {
                    cp1252_byte(c)
                }
            })
            .collect();
        let Some(decoded) = bytes.and_then(|b| String::from_utf8(b).ok()) else {
            break;
        };
        if decoded == current {
            break;
        }
        current = decoded;
    }
    (current != run
        && !current
            .chars()
            .any(|c| (c.is_control() && !c.is_whitespace()) || from_german_letter(c)))
    .then_some(current)
}

/// U+0580–U+07FF (Hebrew, Arabic, Syriac, Thaana, NKo) is what "repairing"
/// correct text gives when a letter like `ß`, `Ü`, `Ö` is followed by a
/// no-break space, soft hyphen, `«` or `»` (`groß«` would become `ߋ`);
/// mojibake of those scripts in a German article is rarer than such text.
fn from_german_letter(c: char) -> bool {
    ('\u{580}'..='\u{7ff}').contains(&c)
}

/// Length in bytes of the UTF-8 sequence a lead byte starts, if it is one.
fn sequence_len(lead: u8) -> Option<usize> {
    match lead {
        0xc2..=0xdf => Some(2),
        0xe0..=0xef => Some(3),
        0xf0..=0xf4 => Some(4),
        _ => None,
    }
}

impl Rule for Mojibake {
    fn meta(&self) -> &'static RuleMeta {
        &MOJIBAKE
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = &doc.text;
        // A run starts with a character whose Windows-1252 byte leads a
        // UTF-8 sequence (0xC2–0xF4): U+00C2–U+00F4, which UTF-8 writes as
        // 0xC3 0x82–0xB4. Only those are looked at; most texts allocate nothing.
        let mut resume = 0;
        for i in memchr::memchr_iter(0xc3, text.as_bytes()) {
            if i < resume || !matches!(text.as_bytes().get(i + 1), Some(0x82..=0xb4)) {
                continue;
            }
            let end = garbled_run_end(text, i);
            if end == i {
                continue;
            }
            let run = &text[i..end];
            // When the run does not repair, a shorter one may start inside it.
            if let Some(good) = repair(run) {
                out.push(
                    self.diagnostic(
                        i..end,
                        format!("Garbled text `{run}`: should read `{good}`"),
                    )
                    .with_fix(Fix::safe(vec![Edit::replace(i..end, good)])),
                );
                resume = end;
            }
        }
    }
}

/// End of the garbled run starting at `start`: a sequence of complete
/// "lead + continuation" groups, each of which maps back to one valid UTF-8
/// sequence. `start` itself when there is none.
fn garbled_run_end(text: &str, start: usize) -> usize {
    let mut end = start;
    loop {
        let mut chars = text[end..].chars();
        let Some(lead) = chars.next() else {
            return end;
        };
        let Some(len) = cp1252_byte(lead).and_then(sequence_len) else {
            return end;
        };
        let mut group_end = end + lead.len_utf8();
        for _ in 1..len {
            match chars.next() {
                Some(c) if cp1252_byte(c).is_some_and(|b| (0x80..=0xbf).contains(&b)) => {
                    group_end += c.len_utf8();
                }
                _ => return end,
            }
        }
        end = group_end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{check, fixed, flagged};

    #[test]
    fn decomposed_umlauts_are_composed() {
        assert_eq!(
            fixed(&NotNfc, "Mu\u{308}nchen und Ko\u{308}ln"),
            "München und Köln"
        );
        assert!(check(&NotNfc, "München, Köln, Zürich, Ærø, façade").is_empty());
    }

    #[test]
    fn invisible_characters_are_removed() {
        assert_eq!(
            fixed(
                &InvisibleCharacter,
                "Regie\u{200b}rung\u{feff} und\u{7} mehr"
            ),
            "Regierung und mehr"
        );
        assert!(check(
            &InvisibleCharacter,
            "Familie 👨\u{200d}👩 und Text\tmit Tab\n"
        )
        .is_empty());
    }

    #[test]
    fn soft_hyphens_are_removed() {
        assert_eq!(
            fixed(&SoftHyphen, "Bundes\u{ad}regierung"),
            "Bundesregierung"
        );
        assert!(check(&SoftHyphen, "Bundes-Regierung").is_empty());
    }

    #[test]
    fn html_entities_are_decoded() {
        assert_eq!(
            fixed(
                &HtmlEntity,
                "Er sagte &quot;Nein&quot; &amp; ging&nbsp;weg &#8222;x&#x201C;"
            ),
            "Er sagte \"Nein\" & ging weg „x“"
        );
    }

    #[test]
    fn ampersands_that_are_not_entities_stay() {
        for ok in [
            "AT&T und H&M",
            "Q&A; danach",
            "Tom & Jerry",
            "https://x.de/?a=1&amp;b=2",
            "&unbekannt;",
        ] {
            assert!(check(&HtmlEntity, ok).is_empty(), "{ok:?}");
        }
    }

    #[test]
    fn mojibake_is_repaired() {
        assert_eq!(
            fixed(&Mojibake, "GesprÃ¤che fÃ¼r den Frieden"),
            "Gespräche für den Frieden"
        );
        assert_eq!(
            fixed(&Mojibake, "Er sagte: â€žNeinâ€œ."),
            "Er sagte: „Nein“."
        );
        assert_eq!(fixed(&Mojibake, "StraÃŸe"), "Straße");
        // Garbled twice.
        assert_eq!(fixed(&Mojibake, "fÃƒÂ¼r"), "für");
        assert_eq!(flagged(&Mojibake, "fÃ¼r"), ["Ã¼"]);
    }

    #[test]
    fn correct_text_with_latin1_letters_is_not_mojibake() {
        for ok in [
            "Äpfel, Öl und Übermut",
            "Çağlayan und Ñandú",
            "Die Straße ist groß, à la carte, Café crème",
            "Preis: 5 € – „Zitat“ … «Suisse» ‹x›",
            "Ärzte Ökonomen Ähnlichkeit",
            "Â",
            // A letter before a no-break space, soft hyphen or guillemet
            // looks like a two-byte sequence (found by the property tests).
            "»Das Haus ist groß« sagte sie.",
            "Fuß\u{ad}ball und Grö\u{ad}ße",
            "ÜBER\u{a0}UNS, Öl\u{a0}und Gas",
        ] {
            assert!(check(&Mojibake, ok).is_empty(), "{ok:?}");
        }
    }
}

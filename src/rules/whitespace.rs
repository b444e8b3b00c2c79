//! White space damage: doubled, missing, misplaced and odd spaces, runs of
//! blank lines. Scraping and MT post-processing leave these everywhere.

use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::{Document, Token, TokenKind};
use crate::rule::{Context, FixAvailability, Rule, RuleMeta};

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(WhitespaceOnlyLine),
        Box::new(BlankLines),
        Box::new(TrailingWhitespace),
        Box::new(DoubleSpace),
        Box::new(OddSpace),
        Box::new(Tab),
        Box::new(SpaceBeforePunctuation),
        Box::new(SpaceAfterOpening),
        Box::new(MissingSpace),
    ]
}

fn is_plain_space(c: char) -> bool {
    c == ' '
}

/// The space token between most words: one plain space, which no rule
/// about spaces reports. Checked first so that the rules skip it cheaply.
fn is_single_space(doc: &Document, t: &Token) -> bool {
    t.range.len() == 1 && doc.text.as_bytes()[t.range.start] == b' '
}

/// A line made only of white space (often a lone no-break space).
pub struct WhitespaceOnlyLine;

static WHITESPACE_ONLY_LINE: RuleMeta = RuleMeta {
    id: "whitespace/whitespace-only-line",
    severity: Severity::Warning,
    summary: "A line holds only white space",
    explanation:
        "Scraped articles often keep empty paragraphs as a line with a no-break space or a few \
spaces. They look blank but are not, and they break paragraph detection and diffs.\n\n\
Bad:  \"Erster Absatz.\\n\\u{a0}\\nZweiter Absatz.\"\nGood: \"Erster Absatz.\\n\\nZweiter Absatz.\"",
    fix: FixAvailability::Safe,
};

impl Rule for WhitespaceOnlyLine {
    fn meta(&self) -> &'static RuleMeta {
        &WHITESPACE_ONLY_LINE
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for line in doc.lines() {
            let content = &doc.text[line.content.clone()];
            if !content.is_empty() && content.chars().all(char::is_whitespace) {
                let what = if content.contains('\u{a0}') {
                    "a no-break space"
                } else {
                    "white space"
                };
                out.push(
                    self.diagnostic(line.content.clone(), format!("Line holds only {what}"))
                        .with_fix(Fix::safe(vec![Edit::delete(line.content.clone())])),
                );
            }
        }
    }
}

/// More than one empty line in a row.
pub struct BlankLines;

static BLANK_LINES: RuleMeta = RuleMeta {
    id: "whitespace/blank-lines",
    severity: Severity::Warning,
    summary: "More than one empty line in a row",
    explanation: "One empty line separates paragraphs; runs of them are left over from removed page \
elements (share buttons, ads) and make the article look broken. At the end of the file, one line \
break is enough.\n\nBad:  \"Absatz.\\n\\n\\n\\n\\nNächster Absatz.\"\nGood: \"Absatz.\\n\\nNächster Absatz.\"",
    fix: FixAvailability::Safe,
};

impl Rule for BlankLines {
    fn meta(&self) -> &'static RuleMeta {
        &BLANK_LINES
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let lines = doc.lines();
        let mut i = 0;
        while i < lines.len() {
            if !lines[i].content.is_empty() || lines[i].full.is_empty() {
                i += 1;
                continue;
            }
            let first = i;
            while i < lines.len() && lines[i].content.is_empty() && !lines[i].full.is_empty() {
                i += 1;
            }
            let count = i - first;
            let at_end = i == lines.len();
            let at_start = first == 0;
            // Blank lines at the very start or end of the file carry no
            // paragraph break at all.
            let allowed = if at_end || at_start { 0 } else { 1 };
            if count > allowed {
                let break_len = lines[first].full.len();
                let keep = lines[first].full.start + break_len * allowed;
                let range = lines[first].full.start..lines[i - 1].full.end;
                let message = if at_end {
                    format!("{count} empty lines at the end of the file")
                } else if at_start {
                    format!("{count} empty lines at the start of the file")
                } else {
                    format!("{count} empty lines in a row")
                };
                out.push(
                    self.diagnostic(range.clone(), message)
                        .with_fix(Fix::safe(vec![Edit::delete(keep..range.end)])),
                );
            }
        }
    }
}

/// Spaces or tabs at the end of a line.
pub struct TrailingWhitespace;

static TRAILING: RuleMeta = RuleMeta {
    id: "whitespace/trailing",
    severity: Severity::Warning,
    summary: "White space at the end of a line",
    explanation:
        "Trailing spaces are invisible, change nothing in the text and make every diff noisy.\n\n\
Bad:  \"Der Zug fuhr ab. \\n\"\nGood: \"Der Zug fuhr ab.\\n\"",
    fix: FixAvailability::Safe,
};

impl Rule for TrailingWhitespace {
    fn meta(&self) -> &'static RuleMeta {
        &TRAILING
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for line in doc.lines() {
            let content = &doc.text[line.content.clone()];
            let trimmed = content.trim_end();
            if trimmed.is_empty() || trimmed.len() == content.len() {
                continue;
            }
            let range = line.content.start + trimmed.len()..line.content.end;
            out.push(
                self.diagnostic(range.clone(), "Trailing white space")
                    .with_fix(Fix::safe(vec![Edit::delete(range)])),
            );
        }
    }
}

/// Two or more spaces between words.
pub struct DoubleSpace;

static DOUBLE_SPACE: RuleMeta = RuleMeta {
    id: "whitespace/double-space",
    severity: Severity::Warning,
    summary: "Several spaces between two words",
    explanation:
        "Doubled spaces come from removed words, joined fragments or typewriter habits; German \
typography uses one space.\n\nBad:  \"Der  Kanzler sprach.\"\nGood: \"Der Kanzler sprach.\"",
    fix: FixAvailability::Safe,
};

impl Rule for DoubleSpace {
    fn meta(&self) -> &'static RuleMeta {
        &DOUBLE_SPACE
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let tokens = doc.tokens();
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Space || i == 0 || is_single_space(doc, t) {
                continue;
            }
            let s = doc.token_text(t);
            if s.len() < 2 || !s.chars().all(is_plain_space) {
                continue;
            }
            let inner = tokens[i - 1].kind != TokenKind::Newline
                && tokens
                    .get(i + 1)
                    .is_some_and(|n| n.kind != TokenKind::Newline);
            if inner {
                out.push(
                    self.diagnostic(t.range.clone(), format!("{} spaces in a row", s.len()))
                        .with_fix(Fix::safe(vec![Edit::replace(t.range.clone(), " ")])),
                );
            }
        }
    }
}

/// No-break and other Unicode spaces where a normal space belongs.
pub struct OddSpace;

static ODD_SPACE: RuleMeta = RuleMeta {
    id: "whitespace/odd-space",
    severity: Severity::Warning,
    summary: "A no-break or other special space where a normal space belongs",
    explanation: "Web pages put no-break spaces (U+00A0) and other special spaces between ordinary words; \
they stop lines from wrapping and break search. A no-break space is right in a few places and is \
left alone there: inside abbreviations (`z.\u{a0}B.`), between a number and its unit (`10\u{a0}km`, \
`5\u{a0}%`) and after `Nr.`, `§` or `S.` before a number.\n\n\
Bad:  \"Der\\u{a0}Kanzler sprach.\"\nGood: \"Der Kanzler sprach.\"",
    fix: FixAvailability::Safe,
};

fn is_odd_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// No-break spaces are typographically right after a number, inside
/// abbreviations and before a number after `Nr.`, `§`, `S.`.
fn no_break_is_right(doc: &Document, i: usize) -> bool {
    let tokens = doc.tokens();
    let prev = i.checked_sub(1).map(|p| &tokens[p]);
    let next = tokens.get(i + 1);
    let prev_text = prev.map_or("", |t| doc.token_text(t));
    if prev.is_some_and(|t| t.kind == TokenKind::Number)
        || next.is_some_and(|t| t.kind == TokenKind::Number)
    {
        return true;
    }
    if matches!(prev_text, "§" | "%" | "€" | "$") {
        return true;
    }
    if prev_text == "." {
        // `z.\u{a0}B.`, `Dr.\u{a0}Weber`: an abbreviation's full stop.
        let word = i
            .checked_sub(2)
            .map(|p| &tokens[p])
            .filter(|t| t.kind == TokenKind::Word)
            .map_or("", |t| doc.token_text(t));
        return word.chars().count() <= 4 && !word.is_empty();
    }
    // Initials and units after a letter: `J.\u{a0}R.` handled above; `km\u{a0}/h` is rare.
    false
}

impl Rule for OddSpace {
    fn meta(&self) -> &'static RuleMeta {
        &ODD_SPACE
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for (i, t) in doc.tokens().iter().enumerate() {
            if t.kind != TokenKind::Space || is_single_space(doc, t) {
                continue;
            }
            let s = doc.token_text(t);
            if !s.chars().any(is_odd_space) {
                continue;
            }
            let line = doc.line_of(t.range.start);
            if doc.is_blank_line(line) {
                continue; // whitespace/whitespace-only-line reports it
            }
            let line_range = &doc.lines()[line].content;
            if t.range.end == line_range.end || t.range.start == line_range.start {
                continue; // trailing or leading: whitespace/trailing or indentation
            }
            let only_no_break = s.chars().all(|c| c == '\u{a0}' || c == '\u{202f}');
            if only_no_break && no_break_is_right(doc, i) {
                continue;
            }
            let name = match s.chars().find(|c| is_odd_space(*c)) {
                Some('\u{a0}') => "No-break space (U+00A0)".to_string(),
                Some('\u{202f}') => "Narrow no-break space (U+202F)".to_string(),
                Some(c) => format!("Special space U+{:04X}", c as u32),
                None => continue,
            };
            out.push(
                self.diagnostic(
                    t.range.clone(),
                    format!("{name} where a normal space belongs"),
                )
                .with_fix(Fix::safe(vec![Edit::replace(t.range.clone(), " ")])),
            );
        }
    }
}

/// Tabs inside prose.
pub struct Tab;

static TAB: RuleMeta = RuleMeta {
    id: "whitespace/tab",
    severity: Severity::Warning,
    summary: "A tab character in running text",
    explanation:
        "Tabs in an article come from copied tables or editors; in running text they render \
as random widths.\n\nBad:  \"Der\\tKanzler\"\nGood: \"Der Kanzler\"",
    fix: FixAvailability::Safe,
};

impl Rule for Tab {
    fn meta(&self) -> &'static RuleMeta {
        &TAB
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for (i, t) in doc.tokens().iter().enumerate() {
            if t.kind != TokenKind::Space
                || is_single_space(doc, t)
                || !doc.token_text(t).contains('\t')
            {
                continue;
            }
            let line = &doc.lines()[doc.line_of(t.range.start)];
            let leading = t.range.start == line.content.start;
            let trailing = t.range.end == line.content.end;
            if leading || trailing || i == 0 {
                continue; // indentation, or whitespace/trailing
            }
            out.push(
                self.diagnostic(t.range.clone(), "Tab inside a line")
                    .with_fix(Fix::safe(vec![Edit::replace(t.range.clone(), " ")])),
            );
        }
    }
}

/// A space before `, . ; : ! ? )`.
pub struct SpaceBeforePunctuation;

static SPACE_BEFORE_PUNCTUATION: RuleMeta = RuleMeta {
    id: "whitespace/space-before-punctuation",
    severity: Severity::Warning,
    summary: "A space before a comma, full stop, colon, closing bracket or similar",
    explanation: "German puts no space before `, . ; : ! ?` and closing brackets. MT output and \
French-trained tools insert one. An ellipsis standing for left-out words (`Er sagte …`) keeps its \
space.\n\nBad:  \"am besten , sagte er (laut Reuters )\"\nGood: \"am besten, sagte er (laut Reuters)\"",
    fix: FixAvailability::Safe,
};

impl Rule for SpaceBeforePunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &SPACE_BEFORE_PUNCTUATION
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let tokens = doc.tokens();
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Punct {
                continue;
            }
            let p = doc.token_text(t);
            if !matches!(p, "," | "." | ";" | ":" | "!" | "?" | ")" | "]") {
                continue;
            }
            let Some(space) = i.checked_sub(1).map(|s| &tokens[s]) else {
                continue;
            };
            if space.kind != TokenKind::Space || i < 2 {
                continue;
            }
            let before = &tokens[i - 2];
            if matches!(before.kind, TokenKind::Newline) {
                continue; // at line start: a list marker or an ellipsis line
            }
            let next = tokens.get(i + 1);
            let next_text = next.map_or("", |n| doc.token_text(n));
            // `.NET`, `:-)`, `...` and `. . .` are not punctuation after a word.
            if next.is_some_and(|n| matches!(n.kind, TokenKind::Word | TokenKind::Number))
                && p != ")"
                && p != "]"
                && p != ","
            {
                continue;
            }
            let spaced_dots = doc
                .next_non_space(i)
                .is_some_and(|n| doc.token_text(n) == ".");
            if p == "." && (next_text == "." || spaced_dots || doc.token_text(before) == ".") {
                continue;
            }
            if matches!(p, ":" | "!" | "?") && matches!(next_text, "-" | ")" | "(") {
                continue;
            }
            if doc.token_text(before) == "–" || doc.token_text(before) == "-" {
                continue;
            }
            out.push(
                self.diagnostic(
                    space.range.start..t.range.end,
                    format!("Space before `{p}`"),
                )
                .with_fix(Fix::safe(vec![Edit::delete(space.range.clone())])),
            );
        }
    }
}

/// A space after an opening bracket or opening German quote.
pub struct SpaceAfterOpening;

static SPACE_AFTER_OPENING: RuleMeta = RuleMeta {
    id: "whitespace/space-after-opening",
    severity: Severity::Warning,
    summary: "A space after an opening bracket or opening quote",
    explanation: "Brackets and quotation marks hug their content.\n\n\
Bad:  \"( laut Reuters) „ Wir kommen“\"\nGood: \"(laut Reuters) „Wir kommen“\"",
    fix: FixAvailability::Safe,
};

impl Rule for SpaceAfterOpening {
    fn meta(&self) -> &'static RuleMeta {
        &SPACE_AFTER_OPENING
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let tokens = doc.tokens();
        for (i, t) in tokens.iter().enumerate() {
            // `(` and `[` are punctuation, `„` and `‚` quotes.
            if !matches!(t.kind, TokenKind::Punct | TokenKind::Quote) {
                continue;
            }
            let p = doc.token_text(t);
            if !matches!(p, "(" | "[" | "„" | "‚") {
                continue;
            }
            let (Some(space), Some(after)) = (tokens.get(i + 1), tokens.get(i + 2)) else {
                continue;
            };
            if space.kind != TokenKind::Space
                || !matches!(after.kind, TokenKind::Word | TokenKind::Number)
            {
                continue;
            }
            out.push(
                self.diagnostic(t.range.start..space.range.end, format!("Space after `{p}`"))
                    .with_fix(Fix::safe(vec![Edit::delete(space.range.clone())])),
            );
        }
    }
}

/// No space after a comma, semicolon or sentence end before the next word.
pub struct MissingSpace;

static MISSING_SPACE: RuleMeta = RuleMeta {
    id: "whitespace/missing-space",
    severity: Severity::Warning,
    summary: "No space after a comma, semicolon, colon or sentence end",
    explanation:
        "When text is joined from fragments the space after punctuation gets lost. Numbers \
(`3,5`, `10:30`), web addresses, file names and abbreviations like `z.B.` are left alone; a label \
glued to a sentence at the start of a line (`Quelle:Das`) is reported by \
`stray-token/glued-label`.\n\nBad:  \"Er kam,sah und siegte.Danach ging er.\"\n\
Good: \"Er kam, sah und siegte. Danach ging er.\"",
    fix: FixAvailability::Safe,
};

impl Rule for MissingSpace {
    fn meta(&self) -> &'static RuleMeta {
        &MISSING_SPACE
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let tokens = doc.tokens();
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Punct || i == 0 {
                continue;
            }
            let p = doc.token_text(t);
            let Some(next) = tokens.get(i + 1) else {
                continue;
            };
            if next.kind != TokenKind::Word {
                continue;
            }
            let prev = &tokens[i - 1];
            if !matches!(prev.kind, TokenKind::Word | TokenKind::Quote)
                && doc.token_text(prev) != ")"
            {
                continue;
            }
            let next_text = doc.token_text(next);
            let prev_text = doc.token_text(prev);
            // `&quot;Angriff`: the `;` ends an HTML entity (unicode/html-entity).
            let ends_entity =
                p == ";" && i >= 2 && matches!(doc.token_text(&tokens[i - 2]), "&" | "#");
            let flag = match p {
                "," | ";" => !ends_entity,
                // A new sentence glued on: `siegte.Danach`. Lower case after a
                // full stop is a domain or file name (`spiegel.de`).
                "." | "!" | "?" => {
                    next_text.starts_with(char::is_uppercase)
                        && prev_text.chars().count() > 1
                        && next_text.chars().count() > 1
                        && !next_text.chars().all(|c| c.is_uppercase())
                }
                ":" => {
                    let line = &doc.lines()[doc.line_of(t.range.start)];
                    // `Quelle:Das` at line start is a glued label, which
                    // stray-token/glued-label reports.
                    let at_line_start = doc.prev_non_space(i - 1).is_none_or(|b| {
                        b.kind == TokenKind::Newline || b.range.end <= line.content.start
                    });
                    let glued_label = at_line_start && crate::rules::lexicon::is_label(prev_text);
                    !glued_label && next_text.chars().count() > 1
                }
                _ => false,
            };
            if flag {
                out.push(
                    self.diagnostic(t.range.clone(), format!("No space after `{p}`"))
                        .with_fix(Fix::safe(vec![Edit::insert(t.range.end, " ")])),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{check, fixed, flagged};

    #[test]
    fn whitespace_only_lines() {
        let text = "Absatz.\n\u{a0}\nNoch einer.\n   \n";
        assert_eq!(flagged(&WhitespaceOnlyLine, text), ["\u{a0}", "   "]);
        assert_eq!(
            fixed(&WhitespaceOnlyLine, text),
            "Absatz.\n\nNoch einer.\n\n"
        );
        assert!(check(&WhitespaceOnlyLine, "Absatz.\n\nNoch einer.\n").is_empty());
    }

    #[test]
    fn runs_of_blank_lines_collapse_to_one() {
        let text = "Quellenlink\n\n\n\n\nKommentar\n";
        let d = check(&BlankLines, text);
        assert_eq!(d.len(), 1);
        assert_eq!(fixed(&BlankLines, text), "Quellenlink\n\nKommentar\n");
        assert_eq!(fixed(&BlankLines, "a\r\n\r\n\r\nb\r\n"), "a\r\n\r\nb\r\n");
        assert_eq!(fixed(&BlankLines, "a\n\n\n"), "a\n");
    }

    #[test]
    fn single_blank_lines_and_final_newline_are_fine() {
        assert!(check(&BlankLines, "a\n\nb\n\nc\n").is_empty());
        assert!(check(&BlankLines, "a").is_empty());
        assert!(check(&BlankLines, "").is_empty());
    }

    #[test]
    fn trailing_whitespace() {
        assert_eq!(
            fixed(&TrailingWhitespace, "Satz. \t\r\nZwei.\n"),
            "Satz.\r\nZwei.\n"
        );
        assert!(check(&TrailingWhitespace, "Satz.\n\nZwei.").is_empty());
    }

    #[test]
    fn double_spaces_inside_lines_only() {
        assert_eq!(
            fixed(&DoubleSpace, "Der  Kanzler   sprach."),
            "Der Kanzler sprach."
        );
        assert!(check(&DoubleSpace, "    eingerückt\nZeile  \n").is_empty());
        assert!(check(&DoubleSpace, "Ein Satz. Noch einer.").is_empty());
    }

    #[test]
    fn odd_spaces_between_words() {
        assert_eq!(
            fixed(&OddSpace, "Der\u{a0}Kanzler und\u{2009}die"),
            "Der Kanzler und die"
        );
    }

    #[test]
    fn no_break_spaces_that_are_right_stay() {
        for ok in [
            "Es sind 10\u{a0}km.",
            "z.\u{a0}B. hier",
            "Laut §\u{a0}3 gilt",
            "Nr.\u{a0}5 gewinnt",
            "Es sind 5\u{a0}% mehr",
            "Dr.\u{a0}Weber kam",
            "\u{a0}\n",
        ] {
            assert!(check(&OddSpace, ok).is_empty(), "{ok:?}");
        }
    }

    #[test]
    fn tabs_inside_lines() {
        assert_eq!(fixed(&Tab, "Der\tKanzler"), "Der Kanzler");
        assert!(check(&Tab, "\tEingerückt").is_empty());
    }

    #[test]
    fn space_before_punctuation() {
        let text = "am besten , sagte er (laut Reuters ) heute !";
        assert_eq!(flagged(&SpaceBeforePunctuation, text), [" ,", " )", " !"]);
        assert_eq!(
            fixed(&SpaceBeforePunctuation, text),
            "am besten, sagte er (laut Reuters) heute!"
        );
    }

    #[test]
    fn space_before_punctuation_leaves_correct_text_alone() {
        for ok in [
            "Er sagte … und ging.",
            "Die Sprache .NET ist alt.",
            "Ein Smiley :-) hier.",
            "- Punkt eins\n, zwei",
            "Ergebnis: 2:1 für Bayern.",
            "Er zögerte . . . dann ging er.",
            "Ende – ; seltsam",
        ] {
            assert!(check(&SpaceBeforePunctuation, ok).is_empty(), "{ok:?}");
        }
    }

    #[test]
    fn space_after_opening() {
        assert_eq!(
            fixed(&SpaceAfterOpening, "( laut Reuters) „ Wir“"),
            "(laut Reuters) „Wir“"
        );
        assert!(check(&SpaceAfterOpening, "Er (74) sagte „Ja“.").is_empty());
    }

    #[test]
    fn missing_space_after_punctuation() {
        let text = "Er kam,sah und siegte.Danach ging er; sagte:Nein";
        assert_eq!(flagged(&MissingSpace, text), [",", ".", ":"]);
        assert_eq!(flagged(&MissingSpace, "Fazit:Die Lage ist ernst."), [":"]);
        assert_eq!(fixed(&MissingSpace, "Er kam,sah"), "Er kam, sah");
    }

    #[test]
    fn missing_space_leaves_numbers_urls_and_abbreviations() {
        for ok in [
            "Es sind 3,5 Prozent um 10:30 Uhr.",
            "Siehe www.spiegel.de und info@dpa.de.",
            "Das gilt z.B. auch u.a. hier.",
            "Die Datei bericht.pdf liegt bei spiegel.de vor.",
            "Quelle:Das war knapp.",
            "Er sagte: Nein.",
            "Node.js und ASP.NET sind Software.",
            "Er sprach von einem &quot;Angriff&quot; und &#8222;mehr",
        ] {
            assert!(check(&MissingSpace, ok).is_empty(), "{ok:?}");
        }
    }
}

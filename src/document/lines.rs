//! Byte offset ↔ line and column, computed once per document.

use std::ops::Range;

/// One line of the text. `content` excludes the line break (`\n` or `\r\n`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub content: Range<usize>,
    /// Whether the line is pure ASCII, so columns are byte offsets.
    pub ascii: bool,
    /// Start of the line through the end of its line break.
    pub full: Range<usize>,
}

/// A position in the text as people count it: line and column are 1-based,
/// the column in Unicode scalar values (what editors show).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone)]
pub struct LineIndex {
    lines: Vec<Line>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut lines = Vec::new();
        let mut start = 0;
        for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
            let content_end = if i > start && text.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            lines.push(Line {
                ascii: text.as_bytes()[start..content_end].is_ascii(),
                content: start..content_end,
                full: start..i + 1,
            });
            start = i + 1;
        }
        if start < text.len() || lines.is_empty() {
            lines.push(Line {
                ascii: text.as_bytes()[start..].is_ascii(),
                content: start..text.len(),
                full: start..text.len(),
            });
        }
        LineIndex { lines }
    }

    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// 0-based index of the line holding `offset` (an offset at the very end
    /// belongs to the last line).
    pub fn line_number(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.full.end <= offset)
            .min(self.lines.len() - 1)
    }

    pub fn position(&self, text: &str, offset: usize) -> Position {
        let line = self.line_number(offset);
        let start = self.lines[line].full.start;
        let offset = floor_char_boundary(text, offset.max(start));
        let before = &text[start..offset];
        // Byte offsets are columns on ASCII text; counting characters from
        // the line start for every finding would be quadratic on huge lines.
        let column = if self.lines[line].ascii {
            before.len() + 1
        } else {
            before.chars().count() + 1
        };
        Position {
            line: line + 1,
            column,
        }
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "Grüße\n„Zitat“ hier";
        let index = LineIndex::new(text);
        let hier = text.find("hier").unwrap();
        assert_eq!(index.position(text, hier), Position { line: 2, column: 9 });
        assert_eq!(index.position(text, 0), Position { line: 1, column: 1 });
    }

    #[test]
    fn crlf_is_not_part_of_the_content() {
        let text = "eins\r\nzwei\r\n";
        let index = LineIndex::new(text);
        assert_eq!(index.lines().len(), 2);
        assert_eq!(&text[index.lines()[0].content.clone()], "eins");
        assert_eq!(index.lines()[0].full, 0..6);
    }

    #[test]
    fn end_of_text_maps_to_last_line() {
        let text = "a\nb";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 3), Position { line: 2, column: 2 });
        let empty = LineIndex::new("");
        assert_eq!(empty.position("", 0), Position { line: 1, column: 1 });
    }
}

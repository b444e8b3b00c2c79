//! Which parts of a Markdown file are prose. Front matter, code, HTML and
//! link targets are not, and findings there would be noise.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The prose of a Markdown file, and the code (blocks and inline), front
/// matter and HTML where even white space is not prose.
#[derive(Debug)]
pub struct Layout {
    pub prose: Vec<Range<usize>>,
    pub code_blocks: Vec<Range<usize>>,
}

pub fn layout(text: &str) -> Layout {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut code_blocks: Vec<Range<usize>> = Vec::new();
    let mut skip_depth = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock) => {
                skip_depth += 1;
                code_blocks.push(range);
            }
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock) => {
                skip_depth = skip_depth.saturating_sub(1)
            }
            Event::Code(_) | Event::InlineHtml(_) | Event::Html(_) => code_blocks.push(range),
            Event::Text(_) if skip_depth == 0 => {
                // Text events never span escapes or markup; adjacent ones are
                // merged so a sentence across `*emphasis*` stays one range.
                match ranges.last_mut() {
                    Some(last) if last.end == range.start => last.end = range.end,
                    _ => ranges.push(range),
                }
            }
            _ => {}
        }
    }
    Layout {
        prose: ranges,
        code_blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(text: &str) -> Vec<&str> {
        layout(text).prose.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn code_front_matter_and_links_are_not_prose() {
        let text = "---\ntitle: \"x\"\n---\n\n# Titel\n\nEin [Link](https://x.de) und `code`.\n\n```\nfn  main()\n```\n";
        let p = prose(text);
        assert!(p.contains(&"Titel"));
        assert!(p.contains(&"Ein "));
        assert!(p.contains(&"Link"));
        assert!(!p
            .iter()
            .any(|s| s.contains("title") || s.contains("main") || s.contains("https")));
    }
}

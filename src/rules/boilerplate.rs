//! Boilerplate: page chrome that scraping left in the article — comment
//! forms, share and follow prompts, read-more links, skip links, cookie and
//! newsletter prompts, comment counters, source-link labels, outlet tags.
//!
//! Known chrome ships as data (`rules/boilerplate.toml`, each pattern matched
//! case-insensitively against the whole trimmed line) and can be extended with
//! `[boilerplate] patterns` in the configuration. Structural rules find chrome
//! that no list names: navigation arrows and breadcrumbs, the outlet
//! advertising its own channels, and bare labels after the last paragraph.

use std::borrow::Cow;
use std::sync::{Arc, LazyLock};

use regex::Regex;
use serde::Deserialize;

use crate::config::{ConfigError, Settings};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::{is_quote_char, Document, Line};
use crate::rule::{Context, FixAvailability, Rule, RuleMeta};
use crate::rules::line_patterns::{LinePatterns, Table, Tables};

pub fn rules(settings: &Settings) -> Result<Vec<Box<dyn Rule>>, ConfigError> {
    let chrome = Arc::new(ChromeLines::new(settings)?);
    Ok(vec![
        Box::new(PageChrome {
            chrome: Arc::clone(&chrome),
        }),
        Box::new(NavigationLink {
            chrome: Arc::clone(&chrome),
        }),
        Box::new(TeaserLink {
            chrome: Arc::clone(&chrome),
        }),
        Box::new(SelfPromotion {
            chrome: Arc::clone(&chrome),
        }),
        Box::new(OutletTag {
            chrome: Arc::clone(&chrome),
        }),
        Box::new(DanglingLabel { chrome }),
    ])
}

/// Lines longer than this are article text, never chrome; skipping them
/// keeps the pattern set off most of the text. The longest shipped patterns
/// (cookie banners) stay well below it.
const MAX_CHROME_LINE: usize = 600;

/// English chrome longer than this many words is left to the untranslated
/// rules: an English sentence (an aggregator's "You can also read …") needs a
/// translate-or-delete decision, while short English link and button labels
/// ("Read more »", "Leave a Reply") are plain chrome.
const MAX_ENGLISH_CHROME_WORDS: usize = 5;

static SHIPPED_TOML: &str = include_str!("../../rules/boilerplate.toml");

#[derive(Debug, Deserialize)]
struct PatternFile {
    pattern: Vec<PatternGroup>,
}

/// One `[[pattern]]` group of `rules/boilerplate.toml`.
#[derive(Debug, Deserialize)]
pub struct PatternGroup {
    pub id: String,
    pub lang: Lang,
    /// Deleting a matching line is never wrong in a news article.
    pub safe: bool,
    patterns: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    De,
    En,
}

struct Shipped {
    groups: Vec<PatternGroup>,
    patterns: LinePatterns,
    /// Pattern index in `patterns` → group index.
    group_of: Vec<usize>,
}

/// The literal prefilter of the shipped patterns, computed by `build.rs`.
static SHIPPED_TABLES: Tables = include!(concat!(env!("OUT_DIR"), "/boilerplate_tables.rs"));

static SHIPPED: LazyLock<Shipped> = LazyLock::new(|| {
    let file: PatternFile =
        toml::from_str(SHIPPED_TOML).expect("rules/boilerplate.toml parses (checked by tests)");
    let mut sources = Vec::new();
    let mut group_of = Vec::new();
    for (g, group) in file.pattern.iter().enumerate() {
        for p in &group.patterns {
            sources.push(p.clone());
            group_of.push(g);
        }
    }
    let patterns = LinePatterns::with_tables(sources, SHIPPED_TABLES.clone());
    Shipped {
        groups: file.pattern,
        patterns,
        group_of,
    }
});

/// Which list says a line is chrome.
#[derive(Debug, Clone, Copy)]
pub enum ChromeSource<'a> {
    Shipped(&'static PatternGroup),
    /// A pattern from `[boilerplate] patterns`.
    User(&'a str),
}

/// The shipped chrome patterns plus the user's.
pub struct ChromeLines {
    user: LinePatterns,
}

impl ChromeLines {
    /// An invalid user pattern is a configuration error naming the file and
    /// the pattern.
    pub fn new(settings: &Settings) -> Result<ChromeLines, ConfigError> {
        let user = LinePatterns::new(settings.file.boilerplate.patterns.clone());
        user.compile_all().map_err(|(i, e)| ConfigError {
            path: settings.config_path.clone().unwrap_or_default(),
            message: format!(
                "invalid regular expression `{}` in [boilerplate] patterns: {}",
                user.pattern(i),
                e.to_string().replace('\n', " ")
            ),
        })?;
        Ok(ChromeLines { user })
    }

    /// The list that names `line` (the whole line, trimmed) as chrome.
    pub fn match_line(&self, line: &str) -> Option<ChromeSource<'_>> {
        let trimmed = trim_line(line);
        if trimmed.is_empty() || trimmed.len() > MAX_CHROME_LINE {
            return None;
        }
        let line = collapse_spaces(trimmed);
        let shipped = &*SHIPPED;
        // Counted only when an English pattern is about to be tried.
        let english_ok = std::cell::OnceCell::new();
        let wanted = |i: usize| {
            shipped.groups[shipped.group_of[i]].lang == Lang::De
                || *english_ok.get_or_init(|| {
                    word_count_up_to(&line, MAX_ENGLISH_CHROME_WORDS + 1)
                        <= MAX_ENGLISH_CHROME_WORDS
                })
        };
        if let Some(i) = shipped.patterns.find(&line, wanted) {
            return Some(ChromeSource::Shipped(&shipped.groups[shipped.group_of[i]]));
        }
        let i = self.user.find(&line, |_| true)?;
        Some(ChromeSource::User(self.user.pattern(i)))
    }

    /// Whether a line is chrome by any pattern or by its shape alone
    /// (navigation links, self-promotion). Other families use this to leave
    /// chrome lines to this one.
    pub fn is_chrome(&self, line: &str) -> bool {
        let trimmed = trim_line(line);
        is_navigation_link(trimmed) || is_self_promotion(trimmed) || self.match_line(line).is_some()
    }
}

/// A line without surrounding white space, no-break spaces and invisible
/// characters included.
pub(crate) fn trim_line(line: &str) -> &str {
    line.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}'..='\u{200d}' | '\u{2060}')
    })
}

/// Inner runs of white space (no-break spaces too) as one space, the way the
/// patterns are written.
fn collapse_spaces(s: &str) -> Cow<'_, str> {
    // Byte by byte: nearly every line of a text is clean, and only
    // non-ASCII characters need decoding to tell white space.
    let mut prev_space = false;
    let clean = s.as_bytes().iter().enumerate().all(|(i, &b)| {
        let (space, other_white) = match b {
            b' ' => (true, false),
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => (false, true),
            // A continuation byte belongs to the character before.
            0x80..=0xbf => return true,
            0xc0.. => (false, s[i..].starts_with(char::is_whitespace)),
            _ => (false, false),
        };
        let ok = !(other_white || (space && prev_space));
        prev_space = space;
        ok
    });
    if clean {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// Words with at least one letter; `»`, `–` or `(3)` do not count.
pub(crate) fn word_count(s: &str) -> usize {
    word_count_up_to(s, usize::MAX)
}

/// [`word_count`], but counting stops at `limit`: enough to compare with a
/// limit below it, and most lines are long. Words are split at white space
/// as `str::split_whitespace` does; ASCII bytes are classified without
/// decoding, since nearly every line of a text is counted.
pub(crate) fn word_count_up_to(s: &str, limit: usize) -> usize {
    let bytes = s.as_bytes();
    let (mut count, mut in_word, mut letter) = (0, false, false);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = if b.is_ascii() {
            letter |= b.is_ascii_alphabetic();
            (matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c), 1)
        } else {
            let c = s[i..].chars().next().expect("i is a char boundary");
            let space = c.is_whitespace();
            letter = letter || c.is_alphabetic();
            (space, c.len_utf8())
        };
        if space {
            count += usize::from(in_word && letter);
            if count >= limit {
                return limit;
            }
            (in_word, letter) = (false, false);
        } else {
            in_word = true;
        }
        i += len;
    }
    (count + usize::from(in_word && letter)).min(limit)
}

/// A line that reads like article text: a sentence of some length.
fn is_running_text(line: &str) -> bool {
    let words = word_count(line);
    let end = line
        .trim_end_matches(|c: char| is_quote_char(c) || matches!(c, ')' | ']') || c.is_whitespace())
        .chars()
        .last();
    words >= 15 || (words >= 8 && matches!(end, Some('.' | '!' | '?' | '…')))
}

/// The article body: the first and the last line of running text that is
/// not chrome. Chrome before the first is page header, after the last it is
/// page footer.
#[derive(Debug, Clone, Copy)]
struct Body {
    first: usize,
    last: usize,
}

fn body(doc: &Document, chrome: &ChromeLines) -> Option<Body> {
    let is_text = |i: &usize| {
        let line = doc.line_text(*i);
        is_running_text(line) && !chrome.is_chrome(line)
    };
    let n = doc.lines().len();
    let first = (0..n).find(is_text)?;
    let last = (first..n).rev().find(is_text)?;
    Some(Body { first, last })
}

/// Deleting a line removes it with its line break.
fn delete_line(line: &Line) -> Edit {
    Edit::delete(line.full.clone())
}

/// Page chrome named by the shipped list or the configuration.
pub struct PageChrome {
    chrome: Arc<ChromeLines>,
}

static PAGE_CHROME: RuleMeta = RuleMeta {
    id: "boilerplate/page-chrome",
    severity: Severity::Warning,
    summary: "A line of web page chrome: comment form, share button, read-more link, cookie or newsletter prompt",
    explanation: "Scrapers keep the page around the article: comment forms, share and follow \
buttons, \"Lesen Sie auch\" labels, skip links, cookie and newsletter prompts, comment counters, \
source-link labels and outlet tags. They are not part of the article and should go. The lines come \
from a list shipped with schliff (`rules/boilerplate.toml`) plus `[boilerplate] patterns` in the \
configuration; each pattern must match the whole line. Deleting the line is a safe fix for entries \
that are never article text (\"Hinterlasse eine Antwort\"), an unsafe one otherwise (\"Kommentare\" \
could be a subheading). A single word like \"Kommentare\" followed by a paragraph inside the article \
is taken for a subheading and left alone.\n\n\
Bad:  \"… die Gespräche gehen weiter.\\n\\nHinterlasse eine Antwort\\n\"\n\
Good: \"… die Gespräche gehen weiter.\\n\"",
    fix: FixAvailability::Sometimes,
};

/// A one- or two-word line of plain words inside the article, between
/// lines that are not chrome (paragraphs, a list), reads as a subheading
/// (`Diskussion`, `Kontakt`); only patterns marked safe are trusted there.
fn looks_like_subheading(
    doc: &Document,
    i: usize,
    body: Option<Body>,
    chrome: &ChromeLines,
) -> bool {
    let Some(body) = body else { return false };
    let text = trim_line(doc.line_text(i));
    let heading_like = text.starts_with(char::is_uppercase)
        && text
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    if i <= body.first || i >= body.last || word_count(text) > 2 || !heading_like {
        return false;
    }
    // Chrome comes in groups (`Facebook`, `WhatsApp`, `E-Mail`); a heading
    // stands between content.
    let is_content = |j: usize| !chrome.is_chrome(doc.line_text(j));
    let lines = doc.lines().len();
    let prev = (0..i).rev().find(|&j| !doc.is_blank_line(j));
    let next = (i + 1..lines).find(|&j| !doc.is_blank_line(j));
    prev.is_some_and(is_content) && next.is_some_and(is_content)
}

impl Rule for PageChrome {
    fn meta(&self) -> &'static RuleMeta {
        &PAGE_CHROME
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let mut body_cache: Option<Option<Body>> = None;
        for (i, line) in doc.lines().iter().enumerate() {
            let Some(source) = self.chrome.match_line(&doc.text[line.content.clone()]) else {
                continue;
            };
            let (message, safe) = match source {
                ChromeSource::Shipped(g) => {
                    (format!("Page chrome ({}), not article text", g.id), g.safe)
                }
                ChromeSource::User(p) => (
                    format!("Page chrome, not article text (configured pattern `{p}`)"),
                    false,
                ),
            };
            if !safe {
                let body = *body_cache.get_or_insert_with(|| body(doc, &self.chrome));
                if looks_like_subheading(doc, i, body, &self.chrome) {
                    continue;
                }
            }
            let edits = vec![delete_line(line)];
            let fix = if safe {
                Fix::safe(edits)
            } else {
                Fix::unsafe_(edits)
            };
            out.push(
                self.diagnostic(line.content.clone(), message)
                    .with_fix(fix)
                    .covering_line(),
            );
        }
    }
}

/// Arrows that mark a link, before or after its label.
const ARROWS: &[char] = &['»', '›', '→', '▶', '►', '⇒', '➔', '➜', '>'];

fn is_arrow(c: char) -> bool {
    ARROWS.contains(&c)
}

/// A short label that contains a letter and no sentence punctuation.
fn is_link_text(s: &str) -> bool {
    let s = s.trim();
    let words = word_count(s);
    (1..=6).contains(&words)
        && s.split_whitespace().count() <= 7
        && !s.contains(['.', '!', '?', ';', ',', ':', '„', '“', '”', '"', '«', '‹'])
}

/// `Weiterlesen »`, `→ Alle Infos zur Wahl`, `« Vorheriger Beitrag`,
/// `Politik › Ausland › Russland`: a short label with a link arrow at its end
/// or start, or a trail of such labels. `»` and `›` count only without their
/// partners `«` and `‹`, which would make them quotation marks (Swiss «…»,
/// German »…«).
pub(crate) fn is_navigation_link(line: &str) -> bool {
    let line = line.trim_end_matches(['.', '…']).trim_end();
    // `« Vorheriger Beitrag`: a link back.
    if let Some(rest) = line.strip_prefix(['«', '‹', '←']) {
        return rest.starts_with(char::is_whitespace)
            && !rest.contains(['»', '›'])
            && is_link_text(rest);
    }
    if line.is_empty() || !line.contains(ARROWS) || line.contains(['«', '‹']) {
        return false;
    }
    // `> Zitat` is a quotation in e-mail and Markdown, not a link.
    if line.starts_with('>') {
        return false;
    }
    if let Some(rest) = line.strip_prefix(is_arrow) {
        return rest.starts_with(char::is_whitespace) && is_link_text(rest);
    }
    let core = line.trim_end_matches(is_arrow);
    if core.len() < line.len() {
        let gt_only = line[core.len()..].chars().all(|c| c == '>');
        // `>` needs a space before it (`Mehr >`); `Mehr»` is fine.
        return (!gt_only || core.ends_with(char::is_whitespace)) && is_link_text(core);
    }
    // A breadcrumb trail: labels separated by arrows with spaces around.
    let parts: Vec<&str> = line.split(|c: char| is_arrow(c)).map(str::trim).collect();
    (3..=7).contains(&parts.len())
        && line
            .match_indices(is_arrow)
            .all(|(i, a)| line[..i].ends_with(' ') && line[i + a.len()..].starts_with(' '))
        && parts.iter().all(|p| is_link_text(p) && word_count(p) <= 3)
}

/// Short link labels with arrows and breadcrumb trails.
pub struct NavigationLink {
    chrome: Arc<ChromeLines>,
}

static NAVIGATION_LINK: RuleMeta = RuleMeta {
    id: "boilerplate/navigation-link",
    severity: Severity::Warning,
    summary: "A link label with an arrow (`Alle Meldungen »`) or a breadcrumb trail",
    explanation: "A short line that ends or starts with a link arrow (`»`, `›`, `→`, `>`) is a \
teaser or navigation link whose target the scraper dropped; `Politik › Ausland › Asien` is the \
page's breadcrumb trail. Neither is article text. A line with `«…»` or `»…«` quotation marks is \
left alone. Deleting the line is an unsafe fix.\n\n\
Bad:  \"… will am Montag entscheiden.\\nAlle Meldungen zur Wahl »\\n\"\n\
Good: \"… will am Montag entscheiden.\\n\"",
    fix: FixAvailability::Unsafe,
};

impl Rule for NavigationLink {
    fn meta(&self) -> &'static RuleMeta {
        &NAVIGATION_LINK
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for line in doc.lines() {
            let text = &doc.text[line.content.clone()];
            if !is_navigation_link(trim_line(text)) || self.chrome.match_line(text).is_some() {
                continue;
            }
            out.push(
                self.diagnostic(
                    line.content.clone(),
                    "Link label or breadcrumb, not article text",
                )
                .with_fix(Fix::unsafe_(vec![delete_line(line)]))
                .covering_line(),
            );
        }
    }
}

/// `Lesen Sie auch: Warum die Bahn so unpünktlich ist`: a label that the
/// pattern list knows as chrome (`Lesen Sie auch:`), then the title of the
/// linked article.
fn is_teaser_link(chrome: &ChromeLines, line: &str) -> bool {
    let Some(colon) = line.find(':') else {
        return false;
    };
    let (label, title) = (&line[..=colon], line[colon + 1..].trim());
    if !(1..=6).contains(&word_count(label)) || !(1..=20).contains(&word_count(title)) {
        return false;
    }
    match chrome.match_line(label) {
        // Like English chrome, an English label with a sentence after it
        // (`Similar News: You can also read …`) is left to the untranslated
        // rules.
        Some(ChromeSource::Shipped(g)) => {
            g.lang == Lang::De
                || word_count_up_to(line, MAX_ENGLISH_CHROME_WORDS + 1) <= MAX_ENGLISH_CHROME_WORDS
        }
        Some(ChromeSource::User(_)) => true,
        None => false,
    }
}

/// A related-article label with the linked title on the same line.
pub struct TeaserLink {
    chrome: Arc<ChromeLines>,
}

static TEASER_LINK: RuleMeta = RuleMeta {
    id: "boilerplate/teaser-link",
    severity: Severity::Warning,
    summary: "A related-article link: `Lesen Sie auch: <title>`",
    explanation: "Pages put links to other articles between and after the paragraphs: a \
label such as `Lesen Sie auch:`, `Mehr zum Thema:` or `Read more:` followed by the other \
article's title. The label must be one the pattern list knows as chrome on its own; a sentence \
that merely begins with `Lesen Sie` (no colon) is left alone, and so are labels such as \
`Kommentar:` or `Quelle:` that belong to the article. Deleting the line is an unsafe fix.\n\n\
Bad:  \"Lesen Sie auch: Warum die Bahn so unpünktlich ist\"\n\
Good: (the line removed)",
    fix: FixAvailability::Unsafe,
};

impl Rule for TeaserLink {
    fn meta(&self) -> &'static RuleMeta {
        &TEASER_LINK
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for line in doc.lines() {
            let text = &doc.text[line.content.clone()];
            let trimmed = trim_line(text);
            if trimmed.len() > MAX_CHROME_LINE
                || !is_teaser_link(&self.chrome, trimmed)
                || self.chrome.match_line(text).is_some()
            {
                continue;
            }
            out.push(
                self.diagnostic(
                    line.content.clone(),
                    "Link to another article, not article text",
                )
                .with_fix(Fix::unsafe_(vec![delete_line(line)]))
                .covering_line(),
            );
        }
    }
}

/// The outlet's own channels: newsletter, dossier, app, social media.
static CHANNEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)\b(?:
            newsletter | dossiers? | themenseiten? | themenspecials? | spezial | liveblogs?
            | live-blogs? | liveticker | live-ticker | newsticker | podcasts? | mediathek
            | apps? | news-apps? | website | webseite | homepage | internetseite
            | onlineausgabe | e-paper | epaper | abos? | abonnements? | kanal | [\w-]+-kanal
            | facebook | instagram | twitter | tiktok | youtube | telegram | whatsapp
            | google\ news | social\ media | sozialen\ (?:medien|netzwerken)
        )\b",
    )
    .expect("valid regex")
});

/// The outlet speaking of itself (`unser Newsletter`, `folgen Sie uns`).
static SELF_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:uns|unser|unsere|unserem|unseren|unserer|unseres)\b")
        .expect("valid regex")
});

/// The reader addressed: formal `Sie`/`Ihnen` (capitalised), or informal.
/// See [`addresses_reader`].
static READER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)\b(?:Sie|Ihnen|Ihr|Ihre|Ihrem|Ihren|Ihrer|Ihres)\b
        | (?i:\b(?:du|dir|dich|dein|deine|deinem|deinen|deiner|euch|euer|eure)\b)",
    )
    .expect("valid regex")
});

/// Words that mark reported speech: `Folgen Sie uns, hieß es in der Mail`
/// quotes someone else's promotion.
const SPEECH_MARKERS: &[&str] = &[
    "sagte",
    "sagt",
    "sagten",
    "schreibt",
    "schrieb",
    "schrieben",
    "hieß",
    "heißt",
    "erklärte",
    "erklärt",
    "teilte",
    "betonte",
    "betont",
    "meinte",
    "ergänzte",
    "fügte",
    "zitiert",
    "zitierte",
    "zufolge",
    "laut",
    "so",
];

/// `Weitere Berichte finden Sie in unserem Dossier.`, `Folgen Sie uns auf
/// Instagram, um nichts zu verpassen.`: a short line with a sentence in which
/// the outlet addresses the reader about its own channels. Quoted and
/// reported speech is never one.
pub(crate) fn is_self_promotion(line: &str) -> bool {
    // `uns`/`unser` is in every such line; looking for it first keeps the
    // regular expressions off almost all lines.
    line.len() <= MAX_CHROME_LINE
        && (line.contains("uns") || line.contains("Uns"))
        && word_count_up_to(line, 36) <= 35
        && !line.contains(['„', '“', '”', '"', '«', '»'])
        && CHANNEL.is_match(line)
        && line.split_inclusive(['.', '!', '?']).any(|sentence| {
            CHANNEL.is_match(sentence)
                && SELF_REFERENCE.is_match(sentence)
                && addresses_reader(sentence)
                && !sentence
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| SPEECH_MARKERS.contains(&w))
        })
}

/// Whether the line speaks to the reader. A capitalised `Sie` or `Ihr` at
/// the start of a sentence may be "she" or "her", so only one after a word
/// counts (`Folgen Sie uns`, `finden Sie`).
fn addresses_reader(line: &str) -> bool {
    READER.find_iter(line).any(|m| {
        let informal = m.as_str().starts_with(char::is_lowercase) || m.as_str().starts_with('D');
        let before = line[..m.start()].trim_end();
        informal || before.ends_with(|c: char| c.is_alphabetic() || c == ',')
    })
}

/// The outlet advertising its newsletter, dossier, app or social media.
pub struct SelfPromotion {
    chrome: Arc<ChromeLines>,
}

static SELF_PROMOTION: RuleMeta = RuleMeta {
    id: "boilerplate/self-promotion",
    severity: Severity::Warning,
    summary: "The outlet advertising its own newsletter, dossier, app or social media",
    explanation: "Pages end or break their articles with lines in which the outlet addresses the \
reader about its own channels: its newsletter, a dossier, its app, its Instagram account. Such a \
line speaks of the outlet (`uns`, `unser`), to the reader (`Sie`, `du`) and about a channel; it is \
not part of the article and makes no sense once the article is printed elsewhere. Quoted speech is \
left alone. Deleting the line is an unsafe fix.\n\n\
Bad:  \"Mehr zur Wahl lesen Sie in unserem Dossier.\"\n\
Good: (the line removed)",
    fix: FixAvailability::Unsafe,
};

impl Rule for SelfPromotion {
    fn meta(&self) -> &'static RuleMeta {
        &SELF_PROMOTION
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for line in doc.lines() {
            let text = &doc.text[line.content.clone()];
            let trimmed = trim_line(text);
            if !is_self_promotion(trimmed)
                || is_navigation_link(trimmed)
                || self.chrome.match_line(text).is_some()
            {
                continue;
            }
            out.push(
                self.diagnostic(
                    line.content.clone(),
                    "The outlet advertising its own channels, not article text",
                )
                .with_fix(Fix::unsafe_(vec![delete_line(line)]))
                .covering_line(),
            );
        }
    }
}

/// An outlet code of capitals and digits: `T24`, `N1`, `K24`, `20MIN`.
static OUTLET_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{Lu}{1,4}\d{1,3}\p{Lu}?|\d{1,3}\p{Lu}{2,5})$").expect("valid regex")
});

/// `N1 Vijesti`, `T24 Aktuell`: an outlet code and one or two capitalised
/// words (a section name in any language).
fn is_outlet_tag(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let code = words.next().unwrap_or("");
    code.len() <= 8
        && code.contains(|c: char| c.is_ascii_digit())
        && OUTLET_CODE.is_match(code)
        && words.clone().count() <= 2
        && words.all(|w| {
            w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
}

/// An outlet code line outside the article.
pub struct OutletTag {
    chrome: Arc<ChromeLines>,
}

static OUTLET_TAG: RuleMeta = RuleMeta {
    id: "boilerplate/outlet-tag",
    severity: Severity::Warning,
    summary: "An outlet code before or after the article (`N1 Vijesti`, `T24 Ausland`)",
    explanation: "News aggregators tag each article with the code of its source, alone or \
with a section name: `T24`, `N1 Vijesti`, `K24 Aktuell`. The pattern list knows codes with \
German section names; this rule catches a code with any one or two capitalised words, but only \
before the first or after the last paragraph, where a title like `G20 Gipfel` is not to be \
expected. Deleting the line is an unsafe fix.\n\n\
Bad:  \"N1 Vijesti\\n\\nBelgrad – Tausende Menschen haben am Samstag gegen den Abbau protestiert.\"\n\
Good: \"Belgrad – Tausende Menschen haben am Samstag gegen den Abbau protestiert.\"",
    fix: FixAvailability::Unsafe,
};

impl Rule for OutletTag {
    fn meta(&self) -> &'static RuleMeta {
        &OUTLET_TAG
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let mut body_cache: Option<Option<Body>> = None;
        for (i, line) in doc.lines().iter().enumerate() {
            let text = &doc.text[line.content.clone()];
            if !is_outlet_tag(trim_line(text)) || self.chrome.match_line(text).is_some() {
                continue;
            }
            let Some(body) = *body_cache.get_or_insert_with(|| body(doc, &self.chrome)) else {
                return;
            };
            if body.first <= i && i <= body.last {
                continue;
            }
            out.push(
                self.diagnostic(
                    line.content.clone(),
                    "Outlet code of an aggregator, not article text",
                )
                .with_fix(Fix::unsafe_(vec![delete_line(line)]))
                .covering_line(),
            );
        }
    }
}

/// Words of page labels: section names (`Politik`, `Lokales`) and the
/// nouns and verbs of widgets (`Ihr Kommentar`, `Senden`, `Alle Meldungen`).
const LABEL_WORDS: &[&str] = &[
    "politik",
    "wirtschaft",
    "sport",
    "kultur",
    "ausland",
    "inland",
    "panorama",
    "meinung",
    "lokales",
    "regionales",
    "vermischtes",
    "gesellschaft",
    "wissen",
    "wissenschaft",
    "digital",
    "gesundheit",
    "finanzen",
    "börse",
    "reise",
    "karriere",
    "videos",
    "fotos",
    "bildergalerien",
    "podcasts",
    "service",
    "ratgeber",
    "verbraucher",
    "unterhaltung",
    "leute",
    "nachrichten",
    "meldungen",
    "artikel",
    "beiträge",
    "themen",
    "kommentar",
    "kommentare",
    "antwort",
    "senden",
    "absenden",
    "abschicken",
    "abonnieren",
    "anmelden",
    "registrieren",
    "kommentieren",
    "diskutieren",
    "teilen",
    "drucken",
    "versenden",
    "empfehlen",
    "merken",
    "feedback",
];

/// Words that only qualify a label word (`Alle Meldungen`, `Ihr Kommentar`).
const LABEL_MODIFIERS: &[&str] = &[
    "alle", "weitere", "mehr", "neueste", "neuste", "ihr", "ihre", "dein", "deine", "jetzt",
];

/// `Lesen Sie auch:`, `Weitere Stimmen:`, `Politik`, `Ihr Kommentar`: a
/// short label that introduces or names something.
fn is_bare_label(line: &str) -> bool {
    if let Some(label) = line.strip_suffix(':') {
        let label = label.trim_end();
        return (1..=5).contains(&word_count(label))
            && label.starts_with(char::is_uppercase)
            && label
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'' || c == '’');
    }
    let words = word_count(line);
    let lower = |w: &str| w.to_lowercase();
    (1..=3).contains(&words)
        && line.split_whitespace().count() == words
        && line.starts_with(char::is_uppercase)
        && line.split_whitespace().all(|w| {
            let w = lower(w);
            LABEL_WORDS.contains(&w.as_str()) || LABEL_MODIFIERS.contains(&w.as_str())
        })
        && line
            .split_whitespace()
            .any(|w| LABEL_WORDS.contains(&lower(w).as_str()))
}

/// A label after the last paragraph that introduces nothing.
pub struct DanglingLabel {
    chrome: Arc<ChromeLines>,
}

static DANGLING_LABEL: RuleMeta = RuleMeta {
    id: "boilerplate/dangling-label",
    severity: Severity::Warning,
    summary: "A label after the article with nothing after it (`Mehr aus Sachsen:`, `Politik`)",
    explanation: "After the last paragraph, scraped pages often keep the labels of blocks whose \
content was dropped: a short line ending in a colon (`Mehr aus Sachsen:`) or a bare section \
name (`Politik`, `Lokales`), followed by nothing but other chrome. It is not part of the article. \
A label that something real follows (a list, a text) is left alone. Deleting the line is an \
unsafe fix.\n\n\
Bad:  \"Der Stadtrat will am Montag über den neuen Bahnhof entscheiden.\\n\\nMehr aus Sachsen:\\n\"\n\
Good: \"Der Stadtrat will am Montag über den neuen Bahnhof entscheiden.\\n\"",
    fix: FixAvailability::Unsafe,
};

impl Rule for DanglingLabel {
    fn meta(&self) -> &'static RuleMeta {
        &DANGLING_LABEL
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(body) = body(doc, &self.chrome) else {
            return;
        };
        let lines = doc.lines();
        let mut labels = Vec::new();
        for i in (body.last + 1..lines.len()).rev() {
            let text = doc.line_text(i);
            let trimmed = trim_line(text);
            if trimmed.is_empty() || is_outlet_tag(trimmed) || self.chrome.is_chrome(text) {
                continue;
            }
            if !is_bare_label(trimmed) {
                break;
            }
            labels.push(&lines[i]);
        }
        for line in labels.into_iter().rev() {
            out.push(
                self.diagnostic(
                    line.content.clone(),
                    "Label after the article with nothing after it",
                )
                .with_fix(Fix::unsafe_(vec![delete_line(line)]))
                .covering_line(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lines_with_odd_white_space_are_collapsed() {
        for (line, collapsed) in [
            ("Mehr lesen »", None),
            ("Zürich – Über uns", None),
            ("Mehr  lesen", Some("Mehr lesen")),
            ("Mehr\u{a0}lesen", Some("Mehr lesen")),
            ("Über\u{2009}uns", Some("Über uns")),
            ("a\tb", Some("a b")),
            ("a\u{85}b", Some("a b")),
        ] {
            match (collapse_spaces(line), collapsed) {
                (Cow::Borrowed(same), None) => assert_eq!(same, line),
                (Cow::Owned(out), Some(expected)) => assert_eq!(out, expected),
                (got, _) => panic!("{line:?} gave {got:?}"),
            }
        }
    }

    #[test]
    fn word_count_splits_like_split_whitespace() {
        for text in [
            "",
            "  Mehr  lesen »  ",
            "Über\u{a0}uns\u{2009}– (3)\x0bÄrger\u{85}x",
            "»«\t42\r\nZürich",
            "a\u{3000}b c1 2d ___",
        ] {
            let expected = text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count();
            assert_eq!(word_count(text), expected, "{text:?}");
            assert_eq!(word_count_up_to(text, 2), expected.min(2), "{text:?}");
        }
    }
    use crate::locale::Locale;
    use crate::rule::Context;
    use crate::rules::testing::fixed;

    fn default_rules() -> Vec<Box<dyn Rule>> {
        rules(&Settings::default()).unwrap()
    }

    fn rule(id: &str) -> Box<dyn Rule> {
        default_rules()
            .into_iter()
            .find(|r| r.meta().id == id)
            .unwrap()
    }

    /// Flagged lines (trimmed) of one rule.
    fn flagged_lines(id: &str, text: &str) -> Vec<String> {
        let r = rule(id);
        crate::rules::testing::check(r.as_ref(), text)
            .iter()
            .map(|d| {
                assert!(d.covers_line);
                text[d.range.clone()].trim().to_string()
            })
            .collect()
    }

    const PARAGRAPH: &str =
        "Die Stadtverwaltung hat am Dienstag neue Pläne für den Umbau des Bahnhofs vorgestellt.";
    const PARAGRAPH2: &str = "Nach Angaben des Bauamts sollen die Arbeiten im kommenden Frühjahr beginnen und zwei Jahre dauern.";

    /// The `Bad:` and `Good:` examples of a rule's explanation, unescaped;
    /// `None` for a good example that is only a description.
    fn explanation_examples(explanation: &str) -> (String, Option<String>) {
        let example = |tag: &str| {
            let line = explanation
                .lines()
                .find_map(|l| l.strip_prefix(tag))
                .unwrap_or_else(|| panic!("no {tag} in: {explanation}"))
                .trim();
            let quoted = line.strip_prefix('"')?.strip_suffix('"')?;
            Some(quoted.replace("\\n", "\n").replace("\\\"", "\""))
        };
        (
            example("Bad:").expect("a quoted bad example"),
            example("Good:"),
        )
    }

    #[test]
    fn every_bad_example_is_flagged_and_every_good_one_is_not() {
        let settings = Settings::default();
        let all = rules(&settings)
            .unwrap()
            .into_iter()
            .chain(crate::rules::repetition::rules(&settings).unwrap());
        for rule in all {
            let (bad, good) = explanation_examples(rule.meta().explanation);
            assert!(
                !crate::rules::testing::check(rule.as_ref(), &bad).is_empty(),
                "{}: bad example not flagged: {bad:?}",
                rule.meta().id
            );
            if let Some(good) = good {
                assert!(
                    crate::rules::testing::check(rule.as_ref(), &good).is_empty(),
                    "{}: good example flagged: {good:?}",
                    rule.meta().id
                );
                // Blank lines left behind are the whitespace rules' to remove.
                let squeeze = |s: &str| {
                    s.split('\n')
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                assert_eq!(
                    squeeze(&fixed(rule.as_ref(), &bad)),
                    squeeze(&good),
                    "{}",
                    rule.meta().id
                );
            }
        }
    }

    #[test]
    fn shipped_patterns_parse_and_compile() {
        assert!(!SHIPPED.groups.is_empty());
        assert_eq!(SHIPPED.patterns.len(), SHIPPED.group_of.len());
        SHIPPED.patterns.compile_all().unwrap();
    }

    #[test]
    fn the_tables_built_with_the_crate_are_those_of_the_shipped_patterns() {
        let file: PatternFile = toml::from_str(SHIPPED_TOML).unwrap();
        let patterns: Vec<&String> = file.pattern.iter().flat_map(|g| &g.patterns).collect();
        assert_eq!(SHIPPED_TABLES, Tables::new(&patterns));
    }

    #[derive(Deserialize)]
    struct ExampleFile {
        pattern: Vec<ExampleGroup>,
    }

    #[derive(Deserialize)]
    struct ExampleGroup {
        id: String,
        lang: Lang,
        #[serde(default)]
        examples: Vec<String>,
        #[serde(default)]
        counter_examples: Vec<String>,
    }

    #[test]
    fn shipped_examples_match_and_counter_examples_do_not() {
        let chrome = ChromeLines::new(&Settings::default()).unwrap();
        let file: ExampleFile = toml::from_str(SHIPPED_TOML).unwrap();
        for group in &file.pattern {
            for example in &group.examples {
                let deferred =
                    group.lang == Lang::En && word_count(example) > MAX_ENGLISH_CHROME_WORDS;
                assert_eq!(
                    chrome.match_line(example).is_some(),
                    !deferred,
                    "example of {}: {example}",
                    group.id
                );
            }
            for counter in &group.counter_examples {
                assert!(
                    chrome.match_line(counter).is_none(),
                    "counter-example of {} matched: {counter}",
                    group.id
                );
            }
        }
    }

    #[test]
    fn the_prefilter_never_skips_a_matching_pattern() {
        let file: ExampleFile = toml::from_str(SHIPPED_TOML).unwrap();
        let patterns = &SHIPPED.patterns;
        let lines = file
            .pattern
            .iter()
            .flat_map(|g| g.examples.iter().chain(&g.counter_examples))
            .flat_map(|l| [l.clone(), l.to_uppercase(), l.to_lowercase()]);
        let mut matched = 0;
        for line in lines {
            let line = collapse_spaces(trim_line(&line)).into_owned();
            for i in 0..patterns.len() {
                let only = |j: usize| j == i;
                let full = patterns.find_by_full_scan(&line, only);
                assert_eq!(patterns.find(&line, only), full, "pattern {i} on {line:?}");
                matched += usize::from(full.is_some());
            }
        }
        assert!(matched > 3 * patterns.len());
    }

    #[test]
    fn lines_are_trimmed_and_spaces_collapsed() {
        let chrome = ChromeLines::new(&Settings::default()).unwrap();
        assert!(chrome
            .match_line("\u{a0} Hinterlasse  eine\u{a0}Antwort \t")
            .is_some());
        assert!(chrome.match_line("HINTERLASSE EINE ANTWORT").is_some());
        assert!(chrome
            .match_line("Hinterlasse eine Antwort, bat der Pfarrer.")
            .is_none());
    }

    #[test]
    fn english_sentences_are_left_to_the_untranslated_rules() {
        let chrome = ChromeLines::new(&Settings::default()).unwrap();
        assert!(chrome.match_line("Read more »").is_some());
        assert!(chrome
            .match_line("Your email address will not be published. Required fields are marked *")
            .is_none());
    }

    #[test]
    fn page_chrome_is_flagged_with_whole_line_deletion() {
        let text = format!("{PARAGRAPH}\n\nHinterlasse eine Antwort\n\n{PARAGRAPH2}\n");
        assert_eq!(
            flagged_lines("boilerplate/page-chrome", &text),
            ["Hinterlasse eine Antwort"]
        );
        let r = rule("boilerplate/page-chrome");
        let out = fixed(r.as_ref(), &text);
        assert_eq!(out, format!("{PARAGRAPH}\n\n\n{PARAGRAPH2}\n"));
        assert_eq!(fixed(r.as_ref(), &out), out, "idempotent");
    }

    #[test]
    fn safe_groups_give_safe_fixes_and_others_unsafe() {
        let r = rule("boilerplate/page-chrome");
        let text = format!("{PARAGRAPH}\n\nHinterlasse eine Antwort\nLesen Sie auch:\n");
        let d = crate::rules::testing::check(r.as_ref(), &text);
        let kinds: Vec<_> = d
            .iter()
            .map(|d| d.fix.as_ref().unwrap().applicability)
            .collect();
        use crate::diagnostic::Applicability;
        assert_eq!(kinds, [Applicability::Safe, Applicability::Unsafe]);
    }

    #[test]
    fn the_last_line_goes_without_a_line_break() {
        let r = rule("boilerplate/page-chrome");
        assert_eq!(
            fixed(r.as_ref(), &format!("{PARAGRAPH}\n\nKommentar (0)")),
            format!("{PARAGRAPH}\n\n")
        );
    }

    #[test]
    fn sentences_that_begin_like_chrome_are_left_alone() {
        let text = format!(
            "{PARAGRAPH}\n\nLesen Sie auch die Stellungnahme der Bahn, die am Montag veröffentlicht wurde.\n\nKommentare in sozialen Medien fielen heftig aus.\n"
        );
        assert!(flagged_lines("boilerplate/page-chrome", &text).is_empty());
    }

    #[test]
    fn a_one_word_subheading_before_a_paragraph_is_left_alone() {
        let text =
            format!("{PARAGRAPH}\n\nDiskussion\n\n{PARAGRAPH2}\n\n{PARAGRAPH}\n\nKommentare\n");
        assert_eq!(
            flagged_lines("boilerplate/page-chrome", &text),
            ["Kommentare"]
        );
    }

    #[test]
    fn a_contact_box_heading_is_left_alone_but_share_buttons_are_not() {
        let text = format!(
            "{PARAGRAPH}\n\nKontakt\nBürgerbüro Mitte, Marktplatz 1\n\n{PARAGRAPH2}\n\nFacebook\nWhatsApp\n\n{PARAGRAPH}\n"
        );
        assert_eq!(
            flagged_lines("boilerplate/page-chrome", &text),
            ["Facebook", "WhatsApp"]
        );
    }

    #[test]
    fn user_patterns_extend_the_list() {
        let settings = Settings::from_toml(
            "[boilerplate]\npatterns = ['Mehr vom Stadtblatt( »)?']\n",
            "proj/schliff.toml",
        );
        let rules = rules(&settings).unwrap();
        let text = format!("{PARAGRAPH}\n\nmehr vom Stadtblatt »\n");
        let doc = Document::plain(&text, Locale::DeDe);
        let ctx = Context {
            settings: &settings,
            corpus: None,
        };
        let mut out = Vec::new();
        rules[0].check(&doc, &ctx, &mut out);
        assert_eq!(out.len(), 1);
        assert!(out[0].message.contains("Mehr vom Stadtblatt"));
    }

    #[test]
    fn an_invalid_user_pattern_names_the_file_and_the_pattern() {
        let settings = Settings::from_toml(
            "[boilerplate]\npatterns = ['Mehr (vom']\n",
            "proj/schliff.toml",
        );
        let err = rules(&settings).err().unwrap().to_string();
        assert!(err.starts_with("proj/schliff.toml:"), "{err}");
        assert!(err.contains("`Mehr (vom`"), "{err}");
    }

    #[test]
    fn navigation_links_and_breadcrumbs() {
        assert!(is_navigation_link("Alle Meldungen zur Wahl »"));
        assert!(is_navigation_link("→ Mehr Bilder aus der Region"));
        assert!(is_navigation_link("Zur Übersicht ›"));
        assert!(is_navigation_link("Weitere Infos >"));
        assert!(is_navigation_link("Politik › Ausland › Asien"));
        assert!(is_navigation_link("Nachrichten > Regional > Sachsen"));
        assert!(is_navigation_link("« Vorheriger Beitrag"));
        // Quotations, arithmetic and sentences are not links.
        assert!(!is_navigation_link("«Wir machen weiter»"));
        assert!(!is_navigation_link("»Nein«, sagte sie."));
        assert!(!is_navigation_link("«Wir kommen», sagte sie"));
        assert!(!is_navigation_link("> Das ist ein Zitat aus der Mail"));
        assert!(!is_navigation_link("Der Wert 5 > 3 gilt."));
        assert!(!is_navigation_link("Er sagte, es gehe weiter, und ging »"));
        assert!(!is_navigation_link(
            "Die Zahl der Anträge stieg von 200 auf 300 > das sind 50 Prozent mehr"
        ));
    }

    #[test]
    fn navigation_link_rule_skips_lines_the_list_names() {
        let text = format!("{PARAGRAPH}\nWeiterlesen »\nAlle Meldungen zur Wahl »\n");
        assert_eq!(
            flagged_lines("boilerplate/navigation-link", &text),
            ["Alle Meldungen zur Wahl »"]
        );
    }

    #[test]
    fn teaser_links_need_a_known_label_and_a_colon() {
        let text = format!(
            "{PARAGRAPH}\nLesen Sie auch: Warum die Bahn so unpünktlich ist\nMehr zum Thema: Italien nach der Wahl\n{PARAGRAPH2}\n"
        );
        assert_eq!(
            flagged_lines("boilerplate/teaser-link", &text),
            [
                "Lesen Sie auch: Warum die Bahn so unpünktlich ist",
                "Mehr zum Thema: Italien nach der Wahl"
            ]
        );
        let article = format!(
            "{PARAGRAPH}\nLesen Sie auch die Stellungnahme der Bahn.\nKommentar: Die Regierung macht es sich zu leicht\nQuelle: Reuters\nAktuell: Regierung stürzt\nEr sagte: Wir machen weiter.\n"
        );
        assert!(flagged_lines("boilerplate/teaser-link", &article).is_empty());
        let english = format!(
            "{PARAGRAPH}\nRelated: You can also read other stories like this one here.\nRead more: Wahl in Rom\n"
        );
        assert_eq!(
            flagged_lines("boilerplate/teaser-link", &english),
            ["Read more: Wahl in Rom"]
        );
    }

    #[test]
    fn outlet_tags_outside_the_article() {
        let text = format!("N1 Vijesti\n\n{PARAGRAPH}\n\nG7 Gipfel\n\n{PARAGRAPH2}\n\nK24 Vesti\n");
        assert_eq!(
            flagged_lines("boilerplate/outlet-tag", &text),
            ["N1 Vijesti", "K24 Vesti"]
        );
        assert!(is_outlet_tag("20MIN"));
        assert!(!is_outlet_tag("G20-Gipfel in Rio"));
        assert!(!is_outlet_tag("COP29 beginnt heute"));
        assert!(!is_outlet_tag("Ab 2024"));
    }

    #[test]
    fn self_promotion() {
        let text = format!(
            "{PARAGRAPH}\n\nWeitere Berichte zur Wahl finden Sie in unserem Dossier.\n\nFolgen Sie uns auch auf Instagram, um keine Meldung aus der Region zu verpassen.\n"
        );
        assert_eq!(
            flagged_lines("boilerplate/self-promotion", &text),
            [
                "Weitere Berichte zur Wahl finden Sie in unserem Dossier.",
                "Folgen Sie uns auch auf Instagram, um keine Meldung aus der Region zu verpassen."
            ]
        );
    }

    #[test]
    fn statements_about_channels_are_not_self_promotion() {
        let text = format!(
            "{PARAGRAPH}\n\nAuf ihrer Website warnt die Polizei. Folgen Sie uns auf Instagram, hieß es in der gefälschten Nachricht.\n\n„Folgen Sie uns auf Instagram“, schrieb die Polizei am Abend.\n\nDas Ministerium veröffentlichte die Zahlen auf seiner Website.\n\nSie hat ihren Newsletter eingestellt, weil uns die Leser fehlten, sagte die Verlegerin.\n\nDie Firma hat unseren Reportern den Zugang zu ihrer App verweigert.\n"
        );
        assert!(flagged_lines("boilerplate/self-promotion", &text).is_empty());
    }

    #[test]
    fn dangling_labels_after_the_article() {
        let text = format!("{PARAGRAPH}\n\n{PARAGRAPH2}\n\nWeitere Stimmen zum Umbau:\n\nPolitik\n\nHinterlasse eine Antwort\n");
        assert_eq!(
            flagged_lines("boilerplate/dangling-label", &text),
            ["Weitere Stimmen zum Umbau:", "Politik"]
        );
        let r = rule("boilerplate/dangling-label");
        let once = fixed(r.as_ref(), &text);
        assert!(!once.contains("Politik") && !once.contains("Stimmen"));
    }

    #[test]
    fn labels_with_content_after_them_or_inside_the_article_stay() {
        // A label something real follows, a byline, a label between paragraphs.
        let text = format!(
            "{PARAGRAPH}\n\nDie wichtigsten Punkte:\n\n{PARAGRAPH2}\n\nWeitere Informationen:\nTelefon 030 123456, montags bis freitags\n"
        );
        assert!(flagged_lines("boilerplate/dangling-label", &text).is_empty());
        let byline = format!("{PARAGRAPH}\n\n{PARAGRAPH2}\n\nAnna Berger\n");
        assert!(flagged_lines("boilerplate/dangling-label", &byline).is_empty());
        // Without any running text there is no article to be after.
        assert!(flagged_lines("boilerplate/dangling-label", "Politik\n").is_empty());
    }
}

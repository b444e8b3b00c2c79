//! Text left in another language: English page chrome (`More Stories: We
//! think you might also enjoy …`), sentences MT did not translate, leftovers
//! of Italian, French, Spanish, Turkish or Vietnamese sources.
//!
//! Each sentence is judged by its function words (`rules/function_words.toml`)
//! and by letters only other languages use; German words count against a
//! verdict. Quoted text, names (`Bank of America`, `Corriere della Sera`),
//! URLs and e-mail addresses are no evidence. A line made only of English
//! title-case words (`Southern Highlights Today, Weekly Health Roundup`) is judged by
//! letter shapes, since it has no function words.
//!
//! A language-identification crate (whatlang) was measured for this and not
//! taken: on the short title-case lines that function words cannot decide it
//! was wrong (French for an English headline, Italian for a person's name),
//! it was right only where function words already decide, and at about 13 µs
//! per line (2 MB/s) it would need the same pre-filter anyway.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::{Document, TokenKind};
use crate::rule::{Context, FixAvailability, Rule, RuleMeta};
use crate::rules::lexicon::{
    has_romance_accent, has_turkish_letter, has_vietnamese_letter, looks_english, looks_german,
    Lang, WordEvidence, FUNCTION_WORDS,
};

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![Box::new(ForeignLanguage)]
}

/// A sentence or line in a language other than German.
pub struct ForeignLanguage;

static FOREIGN_LANGUAGE: RuleMeta = RuleMeta {
    id: "untranslated/foreign-language",
    severity: Severity::Warning,
    summary: "A sentence or line in another language inside German text",
    explanation:
        "Scraped pages keep English navigation and teaser text, and MT sometimes leaves a \
sentence of the source (English, Italian, French, Spanish, Turkish, Vietnamese) untranslated. A \
sentence is reported when its function words are mostly of one other language and German ones \
are few. Quoted text (`„House of Cards“`, an English quote), names and titles of organisations \
and works (`New York Times`, `World Economic Forum`, `Corriere della Sera`), URLs and e-mail \
addresses are not counted. A whole line in another language is reported as one finding with an \
unsafe fix that deletes it (page chrome, or text to translate); a sentence inside a German line \
has no automatic fix.\n\n\
Bad:  \"More Stories: We think you might also enjoy these articles from our partners.\"\n\
Good: (the line removed, or translated)",
    fix: FixAvailability::Sometimes,
};

/// Counters over `Lang::FOREIGN`.
const FOREIGN_LANGS: usize = Lang::FOREIGN.len();

/// What the words of a sentence say about its language.
#[derive(Debug, Default, Clone)]
struct Tally {
    words: usize,
    /// German function words, and with shapes, German-looking words.
    german: usize,
    /// Function words (and letters) of each foreign language.
    foreign: [usize; FOREIGN_LANGS],
    /// Lower-case words with French, Italian or Spanish accents.
    romance: usize,
    /// English-looking words and capitalised English function words, which
    /// title-case lines are made of (counted with shapes only).
    english_shape: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.words += other.words;
        self.german += other.german;
        self.romance += other.romance;
        self.english_shape += other.english_shape;
        for (a, b) in self.foreign.iter_mut().zip(other.foreign) {
            *a += b;
        }
    }

    fn count(&mut self, lang: Lang) {
        if let Some(i) = Lang::FOREIGN.iter().position(|l| *l == lang) {
            self.foreign[i] += 1;
        }
    }

    /// The foreign language with the most evidence and that evidence.
    fn strongest(&self) -> (Lang, usize) {
        let (i, n) = self
            .foreign
            .iter()
            .enumerate()
            .max_by_key(|&(i, n)| (*n, std::cmp::Reverse(i)))
            .map(|(i, n)| (i, *n))
            .unwrap_or((0, 0));
        let lang = Lang::FOREIGN[i];
        let romance = matches!(lang, Lang::Italian | Lang::French | Lang::Spanish);
        (lang, n + if romance { self.romance } else { 0 })
    }

    /// Whether the evidence could make a verdict once word shapes are added.
    fn worth_shapes(&self) -> bool {
        self.strongest().1 >= 2 || (self.german == 0 && self.words >= 6)
    }

    /// A sentence in another language: several of its function words and
    /// few German ones.
    fn foreign_sentence(&self) -> Option<Lang> {
        let (lang, n) = self.strongest();
        (self.words >= 3 && n >= 2 && n > 2 * self.german && 4 * n >= self.words).then_some(lang)
    }

    /// A line of English title-case words with no German in it. Six words
    /// at least, since shorter ones are as often names (`Washington Post,
    /// New York Times`).
    fn english_title_line(&self) -> bool {
        let english = self.english_shape + self.foreign[0];
        self.words >= 6
            && self.german == 0
            && self.romance == 0
            && self.foreign[1..].iter().all(|n| *n == 0)
            && 10 * english >= 6 * self.words
    }
}

/// One word of a sentence, outside quotes.
struct Word<'a> {
    text: &'a str,
    capital: bool,
    evidence: WordEvidence,
}

/// Tallies the words of a sentence; `shapes` adds the slower letter-shape
/// tests for words no list knows.
fn tally(words: &[Word<'_>], shapes: bool) -> Tally {
    let mut t = Tally {
        words: words.len(),
        ..Tally::default()
    };
    for (k, w) in words.iter().enumerate() {
        match w.evidence {
            WordEvidence::German => t.german += 1,
            WordEvidence::Foreign(langs) => {
                // One-letter words (`a`, `e`, `o`, `y`) are also options,
                // initials and list letters.
                if w.text.chars().nth(1).is_some() && counts_as_foreign(words, k) {
                    for lang in Lang::FOREIGN {
                        if langs.contains(lang) {
                            t.count(lang);
                        }
                    }
                } else if shapes && w.capital && langs.contains(Lang::English) {
                    t.english_shape += 1;
                }
            }
            WordEvidence::None => {
                let foreign_letters = !w.capital && !w.text.is_ascii();
                if foreign_letters && has_vietnamese_letter(w.text) {
                    t.count(Lang::Vietnamese);
                } else if foreign_letters && has_turkish_letter(w.text) {
                    t.count(Lang::Turkish);
                } else if foreign_letters && has_romance_accent(w.text) {
                    t.romance += 1;
                } else if shapes && looks_german(w.text) {
                    t.german += 1;
                } else if shapes && looks_english(w.text) {
                    t.english_shape += 1;
                }
            }
        }
    }
    t
}

/// A foreign function word is evidence unless it is part of a name or title:
/// capitalised inside the sentence (`The Guardian`, `La Repubblica`), or
/// lower case between capitalised words (`Bank of America`, `Corriere della
/// Sera`, `The Art of the Deal`).
fn counts_as_foreign(words: &[Word<'_>], k: usize) -> bool {
    if words[k].capital {
        return k == 0;
    }
    let connector = |w: &Word<'_>| !w.capital && matches!(w.evidence, WordEvidence::Foreign(_));
    let before = words[..k].iter().rev().find(|w| !connector(w));
    let after = words[k + 1..].iter().find(|w| !connector(w));
    !(before.is_some_and(|w| w.capital) && after.is_some_and(|w| w.capital))
}

/// A sentence, or the part of it on one line, with its verdict.
struct Judged {
    range: Range<usize>,
    tally: Tally,
    lang: Option<Lang>,
}

/// Judges every sentence line by line (a sentence of wrapped text is judged
/// on each of its lines), skipping quoted words, hashtags and handles.
fn judge_sentences(doc: &Document) -> Vec<Judged> {
    let fw = &*FUNCTION_WORDS;
    let tokens = doc.tokens();
    let paragraphs = doc.paragraphs();
    let mut para = 0;
    let mut in_quote = false;
    let mut words: Vec<Word<'_>> = Vec::new();
    let mut out = Vec::with_capacity(doc.sentences().len());
    let mut flush = |range: Range<usize>, words: &mut Vec<Word<'_>>| {
        let mut t = tally(words, false);
        if t.worth_shapes() {
            t = tally(words, true);
        }
        out.push(Judged {
            range,
            lang: t.foreign_sentence(),
            tally: t,
        });
        words.clear();
    };
    for s in doc.sentences() {
        while para < paragraphs.len() && paragraphs[para].end <= s.start {
            para += 1;
            in_quote = false;
        }
        let Some(first) = doc.token_index_at(s.start) else {
            continue;
        };
        let mut piece: Option<Range<usize>> = None;
        for (i, t) in tokens[first..].iter().enumerate() {
            if t.range.start >= s.end {
                break;
            }
            match t.kind {
                TokenKind::Newline => {
                    if let Some(range) = piece.take() {
                        flush(range, &mut words);
                    }
                    continue;
                }
                TokenKind::Space => continue,
                _ => {}
            }
            piece.get_or_insert(t.range.clone()).end = t.range.end;
            match t.kind {
                TokenKind::Quote => {
                    let q = doc.token_text(t);
                    if q == "„" {
                        in_quote = true;
                    } else if matches!(q, "“" | "”" | "\"" | "«" | "»") {
                        in_quote = !in_quote;
                    }
                }
                TokenKind::Word if !in_quote => {
                    let handle = first + i > 0
                        && matches!(doc.token_text(&tokens[first + i - 1]), "#" | "@");
                    if !handle {
                        let text = doc.token_text(t);
                        words.push(Word {
                            text,
                            capital: text.starts_with(char::is_uppercase),
                            evidence: fw.evidence(text),
                        });
                    }
                }
                _ => {}
            }
        }
        if let Some(range) = piece {
            flush(range, &mut words);
        }
    }
    out
}

impl Rule for ForeignLanguage {
    fn meta(&self) -> &'static RuleMeta {
        &FOREIGN_LANGUAGE
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let judged = judge_sentences(doc);
        let mut next = 0;
        for line in doc.lines() {
            let content = line.content.clone();
            let first = next;
            while next < judged.len() && judged[next].range.start < content.end {
                next += 1;
            }
            let on_line = &judged[first..next];
            if on_line.is_empty() {
                continue;
            }
            let mut whole = Tally::default();
            on_line.iter().for_each(|j| whole.add(&j.tally));
            let line_lang = if on_line.iter().all(|j| j.lang.is_some()) {
                on_line[0].lang
            } else if on_line.iter().all(|j| j.lang.is_none()) && whole.english_title_line() {
                Some(Lang::English)
            } else {
                None
            };
            if let Some(lang) = line_lang {
                out.push(
                    self.diagnostic(
                        content,
                        format!("Line in {}: untranslated text or page chrome", lang.name()),
                    )
                    .with_fix(Fix::unsafe_(vec![Edit::delete(line.full.clone())]))
                    .covering_line(),
                );
                continue;
            }
            for j in on_line {
                if let Some(lang) = j.lang {
                    out.push(self.diagnostic(
                        j.range.clone(),
                        format!("Sentence in {} inside German text", lang.name()),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{check, fixed, flagged};

    #[test]
    fn english_chrome_lines() {
        let text = "Die Regierung hat am Montag beschlossen, dass die Steuer sinkt.\n\
More Stories:We think you might also enjoy these articles from our partners.\n\
Southern Highlights Today, Weekly Health Roundup And Reports\n";
        let d = check(&ForeignLanguage, text);
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(d.iter().all(|d| d.covers_line));
        assert!(d[0].message.contains("English"));
        assert_eq!(
            fixed(&ForeignLanguage, text),
            "Die Regierung hat am Montag beschlossen, dass die Steuer sinkt.\n"
        );
    }

    #[test]
    fn crlf_lines_are_deleted_whole() {
        let text =
            "Erster Absatz.\r\nThis story has been updated with the latest figures.\r\nEnde.";
        assert_eq!(
            flagged(&ForeignLanguage, text),
            ["This story has been updated with the latest figures."]
        );
        assert_eq!(fixed(&ForeignLanguage, text), "Erster Absatz.\r\nEnde.");
    }

    #[test]
    fn english_sentence_inside_a_german_line() {
        let text =
            "Der Minister sprach lange. We will not accept this and they know it. Danach ging er.";
        assert_eq!(
            flagged(&ForeignLanguage, text),
            ["We will not accept this and they know it."]
        );
        assert!(check(&ForeignLanguage, text).iter().all(|d| !d.covers_line));
    }

    #[test]
    fn other_source_languages() {
        for text in [
            "Leggi anche: il governo ha approvato la legge che era già pronta\n",
            "Cet article est réservé aux abonnés de notre journal\n",
            "Lee el artículo completo en nuestra web y también los comentarios\n",
            "Haberin devamı için tıklayınız ve yorum yapın\n",
            "Tin liên quan đến cuộc họp của các nhà lãnh đạo\n",
        ] {
            assert_eq!(check(&ForeignLanguage, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn german_with_english_names_and_quotes_is_fine() {
        for text in [
            "Die Ministerin will am World Economic Forum teilnehmen, das bis Freitag dauert.\n",
            "Die New York Times und die Bank of America berichteten über den Fall.\n",
            "Er sah die Serie „House of Cards“ und las „The Art of the Deal“.\n",
            "Die Sprecherin sagte: „We have seen the reports and we will respond.“\n",
            "Sein Buch The Art of the Deal erschien 1987 bei Random House.\n",
            "Der Corriere della Sera und La Repubblica schrieben, Le Monde auch.\n",
            "Mehr unter https://www.example.com/news/the-latest-of-all oder info@example.com.\n",
            "Das Update ist up to date, sagte sie.\n",
            "Laura Finch vom Brookings Institution in Washington erklärte es.\n",
            "Olaf Scholz (l) und Emmanuel Macron im Jahr 2022\n",
            "Nguyễn Phú Trọng traf Recep Tayyip Erdoğan in Ankara.\n",
            "Taylor Swift Eras Tour\n",
            "Washington Post, New York Times\n",
            "Zwei Flaschen à 0,5 Liter kosten 3 Euro, das ist à la carte.\n",
            "Fridays for Future und Black Lives Matter demonstrierten.\n",
            "#BlackLivesMatter #StopTheWar\n",
            "Aufruf: compopt [-o|+o Option] [-a] [Name ...]\n",
        ] {
            assert!(
                check(&ForeignLanguage, text).is_empty(),
                "{text}: {:?}",
                flagged(&ForeignLanguage, text)
            );
        }
    }
}

//! Spelling: words that no dictionary knows.
//!
//! `spelling/unknown-word` checks every word of the prose with the
//! [`Speller`] (igerman98, schliff's word lists, the user's words, the names
//! of the transliteration table) and reports the ones it rejects, unless the
//! word is something other than a misspelt German word:
//!
//! * not prose: URLs and e-mail addresses (own token kinds), numbers,
//!   code-like tokens (letters mixed with digits, `_`, `/`, `.` or `@` glued
//!   on), all-caps acronyms and headings, words with invisible characters
//!   (the unicode rules report those);
//! * another rule's problem: tokens with a lower→upper case change inside
//!   (`vorDie`, glued sentences: stray-token; `iPhone`, `BioNTech`: brands),
//!   spelled-out numeral compounds (`zwei-tägige`:
//!   `spelling/numeral-compound`), English spellings of names listed as
//!   variants in the transliteration table (`Shoigu`: transliteration);
//! * foreign text: a sentence or a quotation whose words are mostly unknown
//!   and hold no German function word (`„House of Cards“`, an English
//!   quotation, an untranslated line);
//! * names. News text is full of names no dictionary has (`Cronin`,
//!   `Kuleba`, `Ngoc Anh`). A capitalised unknown word is reported only if
//!   it looks like a German word gone wrong and nothing in the document says
//!   it is a name. It looks German if it ends like a German noun (`-ung`,
//!   `-keit`, `-schaft` …), ends in a known German word of five letters or
//!   more (`Jugenkriminalität`: `Kriminalität`), becomes a known word by
//!   deleting or swapping one letter (`Ukarine`), or is a known word with
//!   `ss` for `ß` (`Strasse` in de-DE). It looks weakly German if it starts
//!   or ends with a shorter known word (`Wahlkamf`, `Stoltenberg`). It is a
//!   name if, anywhere in the document, it follows a title or role word
//!   (`Präsident`, `Sprecherin`, `Asienexperte`, `Herr`, `Stadt`), a name
//!   particle (`van`, `de`, `al`, `von der`) or another capitalised word in
//!   the middle of a sentence (`Patrick Cronin`), or precedes another
//!   unknown capitalised word (`Hudson Institute`). Weak evidence is reported
//!   only if the word occurs once and nothing at all points to a name.
//!
//! Fixes: up to three suggestions in the message, the first as a
//! display-only fix. A safe fix only when exactly one of the suggestions is
//! one edit away (Damerau: insertion, deletion, substitution or
//! transposition), it is not a mere change of case, and the word is not
//! capitalised like a name: lowercase words, and capitalised words with
//! strong German evidence that do not start a sentence.
//!
//! Speed: verdicts are cached per distinct word, per thread in front of one
//! cache shared by all threads, so common words cost one hash lookup and
//! every word is judged once per run; suggestions are cached
//! process-wide and computed for at most [`MAX_SUGGESTED_PER_DOCUMENT`]
//! distinct words per document.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex, OnceLock};

use rayon::prelude::*;

use crate::config::{ConfigError, NameEntry, Settings};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::{Document, TokenKind};
use crate::locale::{Locale, LocaleSetting};
use crate::rule::{Context, FixAvailability, Rule, RuleMeta};
use crate::rules::lexicon::has_inner_capital;
use crate::rules::transliteration;
use crate::spell::{closed_numeral_compound, hunspell_name, in_english_dictionary, Speller};

/// Environment variable naming a folder of Hunspell dictionaries that
/// replaces the embedded ones (`[spelling] dictionary-dir` wins over it).
pub const DICTIONARY_DIR_ENV: &str = "SCHLIFF_DICTIONARY_DIR";

/// Suggestions cost tens of milliseconds; a document with more distinct
/// unknown words than this gets suggestions for the first ones only.
const MAX_SUGGESTED_PER_DOCUMENT: usize = 16;

/// Distinct words suggested for in this process before suggestions use
/// [`Speller::might_accept`] (see [`Lexicon::suggestions`]).
const PRECHECK_AFTER_WORDS: usize = 16;

/// Suggestions shown in the message.
const MAX_SUGGESTIONS: usize = 3;

pub fn rules(settings: &Settings) -> Result<Vec<Box<dyn Rule>>, ConfigError> {
    Ok(vec![Box::new(UnknownWord {
        lexicon: Lexicon::from_settings(settings)?,
    })])
}

/// A word the dictionaries do not know.
pub struct UnknownWord {
    lexicon: Lexicon,
}

static UNKNOWN_WORD: RuleMeta = RuleMeta {
    id: "spelling/unknown-word",
    severity: Severity::Warning,
    summary: "A word that is not in the German dictionary",
    explanation: "Machine translation and hasty editing leave misspelt and invented words \
(`Jugenkriminalität`, `einmannige`) that a reader trips over. The word is checked against \
igerman98 for the document's locale (de-DE, de-AT, de-CH: `Strasse` is right in Swiss text \
only), schliff's news vocabulary and names, and your own words (`words` and `[spelling] \
word-files` in schliff.toml, `--words FILE`). Names, foreign quotations and titles, acronyms, \
numbers, URLs and code are left alone; capitalised words count as names unless they look like \
a German word gone wrong. Up to three suggestions are shown; the fix is safe only when exactly \
one suggestion is a single letter away.\n\n\
Bad:  \"Die Regierung will gegen Jugenkriminalität vorgehen.\"\n\
Good: \"Die Regierung will gegen Jugendkriminalität vorgehen.\"",
    fix: FixAvailability::Sometimes,
};

impl Rule for UnknownWord {
    fn meta(&self) -> &'static RuleMeta {
        &UNKNOWN_WORD
    }

    fn check(&self, doc: &Document, _: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let locale = doc.locale();
        let speller = self.lexicon.speller(locale);
        let candidates = self.candidates(doc, speller);
        if candidates.is_empty() {
            return;
        }
        let unknown: HashSet<usize> = candidates.iter().map(|c| c.token).collect();
        let mut judge = Judge {
            doc,
            unknown: &unknown,
            foreign_sentences: HashMap::new(),
        };
        let words = unknown_words(&candidates);
        // Per name key: occurrences and the weakest German evidence of its
        // forms (`Hallstadt` is weak, its genitive `Hallstadts` strong).
        let mut keys: HashMap<&str, (usize, Evidence)> = HashMap::new();
        for c in &candidates {
            let entry = keys
                .entry(name_key(c.word, &words))
                .or_insert((0, c.evidence));
            entry.0 += 1;
            entry.1 = entry.1.min(c.evidence);
        }
        let names = judge.names(&candidates, &words, &keys);

        // The candidates to report (capitalised ones with weak evidence only
        // if a suggestion is one letter away, which the suggestions decide).
        let mut reported: Vec<&Candidate<'_>> = Vec::new();
        for c in &candidates {
            if c.foreign {
                continue;
            }
            if starts_uppercase(c.word) {
                let key = name_key(c.word, &words);
                let context = names.get(key).copied().unwrap_or(NameContext::None);
                let (count, evidence) = keys[key];
                let report = match evidence {
                    Evidence::Strong => context < NameContext::Strong,
                    // Weak evidence needs a word one letter away, which
                    // names seldom have and typos always do.
                    Evidence::Weak => context == NameContext::None && count == 1,
                    Evidence::None => false,
                };
                if !report {
                    continue;
                }
            }
            if judge.in_foreign_text(c.token) {
                continue;
            }
            reported.push(c);
        }
        // Suggestions cost milliseconds each until the word-form model is
        // built; a run over one article has a core to spare for them.
        let with_suggestions = reported.len().min(MAX_SUGGESTED_PER_DOCUMENT);
        let mut suggestions: Vec<Arc<Suggestions>> = reported[..with_suggestions]
            .par_iter()
            .map(|c| self.lexicon.suggestions(speller, c.word))
            .collect();
        suggestions.resize_with(reported.len(), Default::default);
        for (c, suggestions) in reported.into_iter().zip(suggestions) {
            let capitalised = starts_uppercase(c.word);
            if capitalised
                && c.evidence == Evidence::Weak
                && !suggestions
                    .words
                    .iter()
                    .any(|s| damerau_distance(c.word, s) == 1)
            {
                continue;
            }
            let range = doc.tokens()[c.token].range.clone();
            let name_like =
                capitalised && (c.evidence != Evidence::Strong || judge.sentence_initial(c.token));
            out.push(diagnostic(self, c.word, range, &suggestions, name_like));
        }
    }
}

/// The words among the candidates (for genitive matching).
fn unknown_words<'d>(candidates: &[Candidate<'d>]) -> HashSet<&'d str> {
    candidates.iter().map(|c| c.word).collect()
}

/// `Kulebas` counts as `Kuleba` and `Walliser` as `Wallis` when both occur.
fn name_key<'d>(word: &'d str, words: &HashSet<&'d str>) -> &'d str {
    ["s", "er", "ern", "ers", "erin"]
        .iter()
        .filter_map(|suffix| word.strip_suffix(suffix))
        .find(|base| words.contains(base))
        .unwrap_or(word)
}

fn diagnostic(
    rule: &UnknownWord,
    word: &str,
    range: std::ops::Range<usize>,
    suggestions: &Suggestions,
    name_like: bool,
) -> Diagnostic {
    let all = &suggestions.words;
    let shown = &all[..all.len().min(MAX_SUGGESTIONS)];
    let message = match shown {
        [] => format!("Unknown word `{word}`"),
        [one] => format!("Unknown word `{word}`; did you mean `{one}`?"),
        [init @ .., last] => format!(
            "Unknown word `{word}`; did you mean {} or `{last}`?",
            init.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let fix = shown.first().map(|first| {
        let edit = vec![Edit::replace(range.clone(), first.clone())];
        if !name_like && suggestions.only_close && first.to_lowercase() != word.to_lowercase() {
            Fix::safe(edit)
        } else {
            Fix::display_only(edit)
        }
    });
    rule.diagnostic(range, message).with_optional_fix(fix)
}

/// Corrections for one unknown word.
#[derive(Debug, Default)]
struct Suggestions {
    /// Best first.
    words: Vec<String>,
    /// The first word is the only known word one edit away from the
    /// unknown word: the fix is safe.
    only_close: bool,
}

/// Optimal-string-alignment distance over characters: insertions,
/// deletions, substitutions and swaps of neighbours each cost one.
fn damerau_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev2 = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// An unknown word that is not obviously something else.
struct Candidate<'d> {
    token: usize,
    word: &'d str,
    evidence: Evidence,
    /// English, code or a term: not reported, but it makes its sentence
    /// look foreign.
    foreign: bool,
}

impl UnknownWord {
    /// Pass one: every prose word the speller rejects and no cheap test
    /// explains.
    fn candidates<'d>(&self, doc: &'d Document, speller: &Speller) -> Vec<Candidate<'d>> {
        let tokens = doc.tokens();
        let mut out = Vec::new();
        with_verdicts(self.lexicon.cache_key(speller.locale()), |cache| {
            for (i, token) in tokens.iter().enumerate() {
                if token.kind != TokenKind::Word {
                    continue;
                }
                let word = doc.token_text(token);
                if word.len() < 2 || !doc.is_prose(&token.range) {
                    continue;
                }
                let verdict = match cache.get(word) {
                    Some(v) => *v,
                    None => {
                        let key = self.lexicon.cache_key(speller.locale());
                        let v = shared_verdict(key, word, || {
                            if self.not_a_misspelt_word(word) {
                                Verdict::IGNORED
                            } else {
                                Verdict::of(speller, word)
                            }
                        });
                        cache.insert(word.into(), v);
                        v
                    }
                };
                if verdict.known {
                    continue;
                }
                let before_dot = tokens.get(i + 1).is_some_and(|t| doc.token_text(t) == ".");
                if verdict.known_before_dot && before_dot {
                    continue;
                }
                // `Energiedirektorinnen und -direktoren`: the tokeniser
                // splits off a leading hyphen; the part is a noun.
                let after_hyphen = i > 0 && doc.token_text(&tokens[i - 1]) == "-";
                if after_hyphen && speller.check_word(&capitalize_first(word)) {
                    continue;
                }
                if glued_to_code(doc, i) || parenthesised_handle(doc, i, word) {
                    continue;
                }
                out.push(Candidate {
                    token: i,
                    word,
                    evidence: verdict.evidence,
                    foreign: verdict.foreign,
                });
            }
        });
        out
    }

    /// Whatever the dictionary says, `word` is code, an acronym, a name
    /// variant, a glued sentence or another rule's finding. Decided before
    /// the speller is asked, which costs far more for such words.
    fn not_a_misspelt_word(&self, word: &str) -> bool {
        if word.chars().any(is_invisible) || is_code_like(word) || has_inner_capital(word) {
            return true;
        }
        let letters = word.chars().filter(|c| c.is_alphabetic());
        if letters.clone().count() < 2 || letters.clone().all(char::is_uppercase) {
            return true;
        }
        if word.contains(['\'', '’']) {
            // Elisions (`geht’s`) and names (`D’Annunzio`, `d'Anniviers`).
            return true;
        }
        if word
            .chars()
            .any(|c| c.is_alphabetic() && !is_german_letter(c))
        {
            // `Kaplanoğlu`, `Łukaszenka`, `perché`: foreign names and words.
            return true;
        }
        closed_numeral_compound(word).is_some() || self.lexicon.is_variant(word)
    }
}

/// What the speller said about one distinct word, cached per thread.
#[derive(Debug, Clone, Copy)]
struct Verdict {
    known: bool,
    /// Unknown, but English, code or a term, not German gone wrong.
    foreign: bool,
    /// An abbreviation that is right with its dot (`bzw.`).
    known_before_dot: bool,
    evidence: Evidence,
}

impl Verdict {
    /// For words that are not spelling problems whatever the dictionary says.
    const IGNORED: Verdict = Verdict {
        known: true,
        foreign: false,
        known_before_dot: true,
        evidence: Evidence::None,
    };

    fn of(speller: &Speller, word: &str) -> Verdict {
        if speller.check_word(word) || is_loose_word(speller, word) {
            return Verdict {
                known: true,
                foreign: false,
                known_before_dot: true,
                evidence: Evidence::None,
            };
        }
        Verdict {
            known: false,
            foreign: looks_foreign(speller, word),
            known_before_dot: speller.is_dotted_abbreviation(word),
            evidence: german_evidence(speller, word),
        }
    }
}

/// Lowercase words that German orthography does not produce: English
/// (`the`, `package`, `sticky`, `root`), code and abbreviations without a
/// vowel (`tmpfs`, `ls`). And hyphenated terms whose unknown parts are such
/// words or names (`root-Passwort`, `popcon-Berichte`, `Kuleba-Sprecher`).
fn looks_foreign(speller: &Speller, word: &str) -> bool {
    if word.contains('-') {
        let unknown: Vec<&str> = word
            .split('-')
            .filter(|p| !p.is_empty() && !speller.check_word(p) && !is_loose_word(speller, p))
            .collect();
        if unknown.is_empty() {
            return false;
        }
        // `debian-installer`, `netinst-Installationen`: an identifier
        // head; its unknown lowercase tails belong to the identifier, while
        // an unknown capitalised part (`debian-Instalation`) is judged below.
        if unknown[0] == word.split('-').next().unwrap_or_default()
            && is_identifier_head(speller, word, unknown[0])
            && unknown[1..].iter().all(|p| !starts_uppercase(p))
        {
            return true;
        }
        return unknown.iter().all(|part| {
            let capitalised = capitalize_first(part);
            // `Audio-datei`: a case error, not a term.
            // A lowercase part must look foreign (`root`); a capitalised
            // one must not look German (`Kuleba`, not `Jugenkriminalität`)
            // or be English (`Boot-Loader`, `Quell-Tarball`).
            !speller.check_word(&capitalised)
                && if starts_uppercase(part) {
                    german_evidence(speller, part) == Evidence::None || looks_foreign(speller, part)
                } else {
                    // `apt-`, `dm-`: short lowercase parts are terms.
                    part.chars().count() <= 3 || looks_foreign(speller, part)
                }
        });
    }
    if starts_uppercase(word) {
        // Capitalised words may be German nouns (`Chance`, `System`): only
        // the surest English spellings (`Upstream`, `Bootloader`,
        // `Rendering`, `Workflow`) and words of the English dictionary
        // (`Hibernation`, `Loader`).
        let lower = word.to_lowercase();
        return has_english_spelling(&lower)
            || in_english_dictionary(word)
            // `Leis|stung` would pass: a German noun ending decides.
            || (is_english_compound(&lower)
                && german_evidence(speller, word) != Evidence::Strong);
    }
    if ENGLISH_WORDS.contains(&word)
        || in_english_dictionary(word)
        || is_english_compound(word)
        || is_daemon_name(word)
        || !word.contains(['a', 'e', 'i', 'o', 'u', 'ä', 'ö', 'ü', 'y'])
    {
        return true;
    }
    let bytes = word.as_bytes();
    // `c` outside `ch`, `ck`: `package`, `execute`, `struct` (German has
    // it only in loans that igerman98 lists).
    let stray_c = bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'c' && !matches!(bytes.get(i + 1), Some(b'h' | b'k')));
    stray_c
        || has_english_spelling(word)
        || word.starts_with("sh")
        || word.ends_with('w')
        || word.ends_with("ed")
        || word.ends_with('y')
        // lowercase `-ion`: German nouns in `-ion` are capitalised
        || word.ends_with("ion")
        || word.ends_with("ions")
}

/// `smarthost`, `timeperiod`, `wishlist`, `portmapper`: two English words
/// of four letters or more written together, as English names of programs
/// and settings are. German words seldom split into two English words of
/// that length, and German typos seldom do (with three-letter parts,
/// `anderne` and `diesser` would: `and|erne`, `dies|ser`).
fn is_english_compound(lower: &str) -> bool {
    const MIN_PART: usize = 4;
    // Two dictionary lookups per split: long junk tokens are not names.
    const MAX_LEN: usize = 30;
    let n = lower.len();
    (2 * MIN_PART..=MAX_LEN).contains(&n)
        && lower.is_ascii()
        && (MIN_PART..=n - MIN_PART)
            .any(|at| in_english_dictionary(&lower[..at]) && in_english_dictionary(&lower[at..]))
}

/// `systemd`, `buildd`, `sshd`: a Unix daemon, named by an English word
/// and a `d`. German words do not end in a consonant and `d` after an
/// English word (`Bund`, `Hund` are German words themselves).
fn is_daemon_name(lower: &str) -> bool {
    lower.strip_suffix('d').is_some_and(|stem| {
        stem.len() >= 3 && !stem.ends_with(['a', 'e', 'i', 'o', 'u']) && in_english_dictionary(stem)
    })
}

/// `debian-installer`, `netinst-Installationen`, `setuid-Dateien`: a
/// lowercase first part of a hyphenated token that German does not know in
/// either case is an identifier (package, command, file name) used as a
/// word (also `main-Archiv`: English). German writes the first part of a
/// hyphenated compound capitalised
/// (`Audio-Datei`) or as a known word (`deutsch-französisch`), so a typo
/// there (`deutsh-französisch`) is rarer than a term.
fn is_identifier_head(speller: &Speller, word: &str, first: &str) -> bool {
    // A German noun in lowercase before a noun (`rhein-Ufer`) is a case
    // error, unless it is an English word as well (`main-Archiv`, Debian's
    // archive section); in an all-lowercase token it is part of an
    // identifier (`debian-devel`).
    first.chars().next().is_some_and(char::is_lowercase)
        && (!speller.check_word(&capitalize_first(first))
            || in_english_dictionary(first)
            || !word.chars().any(char::is_uppercase))
}

/// Letter groups of English words that German words (outside loans the
/// dictionary has) do not contain.
fn has_english_spelling(lower: &str) -> bool {
    lower.starts_with("th")
        || ["oo", "ea", "ow", "wr", "ay", "ou"]
            .iter()
            .any(|g| lower.contains(g))
        || lower.ends_with("ing")
}

/// Words spellbook rejects that are still correct German: compounds its
/// affix flags do not build, inhabitants and adjectives of known places.
fn is_loose_word(speller: &Speller, word: &str) -> bool {
    if word.contains('-') {
        // `Streamingdienst-Chef`: every part known, loosely. `4-stufige`:
        // an adjective that exists only in compounds after a number
        // (`zweistufige`).
        let mut after_number = false;
        return word.split('-').all(|part| {
            let ok = !part.is_empty()
                && (speller.check_word(part)
                    || is_loose_word(speller, part)
                    || (after_number
                        && !starts_uppercase(part)
                        && speller.check_word(&format!("zwei{part}"))));
            after_number = part
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'));
            ok
        });
    }
    if is_demonym(speller, word)
        || is_derived_noun(speller, word)
        || is_zu_infinitive(speller, word)
        || is_suffix_adjective(speller, word)
        || is_loose_compound(speller, word)
    {
        return true;
    }
    // The genitive of a loose or spellbook-built compound: `Hallstadts`
    // (`Hall|stadt`), `Wendelburgs`.
    starts_uppercase(word)
        && word.strip_suffix('s').is_some_and(|base| {
            base.chars().count() >= 4
                && (speller.check_word(base) || is_loose_compound(speller, base))
        })
}

/// `Maskierung`, `Pufferungen`: a noun in `-ung` of a known verb
/// (`maskieren`, `puffern`); `Verletzlichkeit`, `Vorhersehbarkeit`: a noun
/// in `-keit`/`-heit` of a known adjective. igerman98 lists only the common
/// ones.
fn is_derived_noun(speller: &Speller, word: &str) -> bool {
    if !starts_uppercase(word) {
        return false;
    }
    let quality = ["keiten", "heiten", "keit", "heit"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix));
    if let Some(stem) = quality {
        return stem.chars().count() >= 4 && speller.check_word(&stem.to_lowercase());
    }
    let Some(stem) = word
        .strip_suffix("ungen")
        .or_else(|| word.strip_suffix("ung"))
    else {
        return false;
    };
    if stem.chars().count() < 3 {
        return false;
    }
    let verb = stem.to_lowercase();
    ["en", "n"]
        .iter()
        .any(|ending| speller.check_word(&format!("{verb}{ending}")))
}

/// `einzutippen`, `vorzubelegen`: the infinitive with `zu` of a known verb
/// with a particle (`eintippen`), which igerman98 does not generate; also
/// when igerman98 knows the verb only without its particle
/// (`vorzusortieren`: `vor` + `sortieren`).
fn is_zu_infinitive(speller: &Speller, word: &str) -> bool {
    if starts_uppercase(word) || !word.ends_with('n') {
        return false;
    }
    word.match_indices("zu").any(|(at, _)| {
        at >= 2 && word.len() - at > 4 && {
            let (particle, rest) = (&word[..at], &word[at + 2..]);
            speller.check_word(&format!("{particle}{rest}"))
                || (VERB_PARTICLES.contains(&particle) && speller.check_word(rest))
        }
    })
}

/// Separable verb particles (`vor|sortieren`, `hinaus|gelangen`).
const VERB_PARTICLES: &[&str] = &[
    "ab", "an", "auf", "aus", "bei", "ein", "fest", "fort", "her", "heraus", "herein", "hin",
    "hinaus", "hinein", "hoch", "los", "mit", "nach", "vor", "voran", "vorbei", "weg", "weiter",
    "wieder", "zurück", "zusammen",
];

/// `technologielastige`, `zuckerhaltig`, `kugelförmigen`: a noun and an
/// adjective suffix that is no word by itself, with or without an
/// adjective ending.
fn is_suffix_adjective(speller: &Speller, word: &str) -> bool {
    if starts_uppercase(word) {
        return false;
    }
    ["", "e", "en", "er", "es", "em"].iter().any(|ending| {
        word.strip_suffix(ending).is_some_and(|stem| {
            ADJECTIVE_SUFFIXES.iter().any(|suffix| {
                stem.strip_suffix(suffix)
                    .is_some_and(|head| is_compound_head(speller, head))
            })
        })
    })
}

/// Suffixes that make adjectives of nouns and are no words of their own.
const ADJECTIVE_SUFFIXES: &[&str] = &[
    "lastig", "haltig", "artig", "förmig", "seitig", "wertig", "sprachig", "stämmig",
];

/// `Turiner`, `Turinerin`, `Turinern`: a known place plus `-er`.
fn is_demonym(speller: &Speller, word: &str) -> bool {
    if !starts_uppercase(word) {
        return false;
    }
    ["er", "ern", "ers", "erin", "erinnen"]
        .iter()
        .any(|suffix| {
            word.strip_suffix(suffix)
                .is_some_and(|place| place.chars().count() >= 3 && speller.check_word(place))
        })
}

/// Short nouns that end many compounds (`Oliven|öl`, `Start|elf`). `Art`
/// is left out on purpose: `-schiffart` is a typo of `-schifffahrt`.
const SHORT_TAILS: &[&str] = &[
    "öl", "ei", "eis", "tee", "amt", "rat", "bad", "weg", "tag", "zug", "bau", "hof", "tor", "tal",
    "ort", "see", "tür", "uhr", "gas", "rad", "ohr", "elf", "typ", "bus", "zoo", "akt",
];

/// Linking elements between the parts of a compound (`Verleumdung|s|klage`).
const LINKING_ELEMENTS: &[&str] = &["s", "es", "n", "en", "e", "er", "ns"];

/// A compound of a known first part and a known last part of at least four
/// letters that igerman98's compound flags do not allow (`Bezahl|schranke`,
/// `Verleger|verband`, `Streaming|dienste`, `patent|geschützte`). The first
/// part may be a word, a word plus linking element (`Traditions-`) or a
/// verb stem (`bezahl-`); the last part must be a word by itself, so a typo
/// inside either part (`Jugen|kriminalität`, `Budget|defizt`) stays unknown.
fn is_loose_compound(speller: &Speller, word: &str) -> bool {
    const MIN_TAIL: usize = 4;
    let n = word.chars().count();
    if n < 5 {
        return false;
    }
    let capitalised = starts_uppercase(word);
    for (k, (at, _)) in word.char_indices().enumerate() {
        if k < 2 || n - k < 2 {
            continue;
        }
        let (head, tail) = word.split_at(at);
        if !tail.chars().all(char::is_alphabetic) {
            continue;
        }
        if n - k < MIN_TAIL && !SHORT_TAILS.contains(&tail.to_lowercase().as_str()) {
            continue;
        }
        let tail_ok = if capitalised {
            let tail = capitalize_first(tail);
            speller.check_word(&tail) || is_derived_noun(speller, &tail)
        } else {
            // Lowercase tails stay lowercase: `patent|geschützte`.
            !starts_uppercase(tail) && speller.check_word(tail)
        };
        if tail_ok && is_compound_head(speller, head) {
            return true;
        }
    }
    false
}

/// Can `head` start a compound? A word (in either case), an agent noun of a
/// known verb (`Errichter|schiff`: `errichten`), a word plus a linking
/// element, or a verb stem.
fn is_compound_head(speller: &Speller, head: &str) -> bool {
    let known = |s: &str| {
        s.chars().count() >= 3
            && (speller.check_word(s)
                || speller.check_word(&capitalize_first(s))
                || s.strip_suffix("er").is_some_and(|stem| {
                    stem.chars().count() >= 3
                        && speller.check_word(&format!("{}en", stem.to_lowercase()))
                }))
    };
    if known(head) {
        return true;
    }
    if LINKING_ELEMENTS
        .iter()
        .any(|l| head.strip_suffix(l).is_some_and(known))
    {
        return true;
    }
    let lower = head.to_lowercase();
    if SHORT_PREFIXES.contains(&lower.as_str()) {
        return true;
    }
    // A verb stem (`bezahl|en`) or the stem of a noun in `-en` (`Mühl|en`).
    ["en", "n"].iter().any(|ending| {
        let stem = format!("{lower}{ending}");
        speller.check_word(&stem) || speller.check_word(&capitalize_first(&stem))
    })
}

/// Verb particles of two letters that start nouns (`An|wurf`, `Ab|bau`)
/// and the prefixes `un-` (`un|korrigiert`) and `ur-` (`Ur|prozess`);
/// longer particles (`auf`, `vor`) are words by themselves.
const SHORT_PREFIXES: &[&str] = &["an", "ab", "um", "zu", "un", "ur"];

/// How much an unknown capitalised word looks like a German word gone wrong
/// rather than a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Evidence {
    None,
    Weak,
    Strong,
}

/// Noun endings that German words have and names rarely do.
const GERMAN_NOUN_ENDINGS: &[&str] = &[
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tät", "täten",
    "ismus", "nis", "nisse", "tum", "tümer", "ierung",
];

fn german_evidence(speller: &Speller, word: &str) -> Evidence {
    if !starts_uppercase(word) {
        return Evidence::None;
    }
    if word.contains('-') {
        // Judge the unknown parts (`Jugen-Kriminalität`: `Jugen`). If no
        // part is German (`Binge-Watching`), the word is foreign.
        let mut best = Evidence::None;
        let mut any_known = false;
        for part in word.split('-').filter(|p| p.chars().count() >= 2) {
            if speller.check_word(part) {
                any_known = true;
            } else if starts_uppercase(part) {
                best = best.max(german_evidence(speller, part));
            }
        }
        return if any_known || best == Evidence::Strong {
            best
        } else {
            Evidence::None
        };
    }
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let n = chars.len();
    if n < 4 {
        return Evidence::None;
    }
    let lower = word.to_lowercase();
    if n >= 7 && GERMAN_NOUN_ENDINGS.iter().any(|e| lower.ends_with(e)) {
        return Evidence::Strong;
    }
    if let Some(other) = sharp_s_swap(word, speller.locale()) {
        if speller.check_word(&other) {
            return Evidence::Strong;
        }
    }
    // The longest known tail: `Jugen|kriminalität` (strong), `Stolten|berg`
    // (weak: names end in `-berg`, `-stein`, `-ing` too).
    let mut weak = false;
    for &(at, _) in chars.iter().take(n.saturating_sub(3)).skip(2) {
        if speller.check_word(&capitalize_first(&word[at..])) {
            if word[at..].chars().count() >= 6 {
                return Evidence::Strong;
            }
            weak = true;
            break;
        }
    }
    // One letter too many or two swapped: `Ukarine`, `Präsidnet`. Weak:
    // names have such neighbours too (`Wallis`: `Walls`).
    weak = weak || (n >= 7 && one_deletion_or_swap_known(speller, &chars, word));
    // A known head of four letters or more: `Wahl|kamf`, `Budget|defizt`.
    weak = weak
        || chars
            .iter()
            .take(n.saturating_sub(2))
            .skip(4)
            .any(|&(at, _)| speller.check_word(&word[..at]));
    if weak {
        Evidence::Weak
    } else {
        Evidence::None
    }
}

fn one_deletion_or_swap_known(speller: &Speller, chars: &[(usize, char)], word: &str) -> bool {
    let mut buf = String::with_capacity(word.len());
    // Deleting the first letter would change the word's case shape.
    for &(at, c) in &chars[1..] {
        buf.clear();
        buf.push_str(&word[..at]);
        buf.push_str(&word[at + c.len_utf8()..]);
        if speller.check_word(&buf) {
            return true;
        }
    }
    for pair in chars[1..].windows(2) {
        let ((a_at, a), (b_at, b)) = (pair[0], pair[1]);
        buf.clear();
        buf.push_str(&word[..a_at]);
        buf.push(b);
        buf.push(a);
        buf.push_str(&word[b_at + b.len_utf8()..]);
        if speller.check_word(&buf) {
            return true;
        }
    }
    false
}

/// `Strasse` → `Straße` outside Switzerland, `Straße` → `Strasse` in it,
/// `Einfluß` → `Einfluss` (pre-1996 spelling) everywhere.
fn sharp_s_swap(word: &str, locale: Locale) -> Option<String> {
    if locale == Locale::DeCh || !word.contains("ss") {
        // de-CH has no ß; elsewhere `Einfluß` is the spelling before 1996.
        word.contains('ß').then(|| word.replace('ß', "ss"))
    } else {
        Some(word.replace("ss", "ß"))
    }
}

/// Context of the candidates in one document.
struct Judge<'a, 'd> {
    doc: &'d Document,
    /// Token indices of the candidates.
    unknown: &'a HashSet<usize>,
    foreign_sentences: HashMap<usize, bool>,
}

/// Words that stand before names: titles, roles, kinds of places and
/// organisations. Matched as the end of the word before (`Außenminister`,
/// `Asienexperte`, `Hafenstadt`).
const NAME_INTRODUCERS: &[&str] = &[
    "präsident",
    "präsidentin",
    "minister",
    "ministerin",
    "sprecher",
    "sprecherin",
    "experte",
    "expertin",
    "chef",
    "chefin",
    "kanzler",
    "kanzlerin",
    "herr",
    "herrn",
    "frau",
    "sekretär",
    "sekretärin",
    "direktor",
    "direktorin",
    "leiter",
    "leiterin",
    "botschafter",
    "botschafterin",
    "vorsitzende",
    "vorsitzender",
    "vorsitzenden",
    "abgeordnete",
    "abgeordneter",
    "abgeordneten",
    "bürgermeister",
    "bürgermeisterin",
    "gouverneur",
    "gouverneurin",
    "senator",
    "senatorin",
    "general",
    "kommandeur",
    "premier",
    "regisseur",
    "regisseurin",
    "autor",
    "autorin",
    "sänger",
    "sängerin",
    "trainer",
    "trainerin",
    "spieler",
    "spielerin",
    "stürmer",
    "torhüter",
    "kollege",
    "kollegin",
    "analyst",
    "analystin",
    "ökonom",
    "ökonomin",
    "professor",
    "professorin",
    "anwalt",
    "anwältin",
    "richter",
    "richterin",
    "gründer",
    "gründerin",
    "journalist",
    "journalistin",
    "reporter",
    "reporterin",
    "schauspieler",
    "schauspielerin",
    "künstler",
    "künstlerin",
    "papst",
    "könig",
    "königin",
    "prinz",
    "prinzessin",
    "kardinal",
    "bischof",
    "imam",
    "scheich",
    "emir",
    "kandidat",
    "kandidatin",
    "aktivist",
    "aktivistin",
    "führer",
    "führerin",
    "forscher",
    "forscherin",
    "wissenschaftler",
    "wissenschaftlerin",
    "sohn",
    "tochter",
    "vater",
    "mutter",
    "bruder",
    "schwester",
    "ehefrau",
    "ehemann",
    "witwe",
    "firma",
    "konzern",
    "stadt",
    "dorf",
    "provinz",
    "region",
    "insel",
    "fluss",
    "zeitung",
    "sender",
    "agentur",
    "partei",
    "institut",
    "universität",
    "klub",
    "verein",
    "team",
    "marke",
    "band",
    "gruppe",
    "dr",
    "prof",
];

/// Lowercase particles of names (`van Gogh`, `de Mistura`, `bin Salman`).
const NAME_PARTICLES: &[&str] = &[
    "van", "de", "da", "di", "del", "della", "dos", "du", "le", "la", "al", "el", "bin", "ibn",
    "ben", "ter", "ten", "af", "av", "y",
];

/// Prepositions without an article that often stand before a place name
/// (`in Babelsberg`, `aus Turin`) — but also before nouns (`nach Angaben`),
/// so they are weak evidence of a name.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "aus",
    "nach",
    "bei",
    "nahe",
    "von",
    "bis",
    "gegenüber",
];

/// How strongly the context of a capitalised unknown word says it is a
/// name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum NameContext {
    None,
    /// After a preposition that places often follow.
    Weak,
    /// After a title, a particle or another capitalised word; before
    /// another unknown capitalised word.
    Strong,
}

/// German function words: a sentence or quotation with none of them and
/// mostly unknown words is not German.
const GERMAN_FUNCTION_WORDS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "und", "oder", "aber", "nicht", "ist", "sind", "war", "waren", "wird", "werden", "hat",
    "haben", "mit", "von", "zu", "zum", "zur", "für", "auf", "bei", "aus", "nach", "über", "unter",
    "sich", "es", "er", "sie", "wir", "ich", "auch", "noch", "nur", "wie", "als", "dass", "wenn",
    "im", "am", "vom", "beim", "ins", "kein", "keine", "sein", "seine", "ihre", "wer",
];

/// English function words and web-page words that igerman98 happens to
/// know (`Read`, `more`, `News`): they count as foreign in the test for
/// foreign sentences and quotations.
const ENGLISH_WORDS: &[&str] = &[
    "the", "of", "and", "to", "is", "are", "was", "be", "for", "with", "this", "that", "on", "by",
    "from", "you", "your", "we", "our", "it", "its", "can", "will", "read", "more", "news",
    "latest", "also", "not", "but", "or", "at", "as", "all", "new", "about", "here", "click", "if",
    "else", "then", "true", "false", "none", "null", "init", "int", "long", "short", "file",
    "files", "help", "next", "mode", "page", "main", "test", "no", "yes", "off", "set", "get",
    "run", "user", "name", "size", "type", "data", "time", "date", "path", "root", "home", "bit",
    "bits", "byte", "bytes", "host", "hosts", "port", "link", "links", "list",
];

fn is_english_word(word: &str) -> bool {
    word.len() <= 8 && ENGLISH_WORDS.iter().any(|f| lower_eq(f, word))
}

fn is_function_word(word: &str) -> bool {
    word.len() <= 6 && GERMAN_FUNCTION_WORDS.iter().any(|f| lower_eq(f, word))
}

/// `word` equals lowercase `f` up to a capital first letter.
fn lower_eq(f: &str, word: &str) -> bool {
    let mut a = f.chars();
    let mut b = word.chars();
    match (a.next(), b.next()) {
        (Some(x), Some(y)) if y.to_lowercase().eq(std::iter::once(x)) => a.eq(b),
        _ => false,
    }
}

impl<'d> Judge<'_, 'd> {
    /// The word tokens right before and after token `i`, separated from it
    /// by one horizontal space at most.
    fn neighbour(&self, i: usize, forward: bool) -> Option<usize> {
        let tokens = self.doc.tokens();
        let step = |j: usize| {
            if forward {
                j.checked_add(1)
            } else {
                j.checked_sub(1)
            }
        };
        let mut j = step(i)?;
        if tokens.get(j)?.kind == TokenKind::Space {
            j = step(j)?;
        }
        (tokens.get(j)?.kind == TokenKind::Word).then_some(j)
    }

    fn text(&self, i: usize) -> &'d str {
        self.doc.token_text(&self.doc.tokens()[i])
    }

    /// Is token `i` the first word of its sentence (or line)?
    fn sentence_initial(&self, i: usize) -> bool {
        let tokens = self.doc.tokens();
        let start = tokens[i].range.start;
        let sentence_start = self.doc.sentence_at(start).map_or(0, |s| s.start);
        tokens[..i]
            .iter()
            .rev()
            .take_while(|t| t.range.start >= sentence_start && t.kind != TokenKind::Newline)
            .all(|t| {
                matches!(
                    t.kind,
                    TokenKind::Space | TokenKind::Quote | TokenKind::Punct
                )
            })
    }

    /// Does the context of token `i` say it is (part of) a name?
    fn name_context(&self, i: usize) -> NameContext {
        if let Some(next) = self.neighbour(i, true) {
            if self.unknown.contains(&next) && starts_uppercase(self.text(next)) {
                return NameContext::Strong;
            }
        }
        let tokens = self.doc.tokens();
        // `Dr. Xyz`, `Prof. Xyz`
        if i >= 3 && self.text(i - 2) == "." && tokens[i - 1].kind == TokenKind::Space {
            let abbr = self.text(i - 3).to_lowercase();
            if matches!(abbr.as_str(), "dr" | "prof" | "hr" | "fr" | "st") {
                return NameContext::Strong;
            }
        }
        let Some(prev) = self.neighbour(i, false) else {
            return NameContext::None;
        };
        let before = self.text(prev);
        if !starts_uppercase(before) {
            return if NAME_PARTICLES.contains(&before) {
                NameContext::Strong
            } else if PLACE_PREPOSITIONS.contains(&before) {
                NameContext::Weak
            } else {
                NameContext::None
            };
        }
        if is_function_word(before) {
            return NameContext::None;
        }
        let lower = before.to_lowercase();
        // A title or role, or another capitalised word in mid-sentence: a
        // first name, or a name of two parts.
        if NAME_INTRODUCERS.iter().any(|t| lower.ends_with(t)) || !self.sentence_initial(prev) {
            NameContext::Strong
        } else {
            NameContext::None
        }
    }

    /// The strongest name context of each capitalised candidate (by key)
    /// over the document.
    /// Only keys with some German evidence are looked at; the others are
    /// names anyway.
    fn names(
        &self,
        candidates: &[Candidate<'d>],
        words: &HashSet<&'d str>,
        keys: &HashMap<&'d str, (usize, Evidence)>,
    ) -> HashMap<&'d str, NameContext> {
        let mut out: HashMap<&'d str, NameContext> = HashMap::new();
        for c in candidates.iter().filter(|c| starts_uppercase(c.word)) {
            let key = name_key(c.word, words);
            if keys.get(key).is_none_or(|(_, e)| *e == Evidence::None) {
                continue;
            }
            let context = self.name_context(c.token);
            let entry = out.entry(key).or_insert(context);
            *entry = (*entry).max(context);
        }
        out
    }

    /// Is token `i` in a sentence or quotation that is not German?
    fn in_foreign_text(&mut self, i: usize) -> bool {
        if let Some(quoted) = self.quotation_around(i) {
            if self.is_foreign(quoted) {
                return true;
            }
        }
        let start = self.doc.tokens()[i].range.start;
        let Some(sentence) = self.doc.sentence_at(start) else {
            return false;
        };
        if let Some(&known) = self.foreign_sentences.get(&sentence.start) {
            return known;
        }
        let first = self.doc.token_index_at(sentence.start).unwrap_or(i);
        let last = self
            .doc
            .token_index_at(sentence.end.saturating_sub(1))
            .unwrap_or(i);
        let foreign = self.is_foreign((first, last));
        self.foreign_sentences.insert(sentence.start, foreign);
        foreign
    }

    /// Token range (inclusive) between a quotation mark before token `i` and
    /// one after it, on the same line, if the quotation is short.
    fn quotation_around(&self, i: usize) -> Option<(usize, usize)> {
        const MAX_TOKENS: usize = 40;
        let tokens = self.doc.tokens();
        let is_boundary = |k: usize| {
            matches!(tokens[k].kind, TokenKind::Newline) || k == 0 || k + 1 >= tokens.len()
        };
        let mut open = None;
        for k in (i.saturating_sub(MAX_TOKENS)..i).rev() {
            if tokens[k].kind == TokenKind::Quote {
                open = Some(k);
                break;
            }
            if is_boundary(k) {
                break;
            }
        }
        let open = open?;
        let mut close = None;
        for (k, t) in tokens.iter().enumerate().skip(i + 1).take(MAX_TOKENS) {
            if t.kind == TokenKind::Quote {
                close = Some(k);
                break;
            }
            if t.kind == TokenKind::Newline {
                break;
            }
        }
        Some((open + 1, close? - 1))
    }

    /// Mostly unknown or English words and (almost) no German function word.
    fn is_foreign(&self, (first, last): (usize, usize)) -> bool {
        let mut words = 0;
        let mut unknown = 0;
        let mut function_words = 0;
        for k in first..=last {
            let t = &self.doc.tokens()[k];
            if t.kind != TokenKind::Word {
                continue;
            }
            words += 1;
            let text = self.doc.token_text(t);
            if self.unknown.contains(&k) || is_english_word(text) {
                unknown += 1;
            } else if is_function_word(text) {
                function_words += 1;
            }
        }
        unknown >= 2 && function_words * 10 < words && unknown * 2 >= words
    }
}

/// Letters of German words, loanwords included (`Café`, `Varieté`).
fn is_german_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'ä' | 'ö' | 'ü' | 'Ä' | 'Ö' | 'Ü' | 'ß' | 'é' | 'É')
}

/// Soft hyphens, zero-width and combining characters: the unicode rules
/// report those.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}')
}

/// A part of the word mixes letters and digits (`A320neo`, `mp3`).
fn is_code_like(word: &str) -> bool {
    word.split('-').any(|part| {
        part.chars().any(|c| c.is_ascii_digit()) && part.chars().any(char::is_alphabetic)
    })
}

/// The word touches a character that does not occur in prose next to a
/// word: `file_name`, `/usr/bin`, `example.org`, `@user`, `#tag`, `a=b`,
/// `&amp;`, mojibake (`â€žwachsam`), an elision apostrophe (`dell'`).
fn glued_to_code(doc: &Document, i: usize) -> bool {
    let tokens = doc.tokens();
    let touches = |j: usize, after: bool| {
        let Some(t) = tokens.get(j) else {
            return false;
        };
        let s = doc.token_text(t);
        if t.kind == TokenKind::Other
            || matches!(
                s,
                "_" | "/"
                    | "\\"
                    | "@"
                    | "#"
                    | "="
                    | "<"
                    | ">"
                    | "|"
                    | "~"
                    | "^"
                    | "*"
                    | "{"
                    | "}"
                    | "$"
                    | "&"
            )
        {
            return true;
        }
        // `dell' Wasserbehörde`: an elided foreign article (stray-token).
        if after && matches!(s, "'" | "’") {
            return true;
        }
        // `example.org`, `Haus.Tür`: a dot or colon between two words.
        if matches!(s, "." | ":") {
            let beyond = if after {
                j.checked_add(1)
            } else {
                j.checked_sub(1)
            };
            return beyond
                .and_then(|b| tokens.get(b))
                .is_some_and(|b| b.kind == TokenKind::Word);
        }
        false
    };
    (i > 0 && touches(i - 1, false)) || touches(i + 1, true)
}

/// `Steve Greenland (stevegr)`, `Jens Schmalzing (jensen)`: a lowercase
/// word alone in parentheses right after a capitalised word is a user name,
/// handle or login of the name before it, not German prose.
fn parenthesised_handle(doc: &Document, i: usize, word: &str) -> bool {
    let tokens = doc.tokens();
    let text = |j: usize| tokens.get(j).map(|t| doc.token_text(t));
    !starts_uppercase(word)
        && i >= 3
        && text(i - 1) == Some("(")
        && text(i + 1) == Some(")")
        && tokens[i - 2].kind == TokenKind::Space
        && tokens[i - 3].kind == TokenKind::Word
        && text(i - 3).is_some_and(starts_uppercase)
}

fn starts_uppercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------
// The dictionaries of one run and the caches in front of them.

/// The spellers of one run: the embedded or the user's dictionaries plus
/// the user's words and the names of the transliteration table, and the
/// name variants the transliteration rules report.
struct Lexicon {
    /// Tells this lexicon's cached verdicts from those of others; 0 for the
    /// embedded dictionaries with nothing added.
    id: usize,
    /// Spellers from `[spelling] dictionary-dir`, by locale.
    user: [Option<Speller>; 3],
    extra_words: Vec<String>,
    with_extra: [OnceLock<Speller>; 3],
    variants: HashSet<String>,
}

static NEXT_LEXICON_ID: AtomicUsize = AtomicUsize::new(1);

/// The names of the embedded transliteration table, as (canonical,
/// variants).
fn embedded_name_entries() -> Vec<(String, Vec<String>)> {
    transliteration::embedded_names()
        .map(|(canonical, variants)| (canonical.to_string(), variants.to_vec()))
        .collect()
}

/// The words the embedded table's names add to the dictionary.
static EMBEDDED_NAME_WORDS: LazyLock<Vec<String>> =
    LazyLock::new(|| name_words(&embedded_name_entries()).0);

static DEFAULT_SPELLERS: [OnceLock<Speller>; 3] =
    [OnceLock::new(), OnceLock::new(), OnceLock::new()];

/// The embedded dictionary of `locale` with the embedded table's names:
/// what every run without dictionaries of its own starts from. Parsed once
/// per process, with the names added in place rather than to a copy.
fn default_speller(locale: Locale) -> &'static Speller {
    DEFAULT_SPELLERS[locale_index(locale)].get_or_init(|| {
        let mut speller = Speller::parse_embedded(locale);
        // After parsing: on the prefetch thread, the transliteration rules
        // have read the table (which the names come from) meanwhile.
        speller.add_words(EMBEDDED_NAME_WORDS.iter().map(String::as_str));
        speller
    })
}

/// Starts parsing the default speller of `locale` on another thread, so
/// that it overlaps with everything a run does before its first spelling
/// check (setting up the other rules, reading and tokenising files): parsing
/// takes ~20 ms, the whole of a one-article run without spelling about as
/// long. A check that needs the speller earlier waits for it.
fn prefetch_default_speller(locale: Locale) {
    if DEFAULT_SPELLERS[locale_index(locale)].get().is_none() {
        std::thread::spawn(move || default_speller(locale));
    }
}

fn locale_index(locale: Locale) -> usize {
    match locale {
        Locale::DeDe => 0,
        Locale::DeAt => 1,
        Locale::DeCh => 2,
    }
}

const LOCALES: [Locale; 3] = [Locale::DeDe, Locale::DeAt, Locale::DeCh];

impl Lexicon {
    fn from_settings(settings: &Settings) -> Result<Lexicon, ConfigError> {
        let config_error = |message: String| ConfigError {
            path: settings.config_path.clone().unwrap_or_default(),
            message,
        };

        let env = std::env::var_os(DICTIONARY_DIR_ENV).map(PathBuf::from);
        let user = match &dictionary_dir(settings, env) {
            Some(dir) => user_spellers(dir).map_err(config_error)?,
            None => [None, None, None],
        };
        let own_dictionaries = user.iter().any(Option::is_some);
        if !own_dictionaries && settings.selection.enables(UNKNOWN_WORD.id) {
            prefetch_default_speller(match settings.locale {
                LocaleSetting::Fixed(locale) => locale,
                LocaleSetting::Auto => Locale::DeDe,
            });
        }

        let mut words: Vec<String> = settings.extra_words().to_vec();
        for file in &settings.file.spelling.word_files {
            let path = settings.resolve(file);
            let text = std::fs::read_to_string(&path).map_err(|e| {
                config_error(format!("[spelling] word-files: {}: {e}", path.display()))
            })?;
            words.extend(read_word_list(&text));
        }
        // The embedded spellers know the table's names already; the user's
        // dictionaries get them added.
        if own_dictionaries {
            words.extend(EMBEDDED_NAME_WORDS.iter().cloned());
        }
        let config_names: Vec<(String, Vec<String>)> = settings
            .file
            .transliteration
            .names
            .iter()
            .map(
                |NameEntry {
                     canonical,
                     variants,
                     ..
                 }| (canonical.clone(), variants.clone()),
            )
            .collect();
        words.extend(name_words(&config_names).0);
        let mut names = embedded_name_entries();
        names.extend(config_names);
        let (_, variants) = name_words(&names);

        let plain = words.is_empty() && !own_dictionaries;
        Ok(Lexicon {
            id: if plain {
                0
            } else {
                NEXT_LEXICON_ID.fetch_add(1, Ordering::Relaxed)
            },
            user,
            extra_words: words,
            with_extra: [OnceLock::new(), OnceLock::new(), OnceLock::new()],
            variants,
        })
    }

    fn speller(&self, locale: Locale) -> &Speller {
        let i = locale_index(locale);
        let base = self.user[i]
            .as_ref()
            .unwrap_or_else(|| default_speller(locale));
        if self.extra_words.is_empty() {
            return base;
        }
        self.with_extra[i]
            .get_or_init(|| base.with_words(self.extra_words.iter().map(String::as_str)))
    }

    fn cache_key(&self, locale: Locale) -> usize {
        self.id * LOCALES.len() + locale_index(locale)
    }

    fn is_variant(&self, word: &str) -> bool {
        !self.variants.is_empty() && self.variants.contains(word)
    }

    /// Suggestions for `word`, cached for the whole process.
    fn suggestions(&self, speller: &Speller, word: &str) -> Arc<Suggestions> {
        type Cache = Mutex<HashMap<(usize, Box<str>), Arc<Suggestions>>>;
        static SUGGESTIONS: LazyLock<Cache> = LazyLock::new(Default::default);
        let key = (self.cache_key(speller.locale()), Box::<str>::from(word));
        let done = {
            let cache = lock(&SUGGESTIONS);
            if let Some(s) = cache.get(&key) {
                return Arc::clone(s);
            }
            cache.len()
        };
        // The pre-check's model costs as much to build as suggestions for
        // some eighty words: a short run (one article, a commit) does
        // without it, a long one builds it early.
        let found = if done < PRECHECK_AFTER_WORDS {
            Suggestions::new(speller, word, &|_| true)
        } else {
            Suggestions::new(speller, word, &|w| speller.might_accept(w))
        };
        let found = Arc::new(found);
        lock(&SUGGESTIONS).insert(key, Arc::clone(&found));
        found
    }
}

/// A cheap pre-check of candidate words before the speller sees them:
/// `false` if the speller would certainly reject the word.
/// [`Speller::might_accept`] in production; the recall test compares it
/// with no pre-check at all.
type Plausible<'a> = &'a (dyn Fn(&str) -> bool + Sync);

impl Suggestions {
    fn new(speller: &Speller, word: &str, plausible: Plausible<'_>) -> Suggestions {
        let mut found = Vec::new();
        if let Some(other) = sharp_s_swap(word, speller.locale()) {
            if speller.check_word(&other) {
                found.push(other);
            }
        }
        for s in close_words(speller, word, plausible) {
            if !found.contains(&s) {
                found.push(s);
            }
        }
        let close = found
            .iter()
            .filter(|s| damerau_distance(word, s) == 1)
            .count();
        let only_close = close == 1
            && found
                .first()
                .is_some_and(|first| damerau_distance(word, first) == 1);
        Suggestions {
            words: found,
            only_close,
        }
    }
}

/// Letters tried for insertions and substitutions.
const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyzäöüß";

/// Known words one edit (Damerau) away from `word`, the likeliest typo
/// first: swapped neighbours, a doubled letter too many or too few, a
/// missing letter, an extra letter, a wrong letter.
///
/// Spellbook's own suggester takes 50–800 ms on a long compound; this
/// takes a few milliseconds because a word is only edited where it is
/// broken. A hyphenated word is edited in its one broken part
/// (`Privatspähren-Erweiterungen`), and each edit of that part is checked on
/// its own before the whole word is: a failed check of a long hyphenated
/// word costs spellbook a search through every compound split, and there
/// are hundreds of edits. A word with two broken parts needs two edits and
/// gets no suggestion. Within a word without hyphens only the part before
/// its known tail (`Jugen|kriminalität`) or after its known head
/// (`Verteidigungs|minster`) is edited, see [`edit_region`].
fn close_words(speller: &Speller, word: &str, plausible: Plausible<'_>) -> Vec<String> {
    if !word.contains('-') {
        return one_edit_words(speller, word, plausible, |candidate| {
            speller.check_word(candidate)
        });
    }
    let Some(broken) = broken_hyphen_part(speller, word) else {
        return Vec::new();
    };
    let (head, part, tail) = (
        &word[..broken.start],
        &word[broken.clone()],
        &word[broken.end..],
    );
    let last = tail.is_empty();
    let mut whole = String::with_capacity(word.len() + 4);
    // The same alternatives as `hyphen_part_ok`.
    let part_plausible =
        |candidate: &str| plausible(candidate) || (!last && plausible(&format!("{candidate}-")));
    one_edit_words(speller, part, &part_plausible, |candidate| {
        hyphen_part_ok(speller, candidate, last)
    })
    .into_iter()
    .filter_map(|candidate| {
        whole.clear();
        whole.push_str(head);
        whole.push_str(&candidate);
        whole.push_str(tail);
        speller.check_word(&whole).then(|| whole.clone())
    })
    .collect()
}

/// The byte range of the only part of a hyphenated `word` that fails on its
/// own; `None` if no part or several parts fail.
fn broken_hyphen_part(speller: &Speller, word: &str) -> Option<std::ops::Range<usize>> {
    let mut broken = None;
    let mut start = 0;
    for part in word.split('-') {
        let end = start + part.len();
        let last = end == word.len();
        if !part.is_empty() && !hyphen_part_ok(speller, part, last) {
            if broken.is_some() {
                return None;
            }
            broken = Some(start..end);
        }
        start = end + 1;
    }
    broken
}

/// Can `part` stand between hyphens: a word, or a compound's first part
/// (`Sicherheits-`) unless it is the `last` part?
fn hyphen_part_ok(speller: &Speller, part: &str, last: bool) -> bool {
    if speller.check_word(part) {
        return true;
    }
    !last && {
        let mut with_hyphen = String::with_capacity(part.len() + 1);
        with_hyphen.push_str(part);
        with_hyphen.push('-');
        speller.check_word(&with_hyphen)
    }
}

/// The words one edit away from `word` (without hyphens of its own) that
/// `accept` takes, edited inside [`edit_region`] only. The first letter is
/// never replaced or preceded, so the word keeps its case. Only the
/// candidates that pass `plausible` are shown to `accept`: nearly all of the
/// ~60 edits per letter are no word, and `accept` costs microseconds each.
fn one_edit_words(
    speller: &Speller,
    word: &str,
    plausible: Plausible<'_>,
    accept: impl Fn(&str) -> bool + Sync,
) -> Vec<String> {
    const MAX_CHARS: usize = 40;
    // Checked in parallel above this many candidates: without the
    // word-form model each check costs microseconds (a 16-letter word's
    // edits ~30 ms), and a run over one article has a core to spare.
    const PARALLEL_MIN: usize = 64;
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if !(3..=MAX_CHARS).contains(&n) {
        return Vec::new();
    }
    let (lo, hi) = edit_region(speller, word, &chars, plausible);
    // The plausible edits with their ranks, in the order the ranks then
    // keep stable; `accept` (the costly part) runs on them afterwards.
    let mut edits: Vec<(u8, String)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut candidate = String::with_capacity(word.len() + 4);
    let mut add = |rank: u8, parts: &[&[char]]| {
        candidate.clear();
        candidate.extend(parts.iter().flat_map(|p| p.iter()));
        if candidate != word && plausible(&candidate) && seen.insert(candidate.clone()) {
            edits.push((rank, candidate.clone()));
        }
    };
    for i in lo.max(1)..hi.min(n) {
        // swap i-1 and i
        if chars[i - 1] != chars[i] {
            add(
                0,
                &[&chars[..i - 1], &[chars[i], chars[i - 1]], &chars[i + 1..]],
            );
        }
        // delete i
        let doubled = chars[i] == chars[i - 1];
        add(if doubled { 1 } else { 3 }, &[&chars[..i], &chars[i + 1..]]);
    }
    for i in lo.max(1)..=hi.min(n) {
        for c in ALPHABET.chars() {
            // insert c before i
            let doubling = chars[i - 1] == c || chars.get(i) == Some(&c);
            add(
                if doubling { 1 } else { 2 },
                &[&chars[..i], &[c], &chars[i..]],
            );
            // replace i
            if i < n && chars[i] != c && chars[i].is_lowercase() {
                add(4, &[&chars[..i], &[c], &chars[i + 1..]]);
            }
        }
    }
    let known = |(_, candidate): &(u8, String)| accept(candidate);
    let mut found: Vec<(u8, String)> = if edits.len() >= PARALLEL_MIN {
        edits
            .into_par_iter()
            .with_min_len(PARALLEL_MIN)
            .filter(known)
            .collect()
    } else {
        edits.into_iter().filter(known).collect()
    };
    found.sort_by_key(|(rank, _)| *rank);
    found.into_iter().map(|(_, w)| w).collect()
}

/// The character range `lo..hi` of `word` where a typo can be: before the
/// longest known tail or after the longest known head of four letters or
/// more, whichever is shorter; the whole word if neither exists. `word`
/// has no hyphens (see [`close_words`]).
fn edit_region(
    speller: &Speller,
    word: &str,
    chars: &[char],
    plausible: Plausible<'_>,
) -> (usize, usize) {
    const MIN_PART: usize = 4;
    let n = chars.len();
    let offsets: Vec<usize> = word.char_indices().map(|(at, _)| at).collect();
    let mut region = (0, n);
    let capitalised = starts_uppercase(word);
    let known = |part: &str| plausible(part) && speller.check_word(part);
    let tail_known = |k: usize| {
        let tail = &word[offsets[k]..];
        if capitalised {
            known(&capitalize_first(tail))
        } else {
            known(tail)
        }
    };
    // The shortest known tail of six letters or more (four if none):
    // `Jugen|kriminalität`, not `Ju|genkriminalität` (`Gen` + …).
    let tails: Vec<usize> = (2..n.saturating_sub(MIN_PART - 1))
        .filter(|&k| tail_known(k))
        .collect();
    let p = tails.iter().rev().find(|&&k| n - k >= 6).or(tails.last());
    if let Some(&p) = p {
        region = (0, p + 1);
    }
    if let Some(q) = (MIN_PART..n.saturating_sub(2))
        .rev()
        .find(|&k| known(&word[..offsets[k]]))
    {
        if n - (q - 1) < region.1 - region.0 {
            region = (q - 1, n);
        }
    }
    region
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// One word a line; blank lines and `#` comments skipped.
fn read_word_list(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
}

/// The words of the canonical names (with genitives: `Selenskyjs`), and the
/// words of the variants that are not also canonical (`Shoigu`, `Jong-un`).
fn name_words(names: &[(String, Vec<String>)]) -> (Vec<String>, HashSet<String>) {
    let mut canonical: Vec<String> = Vec::new();
    for (name, _) in names {
        for part in name.split_whitespace() {
            canonical.push(part.to_string());
            if starts_uppercase(part) && !part.ends_with(['s', 'ß', 'x', 'z']) {
                canonical.push(format!("{part}s"));
            }
        }
    }
    let known: HashSet<&str> = canonical.iter().map(String::as_str).collect();
    let mut variants = HashSet::new();
    for (_, vs) in names {
        for part in vs.iter().flat_map(|v| v.split_whitespace()) {
            if !known.contains(part) {
                variants.insert(part.to_string());
                variants.insert(format!("{part}s"));
            }
        }
    }
    (canonical, variants)
}

/// `[spelling] dictionary-dir` (relative to the configuration file) or
/// else the value of [`DICTIONARY_DIR_ENV`]: a project's configuration is
/// more specific than a user's environment.
fn dictionary_dir(settings: &Settings, env: Option<PathBuf>) -> Option<PathBuf> {
    settings
        .file
        .spelling
        .dictionary_dir
        .as_deref()
        .map(|d| settings.resolve(d))
        .or(env)
}

/// Spellers for the locales whose `.aff` and `.dic` are in `dir`.
fn user_spellers(dir: &Path) -> Result<[Option<Speller>; 3], String> {
    if !dir.is_dir() {
        return Err(format!(
            "dictionary folder {} does not exist",
            dir.display()
        ));
    }
    let mut out = [None, None, None];
    for locale in LOCALES {
        let name = hunspell_name(locale);
        if dir.join(format!("{name}.aff")).is_file() {
            out[locale_index(locale)] = Some(Speller::from_dir(dir, locale)?);
        }
    }
    if out.iter().all(Option::is_none) {
        return Err(format!(
            "dictionary folder {} has none of de_DE, de_AT, de_CH (.aff and .dic)",
            dir.display()
        ));
    }
    Ok(out)
}

/// Verdicts per distinct word, per thread (no locking on the hot path) and
/// per lexicon and locale, in front of [`shared_verdict`]. Cleared when it
/// grows past [`MAX_THREAD_VERDICTS`]: news vocabulary is Zipf-distributed,
/// so the words of a few thousand articles answer nearly every lookup, and
/// the rest cost one lock of the shared cache instead of a second copy of
/// it per thread.
fn with_verdicts<R>(key: usize, f: impl FnOnce(&mut HashMap<Box<str>, Verdict>) -> R) -> R {
    thread_local! {
        static VERDICTS: RefCell<HashMap<usize, HashMap<Box<str>, Verdict>>> =
            RefCell::new(HashMap::new());
    }
    VERDICTS.with(|cell| {
        let mut all = cell.borrow_mut();
        let map = all.entry(key).or_default();
        if map.len() > MAX_THREAD_VERDICTS {
            map.clear();
        }
        f(map)
    })
}

/// Bound of the shared verdict cache, so that a huge corpus of distinct
/// tokens cannot exhaust memory.
const MAX_VERDICTS: usize = 1 << 20;

/// Bound of each thread's verdict cache.
const MAX_THREAD_VERDICTS: usize = 1 << 14;

/// The verdict on a word that this thread has not seen: judged once per run
/// and shared by all threads. A verdict costs tens of microseconds (a
/// compound search in spellbook, more for unknown words), so without
/// sharing every thread pays for every distinct word again.
fn shared_verdict(key: usize, word: &str, judge: impl FnOnce() -> Verdict) -> Verdict {
    type Verdicts = HashMap<usize, HashMap<Box<str>, Verdict>>;
    static SHARED: LazyLock<Mutex<Verdicts>> = LazyLock::new(Default::default);
    if let Some(v) = lock(&SHARED).get(&key).and_then(|m| m.get(word)) {
        return *v;
    }
    let v = judge();
    let mut shared = lock(&SHARED);
    let map = shared.entry(key).or_default();
    if map.len() > MAX_VERDICTS {
        map.clear();
    }
    map.insert(word.into(), v);
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{CliOverrides, ConfigFile};
    use crate::diagnostic::Applicability;
    use crate::rules::testing::{check, check_locale, fixed, flagged};

    fn rule() -> UnknownWord {
        UnknownWord {
            lexicon: Lexicon::from_settings(&Settings::default()).unwrap(),
        }
    }

    fn rule_with(config: &str, dir: &Path) -> Result<UnknownWord, ConfigError> {
        let path = dir.join("schliff.toml");
        let file = ConfigFile::parse(config, &path)?;
        let settings = Settings::new(Some(path), file, &CliOverrides::default())?;
        Ok(UnknownWord {
            lexicon: Lexicon::from_settings(&settings)?,
        })
    }

    fn flagged_with(rule: &UnknownWord, text: &str) -> Vec<String> {
        crate::rules::testing::check(rule, text)
            .iter()
            .map(|d| text[d.range.clone()].to_string())
            .collect()
    }

    #[test]
    fn flags_misspelt_and_invented_words() {
        let r = rule();
        assert_eq!(
            flagged(
                &r,
                "Die Regierung will systematisch gegen Jugenkriminalität vorgehen."
            ),
            ["Jugenkriminalität"]
        );
        assert_eq!(
            flagged(&r, "Er nannte das Treffen eine einmannige Beziehung."),
            ["einmannige"]
        );
        assert_eq!(
            flagged(
                &r,
                "Es seien die Führer schwach konjunktionierender Länder, sagte er."
            ),
            ["konjunktionierender"]
        );
        assert_eq!(
            flagged(&r, "Die neue Regirung in Rom kündigte das an."),
            ["Regirung"]
        );
        assert_eq!(
            flagged(&r, "Das Programm wurde am Montag vorgestelt."),
            ["vorgestelt"]
        );
        // A typo that repeats is still a typo.
        assert_eq!(
            flagged(
                &r,
                "Die Jugenkriminalität steigt. Gegen Jugenkriminalität hilft Bildung."
            ),
            ["Jugenkriminalität", "Jugenkriminalität"]
        );
    }

    #[test]
    fn leaves_names_alone() {
        let r = rule();
        let text = "Der Asienexperte Patrick Cronin vom Hudson Institute in Washington \
sagte das. Der ukrainische Außenminister Dmytro Kuleba widersprach. Die Ärztin Nguyen \
Ngoc Anh aus Hanoi leitet die Klinik, sagte Präsident Tokajew. Später sagte Kuleba, \
Tokajews Rede sei kurz gewesen. Frau Wojciechowska kam aus Bydgoszcz. Auch \
Rosenberger war dort.";
        assert!(flagged(&r, text).is_empty(), "{:?}", flagged(&r, text));
        // German-looking names with a first name or a title.
        let text = "Trainer Michael Rudolph lobte Anna Hallberger. Hallberger traf zweimal.";
        assert!(flagged(&r, text).is_empty(), "{:?}", flagged(&r, text));
        // Places after a preposition, genitives of names.
        let text = "Das Werk in Babelsberg und der Hafen von Tarent. Babelsbergs Studios.";
        assert!(flagged(&r, text).is_empty(), "{:?}", flagged(&r, text));
    }

    #[test]
    fn leaves_compounds_and_derived_words_alone() {
        let r = rule();
        for text in [
            "Die Bezahlschranke und die Streamingdienste verlangen Geld.",
            "Der Verlegerverband warnt vor Verleumdungsklagen.",
            "Patentgeschützte Medikamente sind teuer, patentgeschützte auch.",
            "Die Turiner Zeitung und die Mailänderin.",
            "Olivenöl aus Apulien und der Anwurf in der Halle.",
            "Die Pufferung der Daten und die Maskierung der Zeichen.",
            "Die Daten bleiben unkorrigiert.",
            "Der Wendelburger Trainer und Hallstadts Trainer trafen sich.",
            "Es gilt, den Code einzutippen und eine 4-stufige Skala vorzubelegen.",
            "Der Upstream-Entwickler nutzt den Bootloader und das Rendering.",
            "Die Verletzlichkeit und die Vorhersehbarkeit der Kurse.",
            "Es gilt, die Briefe vorzusortieren und hinauszugelangen.",
            "Der Index ist technologielastig, die Aktien sind technologielastige Werte.",
            "Die Errichterschiffe und der UNESCO-Welterbe-Titel.",
        ] {
            assert!(
                flagged(&r, text).is_empty(),
                "{text}: {:?}",
                flagged(&r, text)
            );
        }
    }

    #[test]
    fn leaves_non_prose_alone() {
        let r = rule();
        for text in [
            // abbreviations, numbers, acronyms, units
            "Das gilt z. B. für Nr. 5, bzw. für 3,5 Mio. Euro, ca. 20 km/h und 1.200 Fans.",
            "NATO, UNESCO, UNICEF, G7, NGOs und die OSZE tagten.",
            "Am 4. Juli um 10:30 Uhr endete das Spiel 2:1.",
            // URLs, e-mail, code-like tokens
            "Mehr unter https://example.org/seite_eins und info@example.de.",
            "Der A320neo und die Datei config_file.toml sowie example.org.",
            "Tippen Sie /usr/bin/schliff oder #hashtag und @nutzer ein.",
            // glued words and brands (stray-token), numeral compounds
            "Er ging vorDie Regierung und kaufte ein iPhone bei BioNTech.",
            "Die zwei-tägige Konferenz begann.",
            // HTML entities and mojibake are other rules' business
            "Er sagte &quot;Ja&quot; und â€žwachsamâ€œ.",
        ] {
            assert!(
                flagged(&r, text).is_empty(),
                "{text}: {:?}",
                flagged(&r, text)
            );
        }
    }

    #[test]
    fn leaves_foreign_quotations_and_titles_alone() {
        let r = rule();
        for text in [
            "„We welcome the goal, but the devil is in the details“, sagte sie.",
            "Er las den „Corriere della Sera“ und sah „House of Cards“.",
            "Sein Motto: „Il giornalismo locale non è morto, ha solo cambiato casa.“",
            "Read more »",
            "Similar News: You can also read news stories similar to this one.",
            "Der Befehl startet den root-Prozess und das apt-pinning.",
        ] {
            assert!(
                flagged(&r, text).is_empty(),
                "{text}: {:?}",
                flagged(&r, text)
            );
        }
        // A German quotation is checked.
        assert_eq!(
            flagged(&r, "Er sprach von „eine einmannige Beziehung“ mit Kim."),
            ["einmannige"]
        );
    }

    #[test]
    fn leaves_english_terms_and_identifiers_alone() {
        let r = rule();
        for text in [
            // English words of the English dictionary, in either case
            "Er nannte das big business, der Rest sei little more.",
            "Der Boot-Loader startet, die Hibernation folgt, der Quell-Tarball liegt bereit.",
            // identifiers as the first part of a hyphenated word
            "Im main-Bereich liegen die netinst-Installationen und die setuid-Dateien.",
            "Die Liste debian-devel und das Paket debian-installer helfen.",
            // English closed compounds, handles after names
            "Der Server nutzt einen smarthost, die timeperiod und die wishlist.",
            "Der Dienst systemd startet den buildd und den sshd.",
            "Am 18. Juli starb Steve Greenland (stevegr) an einem Krebsleiden.",
        ] {
            assert!(
                flagged(&r, text).is_empty(),
                "{text}: {:?}",
                flagged(&r, text)
            );
        }
        // German first parts and German typos stay flagged.
        for (text, word) in [
            (
                "Die deutsch-französiche Freundschaft hält.",
                "deutsch-französiche",
            ),
            ("Das Paket debian-Instalation fehlt.", "debian-Instalation"),
            ("Die Firma arbeitet systmatisch.", "systmatisch"),
            // typos in the stem of a derived word
            ("Die Verlezlichkeit ist groß.", "Verlezlichkeit"),
            ("Es gilt, die Briefe vorzusortiren.", "vorzusortiren"),
            (
                "Die Werte sind technologielastge Aktien.",
                "technologielastge",
            ),
            // a German typo in parentheses, but not after a name
            ("Das war klar (mitlerweile).", "mitlerweile"),
        ] {
            assert_eq!(flagged(&r, text), [word], "{text}");
        }
    }

    #[test]
    fn locale_decides_sharp_s() {
        let r = rule();
        let text = "Die Strasse war gesperrt.";
        let de = check_locale(&r, text, Locale::DeDe);
        assert_eq!(de.len(), 1);
        assert!(de[0].message.contains("`Straße`"), "{}", de[0].message);
        assert!(check_locale(&r, text, Locale::DeCh).is_empty());
        assert!(check_locale(&r, "Die Massnahmen greifen.", Locale::DeCh).is_empty());
        // Swiss text with ß is wrong in Switzerland.
        let ch = check_locale(&r, "Die Straße war gesperrt.", Locale::DeCh);
        assert!(ch[0].message.contains("`Strasse`"), "{}", ch[0].message);
        // Austrian words under de-AT, not under de-DE.
        let at = "Im Jänner kosteten die Paradeiser mehr.";
        assert!(check_locale(&r, at, Locale::DeAt).is_empty());
        assert_eq!(check_locale(&r, at, Locale::DeDe).len(), 1);
        // Pre-1996 spelling gets the current one.
        let old = check_locale(&r, "Das ist ein großer Einfluß gewesen.", Locale::DeDe);
        assert!(old[0].message.contains("`Einfluss`"), "{}", old[0].message);
    }

    #[test]
    fn safe_fix_only_for_a_single_close_word() {
        let r = rule();
        // `Regierung` is the only known word one edit away.
        let text = "Die neue Regirung in Rom kündigte das an.";
        let d = check(&r, text);
        assert_eq!(
            d[0].fix.as_ref().map(|f| f.applicability),
            Some(Applicability::Safe)
        );
        let once = fixed(&r, text);
        assert_eq!(once, "Die neue Regierung in Rom kündigte das an.");
        assert_eq!(fixed(&r, &once), once, "idempotent");

        // `Jugendkriminalität` and `Judenkriminalität` are both one edit
        // away: suggestions only.
        let text = "Sie will gegen Jugenkriminalität vorgehen.";
        let d = check(&r, text);
        assert!(
            d[0].message.contains("`Jugendkriminalität`"),
            "{}",
            d[0].message
        );
        assert_eq!(
            d[0].fix.as_ref().map(|f| f.applicability),
            Some(Applicability::DisplayOnly)
        );
        assert_eq!(fixed(&r, text), text);

        // A sentence-initial capital could be a name: never safe.
        let d = check(&r, "Regirung und Opposition stritten.");
        assert_eq!(
            d[0].fix.as_ref().map(|f| f.applicability),
            Some(Applicability::DisplayOnly)
        );
        // No word close by: no fix at all.
        let d = check(&r, "Er sprach von einer einmannige Sache.");
        assert!(d[0].fix.is_none());
        assert_eq!(d[0].message, "Unknown word `einmannige`");
    }

    #[test]
    fn at_most_three_suggestions() {
        let r = rule();
        let d = check(&r, "Das hatte im Wahlkamf keine Rolle gespielt.");
        let message = &d[0].message;
        assert!(message.contains("`Wahlkampf`"), "{message}");
        assert!(message.matches('`').count() <= 2 * (1 + MAX_SUGGESTIONS));
    }

    #[test]
    fn one_edit_words() {
        let s = Speller::embedded(Locale::DeDe);
        let close_words = |s: &Speller, word: &str| close_words(s, word, &|w| s.might_accept(w));
        assert_eq!(close_words(s, "Regirung"), ["Regierung"]);
        assert_eq!(close_words(s, "Präsidnet")[0], "Präsident");
        assert_eq!(close_words(s, "Abrüstunng")[0], "Abrüstung");
        assert!(close_words(s, "Jugenkriminalität")
            .iter()
            .any(|w| w == "Jugendkriminalität"));
        assert!(close_words(s, "Verteidigungsminster")
            .iter()
            .any(|w| w == "Verteidigungsminister"));
        assert!(close_words(s, "einmannige").is_empty());
        assert_eq!(damerau_distance("Regirung", "Regierung"), 1);
        assert_eq!(damerau_distance("Präsidnet", "Präsident"), 1);
        assert_eq!(damerau_distance("Strasse", "Straße"), 2);
        assert_eq!(damerau_distance("", "ab"), 2);
    }

    #[test]
    fn user_words_and_word_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("woerter.txt"),
            "# Hauswörter\nschliffig\n\nvorgestelt\n",
        )
        .unwrap();
        let r = rule_with(
            "words = [\"Glorbix\"]\n[spelling]\nword-files = [\"woerter.txt\"]\n",
            dir.path(),
        )
        .unwrap();
        assert!(flagged_with(
            &r,
            "Die Firma Glorbix und Glorbix’ Werk wurde schliffig vorgestelt."
        )
        .is_empty());
        // Without the configuration they are reported.
        assert_eq!(
            flagged(&rule(), "Das Werk wurde schliffig vorgestelt."),
            ["schliffig", "vorgestelt"]
        );
        let err = rule_with("[spelling]\nword-files = [\"fehlt.txt\"]\n", dir.path())
            .err()
            .unwrap();
        assert!(err.message.contains("fehlt.txt"), "{err}");
    }

    #[test]
    fn dictionary_dir_replaces_the_embedded_dictionaries() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("de_DE.aff"), "SET UTF-8\n").unwrap();
        std::fs::write(dir.path().join("de_DE.dic"), "2\nhallo\nvorgestelt\n").unwrap();
        let r = rule_with("[spelling]\ndictionary-dir = \".\"\n", dir.path()).unwrap();
        // Only this tiny dictionary (plus schliff's lists) is used.
        assert_eq!(
            flagged_with(&r, "hallo vorgestelt gehen"),
            ["gehen"],
            "the user's dictionary decides"
        );
        let err = rule_with("[spelling]\ndictionary-dir = \"fehlt\"\n", dir.path())
            .err()
            .unwrap();
        assert!(err.message.contains("does not exist"), "{err}");
        let empty = tempfile::tempdir().unwrap();
        let err = rule_with("[spelling]\ndictionary-dir = \".\"\n", empty.path())
            .err()
            .unwrap();
        assert!(err.message.contains("de_DE"), "{err}");
    }

    #[test]
    fn configured_dictionary_dir_wins_over_the_environment() {
        let settings = Settings::from_toml(
            "[spelling]\ndictionary-dir = \"dicts\"\n",
            "/p/schliff.toml",
        );
        let env = Some(PathBuf::from("/env/dicts"));
        assert_eq!(
            dictionary_dir(&settings, env.clone()),
            Some(PathBuf::from("/p/dicts"))
        );
        assert_eq!(dictionary_dir(&Settings::default(), env.clone()), env);
        assert_eq!(dictionary_dir(&Settings::default(), None), None);
    }

    #[test]
    fn transliteration_names() {
        let dir = tempfile::tempdir().unwrap();
        let r = rule_with(
            "[[transliteration.names]]\ncanonical = \"Wolodymyr Selenskyj\"\n\
variants = [\"Volodymyr Zelensky\", \"Zelenskyy\"]\n\
[[transliteration.names]]\ncanonical = \"Grzegorz Brzęczyszczykiewicz\"\nvariants = []\n",
            dir.path(),
        )
        .unwrap();
        // Variants are the transliteration rules' findings, canonical
        // names and their genitives are words.
        assert!(flagged_with(&r, "Zelenskys Rede. Selenskyjs Rede. Er traf Zelenskyy.").is_empty());
        let (words, variants) =
            name_words(&[("Kim Jong Un".to_string(), vec!["Kim Jong-un".to_string()])]);
        assert!(words.contains(&"Jong".to_string()) && words.contains(&"Kims".to_string()));
        assert!(variants.contains("Jong-un") && !variants.contains("Kim"));
    }

    #[test]
    fn verdicts_are_cached_per_lexicon() {
        let dir = tempfile::tempdir().unwrap();
        let with_word = rule_with("words = [\"quarzelig\"]\n", dir.path()).unwrap();
        let plain = rule();
        let text = "Die Maus lief quarzelig.";
        // Same thread, same word, different lexicons: different verdicts.
        assert!(flagged_with(&with_word, text).is_empty());
        assert_eq!(flagged(&plain, text), ["quarzelig"]);
        assert!(flagged_with(&with_word, text).is_empty());
    }

    /// The pre-check keeps the corrections of typical typos and rejects
    /// what no dictionary form or compound junction explains.
    #[test]
    fn prefilter_keeps_corrections() {
        let s = Speller::embedded(Locale::DeDe);
        for word in [
            "Jugendkriminalität",
            "Verteidigungsminister",
            "Regierung",
            "Straße",
            "Waffenstillstand",
            "Wahlkampf",
            "Sicherheits",
        ] {
            assert!(s.might_accept(word), "{word}");
        }
        for word in ["Jugenqkriminalität", "Regixrung", "Wahlkxmpf", "Strßae"] {
            assert!(!s.might_accept(word), "{word}");
        }
        // What it does not model, it lets through.
        for word in ["NGOs", "G7-Gipfel", "km/h", "Qxzq-Test"] {
            assert!(s.might_accept(word), "{word}");
        }
    }

    /// The words of `$SCHLIFF_WORDS` (one a line), read for the ignored
    /// harnesses below.
    fn harness_words() -> Vec<String> {
        let path = std::env::var("SCHLIFF_WORDS").expect("set SCHLIFF_WORDS to a word list");
        let text = std::fs::read_to_string(&path).unwrap();
        text.lines()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// Suggestions and time for the words of `$SCHLIFF_WORDS`, with the
    /// pre-check (or without it if `$SCHLIFF_NO_PRECHECK` is set), one
    /// `word<TAB>suggestions<TAB>safe` line each into `$SCHLIFF_OUT`. For
    /// comparing suggestions and timing them on one thread:
    /// `SCHLIFF_WORDS=words.txt SCHLIFF_OUT=out.tsv cargo test --release
    /// --lib suggestion_dump -- --ignored --nocapture`
    #[test]
    #[ignore = "harness: needs SCHLIFF_WORDS and SCHLIFF_OUT"]
    fn suggestion_dump() {
        use std::fmt::Write as _;
        let words = harness_words();
        let r = rule();
        let s = r.lexicon.speller(Locale::DeDe);
        let filtered = std::env::var_os("SCHLIFF_NO_PRECHECK").is_none();
        let plausible = |w: &str| !filtered || s.might_accept(w);
        let start = std::time::Instant::now();
        let _ = s.might_accept("Haus"); // build the model outside the timing
        eprintln!(
            "model built in {:.0} ms",
            start.elapsed().as_secs_f64() * 1e3
        );
        let start = std::time::Instant::now();
        let mut out = String::new();
        for word in &words {
            let sugg = Suggestions::new(s, word, &plausible);
            let _ = writeln!(out, "{word}\t{}\t{}", sugg.words.join("|"), sugg.only_close);
        }
        let elapsed = start.elapsed();
        eprintln!(
            "{} words, pre-check {filtered}: {:.2} s, {:.0} µs per word",
            words.len(),
            elapsed.as_secs_f64(),
            elapsed.as_secs_f64() * 1e6 / words.len() as f64
        );
        std::fs::write(std::env::var("SCHLIFF_OUT").unwrap(), out).unwrap();
    }

    /// Recall: correct words (those of `$SCHLIFF_WORDS` the speller
    /// accepts, at most `$SCHLIFF_SAMPLES`, default 3000) get one random
    /// edit (delete, insert, replace or swap a letter after the first);
    /// how often is the original among the suggestions for the result, with
    /// and without the pre-check? The pre-check must keep ≥ 99.5 % of what
    /// the plain suggester finds.
    #[test]
    #[ignore = "harness: needs SCHLIFF_WORDS"]
    fn suggestion_recall() {
        let r = rule();
        let s = r.lexicon.speller(Locale::DeDe);
        let mut words: Vec<String> = harness_words()
            .into_iter()
            .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
            .filter(|w| s.check_word(w))
            .collect();
        // A fixed-seed xorshift: the same edits on every run.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let samples: usize = std::env::var("SCHLIFF_SAMPLES").map_or(3000, |n| n.parse().unwrap());
        let n = words.len();
        for i in 0..n {
            words.swap(i, i + next(n - i));
        }
        let alphabet: Vec<char> = ALPHABET.chars().collect();
        let (mut tried, mut plain, mut checked, mut plain3, mut checked3, mut lost) =
            (0, 0, 0, 0, 0, Vec::new());
        for word in &words {
            if tried == samples {
                break;
            }
            let mut chars: Vec<char> = word.chars().collect();
            let i = 1 + next(chars.len() - 1);
            let c = alphabet[next(alphabet.len())];
            match next(4) {
                0 => drop(chars.remove(i)),
                1 => chars.insert(i, c),
                2 => chars[i] = c,
                _ => chars.swap(i - 1, i),
            }
            let typo: String = chars.into_iter().collect();
            if s.check_word(&typo) {
                continue;
            }
            tried += 1;
            let rank = |plausible: Plausible<'_>| {
                Suggestions::new(s, &typo, plausible)
                    .words
                    .iter()
                    .position(|w| w == word)
            };
            let without = rank(&|_| true);
            let with = rank(&|w| s.might_accept(w));
            plain += usize::from(without.is_some());
            checked += usize::from(with.is_some());
            plain3 += usize::from(without.is_some_and(|r| r < MAX_SUGGESTIONS));
            checked3 += usize::from(with.is_some_and(|r| r < MAX_SUGGESTIONS));
            if without.is_some() && with.is_none() {
                lost.push(format!("{typo} → {word}"));
            }
        }
        let pct = |a: usize| 100.0 * a as f64 / tried as f64;
        eprintln!(
            "{tried} typos: original suggested without pre-check {plain} ({:.1} %), with {checked} \
             ({:.1} %); among the first three {plain3} ({:.1} %) and {checked3} ({:.1} %); \
             lost: {lost:?}",
            pct(plain),
            pct(checked),
            pct(plain3),
            pct(checked3)
        );
        assert!(checked as f64 >= 0.995 * plain as f64);
    }
}

//! Spell-checking engine: Hunspell dictionaries (igerman98) read by
//! [`spellbook`], plus schliff's own word lists and a few rules that German
//! news text needs on top of Hunspell.
//!
//! The dictionaries are embedded in the binary (`dictionaries/`) and parsed
//! lazily, once per locale, the first time [`Speller::embedded`] asks for
//! that locale. A run that only checks de-DE text parses only de-DE.
//!
//! What [`Speller::check_word`] adds on top of spellbook:
//!
//! * `dictionaries/words.dic` (news vocabulary and abbreviations) and
//!   `dictionaries/names.dic` (people, places, organisations) are added to
//!   every locale. They use the flags of igerman98's `de_DE.aff`; for de-CH
//!   every `ß` in them is written `ss` before adding.
//! * Acronyms: a token of at most five letters, all of them capitals (digits
//!   allowed after the first letter: `G7`, `F16`), optionally with a plural
//!   or genitive `s` (`NGOs`), is accepted.
//! * Number + hyphen (`20-Jährige`, `5-jährige`, `32-Bit`, `100-prozentig`,
//!   `2:1-Sieg`): only the part after the first hyphen is checked.
//! * Hyphenated compounds (`Audio-Datei`, `Sicherheits-Token`,
//!   `Kim-Jong-Un-Regime`): accepted if spellbook accepts the whole word,
//!   or its closed form (`Audiodatei`), or if every part is correct on its
//!   own or as the first part of a compound (`Sicherheits-`). A lowercase part
//!   after a hyphen must be a word on its own, so `Audio-datei` stays wrong.
//! * A German numeral word before a hyphen and a lowercase word
//!   (`zwei-tägige`) is always wrong: numeral compounds are written closed.
//!   [`closed_numeral_compound`] gives the closed form.
//!
//! Abbreviations: the caller tokenises `z. B.` into `z` and `B` and passes
//! each without its trailing dot, telling [`Speller::check_token`] whether a
//! dot followed. Abbreviations that need their dot (`bzw.`, `Nr.`, `Mio.`)
//! are listed with the dot in `words.dic`, so `bzw` alone is rejected while
//! `bzw` followed by a dot passes. Agency names and units (`dpa`, `AFP`,
//! `km`, `kg`) are plain words.

mod english;
mod hunspell;
mod shapes;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex, OnceLock};
use std::time::Instant;

use spellbook::Dictionary;

use crate::locale::Locale;

use shapes::{Forms, Shapes};

/// The Hunspell name of a locale's dictionary files, e.g. `de_DE`.
pub fn hunspell_name(locale: Locale) -> &'static str {
    match locale {
        Locale::DeDe => "de_DE",
        Locale::DeAt => "de_AT",
        Locale::DeCh => "de_CH",
    }
}

fn embedded_files(locale: Locale) -> (&'static str, &'static str) {
    match locale {
        Locale::DeDe => (
            include_str!("../dictionaries/de_DE.aff"),
            include_str!("../dictionaries/de_DE.dic"),
        ),
        Locale::DeAt => (
            include_str!("../dictionaries/de_AT.aff"),
            include_str!("../dictionaries/de_AT.dic"),
        ),
        Locale::DeCh => (
            include_str!("../dictionaries/de_CH.aff"),
            include_str!("../dictionaries/de_CH.dic"),
        ),
    }
}

/// schliff's own additions, in Hunspell `.dic` format with de_DE.aff flags.
const WORDS_DIC: &str = include_str!("../dictionaries/words.dic");
const NAMES_DIC: &str = include_str!("../dictionaries/names.dic");

/// Is `word` an English word (in any case: `loader`, `Loader`, `LOADER`)?
///
/// schliff checks German; this only tells English terms inside German text
/// (`Boot-Loader`, `Upstream`) from misspelt German words, which are
/// almost never English words. The dictionary is en_US from SCOWL, expanded
/// into its word forms at build time, so asking costs no start-up.
pub fn in_english_dictionary(word: &str) -> bool {
    english::is_word(word)
}

/// What building the pre-check model costs (~0.1 s for de_DE in a release
/// build); see [`Speller::dict_check`].
const SHAPES_BUILD_NANOS: u64 = 100_000_000;

/// Bound of each speller's [`Speller::cached_check`] cache (~0.5 MB). The
/// repeats come soon: on the 10 MB benchmark folder, with ~80,000 distinct
/// strings checked, 2× to 16× the bound was no faster.
const MAX_CACHED_VERDICTS: usize = 1 << 13;

/// Longest hyphenated token (in parts) that gets the per-part treatment;
/// anything longer is judged by spellbook alone.
const MAX_HYPHEN_PARTS: usize = 8;

/// A German spell checker for one locale. `Send + Sync`; share it by
/// reference (the embedded ones are `&'static`).
pub struct Speller {
    dict: Dictionary,
    locale: Locale,
    /// The model behind [`Speller::might_accept`], shared with the copies
    /// [`Speller::with_words`] makes and, for the embedded dictionaries,
    /// by all three locales.
    model: Arc<Model>,
    /// Words added by [`Speller::with_words`].
    added: Vec<String>,
    /// `added` for the model, which does not know them.
    added_forms: Forms,
    /// Time spellbook has spent rejecting words so far, without the model.
    rejecting_nanos: AtomicU64,
    /// spellbook's verdicts on words the model let through. The rules ask
    /// about the same strings again and again (a noun's tail for each of
    /// its compounds, `Systemd-` for every `Systemd-…` token): on a corpus
    /// over half of those checks repeat one made before.
    verdicts: Mutex<HashMap<Box<str>, bool>>,
}

/// The word-form model of a dictionary, built on the first
/// [`Speller::might_accept`] or by [`Speller::dict_check`]: runs with few
/// unknown words never pay for it.
struct Model {
    /// The `.aff` text and the `.dic` texts the model reads.
    aff: Cow<'static, str>,
    dics: Vec<Cow<'static, str>>,
    shapes: OnceLock<Shapes>,
}

impl Model {
    fn shapes(&self) -> &Shapes {
        self.shapes.get_or_init(|| {
            let dics: Vec<&str> = self.dics.iter().map(|d| &**d).collect();
            Shapes::new(&self.aff, &dics)
        })
    }
}

/// schliff's word lists as `locale` spells them: de-CH has no `ß`.
fn word_lists(locale: Locale) -> [Cow<'static, str>; 2] {
    [WORDS_DIC, NAMES_DIC].map(|list| {
        if locale == Locale::DeCh {
            Cow::Owned(list.replace('ß', "ss"))
        } else {
            Cow::Borrowed(list)
        }
    })
}

/// One model for the three embedded dictionaries: their `.aff` files are
/// the same (`embedded_affix_files_agree`), so the model of all three
/// `.dic` files and the word lists in both spellings accepts everything
/// each of them does; de-AT and de-CH add a few thousand lines to de-DE's
/// 75,000, so it costs one build (~0.1 s, ~10 MB) instead of three.
static EMBEDDED_MODEL: LazyLock<Arc<Model>> = LazyLock::new(|| {
    let mut dics: Vec<Cow<'static, str>> = [Locale::DeDe, Locale::DeAt, Locale::DeCh]
        .into_iter()
        .map(|locale| Cow::Borrowed(embedded_files(locale).1))
        .collect();
    dics.extend(word_lists(Locale::DeDe));
    dics.extend(word_lists(Locale::DeCh));
    Arc::new(Model {
        aff: Cow::Borrowed(embedded_files(Locale::DeDe).0),
        dics,
        shapes: OnceLock::new(),
    })
});

impl fmt::Debug for Speller {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Speller")
            .field("locale", &self.locale)
            .finish_non_exhaustive()
    }
}

static EMBEDDED: [OnceLock<Speller>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];

impl Speller {
    /// The speller built from the dictionaries embedded in the binary.
    ///
    /// Parsed on first use for each locale (some tens of milliseconds in a
    /// release build) and kept for the rest of the process.
    pub fn embedded(locale: Locale) -> &'static Speller {
        let slot = match locale {
            Locale::DeDe => &EMBEDDED[0],
            Locale::DeAt => &EMBEDDED[1],
            Locale::DeCh => &EMBEDDED[2],
        };
        slot.get_or_init(|| Speller::parse_embedded(locale))
    }

    /// Builds a speller from `<dir>/<name>.aff` and `<dir>/<name>.dic`, where
    /// `<name>` is [`hunspell_name`] (`de_DE`, `de_AT`, `de_CH`).
    ///
    /// This is for users who bring their own (e.g. newer) Hunspell
    /// dictionaries. schliff's word lists are added as for the embedded
    /// dictionaries; if the user's `.aff` does not understand their flags,
    /// the words are added without flags.
    pub fn from_dir(dir: impl AsRef<Path>, locale: Locale) -> Result<Speller, String> {
        let dir = dir.as_ref();
        let read = |ext: &str| {
            let path = dir.join(format!("{}.{ext}", hunspell_name(locale)));
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
        };
        Speller::from_owned(read("aff")?, read("dic")?, locale)
    }

    /// Builds a speller from the text of a Hunspell `.aff` and `.dic` file
    /// (both UTF-8) and adds schliff's word lists.
    pub fn from_hunspell(aff: &str, dic: &str, locale: Locale) -> Result<Speller, String> {
        Speller::from_owned(aff.to_string(), dic.to_string(), locale)
    }

    /// A speller of dictionary files that are not the embedded ones, with
    /// a model of its own.
    fn from_owned(aff: String, dic: String, locale: Locale) -> Result<Speller, String> {
        let mut dics = vec![Cow::Owned(dic)];
        dics.extend(word_lists(locale));
        let model = Arc::new(Model {
            aff: Cow::Owned(aff),
            dics,
            shapes: OnceLock::new(),
        });
        Speller::from_sources(&model.aff, &model.dics[0], locale, Arc::clone(&model))
    }

    fn from_sources(
        aff: &str,
        dic: &str,
        locale: Locale,
        model: Arc<Model>,
    ) -> Result<Speller, String> {
        let mut dict = Dictionary::new(aff, dic).map_err(|e| format!("{e}"))?;
        for (name, list) in [("words.dic", WORDS_DIC), ("names.dic", NAMES_DIC)] {
            add_word_list(&mut dict, list, locale).map_err(|e| format!("{name}: {e}"))?;
        }
        Ok(Speller {
            dict,
            locale,
            model,
            added: Vec::new(),
            added_forms: Forms::default(),
            rejecting_nanos: AtomicU64::new(0),
            verdicts: Mutex::default(),
        })
    }

    /// The embedded dictionary of `locale`, parsed afresh (not cached, see
    /// [`Speller::embedded`]). With [`Speller::add_words`], a word list fixed
    /// for the whole process does without [`Speller::with_words`]'s copy of
    /// the dictionary (~3 ms).
    pub fn parse_embedded(locale: Locale) -> Speller {
        let (aff, dic) = embedded_files(locale);
        // Fixed at build time and covered by the tests: failing here is a
        // bug in the build, not user error.
        Speller::from_sources(aff, dic, locale, Arc::clone(&EMBEDDED_MODEL))
            .unwrap_or_else(|e| panic!("embedded {locale} dictionary: {e}"))
    }

    /// A copy of this speller that also accepts `words`; see
    /// [`Speller::add_words`].
    ///
    /// Copies the whole dictionary (a few milliseconds): build it once per
    /// run, not per document.
    pub fn with_words<'a>(&self, words: impl IntoIterator<Item = &'a str>) -> Speller {
        let mut speller = Speller {
            dict: self.dict.clone(),
            locale: self.locale,
            model: Arc::clone(&self.model),
            added: self.added.clone(),
            added_forms: Forms::default(),
            rejecting_nanos: AtomicU64::new(0),
            verdicts: Mutex::default(),
        };
        speller.add_words(words);
        speller
    }

    /// Makes this speller accept `words` too (a user's word list, names).
    /// Each word is added as it is, without affix flags, so the result does
    /// not depend on the flags of the `.aff` file; a word with a `/` is added
    /// whole (`km/h`). For de-CH every `ß` is written `ss`.
    pub fn add_words<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        for word in words {
            let word = word.trim();
            if word.is_empty() {
                continue;
            }
            let word = if self.locale == Locale::DeCh {
                word.replace('ß', "ss")
            } else {
                word.to_string()
            };
            // `.dic` syntax: a slash starts the flags unless escaped.
            let entry = word.replace('/', "\\/");
            // A bare word always parses; an error here could only come from
            // an escape the `.dic` parser does not know, and then the word
            // is simply not added.
            let _ = self.dict.add(&entry);
            self.added.push(word);
        }
        self.added_forms = Forms::new(self.added.iter().map(String::as_str));
        // Verdicts from before may be wrong now.
        self.verdicts
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    /// The locale this speller checks.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// A cheap, conservative pre-check for [`Speller::check_word`]: `false`
    /// means `check_word` would certainly reject `word`, `true` that it
    /// might accept it. For suggesters that try hundreds of edits of a word:
    /// it turns away nearly all that are no word in well under a
    /// microsecond, where `check_word` spends microseconds to milliseconds
    /// each.
    ///
    /// The first call builds a model of the dictionary's word forms and
    /// compound parts (~0.2 s, ~10 MB, see `spell/shapes.rs`): call it only
    /// when enough checks will follow to pay for that.
    pub fn might_accept(&self, word: &str) -> bool {
        self.model.shapes().might_accept(word, &self.added_forms)
    }

    /// spellbook's verdict, behind the [`Shapes`] pre-check once that is
    /// built. spellbook spends most of its time rejecting words: it searches
    /// every compound split of an unknown word, up to milliseconds for a
    /// long one, which the model turns away in well under a microsecond.
    /// The model is built once the rejections have cost about as much time
    /// as building it (ski rental): a run over one article never pays for
    /// it, a corpus run pays once, early.
    fn dict_check(&self, word: &str) -> bool {
        if let Some(shapes) = self.model.shapes.get() {
            return shapes.might_accept(word, &self.added_forms) && self.cached_check(word);
        }
        let start = Instant::now();
        if self.dict.check(word) {
            return true;
        }
        let nanos = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
        let before = self.rejecting_nanos.fetch_add(nanos, Ordering::Relaxed);
        if before < SHAPES_BUILD_NANOS && before.saturating_add(nanos) >= SHAPES_BUILD_NANOS {
            self.model.shapes();
        }
        false
    }

    /// spellbook's verdict, remembered. Only for words the model let
    /// through: its "no" costs less than a lookup here.
    fn cached_check(&self, word: &str) -> bool {
        let verdicts = || {
            self.verdicts
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some(&known) = verdicts().get(word) {
            return known;
        }
        let known = self.dict.check(word);
        let mut verdicts = verdicts();
        if verdicts.len() >= MAX_CACHED_VERDICTS {
            verdicts.clear();
        }
        verdicts.insert(word.into(), known);
        known
    }

    /// Is `word` spelled correctly?
    ///
    /// `word` is one token without surrounding punctuation. It may contain
    /// hyphens (`US-Präsident`) and slashes (`km/h`), and may start with a
    /// number (`20-Jährige`). A sentence-initial capital on a lowercase word
    /// is accepted (`Die`, `Nach`), as are all-caps forms of words (`HAUS`).
    /// Abbreviations that need a dot fail here; see [`Speller::check_token`].
    ///
    /// Cost: one spellbook check for ordinary words (a few microseconds;
    /// misspelt words cost more because spellbook searches compound splits);
    /// hyphenated tokens cost one check per part.
    pub fn check_word(&self, word: &str) -> bool {
        if word.is_empty() {
            return true;
        }
        let has_hyphen = word.contains('-');
        if has_hyphen {
            if closed_numeral_compound(word).is_some() {
                return false;
            }
            // Most hyphenated tokens are plain words joined by hyphens.
            // Checking the parts first skips spellbook's whole-word compound
            // search, which costs ~100 µs on a long hyphenated token.
            if self.parts_pass(word) {
                return true;
            }
        }
        if self.dict_check(word) {
            return true;
        }
        self.check_slow(word, has_hyphen)
    }

    /// Like [`Speller::check_word`], for a token that the tokeniser cut off
    /// before a dot. If `followed_by_dot`, the token is also accepted as an
    /// abbreviation that is written with a dot (`bzw`, `Nr`, `Mio`, `z`,
    /// `B`, `Jan`).
    pub fn check_token(&self, word: &str, followed_by_dot: bool) -> bool {
        self.check_word(word) || (followed_by_dot && self.is_dotted_abbreviation(word))
    }

    /// Is `word` an abbreviation that is written with a dot (`bzw`, `Nr`)?
    /// [`Speller::check_token`] for a word that [`Speller::check_word`]
    /// has rejected already.
    pub fn is_dotted_abbreviation(&self, word: &str) -> bool {
        if word.is_empty() || word.ends_with('.') {
            return false;
        }
        let mut dotted = String::with_capacity(word.len() + 1);
        dotted.push_str(word);
        dotted.push('.');
        self.dict_check(&dotted)
    }

    /// Up to `max` spelling suggestions for `word`, best first.
    ///
    /// Slow compared to [`Speller::check_word`]: tens to a few hundred
    /// milliseconds per word (see `dictionaries/README.md`), so call it only
    /// for words that failed, and cache. Suggestions that are artefacts of
    /// the dictionary's hyphen handling (`-datei`, `Audio-Datei-`) or split
    /// off single letters (`Strass e`) are dropped.
    pub fn suggest(&self, word: &str, max: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if max == 0 || word.is_empty() {
            return out;
        }
        if let Some(closed) = closed_numeral_compound(word) {
            out.push(closed);
        }
        let mut raw = Vec::new();
        self.dict.suggest(word, &mut raw);
        for s in raw {
            if out.len() >= max {
                break;
            }
            if out.contains(&s) || !self.plausible_suggestion(word, &s) {
                continue;
            }
            out.push(s);
        }
        out.truncate(max);
        out
    }

    fn plausible_suggestion(&self, word: &str, s: &str) -> bool {
        if s.is_empty() || s.contains("--") {
            return false;
        }
        if (s.starts_with('-') && !word.starts_with('-'))
            || (s.ends_with('-') && !word.ends_with('-'))
        {
            return false;
        }
        if s.contains(' ') {
            // Hunspell proposes splitting a word in two; keep that only if
            // both halves are real words of some length.
            return s.split(' ').all(|p| {
                p.chars().count() >= 2
                    && !p.starts_with('-')
                    && !p.ends_with('-')
                    && self.check_word(p)
            });
        }
        true
    }

    /// Everything beyond spellbook's own verdict (which was `false`).
    fn check_slow(&self, word: &str, has_hyphen: bool) -> bool {
        if is_acronym(word) || is_number_like(word) {
            return true;
        }
        if word.contains('/') {
            let mut any = false;
            for piece in word.split('/').filter(|p| !p.is_empty()) {
                if !self.check_word(piece) {
                    return false;
                }
                any = true;
            }
            return any;
        }
        if !has_hyphen {
            return false;
        }
        if let Some(rest) = strip_number_prefix(word) {
            return !rest.is_empty() && self.check_word(rest);
        }
        self.check_hyphenated(word)
    }

    /// Does every hyphen-separated part pass on its own? (Then spellbook's
    /// `BREAK -` would accept the token too.) Lowercase parts after a hyphen
    /// must be words by themselves; `check_simple` already demands that.
    fn parts_pass(&self, word: &str) -> bool {
        let mut parts = 0;
        for part in word.split('-') {
            parts += 1;
            if part.is_empty() || parts > MAX_HYPHEN_PARTS || !self.check_simple(part) {
                return false;
            }
        }
        true
    }

    /// A token with hyphens that spellbook rejected as a whole.
    fn check_hyphenated(&self, word: &str) -> bool {
        // Ergänzungsstrich at the end: `Sicherheits-` in
        // `Sicherheits- und Verteidigungspolitik`.
        if let Some(head) = word.strip_suffix('-') {
            if head.is_empty() || head.ends_with('-') {
                return false;
            }
            if self.first_part_ok(head, None) || self.check_word(head) {
                return true;
            }
            // `EU-Mitgliedschafts-`, `Debian-Mitgliedschafts-`: a hyphenated
            // word before the dash; its last part is a compound-first form.
            return match head.rsplit_once('-') {
                Some((front, last)) => self.check_word(front) && self.first_part_ok(last, None),
                None => false,
            };
        }
        // Ergänzungsstrich at the start: `-politik` in `Innen- und
        // -politik` is rare, but `-Datei` style tails occur.
        if let Some(tail) = word.strip_prefix('-') {
            if tail.is_empty() || tail.starts_with('-') {
                return false;
            }
            return self.check_word(tail) || self.check_word(&capitalize_first(tail));
        }

        let parts: Vec<&str> = word.split('-').collect();
        if parts.len() > MAX_HYPHEN_PARTS || parts.iter().any(|p| p.is_empty()) {
            return false;
        }

        // The closed form: `Audio-Datei` -> `Audiodatei`. Only when every
        // part after the first is capitalised (a lowercase part after a
        // hyphen must stand on its own, see below) and no part is an
        // acronym or number (`US-Präsident` -> `USpräsident` is no word).
        let closable = parts[1..].iter().all(|p| starts_uppercase(p))
            && parts.iter().all(|p| !is_acronym(p) && !is_number_like(p));
        if closable {
            let mut closed = String::with_capacity(word.len());
            closed.push_str(parts[0]);
            for p in &parts[1..] {
                closed.push_str(&lowercase_first(p));
            }
            if self.dict_check(&closed) {
                return true;
            }
        }

        let last = parts.len() - 1;
        parts.iter().enumerate().all(|(i, part)| {
            if i > 0 && !starts_uppercase(part) && !is_number_like(part) {
                // `Corona-bedingt`, `Nato-geführte`: a lowercase part after
                // a hyphen has to be a word by itself (`Audio-datei` is not).
                return self.check_simple(part);
            }
            if i == last {
                self.check_simple(part) || (i > 0 && self.pair_closes(parts[i - 1], part))
            } else {
                self.first_part_ok(part, Some(parts[i + 1]))
                    || (i > 0 && self.pair_closes(parts[i - 1], part))
            }
        })
    }

    /// One part of a hyphenated word, without hyphens of its own. Acronyms
    /// may be longer here than alone (`UNESCO-Welterbe`, `DNSSEC-Standard`):
    /// before a hyphen, a run of capitals is a name, not a shouted word.
    fn check_simple(&self, part: &str) -> bool {
        self.dict_check(part)
            || is_acronym_of(part, MAX_ACRONYM_IN_COMPOUND)
            || is_number_like(part)
    }

    /// Can `part` stand before a hyphen as the first part of a compound?
    /// Either it is a word by itself, or the dictionary knows it as a
    /// compound-first form (`Sicherheits-`, `Audio-`), or it closes with the
    /// next part (`Audio` + `Datei`).
    fn first_part_ok(&self, part: &str, next: Option<&str>) -> bool {
        if self.check_simple(part) {
            return true;
        }
        let mut with_hyphen = String::with_capacity(part.len() + 1);
        with_hyphen.push_str(part);
        with_hyphen.push('-');
        if self.dict_check(&with_hyphen) {
            return true;
        }
        // A noun and the linking `s` that igerman98 has no compound form
        // for (`Mitgliedschafts-`: `Mitgliedschaft`).
        let linked = part
            .strip_suffix('s')
            .is_some_and(|noun| starts_uppercase(noun) && noun.len() >= 4 && self.dict_check(noun));
        linked || next.is_some_and(|n| self.pair_closes(part, n))
    }

    /// Do two neighbouring parts form a closed compound (`Audio`, `Datei` ->
    /// `Audiodatei`)?
    fn pair_closes(&self, first: &str, second: &str) -> bool {
        if is_acronym(first) || is_number_like(first) || !starts_uppercase(second) {
            return false;
        }
        let mut closed = String::with_capacity(first.len() + second.len());
        closed.push_str(first);
        closed.push_str(&lowercase_first(second));
        self.dict_check(&closed)
    }
}

/// Adds a Hunspell `.dic`-style list (count line, then `word/FLAGS` lines;
/// blank lines and lines starting with `#` are skipped) to `dict`.
fn add_word_list(dict: &mut Dictionary, list: &str, locale: Locale) -> Result<(), String> {
    for (n, line) in list.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if n == 0 && line.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let entry = if locale == Locale::DeCh && line.contains('ß') {
            // Swiss orthography has no ß; only the word, never a flag, can
            // contain one.
            std::borrow::Cow::Owned(line.replace('ß', "ss"))
        } else {
            std::borrow::Cow::Borrowed(line)
        };
        if dict.add(&entry).is_err() {
            // A user .aff with another flag syntax: keep the bare word.
            let bare = entry.split('/').next().unwrap_or_default();
            dict.add(bare)
                .map_err(|e| format!("line {}: {line}: {e}", n + 1))?;
        }
    }
    Ok(())
}

/// If `word` is a German numeral word, a hyphen and a lowercase word
/// (`zwei-tägige`, `drei-stündigen`, `Zehn-jähriger`), returns the closed
/// form that German orthography requires (`zweitägige`). Returns `None` for
/// everything else, including `Zwei-Staaten-Lösung` (capitalised noun after
/// the hyphen) and `20-jährige` (digits are written with a hyphen).
pub fn closed_numeral_compound(word: &str) -> Option<String> {
    let parts: Vec<&str> = word.split('-').collect();
    if parts.len() < 2 {
        return None;
    }
    for i in 0..parts.len() - 1 {
        let (num, next) = (parts[i], parts[i + 1]);
        if next.chars().count() < 3 || !next.chars().all(char::is_alphabetic) {
            continue;
        }
        if !next.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        if NUMERAL_STOP_WORDS.contains(&next) || !is_numeral_word(num) {
            continue;
        }
        let mut out = String::with_capacity(word.len());
        for (j, p) in parts.iter().enumerate() {
            if j > 0 && j != i + 1 {
                out.push('-');
            }
            out.push_str(p);
        }
        return Some(out);
    }
    None
}

/// Lowercase words after a numeral that do not form a compound with it
/// (`eins-zu-eins`, `zwei-bis-drei`).
const NUMERAL_STOP_WORDS: &[&str] = &["und", "oder", "bis", "zu", "von", "vor", "nach", "auf"];

/// Pieces that German cardinal and ordinal numeral words are built from.
const NUMERAL_MORPHEMES: &[&str] = &[
    "dreiviertel",
    "einhalb",
    "zwanzig",
    "dreißig",
    "dreissig",
    "vierzig",
    "fünfzig",
    "sechzig",
    "siebzig",
    "achtzig",
    "neunzig",
    "hundert",
    "tausend",
    "sieben",
    "zwölf",
    "sechs",
    "zehn",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "acht",
    "neun",
    "eins",
    "ein",
    "elf",
    "und",
    "sieb",
    // ordinal stems: `dritt-größte` -> `drittgrößte`
    "zweit",
    "dritt",
    "viert",
    "fünft",
    "sechst",
    "siebt",
    "neunt",
    "zehnt",
    "elft",
    "zwölft",
    "erst",
];

/// Is `word` a numeral written in letters (`zwei`, `Dreizehn`,
/// `zweiundzwanzig`, `hundert`, `dritt`)?
fn is_numeral_word(word: &str) -> bool {
    if word.is_empty() || word.len() > 60 {
        return false;
    }
    let lower = word.to_lowercase();
    if matches!(lower.as_str(), "und" | "sieb") {
        return false;
    }
    fn decompose(s: &str) -> bool {
        s.is_empty()
            || NUMERAL_MORPHEMES
                .iter()
                .any(|m| s.strip_prefix(m).is_some_and(decompose))
    }
    decompose(&lower)
}

/// An acronym: at most five letters, all uppercase, starting with a letter;
/// digits may follow (`G7`, `F16`), and a final lowercase `s` for plural or
/// genitive (`NGOs`, `AKWs`).
fn is_acronym(word: &str) -> bool {
    is_acronym_of(word, 5)
}

/// Longest acronym accepted as a part of a hyphenated word.
const MAX_ACRONYM_IN_COMPOUND: usize = 8;

/// [`is_acronym`] with at most `max` letters.
fn is_acronym_of(word: &str, max: usize) -> bool {
    let core = match word.strip_suffix('s') {
        Some(c) if c.chars().count() >= 2 => c,
        _ => word,
    };
    let mut chars = core.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let mut letters = 1;
    for c in chars {
        if c.is_uppercase() {
            letters += 1;
        } else if !c.is_ascii_digit() {
            return false;
        }
    }
    letters <= max
}

/// Digits with number punctuation (`2024`, `3,5`, `1.000`, `2:1`, `10%`),
/// optionally followed by `er`/`ern`/`ers` (`1990er`, `20ern`).
fn is_number_like(word: &str) -> bool {
    let core = ["ern", "ers", "er"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word);
    let mut chars = core.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    core.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '%' | '/' | '\''))
}

/// `20-Jährige` -> `Jährige`, `2:1-Sieg` -> `Sieg`, `1990er-Jahre` ->
/// `Jahre`; `None` if `word` does not start with a number and a hyphen.
fn strip_number_prefix(word: &str) -> Option<&str> {
    let (head, rest) = word.split_once('-')?;
    is_number_like(head).then_some(rest)
}

fn starts_uppercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn de() -> &'static Speller {
        Speller::embedded(Locale::DeDe)
    }

    fn assert_all(speller: &Speller, words: &[&str], expected: bool) {
        let wrong: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| speller.check_word(w) != expected)
            .collect();
        assert!(
            wrong.is_empty(),
            "{} should be {} but are not: {wrong:?}",
            speller.locale(),
            if expected { "accepted" } else { "rejected" }
        );
    }

    #[test]
    fn speller_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Speller>();
    }

    /// The pre-check model may only turn away work, never change a verdict:
    /// every word of our fixtures (typos included) and their case and
    /// hyphen variants are judged alike with and without it, in each
    /// locale, with the one model the embedded dictionaries share.
    #[test]
    fn precheck_model_changes_no_verdict() {
        // Words a user adds: forms the shared model does not know.
        let added = ["Testwortliste"];
        let mut words = std::collections::BTreeSet::new();
        let mut add = |word: &str| {
            words.insert(word.to_string());
            words.insert(word.to_uppercase());
            words.insert(lowercase_first(word));
            words.insert(capitalize_first(word));
            words.insert(format!("{word}-"));
        };
        added.iter().copied().for_each(&mut add);
        for dir in [
            "tests/fixtures/clean",
            "tests/fixtures/artifacts",
            "examples",
        ] {
            for entry in std::fs::read_dir(dir).unwrap() {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
                for word in text.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
                    let word = word.trim_matches('-');
                    if !word.is_empty() {
                        add(word);
                    }
                }
            }
        }
        assert!(words.len() > 20_000, "{}", words.len());
        for locale in [Locale::DeDe, Locale::DeAt, Locale::DeCh] {
            let (aff, dic) = embedded_files(locale);
            let plain = Speller::from_hunspell(aff, dic, locale)
                .unwrap()
                .with_words(added);
            // As if the model had been built already: it never will be.
            plain
                .rejecting_nanos
                .store(SHAPES_BUILD_NANOS, Ordering::Relaxed);
            let gated = Speller::embedded(locale).with_words(added);
            gated.model.shapes();
            let differ: Vec<&String> = words
                .iter()
                .filter(|w| plain.check_word(w) != gated.check_word(w))
                .collect();
            assert!(differ.is_empty(), "{locale}: {differ:?}");
            assert!(
                plain.model.shapes.get().is_none(),
                "the plain speller built the model"
            );
        }
    }

    /// The embedded locales share one model, read with de_DE's `.aff`:
    /// that is only a superset of each if their `.aff` files agree.
    #[test]
    fn embedded_affix_files_agree() {
        let rules = |locale| -> Vec<&str> {
            embedded_files(locale)
                .0
                .lines()
                .filter(|l| !l.starts_with('#'))
                .collect()
        };
        assert_eq!(rules(Locale::DeDe), rules(Locale::DeAt));
        assert_eq!(rules(Locale::DeDe), rules(Locale::DeCh));
    }

    #[test]
    fn embedded_is_parsed_once_per_locale() {
        let a: *const Speller = Speller::embedded(Locale::DeDe);
        let b: *const Speller = Speller::embedded(Locale::DeDe);
        assert_eq!(a, b);
        assert_eq!(de().locale(), Locale::DeDe);
    }

    /// News words that are correct and must pass in de-DE.
    const CORRECT_NEWS_WORDS: &[&str] = &[
        // compounds and news vocabulary (from igerman98 or words.dic)
        "Coronavirus-Pandemie",
        "Kremlsprecher",
        "Kremlkritiker",
        "Atom-U-Boote",
        "Panzerabwehrraketen",
        "Gipfeltreffen",
        "Waffenlieferungen",
        "Staatschef",
        "Machthaber",
        "Nachrichtenagentur",
        "Verteidigungsminister",
        "Abrüstung",
        "Sowjetzeit",
        "Artilleriemunition",
        "Luftabwehr",
        "Wohnschutzgesetz",
        "Sonderfonds",
        "Erdbebenhilfe",
        "Hilfspakete",
        "Rüstungsgespräche",
        "Waffentransfer",
        "Nichtverbreitungsregime",
        "Autokratenführern",
        "Drohnenangriffen",
        "Hyperschallraketen",
        "Interkontinentalrakete",
        "Sanktionspakete",
        "Desinformationskampagne",
        "Regimekritiker",
        "Sondergesandter",
        "nuklearfähige",
        "prorussische",
        "kremlnahe",
        "belarussischen",
        "Schwarzmeerflotte",
        "Nahostkonflikt",
        "Jugendkriminalität",
        "zweitägige",
        "Straße",
        // hyphenated compounds
        "UN-Sicherheitsrat",
        "US-Außenministerium",
        "Vize-Außenminister",
        "Audio-Datei",
        "Sicherheits-Token",
        "US-Präsident",
        "Kim-Jong-Un-Regime",
        "Zwei-Staaten-Lösung",
        "Corona-bedingt",
        "Nato-geführte",
        "Ex-Präsident",
        "Anti-Terror-Einsatz",
        "Nord-Stream-Pipeline",
        "COVID-19-Pandemie",
        "F-35-Kampfjets",
        "G7-Gipfel",
        "LNG-Terminal",
        "Sicherheits-",
        "EU-Mitgliedschafts-",
        "Mitgliedschafts-",
        "UNESCO-Welterbe",
        "DNSSEC-Standard",
        // number + hyphen
        "20-Jährige",
        "5-jährige",
        "32-Bit",
        "100-prozentig",
        "2:1-Sieg",
        "1990er-Jahre",
        "3,5-prozentige",
        // names with genitive -s, agencies, places
        "Putins",
        "Schoigus",
        "Selenskyjs",
        "Peskows",
        "Kims",
        "Lawrows",
        "Pjöngjangs",
        "Wladiwostok",
        "Interfax",
        "Yonhap",
        "KCNA",
        "TASS",
        "Kyodo",
        "Charkiw",
        "Kyjiw",
        "Xi",
        "Jinping",
        "Biden",
        "Merz",
        "Macron",
        "Meloni",
        // abbreviations and units without a dot, acronyms
        "dpa",
        "AFP",
        "Reuters",
        "epd",
        "NGOs",
        "km",
        "kg",
        "km/h",
        "kWh",
        // sentence-initial capital, all caps
        "Die",
        "Nach",
        "HAUS",
    ];

    #[test]
    fn correct_news_words_pass() {
        assert!(CORRECT_NEWS_WORDS.len() >= 60);
        assert_all(de(), CORRECT_NEWS_WORDS, true);
    }

    #[test]
    fn typos_fail() {
        let typos = [
            "Jugenkriminalität",
            "einmannige",
            "konjunktionierender",
            "zwei-tägige",
            "drei-jährige",
            "Zehn-jähriger",
            "Strasse",
            "Regierungsprecher",
            "Verteidigungsminster",
            "Nachrichtenagentour",
            "Gipfeltrefen",
            "Waffenliferungen",
            "Präsidnet",
            "Bundeskanzlerrin",
            "Sanktionnen",
            "Abrüstunng",
            "Kriegsverbrechn",
            "Ukarine",
            "Russlnad",
            "Selenskij",
            "Wladiwostock",
            "Pjöngyang",
            "Verhandlugnen",
            "Waffenstilstand",
            "Staatchef",
            "Ministerpresident",
            "Aussenminister",
            // a lowercase noun after a hyphen, a broken part
            "Audio-datei",
            "US-präsident",
            "Jugen-Kriminalität",
            "Audio-Dtei",
            // English transliterations are not German spellings
            "Zelensky",
            "Shoigu",
            "Kyiv",
            "Peskov",
        ];
        assert_all(de(), &typos, false);
    }

    #[test]
    fn abbreviations_need_their_dot() {
        let s = de();
        for abbr in [
            "bzw", "usw", "Nr", "Mio", "Mrd", "Tsd", "vgl", "ggf", "etc", "ca",
        ] {
            assert!(!s.check_token(abbr, false), "{abbr} without dot");
            assert!(s.check_token(abbr, true), "{abbr} followed by dot");
        }
        // `z. B.` and `u. a.` come as single letters followed by dots.
        for letter in ["z", "B", "u", "a"] {
            assert!(s.check_token(letter, true), "{letter}.");
        }
        // Words that need no dot pass either way; typos fail either way.
        assert!(s.check_token("dpa", true));
        assert!(s.check_token("Haus", true));
        assert!(!s.check_token("Huas", true));
        assert!(!s.check_token("bzww", true));
    }

    #[test]
    fn numbers_and_edge_tokens() {
        let s = de();
        for w in ["2024", "3,5", "1.000", "1990er", "20ern", "", "G20", "F16"] {
            assert!(s.check_word(w), "{w}");
        }
        for w in [
            "--",
            "Haus--Tür",
            "-",
            "20-",
            "20-jahre",
            "ABCDEFG",
            "ABCDEFGHI-Bericht",
            "UNESCO-Welterbee",
            "EU-Mitgliedschfts-",
        ] {
            assert!(!s.check_word(w), "{w}");
        }
    }

    #[test]
    fn closed_numeral_compounds() {
        let cases = [
            ("zwei-tägige", Some("zweitägige")),
            ("drei-stündigen", Some("dreistündigen")),
            ("Zehn-jähriger", Some("Zehnjähriger")),
            ("zweiundzwanzig-jährige", Some("zweiundzwanzigjährige")),
            ("dritt-größte", Some("drittgrößte")),
            ("zwei-tägige-Konferenz", Some("zweitägige-Konferenz")),
            ("Zwei-Staaten-Lösung", None),
            ("20-jährige", None),
            ("eins-zu-eins", None),
            ("Audio-Datei", None),
            ("zweitägige", None),
            ("und-so", None),
        ];
        for (word, expected) in cases {
            assert_eq!(closed_numeral_compound(word).as_deref(), expected, "{word}");
        }
    }

    #[test]
    fn suggestions() {
        let s = de();
        let sugg = s.suggest("Jugenkriminalität", 5);
        assert!(sugg.iter().any(|w| w == "Jugendkriminalität"), "{sugg:?}");
        assert!(sugg.len() <= 5);

        let sugg = s.suggest("Strasse", 5);
        assert_eq!(sugg.first().map(String::as_str), Some("Straße"), "{sugg:?}");
        // Hunspell artefacts are filtered out.
        assert!(
            !sugg.iter().any(|w| w.contains(' ') || w.starts_with('-')),
            "{sugg:?}"
        );

        let sugg = s.suggest("zwei-tägige", 3);
        assert_eq!(
            sugg.first().map(String::as_str),
            Some("zweitägige"),
            "{sugg:?}"
        );

        let sugg = s.suggest("Zelensky", 3);
        assert!(sugg.iter().any(|w| w == "Selenskyj"), "{sugg:?}");

        assert!(s.suggest("Jugenkriminalität", 0).is_empty());
    }

    #[test]
    fn swiss_spelling() {
        let ch = Speller::embedded(Locale::DeCh);
        let ss = [
            "Strasse",
            "Strassen",
            "grösser",
            "Gruss",
            "Grüsse",
            "ausserdem",
            "Massnahmen",
            "schliessen",
            "Fussball",
            "Aussenminister",
            "US-Aussenministerium",
            "Grossbritannien",
            "Kanton",
            "Bundesrätin",
            "Velo",
            "Putins",
            "Kremlsprecher",
            "20-Jährige",
        ];
        assert_all(ch, &ss, true);
        // igerman98's de_CH has no ß at all.
        assert_all(ch, &["Straße", "Jugenkriminalität", "zwei-tägige"], false);
        // ...and de-DE has no ss for ß.
        assert_all(
            de(),
            &["Strasse", "grösser", "ausserdem", "Massnahmen"],
            false,
        );
    }

    #[test]
    fn austrian_words() {
        let at = Speller::embedded(Locale::DeAt);
        let words = [
            "Jänner",
            "Jänners",
            "Paradeiser",
            "Marillen",
            "Topfen",
            "Sackerl",
            "heuer",
            "Erdäpfel",
            "Matura",
            "Straße",
            "Schoigus",
            "Kremlsprecher",
        ];
        assert_all(at, &words, true);
        assert_all(at, &["Strasse", "Jugenkriminalität"], false);
        // Austrian words are not de-DE.
        assert_all(de(), &["Jänner", "Paradeiser", "Sackerl"], false);
    }

    /// Every entry of our lists is accepted, with its genitive if it has
    /// the S flag, and the count lines are right.
    #[test]
    fn word_lists_are_consistent() {
        for (name, list) in [("words.dic", WORDS_DIC), ("names.dic", NAMES_DIC)] {
            let mut lines = list.lines();
            let count: usize = lines.next().unwrap().trim().parse().unwrap();
            let entries: Vec<&str> = lines
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect();
            assert_eq!(count, entries.len(), "{name}: count line");
            let s = de();
            for entry in entries {
                let (word, flags) = entry.split_once('/').unwrap_or((entry, ""));
                if flags.contains('h') {
                    // compound-first form only: usable before a hyphen
                    assert!(s.check_word(&format!("{word}-Test")), "{name}: {entry}");
                    continue;
                }
                let followed_by_dot = word.ends_with('.');
                let bare = word.trim_end_matches('.');
                assert!(s.check_token(bare, followed_by_dot), "{name}: {entry}");
                if flags.contains('S') {
                    assert!(
                        s.check_word(&format!("{word}s")),
                        "{name}: {entry} genitive"
                    );
                }
            }
        }
    }

    #[test]
    fn from_dir_reads_user_dictionaries() {
        let dir = tempfile::tempdir().unwrap();
        let (aff, dic) = embedded_files(Locale::DeAt);
        std::fs::write(dir.path().join("de_AT.aff"), aff).unwrap();
        std::fs::write(dir.path().join("de_AT.dic"), dic).unwrap();
        let s = Speller::from_dir(dir.path(), Locale::DeAt).unwrap();
        assert_eq!(s.locale(), Locale::DeAt);
        assert!(s.check_word("Jänner"));
        assert!(s.check_word("Schoigus"), "word lists are added");
        let err = Speller::from_dir(dir.path(), Locale::DeCh).unwrap_err();
        assert!(err.contains("de_CH.aff"), "{err}");
    }

    #[test]
    fn foreign_flag_syntax_keeps_bare_words() {
        // A minimal .aff with long (two-letter) flags: our one-letter flags
        // do not parse, so the words go in without flags.
        let aff = "SET UTF-8\nFLAG long\n";
        let dic = "1\nHaus\n";
        let s = Speller::from_hunspell(aff, dic, Locale::DeDe).unwrap();
        assert!(s.check_word("Haus"));
        assert!(s.check_word("Schoigu"));
    }
}

//! A cheap, conservative pre-check for spelling suggestions: could
//! spellbook possibly accept this word?
//!
//! The suggester tries some sixty one-letter edits per letter of a broken
//! word, and spellbook spends 3–6 µs on each (tens of µs on a long word,
//! because it searches every compound split) only to reject almost all of
//! them. [`Shapes`] answers from a hash set of every word form of the
//! dictionary (stems with the `.aff` prefixes and suffixes applied,
//! lowercased) and of the forms that may begin, continue or end a compound
//! (igerman98's `COMPOUNDBEGIN`/`MIDDLE`/`END` flags): a word passes if it
//! is a form or splits into compound parts (`jugend|kriminalität`). That is
//! Hunspell's acceptance without its restrictions (which flags may combine,
//! case, `ONLYINCOMPOUND`, `NEEDAFFIX`, forbidden words), so it accepts a
//! superset of what spellbook accepts, in a fraction of a microsecond. That
//! holds in every case: spellbook looks words up in their own case and,
//! with capitals, in others (`ACCEPT`, `AGumente`, `Haus`), which the
//! lowercased sets cover. A set of the forms without capitals would turn
//! away lowercase words whose only form is capitalised (`bit`), but its
//! ~3 MB cost more than the checks it saves.
//!
//! A first version only looked at letter trigrams and 4-grams (with
//! relaxation at compound junctions): it let one candidate in eight through
//! to spellbook and made suggestions 6× cheaper; the forms make it 20×.
//!
//! Conservative means: whatever spellbook accepts, [`Shapes::might_accept`]
//! accepts. It answers `true` for what it does not model — letters outside
//! the German alphabet (hyphens, digits, apostrophes, accents), `SS`
//! (spellbook tries it as `ß` in capitals), and `.aff` files with
//! features that let Hunspell accept more than stems, affixes and compound
//! flags (other flag syntaxes, `COMPOUNDRULE`, `IGNORE`, …): for those it
//! accepts everything. Hash collisions can only make it accept more.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use super::hunspell::{dic_entry, Affixes};

/// The word forms of one dictionary, as hashes of their lowercased letters.
pub(crate) struct Shapes {
    /// `false` for dictionaries this model cannot read: accept everything.
    active: bool,
    /// Every form.
    forms: Set,
    /// Forms that may begin, continue or end a compound.
    begin: Set,
    middle: Set,
    end: Set,
    /// The longest compound part, in characters.
    longest: usize,
}

/// The keys are hashes already.
/// 32 bits are enough: a collision only lets a candidate through to
/// spellbook, and half the size keeps the model at some 10 MB.
type Set = HashSet<u32, BuildHasherDefault<Prehashed>>;

#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u32 keys")
    }
    fn write_u32(&mut self, n: u32) {
        // hashbrown takes the bucket from the low bits and a tag from the
        // top seven: spread the key over both.
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// FNV-1a over lowercased characters, extended one character at a time, so
/// that all parts starting at one position are hashed in one pass.
#[derive(Clone, Copy)]
struct Key(u64);

impl Key {
    const EMPTY: Key = Key(0xcbf2_9ce4_8422_2325);
    fn push(self, c: char) -> Key {
        Key((self.0 ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3))
    }
    /// The set key: the high and low halves folded together.
    fn get(self) -> u32 {
        (self.0 ^ (self.0 >> 32)) as u32
    }
    fn of(chars: &[char]) -> u32 {
        chars.iter().fold(Key::EMPTY, |k, &c| k.push(c)).get()
    }
}

/// The `.aff` facts the model needs.
struct Aff {
    affixes: Affixes,
    /// Flags that let a form begin, continue or end a compound.
    begin_flags: Vec<char>,
    middle_flags: Vec<char>,
    end_flags: Vec<char>,
    /// Something the model does not read (long or numeric flags,
    /// `COMPOUNDRULE`, `IGNORE`, input conversion).
    unsupported: bool,
}

fn parse_aff(aff: &str) -> Aff {
    // Forms with a hyphen (`-haus`, `Haus-`) are never looked up: the model
    // only judges words of letters. Skipping these rules (igerman98's 58
    // `-a`…`-z` prefixes among them) halves the build.
    let letters = |add: &str| add == "0" || add.chars().flat_map(char::to_lowercase).all(is_letter);
    let mut out = Aff {
        affixes: Affixes::parse(aff, letters),
        begin_flags: Vec::new(),
        middle_flags: Vec::new(),
        end_flags: Vec::new(),
        unsupported: false,
    };
    for line in aff.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        let flag = || f.get(1).and_then(|s| s.chars().next());
        match f.first().copied() {
            Some("FLAG") => out.unsupported |= f.get(1) != Some(&"UTF-8"),
            Some(
                "AF"
                | "COMPOUNDRULE"
                | "IGNORE"
                | "ICONV"
                | "SIMPLIFIEDTRIPLE"
                | "CHECKCOMPOUNDPATTERN"
                | "FULLSTRIP",
            ) => out.unsupported = true,
            Some("COMPOUNDFLAG") => {
                out.begin_flags.extend(flag());
                out.middle_flags.extend(flag());
                out.end_flags.extend(flag());
            }
            Some("COMPOUNDBEGIN") => out.begin_flags.extend(flag()),
            Some("COMPOUNDMIDDLE") => out.middle_flags.extend(flag()),
            Some("COMPOUNDEND") => out.end_flags.extend(flag()),
            _ => {}
        }
    }
    out
}

/// Letters the model knows; a word with any other character is not judged.
fn is_letter(c: char) -> bool {
    c.is_ascii_lowercase() || matches!(c, 'ä' | 'ö' | 'ü' | 'ß')
}

/// Words without flags that a speller accepts on top of its dictionary
/// (`Speller::with_words`): forms only, never compound parts. Kept apart
/// from [`Shapes`] so that spellers with different words share one model.
#[derive(Default)]
pub(crate) struct Forms(Set);

impl Forms {
    pub(crate) fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Forms {
        Forms(words.into_iter().map(lower_key).collect())
    }
}

/// The set key of `word`, lowercased, and its length in characters.
fn lower_key_len(word: impl IntoIterator<Item = char>) -> (u32, usize) {
    let mut len = 0;
    let key = word
        .into_iter()
        .flat_map(char::to_lowercase)
        .fold(Key::EMPTY, |k, c| {
            len += 1;
            k.push(c)
        });
    (key.get(), len)
}

fn lower_key(word: &str) -> u32 {
    lower_key_len(word.chars()).0
}

impl Shapes {
    /// The model of the dictionary `aff` + `dics` (`.dic` texts; a line
    /// that several of them share is read once). Takes ~0.1 s: build it
    /// once, when enough checks will follow.
    pub(crate) fn new(aff: &str, dics: &[&str]) -> Shapes {
        let parsed = parse_aff(aff);
        let mut shapes = Shapes {
            active: !parsed.unsupported,
            forms: Set::default(),
            begin: Set::default(),
            middle: Set::default(),
            end: Set::default(),
            longest: 0,
        };
        if !shapes.active {
            return shapes;
        }
        let mut seen = HashSet::new();
        for dic in dics {
            for line in dic.lines() {
                if !seen.insert(line) {
                    continue;
                }
                let Some((word, flags)) = dic_entry(line) else {
                    continue;
                };
                let flags: Vec<char> = flags.chars().collect();
                shapes.add_word(&parsed, &word.chars().collect::<Vec<_>>(), &flags);
            }
        }
        shapes
    }

    /// Adds `stem` and every form the affix rules of `flags` make of it.
    fn add_word(&mut self, aff: &Aff, stem: &[char], flags: &[char]) {
        aff.affixes
            .expand(stem, flags, |form, flags| self.add_form(aff, form, flags));
    }

    /// Adds one form; its flags are those of the stem and of the affixes
    /// applied.
    fn add_form(&mut self, aff: &Aff, form: &[char], flags: &[&[char]]) {
        let (key, len) = lower_key_len(form.iter().copied());
        self.forms.insert(key);
        let mut part = false;
        for (set, part_flags) in [
            (&mut self.begin, &aff.begin_flags),
            (&mut self.middle, &aff.middle_flags),
            (&mut self.end, &aff.end_flags),
        ] {
            if flags
                .iter()
                .any(|f| f.iter().any(|f| part_flags.contains(f)))
            {
                set.insert(key);
                part = true;
            }
        }
        if part {
            self.longest = self.longest.max(len);
        }
    }

    /// `false` if spellbook certainly rejects `word` (a word of this
    /// dictionary or of `extra`); `true` if it might accept it: `word` is a
    /// form, or splits into a compound-begin form, any number of
    /// compound-middle forms and a compound-end form (any form before a
    /// final hyphen).
    pub(crate) fn might_accept(&self, word: &str, extra: &Forms) -> bool {
        const MAX_CHARS: usize = 63;
        if !self.active {
            return true;
        }
        // `Sicherheits-`: Hunspell has hyphenated forms of compound-first
        // parts (`sicherheits-`), also as the end of a compound; any form
        // may stand before the hyphen here.
        let (word, last, last_extra) = match word.strip_suffix('-') {
            Some(head) => (head, &self.forms, Some(&extra.0)),
            None => (word, &self.end, None),
        };
        // Lowercased on the stack: this runs for every edit the suggester
        // tries, and a `Vec` per call was a sixth of the spelling rule.
        let mut buf = ['\0'; MAX_CHARS];
        let mut n = 0;
        let mut after_s = false;
        for c in word.chars() {
            // `STRASSE`: spellbook tries `ß` for `SS` in capitals
            // (CHECKSHARPS).
            if c == 'S' && after_s {
                return true;
            }
            after_s = c == 'S';
            let mut push = |l: char| {
                if n == MAX_CHARS || !is_letter(l) {
                    return false;
                }
                buf[n] = l;
                n += 1;
                true
            };
            let fits = if c.is_ascii() {
                push(c.to_ascii_lowercase())
            } else {
                c.to_lowercase().all(&mut push)
            };
            if !fits {
                return true;
            }
        }
        let lower = &buf[..n];
        let whole = Key::of(lower);
        if self.forms.contains(&whole) || extra.0.contains(&whole) {
            return true;
        }
        // Bit k: a compound part may start at k.
        let mut starts: u64 = 1;
        for k in 0..n {
            if starts & (1 << k) == 0 {
                continue;
            }
            let mut key = Key::EMPTY;
            for m in k + 1..=n.min(k + self.longest) {
                key = key.push(lower[m - 1]);
                let set = match (k == 0, m == n) {
                    (true, true) => continue, // the whole word: not a form
                    (true, false) => &self.begin,
                    (false, false) => &self.middle,
                    (false, true) => last,
                };
                let part = key.get();
                if set.contains(&part) || (m == n && last_extra.is_some_and(|e| e.contains(&part)))
                {
                    if m == n {
                        return true;
                    }
                    starts |= 1 << m;
                }
            }
        }
        false
    }
}

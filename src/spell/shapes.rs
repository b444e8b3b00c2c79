//! A cheap, conservative pre-check for spelling suggestions: could
//! spellbook possibly accept this word?
//!
//! The suggester tries some sixty one-letter edits per letter of a broken
//! word, and spellbook spends 3–6 µs on each (much more on a long word,
//! because it searches every compound split) only to reject almost all of
//! them. [`Shapes`] rejects most of those candidates in well under a
//! microsecond by their letter sequences alone:
//!
//! * every 3- and 4-letter window of an accepted word occurs inside some
//!   word form of the dictionary (stem with affixes applied, lowercased), or
//! * it spans a compound junction: the letters before the junction end in a
//!   form that may begin a compound, and the letters after it start with a
//!   form that may continue one (igerman98's `COMPOUNDBEGIN`/`MIDDLE`/`END`
//!   flags, e.g. `jugend|kriminalität`).
//!
//! The forms are expanded from the `.aff` rules (prefixes, suffixes, their
//! cross products and suffixes on suffixes) rather than taken from the stems
//! alone: stem-only tables with "any stem end + any affix start" at every
//! position accept nine tenths of all candidates, the expanded forms with
//! real junctions reject about seven in eight.
//!
//! Conservative means: whatever spellbook accepts, [`Shapes::might_accept`]
//! accepts. It only ever answers `true` for what it does not model — letters
//! outside the German alphabet (hyphens, digits, apostrophes), capitals after
//! the first letter (acronyms, all-caps), and `.aff` files with flag
//! syntaxes or compounding it does not read, for which it accepts
//! everything. Hash collisions in the junction sets can only make it accept
//! more.

use std::collections::HashSet;

const LETTERS: usize = 30;

/// Letter n-grams and compound junction forms of one dictionary.
pub(crate) struct Shapes {
    /// `false` for dictionaries this model cannot read: accept everything.
    active: bool,
    tri: Bits,
    quad: Bits,
    /// Hashes of the forms that may stand before a compound junction.
    begin: HashSet<u64>,
    /// Hashes of the forms that may stand after a compound junction.
    end: HashSet<u64>,
    longest: usize,
}

struct Bits(Vec<u64>);

impl Bits {
    fn new(len: usize) -> Bits {
        Bits(vec![0; len.div_ceil(64)])
    }
    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn get(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

/// One `PFX`/`SFX` rule.
struct Affix {
    flag: char,
    prefix: bool,
    cross: bool,
    strip: Vec<char>,
    add: Vec<char>,
    /// Continuation flags (`/flags` after the added string).
    cont: Vec<char>,
    cond: Vec<CondChar>,
}

/// One position of an affix condition: `.`, `x`, `[xyz]` or `[^xyz]`.
enum CondChar {
    Any,
    OneOf(Vec<char>, bool),
}

impl CondChar {
    fn matches(&self, c: char) -> bool {
        match self {
            CondChar::Any => true,
            CondChar::OneOf(set, negated) => set.contains(&c) != *negated,
        }
    }
}

fn parse_condition(cond: &str) -> Vec<CondChar> {
    let mut out = Vec::new();
    let mut chars = cond.chars();
    while let Some(c) = chars.next() {
        out.push(match c {
            '.' => CondChar::Any,
            '[' => {
                let mut set: Vec<char> = chars.by_ref().take_while(|&c| c != ']').collect();
                let negated = set.first() == Some(&'^');
                if negated {
                    set.remove(0);
                }
                CondChar::OneOf(set, negated)
            }
            c => CondChar::OneOf(vec![c], false),
        });
    }
    out
}

impl Affix {
    /// The form this rule makes of `word`, if its strip and condition fit.
    fn apply(&self, word: &[char]) -> Option<Vec<char>> {
        let n = word.len();
        if self.cond.len() > n || self.strip.len() >= n {
            return None;
        }
        if self.prefix {
            let fits = word.starts_with(&self.strip)
                && self.cond.iter().zip(word).all(|(c, &w)| c.matches(w));
            fits.then(|| [&self.add[..], &word[self.strip.len()..]].concat())
        } else {
            let tail = &word[n - self.cond.len()..];
            let fits = word.ends_with(&self.strip)
                && self.cond.iter().zip(tail).all(|(c, &w)| c.matches(w));
            fits.then(|| [&word[..n - self.strip.len()], &self.add[..]].concat())
        }
    }
}

/// The `.aff` facts the model needs.
struct Aff {
    affixes: Vec<Affix>,
    /// Flags that let a form stand before / after a compound junction.
    begin_flags: Vec<char>,
    end_flags: Vec<char>,
    /// Something the model does not read (long or numeric flags,
    /// `COMPOUNDRULE`, `IGNORE`, input conversion).
    unsupported: bool,
}

fn parse_aff(aff: &str) -> Aff {
    let mut out = Aff {
        affixes: Vec::new(),
        begin_flags: Vec::new(),
        end_flags: Vec::new(),
        unsupported: false,
    };
    let mut cross = Vec::new();
    for line in aff.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        let flag = || f.get(1).and_then(|s| s.chars().next());
        match f.first().copied() {
            Some("FLAG") => out.unsupported |= f.get(1) != Some(&"UTF-8"),
            Some("COMPOUNDRULE" | "IGNORE" | "ICONV") => out.unsupported = true,
            Some("COMPOUNDFLAG") => {
                out.begin_flags.extend(flag());
                out.end_flags.extend(flag());
            }
            Some("COMPOUNDBEGIN") => out.begin_flags.extend(flag()),
            Some("COMPOUNDEND") => out.end_flags.extend(flag()),
            Some("COMPOUNDMIDDLE") => {
                out.begin_flags.extend(flag());
                out.end_flags.extend(flag());
            }
            Some("PFX" | "SFX") if f.len() == 4 && f[2] == "Y" => cross.extend(flag()),
            Some(kind @ ("PFX" | "SFX")) if f.len() >= 5 => {
                let Some(flag) = flag() else { continue };
                let (add, cont) = f[3].split_once('/').unwrap_or((f[3], ""));
                let chars = |s: &str| -> Vec<char> {
                    if s == "0" {
                        Vec::new()
                    } else {
                        s.chars().collect()
                    }
                };
                out.affixes.push(Affix {
                    flag,
                    prefix: kind == "PFX",
                    cross: false,
                    strip: chars(f[2]),
                    add: chars(add),
                    cont: cont.chars().collect(),
                    cond: parse_condition(f[4]),
                });
            }
            _ => {}
        }
    }
    for a in &mut out.affixes {
        a.cross = cross.contains(&a.flag);
    }
    out
}

/// The stem and flags of a `.dic` line (`Haus/Tpmij`, `km\/h`), if it is an
/// entry (not the count line or a tab-indented comment).
fn dic_entry(line: &str) -> Option<(String, &str)> {
    if line.starts_with(['\t', '#']) {
        return None;
    }
    let token = line.split_whitespace().next()?;
    let mut word = String::new();
    let mut rest = token;
    // A `/` starts the flags unless escaped.
    while let Some(i) = rest.find('/') {
        if rest[..i].ends_with('\\') {
            word.push_str(&rest[..i - 1]);
            word.push('/');
            rest = &rest[i + 1..];
        } else {
            word.push_str(&rest[..i]);
            return Some((word, &rest[i + 1..]));
        }
    }
    word.push_str(rest);
    (!word.bytes().all(|b| b.is_ascii_digit())).then_some((word, ""))
}

fn letter_index(c: char) -> Option<usize> {
    match c {
        'a'..='z' => Some(c as usize - 'a' as usize),
        'ä' => Some(26),
        'ö' => Some(27),
        'ü' => Some(28),
        'ß' => Some(29),
        _ => None,
    }
}

/// FNV-1a over the characters: the same value at build and query time.
fn hash(chars: &[char]) -> u64 {
    chars.iter().fold(0xcbf2_9ce4_8422_2325, |h, &c| {
        (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl Shapes {
    /// The model of the dictionary `aff` + `dics` (`.dic` texts) + `words`
    /// (bare words without flags). Takes some tens of milliseconds: build it
    /// once per speller, when the first suggestion is needed.
    pub(crate) fn new<'a>(
        aff: &str,
        dics: &[&str],
        words: impl IntoIterator<Item = &'a str>,
    ) -> Shapes {
        let parsed = parse_aff(aff);
        let mut shapes = Shapes {
            active: !parsed.unsupported,
            tri: Bits::new(LETTERS.pow(3)),
            quad: Bits::new(LETTERS.pow(4)),
            begin: HashSet::new(),
            end: HashSet::new(),
            longest: 0,
        };
        if !shapes.active {
            return shapes;
        }
        for dic in dics {
            for (word, flags) in dic.lines().filter_map(dic_entry) {
                let flags: Vec<char> = flags.chars().collect();
                shapes.add_word(&parsed, &word.chars().collect::<Vec<_>>(), &flags);
            }
        }
        for word in words {
            shapes.add_word(&parsed, &word.chars().collect::<Vec<_>>(), &[]);
        }
        shapes
    }

    /// Adds `stem` and every form the affix rules of `flags` make of it:
    /// prefix, suffix, prefix + suffix where both allow it, and one more
    /// suffix where a suffix's continuation flags name one.
    fn add_word(&mut self, aff: &Aff, stem: &[char], flags: &[char]) {
        self.add_form(aff, stem, flags);
        fn rules<'r>(aff: &'r Aff, flags: &'r [char], prefix: bool) -> impl Iterator<Item = &'r Affix> {
            aff.affixes
                .iter()
                .filter(move |a| a.prefix == prefix && flags.contains(&a.flag))
        }
        let with = |flags: &[char], cont: &[char]| [flags, cont].concat();
        for p in rules(aff, flags, true) {
            if let Some(form) = p.apply(stem) {
                self.add_form(aff, &form, &with(flags, &p.cont));
            }
        }
        for s in rules(aff, flags, false) {
            let Some(form) = s.apply(stem) else { continue };
            let form_flags = with(flags, &s.cont);
            self.add_form(aff, &form, &form_flags);
            for p in rules(aff, flags, true).filter(|p| p.cross && s.cross) {
                if let Some(both) = p.apply(&form) {
                    self.add_form(aff, &both, &with(&form_flags, &p.cont));
                }
            }
            for s2 in rules(aff, &s.cont, false) {
                if let Some(twice) = s2.apply(&form) {
                    self.add_form(aff, &twice, &with(&form_flags, &s2.cont));
                }
            }
        }
    }

    fn add_form(&mut self, aff: &Aff, form: &[char], flags: &[char]) {
        let lower: Vec<char> = form.iter().flat_map(|c| c.to_lowercase()).collect();
        let idx: Vec<Option<usize>> = lower.iter().map(|&c| letter_index(c)).collect();
        for w in idx.windows(3) {
            if let [Some(a), Some(b), Some(c)] = *w {
                self.tri.set((a * LETTERS + b) * LETTERS + c);
            }
        }
        for w in idx.windows(4) {
            if let [Some(a), Some(b), Some(c), Some(d)] = *w {
                self.quad.set(((a * LETTERS + b) * LETTERS + c) * LETTERS + d);
            }
        }
        let has = |set: &[char]| flags.iter().any(|f| set.contains(f));
        if has(&aff.begin_flags) {
            self.begin.insert(hash(&lower));
            self.longest = self.longest.max(lower.len());
        }
        if has(&aff.end_flags) {
            self.end.insert(hash(&lower));
            self.longest = self.longest.max(lower.len());
        }
    }

    /// `false` if spellbook certainly rejects `word`; `true` if it might
    /// accept it.
    pub(crate) fn might_accept(&self, word: &str) -> bool {
        if !self.active || word.chars().skip(1).any(char::is_uppercase) {
            return true;
        }
        let lower: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
        let idx: Vec<Option<usize>> = lower.iter().map(|&c| letter_index(c)).collect();
        // Junction verdicts per position, computed on demand.
        let mut junction: Vec<Option<bool>> = vec![None; lower.len()];
        let mut spans_junction = |from: usize, to: usize| {
            (from + 1..to).any(|j| *junction[j].get_or_insert_with(|| self.junction(&lower, j)))
        };
        for (i, w) in idx.windows(3).enumerate() {
            if let [Some(a), Some(b), Some(c)] = *w {
                if !self.tri.get((a * LETTERS + b) * LETTERS + c) && !spans_junction(i, i + 3) {
                    return false;
                }
            }
        }
        for (i, w) in idx.windows(4).enumerate() {
            if let [Some(a), Some(b), Some(c), Some(d)] = *w {
                let n = ((a * LETTERS + b) * LETTERS + c) * LETTERS + d;
                if !self.quad.get(n) && !spans_junction(i, i + 4) {
                    return false;
                }
            }
        }
        true
    }

    /// Can a compound junction lie before `word[j]`: does the text before
    /// it end in a compound-begin form and the text after it start with a
    /// compound-end form?
    fn junction(&self, word: &[char], j: usize) -> bool {
        let before = (j.saturating_sub(self.longest)..j).any(|k| self.begin.contains(&hash(&word[k..j])));
        before
            && (j + 1..=word.len().min(j + self.longest))
                .any(|m| self.end.contains(&hash(&word[j..m])))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affix_conditions_and_strips() {
        let aff = parse_aff("SFX E Y 1\nSFX E 0 e [^e]\nSFX N Y 1\nSFX N e en e\n");
        let word: Vec<char> = "Hause".chars().collect();
        let forms: Vec<String> = aff
            .affixes
            .iter()
            .filter_map(|a| a.apply(&word))
            .map(|f| f.into_iter().collect())
            .collect();
        assert_eq!(forms, ["Hausen"]);
        assert_eq!(dic_entry("km\\/h/S"), Some(("km/h".to_string(), "S")));
        assert_eq!(dic_entry("75595"), None);
    }
}

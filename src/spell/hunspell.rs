//! Hunspell's `.aff` affix rules and `.dic` entries, read without spellbook:
//! the expansion of a stem into its word forms, and Hunspell's casing
//! classes.
//!
//! Shared with `build.rs`, which expands the English dictionary into its
//! forms at build time (see `english.rs`), and used at run time by the
//! pre-check model of `shapes.rs`. Needs only `std`.

use std::collections::HashMap;

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
            // Element-wise rather than `starts_with`: a `memcmp` call per
            // rule and stem was a fifth of the build.
            let fits = self.strip.iter().zip(word).all(|(a, b)| a == b)
                && self.cond.iter().zip(word).all(|(c, &w)| c.matches(w));
            fits.then(|| [&self.add[..], &word[self.strip.len()..]].concat())
        } else {
            let tail = &word[n - self.cond.len()..];
            let fits = self
                .strip
                .iter()
                .rev()
                .zip(word.iter().rev())
                .all(|(a, b)| a == b)
                && self.cond.iter().zip(tail).all(|(c, &w)| c.matches(w));
            fits.then(|| [&word[..n - self.strip.len()], &self.add[..]].concat())
        }
    }
}

/// The `PFX`/`SFX` rules of an `.aff` file (single-character flags).
pub(crate) struct Affixes {
    rules: Vec<Affix>,
    /// Indices into `rules`, by flag.
    by_flag: HashMap<char, Vec<usize>>,
}

impl Affixes {
    /// The rules of `aff` whose added string (`0` for none) `keep` accepts,
    /// in file order.
    pub(crate) fn parse(aff: &str, keep: impl Fn(&str) -> bool) -> Affixes {
        let mut rules = Vec::new();
        let mut cross = Vec::new();
        for line in aff.lines() {
            let f: Vec<&str> = line.split_whitespace().collect();
            let flag = || f.get(1).and_then(|s| s.chars().next());
            match f.first().copied() {
                Some("PFX" | "SFX") if f.len() == 4 && f[2] == "Y" => cross.extend(flag()),
                Some(kind @ ("PFX" | "SFX")) if f.len() >= 5 => {
                    let Some(flag) = flag() else { continue };
                    let (add, cont) = f[3].split_once('/').unwrap_or((f[3], ""));
                    if !keep(add) {
                        continue;
                    }
                    let chars = |s: &str| -> Vec<char> {
                        if s == "0" {
                            Vec::new()
                        } else {
                            s.chars().collect()
                        }
                    };
                    rules.push(Affix {
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
        let mut by_flag: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, a) in rules.iter_mut().enumerate() {
            a.cross = cross.contains(&a.flag);
            by_flag.entry(a.flag).or_default().push(i);
        }
        Affixes { rules, by_flag }
    }

    /// Calls `each` with `stem` and every form the rules of `flags` make of
    /// it: prefix, suffix, prefix + suffix where both allow it, and one more
    /// suffix where a suffix's continuation flags name one. The second
    /// argument is the flags that made the form: those of the stem and of
    /// the affixes applied.
    pub(crate) fn expand(
        &self,
        stem: &[char],
        flags: &[char],
        mut each: impl FnMut(&[char], &[&[char]]),
    ) {
        each(stem, &[flags]);
        // Looked up once per stem, not once per suffix.
        let (prefixes, suffixes): (Vec<&Affix>, Vec<&Affix>) =
            self.rules_of(flags).partition(|a| a.prefix);
        for p in &prefixes {
            if let Some(form) = p.apply(stem) {
                each(&form, &[flags, &p.cont]);
            }
        }
        for s in suffixes {
            let Some(form) = s.apply(stem) else { continue };
            each(&form, &[flags, &s.cont]);
            if s.cross {
                for p in prefixes.iter().filter(|p| p.cross) {
                    if let Some(both) = p.apply(&form) {
                        each(&both, &[flags, &s.cont, &p.cont]);
                    }
                }
            }
            for s2 in self.rules_of(&s.cont).filter(|a| !a.prefix) {
                if let Some(twice) = s2.apply(&form) {
                    each(&twice, &[flags, &s.cont, &s2.cont]);
                }
            }
        }
    }

    /// The prefix and suffix rules of `flags`.
    fn rules_of<'r>(&'r self, flags: &'r [char]) -> impl Iterator<Item = &'r Affix> {
        flags
            .iter()
            .filter_map(|f| self.by_flag.get(f))
            .flatten()
            .map(|&i| &self.rules[i])
    }
}

/// The stem and flags of a `.dic` line (`Haus/Tpmij`, `km\/h`), if it is an
/// entry (not the count line or a tab-indented comment).
pub(crate) fn dic_entry(line: &str) -> Option<(String, &str)> {
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

/// Hunspell's casing classes, which decide the case variants a word is
/// looked up in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Casing {
    /// No capitals: `endian`.
    Lower,
    /// Only the first letter is a capital: `Loader`.
    Title,
    /// Capitals and no lowercase letters: `UPDATE`, `3D`.
    Upper,
    /// Capitals after a lowercase first letter: `iPhone`.
    Camel,
    /// More capitals after a capital first letter: `McDonald`.
    Pascal,
}

pub(crate) fn casing(word: &str) -> Casing {
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    if upper == 0 {
        return Casing::Lower;
    }
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    if first_upper && upper == 1 {
        Casing::Title
    } else if !word.chars().any(char::is_lowercase) {
        Casing::Upper
    } else if first_upper {
        Casing::Pascal
    } else {
        Casing::Camel
    }
}

/// The first character uppercased, the rest lowercased.
pub(crate) fn titlecase(word: &str) -> String {
    let mut chars = word.chars();
    let mut out: String = chars
        .next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .collect();
    out.extend(chars.flat_map(char::to_lowercase));
    out
}

/// The value bits of a form in a map of word forms: a form of an entry,
/// of a hidden homonym (see `build.rs`), or both.
pub(crate) const FORM: u64 = 1;
pub(crate) const HIDDEN_FORM: u64 = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affix_conditions_and_strips() {
        let affixes = Affixes::parse(
            "SFX E Y 1\nSFX E 0 e [^e]\nSFX N Y 1\nSFX N e en e\n",
            |_| true,
        );
        let word: Vec<char> = "Hause".chars().collect();
        let forms: Vec<String> = affixes
            .rules
            .iter()
            .filter_map(|a| a.apply(&word))
            .map(|f| f.into_iter().collect())
            .collect();
        assert_eq!(forms, ["Hausen"]);
        assert_eq!(dic_entry("km\\/h/S"), Some(("km/h".to_string(), "S")));
        assert_eq!(dic_entry("75595"), None);
    }

    #[test]
    fn expansion_with_cross_products_and_continuations() {
        let affixes = Affixes::parse(
            "PFX U Y 1\nPFX U 0 un .\nSFX S Y 1\nSFX S 0 s/T .\nSFX T N 1\nSFX T 0 x .\n\
             SFX D N 1\nSFX D 0 ed .\n",
            |_| true,
        );
        let stem: Vec<char> = "do".chars().collect();
        let mut forms = Vec::new();
        affixes.expand(&stem, &['U', 'S', 'D'], |form, flags| {
            let flags: String = flags.concat().into_iter().collect();
            forms.push(format!("{}/{flags}", form.iter().collect::<String>()));
        });
        // `D` does not cross with `U`: no `undoed`.
        assert_eq!(
            forms,
            [
                "do/USD",
                "undo/USD",
                "dos/USDT",
                "undos/USDT",
                "dosx/USDT",
                "doed/USD"
            ]
        );
    }

    #[test]
    fn casing_classes() {
        assert_eq!(casing("endian"), Casing::Lower);
        assert_eq!(casing("Loader"), Casing::Title);
        assert_eq!(casing("UPDATE"), Casing::Upper);
        assert_eq!(casing("3D"), Casing::Upper);
        assert_eq!(casing("iPhone"), Casing::Camel);
        assert_eq!(casing("McDonald"), Casing::Pascal);
        assert_eq!(casing("21st"), Casing::Lower);
        assert_eq!(titlecase("MCDONALD'S"), "Mcdonald's");
        assert_eq!(titlecase("3D"), "3d");
    }
}

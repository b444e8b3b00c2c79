//! Computes at build time what would cost every run milliseconds at
//! start-up: the literal prefilter of the shipped boilerplate patterns
//! (`src/rules/line_patterns/literals.rs`), which parses ~220 regexes, and
//! the word forms of the English dictionary (`src/spell/english.rs`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/rules/line_patterns/literals.rs"]
mod literals;

#[allow(dead_code)]
#[path = "src/spell/hunspell.rs"]
mod hunspell;

fn main() {
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    boilerplate_tables(Path::new(&dir));
    english_forms(Path::new(&dir));
}

fn boilerplate_tables(dir: &Path) {
    let source = "rules/boilerplate.toml";
    println!("cargo::rerun-if-changed={source}");
    println!("cargo::rerun-if-changed=src/rules/line_patterns/literals.rs");
    let text = std::fs::read_to_string(source).expect("rules/boilerplate.toml is readable");
    let file: toml::Table = text.parse().expect("rules/boilerplate.toml parses");
    // Every pattern of every group, in file order, as the rule lists them.
    let patterns: Vec<&str> = file["pattern"]
        .as_array()
        .expect("[[pattern]] groups")
        .iter()
        .flat_map(|group| group["patterns"].as_array().expect("patterns = [...]"))
        .map(|p| p.as_str().expect("patterns are strings"))
        .collect();
    let tables = literals::Tables::new(&patterns);

    let mut out = String::new();
    let table = |out: &mut String, name: &str, table: &literals::Table| {
        writeln!(
            out,
            "{name}: Table {{ text: Cow::Borrowed({:?}), ends: Cow::Borrowed(&{:?}), owners: Cow::Borrowed(&{:?}), by_first: Cow::Borrowed(&{:?}) }},",
            &table.text[..],
            &table.ends[..],
            &table.owners[..],
            &table.by_first[..]
        )
        .unwrap();
    };
    // An expression; where it is included, `Cow`, `Table` and `Tables`
    // are in scope.
    out.push_str("Tables {\n");
    writeln!(out, "filters: Cow::Borrowed(&{:?}),", &tables.filters[..]).unwrap();
    writeln!(out, "folding: Cow::Borrowed(&{:?}),", &tables.folding[..]).unwrap();
    table(&mut out, "starts", &tables.starts);
    table(&mut out, "ends", &tables.ends);
    out.push_str("}\n");
    std::fs::write(dir.join("boilerplate_tables.rs"), out).expect("OUT_DIR is writable");
}

/// Writes `en_US.fst`: every exact-case form of en_US (`.dic` entries with
/// their affixes, and the forms of their hidden homonyms), mapped to its
/// `hunspell::FORM` / `HIDDEN_FORM` bits.
fn english_forms(dir: &Path) {
    let (aff_path, dic_path) = ("dictionaries/en_US.aff", "dictionaries/en_US.dic");
    for path in [aff_path, dic_path, "src/spell/hunspell.rs"] {
        println!("cargo::rerun-if-changed={path}");
    }
    let aff = std::fs::read_to_string(aff_path).expect("en_US.aff is readable");
    let dic = std::fs::read_to_string(dic_path).expect("en_US.dic is readable");
    let only_in_compound = check_english_aff(&aff);
    let affixes = hunspell::Affixes::parse(&aff, |_| true);
    let mut forms: BTreeMap<String, u64> = BTreeMap::new();
    let mut add = |stem: &str, flags: &[char], bit: u64| {
        let stem: Vec<char> = stem.chars().collect();
        affixes.expand(&stem, flags, |form, _| {
            *forms.entry(form.iter().collect()).or_default() |= bit;
        });
    };
    // The first line is the entry count.
    for (word, flags) in dic.lines().skip(1).filter_map(hunspell::dic_entry) {
        if flags.contains(only_in_compound) {
            continue;
        }
        let chars: Vec<char> = flags.chars().collect();
        add(&word, &chars, hunspell::FORM);
        if let Some(hidden) = hidden_homonym(&word, flags) {
            add(&hidden, &chars, hunspell::HIDDEN_FORM);
        }
    }
    let mut map = fst::MapBuilder::memory();
    for (form, bits) in forms {
        map.insert(form, bits)
            .expect("forms are sorted and distinct");
    }
    let bytes = map.into_inner().expect("an in-memory FST");
    std::fs::write(dir.join("en_US.fst"), bytes).expect("OUT_DIR is writable");
}

/// The title-case stand-in Hunspell adds for a mixed-case entry (`iPhone`
/// → `Iphone`) or an all-caps one with flags (`NASA/M` → `Nasa`), with the
/// same flags: a hidden homonym, which only all-caps input may match
/// (`IPHONE`, `NASA'S`).
fn hidden_homonym(word: &str, flags: &str) -> Option<String> {
    use hunspell::Casing;
    match hunspell::casing(word) {
        Casing::Camel | Casing::Pascal => Some(hunspell::titlecase(word)),
        Casing::Upper if !flags.is_empty() => Some(hunspell::titlecase(word)),
        _ => None,
    }
}

/// Checks that en_US.aff uses no more than `src/spell/english.rs` models
/// (that en_US.aff of SCOWL does), and returns its `ONLYINCOMPOUND` flag.
fn check_english_aff(aff: &str) -> char {
    let mut only_in_compound = None;
    let mut rules = Vec::new();
    for line in aff.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        match f[..] {
            [] => {}
            [comment, ..] if comment.starts_with('#') => {}
            // Plain UTF-8, single-character flags, no `BREAK`, `IGNORE`,
            // `KEEPCASE`, `NEEDAFFIX`, `FORBIDDENWORD`, compound flags, ….
            ["SET", "UTF-8"] | ["ICONV", "1"] | ["ICONV", "’", "'"] => {}
            ["TRY" | "NOSUGGEST" | "WORDCHARS" | "REP", ..] => {}
            ["ONLYINCOMPOUND", flag] if flag.chars().count() == 1 => {
                only_in_compound = flag.chars().next();
            }
            // `english::is_ordinal` implements these rules.
            ["COMPOUNDMIN", "1"] | ["COMPOUNDRULE", "2"] => {}
            ["COMPOUNDRULE", rule] => rules.push(rule),
            // No continuation flags: one affix on each side at most.
            ["PFX" | "SFX", _, "Y" | "N", _] => {}
            ["PFX" | "SFX", _, _, add, _, ..] if !add.contains('/') => {}
            _ => panic!("en_US.aff: `{line}` is not modelled by src/spell/english.rs"),
        }
    }
    assert_eq!(rules, ["n*1t", "n*mp"], "en_US.aff: compound rules");
    only_in_compound.expect("en_US.aff has ONLYINCOMPOUND")
}

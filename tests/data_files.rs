//! Consistency checks for the data files under `rules/`.
//!
//! The rules embed these files with `include_str!`; this test parses them with
//! local structs (so it does not depend on the rule code) and checks the
//! invariants each file's header comment promises.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use regex::Regex;
use serde::Deserialize;

/// Reads a data file the way the rules see it (they `include_str!` the same path).
fn read(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("rules")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------- boilerplate

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Boilerplate {
    pattern: Vec<BoilerGroup>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BoilerGroup {
    id: String,
    description: String,
    lang: String,
    safe: bool,
    patterns: Vec<String>,
    examples: Vec<String>,
    #[serde(default)]
    counter_examples: Vec<String>,
}

/// The engine's contract: a pattern matches the whole trimmed line, case-insensitively.
fn compile(pattern: &str) -> Regex {
    Regex::new(&format!("(?i)^(?:{pattern})$"))
        .unwrap_or_else(|e| panic!("pattern does not compile: {pattern}\n{e}"))
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn boilerplate_is_consistent() {
    let file: Boilerplate =
        toml::from_str(&read("boilerplate.toml")).expect("boilerplate.toml parses");
    assert!(!file.pattern.is_empty());

    let mut ids = BTreeSet::new();
    let mut all: Vec<(String, String, Regex)> = Vec::new();
    let mut errors = Vec::new();
    let mut seen_patterns = BTreeSet::new();
    let mut safe_groups = 0;
    let never = Regex::new("^$").unwrap();

    for group in &file.pattern {
        if !ids.insert(group.id.clone()) {
            errors.push(format!("duplicate id {}", group.id));
        }
        if !is_kebab(&group.id) {
            errors.push(format!("id is not kebab-case: {}", group.id));
        }
        if group.description.trim().is_empty() {
            errors.push(format!("{}: empty description", group.id));
        }
        if group.lang != "de" && group.lang != "en" {
            errors.push(format!(
                "{}: lang must be de or en, is {}",
                group.id, group.lang
            ));
        }
        if group.patterns.is_empty() || group.examples.is_empty() {
            errors.push(format!("{}: needs patterns and examples", group.id));
        }
        safe_groups += usize::from(group.safe);
        let mut compiled: Vec<Regex> = Vec::new();
        for p in &group.patterns {
            match Regex::new(&format!("(?i)^(?:{p})$")) {
                Ok(re) => compiled.push(re),
                Err(e) => {
                    errors.push(format!("{}: pattern does not compile: {p}\n{e}", group.id));
                    compiled.push(never.clone());
                }
            }
        }
        for p in &group.patterns {
            if !seen_patterns.insert(p.clone()) {
                errors.push(format!("{}: pattern listed twice: {p}", group.id));
            }
        }
        // Every example matches some pattern of its own group.
        for ex in &group.examples {
            let line = ex.trim();
            if !compiled.iter().any(|re| re.is_match(line)) {
                errors.push(format!("{}: example matches no pattern: {ex:?}", group.id));
            }
        }
        // Every pattern is exercised by at least one example of its group.
        for (p, re) in group.patterns.iter().zip(&compiled) {
            if !group.examples.iter().any(|ex| re.is_match(ex.trim())) {
                errors.push(format!("{}: pattern has no example: {p}", group.id));
            }
        }
        for (p, re) in group.patterns.iter().zip(compiled) {
            all.push((group.id.clone(), p.clone(), re));
        }
    }

    // No counter-example matches any pattern of any group.
    for group in &file.pattern {
        for ce in &group.counter_examples {
            let line = ce.trim();
            for (id, p, re) in &all {
                if re.is_match(line) {
                    errors.push(format!(
                        "{}: counter-example {ce:?} matches pattern of {id}: {p}",
                        group.id
                    ));
                }
            }
        }
    }

    assert!(
        errors.is_empty(),
        "boilerplate.toml:\n{}",
        errors.join("\n")
    );
    // Both kinds must exist: safe groups get a deletion fix, unsafe ones are report-only.
    assert!(safe_groups > 0 && safe_groups < file.pattern.len());
    assert!(
        all.len() >= 100,
        "expected a broad pattern set, got {}",
        all.len()
    );
}

#[test]
fn boilerplate_trims_no_break_spaces() {
    let file: Boilerplate = toml::from_str(&read("boilerplate.toml")).unwrap();
    let res: Vec<Regex> = file
        .pattern
        .iter()
        .flat_map(|g| g.patterns.iter().map(|p| compile(p)))
        .collect();
    let line = "\u{a0} Kommentar (0) \u{a0}";
    assert!(res.iter().any(|re| re.is_match(line.trim())));
}

// ---------------------------------------------------------------- camelcase

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CamelCase {
    words: Vec<String>,
    prefixes: Vec<String>,
    suffixes: Vec<String>,
}

fn has_internal_capital(w: &str) -> bool {
    w.chars().skip(1).any(|c| c.is_uppercase()) && w.chars().any(|c| c.is_lowercase())
}

#[test]
fn camelcase_is_consistent() {
    let file: CamelCase = toml::from_str(&read("camelcase.toml")).expect("camelcase.toml parses");
    let mut errors = Vec::new();
    let mut seen = BTreeSet::new();
    for w in &file.words {
        if !seen.insert(w.as_str()) {
            errors.push(format!("duplicate word {w}"));
        }
        if w.trim() != w || w.contains(' ') {
            errors.push(format!("word contains whitespace: {w:?}"));
        }
        if !has_internal_capital(w) {
            errors.push(format!("word has no internal capital: {w}"));
        }
    }
    for p in &file.prefixes {
        let first = p.chars().next().unwrap();
        if !first.is_uppercase() {
            errors.push(format!("prefix must start with a capital: {p}"));
        }
    }
    for s in &file.suffixes {
        if !s.chars().next().unwrap().is_uppercase() {
            errors.push(format!("suffix must start with a capital: {s}"));
        }
    }
    assert!(errors.is_empty(), "camelcase.toml:\n{}", errors.join("\n"));
    assert!(file.words.len() >= 200, "only {} words", file.words.len());
}

// ---------------------------------------------------------------- labels

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Labels {
    labels: Vec<String>,
}

#[test]
fn labels_are_consistent() {
    let file: Labels = toml::from_str(&read("labels.toml")).expect("labels.toml parses");
    let mut seen = BTreeSet::new();
    for l in &file.labels {
        assert!(seen.insert(l.to_lowercase()), "duplicate label {l}");
        assert!(!l.ends_with(':'), "label must not carry its colon: {l}");
        assert_eq!(l.trim(), l, "label has outer whitespace: {l:?}");
        assert!(
            l.chars().next().unwrap().is_uppercase(),
            "label starts lowercase: {l}"
        );
    }
    for must in ["Quelle", "Foto", "Source", "Photo", "Lesen Sie auch"] {
        assert!(
            file.labels.iter().any(|l| l == must),
            "missing label {must}"
        );
    }
}

// ---------------------------------------------------------------- function words

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WordList {
    words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FunctionWords {
    english: WordList,
    german: WordList,
    italian: WordList,
    french: WordList,
    spanish: WordList,
    turkish: WordList,
    elisions: Vec<String>,
    romance_articles: Vec<String>,
    romance_names: Vec<String>,
    ambiguous: Vec<String>,
}

#[test]
fn function_words_are_consistent() {
    let f: FunctionWords =
        toml::from_str(&read("function_words.toml")).expect("function_words.toml parses");
    let mut errors = Vec::new();
    let lists: Vec<(&str, &WordList)> = vec![
        ("english", &f.english),
        ("german", &f.german),
        ("italian", &f.italian),
        ("french", &f.french),
        ("spanish", &f.spanish),
        ("turkish", &f.turkish),
    ];
    for (name, list) in &lists {
        let mut seen = BTreeSet::new();
        for w in &list.words {
            if !seen.insert(w.as_str()) {
                errors.push(format!("{name}: duplicate {w}"));
            }
            if w.to_lowercase() != *w || w.trim() != w || w.is_empty() {
                errors.push(format!("{name}: words are lowercase and trimmed: {w:?}"));
            }
        }
    }
    assert!(f.english.words.len() >= 180, "english list is short");
    assert!(f.german.words.len() >= 180, "german list is short");

    // Any foreign word that is also a German word must be declared ambiguous,
    // otherwise a detector would flag ordinary German text.
    let german: BTreeSet<&str> = f.german.words.iter().map(String::as_str).collect();
    let ambiguous: BTreeSet<&str> = f.ambiguous.iter().map(String::as_str).collect();
    for (name, list) in &lists {
        if *name == "german" {
            continue;
        }
        for w in &list.words {
            if german.contains(w.as_str()) && !ambiguous.contains(w.as_str()) {
                errors.push(format!("{name}: {w} is also German but not in ambiguous"));
            }
        }
    }
    for must in [
        "in", "was", "also", "will", "die", "man", "hat", "an", "am", "so", "war",
    ] {
        if !ambiguous.contains(must) {
            errors.push(format!("ambiguous lacks {must}"));
        }
    }
    for e in &f.elisions {
        if !e.ends_with('\'') {
            errors.push(format!("elision must end with an apostrophe: {e}"));
        }
    }
    for a in &f.romance_articles {
        if !a.chars().next().unwrap().is_uppercase() {
            errors.push(format!("romance article is capitalised: {a}"));
        }
    }
    // Every multiword romance name starts with a listed article or an elision.
    for n in &f.romance_names {
        let first = n.split([' ', '\'']).next().unwrap();
        let ok = f.romance_articles.iter().any(|a| a == first)
            || f.elisions
                .iter()
                .any(|e| n.to_lowercase().starts_with(e.as_str()));
        if !ok {
            errors.push(format!("romance name does not start with an article: {n}"));
        }
    }
    assert!(
        errors.is_empty(),
        "function_words.toml:\n{}",
        errors.join("\n")
    );
}

// ---------------------------------------------------------------- transliteration

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Transliteration {
    name: Vec<NameEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NameEntry {
    canonical: String,
    variants: Vec<String>,
    kind: String,
    #[serde(default)]
    alt_style: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

#[test]
fn transliteration_is_consistent() {
    let file: Transliteration =
        toml::from_str(&read("transliteration.toml")).expect("transliteration.toml parses");
    let fw: FunctionWords = toml::from_str(&read("function_words.toml")).unwrap();
    let german: BTreeSet<String> = fw.german.words.iter().map(|w| w.to_lowercase()).collect();
    let kinds = ["person", "given-name", "place", "organisation", "term"];
    let mut errors = Vec::new();

    let mut canonicals: HashMap<&str, usize> = HashMap::new();
    for (i, e) in file.name.iter().enumerate() {
        if let Some(j) = canonicals.insert(e.canonical.as_str(), i) {
            errors.push(format!(
                "canonical {} listed twice (entries {j} and {i})",
                e.canonical
            ));
        }
    }
    let mut variants: BTreeMap<&str, &str> = BTreeMap::new();
    for e in &file.name {
        if !kinds.contains(&e.kind.as_str()) {
            errors.push(format!("{}: unknown kind {}", e.canonical, e.kind));
        }
        if e.variants.is_empty() {
            errors.push(format!("{}: no variants", e.canonical));
        }
        if let Some(n) = &e.note {
            if n.trim().is_empty() {
                errors.push(format!("{}: empty note", e.canonical));
            }
        }
        if let Some(alt) = &e.alt_style {
            if !e.variants.contains(alt) {
                errors.push(format!(
                    "{}: alt_style {alt} is not one of its variants",
                    e.canonical
                ));
            }
        }
        for v in &e.variants {
            if v == &e.canonical {
                errors.push(format!("{}: variant equals canonical", e.canonical));
            }
            if v.trim() != v || v.is_empty() {
                errors.push(format!("{}: bad variant {v:?}", e.canonical));
            }
            if canonicals.contains_key(v.as_str()) {
                errors.push(format!(
                    "{}: variant {v} is the canonical of another entry",
                    e.canonical
                ));
            }
            if let Some(other) = variants.insert(v.as_str(), e.canonical.as_str()) {
                errors.push(format!(
                    "variant {v} listed under {other} and {}",
                    e.canonical
                ));
            }
            if german.contains(&v.to_lowercase()) {
                errors.push(format!(
                    "{}: variant {v} is a German function word",
                    e.canonical
                ));
            }
        }
    }
    assert!(
        errors.is_empty(),
        "transliteration.toml:\n{}",
        errors.join("\n")
    );
    assert!(file.name.len() >= 200, "only {} entries", file.name.len());
}

//! Computes the literal prefilter of the shipped boilerplate patterns
//! (`src/rules/line_patterns/literals.rs`) at build time: parsing ~220
//! regexes for it would cost every run milliseconds at start-up.

use std::fmt::Write as _;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/rules/line_patterns/literals.rs"]
mod literals;

fn main() {
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
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&dir).join("boilerplate_tables.rs"), out)
        .expect("OUT_DIR is writable");
}

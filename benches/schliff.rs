//! Micro-benchmarks: the document model and every rule on one fixed text.
//!
//! `cargo bench --bench schliff` runs all; `cargo bench --bench schliff --
//! rule/` only the rules. The text is the repository's example articles and
//! clean fixtures joined (MT artifacts and correct German, ~60 KB), so the
//! numbers are comparable between commits. Each rule is benchmarked by its
//! id from `all_rules`, so new rule families show up without editing this file.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use schliff::config::Settings;
use schliff::document::{tokenize, Document, DocumentKind, TokenKind};
use schliff::linter::Linter;
use schliff::locale::{self, Locale, LocaleSetting};
use schliff::rule::Context;
use schliff::rules::all_rules;
use schliff::spell::Speller;

/// The benchmark text: every `.txt` under `examples/` and
/// `tests/fixtures/clean/`, sorted by name, joined by blank lines.
fn fixed_text() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["examples", "tests/fixtures/clean"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("folder exists") {
            let path = entry.expect("readable folder").path();
            if path.extension().is_some_and(|e| e == "txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 text"))
        .collect();
    texts.join("\n\n")
}

fn document_model(c: &mut Criterion) {
    let text = fixed_text();
    let mut group = c.benchmark_group("document");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("new (locale auto)", |b| {
        b.iter(|| {
            Document::new(
                black_box(text.clone()),
                DocumentKind::PlainText,
                LocaleSetting::Auto,
            )
        })
    });
    group.bench_function("new (locale fixed)", |b| {
        b.iter(|| {
            Document::new(
                black_box(text.clone()),
                DocumentKind::PlainText,
                LocaleSetting::Fixed(Locale::DeDe),
            )
        })
    });
    group.bench_function("new (markdown)", |b| {
        b.iter(|| {
            Document::new(
                black_box(text.clone()),
                DocumentKind::Markdown,
                LocaleSetting::Fixed(Locale::DeDe),
            )
        })
    });
    group.bench_function("tokenize", |b| b.iter(|| tokenize(black_box(&text))));
    let tokens = tokenize(&text);
    group.bench_function("locale detect", |b| {
        b.iter(|| {
            locale::detect(
                black_box(&text),
                tokens
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .map(|t| &text[t.range.clone()]),
            )
        })
    });
    group.finish();
}

fn rules(c: &mut Criterion) {
    let text = fixed_text();
    let settings = Settings::default();
    let doc = Document::new(text.clone(), DocumentKind::PlainText, LocaleSetting::Auto);
    let ctx = Context {
        settings: &settings,
        corpus: None,
    };
    let mut group = c.benchmark_group("rule");
    group.throughput(Throughput::Bytes(text.len() as u64));
    for rule in all_rules(&settings).expect("default rules build") {
        group.bench_function(rule.meta().id, |b| {
            let mut out = Vec::new();
            b.iter(|| {
                out.clear();
                rule.check(black_box(&doc), &ctx, &mut out);
            })
        });
    }
    group.finish();

    let linter = Linter::new(Settings::default()).expect("default rules build");
    let file = linter.settings.for_file(Path::new("bench.txt"));
    let mut group = c.benchmark_group("linter");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("check (all rules)", |b| {
        b.iter(|| linter.check(black_box(&doc), &file, None))
    });
    group.bench_function("document + check", |b| {
        b.iter(|| {
            let doc = Document::new(
                black_box(text.clone()),
                DocumentKind::PlainText,
                LocaleSetting::Auto,
            );
            linter.check(&doc, &file, None)
        })
    });
    group.finish();
}

/// The spelling engine: parsing the de_DE dictionary (the start-up cost of
/// a cold process) and checking every word of the text.
fn spelling(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("dictionaries");
    let aff = std::fs::read_to_string(root.join("de_DE.aff")).expect("dictionary");
    let dic = std::fs::read_to_string(root.join("de_DE.dic")).expect("dictionary");
    let mut group = c.benchmark_group("spell");
    group.sample_size(10);
    group.bench_function("load de_DE", |b| {
        b.iter(|| Speller::from_hunspell(black_box(&aff), black_box(&dic), Locale::DeDe))
    });
    let text = fixed_text();
    let words: Vec<&str> = tokenize(&text)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| &text[t.range])
        .collect();
    let speller = Speller::embedded(Locale::DeDe);
    group.sample_size(20);
    group.throughput(Throughput::Elements(words.len() as u64));
    group.bench_function("check_word (all words of the text)", |b| {
        b.iter(|| words.iter().filter(|w| speller.check_word(w)).count())
    });
    group.finish();
}

criterion_group!(benches, document_model, rules, spelling);
criterion_main!(benches);

//! Reads words from standard input (whitespace-separated, usually one per
//! line) and prints those the speller rejects, one per line, like
//! `hunspell -l`.
//!
//! ```text
//! cargo run --release --example spellcheck -- [--locale de_DE|de_AT|de_CH]
//!     [--plain] [--suggest N] [--stats] < words.txt
//! ```
//!
//! `--plain` checks with spellbook and the embedded Hunspell files alone,
//! without schliff's word lists and rules (to compare the engine with
//! Hunspell). `--suggest N` prints up to N suggestions after each rejected
//! word. `--stats` prints load time, check speed and suggestion latency to
//! standard error.

use std::io::{self, BufWriter, Read, Write};
use std::time::{Duration, Instant};

use schliff::locale::Locale;
use schliff::spell::{hunspell_name, Speller};

fn main() {
    let mut locale = Locale::DeDe;
    let mut plain = false;
    let mut suggest: Option<usize> = None;
    let mut stats = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--locale" => {
                locale = match args.next().as_deref() {
                    Some("de_DE" | "de-DE") => Locale::DeDe,
                    Some("de_AT" | "de-AT") => Locale::DeAt,
                    Some("de_CH" | "de-CH") => Locale::DeCh,
                    other => fail(&format!("unknown locale {other:?}")),
                }
            }
            "--plain" => plain = true,
            "--stats" => stats = true,
            "--suggest" => {
                let n = args.next().and_then(|n| n.parse().ok());
                suggest = Some(n.unwrap_or_else(|| fail("--suggest needs a number")));
            }
            "-h" | "--help" => {
                println!(
                    "usage: spellcheck [--locale de_DE|de_AT|de_CH] [--plain] [--suggest N] [--stats] < words"
                );
                return;
            }
            other => fail(&format!("unknown argument {other}")),
        }
    }

    let mut input = String::new();
    io::stdin()
        .read_to_string(&mut input)
        .unwrap_or_else(|e| fail(&format!("reading stdin: {e}")));
    let words: Vec<&str> = input.split_whitespace().collect();

    let started = Instant::now();
    let checker = if plain {
        Checker::Plain(Box::new(plain_dictionary(locale)))
    } else {
        Checker::Schliff(Speller::embedded(locale))
    };
    let load = started.elapsed();

    let started = Instant::now();
    let rejected: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !checker.check(w))
        .collect();
    let check = started.elapsed();

    let out = io::stdout();
    let mut out = BufWriter::new(out.lock());
    let mut suggest_times: Vec<Duration> = Vec::new();
    for word in &rejected {
        match suggest {
            Some(max) => {
                let started = Instant::now();
                let suggestions = checker.suggest(word, max);
                suggest_times.push(started.elapsed());
                let _ = writeln!(out, "{word}\t{}", suggestions.join(", "));
            }
            None => {
                let _ = writeln!(out, "{word}");
            }
        }
    }
    let _ = out.flush();

    if stats {
        let secs = check.as_secs_f64().max(1e-9);
        eprintln!(
            "{locale} ({}): load {:.1} ms; {} words checked in {:.1} ms = {:.0} words/s; {} rejected",
            if plain { "plain spellbook" } else { "schliff" },
            load.as_secs_f64() * 1e3,
            words.len(),
            secs * 1e3,
            words.len() as f64 / secs,
            rejected.len(),
        );
        if !suggest_times.is_empty() {
            suggest_times.sort();
            let ms = |d: Duration| d.as_secs_f64() * 1e3;
            let total: Duration = suggest_times.iter().sum();
            eprintln!(
                "suggest: {} words, mean {:.1} ms, median {:.1} ms, p90 {:.1} ms, max {:.1} ms",
                suggest_times.len(),
                ms(total) / suggest_times.len() as f64,
                ms(suggest_times[suggest_times.len() / 2]),
                ms(suggest_times[suggest_times.len() * 9 / 10]),
                ms(*suggest_times.last().unwrap()),
            );
        }
    }
}

enum Checker {
    Plain(Box<spellbook::Dictionary>),
    Schliff(&'static Speller),
}

impl Checker {
    fn check(&self, word: &str) -> bool {
        match self {
            Checker::Plain(dict) => dict.check(word),
            Checker::Schliff(speller) => speller.check_word(word),
        }
    }

    fn suggest(&self, word: &str, max: usize) -> Vec<String> {
        match self {
            Checker::Plain(dict) => {
                let mut out = Vec::new();
                dict.suggest(word, &mut out);
                out.truncate(max);
                out
            }
            Checker::Schliff(speller) => speller.suggest(word, max),
        }
    }
}

fn plain_dictionary(locale: Locale) -> spellbook::Dictionary {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/dictionaries");
    let read = |ext: &str| {
        let path = format!("{dir}/{}.{ext}", hunspell_name(locale));
        std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{path}: {e}")))
    };
    spellbook::Dictionary::new(&read("aff"), &read("dic"))
        .unwrap_or_else(|e| fail(&format!("parsing {locale}: {e}")))
}

fn fail(msg: &str) -> ! {
    eprintln!("spellcheck: {msg}");
    std::process::exit(2);
}

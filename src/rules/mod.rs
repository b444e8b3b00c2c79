//! Every rule, registered in one place. A family lives in one file; each
//! rule is a small type implementing [`Rule`](crate::rule::Rule) with its
//! metadata and tests beside it.

use crate::config::{ConfigError, Settings};
use crate::rule::Rule;

pub mod boilerplate;
pub(crate) mod lexicon;
mod line_patterns;
pub mod quotes;
pub mod repetition;
pub mod spelling;
pub mod spelling_numeral;
pub mod stray_token;
pub mod transliteration;
pub mod typography;
pub mod unicode;
pub mod untranslated;
pub mod whitespace;

/// All rules in the order they run. When two rules report the same line as
/// a whole, the earlier one wins, so families that explain a line best
/// (boilerplate before repetition) come first.
pub fn all_rules(settings: &Settings) -> Result<Vec<Box<dyn Rule>>, ConfigError> {
    // Built first: the spelling rule starts loading its dictionary in the
    // background, which then overlaps with setting up the others.
    let spelling = spelling::rules(settings)?;
    let mut rules: Vec<Box<dyn Rule>> = Vec::new();
    rules.extend(boilerplate::rules(settings)?);
    rules.extend(untranslated::rules());
    rules.extend(stray_token::rules(settings)?);
    rules.extend(unicode::rules());
    rules.extend(whitespace::rules());
    rules.extend(quotes::rules());
    rules.extend(typography::rules());
    rules.extend(transliteration::rules(settings)?);
    rules.extend(spelling_numeral::rules());
    rules.extend(spelling);
    rules.extend(repetition::rules(settings)?);
    Ok(rules)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the rule unit tests: run one rule on a text, apply its fixes.

    use crate::config::Settings;
    use crate::diagnostic::{Applicability, Diagnostic};
    use crate::document::Document;
    use crate::fix::apply_fixes;
    use crate::locale::Locale;
    use crate::rule::{Context, Rule};

    pub fn check_locale(rule: &dyn Rule, text: &str, locale: Locale) -> Vec<Diagnostic> {
        let doc = Document::plain(text, locale);
        let settings = Settings::default();
        let ctx = Context {
            settings: &settings,
            corpus: None,
        };
        let mut out = Vec::new();
        rule.check(&doc, &ctx, &mut out);
        for d in &out {
            assert!(d.range.start <= d.range.end && d.range.end <= text.len());
            assert!(text.is_char_boundary(d.range.start) && text.is_char_boundary(d.range.end));
        }
        out
    }

    pub fn check(rule: &dyn Rule, text: &str) -> Vec<Diagnostic> {
        check_locale(rule, text, Locale::DeDe)
    }

    /// The flagged substrings, for compact assertions.
    pub fn flagged<'t>(rule: &dyn Rule, text: &'t str) -> Vec<&'t str> {
        check(rule, text)
            .into_iter()
            .map(|d| &text[d.range])
            .collect()
    }

    /// The text after applying every fix up to `unsafe` once.
    pub fn fixed(rule: &dyn Rule, text: &str) -> String {
        let diagnostics = check(rule, text);
        apply_fixes(text, &diagnostics, Applicability::Unsafe).text
    }
}

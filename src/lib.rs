//! schliff: finds and fixes the artifacts machine translation and web
//! scraping leave in German text.
//!
//! The pipeline: [`source`] (bytes → text) → [`document`] (lines, tokens,
//! sentences, locale) → [`rules`] → [`diagnostic`]s → [`report`] or [`fix`].

pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod fix;
pub mod linter;
pub mod locale;
pub mod names;
pub mod progress;
pub mod report;
pub mod rule;
pub mod rules;
pub mod run;
pub mod source;
pub mod spell;
pub mod stream;
pub mod write;

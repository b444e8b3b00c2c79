//! Name spellings collected across all files of one run, so that
//! transliteration rules can compare `Shoigu` in one article with `Schoigu`
//! in another.

use crate::config::Settings;
use crate::document::Document;

/// Filled by the transliteration rules' corpus pass.
#[derive(Debug, Default)]
pub struct CorpusNames {}

impl CorpusNames {
    pub fn from_document(_path: &str, _doc: &Document, _settings: &Settings) -> CorpusNames {
        CorpusNames {}
    }

    pub fn merge(self, _other: CorpusNames) -> CorpusNames {
        self
    }
}

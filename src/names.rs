//! Name spellings collected across all files of one run, so that
//! transliteration rules can compare `Shoigu` in one article with `Schoigu`
//! in another.

/// Filled by the transliteration rules' corpus pass.
#[derive(Debug, Default)]
pub struct CorpusNames {}

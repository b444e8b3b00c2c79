//! The one trait every rule implements, and what a rule says about itself.

use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::names::CorpusNames;

/// Whether and how a rule can fix what it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixAvailability {
    None,
    Safe,
    Unsafe,
    DisplayOnly,
    /// Safe in clear cases, unsafe or display-only in others.
    Sometimes,
}

/// A rule's identity and documentation, as `schliff rules` and
/// `schliff rule ID` show it.
#[derive(Debug)]
pub struct RuleMeta {
    /// `category/name`.
    pub id: &'static str,
    pub severity: Severity,
    /// One line for listings.
    pub summary: &'static str,
    /// A paragraph: why it matters, then a bad and a good example.
    pub explanation: &'static str,
    pub fix: FixAvailability,
}

impl RuleMeta {
    pub fn category(&self) -> &'static str {
        self.id.split('/').next().unwrap_or(self.id)
    }
}

/// What a rule may read besides the document.
pub struct Context<'a> {
    pub settings: &'a Settings,
    /// Name spellings collected over every file of the run, in corpus mode.
    pub corpus: Option<&'a CorpusNames>,
}

pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;

    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>);

    /// A diagnostic for this rule with its default severity.
    fn diagnostic(&self, range: std::ops::Range<usize>, message: impl Into<String>) -> Diagnostic
    where
        Self: Sized,
    {
        let mut d = Diagnostic::new(self.meta().id, range, message);
        d.severity = self.meta().severity;
        d
    }
}

//! Applying fixes to a text. Edits of one fix go in together or not at all;
//! where fixes overlap, the first wins and the others wait for the next
//! round, when the rules see the text the first fix produced.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::document::Document;
use crate::locale::LocaleSetting;

/// How many rounds of fixing before the fixes are declared not to converge.
pub const MAX_FIX_ROUNDS: usize = 12;

pub struct Applied {
    pub text: String,
    /// How many fixes went in.
    pub fixed: usize,
    /// The edits that went in, in text order, as (index of the diagnostic,
    /// index of the edit in its fix).
    pub edits: Vec<(usize, usize)>,
}

/// Applies every fix at least as trusted as `level`, skipping fixes that
/// overlap one already taken. Display-only fixes are never applied.
///
/// Taken edits are kept in a map by start offset, so checking a fix costs a
/// logarithmic lookup per edit: a file with a million findings is fixed in
/// one pass, not in quadratic time.
pub fn apply_fixes(text: &str, diagnostics: &[Diagnostic], level: Applicability) -> Applied {
    let mut taken: BTreeMap<usize, (&Edit, (usize, usize))> = BTreeMap::new();
    let mut fixed = 0;
    let level = level.max(Applicability::Unsafe);
    let mut edits: Vec<(&Edit, (usize, usize))> = Vec::new();
    for (d, fix) in diagnostics
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some((i, d.fix.as_ref()?)))
    {
        if fix.applicability < level || fix.edits.is_empty() {
            continue;
        }
        edits.clear();
        edits.extend(fix.edits.iter().enumerate().map(|(k, e)| (e, (d, k))));
        edits.sort_by_key(|(e, _)| (e.range.start, e.range.end));
        let valid = edits.iter().all(|(e, _)| {
            e.range.start <= e.range.end
                && e.range.end <= text.len()
                && text.is_char_boundary(e.range.start)
                && text.is_char_boundary(e.range.end)
        });
        let clashes = || {
            edits
                .windows(2)
                .any(|w| clash(&w[0].0.range, &w[1].0.range))
                || edits
                    .iter()
                    .any(|(e, _)| clashes_with_taken(&taken, &e.range))
        };
        if valid && !clashes() {
            taken.extend(edits.iter().map(|&(e, at)| (e.range.start, (e, at))));
            fixed += 1;
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (edit, _) in taken.values() {
        out.push_str(&text[pos..edit.range.start]);
        out.push_str(&edit.replacement);
        pos = edit.range.end;
    }
    out.push_str(&text[pos..]);
    Applied {
        text: out,
        fixed,
        edits: taken.into_values().map(|(_, at)| at).collect(),
    }
}

/// A document after fixing, with the findings that remain.
pub struct Fixed {
    pub doc: Document,
    pub diagnostics: Vec<Diagnostic>,
    /// How many fixes went in, over all rounds.
    pub fixed: usize,
    /// The rules whose fixes still changed the text after the last round;
    /// empty when the fixes converged.
    pub unconverged: Vec<&'static str>,
}

/// Fixes round by round: fixes that overlap wait for the next round, when
/// the rules see the text the earlier fixes produced. Stops when a round
/// changes nothing, or after [`MAX_FIX_ROUNDS`] (a rule whose fix keeps
/// finding something to fix is a bug; its rules are named).
pub fn fix_rounds(
    mut doc: Document,
    mut diagnostics: Vec<Diagnostic>,
    level: Applicability,
    locale: LocaleSetting,
    check: impl Fn(&Document) -> Vec<Diagnostic>,
) -> Fixed {
    let mut fixed = 0;
    let mut unconverged = Vec::new();
    for round in 0.. {
        let applied = apply_fixes(&doc.text, &diagnostics, level);
        if applied.fixed == 0 || applied.text == doc.text {
            break;
        }
        if round == MAX_FIX_ROUNDS {
            let level = level.max(Applicability::Unsafe);
            unconverged = diagnostics
                .iter()
                .filter(|d| d.fix.as_ref().is_some_and(|f| f.applicability >= level))
                .map(|d| d.rule)
                .collect();
            unconverged.sort_unstable();
            unconverged.dedup();
            break;
        }
        fixed += applied.fixed;
        doc = Document::new(applied.text, doc.kind, locale);
        diagnostics = check(&doc);
    }
    Fixed {
        doc,
        diagnostics,
        fixed,
        unconverged,
    }
}

/// Two edits clash when they share a byte, when one inserts strictly inside
/// the other, or when both start at one place (their order would be
/// arbitrary). Ranges that merely touch do not clash.
fn clash(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start == b.start || (a.start < b.end && b.start < a.end)
}

/// Taken edits never clash with each other, so their starts are distinct
/// and sorted ranges do not overlap: only the last one starting at or before
/// `range.start`, and any starting inside `range`, can clash with it.
fn clashes_with_taken<T>(taken: &BTreeMap<usize, (&Edit, T)>, range: &Range<usize>) -> bool {
    let before = taken
        .range(..=range.start)
        .next_back()
        .is_some_and(|(_, (e, _))| clash(&e.range, range));
    before
        || taken
            .range(range.start + 1..range.end.max(range.start + 1))
            .next()
            .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Fix;

    fn diag(edits: Vec<Edit>, applicability: Applicability) -> Diagnostic {
        Diagnostic::new("test/x", 0..0, "m").with_fix(Fix::new(applicability, edits))
    }

    #[test]
    fn edits_apply_next_to_multibyte_characters() {
        let text = "„Grüße“  …";
        let start = text.find("  ").unwrap();
        let d = diag(
            vec![Edit::replace(start..start + 2, " ")],
            Applicability::Safe,
        );
        assert_eq!(
            apply_fixes(text, &[d], Applicability::Safe).text,
            "„Grüße“ …"
        );
    }

    #[test]
    fn a_fix_with_two_edits_goes_in_whole() {
        let text = "\"Zitat\"";
        let d = diag(
            vec![Edit::replace(0..1, "„"), Edit::replace(6..7, "“")],
            Applicability::Safe,
        );
        let applied = apply_fixes(text, &[d], Applicability::Safe);
        assert_eq!(applied.text, "„Zitat“");
        assert_eq!(applied.fixed, 1);
    }

    #[test]
    fn overlapping_fixes_first_wins_and_adjacent_both_apply() {
        let text = "abcdef";
        let a = diag(vec![Edit::replace(0..3, "X")], Applicability::Safe);
        let b = diag(vec![Edit::replace(2..4, "Y")], Applicability::Safe);
        let c = diag(vec![Edit::replace(3..4, "Z")], Applicability::Safe);
        let applied = apply_fixes(text, &[a, b, c], Applicability::Safe);
        assert_eq!(applied.text, "XZef");
        assert_eq!(applied.fixed, 2);
    }

    #[test]
    fn unsafe_and_display_only_need_permission() {
        let text = "ab";
        let u = diag(vec![Edit::delete(0..1)], Applicability::Unsafe);
        let d = diag(vec![Edit::delete(1..2)], Applicability::DisplayOnly);
        assert_eq!(
            apply_fixes(text, &[u.clone(), d.clone()], Applicability::Safe).text,
            "ab"
        );
        assert_eq!(apply_fixes(text, &[u, d], Applicability::Unsafe).text, "b");
    }

    #[test]
    fn fixes_at_start_and_end_of_text() {
        let text = " Wort ";
        let a = diag(vec![Edit::delete(0..1)], Applicability::Safe);
        let b = diag(vec![Edit::delete(5..6)], Applicability::Safe);
        assert_eq!(apply_fixes(text, &[a, b], Applicability::Safe).text, "Wort");
    }

    #[test]
    fn inserts_clash_at_one_place_and_inside_a_replacement() {
        let text = "abcdef";
        let a = diag(vec![Edit::replace(1..4, "X")], Applicability::Safe);
        let inside = diag(vec![Edit::insert(2, "I")], Applicability::Safe);
        let at_start = diag(vec![Edit::insert(1, "S")], Applicability::Safe);
        let at_end = diag(vec![Edit::insert(4, "E")], Applicability::Safe);
        let again = diag(vec![Edit::insert(4, "F")], Applicability::Safe);
        let applied = apply_fixes(
            text,
            &[a, inside, at_start, at_end, again],
            Applicability::Safe,
        );
        assert_eq!(applied.text, "aXEef");
        assert_eq!(applied.fixed, 2);
    }

    #[test]
    fn a_fix_whose_own_edits_overlap_is_refused_whole() {
        let text = "abcdef";
        let bad = diag(
            vec![Edit::replace(0..3, "X"), Edit::replace(2..4, "Y")],
            Applicability::Safe,
        );
        let applied = apply_fixes(text, &[bad], Applicability::Safe);
        assert_eq!((applied.text.as_str(), applied.fixed), ("abcdef", 0));
    }

    #[test]
    fn a_clash_in_one_edit_keeps_the_whole_fix_out() {
        // The pair's second edit overlaps a taken fix: its first edit must
        // not go in alone.
        let text = "\"a\" b";
        let first = diag(vec![Edit::delete(3..4)], Applicability::Safe);
        let pair = diag(
            vec![Edit::replace(0..1, "„"), Edit::replace(2..4, "“")],
            Applicability::Safe,
        );
        let applied = apply_fixes(text, &[first, pair], Applicability::Safe);
        assert_eq!(applied.text, "\"a\"b");
        assert_eq!(applied.fixed, 1);
    }

    #[test]
    fn many_fixes_apply_in_near_linear_time() {
        let text = "\u{a0}".repeat(200_000);
        let diags: Vec<Diagnostic> = (0..200_000)
            .rev()
            .map(|i| {
                diag(
                    vec![Edit::replace(2 * i..2 * i + 2, " ")],
                    Applicability::Safe,
                )
            })
            .collect();
        let start = std::time::Instant::now();
        let applied = apply_fixes(&text, &diags, Applicability::Safe);
        assert_eq!(applied.text, " ".repeat(200_000));
        assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
    }

    #[test]
    fn rounds_apply_waiting_fixes_and_name_rules_that_never_converge() {
        use crate::locale::Locale;
        let locale = LocaleSetting::Fixed(Locale::DeDe);
        // Each round deletes the first of a run of `x`: five rounds.
        let shrink = |doc: &Document| match doc.text.find('x') {
            Some(i) => vec![diag(vec![Edit::delete(i..i + 1)], Applicability::Safe)],
            None => vec![],
        };
        let doc = Document::plain("axxxxxb", Locale::DeDe);
        let first = shrink(&doc);
        let done = fix_rounds(doc, first, Applicability::Safe, locale, shrink);
        assert_eq!((done.doc.text.as_str(), done.fixed), ("ab", 5));
        assert!(done.unconverged.is_empty() && done.diagnostics.is_empty());

        let grow = |_: &Document| vec![diag(vec![Edit::insert(0, "x")], Applicability::Safe)];
        let doc = Document::plain("a", Locale::DeDe);
        let first = grow(&doc);
        let stuck = fix_rounds(doc, first, Applicability::Safe, locale, grow);
        assert_eq!(stuck.fixed, MAX_FIX_ROUNDS);
        assert_eq!(stuck.unconverged, vec!["test/x"]);
    }

    #[test]
    fn edits_off_char_boundaries_are_refused() {
        let text = "ä";
        let bad = diag(vec![Edit::delete(0..1)], Applicability::Safe);
        assert_eq!(apply_fixes(text, &[bad], Applicability::Safe).text, "ä");
    }
}

//! Applying fixes to a text. Edits of one fix go in together or not at all;
//! where fixes overlap, the first wins and the others wait for the next
//! round, when the rules see the text the first fix produced.

use crate::diagnostic::{Applicability, Diagnostic, Edit};

pub struct Applied {
    pub text: String,
    /// How many fixes went in.
    pub fixed: usize,
}

/// Applies every fix at least as trusted as `level`, skipping fixes that
/// overlap one already taken. Display-only fixes are never applied.
pub fn apply_fixes(text: &str, diagnostics: &[Diagnostic], level: Applicability) -> Applied {
    let mut taken: Vec<&Edit> = Vec::new();
    let mut fixed = 0;
    let level = level.max(Applicability::Unsafe);
    for fix in diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
        if fix.applicability < level || fix.edits.is_empty() {
            continue;
        }
        let valid = fix.edits.iter().all(|e| {
            e.range.start <= e.range.end
                && e.range.end <= text.len()
                && text.is_char_boundary(e.range.start)
                && text.is_char_boundary(e.range.end)
        });
        let clashes = fix.edits.iter().any(|e| {
            taken.iter().any(|t| overlaps(&t.range, &e.range))
                || fix
                    .edits
                    .iter()
                    .any(|o| !std::ptr::eq(o, e) && overlaps(&o.range, &e.range))
        });
        if valid && !clashes {
            taken.extend(fix.edits.iter());
            fixed += 1;
        }
    }
    taken.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for edit in taken {
        out.push_str(&text[pos..edit.range.start]);
        out.push_str(&edit.replacement);
        pos = edit.range.end;
    }
    out.push_str(&text[pos..]);
    Applied { text: out, fixed }
}

/// Two edits clash when they share a byte, or when both insert at one place
/// (their order would be arbitrary). Touching ranges do not clash.
fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    (a.start < b.end && b.start < a.end) || (a.start == b.start && (a.is_empty() || b.is_empty()))
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
    fn edits_off_char_boundaries_are_refused() {
        let text = "ä";
        let bad = diag(vec![Edit::delete(0..1)], Applicability::Safe);
        assert_eq!(apply_fixes(text, &[bad], Applicability::Safe).text, "ä");
    }
}

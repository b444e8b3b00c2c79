#!/usr/bin/env bash
# Integration test of .pre-commit-hooks.yaml: installs pre-commit from PyPI
# into a temporary virtualenv (prints SKIP and exits 0 when PyPI cannot be
# reached), makes a temporary git repository with an article full of
# artifacts, and runs both hooks from a snapshot of this checkout (the
# working tree as it is, committed or not):
#   1st run: `schliff` fails listing findings, `schliff-fix` fixes the file
#            and fails (pre-commit fails a hook that modified files);
#   2nd run: both pass.
# Both hooks sit in one .pre-commit-config.yaml so that pre-commit builds
# schliff once (`language: rust` runs `cargo install --path` on a clone).
# CARGO_TARGET_DIR points at this checkout's target folder, so the hook's
# build reuses the dependencies `cargo test --release` compiled (only schliff
# itself is compiled again) and repeated runs reuse the build.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
start=$SECONDS
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() {
    echo "FAIL pre-commit: $*" >&2
    exit 1
}

if ! python3 -m venv "$work/venv" >"$work/venv.log" 2>&1; then
    echo "SKIP pre-commit test: cannot create a Python virtualenv:"
    tail -n 3 "$work/venv.log"
    exit 0
fi
if ! "$work/venv/bin/pip" install --quiet --disable-pip-version-check --retries 1 --timeout 20 pre-commit >"$work/pip.log" 2>&1; then
    echo "SKIP pre-commit test: pip could not install pre-commit from PyPI:"
    tail -n 3 "$work/pip.log"
    exit 0
fi
pre_commit="$work/venv/bin/pre-commit"
echo "pre-commit $("$pre_commit" --version | cut -d' ' -f2) installed ($((SECONDS - start)) s)"

# A snapshot of the working tree as a one-commit repository for pre-commit
# to clone: tracked and untracked files, without what .gitignore excludes.
snapshot="$work/schliff"
mkdir "$snapshot"
(cd "$repo" && git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
    | xargs -0 cp --parents -t "$snapshot")
git_quiet() { git -c user.name=test -c user.email=test@example.org -c init.defaultBranch=main "$@" >/dev/null; }
git_quiet -C "$snapshot" init
git_quiet -C "$snapshot" add -A
git_quiet -C "$snapshot" commit -m snapshot
rev="$(git -C "$snapshot" rev-parse HEAD)"

# The repository under test: one article with safe-fixable artifacts
# (double spaces, trailing spaces, a decomposed umlaut, a blank-line run).
articles="$work/articles"
mkdir "$articles"
git_quiet -C "$articles" init
printf 'Die Stadtwerke  erhöhen zum Jahreswechsel die Preise. \nDie Schu\xcc\x88ler demonstrieren am Freitag vor dem Rathaus.\n\n\n\nDer Bürgermeister will die Pläne noch einmal prüfen.\n' >"$articles/artikel.txt"
printf 'Die Stadtwerke erhöhen zum Jahreswechsel die Preise.\nDie Schüler demonstrieren am Freitag vor dem Rathaus.\n\nDer Bürgermeister will die Pläne noch einmal prüfen.\n' >"$work/expected.txt"
cat >"$articles/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $snapshot
    rev: $rev
    hooks:
      - id: schliff
      - id: schliff-fix
EOF
git_quiet -C "$articles" add -A

run_hooks() {
    (cd "$articles" && PRE_COMMIT_HOME="$work/cache" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}" \
        "$pre_commit" run --all-files --color never) >"$1" 2>&1
}

set +e
run_hooks "$work/first.log"
first=$?
set -e
echo "--- first run (exit $first, $((SECONDS - start)) s) ---"
cat "$work/first.log"
[ "$first" -ne 0 ] || fail "first run passed, expected failures"
grep -Eq '^schliff\.+Failed' "$work/first.log" || fail "check hook did not fail"
grep -q 'artikel.txt:1:15: whitespace/double-space' "$work/first.log" || fail "check hook did not list findings"
grep -Eq '^schliff \(fix\)\.+Failed' "$work/first.log" || fail "fix hook did not fail"
grep -q 'files were modified by this hook' "$work/first.log" || fail "fix hook did not modify the file"
cmp -s "$articles/artikel.txt" "$work/expected.txt" || {
    diff "$work/expected.txt" "$articles/artikel.txt" || true
    fail "fixed article differs from the expected text"
}

git_quiet -C "$articles" add -A
set +e
run_hooks "$work/second.log"
second=$?
set -e
echo "--- second run (exit $second) ---"
cat "$work/second.log"
[ "$second" -eq 0 ] || fail "second run did not pass"
grep -Eq '^schliff\.+Passed' "$work/second.log" || fail "check hook did not pass"
grep -Eq '^schliff \(fix\)\.+Passed' "$work/second.log" || fail "fix hook did not pass"

echo "OK pre-commit hooks ($((SECONDS - start)) s)"

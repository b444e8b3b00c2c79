#!/usr/bin/env bash
# Compares schliff's spell checker with Hunspell on a word list and reports
# how often they agree. Not run in CI: it installs Debian packages.
#
#   scripts/spell-diff.sh [WORDLIST] [LOCALE]
#
# WORDLIST has one word per line (UTF-8). Without it, the script samples
# every 25th word of Debian's `wngerman` list (correct words from the same
# igerman98 source) and adds a misspelt copy of each (two neighbouring
# letters swapped), so that both acceptance and rejection are compared.
# LOCALE is de_DE (default), de_AT or de_CH.
#
# Two comparisons are printed:
#   plain    spellbook with the same igerman98 files, nothing else: how
#            closely the engine reproduces Hunspell.
#   schliff  Speller::check_word: our word lists and rules on top, so its
#            extra acceptances are mostly intended.
#
# Needs root (or sudo) for apt-get the first time.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
locale="${2:-de_DE}"
case "$locale" in
    de_DE) pkg=hunspell-de-de ;;
    de_AT) pkg=hunspell-de-at ;;
    de_CH) pkg=hunspell-de-ch ;;
    *) echo "unknown locale $locale (de_DE, de_AT, de_CH)" >&2; exit 2 ;;
esac
export LC_ALL=C.UTF-8

need=()
command -v hunspell >/dev/null || need+=(hunspell)
[ -e "/usr/share/hunspell/$locale.dic" ] || need+=("$pkg")
if [ -z "${1:-}" ] && [ ! -e /usr/share/dict/ngerman ]; then need+=(wngerman); fi
if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# The comparison is only meaningful with the same dictionary files.
for ext in aff dic; do
    if ! cmp -s "/usr/share/hunspell/$locale.$ext" "$repo/dictionaries/$locale.$ext"; then
        echo "warning: /usr/share/hunspell/$locale.$ext differs from dictionaries/$locale.$ext" >&2
    fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Words only: letters and inner hyphens, so that Hunspell's own tokeniser
# sees each line as exactly one word.
filter() { grep -E '^[[:alpha:]]+(-[[:alpha:]]+)*$' | sort -u; }

if [ -n "${1:-}" ]; then
    filter <"$1" >"$work/words"
else
    awk 'NR % 25 == 0' /usr/share/dict/ngerman | filter >"$work/correct"
    # Misspell each: swap the two letters in the middle of the word (perl,
    # because mawk counts bytes, not characters).
    perl -CSD -ne 'chomp; my $n = length; next if $n < 4; my $i = int($n / 2) - 1;
        substr($_, $i, 2) = reverse substr($_, $i, 2); print "$_\n"' \
        "$work/correct" | filter >"$work/typos"
    sort -u "$work/correct" "$work/typos" >"$work/words"
fi
total=$(wc -l <"$work/words")
[ "$total" -gt 0 ] || { echo "no words to compare" >&2; exit 1; }

cargo build --quiet --release --example spellcheck --manifest-path "$repo/Cargo.toml"
bin="${CARGO_TARGET_DIR:-$repo/target}/release/examples/spellcheck"

hunspell -i utf-8 -d "$locale" -l <"$work/words" | sort -u >"$work/rej.hunspell"

report() { # name, file of words rejected by schliff
    local name="$1" ours="$2"
    local only_h only_s agree
    only_h=$(comm -23 "$work/rej.hunspell" "$ours" | wc -l)
    only_s=$(comm -13 "$work/rej.hunspell" "$ours" | wc -l)
    agree=$((total - only_h - only_s))
    awk -v n="$name" -v a="$agree" -v t="$total" -v h="$only_h" -v s="$only_s" 'BEGIN {
        printf "%-8s agreement %.2f%% (%d of %d words); rejected only by hunspell: %d, only by %s: %d\n",
            n, 100 * a / t, a, t, h, n, s
    }'
    echo "  examples rejected only by hunspell: $(comm -23 "$work/rej.hunspell" "$ours" | head -15 | tr '\n' ' ')"
    echo "  examples rejected only by $name: $(comm -13 "$work/rej.hunspell" "$ours" | head -15 | tr '\n' ' ')"
}

echo "locale $locale, $total words; hunspell rejects $(wc -l <"$work/rej.hunspell")"
"$bin" --locale "$locale" --plain <"$work/words" | sort -u >"$work/rej.plain"
report plain "$work/rej.plain"
"$bin" --locale "$locale" <"$work/words" | sort -u >"$work/rej.schliff"
report schliff "$work/rej.schliff"

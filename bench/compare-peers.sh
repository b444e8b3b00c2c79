#!/usr/bin/env bash
# Runs schliff and its peers on the same benchmark corpus in one run and
# prints a Markdown table: wall time, MB/s, peak RSS (GNU time) and the
# ratio schliff/peer (how many times faster the default schliff run is).
#
#   bench/compare-peers.sh                  # 100 MB folder; slow peers 10 MB, textlint 1 MB
#   bench/compare-peers.sh --slow-size 100  # every tool but textlint on 100 MB (~40 min)
#   bench/compare-peers.sh --size 10        # a quick run
#
# Peers are installed outside the repository, under $PEERS (default
# /tmp/schliff-peers): an npm prefix (cspell + @cspell/dict-de-de, textlint
# + rules) and a Python venv (typos, codespell, proselint). Hunspell and its
# German dictionary come from Debian (apt-get, needs root; skipped if absent).
# The corpus is built first if missing (bench/build-corpus.py).
#
# The slow peers (Hunspell, cspell, proselint: well under 1 MB/s) run on
# the --slow-size folder, 10 MB by default, and textlint (~0.003 MB/s) on the
# 1 MB folder only; MB/s makes the rows comparable, and extrapolating a run
# to 100 MB is size / MB/s (linear: every tool checks file by file). Tools
# exit non-zero when they find something; that is expected and ignored.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PEERS="${PEERS:-/tmp/schliff-peers}"
SIZE=100
SLOW_SIZE=10
while [ $# -gt 0 ]; do
  case "$1" in
    --size) SIZE="$2"; shift 2 ;;
    --slow-size) SLOW_SIZE="$2"; shift 2 ;;
    *) echo "usage: $0 [--size 1|10|100] [--slow-size 1|10|100]" >&2; exit 2 ;;
  esac
done

CORPUS="$ROOT/bench/corpus"
DIR="$CORPUS/articles-${SIZE}mb"
SLOW="$CORPUS/articles-${SLOW_SIZE}mb"
SMALL="$CORPUS/articles-1mb"
[ -d "$DIR" ] && [ -d "$SLOW" ] && [ -d "$SMALL" ] ||
  python3 "$ROOT/bench/build-corpus.py" --sizes "1,$SLOW_SIZE,$SIZE" --no-single

log() { echo "$*" >&2; }

# --- install the peers (once) ---------------------------------------------
if [ ! -x "$PEERS/venv/bin/typos" ]; then
  log "installing typos, codespell, proselint into $PEERS/venv"
  python3 -m venv "$PEERS/venv"
  "$PEERS/venv/bin/pip" install -q typos codespell proselint
fi
NPM="$PEERS/npm"
if [ ! -x "$NPM/node_modules/.bin/textlint" ] || [ ! -x "$NPM/node_modules/.bin/cspell" ]; then
  log "installing cspell and textlint into $NPM"
  mkdir -p "$NPM"
  npm install --prefix "$NPM" --no-audit --no-fund cspell @cspell/dict-de-de
  npm install --prefix "$NPM" --no-audit --no-fund textlint \
    @textlint-rule/textlint-rule-no-unmatched-pair textlint-rule-doubled-spaces \
    textlint-rule-no-nfd textlint-rule-no-zero-width-spaces textlint-rule-prh \
    textlint-rule-spelling dictionary-de
fi
if ! command -v hunspell >/dev/null || [ ! -f /usr/share/hunspell/de_DE.dic ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq hunspell hunspell-de-de >/dev/null
  else
    log "hunspell or hunspell-de-de missing (apt-get install hunspell hunspell-de-de); skipping it"
  fi
fi

# Peer configurations live beside the npm prefix, not in the repository.
cat > "$NPM/cspell.json" <<'EOF'
{ "version": "0.2", "language": "de-DE", "import": ["@cspell/dict-de-de/cspell-ext.json"] }
EOF
cat > "$NPM/prh.yml" <<'EOF'
version: 1
rules:
  - expected: Selenskyj
    patterns: [Selenski, Zelensky, Zelenskyy]
  - expected: Schoigu
    patterns: [Shoigu]
  - expected: E-Mail
    patterns: [Email, eMail]
  - expected: Website
    patterns: [Webseite]
EOF
cat > "$NPM/.textlintrc.json" <<EOF
{
  "rules": {
    "@textlint-rule/no-unmatched-pair": true,
    "doubled-spaces": true,
    "no-nfd": true,
    "no-zero-width-spaces": true,
    "prh": { "rulePaths": ["$NPM/prh.yml"] },
    "spelling": { "language": "de", "suggestCorrections": false }
  }
}
EOF

# --- build schliff ---------------------------------------------------------
(cd "$ROOT" && cargo build --release --quiet)
SCHLIFF="$ROOT/target/release/schliff"

# --- measure ---------------------------------------------------------------
mb() { find "$1" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {printf "%.2f", s / 1e6}'; }
MB=$(mb "$DIR")
SLOW_MB=$(mb "$SLOW")
SMALL_MB=$(mb "$SMALL")
CORES=$(nproc)
ROWS=()
BASE=""

# measure LABEL MEGABYTES COMMAND...: runs REPS times (the best run
# counts, the others are disturbed by whatever else the machine does) and
# records wall s, MB/s and peak RSS.
REPS=3
measure() {
  local label="$1" size="$2"; shift 2
  local t wall="" rss="" w r
  t=$(mktemp)
  log "running: $label"
  for _ in $(seq "$REPS"); do
    /usr/bin/time -f "%e %M" -o "$t" "$@" >/dev/null 2>&1 || true
    read -r w r < <(tail -n 1 "$t")
    if [ -z "$wall" ] || awk -v a="$w" -v b="$wall" 'BEGIN { exit !(a < b) }'; then
      wall="$w" rss="$r"
    fi
  done
  rm -f "$t"
  local rate
  rate=$(awk -v m="$size" -v w="$wall" 'BEGIN { printf "%.3g", m / (w > 0 ? w : 0.001) }')
  [ -z "$BASE" ] && BASE="$rate"
  local ratio
  ratio=$(awk -v b="$BASE" -v r="$rate" 'BEGIN { printf "%.1f", b / r }')
  local extrapolated
  extrapolated=$(awk -v m="$MB" -v r="$rate" 'BEGIN { printf "%.1f", m / r }')
  ROWS+=("| $label | $size | $wall | $rate | $((rss / 1024)) | $extrapolated | $ratio |")
}

FILES=$(find "$DIR" -name '*.txt' | sort)
"$SCHLIFF" check --exit-zero "$DIR" >/dev/null 2>&1 || true # warm the page cache
measure "schliff, default rules, $CORES threads" "$MB" "$SCHLIFF" check --exit-zero --format concise "$DIR"
measure "schliff, default rules, 1 thread" "$MB" "$SCHLIFF" check -j1 --exit-zero --format concise "$DIR"
measure "schliff --select spelling, $CORES threads" "$MB" "$SCHLIFF" check --select spelling --exit-zero --format concise "$DIR"
measure "schliff --select spelling, 1 thread" "$MB" "$SCHLIFF" check -j1 --select spelling --exit-zero --format concise "$DIR"
measure "schliff --ignore spelling, $CORES threads" "$MB" "$SCHLIFF" check --ignore spelling --exit-zero --format concise "$DIR"
measure "schliff --ignore spelling, 1 thread" "$MB" "$SCHLIFF" check -j1 --ignore spelling --exit-zero --format concise "$DIR"
measure "typos (speed reference), $CORES threads" "$MB" "$PEERS/venv/bin/typos" --format brief "$DIR"
measure "typos (speed reference), 1 thread" "$MB" "$PEERS/venv/bin/typos" -j1 --format brief "$DIR"
measure "codespell (speed reference), 1 thread" "$MB" "$PEERS/venv/bin/codespell" "$DIR"
REPS=1 # the slow peers run once
if command -v hunspell >/dev/null; then
  measure "hunspell -d de_DE -l (spelling only), 1 thread" "$SLOW_MB" \
    sh -c "find '$SLOW' -name '*.txt' -print0 | xargs -0 cat | hunspell -d de_DE -l"
fi
measure "cspell + dict-de-de, 1 thread" "$SLOW_MB" \
  "$NPM/node_modules/.bin/cspell" lint --no-progress --no-summary --config "$NPM/cspell.json" "$SLOW/**/*.txt"
measure "proselint, 1 thread" "$SLOW_MB" \
  sh -c "find '$SLOW' -name '*.txt' -print0 | xargs -0 '$PEERS/venv/bin/proselint' check"
measure "textlint (1 MB folder only), 1 thread" "$SMALL_MB" \
  "$NPM/node_modules/.bin/textlint" --config "$NPM/.textlintrc.json" --format unix "$SMALL/**/*.txt"

echo
echo "Corpus: $DIR ($MB MB, $(echo "$FILES" | wc -l) files); slow peers: $SLOW ($SLOW_MB MB); textlint: $SMALL ($SMALL_MB MB)."
echo "Machine: $CORES cores, $(lscpu | sed -n 's/^Model name: *//p'), $(date -u +%Y-%m-%d)."
echo
echo "| tool and mode | MB run | wall s | MB/s | peak RSS MB | s for $MB MB (extrapolated) | schliff default / tool |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${ROWS[@]}"

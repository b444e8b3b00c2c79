#!/usr/bin/env bash
# Runs examples/spark/job.py in Spark local mode on a JSONL corpus and shows
# that the answers equal those of running schliff directly. Not part of CI.
#
#   examples/spark/run-local.sh [INPUT.jsonl]
#
# Needs Java 17+ and Python 3. Installs pyspark from PyPI into a venv under
# /tmp (SPARK_VENV, default /tmp/schliff-spark/venv), never into the repo.
# The default input is bench/corpus/articles-10mb.jsonl (built if missing).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VENV="${SPARK_VENV:-/tmp/schliff-spark/venv}"
INPUT="${1:-$ROOT/bench/corpus/articles-10mb.jsonl}"

if [ ! -x "$VENV/bin/spark-submit" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q pyspark
fi
if [ ! -f "$INPUT" ]; then
  python3 "$ROOT/bench/build-corpus.py" --sizes 10 --no-single
fi
(cd "$ROOT" && cargo build --release --quiet)
SCHLIFF="$ROOT/target/release/schliff"

OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
export PYSPARK_PYTHON="$VENV/bin/python"
# Once for the findings, once with --fix for the normalized texts.
for mode in findings fix; do
  flag=""
  [ "$mode" = fix ] && flag="--fix"
  start=$(date +%s.%N)
  "$VENV/bin/spark-submit" --master "local[2]" --conf spark.ui.enabled=false \
    "$ROOT/examples/spark/job.py" --schliff "$SCHLIFF" $flag --partitions 4 "$INPUT" "$OUT/spark-$mode" \
    2> "$OUT/spark.log" || { tail -n 30 "$OUT/spark.log"; exit 1; }
  mid=$(date +%s.%N)
  "$SCHLIFF" check --input-format jsonl --exit-zero $flag < "$INPUT" > "$OUT/direct-$mode.jsonl"
  end=$(date +%s.%N)
  echo "$mode: spark local[2] $(echo "$mid - $start" | bc) s (JVM start included), direct $(echo "$end - $mid" | bc) s"
  "$VENV/bin/python" "$ROOT/examples/spark/compare.py" "$OUT/direct-$mode.jsonl" "$OUT/spark-$mode"/part-*
done

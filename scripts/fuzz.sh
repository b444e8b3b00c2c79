#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds each (default 60) with
# `cargo fuzz` on a stable toolchain (no sanitizer). Prints a skip message
# and exits 0 when cargo-fuzz is not installed (`cargo install cargo-fuzz`).
# Corpora grow in fuzz/corpus/<target> (not committed); crashes land in
# fuzz/artifacts/<target>: copy each into fuzz/regressions/<target>/, where
# tests/fuzz_checks.rs replays it on every `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-60}"
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "SKIP fuzzing: cargo-fuzz is not installed (cargo install cargo-fuzz)"
    exit 0
fi
targets=(check_spans fix config)
cargo fuzz build -s none 2>&1 | tail -1
for target in "${targets[@]}"; do
    case "$target" in
        config) seeds=seeds/config ;;
        *) seeds=seeds/text ;;
    esac
    mkdir -p "corpus/$target" "regressions/$target"
    echo "fuzz: $target for ${seconds}s"
    # -timeout: one input taking longer than 10 s counts as a hang.
    cargo fuzz run -s none "$target" "corpus/$target" "$seeds" "regressions/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
        2>"corpus/$target.log" || { tail -40 "corpus/$target.log"; exit 1; }
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|cov: ' "corpus/$target.log" | tail -3
done

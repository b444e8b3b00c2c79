#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds (default 60) with `cargo fuzz`
# on a stable toolchain (no sanitizer). The targets run at the same time,
# so the whole step takes SECONDS plus the build. Prints a skip message and
# exits 0 when cargo-fuzz is not installed (`cargo install cargo-fuzz`).
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
build_start=$SECONDS
cargo fuzz build -s none 2>&1 | tail -n 1
echo "fuzz targets built in $((SECONDS - build_start)) s"
declare -A pids
for target in "${targets[@]}"; do
    case "$target" in
        config) seeds=seeds/config ;;
        *) seeds=seeds/text ;;
    esac
    mkdir -p "corpus/$target" "regressions/$target"
    # -timeout: one input taking longer than 10 s counts as a hang.
    cargo fuzz run -s none "$target" "corpus/$target" "$seeds" "regressions/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
        >"corpus/$target.log" 2>&1 &
    pids[$target]=$!
done
echo "fuzzing ${targets[*]} for ${seconds} s"
failed=0
for target in "${targets[@]}"; do
    if wait "${pids[$target]}"; then
        runs=$(grep -E '^stat::number_of_executed_units' "corpus/$target.log" | awk '{print $2}')
        cov=$(grep -E 'DONE +cov:' "corpus/$target.log" | sed -E 's/.*cov: ([0-9]+) ft: ([0-9]+) corp: ([0-9]+).*/\1 edges, \2 features, corpus \3/')
        echo "fuzz $target: $runs runs, $cov, no crash"
    else
        echo "FAIL fuzz $target (input in fuzz/artifacts/$target):"
        tail -n 40 "corpus/$target.log"
        failed=1
    fi
done
exit "$failed"

#!/usr/bin/env bash
# Peak memory (max RSS, via GNU time) and wall time of `schliff check` on the
# same amount of text as one file and as many small files, and of
# `check --fix` on many files. Prints SKIP and exits 0 without GNU time
# (Debian package `time`). Uses target/release/schliff (built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! /usr/bin/time -f %M true >/dev/null 2>&1; then
    echo "SKIP memory benchmark: GNU time is not installed (apt-get install time)"
    exit 0
fi
[ -x target/release/schliff ] || cargo build --release --locked --quiet
bin="$PWD/target/release/schliff"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import os, sys
work = sys.argv[1]
para = ("Die Gemeinde prüft, ob sich der Umbau des Bahnhofs lohnt. Die Gespräche sollen in der "
        "kommenden Woche fortgesetzt werden, sagte ein Sprecher. Viele Anwohner begrüßen die "
        "Entscheidung  ausdrücklich.\n\n")
total = 20 << 20
def fill(folder, n):
    os.makedirs(folder)
    size = total // n
    text = (para * (size // len(para.encode()) + 1)).encode()[:size].decode(errors="ignore")
    for i in range(n):
        with open(os.path.join(folder, f"{i:06}.txt"), "w") as f:
            f.write(text.rstrip() + "\n")
fill(f"{work}/one", 1)
fill(f"{work}/files-2000", 2000)
fill(f"{work}/files-20000", 20000)
PY

measure() {
    local label="$1"
    shift
    /usr/bin/time -f "%M %e" -o "$work/time" "$bin" "$@" >/dev/null 2>&1 || true
    read -r kb seconds < <(tail -n 1 "$work/time")
    local mb=$(( $(du -sk --apparent-size "${@: -1}" | cut -f1) / 1024 ))
    printf '%-34s %6s MB text  peak RSS %5d MB  %6ss\n' "$label" "$mb" $((kb / 1024)) "$seconds"
}
echo "schliff memory ($(nproc) cores): 20 MB of text as one file and as many files"
measure "check, 1 file" check --format concise "$work/one"
measure "check, 2,000 files" check --format concise "$work/files-2000"
measure "check, 20,000 files" check --format concise "$work/files-20000"
measure "check --fix, 2,000 files" check --fix --format concise "$work/files-2000"
measure "check --fix, 1 file" check --fix --format concise "$work/one"

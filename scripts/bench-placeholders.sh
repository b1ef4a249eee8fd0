#!/usr/bin/env bash
# Benchmark, not a test: 3,000 schools that all typed the placeholder 无 as their code. They
# used to be one school in conflict with itself: every conflict line listed every other file
# (393 MB of messages, 2.1 GB of memory, nothing counted). Prints the time and peak memory of
# `ziping aggregate`, the size of what it printed, and how many files counted.
#   bash scripts/bench-placeholders.sh [N=3000]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-3000}"
dir="target/bench-files/placeholders-$n"
cargo build -q --release -p ziping-cli
cargo run -q --release -p ziping-cli --example generate -- "$dir" "$n" 1 无 >/dev/null
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
/usr/bin/time -f "%e %M" -o "$out/time" target/release/ziping aggregate "$dir" --csv "$out/schools.csv" >"$out/stdout" 2>"$out/stderr" || true
read -r seconds kb < "$out/time"
counted=$(grep -c ',正常,' "$out/schools.csv" || true)
echo "ziping aggregate, $n files all coded 无, $(nproc) cores: ${seconds} s, peak memory $((kb / 1024)) MB, printed $(( $(wc -c < "$out/stdout") + $(wc -c < "$out/stderr") )) bytes, $counted files counted as 正常"
tail -n 1 "$out/stderr"

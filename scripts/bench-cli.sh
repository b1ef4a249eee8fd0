#!/usr/bin/env bash
# Benchmark, not a test: `ziping aggregate` at province scale. Generates N distinct schools in
# COUNTIES counties once (cached under target/bench-files/), then times the command and reads
# its peak memory. Targets: 100,000 files ≤ 30 s on 2 cores, ≤ 1 GB.
#   bash scripts/bench-cli.sh [N=100000] [COUNTIES=120]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-100000}"
counties="${2:-120}"
dir="target/bench-files/province-$n"
cargo build -q --release -p ziping-cli
cargo run -q --release -p ziping-cli --example generate -- "$dir" "$n" "$counties"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
/usr/bin/time -f "%e %M" -o "$out/time" target/release/ziping aggregate "$dir" --csv "$out/schools.csv" >/dev/null 2>"$out/stderr" || true
read -r seconds kb < "$out/time"
echo "ziping aggregate, $n files in $counties counties ($(du -sh "$dir" | cut -f1) on disk), $(nproc) cores: ${seconds} s, peak memory $((kb / 1024)) MB"
tail -n 1 "$out/stderr"

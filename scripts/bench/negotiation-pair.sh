#!/usr/bin/env bash
# Paired negotiation runs: two builds of the space (or one build under two settings) run
# scripts/bench/negotiation-load.sh at the same time on the same cores, so whatever a shared host
# takes from the machine it takes from both. On this project's VM two copies of one build agreed
# within 2-5 % on CPU time per negotiation while their rates differed by up to 10 %, and single
# runs of one build moved by a third: compare the CPU column, not the rate (docs/benchmarks.md).
# A is the commit REV_A, checked out in a temporary worktree; B is this working tree. Both are
# measured by this working tree's load script. ENV_A / ENV_B add environment variables to one side
# (e.g. ENV_B="DOTNET_GCgen0size=0x2000000").
# Usage: [ENV_A=…] [ENV_B=…] scripts/bench/negotiation-pair.sh REV_A [ROUNDS=3] [SECONDS=30] [CLIENTS=8]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rev_a="${1:?usage: negotiation-pair.sh REV_A [ROUNDS] [SECONDS] [CLIENTS]}"
rounds="${2:-3}"; seconds="${3:-30}"; clients="${4:-8}"

side_a="$(mktemp -d -p "${BENCH_DIR:-/var/tmp}")"
cleanup() { git -C "$repo" worktree remove --force "$side_a/repo" >/dev/null 2>&1 || true; rm -rf "$side_a"; }
trap cleanup EXIT
git -C "$repo" worktree add --detach "$side_a/repo" "$rev_a" >/dev/null 2>&1
cp "$repo/scripts/bench/negotiation-load.sh" "$side_a/repo/scripts/bench/negotiation-load.sh"
# Both sides are built before the first round, so each round's two runs start their clocks together.
source "$repo/scripts/lib/bench-build.sh"
publish_dataspace "$side_a/repo" "$side_a/cli-a"; build_benchmarks "$side_a/repo"
publish_dataspace "$repo" "$side_a/cli-b"; build_benchmarks "$repo"

# One row of the load script's output: the rate and the CPU time per negotiation.
row() { grep '^| [0-9]* clients' "$1" | awk -F'|' '{gsub(/^ +| +$/, "", $4); gsub(/^ +| +$/, "", $8); print $4 "|" $8}'; }

echo "A = $(git -C "$repo" rev-parse --short "$rev_a")${ENV_A:+ with $ENV_A}; B = working tree${ENV_B:+ with $ENV_B}; $clients clients each, ${seconds} s after 25 s warm-up"
echo
echo "| round | A rate | A CPU ms per negotiation | B rate | B CPU ms per negotiation |"
echo "|---|---|---|---|---|"
for round in $(seq "$rounds"); do
  env FLOOR=0 WARMUP=25 PREBUILT="$side_a/cli-a" ${ENV_A:-} bash "$side_a/repo/scripts/bench/negotiation-load.sh" "$seconds" "$clients" >"$side_a/a.txt" 2>&1 & a=$!
  env FLOOR=0 WARMUP=25 PREBUILT="$side_a/cli-b" ${ENV_B:-} bash "$repo/scripts/bench/negotiation-load.sh" "$seconds" "$clients" >"$side_a/b.txt" 2>&1 & b=$!
  wait "$a" "$b" || { echo "error: a run failed:" >&2; tail -5 "$side_a/a.txt" "$side_a/b.txt" >&2; exit 1; }
  IFS='|' read -r rate_a cpu_a <<<"$(row "$side_a/a.txt")"
  IFS='|' read -r rate_b cpu_b <<<"$(row "$side_a/b.txt")"
  echo "| $round | $rate_a | $cpu_a | $rate_b | $cpu_b |"
done

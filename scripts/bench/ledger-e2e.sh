#!/usr/bin/env bash
# End-to-end ledger run with the real command: generate a signed ledger of N entries (every
# entry signed by two parties, verified at ingest, made durable with group commit), audit it,
# and prove and check one receipt. Prints a Markdown table for docs/benchmarks.md.
# Usage: scripts/bench/ledger-e2e.sh [ENTRIES=100000] [PARTIES=20]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
entries="${1:-100000}"
parties="${2:-20}"
# shellcheck source=scripts/lib/prerequisites.sh
source "$repo/scripts/lib/prerequisites.sh"
ensure_gnu_time

work="$(mktemp -d -p "${BENCH_DIR:-/var/tmp}")"
trap 'rm -rf "$work"' EXIT
source "$repo/scripts/lib/bench-build.sh"
publish_dataspace "$repo" "$work/cli"
dataspace=(dotnet "$work/cli/dataspace.dll")

# run LABEL UNITS CMD... : wall time, rate (UNITS / wall) and peak RSS of one run.
run() {
  local label="$1" units="$2"; shift 2
  /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || { cat "$work/err.txt" >&2; return 1; }
  awk -F': ' -v l="$label" -v u="$units" '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; wall = s }
    /Maximum resident set size/ { rss = $2 }
    END { printf "| %s | %.2f s | %.0f /s | %.0f MiB |\n", l, wall, u / wall, rss / 1024 }' "$work/time.txt"
}

echo "Ledger on $(df -P "$work" | awk 'NR == 2 { print $1 }'); $(nproc) cores; $(date -u +%Y-%m-%d)."
echo
echo "| step (${entries} entries, ${parties} parties) | wall | rate | peak RSS |"
echo "|---|---|---|---|"
run "dataspace ledger generate (sign ×2, verify ×2 at ingest, fsync per batch)" "$entries" \
  "${dataspace[@]}" ledger generate --entries "$entries" --parties "$parties" --out "$work/ledger"
run "dataspace audit (every signature, tree, checkpoints)" "$entries" "${dataspace[@]}" audit "$work/ledger"
run "dataspace ledger prove (one receipt)" 1 "${dataspace[@]}" ledger prove --ledger "$work/ledger" --index $((entries / 2))
cp "$work/out.txt" "$work/receipt.txt"
run "dataspace ledger check-proof" 1 "${dataspace[@]}" ledger check-proof --receipt "$work/receipt.txt" --log-key "$(cat "$work/ledger/log.vkey")"

#!/usr/bin/env bash
# Side-by-side, same run, same file: `dataspace seal` vs `age -r` and `dataspace open` vs `age -d`.
# Prints a Markdown table of wall time, throughput (MB/s, 10^6 bytes) and peak RSS for each,
# for docs/benchmarks.md. Usage: scripts/bench/age-compare.sh [SIZE_MIB=1024] [RUNS=3]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
size_mib="${1:-1024}"
runs="${2:-3}"
# shellcheck source=scripts/lib/prerequisites.sh
source "$repo/scripts/lib/prerequisites.sh"
ensure_age_tool
ensure_gnu_time

# On tmpfs when there is room, so the figures measure the tools and not the disk's writeback;
# BENCH_DIR=/some/disk/dir measures on that file system instead.
if [ -n "${BENCH_DIR:-}" ]; then
  work="$(mktemp -d -p "$BENCH_DIR")"
elif [ -d /dev/shm ] && [ "$(df -Pm /dev/shm | awk 'NR == 2 { print $4 }')" -gt $((size_mib * 4 + 512)) ]; then
  work="$(mktemp -d -p /dev/shm)"
else
  work="$(mktemp -d)"
fi
trap 'rm -rf "$work"' EXIT

source "$repo/scripts/lib/bench-build.sh"
publish_dataspace "$repo" "$work/cli"
dataspace=(dotnet "$work/cli/dataspace.dll")

"${dataspace[@]}" keys new --id 88.608.8889 --out "$work/key.json" >/dev/null
"${dataspace[@]}" keys age-identity "$work/key.json" > "$work/age.key"
recipient="$(grep -o 'age1[0-9a-z]*' "$work/age.key" | head -n1)"
head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$work/plain"
bytes=$(stat -c %s "$work/plain")
"${dataspace[@]}" seal --to "$recipient" --sign "$work/key.json" -i "$work/plain" -o "$work/sealed.age" 2>/dev/null
verifier="$("${dataspace[@]}" keys show "$work/key.json" | awk -F'"' '/verifierKey/ { print $4 }')"

# measure LABEL CMD... : best wall time of $runs runs, and the peak RSS of that run.
measure() {
  local label="$1"; shift
  local best="" best_rss=""
  for _ in $(seq "$runs"); do
    rm -f "$work/out"
    /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/err.txt" || { cat "$work/err.txt" >&2; return 1; }
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best="$wall"; best_rss="$rss"
    fi
  done
  awk -v l="$label" -v w="$best" -v r="$best_rss" -v b="$bytes" \
    'BEGIN { printf "| %s | %.2f s | %.0f MB/s | %.1f MiB |\n", l, w, b / w / 1e6, r / 1024 }'
}

echo "Files on $(df -P "$work" | awk 'NR == 2 { print $1 }'); $(nproc) cores; $(date -u +%Y-%m-%d)."
echo
echo "| command (${size_mib} MiB file, best of ${runs}) | wall | throughput | peak RSS |"
echo "|---|---|---|---|"
measure "dataspace seal --to age1…" "${dataspace[@]}" seal --to "$recipient" -i "$work/plain" -o "$work/out"
measure "age -r age1…" age -r "$recipient" -o "$work/out" "$work/plain"
measure "dataspace seal --sign (+ both SHA-256, manifest)" "${dataspace[@]}" seal --to "$recipient" --sign "$work/key.json" -i "$work/plain" -o "$work/out"
measure "dataspace open --key …" "${dataspace[@]}" open --key "$work/key.json" -i "$work/sealed.age" -o "$work/out"
measure "age -d -i …" age -d -i "$work/age.key" -o "$work/out" "$work/sealed.age"
measure "cp (floor: copying the file)" cp "$work/sealed.age" "$work/out"
measure "dataspace open --verify (+ both SHA-256, manifest)" "${dataspace[@]}" open --key "$work/key.json" -i "$work/sealed.age" -o "$work/out" --verify "$work/sealed.age.sig.json" --signer "$verifier"

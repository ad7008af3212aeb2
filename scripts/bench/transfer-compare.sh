#!/usr/bin/env bash
# Transfer throughput, side by side in one run on the same file: a full DataSpace transfer between
# two connector processes on loopback (read blob → age-encrypt → sign manifest → HTTP → verify →
# decrypt-check → store, plus the ledger entries before and after; after a 64 MiB warm-up transfer) vs `curl` copying the plain file
# from a static HTTP server vs the `age -r | age -d` pipeline (each also with its source read from
# disk and its output synced, as the connectors work). Prints a Markdown table with the
# throughput and the peak RSS of both connectors (VmHWM). Usage: scripts/bench/transfer-compare.sh [MiB=1024]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mib="${1:-1024}"
# shellcheck source=scripts/lib/prerequisites.sh
source "$repo/scripts/lib/prerequisites.sh"
ensure_age_tool

work="$(mktemp -d -p "${BENCH_DIR:-/var/tmp}")"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

source "$repo/scripts/lib/bench-build.sh"
publish_dataspace "$repo" "$work/cli"
dataspace=(dotnet "$work/cli/dataspace.dll")
wait_healthy() { for _ in $(seq 150); do curl -fs "$1/healthz" >/dev/null 2>&1 && return 0; sleep 0.2; done; echo "error: $1 did not start" >&2; return 1; }
seconds() { date +%s.%N; }
rate() { awk -v m="$mib" -v s="$1" 'BEGIN { printf "%.0f MiB/s", m / s }'; }
peak() { awk '/VmHWM/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$1/status"; }

head -c "$((mib << 20))" /dev/urandom > "$work/data.bin"
# Below the kernel's ephemeral range (32768+), where earlier connections may still hold a port.
b=$((21000 + RANDOM % 11000)); p=$((b + 1)); c=$((b + 2)); h=$((b + 3))

(cd "$repo" && exec "${dataspace[@]}" broker --data "$work/broker" --urls "http://127.0.0.1:$b" >"$work/broker.log" 2>&1) & pids+=($!)
"${dataspace[@]}" keys new --id 88.608.1001 --out "$work/steel.key.json" >/dev/null
"${dataspace[@]}" keys new --id 88.608.2002 --out "$work/parts.key.json" >/dev/null
(cd "$repo" && exec "${dataspace[@]}" connector --data "$work/steel" --urls "http://127.0.0.1:$p" --broker "http://127.0.0.1:$b" --key "$work/steel.key.json" >"$work/steel.log" 2>&1) & provider_pid=$!; pids+=($provider_pid)
(cd "$repo" && exec "${dataspace[@]}" connector --data "$work/parts" --urls "http://127.0.0.1:$c" --broker "http://127.0.0.1:$b" --key "$work/parts.key.json" >"$work/parts.log" 2>&1) & consumer_pid=$!; pids+=($consumer_pid)
wait_healthy "http://127.0.0.1:$b"; wait_healthy "http://127.0.0.1:$p"; wait_healthy "http://127.0.0.1:$c"

OP="Authorization: Bearer $(cat "$work/broker/operator.token")"
echo "{\"name\":\"Steel\",\"country\":\"CN\",\"sector\":\"C31\",\"securityProfile\":3,\"endpoint\":\"http://127.0.0.1:$p\"}" > "$work/steel.attrs.json"
echo "{\"name\":\"Parts\",\"country\":\"CN\",\"sector\":\"C36\",\"securityProfile\":3,\"securityAgreement\":true,\"endpoint\":\"http://127.0.0.1:$c\"}" > "$work/parts.attrs.json"
for party in steel parts; do
  "${dataspace[@]}" keys registration "$work/$party.key.json" --attributes "$work/$party.attrs.json" |
    curl -fs -X POST "http://127.0.0.1:$b/participants" -H "$OP" -H 'content-type: application/json' --data-binary @- >/dev/null
done
S="Authorization: Bearer $(cat "$work/steel/api.token")"; P="Authorization: Bearer $(cat "$work/parts/api.token")"
review=$(date -u -d '+1 year' +%Y-%m-%dT00:00:00Z); from=$(date -u -d '-1 day' +%Y-%m-%dT00:00:00Z); until=$(date -u -d '+30 days' +%Y-%m-%dT00:00:00Z)
echo "{\"category\":\"general\",\"domain\":\"production\",\"sector\":\"C31\",\"personalInfo\":{\"contains\":false},\"crossBorder\":{\"status\":\"domestic-only\",\"approvals\":[]},\"tradeSecret\":false,\"derivedFrom\":[],\"reviewBy\":\"$review\"}" > "$work/label.json"
# An asset registered, offered to the consumer and agreed; prints the agreement id.
agree() { # asset-id file
  curl -fs -X POST "http://127.0.0.1:$p/assets" -H "$S" -F id="$1" -F label=@"$work/label.json" -F file=@"$2" >/dev/null
  local offer
  offer=$(curl -fs -X POST "http://127.0.0.1:$p/offers" -H "$S" -H 'content-type: application/json' \
    -d "{\"assetId\":\"88.608.1001/$1\",\"terms\":{\"purposes\":[\"quality-analysis\"],\"validFrom\":\"$from\",\"validUntil\":\"$until\",\"maxUses\":5,\"delivery\":[\"copy\"],\"public\":false,\"audience\":[\"88.608.2002\"],\"notifyProvider\":false}}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["offer"]["id"])')
  curl -fs -X POST "http://127.0.0.1:$c/negotiations" -H "$P" -H 'content-type: application/json' \
    -d "{\"offerId\":\"$offer\",\"purpose\":\"quality-analysis\",\"destination\":\"CN\",\"terms\":{\"purposes\":[\"quality-analysis\"],\"validFrom\":\"$from\",\"validUntil\":\"$until\",\"maxUses\":5}}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["agreement"]["body"]["agreementId"])'
}
receive() { curl -fs -X POST "http://127.0.0.1:$c/received" -H "$P" -H 'content-type: application/json' -d "{\"agreementId\":\"$1\"}" >"$work/received.json"; }

# A long-running connector has compiled its transfer path long before a big transfer comes: warm
# both up with a 64 MiB transfer first, so the measured one is not also the JIT compiler's work.
head -c $((64 << 20)) /dev/urandom > "$work/warm.bin"
receive "$(agree WARM-1 "$work/warm.bin")"
agreement=$(agree BIG-1 "$work/data.bin")
# The set-up requests just made the request pipeline hot: let the runtime finish recompiling it
# (in the background, ~0.1 s of CPU) before the clock starts, as it long has in a running connector.
sleep 2

cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
provider_cpu0=$(cpu "$provider_pid"); consumer_cpu0=$(cpu "$consumer_pid")
t0=$(seconds)
receive "$agreement"
t1=$(seconds); dataspace_s=$(echo "$t1 - $t0" | bc)
provider_cpu=$(echo "$(cpu "$provider_pid") - $provider_cpu0" | bc); consumer_cpu=$(echo "$(cpu "$consumer_pid") - $consumer_cpu0" | bc)
provider_rss=$(peak "$provider_pid"); consumer_rss=$(peak "$consumer_pid")

(cd "$work" && exec python3 -m http.server "$h" --bind 127.0.0.1 >/dev/null 2>&1) & pids+=($!)
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$h/" && break; sleep 0.1; done
t0=$(seconds); curl -fs "http://127.0.0.1:$h/data.bin" -o "$work/copy.bin"; t1=$(seconds); curl_s=$(echo "$t1 - $t0" | bc)
rm -f "$work/copy.bin"

age-keygen -o "$work/age.key" 2>/dev/null
age_pipeline() { age -r "$(age-keygen -y "$work/age.key")" < "$work/data.bin" | age -d -i "$work/age.key" > "$work/plain.bin"; }
t0=$(seconds); age_pipeline; t1=$(seconds); age_s=$(echo "$t1 - $t0" | bc)
cmp -s "$work/plain.bin" "$work/data.bin"; rm -f "$work/plain.bin"

# The same two peers on the footing the connectors work on: the provider reads its asset from disk
# (its store keeps blobs out of the page cache) and the consumer has the data on disk before it
# signs the receipt. So the source is dropped from the page cache first and the copy is synced.
uncache() { python3 -c 'import os,sys; fd=os.open(sys.argv[1], os.O_RDONLY); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)' "$1"; }
uncache "$work/data.bin"
t0=$(seconds); curl -fs "http://127.0.0.1:$h/data.bin" -o "$work/copy.bin" && sync "$work/copy.bin"; t1=$(seconds); curl_disk_s=$(echo "$t1 - $t0" | bc)
rm -f "$work/copy.bin"; uncache "$work/data.bin"
t0=$(seconds); age_pipeline && sync "$work/plain.bin"; t1=$(seconds); age_disk_s=$(echo "$t1 - $t0" | bc)
cmp -s "$work/plain.bin" "$work/data.bin"; rm -f "$work/plain.bin"

echo "$mib MiB on $(nproc) cores, $(date -u +%Y-%m-%d), loopback; broker and both connectors as separate processes."
echo
echo "| path | time | throughput | peak RSS | CPU time |"
echo "|---|---|---|---|---|"
echo "| DataSpace transfer (POST /received, provider → consumer, verified and stored) | ${dataspace_s} s | $(rate "$dataspace_s") | provider $provider_rss, consumer $consumer_rss | provider ${provider_cpu} s, consumer ${consumer_cpu} s |"
echo "| curl from python3 -m http.server (plain copy) | ${curl_s} s | $(rate "$curl_s") | – | – |"
echo "| age -r \| age -d | ${age_s} s | $(rate "$age_s") | – | – |"
echo "| curl, source read from disk, copy synced to disk | ${curl_disk_s} s | $(rate "$curl_disk_s") | – | – |"
echo "| age -r \| age -d, source read from disk, output synced to disk | ${age_disk_s} s | $(rate "$age_disk_s") | – | – |"

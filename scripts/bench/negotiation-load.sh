#!/usr/bin/env bash
# Negotiation load: a broker (embedded policy, file ledger) and one provider connector run as the
# real `dataspace` processes; N consumer clients negotiate against the provider, back to back,
# for a fixed time. Prints a Markdown row per client count for docs/benchmarks.md: finalized
# negotiations per second, the p50/p99 latency of whole negotiations, and the CPU time per
# finalized negotiation of each process (the machine may be shared: CPU time is the steadier figure).
# After each, the protocol floor with as many clients: the same exchanges with no work (ProtocolFloor.cs).
# The clock starts after WARMUP seconds (default 20) of the same load: until then the runtime is still
# recompiling hot code (tiered JIT), which a broker that runs for days does once.
# FLOOR=0 leaves the floor out (to alternate builds or settings quickly).
# Usage: [WARMUP=20] [FLOOR=1] [PREBUILT=DIR] scripts/bench/negotiation-load.sh [SECONDS=20] [CLIENTS...=8 32]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-20}"; shift || true
warmup="${WARMUP:-20}"
clients=("${@:-8 32}")
[ $# -eq 0 ] && clients=(8 32)

work="$(mktemp -d -p "${BENCH_DIR:-/var/tmp}")"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# PREBUILT=DIR: `dataspace` is already published in DIR and the benchmarks are built (negotiation-pair.sh
# does so, so that two runs start their clocks together).
cli="${PREBUILT:-$work/cli}"
if [ -z "${PREBUILT:-}" ]; then
  source "$repo/scripts/lib/bench-build.sh"
  publish_dataspace "$repo" "$cli"
  build_benchmarks "$repo"
fi
dataspace=(dotnet "$cli/dataspace.dll")
bench=(dotnet "$repo/tests/DataSpace.Benchmarks/bin/Release/net10.0/DataSpace.Benchmarks.dll")
load=("${bench[@]}" negotiation-load)

wait_port() { for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.2; done; echo "error: nothing listens on $1" >&2; return 1; }
wait_healthy() { for _ in $(seq 100); do curl -fs "$1/healthz" >/dev/null 2>&1 && return 0; sleep 0.2; done; echo "error: $1 did not start" >&2; return 1; }

# The host's speed at the time, as a rough yardstick: this VM's cores ran the same code 1.7x faster
# on some nights than on some mornings (the figure itself moves too; docs/benchmarks.md).
host_speed() { command -v openssl >/dev/null && openssl speed -seconds 2 ed25519 2>/dev/null | awk '/Ed25519/ {printf "openssl Ed25519 %d verifications/s", $NF}'; }
echo "$(nproc) cores, $(date -u +%Y-%m-%d\ %H:%M) UTC, $(host_speed); broker and provider connector as separate processes on loopback."
echo
echo "| run | finalized | rate | p50 | p99 | failed | CPU ms per negotiation |"
echo "|---|---|---|---|---|---|---|"
for n in "${clients[@]}"; do
  rm -rf "$work/run"; mkdir -p "$work/run"
  # Below the kernel's ephemeral range (32768+), where the previous run's closed connections may still hold a port.
  bport=$((20000 + RANDOM % 12000)); cport=$((bport + 1))
  (cd "$repo" && exec "${dataspace[@]}" broker --data "$work/run/broker" --urls "http://127.0.0.1:$bport" >"$work/run/broker.log" 2>&1) & pids+=($!); broker=$!
  "${dataspace[@]}" keys new --id 88.608.1001 --out "$work/run/provider.key.json" >/dev/null
  (cd "$repo" && exec "${dataspace[@]}" connector --data "$work/run/provider" --urls "http://127.0.0.1:$cport" --broker "http://127.0.0.1:$bport" --key "$work/run/provider.key.json" >"$work/run/provider.log" 2>&1) & pids+=($!); provider=$!
  wait_healthy "http://127.0.0.1:$bport"; wait_healthy "http://127.0.0.1:$cport"
  "${load[@]}" --broker "http://127.0.0.1:$bport" --operator-token "$work/run/broker/operator.token" \
    --provider-key "$work/run/provider.key.json" --provider "http://127.0.0.1:$cport" --provider-api-token "$work/run/provider/api.token" \
    --clients "$n" --seconds "$seconds" --warmup "$warmup" --watch "broker=$broker,provider=$provider"
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=()

  [ "${FLOOR:-1}" = 0 ] && continue
  # The protocol floor, same client count: the same four exchanges between three processes with
  # bodies of the same sizes and no work, its services on the same JIT settings as `dataspace`.
  floor=(env DOTNET_TC_QuickJit=0 "${bench[@]}" protocol-floor)
  (exec "${floor[@]}" provider --urls "http://127.0.0.1:$cport" >"$work/run/floor-provider.log" 2>&1) & pids+=($!); provider=$!
  (exec "${floor[@]}" broker --urls "http://127.0.0.1:$bport" --provider "http://127.0.0.1:$cport" >"$work/run/floor-broker.log" 2>&1) & pids+=($!); broker=$!
  wait_port "$bport"; wait_port "$cport"
  "${bench[@]}" protocol-floor load --broker "http://127.0.0.1:$bport" --clients "$n" --seconds "$seconds" --warmup "$warmup" --watch "broker=$broker,provider=$provider"
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=()
done

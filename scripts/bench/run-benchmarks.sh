#!/usr/bin/env bash
# Runs the BenchmarkDotNet suites (tests/DataSpace.Benchmarks) on a quiet machine and leaves the
# Markdown reports in tests/DataSpace.Benchmarks/BenchmarkDotNet.Artifacts/results.
# Usage: scripts/bench/run-benchmarks.sh [FILTER...]   e.g. '*Age*' '*Ledger*' '*Rbac*'
# Default: every suite, with BenchmarkDotNet's short job (3 warm-ups, 3 measured iterations).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
filters=("$@")
if [ ${#filters[@]} -eq 0 ]; then
  filters=('*')
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "date:    $(date -u +%Y-%m-%dT%H:%MZ); load: $(cut -d' ' -f1-3 /proc/loadavg)"
cd "$repo/tests/DataSpace.Benchmarks"
dotnet run -c Release -- --filter "${filters[@]}" --job short --exporters github

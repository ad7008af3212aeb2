#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine with the .NET SDK, Node.js and apt:
# installs what the tests need and the machine lacks (the age tool, curl and jq, Azurite via npm ci), starts
# the services they use (Azurite on a free loopback port), runs
# `dotnet test` on the whole solution, stops the services again, and prints one summary line
# "N passed, M failed, K skipped". Exit code 0 only when every test passed.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

# shellcheck source=scripts/lib/prerequisites.sh
source "$repo/scripts/lib/prerequisites.sh"
# shellcheck source=scripts/lib/azurite.sh
source "$repo/scripts/lib/azurite.sh"
ensure_age_tool
ensure_shell_tools

log="$(mktemp)"
trap 'stop_azurite; rm -f "$log"' EXIT
start_azurite "$repo"

status=0
dotnet test --solution DataSpace.sln --configuration Release "$@" 2>&1 | tee "$log" || status=$?

# The Microsoft Testing Platform prints "total/failed/succeeded/skipped" per run; add them up.
awk '
  /^[[:space:]]*failed:[[:space:]]*[0-9]+/    { failed  += $2 }
  /^[[:space:]]*succeeded:[[:space:]]*[0-9]+/ { passed  += $2 }
  /^[[:space:]]*skipped:[[:space:]]*[0-9]+/   { skipped += $2 }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"

exit "$status"

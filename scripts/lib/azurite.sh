#!/usr/bin/env bash
# Starts Azurite's blob service (pinned in package.json) on a free loopback port for the tests and
# the demo, and stops it again. Sourced; call start_azurite, and stop_azurite from an EXIT trap.
# Exports DATASPACE_AZURITE_CONNECTION_STRING, which the tests and `dataspace demo --azurite` read.

AZURITE_PID=""
AZURITE_DIR=""

# The well-known development account every Azure Storage emulator accepts (it is public, not a secret).
azurite_account="devstoreaccount1"
azurite_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

_port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

_free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    if _port_is_free "$port"; then
      echo "$port"
      return 0
    fi
  done
  echo "error: no free loopback port found for Azurite" >&2
  return 1
}

ensure_azurite_installed() {
  local repo="$1"
  if [ -x "$repo/node_modules/.bin/azurite-blob" ] && [ "$repo/node_modules/.package-lock.json" -nt "$repo/package-lock.json" ]; then
    return 0
  fi
  echo "Installing Azurite (npm ci, pinned in package-lock.json)..." >&2
  (cd "$repo" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}

start_azurite() {
  local repo="$1"
  ensure_azurite_installed "$repo"
  local port
  port="$(_free_port)"
  AZURITE_DIR="$(mktemp -d)"
  "$repo/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$port" --location "$AZURITE_DIR" \
    --silent --skipApiVersionCheck --loose >"$AZURITE_DIR/azurite.log" 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 100); do
    if ! _port_is_free "$port"; then
      export DATASPACE_AZURITE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=${azurite_account};AccountKey=${azurite_key};BlobEndpoint=http://127.0.0.1:${port}/${azurite_account};"
      echo "Azurite blob service on 127.0.0.1:${port} (pid ${AZURITE_PID})" >&2
      return 0
    fi
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then
      cat "$AZURITE_DIR/azurite.log" >&2
      echo "error: Azurite exited before it listened" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "error: Azurite did not listen on 127.0.0.1:${port} within 10 s" >&2
  return 1
}

stop_azurite() {
  if [ -n "$AZURITE_PID" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
  if [ -n "$AZURITE_DIR" ]; then
    rm -rf "$AZURITE_DIR"
  fi
  AZURITE_PID=""
  AZURITE_DIR=""
}

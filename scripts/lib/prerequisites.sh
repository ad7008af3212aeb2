#!/usr/bin/env bash
# Installs the external tools the tests and benchmarks use when a machine lacks them.
# Sourced by scripts/test.sh and the benchmark scripts; every function is idempotent.

# Installs Debian packages with apt-get (through sudo when not root).
_apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# The standard `age` tool (Debian package "age"): the interop tests encrypt and decrypt with it.
ensure_age_tool() {
  if command -v age >/dev/null 2>&1 && command -v age-keygen >/dev/null 2>&1; then
    return 0
  fi
  echo "Installing the age tool (apt-get install -y age)..." >&2
  _apt_install age
  command -v age >/dev/null 2>&1 || { echo "error: could not install the age tool" >&2; return 1; }
}

# curl and jq: the end-to-end tests run README's "Run a space by hand" block, which uses both.
ensure_shell_tools() {
  local missing=()
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v jq >/dev/null 2>&1 || missing+=(jq)
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi
  echo "Installing ${missing[*]} (apt-get install -y ${missing[*]})..." >&2
  _apt_install "${missing[@]}"
}

# GNU time (Debian package "time"): the benchmark scripts read peak RSS from `/usr/bin/time -v`.
ensure_gnu_time() {
  if [ -x /usr/bin/time ]; then
    return 0
  fi
  _apt_install time
}

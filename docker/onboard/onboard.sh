#!/bin/sh
# Onboarding, as the broker operator: submits every participant's self-signed registration
# (written by docker/connector/entrypoint.sh on the connector's first start) to the broker with
# POST /participants and the operator credential. The broker checks the signature (proof that the
# participant holds the key) and the attributes, countersigns as operator and records the
# registration in the ledger. Safe to run again: an already registered participant is reported
# and skipped (409).
#
# Environment:
#   DATASPACE_BROKER_URL            the broker's base URL, e.g. http://broker:8080
#   DATASPACE_OPERATOR_TOKEN_FILE   the broker's operator credential (Broker:DataDirectory/operator.token)
#   DATASPACE_REGISTRATION_DIR      where the registrations are (<participant id>.json)
#   DATASPACE_PARTICIPANTS          optional: the participant ids to wait for (space-separated)
#   DATASPACE_ONBOARD_TIMEOUT       optional: seconds to wait for them and the token (default 120)
set -eu

broker="${DATASPACE_BROKER_URL:?set DATASPACE_BROKER_URL to the broker URL, e.g. http://broker:8080}"
broker="${broker%/}"
token_file="${DATASPACE_OPERATOR_TOKEN_FILE:?set DATASPACE_OPERATOR_TOKEN_FILE to the broker operator.token file}"
dir="${DATASPACE_REGISTRATION_DIR:?set DATASPACE_REGISTRATION_DIR to the folder of the registrations}"
expected="${DATASPACE_PARTICIPANTS:-}"
timeout="${DATASPACE_ONBOARD_TIMEOUT:-120}"

waited=0
wait_for() {
    while [ ! -s "$1" ]; do
        if [ "$waited" -ge "$timeout" ]; then
            echo "error: $1 did not appear within $timeout s ($2)" >&2
            exit 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

wait_for "$token_file" "the broker writes it on its first start"
token="$(tr -d '\r\n' <"$token_file")"
for id in $expected; do
    wait_for "$dir/$id.json" "the connector of $id writes it on its first start"
done

response="$(mktemp)"
trap 'rm -f "$response"' EXIT
failed=0
found=0
for file in "$dir"/*.json; do
    [ -e "$file" ] || continue
    found=$((found + 1))
    id="$(basename "$file" .json)"
    status="$(curl -sS -o "$response" -w '%{http_code}' -X POST \
        -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        --data-binary "@$file" "$broker/participants")" || status=000
    case "$status" in
        201) echo "registered $id" ;;
        409) echo "$id is already registered" ;;
        *)
            echo "error: registering $id failed ($status): $(cat "$response")" >&2
            failed=1
            ;;
    esac
done

if [ "$found" -eq 0 ]; then
    echo "error: no registration in $dir" >&2
    exit 1
fi
if [ "$failed" -ne 0 ]; then
    exit 1
fi
echo "onboarding done: $found participant(s) registered at $broker"

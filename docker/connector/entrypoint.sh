#!/bin/sh
# A connector's first start, then the connector itself.
#
# 1. Creates the participant key at Connector__KeyFile (in the connector's own keys volume) unless it
#    exists; a key file that belongs to another participant id stops the container.
# 2. Writes the participant's self-signed registration (a participant.registered entry: id, verifier
#    key, age recipient and DATASPACE_PARTICIPANT_ATTRIBUTES, signed by the new key as proof of
#    possession) to DATASPACE_REGISTRATION_DIR/<participant id>.json, and prints it with the command
#    the broker operator submits it with. The onboard service of docker-compose.yml does that.
# 3. Runs `dataspace connector` with the Connector__… configuration from the environment.
#
# Environment: DATASPACE_PARTICIPANT_ID (required), DATASPACE_PARTICIPANT_ATTRIBUTES (a JSON object:
# name, country, sector, securityProfile, … and endpoint = Connector__PublicUrl),
# DATASPACE_REGISTRATION_DIR (optional; without it, step 2 only prints), Connector__KeyFile (required).
set -eu

id="${DATASPACE_PARTICIPANT_ID:?set DATASPACE_PARTICIPANT_ID to this participant id, e.g. 88.608.1001}"
key="${Connector__KeyFile:?set Connector__KeyFile to the participant key file, e.g. /var/lib/dataspace/keys/key.json}"
attributes="${DATASPACE_PARTICIPANT_ATTRIBUTES:-}"

if [ ! -e "$key" ]; then
    mkdir -p "$(dirname "$key")"
    echo "creating the participant key of $id in $key" >&2
    dataspace keys new --id "$id" --out "$key" >/dev/null
fi

# `dataspace keys show` prints one member per line: "participantId": "…", "verifierKey": "…", "ageRecipient": "…".
public="$(dataspace keys show "$key")"
member() {
    printf '%s\n' "$public" | sed -n "s/^[[:space:]]*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p"
}
key_id="$(member participantId)"
verifier_key="$(member verifierKey)"
age_recipient="$(member ageRecipient)"
if [ -z "$key_id" ] || [ -z "$verifier_key" ] || [ -z "$age_recipient" ]; then
    echo "error: cannot read the public identity of $key from 'dataspace keys show'" >&2
    exit 3
fi
if [ "$key_id" != "$id" ]; then
    echo "error: $key is the key of $key_id, not of DATASPACE_PARTICIPANT_ID $id" >&2
    exit 3
fi

if [ -n "$attributes" ]; then
    unsigned="$(mktemp)"
    signed="$(mktemp)"
    trap 'rm -f "$unsigned" "$signed"' EXIT
    printf '{"type":"participant.registered","body":{"participantId":"%s","verifierKey":"%s","ageRecipient":"%s","attributes":%s}}\n' \
        "$key_id" "$verifier_key" "$age_recipient" "$attributes" >"$unsigned"
    dataspace sign --key "$key" -i "$unsigned" -o "$signed"
    if [ -n "${DATASPACE_REGISTRATION_DIR:-}" ]; then
        mkdir -p "$DATASPACE_REGISTRATION_DIR"
        cp "$signed" "$DATASPACE_REGISTRATION_DIR/$id.json.tmp"
        mv "$DATASPACE_REGISTRATION_DIR/$id.json.tmp" "$DATASPACE_REGISTRATION_DIR/$id.json"
        echo "registration of $id written to $DATASPACE_REGISTRATION_DIR/$id.json" >&2
    fi
    echo "the broker operator registers $id by submitting this entry with" >&2
    echo "  curl -H \"Authorization: Bearer \$(cat operator.token)\" -H 'Content-Type: application/json' --data-binary @$id.json <broker>/participants" >&2
    cat "$signed" >&2
    rm -f "$unsigned" "$signed"
    trap - EXIT
else
    echo "DATASPACE_PARTICIPANT_ATTRIBUTES is not set: no registration of $id written" >&2
fi

exec dataspace connector "$@"

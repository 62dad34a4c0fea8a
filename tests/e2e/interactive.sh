#!/usr/bin/env bash
# Runs interactive.exp on a fresh copy of the fixture graph and a fresh history file.
set -euo pipefail
kg=$1 fixture=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$kg" import "$fixture" --into "$work/tiny.db" >/dev/null
expect -f "$(dirname "$0")/interactive.exp" "$kg" "$work/tiny.db" "$work/history"
grep -qx 'show malta' "$work/history" || { echo "history file lacks 'show malta'"; exit 1; }

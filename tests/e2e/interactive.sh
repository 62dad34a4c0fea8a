#!/usr/bin/env bash
# Runs interactive.exp on a fresh copy of the fixture graph and a fresh history file.
set -euo pipefail
kg=$1 fixture=$2 generate=$3
# A generated graph on which exact betweenness runs long enough (about 1.5 s) to be interrupted.
# 4900 nodes stays under Limits::betweenness_exact_nodes (5000), so the measure is Brandes' exact
# one. The generator may draw an edge from a node to itself, which the importer refuses; those
# rows are dropped.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$kg" import "$fixture" --into "$work/tiny.db" >/dev/null
"$generate" --nodes 4900 --out "$work/generated" >/dev/null
awk -F, 'NR == 1 || $1 != $3' "$work/generated/edges.csv" > "$work/edges.csv"
mv "$work/edges.csv" "$work/generated/edges.csv"
"$kg" import "$work/generated" --into "$work/generated.db" >/dev/null
printf 'rank betweenness --top 3\nstats\n' > "$work/long.kg"
expect -f "$(dirname "$0")/interactive.exp" "$kg" "$work/tiny.db" "$work/history" "$work/generated.db" \
  "$work/long.kg"
grep -qx 'show malta' "$work/history" || { echo "history file lacks 'show malta'"; exit 1; }

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
# A pager that records what it is given; an init file and a ~/.kamergraafrc with an error.
printf '#!/bin/sh\ncat > "%s/paged.txt"\n' "$work" > "$work/pager.sh"
chmod +x "$work/pager.sh"
printf '.pager off\n' > "$work/init.kg"
mkdir "$work/home"
printf '.headers off\nbogus\n' > "$work/home/.kamergraafrc"
expect -f "$(dirname "$0")/interactive.exp" "$kg" "$work/tiny.db" "$work/history" "$work/generated.db" \
  "$work/long.kg" "$work"
grep -qx 'show malta' "$work/history" || { echo "history file lacks 'show malta'"; exit 1; }

fail() { echo "interactive: $*" >&2; exit 1; }
# The pager got the whole answer once, fitted to 80 columns, and nothing else.
paged=$work/paged-first.txt
[ "$(wc -l < "$paged")" -eq 21 ] || fail "the pager got $(wc -l < "$paged") lines, not 21"
[ "$(head -1 "$paged")" = \
  "depth  type       name       key        via        relation   reading   source" ] ||
  fail "the pager got another header: $(head -1 "$paged")"
grep -qx '1      actor      NAVO       navo       nederland  member_of  is lid …  kst-100…' "$paged" ||
  fail "the pager did not get NAVO's row fitted to 80 columns"
[ "$(tail -1 "$paged")" = "(18 rows)" ] || fail "the pager's text does not end in the row count"
[ "$(LC_ALL=C.UTF-8 wc -L < "$paged")" -le 80 ] || fail "a line given to the pager is wider than 80"
# .once wrote the whole table (a file is no terminal: no cells cut), and only that.
"$kg" --db "$work/tiny.db" --no-init -c types > "$work/types.txt"
cmp -s "$work/once.txt" "$work/types.txt" || fail ".once file differs: $(cat "$work/once.txt")"

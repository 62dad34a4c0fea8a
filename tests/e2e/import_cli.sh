#!/usr/bin/env bash
# End-to-end test of `kamergraaf import`: a clean import, then a broken copy of the fixture that
# must list every problem by file and line, exit 1, and leave the existing graph file as it was.
set -euo pipefail
kg=$1
fixture=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

out=$("$kg" import "$fixture" --into "$work/x.db")
[ "$out" = "imported 22 nodes and 22 edges into $work/x.db" ] || { echo "unexpected: $out"; exit 1; }
cp "$work/x.db" "$work/before.db"

cp -r "$fixture" "$work/broken"
printf 'nederland,lid_van,navo,kst-10000-1,p. 1,,\n' >> "$work/broken/edges.csv"
printf 'navo,actor,Dubbel,,,organisation\n' >> "$work/broken/nodes-actors.csv"
set +e
"$kg" import "$work/broken" --into "$work/x.db" >"$work/stdout" 2>"$work/stderr"
rc=$?
set -e
expected="$work/broken/edges.csv:24: error: unknown relation 'lid_van'
$work/broken/nodes-actors.csv:12: error: duplicate node key 'navo' (first at nodes-actors.csv:3)
import failed: 2 errors; $work/x.db was not changed"
[ "$rc" = 1 ] || { echo "exit status $rc, expected 1"; exit 1; }
[ "$(cat "$work/stderr")" = "$expected" ] || { echo "stderr differs:"; diff <(echo "$expected") "$work/stderr"; exit 1; }
[ ! -s "$work/stdout" ] || { echo "stdout not empty"; exit 1; }
cmp "$work/x.db" "$work/before.db" || { echo "graph file changed"; exit 1; }

set +e
"$kg" import "$fixture" >/dev/null 2>&1; rc=$?
set -e
[ "$rc" = 2 ] || { echo "missing --into: exit $rc, expected 2"; exit 1; }
echo ok

#!/usr/bin/env bash
# End-to-end test of `kamergraaf import`: a clean import, then a broken copy of the fixture that
# must list every problem by file and line, exit 1, and leave the existing graph file as it was;
# then the shipped GBVS dataset merged with a small draft folder and queried across both.
set -euo pipefail
kg=$1
fixture=$2
gbvs=$3        # datasets/gbvs-2020
draft=$4       # tests/fixtures/merge/gbvs-draft
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
set +e
"$kg" import --into "$work/y.db" >/dev/null 2>&1; rc=$?
set -e
[ "$rc" = 2 ] || { echo "no folder: exit $rc, expected 2"; exit 1; }

# Several folders: GBVS plus a draft that references GBVS nodes by key and type only.
"$kg" import "$gbvs" "$draft" --into "$work/merged.db" >"$work/stdout" 2>"$work/stderr"
expected="imported 434 nodes and 991 edges into $work/merged.db"
[ "$(cat "$work/stdout")" = "$expected" ] || { echo "merged import: $(cat "$work/stdout")"; exit 1; }
expected="$draft/types.csv:4: warning: type 'mission' is described differently at $gbvs/types.csv:5 (that description is kept)"
[ "$(cat "$work/stderr")" = "$expected" ] || { echo "merged stderr differs:"; diff <(echo "$expected") "$work/stderr"; exit 1; }
got=$("$kg" --db "$work/merged.db" -c 'path "Missie Oost" minusma' -c 'cites kst-99999-1' \
      -c 'show missie-oost' --format csv 2>&1)
expected='path,hop,from,relation,reading,to,source,locator
1,1,missie-oost,participates_in,heeft als deelnemer,nederland,kst-99999-1,"§ Inzet, p. 2"
1,2,nederland,participates_in,neemt deel aan,minusma,kst-33694-57,"§ Uitgelicht: Terroristische netwerken Sahel groeien zienderogen, p. 10"
key,name,title,cited at
kst-33694-57,"Kamerstuk 33 694, nr. 57",Tussenrapportage Geïntegreerde Buitenland- en Veiligheidsstrategie (GBVS),"p. 1, vn. 1"
relation,direction,reading,key,name,type,source,locator
participates_in,in,heeft als deelnemer,navo,NAVO,actor,kst-99999-1,"§ Inzet, p. 2"
participates_in,in,heeft als deelnemer,nederland,Nederland,actor,kst-99999-1,"§ Inzet, p. 2"'
[ "$got" = "$expected" ] || { echo "merged queries differ:"; diff <(echo "$expected") <(echo "$got"); exit 1; }
got=$("$kg" --db "$work/merged.db" -c 'stats' --format json)
case "$got" in
  *'"dataset":"gbvs-2020+gbvs-draft"'*) ;;
  *) echo "merged stats: $got"; exit 1 ;;
esac

# A draft that references a node no folder defines fails, naming the reference.
cp -r "$draft" "$work/bad-draft"
printf 'onbekend,actor,,,,\n' >> "$work/bad-draft/nodes.csv"
set +e
"$kg" import "$gbvs" "$work/bad-draft" --into "$work/merged.db" >/dev/null 2>"$work/stderr"; rc=$?
set -e
[ "$rc" = 1 ] || { echo "bad draft: exit $rc, expected 1"; exit 1; }
grep -qxF "$work/bad-draft/nodes.csv:6: error: node 'onbekend' is referenced here but defined in none of the folders" "$work/stderr" \
  || { echo "bad draft stderr:"; cat "$work/stderr"; exit 1; }
# A symbolic link loop in a folder is a located error with exit 1 (it was an uncaught
# std::filesystem_error, exit 134).
cp -r "$fixture" "$work/looped"
ln -s nodes-loop.csv "$work/looped/nodes-loop.csv"
set +e
"$kg" import "$work/looped" --into "$work/looped.db" >/dev/null 2>"$work/stderr"; rc=$?
set -e
expected="$work/looped/nodes-loop.csv: error: cannot read file (Too many levels of symbolic links)
import failed: 1 errors; $work/looped.db was not changed"
[ "$rc" = 1 ] || { echo "symlink loop: exit $rc, expected 1"; exit 1; }
[ "$(cat "$work/stderr")" = "$expected" ] || { echo "symlink loop stderr:"; cat "$work/stderr"; exit 1; }
echo ok

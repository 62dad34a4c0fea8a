#!/usr/bin/env bash
# End-to-end test of the graph formats of one answer: --format graphml and gexf on path and
# neighbours of the shipped graph (and a node card of the hostile fixture) read back with
# NetworkX and compared with what the same command prints in JSON (export_check.py); --format
# svg checked as XML (xmllint), for its legend, its cut-off caption and note, byte-for-byte
# determinism, .output to a file, and the errors without Graphviz or without a graph to draw.
set -euo pipefail
kg=$1
root=$2
here=$(cd "$(dirname "$0")" && pwd)
command -v dot >/dev/null || { echo "Graphviz's dot is not installed (graphviz; ./dev.sh test installs it)"; exit 1; }
. "$here/graph_formats_common.sh"
hostile_key=$(sqlite3 "$work/hostile.db" "SELECT key FROM nodes ORDER BY key LIMIT 1")

# GraphML and GEXF: the answer's nodes and edges, every property, read back by NetworkX.
i=0
while IFS='|' read -r graph command; do
  i=$((i + 1))
  db="$work/$graph.db"
  "$kg" --db "$db" --format json -c "$command" >"$work/$i.json"
  for format in graphml gexf; do
    out="$work/$i.$format"
    "$kg" --db "$db" --format "$format" -c "$command" >"$out" 2>"$work/stderr"
    if [ "$format" = graphml ]; then
      xmllint --noout --schema "$here/graphml.xsd" "$out" 2>"$work/xmllint" ||
        { cat "$work/xmllint"; exit 1; }
    else
      xmllint --noout "$out"
    fi
    "$py" "$here/export_check.py" "$format" "$db" "$out" "$work/$i.json" >"$work/check" ||
      { echo "$format of '$command' on $graph"; exit 1; }
  done
done <<EOF
gbvs|path rusland opcw
gbvs|neighbours minusma --depth 2
gbvs|paths iran "straat-van-hormuz" --k 3
gbvs|common rusland china
hostile|show $hostile_key
EOF
# The neighbourhood is all there, not cut as the picture is: 182 nodes.
expect_eq "neighbours graphml nodes" \
  "$("$py" -c 'import networkx, sys; print(networkx.read_graphml(sys.argv[1]).number_of_nodes())' "$work/2.graphml")" 182

# SVG of a neighbourhood too large to draw: cut to 50 nodes, said on stderr and in the picture.
"$kg" --db "$work/gbvs.db" --format svg -c "neighbours minusma --depth 2" >"$work/m.svg" 2>"$work/m.err"
xmllint --noout "$work/m.svg"
expect_eq "cut picture: stderr" "$(cat "$work/m.err")" \
  "note: picture shows 50 of 182 nodes, the nearest (by depth, then the least connected); --format dot, graphml or gexf has them all"
"$py" "$here/svg_check.py" "$work/m.svg" "$work/2.graphml" "$work/2.json" 50 \
  "picture shows 50 of 182 nodes: the 132 farthest from the question are left out"
"$kg" --db "$work/gbvs.db" --format svg -c "neighbours minusma --depth 2" >"$work/m2.svg" 2>/dev/null
cmp "$work/m.svg" "$work/m2.svg" || { echo "the same answer drew different SVG bytes"; exit 1; }

# SVG of a path with --why: whole, no note, every edge labelled with its relation and paper.
"$kg" --db "$work/gbvs.db" --format svg -c "path rusland opcw --why" >"$work/p.svg" 2>"$work/p.err"
xmllint --noout "$work/p.svg"
expect_eq "path picture: stderr" "$(cat "$work/p.err")" ""
"$py" "$here/svg_check.py" "$work/p.svg" "$work/1.graphml" "$work/1.json" all "" --why

# Hostile names (quotes, <, &, newlines, control characters) still make valid XML.
"$kg" --db "$work/hostile.db" --format svg -c "show $hostile_key" >"$work/h.svg"
xmllint --noout "$work/h.svg"
"$py" "$here/svg_check.py" "$work/h.svg" "$work/5.graphml" "$work/5.json" all ""

# .mode svg and .output FILE in a script: the picture goes to the file, nothing to stdout.
printf '.mode svg\n.output %s\npath rusland opcw\n.output\n.mode\n' "$work/o.svg" >"$work/o.kg"
expect_eq ".output: stdout" "$("$kg" --db "$work/gbvs.db" -f "$work/o.kg")" \
  "$("$kg" --db "$work/gbvs.db" -c '.mode svg' -c '.mode')"
xmllint --noout "$work/o.svg"
"$kg" --db "$work/gbvs.db" --format svg -c "path rusland opcw" | cmp - "$work/o.svg" ||
  { echo ".output wrote another picture than stdout"; exit 1; }

run() {  # expected status, expected stderr, arguments...
  local want_rc=$1 want_err=$2
  shift 2
  set +e
  "$kg" "$@" >"$work/stdout" 2>"$work/stderr"
  local rc=$?
  set -e
  expect_eq "exit status of $*" "$rc" "$want_rc"
  expect_eq "stderr of $*" "$(cat "$work/stderr")" "$want_err"
  [ ! -s "$work/stdout" ] || { echo "stdout of $* not empty"; exit 1; }
}
for format in graphml gexf svg; do
  run 1 "error: this answer has no graph to draw: --format $format works with path, paths, neighbours, common and show" \
    --db "$work/gbvs.db" --format "$format" -c "stats"
done
# Without Graphviz the picture fails with what to install; the other formats do not need it.
set +e
PATH=/nonexistent "$kg" --db "$work/gbvs.db" --format svg -c "path rusland opcw" >"$work/stdout" 2>"$work/stderr"
rc=$?
set -e
expect_eq "without dot: exit status" "$rc" 1
expect_eq "without dot: stderr" "$(cat "$work/stderr")" \
  "error: --format svg needs Graphviz's dot program, which is not on PATH (Debian: apt-get install graphviz)"
[ ! -s "$work/stdout" ] || { echo "without dot: stdout not empty"; exit 1; }
PATH=/nonexistent "$kg" --db "$work/gbvs.db" --format gexf -c "path rusland opcw" | xmllint --noout -
echo ok

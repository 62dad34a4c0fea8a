#!/usr/bin/env bash
# End-to-end test of `kamergraaf export`: the shipped GBVS graph and the hostile fixture in all
# three formats, GraphML validated with xmllint against tests/e2e/graphml.xsd, every export read
# back (NetworkX for GraphML and GEXF, the header-format checker for Neo4j) and compared with
# the graph file itself by export_check.py; then exit codes and messages for bad requests.
set -euo pipefail
kg=$1
root=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/graph_formats_common.sh"

for graph in gbvs hostile; do
  db="$work/$graph.db"
  for format in graphml gexf neo4j; do
    out="$work/$graph.$format"
    "$kg" export "$db" --to "$format" --into "$out" >"$work/stdout" 2>"$work/stderr"
    case $graph in
      gbvs) counts="432 nodes and 988 edges" ;;
      hostile) counts="7 nodes and 5 edges" ;;
    esac
    expect_eq "$graph $format stdout" "$(cat "$work/stdout")" "exported $counts to $out ($format)"
    want_err=""
    if [ "$graph" = hostile ] && [ "$format" = graphml ]; then
      want_err="note: 3 characters that XML 1.0 cannot hold were written as U+FFFD"
    elif [ "$graph" = hostile ] && [ "$format" = gexf ]; then
      want_err="note: 4 characters that XML 1.0 cannot hold were written as U+FFFD"
    fi
    expect_eq "$graph $format stderr" "$(cat "$work/stderr")" "$want_err"
    if [ "$format" = graphml ]; then
      xmllint --noout --schema "$here/graphml.xsd" "$out" 2>"$work/xmllint" ||
        { cat "$work/xmllint"; exit 1; }
    fi
    [ "$format" = gexf ] && xmllint --noout "$out"
    "$py" "$here/export_check.py" "$format" "$db" "$out"
  done
done

# A file is replaced; a neo4j folder that is not empty is refused unless --force.
"$kg" export "$work/hostile.db" --to graphml --into "$work/gbvs.graphml" >/dev/null 2>&1
"$py" "$here/export_check.py" graphml "$work/hostile.db" "$work/gbvs.graphml" >/dev/null
set +e
"$kg" export "$work/hostile.db" --to neo4j --into "$work/gbvs.neo4j" >"$work/stdout" 2>"$work/stderr"
rc=$?
set -e
expect_eq "refused folder: exit status" "$rc" 1
expect_eq "refused folder: stderr" "$(cat "$work/stderr")" \
  "$work/gbvs.neo4j: error: folder is not empty (use --force to replace it)"
"$py" "$here/export_check.py" neo4j "$work/gbvs.db" "$work/gbvs.neo4j" >/dev/null
"$kg" export "$work/hostile.db" --to neo4j --into "$work/gbvs.neo4j" --force >/dev/null
"$py" "$here/export_check.py" neo4j "$work/hostile.db" "$work/gbvs.neo4j" >/dev/null

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
run 2 "kamergraaf: error: unknown export format 'dot' (use graphml, gexf or neo4j)" \
  export "$work/gbvs.db" --to dot --into "$work/x.dot"
run 2 "kamergraaf: error: $work/none.db: cannot open graph file: unable to open database file" \
  export "$work/none.db" --to gexf --into "$work/x.gexf"
run 1 "$work/no/such/x.gexf: error: cannot write: No such file or directory" \
  export "$work/gbvs.db" --to gexf --into "$work/no/such/x.gexf"
run 1 "$work: error: is a folder, not a file" export "$work/gbvs.db" --to graphml --into "$work"
[ ! -e "$work/x.gexf" ] && [ ! -e "$work/x.dot" ] || { echo "a failed export left a file"; exit 1; }
set +e
"$kg" export "$work/gbvs.db" --to gexf >/dev/null 2>&1; rc=$?
set -e
expect_eq "missing --into: exit status" "$rc" 2
echo ok

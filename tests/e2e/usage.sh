#!/usr/bin/env bash
# Usage errors exit with status 2 and one line on stderr; nothing runs.
set -uo pipefail
kg=$1
fixture=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$kg" import "$fixture" --into "$work/tiny.db" >/dev/null || exit 1
fail=0

expect() {  # expect STATUS STDERR -- ARGS...
  local want_rc=$1 want_err=$2; shift 3
  local out err rc
  out=$("$kg" "$@" 2>"$work/err"); rc=$?
  err=$(sed "s#$work#<work>#g" "$work/err")
  if [ "$rc" != "$want_rc" ] || [ "$err" != "$want_err" ]; then
    echo "kamergraaf $*: got exit $rc, stderr [$err]; expected exit $want_rc, stderr [$want_err]"
    fail=1
  fi
  if [ "$want_rc" = 2 ] && [ -n "$out" ]; then echo "kamergraaf $*: stdout not empty: $out"; fail=1; fi
}

expect 2 "kamergraaf: error: cannot read query file '<work>/none.kg'" -- --db "$work/tiny.db" -c stats -f "$work/none.kg"
expect 2 "kamergraaf: error: <work>/none.db: cannot open graph file: unable to open database file" -- --db "$work/none.db" -c stats
printf 'not a graph' > "$work/text.db"
expect 2 "kamergraaf: error: <work>/text.db: not a kamergraaf graph file (not an SQLite database)" -- --db "$work/text.db" -c stats
expect 2 "--format: xml not in {table,csv,tsv,json,dot,graphml,gexf,svg}
Run with --help for more information." -- --db "$work/tiny.db" --format xml -c stats
expect 2 "The following argument was not expected: --bogus
Run with --help for more information." -- --db "$work/tiny.db" --bogus
expect 0 "" -- --db "$work/tiny.db" -c 'show malta'
KAMERGRAAF_DB="$work/tiny.db" "$kg" -c 'stats' | grep -q '^dataset      tiny$' || { echo "KAMERGRAAF_DB not used"; fail=1; }
# Without --db or $KAMERGRAAF_DB the shipped GBVS graph (built next to the binary) opens.
env -u KAMERGRAAF_DB "$kg" -c 'stats' | grep -q '^dataset      gbvs-2020$' || { echo "default graph is not gbvs-2020"; fail=1; }
expect 2 "kamergraaf: error: --db needs a file name" -- --db "" -c stats
# -c and -f run in the order given: the file's show is CSV (an empty card), then JSON.
printf 'show malta\n' > "$work/q.kg"
order=$("$kg" --db "$work/tiny.db" -c '.mode csv' -f "$work/q.kg" -c '.mode json' -c 'cites kst-10000-1' | head -c 300)
case "$order" in
  "relation,direction,reading,key,name,type,source,locator"*'{"nodes":[{"key":"kst-10000-2"'*) ;;
  *) echo "-c/-f order not kept: $order"; fail=1 ;;
esac
"$kg" --help | grep -q -- '--bail' || { echo "--help does not list --bail"; fail=1; }

# Hostile inputs (the reliability issue): a folder as query file, endless input without a line
# end, output that cannot be written.
mkdir -p "$work/dir.kg"
expect 2 "kamergraaf: error: cannot read query file '<work>/dir.kg': it is a folder" -- --db "$work/tiny.db" -f "$work/dir.kg"
expect 1 "/dev/zero:1: error: line longer than 1 MiB; not a query file, stopped reading it" -- --db "$work/tiny.db" -f /dev/zero
if [ -w /dev/full ]; then
  "$kg" --db "$work/tiny.db" -c stats >/dev/full 2>"$work/err"; rc=$?
  [ "$rc" = 1 ] && [ "$(cat "$work/err")" = "error: cannot write standard output: No space left on device" ] ||
    { echo "-c stats >/dev/full: exit $rc, stderr [$(cat "$work/err")]"; fail=1; }
  expect 1 "error: cannot write '/dev/full': No space left on device" -- --db "$work/tiny.db" -c '.output /dev/full' -c stats
fi
printf 'show \033[31mrood\n' > "$work/esc.kg"
expect 1 "<work>/esc.kg:1: error: no node matches '\\x1b[31mrood'" -- --db "$work/tiny.db" -f "$work/esc.kg"

# sqlite3's habits: the graph as first argument, -f - for stdin, --json and --csv, an init file.
[ "$("$kg" "$work/tiny.db" -c 'stats' --csv | sed -n 2p)" = "nodes,22" ] || { echo "kamergraaf FILE.db"; fail=1; }
[ "$(echo stats | "$kg" "$work/tiny.db" -f - --json | head -c 12)" = '{"nodes":22,' ] || { echo "-f - or --json"; fail=1; }
expect 2 "kamergraaf: error: give the graph file once: --db FILE or FILE, not both" -- "$work/tiny.db" --db "$work/tiny.db" -c stats
expect 2 "kamergraaf: error: give one output format: --format, --json or --csv" -- "$work/tiny.db" --json --csv -c stats
printf '.mode csv\nbogus\n' > "$work/rc.kg"
expect 1 "<work>/rc.kg:2: error: unknown command 'bogus'; type help for the list" -- "$work/tiny.db" --init "$work/rc.kg" -c stats
[ "$("$kg" "$work/tiny.db" --init "$work/rc.kg" -c stats 2>/dev/null | head -n 1)" = "statistic,value" ] || { echo "--init settings not applied"; fail=1; }
expect 2 "kamergraaf: error: cannot read init file '<work>/none.kg'" -- "$work/tiny.db" --init "$work/none.kg" -c stats
mkdir -p "$work/home" && printf '.mode json\n' > "$work/home/.kamergraafrc"
[ "$(HOME="$work/home" "$kg" "$work/tiny.db" -c stats | head -c 1)" = "{" ] || { echo "~/.kamergraafrc not read"; fail=1; }
[ "$(HOME="$work/home" "$kg" "$work/tiny.db" --no-init -c stats | head -c 9)" = "statistic" ] || { echo "--no-init"; fail=1; }
exit $fail

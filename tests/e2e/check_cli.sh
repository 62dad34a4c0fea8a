#!/usr/bin/env bash
# End-to-end test of `kamergraaf check FILE` and `--verify`: a sound file passes, the issue's
# damaged file (one edge pointed at another valid node) and a changed metadata value are refused
# with one line, and no query is answered from them; a damaged snapshot file is refused by check
# and noted by a query, which answers from the graph file.
set -euo pipefail
kg=$1
fixture=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$kg" import "$fixture" --into "$work/x.db" >/dev/null

expect() {  # expect WHAT WANT_RC WANT_STDOUT WANT_STDERR_PREFIX COMMAND...
  local what=$1 want_rc=$2 want_out=$3 want_err=$4 rc=0
  shift 4
  "$@" >"$work/stdout" 2>"$work/stderr" || rc=$?
  [ "$rc" = "$want_rc" ] || { echo "$what: exit $rc, expected $want_rc"; cat "$work/stderr"; exit 1; }
  [ "$(cat "$work/stdout")" = "$want_out" ] || { echo "$what: stdout: $(cat "$work/stdout")"; exit 1; }
  [ "$(wc -l <"$work/stderr")" -le 1 ] || { echo "$what: more than one line on stderr"; exit 1; }
  case "$(cat "$work/stderr")" in
    "$want_err"*) ;;
    *) echo "$what: stderr: $(cat "$work/stderr")"; exit 1 ;;
  esac
}

expect "sound file" 0 "$work/x.db: ok (22 nodes, 22 edges, checksum verified)" "" "$kg" check "$work/x.db"
expect "--verify on a sound file" 0 \
  "Chemischwapenverdrag ←is partij bij— Nederland —neemt deel aan→ MINUSMA —is actief in→ Mali —is actief in→ Sahel  (4 hops)" \
  "" "$kg" --verify --db "$work/x.db" -c 'path cwv sahel'

# The issue's reproduction, now in the rows (graph files have no image since snapshot files): the
# edge with id 8 pointed at another valid node, as damage would, without the trigger that would
# drop the checksum on an honest edit.
cp "$work/x.db" "$work/bad.db"
sqlite3 "$work/bad.db" "DROP TRIGGER edges_changed_u; UPDATE edges SET to_id = (to_id + 3) % 22 WHERE id = 8"
expect "check on the issue's file" 1 "" "$work/bad.db: error: damaged graph file: checksum does not match" \
  "$kg" check "$work/bad.db"
expect "path on the issue's file" 2 "" "kamergraaf: error: $work/bad.db: damaged graph file: checksum does not match" \
  "$kg" --db "$work/bad.db" -c 'path cwv sahel'

# The same damage in the snapshot file beside a sound graph file: out.target entry 8 (section 11;
# its offset is the u64 at byte 96 + 16 * 11 of the header) changed. check refuses it; a query
# notes it in one line and answers from the graph file.
mkdir "$work/snap" && cp "$work/x.db" "$work/x.db.snap" "$work/snap/"
offset=$(od -An -t u8 -j 272 -N 8 "$work/snap/x.db.snap" | tr -d ' ')
printf '\x14' | dd of="$work/snap/x.db.snap" bs=1 seek=$((offset + 32)) conv=notrunc status=none
expect "check on a damaged snapshot" 1 "" \
  "$work/snap/x.db.snap: error: damaged snapshot file: checksum does not match" \
  "$kg" check "$work/snap/x.db"
expect "path beside a damaged snapshot" 0 \
  "Chemischwapenverdrag ←is partij bij— Nederland —neemt deel aan→ MINUSMA —is actief in→ Mali —is actief in→ Sahel  (4 hops)" \
  "note: $work/snap/x.db.snap: damaged snapshot file: checksum does not match; reading the graph file without it" \
  "$kg" --db "$work/snap/x.db" -c 'path cwv sahel'

cp "$work/x.db" "$work/meta.db"
sqlite3 "$work/meta.db" "UPDATE meta SET value = 'elders' WHERE name = 'dataset'"
expect "--verify on changed metadata" 2 "" "kamergraaf: error: $work/meta.db: damaged graph file: checksum" \
  "$kg" --verify --db "$work/meta.db" -c stats
expect "check on changed metadata" 1 "" "$work/meta.db: error: damaged graph file: checksum does not match" \
  "$kg" check "$work/meta.db"

expect "check on a missing file" 2 "" "$work/none.db: error: cannot open graph file" "$kg" check "$work/none.db"
echo "check_cli: ok"

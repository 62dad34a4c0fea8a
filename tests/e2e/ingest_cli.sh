#!/usr/bin/env bash
# End-to-end test of `kamergraaf ingest`: the fixture papers (a modern letter's text layer and a
# small OCR corpus with one malformed line) drafted against the tiny fixture graph must give the
# hand-checked draft in tests/e2e/ingest.expected/, byte for byte and every time; the draft imports
# together with the fixture and answers a question that crosses both; the target rules hold
# (refused when it exists, --force only over a draft, nothing written on a bad input).
#   ingest_cli.sh KAMERGRAAF FIXTURE_DIR PAPERS_DIR EXPECTED_DIR
set -euo pipefail
kg=$1
fixture=$2
papers=$3
expected=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$kg" import "$fixture" --into "$work/tiny.db" >/dev/null

# A draft, and the same draft again: identical files.
"$kg" ingest "$papers/kst-10000-3.txt" "$papers/corpus.jsonl" --graph "$work/tiny.db" \
  --into "$work/draft" >"$work/stdout" 2>"$work/stderr" || fail "ingest exited $?: $(cat "$work/stderr")"
[ "$(cat "$work/stdout")" = "ingested 3 papers into $work/draft: 2 identified, 10 citations, 13 mentions, 0 already in the graph, 1 skipped; 1 candidates in review.csv" ] ||
  fail "summary: $(cat "$work/stdout")"
[ "$(cat "$work/stderr")" = "$papers/corpus.jsonl:2: error: malformed JSON at column 53; line skipped" ] ||
  fail "stderr: $(cat "$work/stderr")"
diff -r "$expected" "$work/draft" >"$work/diff" || { cat "$work/diff"; fail "draft differs from $expected"; }
"$kg" ingest "$papers/kst-10000-3.txt" "$papers/corpus.jsonl" --graph "$work/tiny.db" \
  --into "$work/again" >/dev/null 2>&1
diff -r "$work/draft" "$work/again" >/dev/null || fail "a second ingest of the same input differs"

# The draft imports with the graph it refers to, and a question crosses both.
"$kg" import "$fixture" "$work/draft" --into "$work/both.db" >/dev/null 2>"$work/stderr" ||
  fail "import of fixture + draft: $(cat "$work/stderr")"
out=$("$kg" --db "$work/both.db" -c 'cited-by kst-10000-1' --format csv)
echo "$out" | grep -q '^kst-10000-3,' || fail "cited-by kst-10000-1 lacks the ingested letter: $out"
# The OCR paper names NAVO (a fact of the draft); NAVO's members and their treaties are curated.
out=$("$kg" --db "$work/both.db" -c 'path kst-21000-X-5 inf-verdrag' --format csv)
[ "$out" = 'path,hop,from,relation,reading,to,source,locator
1,1,kst-21000-X-5,mentions,noemt,navo,kst-21000-X-5,p. 1
1,2,navo,member_of,heeft als lid,vs,kst-10000-1,"§ Bondgenootschap, p. 1"
1,3,vs,party_to,is partij bij,inf-verdrag,kst-10000-2,"§ Wapenbeheersing, p. 2"' ] || fail "path from the OCR paper to the INF-verdrag: $out"

# The target: refused when it exists, replaced with --force only when it is a draft.
set +e
"$kg" ingest "$papers/kst-10000-3.txt" --graph "$work/tiny.db" --into "$work/draft" >/dev/null 2>"$work/stderr"
rc=$?
set -e
[ "$rc" = 1 ] || fail "existing target: exit $rc, expected 1"
grep -q "^$work/draft: error: already exists; give --force to replace an earlier ingest draft$" "$work/stderr" ||
  fail "existing target: $(cat "$work/stderr")"
"$kg" ingest "$papers/kst-10000-3.txt" --graph "$work/tiny.db" --into "$work/draft" --force >/dev/null 2>&1 ||
  fail "--force over a draft failed"
[ "$(tail -n +2 "$work/draft/nodes-papers.csv" | wc -l)" = 1 ] || fail "--force did not replace the draft"
cp -r "$fixture" "$work/curated"
set +e
"$kg" ingest "$papers/kst-10000-3.txt" --graph "$work/tiny.db" --into "$work/curated" --force >/dev/null 2>"$work/stderr"
rc=$?
set -e
[ "$rc" = 1 ] || fail "--force over curated data: exit $rc, expected 1"
grep -q "is not a folder written by ingest; refusing to replace it" "$work/stderr" || fail "--force over curated data: $(cat "$work/stderr")"
diff -r "$fixture" "$work/curated" >/dev/null || fail "curated folder changed"

# A bad paper writes nothing.
: > "$work/empty.txt"
set +e
"$kg" ingest "$papers/kst-10000-3.txt" "$work/empty.txt" --graph "$work/tiny.db" --into "$work/none" >/dev/null 2>"$work/stderr"
rc=$?
set -e
[ "$rc" = 1 ] || fail "empty paper: exit $rc, expected 1"
[ "$(cat "$work/stderr")" = "$work/empty.txt: error: empty file
ingest failed: 1 errors; $work/none was not written" ] || fail "empty paper: $(cat "$work/stderr")"
[ ! -e "$work/none" ] || fail "empty paper: target written"
[ -z "$(ls -A "$work" | grep -E '^\.none\.')" ] || fail "a temporary folder was left behind"

# Usage errors.
set +e
"$kg" ingest "$papers/kst-10000-3.txt" >/dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || fail "missing --into: exit $rc, expected 2"
"$kg" ingest "$papers/kst-10000-3.txt" --into "$work/x" --graph "$work/nope.db" >/dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || fail "missing --graph file: exit $rc, expected 2"
"$kg" ingest "$papers/kst-10000-3.txt" --into "$work/x" --graph "$work/tiny.db" --no-graph >/dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || fail "--graph with --no-graph: exit $rc, expected 2"
set -e
echo ok

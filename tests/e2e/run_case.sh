#!/usr/bin/env bash
# Runs one end-to-end case: CASE.kg against a graph freshly imported from DATASET (the tiny
# fixture or a shipped dataset), comparing stdout, stderr and the exit status with CASE.expected. Directives in the .kg file's leading comments:
#   # args: FLAGS        extra kamergraaf flags (e.g. --format json --bail)
#   # via: stdin         feed the file on stdin instead of -f
# Volatile values (the graph file path, import time, timings) are replaced by placeholders.
# The runner never writes the expected file; with KG_SHOW=1 it also prints what it got (the case
# still fails when that differs from the expected file).
set -euo pipefail
kg=$1 fixture=$2 case_file=$3   # usage: run_case.sh KAMERGRAAF DATASET CASE.kg
dir=$(cd "$(dirname "$case_file")" && pwd)
name=$(basename "$case_file" .kg)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

db="$work/$(basename "$fixture").db"
"$kg" import "$fixture" --into "$db" >/dev/null
args=$(sed -n 's/^# args: //p' "$dir/$name.kg" | head -1)
via=$(sed -n 's/^# via: //p' "$dir/$name.kg" | head -1)

cd "$dir"
set +e
if [ "$via" = stdin ]; then
  # shellcheck disable=SC2086
  KAMERGRAAF_HISTORY="$work/history" "$kg" --db "$db" $args < "$name.kg" >"$work/out" 2>"$work/err"
else
  # shellcheck disable=SC2086
  KAMERGRAAF_HISTORY="$work/history" "$kg" --db "$db" $args -f "$name.kg" >"$work/out" 2>"$work/err"
fi
rc=$?
set -e

normalise() {
  sed -e "s#$work#<work>#g" \
      -e 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z/<time>/g' \
      -e 's/^time: [0-9.]* ms$/time: <ms>/'
}
{
  normalise < "$work/out"
  echo "--- stderr ---"
  normalise < "$work/err"
  echo "--- exit $rc ---"
} > "$work/got"

if [ "${KG_SHOW:-}" = 1 ]; then cat "$work/got"; fi
if ! diff -u "$dir/$name.expected" "$work/got"; then
  echo "e2e case $name: output differs from $name.expected (the runner never rewrites it)" >&2
  exit 1
fi

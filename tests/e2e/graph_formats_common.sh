# Sourced by the end-to-end tests of graph-shaped output (export.sh, answer_formats.sh): a
# scratch folder removed at exit, the checkers they need, expect_eq, and the shipped GBVS graph
# and the hostile fixture imported into it. Expects $kg and $root set; sets $work and $py.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3  # Debian's, which python3-networkx installs into
"$py" -c 'import networkx' 2>/dev/null ||
  { echo "python3-networkx is not installed (./dev.sh test installs it)"; exit 1; }
command -v xmllint >/dev/null || { echo "xmllint is not installed (libxml2-utils; ./dev.sh test installs it)"; exit 1; }

expect_eq() {  # what, got, want
  [ "$2" = "$3" ] || { echo "$1 differs:"; diff <(echo "$3") <(echo "$2") || true; exit 1; }
}

"$kg" import "$root/datasets/gbvs-2020" --into "$work/gbvs.db" >/dev/null
"$kg" import "$root/tests/fixtures/hostile" --into "$work/hostile.db" >/dev/null

#!/usr/bin/env bash
# Ingest benchmark: the whole SGD corpus (5,023 OCR'd papers, 16 MB) in one run, five times,
# median wall time; then the draft imported together with the GBVS data and queried. Prints a
# Markdown report and writes it to bench/results/ingest.md.
#   bench/ingest.sh [CORPUS.jsonl]      (default ../shared/corpora/sgd/documents.jsonl)
# Run ./dev.sh test (or ./dev.sh shell) once first so build/ exists.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/sgd/documents.jsonl}
[ -f "$corpus" ] || { echo "bench/ingest.sh: no corpus at $corpus" >&2; exit 2; }
cmake --build build --target kamergraaf dataset-gbvs-2020 -j "$(nproc)" >/dev/null
kg=build/kamergraaf
work=build/bench-data/ingest
mkdir -p "$work" bench/results

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
runs=()
for i in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$kg" ingest "$corpus" --into "$work/draft" --force >"$work/summary" 2>"$work/stderr"
  runs+=("$(ms "$start")")
done
median=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 3p)
bytes=$(stat -c %s "$corpus")

start=$(date +%s%N)
"$kg" import datasets/gbvs-2020 "$work/draft" --into "$work/sgd.db" >"$work/import" 2>"$work/import-warnings"
import_ms=$(ms "$start")

# The most cited paper, and two papers of different dossiers that cite a common paper: the path
# between them runs through citations, not through one paper citing the other.
read -r most_cited cites < <(python3 - "$work/draft" <<'PY'
import csv, sys, collections
d = sys.argv[1]
count = collections.Counter(r["to"] for r in csv.DictReader(open(f"{d}/edges-cites.csv")))
key, n = count.most_common(1)[0]
print(key, n)
PY
)
read -r a b hops < <(python3 - "$work/draft" <<'PY'
import csv, sys, collections
d = sys.argv[1]
dossier = {r["key"]: r["dossier"] for r in csv.DictReader(open(f"{d}/nodes-papers.csv"))}
adj = collections.defaultdict(set)
for r in csv.DictReader(open(f"{d}/edges-cites.csv")):
    adj[r["from"]].add(r["to"]); adj[r["to"]].add(r["from"])
best = ("-", "-", 0)
for a in sorted(p for p in dossier if p in adj):
    seen, frontier, depth = {a}, [a], 0
    while frontier:
        depth += 1
        nxt = [m for n in frontier for m in sorted(adj[n]) if m not in seen]
        seen.update(nxt)
        frontier = list(dict.fromkeys(nxt))
        for b in frontier:
            if b in dossier and dossier[b] != dossier[a] and depth > best[2]:
                best = (a, b, depth)
print(*best)
PY
)
stats=$("$kg" --db "$work/sgd.db" -c stats --format json)
cited_by=$("$kg" --db "$work/sgd.db" -c "cited-by $most_cited" | tail -n 1)
if [ "$a" != - ]; then
  path=$("$kg" --db "$work/sgd.db" -c "path $a $b --rel cites" | head -n 1)
else
  path="no two papers of different dossiers are connected by citations"
fi

report=$(cat <<MD
# Ingest benchmark

Measured $(date -u +%Y-%m-%d) on $(nproc) cores with \`bench/ingest.sh\`.

| what | value |
|---|---|
| corpus | \`$(basename "$corpus")\`, $(( bytes / 1024 / 1024 )) MB |
| ingest, 5 runs (ms) | ${runs[*]} |
| ingest, median | **${median} ms** |
| summary | $(cat "$work/summary") |
| import with \`datasets/gbvs-2020\` | ${import_ms} ms: $(cat "$work/import") |
| import warnings | $(wc -l < "$work/import-warnings") |
| \`stats\` | \`${stats}\` |
| most cited paper | \`${most_cited}\`, ${cites} citing places; \`cited-by\`: ${cited_by} |
| \`path $a $b --rel cites\` (the pair of different dossiers farthest apart by citations) | ${path} |
MD
)
echo "$report" | tee bench/results/ingest.md

#!/usr/bin/env bash
# Runs the whole benchmark for one size and writes bench/results/SIZE.md.
#   bench/run.sh S|M|L [--smoke]
# S = 10^4, M = 10^5, L = 10^6 nodes with about 5 edges per node. The dataset is generated
# (seeded, deterministic) and imported once per size under build/bench-data/. --smoke runs S
# with few pairs and no timing claims: CI uses it to check that every method agrees.
# Run ./dev.sh test (or ./dev.sh shell) once first so build/ exists.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-S}
smoke=${2:-}
case "$size" in
  S) nodes=10000 cte=100 ;;
  M) nodes=100000 cte=20 ;;
  L) nodes=1000000 cte=5 ;;
  *) echo "usage: bench/run.sh S|M|L [--smoke]" >&2; exit 2 ;;
esac
cmake --build build --target kamergraaf kg_bench kg_bench_generate dataset-gbvs-2020 -j "$(nproc)" >/dev/null
data=build/bench-data
mkdir -p "$data" bench/results
if [ ! -f "$data/$size/edges.csv" ]; then
  build/bench/kg_bench_generate --nodes "$nodes" --out "$data/$size" >/dev/null
fi
# Import again only when the dataset or kamergraaf changed; the last import time is kept.
if [ ! -f "$data/$size.db" ] || [ ! -f "$data/$size.import-ms" ] ||
   [ "$data/$size/edges.csv" -nt "$data/$size.db" ] || [ build/kamergraaf -nt "$data/$size.db" ]; then
  start=$(date +%s%N)
  build/kamergraaf import "$data/$size" --into "$data/$size.db" >/dev/null
  echo $(( ($(date +%s%N) - start) / 1000000 )) > "$data/$size.import-ms"
fi
import_ms=$(cat "$data/$size.import-ms")

args=(run --db "$data/$size.db" --label "$size" --kamergraaf build/kamergraaf
      --shipped build/gbvs-2020.db --cte "$cte" --import-ms "$import_ms")
if command -v sqlite3 >/dev/null; then
  args+=(--sqlite3 "$(command -v sqlite3)")
fi
if /usr/bin/python3 -c 'import igraph, networkx' 2>/dev/null; then
  args+=(--peers bench/peers.py)
else
  args+=(--peers-missing "python3-igraph or python3-networkx is not installed")
fi
if [ "$smoke" = --smoke ]; then
  args+=(--pairs 20 --cte 5)
else
  args+=(--out "bench/results/$size.md")
fi
build/bench/kg_bench "${args[@]}"

#!/usr/bin/env bash
# End-to-end test that `kamergraaf import` replaces its target atomically: imports killed with -9
# after increasing delays leave the old graph file byte-identical (or, when the kill came after
# the rename, the whole new one) and openable every time; concurrent imports into one target all
# succeed one after the other; what killed imports leave behind is removed by the next import.
# The dataset is generated (10 000 nodes, 40 000 edges: a few hundred ms to import).
set -euo pipefail
kg=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# generate DIR SEED: one relation between generated actors, every edge from one paper.
generate() {
  local dir=$1 seed=$2 n=10000 m=40000
  mkdir -p "$dir"
  printf 'name,description\nactor,A generated actor\nkamerstuk,A paper\n' > "$dir/types.csv"
  printf 'name,label,inverse,from,to,description\nlinked,is verbonden met,is verbonden met,actor,actor,\n' \
    > "$dir/relations.csv"
  awk -v n="$n" 'BEGIN { print "key,type,name,aliases,description"; print "kst-1-1,kamerstuk,Paper,,";
    for (i = 0; i < n; i++) printf "a%d,actor,Actor %d,,Generated node %d\n", i, i, i }' > "$dir/nodes.csv"
  awk -v n="$n" -v m="$m" -v seed="$seed" 'BEGIN { srand(seed); print "from,relation,to,source,locator,note";
    for (i = 0; i < m; i++) { f = int(rand() * n); t = int(rand() * n); if (t == f) t = (f + 1) % n;
      printf "a%d,linked,a%d,kst-1-1,p. %d,edge %d\n", f, t, i % 300, i } }' > "$dir/edges.csv"
}
generate "$work/one" 1
generate "$work/two" 2

target="$work/g.db"
start=$(date +%s%N)
"$kg" import "$work/one" --into "$target" >/dev/null
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
cp "$target" "$work/before.db"

# nodes_of FILE: the node count the shell reports, or "unreadable".
nodes_of() { "$kg" --db "$1" -c stats --format csv 2>/dev/null | sed -n 's/^nodes,//p' || echo unreadable; }

interrupted=0
for i in $(seq 1 20); do
  # Delays spread over the time one import takes, so that most kills land inside one however
  # fast the machine is, and the last few after it.
  delay=$(awk -v i="$i" -v t="$took_ms" 'BEGIN { printf "%.3f", i * t / 16000 }')
  "$kg" import "$work/two" --into "$target" >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  set +e
  wait "$pid" 2>/dev/null
  rc=$?
  set -e
  if cmp -s "$target" "$work/before.db"; then
    [ "$rc" != 0 ] || { echo "kill $i: import succeeded but the file is the old one"; exit 1; }
    interrupted=$((interrupted + 1))
    [ "$(nodes_of "$target")" = 10001 ] || { echo "kill $i: graph file does not open"; exit 1; }
  else
    # The kill came after the rename: the file must be the whole new graph.
    [ "$(nodes_of "$target")" = 10001 ] || { echo "kill $i after ${delay}s: graph file damaged"; exit 1; }
    cp "$work/before.db" "$work/restore.db" && mv "$work/restore.db" "$target"
  fi
done
[ "$interrupted" -ge 5 ] || { echo "only $interrupted of 20 kills interrupted an import"; exit 1; }

# Four imports into one target at once: each waits for the lock, all succeed, the graph is whole.
pids=()
for seed in one two one two; do
  "$kg" import "$work/$seed" --into "$target" >"$work/out-$seed-${#pids[@]}" 2>&1 &
  pids+=($!)
done
for pid in "${pids[@]}"; do
  wait "$pid" || { echo "a concurrent import failed:"; cat "$work"/out-*; exit 1; }
done
[ "$(nodes_of "$target")" = 10001 ] || { echo "graph damaged after concurrent imports"; exit 1; }

# Temporaries of the killed imports are gone after a successful one; only the lock file and the
# snapshot file stay beside the graph.
left=$(cd "$work" && ls -d g.db* | tr '\n' ' ')
[ "$left" = "g.db g.db.lock g.db.snap " ] || { echo "left beside the graph: $left"; exit 1; }
echo "ok ($interrupted of 20 kills interrupted an import of ${took_ms} ms)"

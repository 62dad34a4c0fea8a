#!/usr/bin/env python3
"""Peers for the kamergraaf benchmark: igraph and NetworkX (Debian's python3-igraph and
python3-networkx) on the same graph file and the same pairs. Prints one line per peer:
  NAME ok MEDIAN_MS P95_MS LOAD_MS     when every path length agrees with the expected one
  NAME disagree N                      when N lengths differ
  NAME skipped REASON                  when the library is not installed
Usage: peers.py GRAPH.db PAIRS.txt   (PAIRS: "from_id to_id expected_hops" per line, node ids
of the graph file, directed paths)."""
import sqlite3
import statistics
import sys
import time


def load(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    n = con.execute("SELECT count(*) FROM nodes").fetchone()[0]
    edges = con.execute("SELECT from_id, to_id FROM edges").fetchall()
    con.close()
    return n, edges


def summary(times):
    times = sorted(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95


def measure(name, distance, pairs, load_ms):
    """Times distance(a, b) on every pair; the verdict line for this peer."""
    times, wrong = [], 0
    for a, b, want in pairs:
        t = time.perf_counter()
        d = distance(a, b)
        times.append((time.perf_counter() - t) * 1000)
        if d != want:
            wrong += 1
    if wrong:
        return f"{name} disagree {wrong}"
    med, p95 = summary(times)
    return f"{name} ok {med:.6f} {p95:.6f} {load_ms:.3f}"


def run_igraph(n, edges, pairs):
    try:
        import igraph
    except ImportError:
        return "igraph skipped python3-igraph is not installed"
    t = time.perf_counter()
    g = igraph.Graph(n=n, edges=edges, directed=True)
    load_ms = (time.perf_counter() - t) * 1000
    return measure("igraph", lambda a, b: g.distances(source=a, target=b, mode="out")[0][0], pairs, load_ms)


def run_networkx(n, edges, pairs):
    try:
        import networkx
    except ImportError:
        return "networkx skipped python3-networkx is not installed"
    t = time.perf_counter()
    g = networkx.DiGraph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    load_ms = (time.perf_counter() - t) * 1000
    # shortest_path_length for one pair is a bidirectional BFS in NetworkX.
    return measure("networkx", lambda a, b: networkx.shortest_path_length(g, a, b), pairs, load_ms)


def main():
    db, pairs_file = sys.argv[1], sys.argv[2]
    pairs = [tuple(int(x) for x in line.split()) for line in open(pairs_file) if line.strip()]
    if not pairs:
        sys.exit("peers.py: no pairs given")
    n, edges = load(db)
    print(run_igraph(n, edges, pairs), flush=True)
    print(run_networkx(n, edges, pairs), flush=True)


if __name__ == "__main__":
    main()

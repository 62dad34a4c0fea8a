// Tests for graph/src/snapshot.h: the CSR arrays build_snapshot() makes — row starts, out-rows in
// (target, edge id) order, in-rows mirroring them in out-position order, every edge once each
// way — and the hot per-node and per-edge arrays beside them.
#include "snapshot.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "support/test_graph.h"

namespace {

using kg::test::graph_of;
using kg::test::id;

// "v: target/edge …" per node with out-edges, keys for nodes, then the same for the in-rows.
std::string rows(const kg::Graph& g) {
  const kg::detail::Snapshot& s = g.snapshot();
  std::string out;
  for (kg::NodeId v = 0; v < g.node_count(); ++v) {
    if (s.out_degree(v) == 0) continue;
    out += std::string(g.node(v).key) + ">";
    for (std::size_t p = s.csr.out_start[v]; p < s.csr.out_start[v + 1]; ++p) {
      out += " " + std::string(g.node(s.csr.out_target[p]).key) + "/" +
             std::to_string(s.csr.out_edge[p]);
    }
    out += "; ";
  }
  for (kg::NodeId v = 0; v < g.node_count(); ++v) {
    if (s.in_degree(v) == 0) continue;
    out += std::string(g.node(v).key) + "<";
    for (std::size_t q = s.csr.in_start[v]; q < s.csr.in_start[v + 1]; ++q) {
      out += " " + std::string(g.node(s.csr.in_source[q]).key) + "/" + std::to_string(s.in_edge(q));
    }
    out += "; ";
  }
  return out;
}

// Edges in an order unlike the rows', with parallel edges and a loop.
const std::vector<std::string> kEdges{"m -r-> c", "b -s-> m", "m -q-> b",
                                      "m -r-> b", "a -r-> m", "m -s-> m"};

}  // namespace

TEST_CASE("Snapshot: out-rows by target then edge id, in-rows by source then edge id") {
  const kg::Graph g = graph_of(kEdges);
  CHECK(rows(g) ==
        "a> m/4; b> m/1; m> b/2 b/3 c/0 m/5; "
        "b< m/2 m/3; c< m/0; m< a/4 b/1 m/5; ");
}

TEST_CASE("Snapshot: the in-rows mirror the out-rows and every edge appears once each way") {
  const kg::Graph g = graph_of(kEdges);
  const kg::detail::Snapshot& s = g.snapshot();
  const kg::detail::CsrArrays& a = s.csr;
  const std::size_t n = g.node_count(), m = g.edge_count();
  REQUIRE(a.out_start.size() == n + 1);
  REQUIRE(a.in_start.size() == n + 1);
  CHECK(a.out_start.front() == 0);
  CHECK(a.out_start.back() == m);
  CHECK(a.in_start.back() == m);
  std::vector<int> seen_out(m, 0), seen_in(m, 0);
  for (kg::NodeId v = 0; v < n; ++v) {
    for (std::size_t p = a.out_start[v]; p < a.out_start[v + 1]; ++p) {
      const kg::EdgeId e = a.out_edge[p];
      ++seen_out[e];
      CHECK(g.edge(e).from == v);
      CHECK(g.edge(e).to == a.out_target[p]);
    }
    for (std::size_t q = a.in_start[v]; q < a.in_start[v + 1]; ++q) {
      const kg::EdgeId p = a.in_position[q];
      ++seen_in[s.in_edge(q)];
      CHECK(a.out_target[p] == v);  // the out-position of the same edge
      CHECK(g.edge(s.in_edge(q)).from == a.in_source[q]);
      if (q > a.in_start[v]) CHECK(a.in_position[q - 1] < p);
    }
  }
  CHECK(std::all_of(seen_out.begin(), seen_out.end(), [](int c) { return c == 1; }));
  CHECK(std::all_of(seen_in.begin(), seen_in.end(), [](int c) { return c == 1; }));
  CHECK(s.out_degree(id(g, "m")) == 4);
  CHECK(s.in_degree(id(g, "m")) == 3);
}

TEST_CASE("Snapshot: node types and edge relations sit beside the rows, by id") {
  const kg::Graph g = graph_of({"a:x -r-> b", "b -s-> c:kamerstuk"});
  const kg::detail::Snapshot& s = g.snapshot();
  REQUIRE(s.node_type.size() == g.node_count());
  REQUIRE(s.edge_relation.size() == g.edge_count());
  for (kg::NodeId v = 0; v < g.node_count(); ++v) CHECK(s.node_type[v] == g.node(v).type);
  CHECK(g.types()[s.node_type[id(g, "a")]].name == "x");
  CHECK(g.relations()[s.edge_relation[1]].name == "s");
}

TEST_CASE("Snapshot: a graph without edges has empty rows") {
  const kg::Graph g = graph_of({});
  const kg::detail::Snapshot& s = g.snapshot();
  CHECK(s.csr.out_start.size() == g.node_count() + 1);
  CHECK(s.csr.out_target.empty());
  CHECK(s.csr.in_source.empty());
}

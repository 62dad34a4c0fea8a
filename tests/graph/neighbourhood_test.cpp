// Tests for neighbourhood and common_neighbours on hand-built graphs.
#include <fmt/format.h>

#include <doctest/doctest.h>

#include "kg/algorithms.h"
#include "support/test_graph.h"

using kg::test::graph_of;
using kg::test::id;
using kg::test::render;

namespace {

// A chain a-b-c-d-e with a side branch b-x (x of type x) and a reversed edge f -> a.
kg::Graph chain() {
  return graph_of({"a -r-> b", "b -r-> c", "c -s-> d", "d -r-> e", "b -r-> x:x", "f -q-> a"});
}

std::string around(const kg::Graph& g, const char* center, int depth, const kg::Filter& f = {}) {
  auto r = kg::neighbourhood(g, id(g, center), depth, f);
  if (!r.ok()) return r.status().to_string();
  std::string edges;
  for (kg::EdgeId e : kg::edges_among(g, r->nodes, f)) {
    edges += fmt::format(" {}>{}", g.node(g.edge(e).from).key, g.node(g.edge(e).to).key);
  }
  return render(g, r->nodes) + " |" + edges +
         (r->truncation.truncated() ? " | truncated: " + r->truncation.reason : "");
}

}  // namespace

TEST_CASE("Neighbourhood: depth 0, 1 and 3") {
  const kg::Graph g = chain();
  CHECK(around(g, "a", 0) == "a:0 |");
  CHECK(around(g, "a", 1) == "a:0 b:1 f:1 | a>b f>a");
  CHECK(around(g, "a", 3) == "a:0 b:1 f:1 c:2 x:2 d:3 | a>b b>c c>d b>x f>a");  // edges in dataset order
  CHECK(around(g, "c", 1) == "c:0 b:1 d:1 | b>c c>d");
}

TEST_CASE("Neighbourhood: filters shape what is reached") {
  const kg::Graph g = chain();
  kg::Filter out;
  out.direction = kg::Direction::kOut;
  CHECK(around(g, "a", 2, out) == "a:0 b:1 c:2 x:2 | a>b b>c b>x");
  kg::Filter types;
  types.types = {*g.find_type("t")};
  CHECK(around(g, "a", 2, types) == "a:0 b:1 f:1 c:2 | a>b b>c f>a");
  kg::Filter no_s;
  no_s.not_relations = {*g.find_relation("s")};
  CHECK(around(g, "a", 5, no_s) == "a:0 b:1 f:1 c:2 x:2 | a>b b>c b>x f>a");
  kg::Filter avoid;
  avoid.avoid = {id(g, "b")};
  CHECK(around(g, "a", 5, avoid) == "a:0 f:1 | f>a");
  avoid.avoid = {id(g, "a")};
  CHECK(around(g, "a", 1, avoid) == "error: cannot avoid 'a': it is the center");
  kg::Filter hops;
  hops.max_hops = 1;
  CHECK(around(g, "a", 3, hops) == "a:0 b:1 f:1 | a>b f>a");
  CHECK(around(g, "a", -1) == "error: depth must be 0 or more");
}

TEST_CASE("Neighbourhood: a hub stops at the result limit and says so") {
  const kg::Graph g = graph_of({"hub -r-> n1", "hub -r-> n2", "hub -r-> n3", "hub -r-> n4"});
  kg::Filter f;
  f.limits.max_results = 3;
  CHECK(around(g, "hub", 1, f) ==
        "hub:0 n1:1 n2:1 | hub>n1 hub>n2 | truncated: stopped at 3 nodes (the limit) before "
        "finishing depth 1");
}

TEST_CASE("CommonNeighbours: nodes adjacent to all given nodes") {
  // a and b share c and d; d is of type x; e touches only a.
  const kg::Graph g =
      graph_of({"a -r-> c", "b -r-> c", "a -r-> d:x", "d -s-> b", "a -r-> e", "a -r-> b"});
  const std::vector<kg::NodeId> ab{id(g, "a"), id(g, "b")};
  auto r = kg::common_neighbours(g, ab, {});
  REQUIRE(r.ok());
  CHECK(render(g, *r) == "c d");
  kg::Filter t;
  t.types = {*g.find_type("t")};
  CHECK(render(g, *kg::common_neighbours(g, ab, t)) == "c");
  kg::Filter out;
  out.direction = kg::Direction::kOut;
  CHECK(render(g, *kg::common_neighbours(g, ab, out)) == "c");
  const std::vector<kg::NodeId> one{id(g, "a")};
  CHECK(kg::common_neighbours(g, one, {}).status().to_string() ==
        "error: common needs at least two nodes");
}

TEST_CASE("Neighbourhood: a large layer comes out in key order") {
  // 300 leaves, every other one pointing at the hub instead of from it: the scan meets them out
  // of key order (out-list, then in-list), so the layer needs sorting (a radix sort above 256).
  std::vector<std::string> edges;
  for (int i = 700; i < 1000; ++i) {
    edges.push_back(i % 2 ? "n" + std::to_string(i) + " -r-> hub" : "hub -r-> n" + std::to_string(i));
  }
  const kg::Graph g = graph_of(edges);
  auto r = kg::neighbourhood(g, id(g, "hub"), 1, {});
  REQUIRE(r.ok());
  REQUIRE(r->nodes.size() == 301);
  CHECK(g.node(r->nodes[1].node).key == "n700");
  CHECK(g.node(r->nodes[300].node).key == "n999");
  bool sorted = true;
  for (std::size_t i = 2; i < r->nodes.size(); ++i) sorted = sorted && r->nodes[i - 1].node < r->nodes[i].node;
  CHECK(sorted);
}

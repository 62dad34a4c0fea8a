// Tests for shortest_path (graph/src/algorithms/shortest_path.cpp) on hand-built graphs whose
// answers were worked out by hand.
#include <doctest/doctest.h>

#include "kg/algorithms.h"
#include "support/test_graph.h"

using kg::test::graph_of;
using kg::test::id;
using kg::test::render;

namespace {

std::string path(const kg::Graph& g, const char* a, const char* b, const kg::Filter& f = {}) {
  auto r = kg::shortest_path(g, id(g, a), id(g, b), f);
  if (!r.ok()) return r.status().to_string();
  if (r->truncation.truncated()) return "truncated: " + r->truncation.reason;
  return r->paths.empty() ? "none" : render(g, r->paths.front());
}

}  // namespace

TEST_CASE("ShortestPath: direction decides whether a path exists") {
  // a -> b <- c: connected only when direction is ignored.
  const kg::Graph g = graph_of({"a -r-> b", "c -s-> b"});
  kg::Filter out;
  out.direction = kg::Direction::kOut;
  kg::Filter in;
  in.direction = kg::Direction::kIn;
  CHECK(path(g, "a", "c") == "a -[r]-> b <-[s]- c");
  CHECK(path(g, "a", "c", out) == "none");
  CHECK(path(g, "a", "b", out) == "a -[r]-> b");
  CHECK(path(g, "b", "a", out) == "none");
  CHECK(path(g, "b", "a", in) == "b <-[r]- a");
  CHECK(path(g, "a", "a") == "a");
}

TEST_CASE("ShortestPath: ties go to the earliest keys, whatever the input order") {
  // Two 2-hop paths a..d via b or c; b comes first.
  CHECK(path(graph_of({"a -r-> c", "c -r-> d", "a -r-> b", "b -r-> d"}), "a", "d") ==
        "a -[r]-> b -[r]-> d");
  CHECK(path(graph_of({"a -r-> b", "b -r-> d", "a -r-> c", "c -r-> d"}), "a", "d") ==
        "a -[r]-> b -[r]-> d");
  // Two edges between the same pair: forward before backward, then dataset order.
  CHECK(path(graph_of({"b -s-> a", "a -q-> b", "a -r-> b"}), "a", "b") == "a -[q]-> b");
  CHECK(path(graph_of({"b -s-> a", "b -r-> a"}), "a", "b") == "a <-[s]- b");
}

TEST_CASE("ShortestPath: an avoided node forces a detour") {
  // a-b-d is shortest; without b the only way is a-c-e-d.
  const kg::Graph g = graph_of({"a -r-> b", "b -r-> d", "a -r-> c", "c -r-> e", "e -r-> d"});
  kg::Filter f;
  f.avoid = {id(g, "b")};
  CHECK(path(g, "a", "d") == "a -[r]-> b -[r]-> d");
  CHECK(path(g, "a", "d", f) == "a -[r]-> c -[r]-> e -[r]-> d");
  f.avoid.push_back(id(g, "e"));
  CHECK(path(g, "a", "d", f) == "none");
  f.avoid = {id(g, "d")};
  CHECK(path(g, "a", "d", f) == "error: cannot avoid 'd': it is an endpoint of the path");
}

TEST_CASE("ShortestPath: relation filters apply during the search") {
  // a -r-> b -s-> c, and a longer all-r route a -r-> x -r-> y -r-> c.
  const kg::Graph g = graph_of({"a -r-> b", "b -s-> c", "a -r-> x", "x -r-> y", "y -r-> c"});
  kg::Filter only_r;
  only_r.only_relations = {*g.find_relation("r")};
  kg::Filter not_r;
  not_r.not_relations = {*g.find_relation("r")};
  CHECK(path(g, "a", "c") == "a -[r]-> b -[s]-> c");
  CHECK(path(g, "a", "c", only_r) == "a -[r]-> x -[r]-> y -[r]-> c");
  CHECK(path(g, "a", "c", not_r) == "none");  // b is unreachable without r
  CHECK(path(g, "b", "c", not_r) == "b -[s]-> c");
}

TEST_CASE("ShortestPath: the type filter binds intermediate nodes, not endpoints") {
  const kg::Graph g = graph_of({"a -r-> b:x", "b -r-> d", "a -r-> c", "c -r-> e", "e -r-> d:x"});
  kg::Filter f;
  f.types = {*g.find_type("t")};
  CHECK(path(g, "a", "d") == "a -[r]-> b -[r]-> d");
  CHECK(path(g, "a", "d", f) == "a -[r]-> c -[r]-> e -[r]-> d");  // d is x but an endpoint
}

TEST_CASE("ShortestPath: max hops and the visit limit") {
  const kg::Graph g = graph_of({"a -r-> b", "b -r-> c", "c -r-> d"});
  kg::Filter f;
  f.max_hops = 2;
  CHECK(path(g, "a", "c", f) == "a -[r]-> b -[r]-> c");
  CHECK(path(g, "a", "d", f) == "none");
  kg::Filter tight;
  tight.limits.max_visited = 2;
  CHECK(path(g, "a", "d", tight) ==
        "truncated: the path search visited 2 nodes (the limit) without finishing");
}

TEST_CASE("ShortestPath: through a hub, the same tie-break as a plain scan") {
  // The walk leaves `hub` by testing the few nodes that can come next rather than scanning its
  // hundred leaves; the answer must not change: y comes before z.
  std::vector<std::string> edges{"a -r-> hub", "hub -r-> z", "y -s-> hub", "y -r-> b", "z -r-> b"};
  for (int i = 0; i < 100; ++i) edges.push_back("hub -r-> l" + std::to_string(100 + i));
  const kg::Graph g = graph_of(edges);
  CHECK(path(g, "a", "b") == "a -[r]-> hub <-[s]- y -[r]-> b");
  kg::Filter no_s;
  no_s.not_relations = {*g.find_relation("s")};
  CHECK(path(g, "a", "b", no_s) == "a -[r]-> hub -[r]-> z -[r]-> b");
  kg::Filter out;
  out.direction = kg::Direction::kOut;
  CHECK(path(g, "a", "b", out) == "a -[r]-> hub -[r]-> z -[r]-> b");
  kg::Filter avoid;
  avoid.avoid = {id(g, "y"), id(g, "z")};
  CHECK(path(g, "a", "b", avoid) == "none");
}

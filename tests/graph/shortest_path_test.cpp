// Tests for shortest_path (graph/src/algorithms/shortest_path.cpp) on hand-built graphs whose
// answers were worked out by hand.
#include <doctest/doctest.h>

#include "kg/algorithms.h"
#include "kg/cancel.h"
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

TEST_CASE("ShortestPath: among the fewest hops, the most specific inner nodes") {
  // Node costs are ln(degree) in millionths: ln 2 = 693147, ln 3 = 1098612, ln 4 = 1386294,
  // ln 6 = 1791759.
  SUBCASE("a low-degree node beats an earlier key") {
    // a-h-b and a-x-b; h has degree 6 (a, b, four leaves), x degree 2: ln 2 < ln 6.
    const kg::Graph g = graph_of({"a -r-> h", "h -r-> b", "h -r-> l1", "h -r-> l2", "h -r-> l3",
                                  "h -r-> l4", "a -r-> x", "x -r-> b"});
    CHECK(path(g, "a", "b") == "a -[r]-> x -[r]-> b");
    CHECK(path(g, "b", "a") == "b <-[r]- x <-[r]- a");
  }
  SUBCASE("equal degree products tie, then keys") {
    // a-p-q-b: deg p = 2, deg q = 6 (p, b, four leaves): 693147 + 1791759 = 2484906.
    // a-u-v-b: deg u = 3 (a, v, a leaf), deg v = 4 (u, b, two leaves): 1098612 + 1386294 =
    // 2484906. Equal (2 * 6 = 3 * 4), so p < u decides.
    std::vector<std::string> edges{"a -r-> p",  "p -r-> q",  "q -r-> b", "q -r-> q1", "q -r-> q2",
                                   "q -r-> q3", "q -r-> q4", "a -r-> u", "u -r-> v",  "v -r-> b",
                                   "u -r-> u1", "v -r-> v1", "v -r-> v2"};
    CHECK(path(graph_of(edges), "a", "b") == "a -[r]-> p -[r]-> q -[r]-> b");
    // Without v's second leaf, deg v = 3: 2 * 1098612 = 2197224 < 2484906, so u-v wins.
    edges.pop_back();
    CHECK(path(graph_of(edges), "a", "b") == "a -[r]-> u -[r]-> v -[r]-> b");
  }
  SUBCASE("the cheapest completion is found past the meeting point") {
    // Three hops a-m-?-b: after m (the only way on) either n (degree 5: m, b, three leaves)
    // or o (degree 2). The bidirectional search meets in the middle; the choice of o still
    // comes from the costs of the backward side.
    const kg::Graph g = graph_of({"a -r-> m", "m -r-> n", "m -r-> o", "n -r-> b", "o -r-> b",
                                  "n -r-> n1", "n -r-> n2", "n -r-> n3"});
    CHECK(path(g, "a", "b") == "a -[r]-> m -[r]-> o -[r]-> b");
    CHECK(path(g, "b", "a") == "b <-[r]- o <-[r]- m <-[r]- a");
  }
  SUBCASE("fewer hops still come first") {
    // a-h-b over a hub (degree 6) against a 3-hop route of degree-2 nodes: hops decide.
    const kg::Graph g = graph_of({"a -r-> h", "h -r-> b", "h -r-> l1", "h -r-> l2", "h -r-> l3",
                                  "h -r-> l4", "a -r-> x", "x -r-> y", "y -r-> b"});
    CHECK(path(g, "a", "b") == "a -[r]-> h -[r]-> b");
  }
}

TEST_CASE("ShortestPath: hubs are named, and --avoid-hubs passes round them") {
  // a-h-b over h (degree 5: a, b, c, two leaves); the only other way is a-c-d-b.
  const kg::Graph g = graph_of({"a -r-> h", "h -r-> b", "h -r-> c", "h -r-> l1", "h -r-> l2",
                                "a -r-> c", "c -r-> d", "d -r-> b"});
  kg::Filter f;
  f.limits.hub_degree = 4;
  auto r = kg::shortest_path(g, id(g, "a"), id(g, "b"), f);
  REQUIRE(r.ok());
  REQUIRE(r->paths.size() == 1);
  CHECK(render(g, r->paths[0]) == "a -[r]-> h -[r]-> b");
  CHECK(r->paths[0].hubs == std::vector<kg::HubPass>{{id(g, "h"), 5}});
  // DWPC: deg a = 2, deg h = 5, deg b = 2: (2*5)^-0.5 * (5*2)^-0.5 = 1/10.
  CHECK(r->paths[0].dwpc == doctest::Approx(0.1));
  f.avoid_hubs = 4;
  CHECK(path(g, "a", "b", f) == "a -[r]-> c -[r]-> d -[r]-> b");
  f.avoid_hubs = 5;  // degree 5 is not above 5
  CHECK(path(g, "a", "b", f) == "a -[r]-> h -[r]-> b");
  f.avoid_hubs = 4;
  CHECK(path(g, "h", "l1", f) == "h -[r]-> l1");  // an endpoint may be a hub
  CHECK(path(g, "l1", "l2", f) == "none");        // but no walk passes through one
}

TEST_CASE("ShortestPath: --through and --type both bind the inner nodes") {
  const kg::Graph g = graph_of({"a -r-> b:x", "b -r-> d", "a -r-> c", "c -r-> e", "e -r-> d:x"});
  kg::Filter through;
  through.through = {*g.find_type("t")};
  kg::Filter listed;
  listed.listed = {*g.find_type("t")};
  CHECK(path(g, "a", "d", through) == "a -[r]-> c -[r]-> e -[r]-> d");
  CHECK(path(g, "a", "d", listed) == "a -[r]-> c -[r]-> e -[r]-> d");
  listed.listed = {*g.find_type("x")};
  CHECK(path(g, "a", "d", listed) == "a -[r]-> b -[r]-> d");
}

TEST_CASE("ShortestPath: a set CancelToken interrupts the search") {
  const kg::Graph g = graph_of({"a -r-> b", "b -r-> c"});
  kg::CancelToken cancel;
  kg::Filter f;
  f.cancel = &cancel;
  CHECK(path(g, "a", "c", f) == "a -[r]-> b -[r]-> c");
  cancel.set();
  CHECK(path(g, "a", "c", f) == "error: interrupted");
  CHECK(kg::shortest_path(g, id(g, "a"), id(g, "c"), f).status().kind() ==
        kg::ErrorKind::kInterrupted);
}

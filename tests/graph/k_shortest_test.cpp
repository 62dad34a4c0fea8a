// Tests for k_shortest_paths (Yen) on a graph whose simple paths were listed by hand.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "kg/algorithms.h"
#include "kg/cancel.h"
#include "support/test_graph.h"

using kg::test::graph_of;
using kg::test::id;
using kg::test::render;

namespace {

// Simple paths from a to d, ignoring direction: a b d, a c d (2 hops); a b c d, a c b d,
// a e f d (3 hops). Nothing longer, because every other walk repeats a node. Within a length
// the most specific comes first: b and c have degree 3 (cost 2 ln 3 = 2.197 for both 3-hop
// paths over them), e and f degree 2 (2 ln 2 = 1.386), so a e f d leads the 3-hop paths.
kg::Graph five_paths() {
  return graph_of({"a -r-> b", "b -r-> d", "a -r-> c", "c -r-> d", "b -s-> c", "a -r-> e",
                   "e -r-> f", "f -r-> d"});
}

std::string paths(const kg::Graph& g, std::size_t k, const kg::Filter& f = {}) {
  auto r = kg::k_shortest_paths(g, id(g, "a"), id(g, "d"), k, f);
  if (!r.ok()) return r.status().to_string();
  return render(g, r->paths) +
         (r->truncation.truncated() ? "truncated: " + r->truncation.reason : "");
}

}  // namespace

TEST_CASE("KShortest: returns exactly the simple paths in order when k exceeds them") {
  const kg::Graph g = five_paths();
  CHECK(paths(g, 10) ==
        "a -[r]-> b -[r]-> d\n"
        "a -[r]-> c -[r]-> d\n"
        "a -[r]-> e -[r]-> f -[r]-> d\n"
        "a -[r]-> b -[s]-> c -[r]-> d\n"
        "a -[r]-> c <-[s]- b -[r]-> d\n");
}

TEST_CASE("KShortest: k smaller than the number of paths") {
  const kg::Graph g = five_paths();
  CHECK(paths(g, 0) == "");
  CHECK(paths(g, 1) == "a -[r]-> b -[r]-> d\n");
  CHECK(paths(g, 3) ==
        "a -[r]-> b -[r]-> d\n"
        "a -[r]-> c -[r]-> d\n"
        "a -[r]-> e -[r]-> f -[r]-> d\n");
}

TEST_CASE("KShortest: filters hold for every path") {
  const kg::Graph g = five_paths();
  kg::Filter f;
  f.avoid = {id(g, "b")};
  CHECK(paths(g, 10, f) == "a -[r]-> c -[r]-> d\na -[r]-> e -[r]-> f -[r]-> d\n");
  kg::Filter no_s;
  no_s.not_relations = {*g.find_relation("s")};
  CHECK(paths(g, 10, no_s) ==
        "a -[r]-> b -[r]-> d\na -[r]-> c -[r]-> d\na -[r]-> e -[r]-> f -[r]-> d\n");
  kg::Filter short_only;
  short_only.max_hops = 2;
  CHECK(paths(g, 10, short_only) == "a -[r]-> b -[r]-> d\na -[r]-> c -[r]-> d\n");
  kg::Filter out;
  out.direction = kg::Direction::kOut;
  CHECK(paths(g, 10, out) ==
        "a -[r]-> b -[r]-> d\n"
        "a -[r]-> c -[r]-> d\n"
        "a -[r]-> e -[r]-> f -[r]-> d\n"
        "a -[r]-> b -[s]-> c -[r]-> d\n");
}

TEST_CASE("KShortest: no path, and the spur-search limit") {
  const kg::Graph g = graph_of({"a -r-> b", "c -r-> d"});
  CHECK(paths(g, 5) == "");
  kg::Filter tight;
  tight.limits.max_results = 2;
  CHECK(paths(five_paths(), 10, tight) ==
        "a -[r]-> b -[r]-> d\n"
        "a -[r]-> c -[r]-> d\n"
        "truncated: stopped after 2 spur searches (the limit) with 2 of 10 paths");
}

TEST_CASE("KShortest: --rank specific orders the paths by DWPC") {
  // a-h-b over a hub h (degree 6: a, b and four leaves) and a-x-y-b over x, y (degree 2).
  // deg(a) = deg(b) = 2. DWPC, the product over edges (u, v) of (deg u * deg v)^-0.5:
  //   a h b:   (2*6)^-0.5 * (6*2)^-0.5             = 1/12 = 0.083333
  //   a x y b: (2*2)^-0.5 * (2*2)^-0.5 * (2*2)^-0.5 = 1/8  = 0.125000
  const kg::Graph g = graph_of({"a -r-> h", "h -r-> b", "h -r-> l1", "h -r-> l2", "h -r-> l3",
                                "h -r-> l4", "a -r-> x", "x -r-> y", "y -r-> b"});
  auto scored = [&](kg::PathOrder order) {
    auto r = kg::k_shortest_paths(g, id(g, "a"), id(g, "b"), 5, {}, order);
    REQUIRE(r.ok());
    std::string out;
    for (const kg::Path& p : r->paths) out += fmt::format("{} {:.6f}\n", render(g, p), p.dwpc);
    return out;
  };
  CHECK(scored(kg::PathOrder::kShortest) ==
        "a -[r]-> h -[r]-> b 0.083333\n"
        "a -[r]-> x -[r]-> y -[r]-> b 0.125000\n");
  CHECK(scored(kg::PathOrder::kSpecific) ==
        "a -[r]-> x -[r]-> y -[r]-> b 0.125000\n"
        "a -[r]-> h -[r]-> b 0.083333\n");
}

TEST_CASE("KShortest: each path names its hubs, and the first path is shortest_path's") {
  // Two 2-hop paths from a to b: over h (degree 4) and over k (degree 2). With hubs above
  // degree 3, only the path over h passes one.
  const kg::Graph g =
      graph_of({"a -r-> h", "h -r-> b", "h -r-> l1", "h -r-> l2", "a -r-> k", "k -r-> b"});
  kg::Filter f;
  f.limits.hub_degree = 3;
  auto r = kg::k_shortest_paths(g, id(g, "a"), id(g, "b"), 5, f);
  REQUIRE(r.ok());
  REQUIRE(r->paths.size() == 2);
  CHECK(render(g, r->paths[0]) == "a -[r]-> k -[r]-> b");  // ln 2 < ln 4, though h < k
  CHECK(r->paths[0].hubs.empty());
  CHECK(render(g, r->paths[1]) == "a -[r]-> h -[r]-> b");
  CHECK(r->paths[1].hubs == std::vector<kg::HubPass>{{id(g, "h"), 4}});
  auto one = kg::shortest_path(g, id(g, "a"), id(g, "b"), f);
  REQUIRE(one.ok());
  CHECK(one->paths == std::vector<kg::Path>{r->paths[0]});
}

TEST_CASE("KShortest: a set CancelToken interrupts") {
  const kg::Graph g = five_paths();
  kg::CancelToken cancel;
  cancel.set();
  kg::Filter f;
  f.cancel = &cancel;
  CHECK(paths(g, 3, f) == "error: interrupted");
  auto r = kg::k_shortest_paths(g, id(g, "a"), id(g, "d"), 3, f);
  CHECK(r.status().kind() == kg::ErrorKind::kInterrupted);
  cancel.reset();
  CHECK(paths(g, 1, f) == "a -[r]-> b -[r]-> d\n");
}

// Tests for k_shortest_paths (Yen) on a graph whose simple paths were listed by hand.
#include <doctest/doctest.h>

#include "kg/algorithms.h"
#include "support/test_graph.h"

using kg::test::graph_of;
using kg::test::id;
using kg::test::render;

namespace {

// Simple paths from a to d, ignoring direction: a b d, a c d (2 hops); a b c d, a c b d,
// a e f d (3 hops). Nothing longer, because every other walk repeats a node.
kg::Graph five_paths() {
  return graph_of({"a -r-> b", "b -r-> d", "a -r-> c", "c -r-> d", "b -s-> c", "a -r-> e",
                   "e -r-> f", "f -r-> d"});
}

std::string paths(const kg::Graph& g, std::size_t k, const kg::Filter& f = {}) {
  auto r = kg::k_shortest_paths(g, id(g, "a"), id(g, "d"), k, f);
  if (!r.ok()) return r.status().to_string();
  return render(g, r->paths) + (r->truncation.truncated() ? "truncated: " + r->truncation.reason : "");
}

}  // namespace

TEST_CASE("KShortest: returns exactly the simple paths in order when k exceeds them") {
  const kg::Graph g = five_paths();
  CHECK(paths(g, 10) ==
        "a -[r]-> b -[r]-> d\n"
        "a -[r]-> c -[r]-> d\n"
        "a -[r]-> b -[s]-> c -[r]-> d\n"
        "a -[r]-> c <-[s]- b -[r]-> d\n"
        "a -[r]-> e -[r]-> f -[r]-> d\n");
}

TEST_CASE("KShortest: k smaller than the number of paths") {
  const kg::Graph g = five_paths();
  CHECK(paths(g, 0) == "");
  CHECK(paths(g, 1) == "a -[r]-> b -[r]-> d\n");
  CHECK(paths(g, 3) ==
        "a -[r]-> b -[r]-> d\n"
        "a -[r]-> c -[r]-> d\n"
        "a -[r]-> b -[s]-> c -[r]-> d\n");
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
        "a -[r]-> b -[s]-> c -[r]-> d\n"
        "a -[r]-> e -[r]-> f -[r]-> d\n");
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

// Tests for graph/src/algorithms/traversal.h (detail::Walker): the documented step order
// (neighbour key, forward before backward, edge id), direction and relation filters, reverse
// walks, find_step, node checks, and the unordered neighbour pass agreeing with the ordered one.
#include "algorithms/traversal.h"

#include <doctest/doctest.h>

#include <set>

#include "support/test_graph.h"

namespace {

using kg::test::graph_of;
using kg::test::id;

// "to:r+ to:r- …": each step's neighbour, relation and direction (+ forward, - backward).
std::string steps(const kg::Graph& g, const kg::Filter& filter, std::string_view from,
                  bool reverse = false) {
  const kg::detail::Walker walker(g, filter);
  std::string out;
  walker.for_each_step(id(g, from), reverse, [&](kg::NodeId v, const kg::Step& s) {
    out += (out.empty() ? "" : " ") + std::string(g.node(v).key) + ":" +
           g.relation_of(s.edge).name + (s.forward ? "+" : "-");
    return true;
  });
  return out;
}

// Edges listed in an order that differs from the walk order, with parallel edges and a loop.
const std::vector<std::string> kEdges{"m -r-> c", "b -s-> m", "m -q-> b",
                                      "m -r-> b", "a -r-> m", "m -s-> m"};

}  // namespace

TEST_CASE("Walker: steps come by neighbour key, forward before backward, then edge id") {
  const kg::Graph g = graph_of(kEdges);
  CHECK(steps(g, {}, "m") == "a:r- b:q+ b:r+ b:s- c:r+ m:s+ m:s-");
}

TEST_CASE("Walker: direction and relation filters, and reverse walks") {
  const kg::Graph g = graph_of(kEdges);
  kg::Filter out;
  out.direction = kg::Direction::kOut;
  CHECK(steps(g, out, "m") == "b:q+ b:r+ c:r+ m:s+");
  // Reversed, an out-walk lists the steps that lead into m, each read neighbour -> m.
  CHECK(steps(g, out, "m", true) == "a:r+ b:s+ m:s+");
  kg::Filter only_r;
  only_r.only_relations = {*g.find_relation("r")};
  CHECK(steps(g, only_r, "m") == "a:r- b:r+ c:r+");
  kg::Filter not_r;
  not_r.not_relations = {*g.find_relation("r")};
  CHECK(steps(g, not_r, "m") == "b:q+ b:s- m:s+ m:s-");
}

TEST_CASE("Walker: find_step gives the step for_each_step lists first") {
  const kg::Graph g = graph_of(kEdges);
  const kg::Filter all;
  const kg::detail::Walker walker(g, all);
  auto s = walker.find_step(id(g, "m"), id(g, "b"));
  REQUIRE(s);
  CHECK(g.relation_of(s->edge).name == "q");
  CHECK(s->forward);
  auto back = walker.find_step(id(g, "m"), id(g, "a"));
  REQUIRE(back);
  CHECK_FALSE(back->forward);
  CHECK_FALSE(walker.find_step(id(g, "a"), id(g, "c")));
}

TEST_CASE("Walker: node checks follow the type filter and the avoid list") {
  const kg::Graph g = graph_of({"a -r-> b:x", "a -r-> c"});
  kg::Filter f;
  f.types = {*g.find_type("t")};
  f.avoid = {id(g, "c")};
  const kg::detail::Walker walker(g, f);
  CHECK(walker.reachable(id(g, "a")));
  CHECK_FALSE(walker.reachable(id(g, "b")));  // type x
  CHECK_FALSE(walker.reachable(id(g, "c")));  // avoided
  CHECK(walker.avoided(id(g, "c")));
  CHECK_FALSE(walker.all_nodes_allowed());
  const kg::Filter none;
  CHECK(kg::detail::Walker(g, none).all_nodes_allowed());
}

TEST_CASE("Walker: the unordered neighbour pass reaches the same neighbours") {
  const kg::Graph g = graph_of(kEdges);
  for (const bool with_relation_filter : {false, true}) {
    kg::Filter f;
    if (with_relation_filter) f.not_relations = {*g.find_relation("q")};
    const kg::detail::Walker walker(g, f);
    std::multiset<kg::NodeId> ordered, unordered;
    walker.for_each_step(id(g, "m"), false, [&](kg::NodeId v, const kg::Step&) {
      ordered.insert(v);
      return true;
    });
    walker.for_each_neighbour(id(g, "m"), false, [&](kg::NodeId v) { unordered.insert(v); });
    CAPTURE(with_relation_filter);
    CHECK(std::set<kg::NodeId>(ordered.begin(), ordered.end()) ==
          std::set<kg::NodeId>(unordered.begin(), unordered.end()));
  }
}

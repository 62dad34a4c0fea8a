// Tests for neighbourhood and common_neighbours on hand-built graphs.
#include <fmt/format.h>

#include <doctest/doctest.h>

#include "kg/algorithms.h"
#include "kg/cancel.h"
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
  CHECK(around(g, "a", 3) ==
        "a:0 b:1 f:1 c:2 x:2 d:3 | a>b b>c c>d b>x f>a");  // edges in dataset order
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
    edges.push_back(i % 2 ? "n" + std::to_string(i) + " -r-> hub"
                          : "hub -r-> n" + std::to_string(i));
  }
  const kg::Graph g = graph_of(edges);
  auto r = kg::neighbourhood(g, id(g, "hub"), 1, {});
  REQUIRE(r.ok());
  REQUIRE(r->nodes.size() == 301);
  CHECK(g.node(r->nodes[1].node).key == "n700");
  CHECK(g.node(r->nodes[300].node).key == "n999");
  bool sorted = true;
  for (std::size_t i = 2; i < r->nodes.size(); ++i)
    sorted = sorted && r->nodes[i - 1].node < r->nodes[i].node;
  CHECK(sorted);
}

namespace {

// "z:2 via m -[r]->" for each reached node: depth, parent and the step that reached it.
std::string how(const kg::Graph& g, const char* center, int depth, const kg::Filter& f = {}) {
  auto r = kg::neighbourhood(g, id(g, center), depth, f);
  if (!r.ok()) return r.status().to_string();
  std::string out;
  for (const kg::Reached& n : r->nodes) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{}:{}", g.node(n.node).key, n.depth);
    if (n.parent == kg::kNoNode) continue;
    const kg::Edge e = g.edge(n.step.edge);
    out += fmt::format(" via {} {}[{}]{}", g.node(n.parent).key, n.step.forward ? "-" : "<-",
                       g.relation_of(n.step.edge).name, n.step.forward ? "->" : "-");
    CHECK(e.from == (n.step.forward ? n.parent : n.node));
  }
  return out;
}

}  // namespace

TEST_CASE("Neighbourhood: each node says how it was first reached") {
  // c is reached from a (forward, r) and from b (backward, s); a comes first. f points at a.
  const kg::Graph g = graph_of(
      {"a -r-> c", "c -s-> b", "f -q-> a", "center -r-> a", "center -r-> b", "b -q-> center"});
  CHECK(how(g, "center", 2) ==
        "center:0, a:1 via center -[r]->, b:1 via center -[r]->, c:2 via a -[r]->, "
        "f:2 via a <-[q]-");
  // Only backward steps out of b: the in-edge b -q-> center is walked backward from center.
  kg::Filter in;
  in.direction = kg::Direction::kIn;
  CHECK(how(g, "center", 1, in) == "center:0, b:1 via center <-[q]-");
  // Under a relation filter the same steps come from the ordered scan.
  kg::Filter only_rq;
  only_rq.only_relations = {*g.find_relation("r"), *g.find_relation("q")};
  CHECK(how(g, "center", 2, only_rq) ==
        "center:0, a:1 via center -[r]->, b:1 via center -[r]->, c:2 via a -[r]->, "
        "f:2 via a <-[q]-");
}

TEST_CASE("Neighbourhood: --through limits the walk, --type only the listing") {
  // A cyber threat m (type x) links the center c to the actor z (type t): c - m - z, and c - y.
  const kg::Graph g = graph_of({"c -r-> m:x", "z -r-> m:x", "c -r-> y", "y -r-> w:x"});
  const kg::TypeId t = *g.find_type("t"), x = *g.find_type("x");
  kg::Filter listed;
  listed.listed = {t};
  // z is found behind m and listed; m and w are passed but not listed.
  CHECK(how(g, "c", 2, listed) == "c:0, y:1 via c -[r]->, z:2 via m <-[r]-");
  kg::Filter through;
  through.through = {t};
  // m is reached but not passed through, so z is out of reach; w is reached through y.
  CHECK(how(g, "c", 2, through) == "c:0, m:1 via c -[r]->, y:1 via c -[r]->, w:2 via y -[r]->");
  kg::Filter both;
  both.through = {x};
  both.listed = {t};
  CHECK(how(g, "c", 2, both) == "c:0, y:1 via c -[r]->, z:2 via m <-[r]-");
  kg::Filter old;  // the older filter: nothing of another type is reached at all
  old.types = {t};
  CHECK(how(g, "c", 2, old) == "c:0, y:1 via c -[r]->");
}

TEST_CASE("Neighbourhood: --avoid-hubs reaches a hub but does not pass it") {
  // h has degree 4 (c, l1, l2, l3).
  const kg::Graph g = graph_of({"c -r-> h", "h -r-> l1", "h -r-> l2", "h -r-> l3", "c -r-> k"});
  kg::Filter f;
  f.avoid_hubs = 3;
  CHECK(around(g, "c", 2, f) == "c:0 h:1 k:1 | c>h c>k");
  CHECK(around(g, "h", 1, f) ==
        "h:0 c:1 l1:1 l2:1 l3:1 | c>h h>l1 h>l2 h>l3");  // the center may be one
}

TEST_CASE("Neighbourhood: a set CancelToken interrupts") {
  const kg::Graph g = chain();
  kg::CancelToken cancel;
  cancel.set();
  kg::Filter f;
  f.cancel = &cancel;
  CHECK(around(g, "a", 2, f) == "error: interrupted");
  const std::vector<kg::NodeId> ab{id(g, "a"), id(g, "c")};
  CHECK(kg::common_neighbours(g, ab, f).status().kind() == kg::ErrorKind::kInterrupted);
}

TEST_CASE("CommonNeighbours: each common neighbour with the steps that reach it") {
  // c is common to a (a -r-> c) and b (c -s-> b, walked backward from b); h is a hub.
  const kg::Graph g = graph_of({"a -r-> c", "c -s-> b", "a -q-> h", "b -q-> h", "h -r-> l1",
                                "h -r-> l2", "a -r-> d:x", "b -r-> d:x"});
  const std::vector<kg::NodeId> ab{id(g, "a"), id(g, "b")};
  auto show = [&](const kg::Filter& f) {
    auto r = kg::common_neighbours_with_steps(g, ab, f);
    REQUIRE(r.ok());
    std::string out;
    for (const kg::CommonNeighbour& c : *r) {
      out += std::string(g.node(c.node).key) + ":";
      for (const kg::Step& s : c.steps) {
        out += fmt::format(" {}{}", g.relation_of(s.edge).name, s.forward ? ">" : "<");
      }
      out += ";";
    }
    return out;
  };
  CHECK(show({}) == "c: r> s<;d: r> r>;h: q> q>;");
  kg::Filter no_hubs;
  no_hubs.avoid_hubs = 3;  // h has degree 4
  CHECK(show(no_hubs) == "c: r> s<;d: r> r>;");
  kg::Filter through_t;
  through_t.through = {*g.find_type("t")};
  CHECK(show(through_t) == "c: r> s<;h: q> q>;");
  kg::Filter listed_x;
  listed_x.listed = {*g.find_type("x")};
  CHECK(show(listed_x) == "d: r> r>;");
}

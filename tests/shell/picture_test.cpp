// Tests for shell/picture.h: which nodes a cut picture keeps (depth, then the degree of the node
// passed through, then own degree, then key), the picture's DOT text with legend and caption,
// and the run of Graphviz's dot (skipped with a message when it is not installed).
#include "picture.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "kg/algorithms.h"
#include "support/test_graph.h"

namespace {

using kg::test::graph_of;
using kg::test::id;

// The drawing of `neighbours c --depth 2` on `g`: nodes with depth and parent, every edge among
// them.
kg::shell::Drawing neighbourhood_drawing(const kg::Graph& g) {
  auto n = kg::neighbourhood(g, id(g, "c"), 2, {});
  REQUIRE(n.ok());
  kg::shell::Drawing d;
  d.emphasised = {id(g, "c")};
  for (const kg::Reached& r : n->nodes) {
    d.nodes.push_back(r.node);
    d.depth.push_back(r.depth);
    d.via.push_back(r.parent);
  }
  d.edges = kg::edges_among(g, n->nodes, {});
  return d;
}

std::string keys(const kg::Graph& g, const kg::shell::Drawing& d) {
  std::string out;
  for (kg::NodeId n : d.nodes) out += (out.empty() ? "" : " ") + std::string(g.node(n).key);
  return out;
}

std::string edges(const kg::Graph& g, const kg::shell::Drawing& d) {
  std::string out;
  for (kg::EdgeId e : d.edges) {
    out += (out.empty() ? "" : " ") + std::string(g.node(g.edge(e).from).key) + ">" +
           std::string(g.node(g.edge(e).to).key);
  }
  return out;
}

// c reaches hub h (degree 5), a (degree 2) and b (degree 3); at depth 2 x1..x4 through h, y1
// through a, z1 (degree 2) and z2 (degree 1) through b; w lies at depth 3.
kg::Graph hub_graph() {
  return graph_of({"c -r-> h", "c -r-> a", "c -r-> b", "h -r-> x1", "h -r-> x2", "h -r-> x3",
                   "h -r-> x4", "a -r-> y1", "b -r-> z1", "b -r-> z2", "z1 -r-> w"});
}

}  // namespace

TEST_CASE("Picture: a cut keeps the nearest nodes, those reached through a hub last") {
  const kg::Graph g = hub_graph();
  const kg::shell::Drawing d = neighbourhood_drawing(g);
  REQUIRE(d.nodes.size() == 11);
  SUBCASE("the nodes of depth 0 and 1 first, then depth 2 by the degree passed through") {
    // y1 comes through a (degree 2), z2 and z1 through b (degree 3): z2 first, being the less
    // connected; x1..x4 through the hub h come last.
    const kg::shell::Drawing six = kg::shell::nearest_nodes(g, d, 6);
    CHECK(keys(g, six) == "c a b h y1 z2");
    CHECK(edges(g, six) == "c>h c>a c>b a>y1 b>z2");
    CHECK(six.depth == std::vector<int>{0, 1, 1, 1, 2, 2});
    CHECK(six.emphasised == d.emphasised);
    CHECK(keys(g, kg::shell::nearest_nodes(g, d, 7)) == "c a b h y1 z1 z2");
  }
  SUBCASE("nodes alike in depth and degrees are taken by key: x3 and x4 are left out") {
    CHECK(keys(g, kg::shell::nearest_nodes(g, d, 9)) == "c a b h x1 x2 y1 z1 z2");
  }
  SUBCASE("a drawing within the limit is kept whole") {
    const kg::shell::Drawing all = kg::shell::nearest_nodes(g, d, 11);
    CHECK(keys(g, all) == keys(g, d));
    CHECK(edges(g, all) == edges(g, d));
  }
  SUBCASE("a cut that leaves out the emphasised node drops its emphasis") {
    kg::shell::Drawing far = d;
    far.emphasised = {id(g, "x4")};
    CHECK(kg::shell::nearest_nodes(g, far, 4).emphasised.empty());
  }
  SUBCASE("nodes without depths count as depth 0 and are taken by degree") {
    kg::shell::Drawing flat;
    flat.nodes = {id(g, "h"), id(g, "b"), id(g, "x1"), id(g, "a")};
    CHECK(keys(g, kg::shell::nearest_nodes(g, flat, 2)) == "x1 a");
  }
}

TEST_CASE("Picture: a node next to a hub and to a less connected node ranks by the latter") {
  // n is reached through a (degree 6: its key comes first) but also hangs off m (degree 2), so
  // it goes before a's other neighbours p1..p3 and q, though they are less connected than n.
  const kg::Graph g = graph_of({"c -r-> a", "c -r-> m", "a -r-> n", "m -r-> n", "a -r-> p1",
                                "a -r-> p2", "a -r-> p3", "a -r-> q"});
  const kg::shell::Drawing d = neighbourhood_drawing(g);
  REQUIRE(keys(g, d) == "c a m n p1 p2 p3 q");
  REQUIRE(g.node(d.via[3]).key == "a");
  CHECK(keys(g, kg::shell::nearest_nodes(g, d, 4)) == "c a m n");
  CHECK(keys(g, kg::shell::nearest_nodes(g, d, 5)) == "c a m n p1");
}

TEST_CASE("Picture: the DOT text has a legend of the types drawn and says what was left out") {
  // c is in column 1, a in column 0: the edge c -> a is laid out a to c, its arrow reversed;
  // h -> h2 within column 2 stays as it is.
  const kg::Graph g = graph_of({"c -r-> h:x", "c -s-> a", "h -q-> h2"});
  kg::shell::Drawing d;
  d.nodes = {id(g, "c"), id(g, "h"), id(g, "a"), id(g, "h2")};
  d.emphasised = {id(g, "c")};
  d.edges = {0, 1, 2};
  d.column = {1, 2, 0, 2};
  const std::string head =
      "digraph kamergraaf {\n"
      "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, nodesep=0.12, ranksep=0.5, "
      "pad=0.2, labelloc=t, labeljust=l, label=<<TABLE BORDER=\"0\" CELLSPACING=\"0\" "
      "CELLPADDING=\"2\"><TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLSPACING=\"3\" "
      "ALIGN=\"LEFT\"><TR><TD>types:</TD><TD BGCOLOR=\"#cfe2f3\" BORDER=\"1\">t (3)</TD><TD "
      "BGCOLOR=\"#f4cccc\" BORDER=\"1\">x (1)</TD></TR></TABLE></TD></TR>";
  const std::string body =
      "</TABLE>>];\n"
      "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=12, "
      "height=0.3, margin=\"0.08,0.03\"];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#666666\", fontcolor=\"#333333\", "
      "arrowsize=0.6];\n"
      "  \"c\" [label=\"c\", fillcolor=\"#cfe2f3\", tooltip=\"c (t, c)\", penwidth=2.5];\n"
      "  \"h\" [label=\"h\", fillcolor=\"#f4cccc\", tooltip=\"h (x, h)\"];\n"
      "  \"a\" [label=\"a\", fillcolor=\"#cfe2f3\", tooltip=\"a (t, a)\"];\n"
      "  \"h2\" [label=\"h2\", fillcolor=\"#cfe2f3\", tooltip=\"h2 (t, h2)\"];\n";
  SUBCASE("whole: no caption; a step back is laid out forwards, its arrow reversed") {
    CHECK(kg::shell::picture_dot(g, d, 4, false) ==
          head + body +
              "  \"c\" -> \"h\" [label=\"r-forward\", tooltip=\"src, p. 1\"];\n"
              "  \"a\" -> \"c\" [label=\"s-forward\", tooltip=\"src, p. 1\", dir=back];\n"
              "  \"h\" -> \"h2\" [label=\"q-forward\", tooltip=\"src, p. 1\"];\n"
              "}\n");
  }
  SUBCASE("cut: the caption counts what is left out; sources put the paper under the label") {
    CHECK(kg::shell::picture_dot(g, d, 10, true) ==
          head +
              "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">picture shows 4 of 10 nodes: the 6 farthest "
              "from the question are left out<BR/>(--format dot, graphml or gexf has them "
              "all)</TD></TR>" +
              body +
              "  \"c\" -> \"h\" [label=\"r-forward\\n[src]\", tooltip=\"src, p. 1\"];\n"
              "  \"a\" -> \"c\" [label=\"s-forward\\n[src]\", tooltip=\"src, p. 1\", dir=back];\n"
              "  \"h\" -> \"h2\" [label=\"q-forward\\n[src]\", tooltip=\"src, p. 1\"];\n"
              "}\n");
  }
}

TEST_CASE("Picture: legend text is escaped; what XML cannot hold is U+FFFD") {
  kg::GraphBuilder b;
  b.add_type({"a<&>\"b", ""});
  b.add_type({"kamerstuk", ""});
  b.add_node("n", "a<&>\"b", "Bel\x07 \xEF\xBF\xBF \xFF.");
  auto g = std::move(b).build();
  REQUIRE(g.ok());
  kg::shell::Drawing d;
  d.nodes = {*g->find_key("n")};
  const std::string dot = kg::shell::picture_dot(*g, d, 1, false);
  CHECK(dot.find(" BORDER=\"1\">a&lt;&amp;&gt;&quot;b (1)</TD>") != std::string::npos);
  CHECK(dot.find("[label=\"Bel\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD.\"") != std::string::npos);
}

TEST_CASE("Picture: dot turns the DOT text into SVG, the same bytes each time") {
  if (std::system("command -v dot >/dev/null 2>&1") != 0) {
    MESSAGE("Graphviz's dot is not installed (apt-get install graphviz): skipped");
    return;
  }
  const kg::Graph g = graph_of({"c -r-> h:x", "c -s-> a"});
  kg::shell::Drawing d;
  d.nodes = {id(g, "c"), id(g, "h"), id(g, "a")};
  d.edges = {0, 1};
  std::vector<std::string> warnings;
  auto svg = kg::shell::run_dot(kg::shell::picture_dot(g, d, 5, false), warnings);
  REQUIRE(svg.ok());
  CHECK(svg->starts_with("<?xml"));
  CHECK(svg->find("picture shows 3 of 5 nodes") != std::string::npos);
  CHECK(svg->find(">x (1)</text>") != std::string::npos);
  CHECK(svg->find(">types:</text>") != std::string::npos);
  CHECK(warnings.empty());
  auto again = kg::shell::run_dot(kg::shell::picture_dot(g, d, 5, false), warnings);
  REQUIRE(again.ok());
  CHECK(*again == *svg);
  SUBCASE("text dot cannot read is an error with dot's first line") {
    auto bad = kg::shell::run_dot("digraph {", warnings);
    REQUIRE(!bad.ok());
    CHECK(bad.status().message() ==
          "Graphviz's dot failed (exit 1): Error: <stdin>: syntax error in line 1");
  }
}

// Tests for rank (degree, betweenness, PageRank) and components.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "kg/algorithms.h"
#include "support/test_graph.h"

using kg::test::graph_of;
using kg::test::id;
using kg::test::render;

namespace {

std::string ranked(const kg::Graph& g, kg::Centrality c, const kg::Filter& f = {}) {
  std::string out;
  for (const kg::Scored& s : kg::rank(g, c, f)) {
    out += fmt::format("{}{}={:.3g}", out.empty() ? "" : " ", g.node(s.node).key, s.score);
  }
  return out;
}

}  // namespace

TEST_CASE("Rank: degree counts allowed edges per direction") {
  const kg::Graph g = graph_of({"a -r-> b", "c -r-> b", "b -s-> d"});
  CHECK(ranked(g, kg::Centrality::kDegree) == "b=3 a=1 c=1 d=1 src=0");
  kg::Filter in;
  in.direction = kg::Direction::kIn;
  CHECK(ranked(g, kg::Centrality::kDegree, in) == "b=2 d=1 a=0 c=0 src=0");
  kg::Filter no_s;
  no_s.not_relations = {*g.find_relation("s")};
  CHECK(ranked(g, kg::Centrality::kDegree, no_s) == "b=2 a=1 c=1 d=0 src=0");
  kg::Filter only_t;
  only_t.types = {*g.find_type("t")};
  CHECK(ranked(g, kg::Centrality::kDegree, only_t) == "b=3 a=1 c=1 d=1");
}

TEST_CASE("Rank: betweenness on a path graph") {
  // a - b - c - d: b lies on the shortest paths a-c and a-d, c on a-d and b-d.
  const kg::Graph g = graph_of({"a -r-> b", "b -r-> c", "c -r-> d"});
  CHECK(ranked(g, kg::Centrality::kBetweenness) == "b=2 c=2 a=0 d=0 src=0");
  kg::Filter out;
  out.direction = kg::Direction::kOut;
  CHECK(ranked(g, kg::Centrality::kBetweenness, out) == "b=2 c=2 a=0 d=0 src=0");
}

TEST_CASE("Rank: PageRank favours the node everyone points to") {
  const kg::Graph g = graph_of({"a -r-> b", "c -r-> b", "d -r-> b", "b -r-> a"});
  kg::Filter out;
  out.direction = kg::Direction::kOut;
  const auto scores = kg::rank(g, kg::Centrality::kPageRank, out);
  REQUIRE(scores.size() == 5);
  CHECK(g.node(scores[0].node).key == "b");
  CHECK(g.node(scores[1].node).key == "a");
  CHECK(scores[0].score > scores[1].score);
}

TEST_CASE("Components: largest first, members in key order") {
  const kg::Graph g = graph_of({"a -r-> b", "c -r-> b", "x -r-> y", "m -s-> n", "n -s-> o"});
  std::string out;
  for (const auto& c : kg::components(g, {})) out += "[" + render(g, c) + "]";
  CHECK(out == "[a b c][m n o][x y][src]");
  kg::Filter no_s;
  no_s.not_relations = {*g.find_relation("s")};
  out.clear();
  for (const auto& c : kg::components(g, no_s)) out += "[" + render(g, c) + "]";
  CHECK(out == "[a b c][x y][m][n][o][src]");
  kg::Filter avoid;
  avoid.avoid = {id(g, "b")};
  out.clear();
  for (const auto& c : kg::components(g, avoid)) out += "[" + render(g, c) + "]";
  CHECK(out == "[m n o][x y][a][c][src]");
}

// Tests for rank (degree, betweenness, PageRank) and components.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <chrono>
#include <random>
#include <thread>

#include "kg/algorithms.h"
#include "kg/cancel.h"
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

namespace {

// A seeded random graph of `n` nodes and `m` edges (parallel edges and both directions occur).
kg::Graph random_graph(int n, int m, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<std::string> edges;
  for (int i = 0; i < m; ++i) {
    const auto a = rng() % static_cast<unsigned>(n), b = rng() % static_cast<unsigned>(n);
    if (a == b) continue;
    edges.push_back(fmt::format("v{:03} -r-> v{:03}", a, b));
  }
  return graph_of(edges);
}

// Boost.Graph's brandes_betweenness_centrality on a copy, as rank() used to compute it.
std::vector<double> boost_betweenness(const kg::Graph& g, kg::Direction d) {
  std::vector<double> score(g.node_count(), 0.0);
  auto map = boost::make_iterator_property_map(score.begin(),
                                               boost::typed_identity_property_map<std::size_t>());
  auto fill = [&](auto& bgl) {
    for (kg::EdgeId e = 0; e < g.edge_count(); ++e) {
      const kg::Edge edge = g.edge(e);
      if (d == kg::Direction::kIn) {
        boost::add_edge(edge.to, edge.from, bgl);
      } else {
        boost::add_edge(edge.from, edge.to, bgl);
      }
    }
    boost::brandes_betweenness_centrality(bgl, boost::centrality_map(map));
  };
  if (d == kg::Direction::kBoth) {
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> bgl(g.node_count());
    fill(bgl);
  } else {
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS> bgl(g.node_count());
    fill(bgl);
  }
  return score;
}

}  // namespace

TEST_CASE("Rank: betweenness gives Boost.Graph's numbers") {
  for (unsigned seed : {1u, 2u, 3u}) {
    const kg::Graph g = random_graph(60, 150, seed);
    for (kg::Direction d : {kg::Direction::kBoth, kg::Direction::kOut, kg::Direction::kIn}) {
      kg::Filter f;
      f.direction = d;
      auto r = kg::ranking(g, kg::Centrality::kBetweenness, f);
      REQUIRE(r.ok());
      CHECK_FALSE(r->estimated());
      const std::vector<double> expected = boost_betweenness(g, d);
      REQUIRE(r->nodes.size() == g.node_count());
      for (const kg::Scored& s : r->nodes) CHECK(s.score == doctest::Approx(expected[s.node]));
    }
  }
}

TEST_CASE("Rank: above the exact limit, betweenness is estimated from sampled sources") {
  // A path of 30 nodes v000 - v001 - ... - v029 (plus the unconnected src: 31 nodes).
  std::vector<std::string> edges;
  for (int i = 0; i + 1 < 30; ++i) edges.push_back(fmt::format("v{:03} -r-> v{:03}", i, i + 1));
  const kg::Graph g = graph_of(edges);
  kg::Filter f;
  f.limits.betweenness_exact_nodes = 10;
  f.limits.betweenness_samples = 8;
  auto r = kg::ranking(g, kg::Centrality::kBetweenness, f);
  REQUIRE(r.ok());
  CHECK(r->estimated());
  CHECK(r->sampled_sources == 8);
  auto again = kg::ranking(g, kg::Centrality::kBetweenness, f);
  REQUIRE(again.ok());
  bool same = again->nodes.size() == r->nodes.size();
  for (std::size_t i = 0; same && i < r->nodes.size(); ++i) {
    same = r->nodes[i].node == again->nodes[i].node && r->nodes[i].score == again->nodes[i].score;
  }
  CHECK(same);  // seeded: the same estimate every time
  // The estimate is an unbiased scaled sum; on a path the middle still ranks above the ends.
  double middle = 0, end = 0;
  for (const kg::Scored& s : r->nodes) {
    if (g.node(s.node).key == "v015") middle = s.score;
    if (g.node(s.node).key == "v000") end = s.score;
  }
  CHECK(end == 0);
  CHECK(middle > 0);
  // With every node a source the "estimate" is exact: scale 31 / 31.
  f.limits.betweenness_samples = 31;
  auto all = kg::ranking(g, kg::Centrality::kBetweenness, f);
  REQUIRE(all.ok());
  CHECK_FALSE(all->estimated());
  CHECK(g.node(all->nodes[0].node).key == "v014");  // 14 * 15 = 210 pairs, as v015
  CHECK(all->nodes[0].score == 210);
}

TEST_CASE("Rank: --through removes nodes from the measured graph, --type only lists") {
  // a - m:x - b: without m nothing lies between a and b.
  const kg::Graph g = graph_of({"a -r-> m:x", "m:x -r-> b", "a -r-> c"});
  kg::Filter through;
  through.through = {*g.find_type("t")};
  CHECK(ranked(g, kg::Centrality::kDegree, through) == "a=1 c=1 b=0");  // src is a kamerstuk
  kg::Filter listed;
  listed.listed = {*g.find_type("x")};
  CHECK(ranked(g, kg::Centrality::kDegree, listed) == "m=2");
  CHECK(ranked(g, kg::Centrality::kBetweenness, listed) == "m=2");  // a-b and c-b
  kg::Filter hubs;
  hubs.avoid_hubs = 1;  // a and m have degree 2
  CHECK(ranked(g, kg::Centrality::kDegree, hubs) == "b=0 c=0 src=0");
}

TEST_CASE("Components: --through splits, --type lists") {
  const kg::Graph g = graph_of({"a -r-> m:x", "m:x -r-> b", "c -r-> d"});
  auto show = [&](const kg::Filter& f) {
    auto r = kg::connected_components(g, f);
    REQUIRE(r.ok());
    std::string out;
    for (const auto& c : *r) out += "[" + render(g, c) + "]";
    return out;
  };
  CHECK(show({}) == "[a b m][c d][src]");
  kg::Filter through;
  through.through = {*g.find_type("t")};
  CHECK(show(through) == "[c d][a][b]");  // m and src (a kamerstuk) are not a through type
  kg::Filter listed;
  listed.listed = {*g.find_type("t")};
  CHECK(show(listed) == "[a b][c d]");  // src is a kamerstuk: not listed
}

TEST_CASE("Rank and components: a CancelToken stops them") {
  SUBCASE("set before") {
    const kg::Graph g = graph_of({"a -r-> b", "b -r-> c"});
    kg::CancelToken cancel;
    cancel.set();
    kg::Filter f;
    f.cancel = &cancel;
    for (auto c :
         {kg::Centrality::kDegree, kg::Centrality::kBetweenness, kg::Centrality::kPageRank}) {
      CHECK(kg::ranking(g, c, f).status().to_string() == "error: interrupted");
      CHECK(kg::rank(g, c, f).empty());
    }
    CHECK(kg::connected_components(g, f).status().kind() == kg::ErrorKind::kInterrupted);
  }
  SUBCASE("set while betweenness runs") {
    // Exact betweenness on a 20000-node ring takes seconds; the token is set after 50 ms and
    // the answer must come well within a second of that.
    std::vector<std::string> edges;
    const int n = 20000;
    for (int i = 0; i < n; ++i) edges.push_back(fmt::format("v{} -r-> v{}", i, (i + 1) % n));
    const kg::Graph g = graph_of(edges);
    kg::CancelToken cancel;
    kg::Filter f;
    f.cancel = &cancel;
    f.limits.betweenness_exact_nodes = 1'000'000;
    std::chrono::steady_clock::time_point set_at;
    std::thread stopper([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      set_at = std::chrono::steady_clock::now();
      cancel.set();
    });
    auto r = kg::ranking(g, kg::Centrality::kBetweenness, f);
    const auto done = std::chrono::steady_clock::now();
    stopper.join();
    CHECK(r.status().kind() == kg::ErrorKind::kInterrupted);
    const auto latency = std::chrono::duration_cast<std::chrono::milliseconds>(done - set_at);
    MESSAGE("interrupted " << latency.count() << " ms after the token was set");
    CHECK(latency.count() < 1000);
  }
}

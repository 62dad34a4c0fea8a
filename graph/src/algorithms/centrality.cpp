// Ranking and components. Degree counts edges; betweenness is Brandes' algorithm written over
// adjacency arrays built from the filtered graph, because Boost.Graph's
// brandes_betweenness_centrality can be neither interrupted nor limited to sampled sources (the
// tests check that both give the same numbers); PageRank runs Boost.Graph's page_rank on an
// adjacency_list copy of the filtered edges: every measure runs on the edge set the Filter leaves,
// not on the snapshot's CSR arrays, so a graph_traits adaptor over those arrays would serve only
// the unfiltered case and still need this copy for the rest. Components use Boost's disjoint sets
// on the edge list. Every loop polls the filter's CancelToken.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/pending/disjoint_sets.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <utility>

#include "algorithms/path_search.h"
#include "algorithms/traversal.h"
#include "kg/algorithms.h"

namespace kg {
namespace {

constexpr std::size_t kPollEvery = 1 << 16;  // edges or nodes between two reads of the token

// The node-and-edge set a filter leaves for whole-graph measures: avoided nodes, nodes outside
// filter.through and hubs above filter.avoid_hubs are removed; edges must pass the relation
// filter. The older `types` filter removes nodes only for components (`honour_types`); for the
// rankings it selects which nodes are listed.
struct FilteredEdges {
  std::vector<char> keep_node;
  std::size_t kept = 0;
  std::vector<std::pair<NodeId, NodeId>> ends;  // from, to as stored
};

std::optional<FilteredEdges> filtered_edges(const Graph& g, const detail::Walker& walker,
                                            const Filter& filter, bool honour_types) {
  std::vector<char> through(g.types().size(), filter.through.empty() ? 1 : 0);
  for (TypeId t : filter.through) through[t] = 1;
  FilteredEdges f;
  f.keep_node.assign(g.node_count(), 1);
  for (NodeId v = 0; v < g.node_count(); ++v) {
    bool keep = !walker.avoided(v) && through[g.node(v).type] != 0 &&
                (filter.avoid_hubs == 0 || walker.node_degree(v) <= filter.avoid_hubs);
    if (honour_types) keep = keep && walker.reachable(v);
    f.keep_node[v] = keep;
    f.kept += keep ? 1 : 0;
  }
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    if (e % kPollEvery == 0 && walker.cancelled()) return std::nullopt;
    const Edge edge = g.edge(e);
    if (!walker.relation_allowed(edge.relation)) continue;
    if (!f.keep_node[edge.from] || !f.keep_node[edge.to]) continue;
    f.ends.emplace_back(edge.from, edge.to);
  }
  return f;
}

std::vector<Scored> listed(const Graph& g, const detail::Walker& walker,
                           const std::vector<char>& keep, const std::vector<double>& score) {
  std::vector<Scored> out;
  for (NodeId v = 0; v < g.node_count(); ++v) {
    if (keep[v] && walker.listable(v)) out.push_back({v, score[v]});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Scored& a, const Scored& b) { return a.score > b.score; });
  return out;
}

std::vector<double> degree(const Graph& g, const FilteredEdges& f, Direction d) {
  std::vector<double> score(g.node_count(), 0.0);
  for (auto [from, to] : f.ends) {
    if (d != Direction::kIn) score[from] += 1;
    if (d != Direction::kOut) score[to] += 1;
  }
  return score;
}

// Compressed adjacency of the measured graph: the steps out of each node in the filter's
// direction (both ways for kBoth, once per edge, parallel edges kept: each is its own path, as
// in Boost.Graph's count).
struct Adjacency {
  std::vector<std::size_t> start;  // n + 1
  std::vector<NodeId> to;
};

Adjacency adjacency(std::size_t n, const FilteredEdges& f, bool reverse, bool both) {
  Adjacency a;
  a.start.assign(n + 1, 0);
  for (auto [from, to] : f.ends) {
    ++a.start[(reverse ? to : from) + 1];
    if (both) ++a.start[(reverse ? from : to) + 1];
  }
  for (std::size_t v = 0; v < n; ++v) a.start[v + 1] += a.start[v];
  a.to.resize(a.start[n]);
  std::vector<std::size_t> at(a.start.begin(), a.start.end() - 1);
  for (auto [from, to] : f.ends) {
    const NodeId x = reverse ? to : from, y = reverse ? from : to;
    a.to[at[x]++] = y;
    if (both) a.to[at[y]++] = x;
  }
  return a;
}

// Brandes (2001) from each source in `sources`, each dependency scaled by `scale`; halved
// when undirected, so that each unordered pair counts once, as Boost.Graph does. nullopt when
// interrupted.
std::optional<std::vector<double>> brandes(std::size_t n, const Adjacency& out, const Adjacency& in,
                                           const std::vector<NodeId>& sources, double scale,
                                           bool undirected, const detail::Walker& walker) {
  std::vector<double> score(n, 0.0), sigma(n, 0.0), delta(n, 0.0);
  std::vector<int> dist(n, -1);
  std::vector<NodeId> order;
  order.reserve(n);
  std::size_t work = 0;
  for (NodeId s : sources) {
    order.clear();
    order.push_back(s);
    dist[s] = 0;
    sigma[s] = 1;
    for (std::size_t head = 0; head < order.size(); ++head) {
      const NodeId v = order[head];
      const std::size_t b = out.start[v], e = out.start[v + 1];
      work += e - b + 1;
      if (work >= kPollEvery) {
        work = 0;
        if (walker.cancelled()) return std::nullopt;
      }
      for (std::size_t i = b; i < e; ++i) {
        const NodeId w = out.to[i];
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order.push_back(w);
        }
        if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    for (std::size_t k = order.size(); k-- > 1;) {  // order[0] is s
      const NodeId w = order[k];
      const double share = (1 + delta[w]) / sigma[w];
      for (std::size_t i = in.start[w], e = in.start[w + 1]; i < e; ++i) {
        const NodeId v = in.to[i];
        if (dist[v] == dist[w] - 1) delta[v] += sigma[v] * share;
      }
      score[w] += delta[w] * scale;
    }
    for (NodeId v : order) {
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  if (undirected) {
    for (double& x : score) x /= 2;
  }
  return score;
}

// Exact, or from sampled sources above the limit: a partial Fisher-Yates shuffle driven by
// mt19937_64 with a fixed seed (its output is fixed by the standard, unlike the distributions),
// so the same graph always gives the same estimate.
std::optional<std::vector<double>> betweenness(const Graph& g, const FilteredEdges& f, Direction d,
                                               const Limits& limits, const detail::Walker& walker,
                                               std::size_t& sampled) {
  const std::size_t n = g.node_count();
  const bool both = d == Direction::kBoth;
  const bool reverse = d == Direction::kIn;
  const Adjacency out = adjacency(n, f, reverse, both);
  const Adjacency in = both ? Adjacency{} : adjacency(n, f, !reverse, false);
  std::vector<NodeId> sources;
  sources.reserve(f.kept);
  for (NodeId v = 0; v < n; ++v) {
    if (f.keep_node[v]) sources.push_back(v);
  }
  double scale = 1;
  sampled = 0;
  if (sources.size() > limits.betweenness_exact_nodes && limits.betweenness_samples > 0 &&
      limits.betweenness_samples < sources.size()) {
    const std::size_t m = sources.size(), k = limits.betweenness_samples;
    std::mt19937_64 rng(0x6b616d6572ULL);  // "kamer"
    for (std::size_t i = 0; i < k; ++i) {
      const std::size_t j = i + static_cast<std::size_t>(rng() % (m - i));
      std::swap(sources[i], sources[j]);
    }
    sources.resize(k);
    std::sort(sources.begin(), sources.end());
    scale = static_cast<double>(m) / static_cast<double>(k);
    sampled = k;
  }
  return brandes(n, out, both ? out : in, sources, scale, both, walker);
}

template <typename BglGraph>
std::optional<BglGraph> copy_graph(const Graph& g, const FilteredEdges& f, Direction d,
                                   const detail::Walker& walker) {
  BglGraph bgl(g.node_count());
  std::size_t i = 0;
  for (auto [from, to] : f.ends) {
    if (++i % kPollEvery == 0 && walker.cancelled()) return std::nullopt;
    if (d == Direction::kIn) {
      boost::add_edge(to, from, bgl);
    } else {
      boost::add_edge(from, to, bgl);
      if (d == Direction::kBoth && boost::is_directed(bgl)) boost::add_edge(to, from, bgl);
    }
  }
  return bgl;
}

// page_rank's stopping rule: Boost.Graph's n_iterations(20), or sooner when cancelled.
struct IterationsOrCancel {
  int left;
  const detail::Walker* walker;
  bool* interrupted;
  template <typename RankMap, typename G>
  bool operator()(const RankMap&, const G&) {
    if (walker->cancelled()) {
      *interrupted = true;
      return true;
    }
    return left-- == 0;
  }
};

std::optional<std::vector<double>> pagerank(const Graph& g, const FilteredEdges& f, Direction d,
                                            const detail::Walker& walker) {
  using B = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
  auto bgl = copy_graph<B>(g, f, d, walker);
  if (!bgl) return std::nullopt;
  std::vector<double> score(g.node_count(), 0.0);
  auto score_map = boost::make_iterator_property_map(
      score.begin(), boost::typed_identity_property_map<std::size_t>());
  bool interrupted = false;
  boost::graph::page_rank(*bgl, score_map, IterationsOrCancel{20, &walker, &interrupted}, 0.85);
  if (interrupted) return std::nullopt;
  return score;
}

}  // namespace

std::size_t node_degree(const Graph& g, NodeId v) {
  return detail::Walker(g, Filter{}).node_degree(v);
}

Result<Ranking> ranking(const Graph& g, Centrality measure, const Filter& filter) {
  detail::Walker walker(g, filter);
  auto f = filtered_edges(g, walker, filter, /*honour_types=*/false);
  if (!f) return detail::interrupted_status();
  Ranking out;
  std::optional<std::vector<double>> score;
  switch (measure) {
    case Centrality::kDegree:
      score = degree(g, *f, filter.direction);
      break;
    case Centrality::kBetweenness:
      score = betweenness(g, *f, filter.direction, filter.limits, walker, out.sampled_sources);
      break;
    case Centrality::kPageRank:
      score = pagerank(g, *f, filter.direction, walker);
      break;
  }
  if (!score || walker.cancelled()) return detail::interrupted_status();
  out.nodes = listed(g, walker, f->keep_node, *score);
  return out;
}

std::vector<Scored> rank(const Graph& g, Centrality measure, const Filter& filter) {
  auto r = ranking(g, measure, filter);
  return r.ok() ? std::move(r->nodes) : std::vector<Scored>{};
}

Result<std::vector<std::vector<NodeId>>> connected_components(const Graph& g,
                                                              const Filter& filter) {
  detail::Walker walker(g, filter);
  auto f = filtered_edges(g, walker, filter, /*honour_types=*/true);
  if (!f) return detail::interrupted_status();
  // Union-find over the edge list: connected_components on an adjacency_list copy took ~6 s
  // at 10^6 nodes and 5·10^6 edges, mostly building the copy; this takes a fraction of that.
  const std::size_t n = g.node_count();
  std::vector<NodeId> rank(n), parent(n);
  boost::disjoint_sets<NodeId*, NodeId*> sets(rank.data(), parent.data());
  for (NodeId v = 0; v < n; ++v) sets.make_set(v);
  std::size_t i = 0;
  for (auto [from, to] : f->ends) {
    if (++i % kPollEvery == 0 && walker.cancelled()) return detail::interrupted_status();
    sets.union_set(from, to);
  }

  std::vector<std::vector<NodeId>> groups;
  std::vector<std::size_t> group_of(n, n);  // by representative
  for (NodeId v = 0; v < n; ++v) {
    if (!f->keep_node[v] || !walker.listable(v)) continue;
    std::size_t& group = group_of[sets.find_set(v)];
    if (group == n) {
      group = groups.size();
      groups.emplace_back();
    }
    groups[group].push_back(v);
  }
  if (walker.cancelled()) return detail::interrupted_status();
  // Members are in key order already; order groups by size, then by their earliest key.
  std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
    if (a.size() != b.size()) return a.size() > b.size();
    return a.front() < b.front();
  });
  return groups;
}

std::vector<std::vector<NodeId>> components(const Graph& g, const Filter& filter) {
  auto r = connected_components(g, filter);
  return r.ok() ? std::move(*r) : std::vector<std::vector<NodeId>>{};
}

}  // namespace kg

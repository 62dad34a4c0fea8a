// Single-pair shortest paths by bidirectional breadth-first search: the side with the smaller
// frontier grows by one whole layer at a time until the two meet, which explores far fewer nodes
// than a one-sided search on large graphs. The documented choice among the shortest paths (the
// most specific: lowest sum of ln(degree) over the inner nodes, then the earliest node keys,
// position by position) is then made over the shortest-path DAG only, not during the search, so
// the search itself costs what a plain one does: a sweep from the meeting nodes down the
// backward layers and one back up the forward layers mark the nodes that lie on some shortest
// path and give each its cheapest cost to the target; a greedy walk from the start then takes
// the first step (in Walker order) that keeps the cheapest cost.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "algorithms/path_search.h"
#include "algorithms/visit_map.h"
#include "kg/algorithms.h"

namespace kg {
namespace detail {
namespace {

bool contains(const std::vector<NodeId>& sorted, NodeId v) {
  return !sorted.empty() && std::binary_search(sorted.begin(), sorted.end(), v);
}

}  // namespace

std::optional<Path> find_shortest(const Walker& walker, NodeId from, NodeId to, int max_hops,
                                  const Bans& bans, SearchState& state) {
  if (from == to) return Path{{from}, {}, {}, 1};
  const Graph& g = walker.graph();
  const std::size_t limit = walker.filter().limits.max_visited;
  const bool every_node = bans.nodes.empty() && walker.all_nodes_allowed();
  auto admissible = [&](NodeId v) {
    if (every_node) return true;
    if (contains(bans.nodes, v)) return false;
    return v == from || v == to || walker.inner_allowed(v);
  };
  // A step u -> v is allowed unless it is a banned first hop out of the start.
  auto step_allowed = [&](NodeId u, NodeId v) {
    return bans.first_hops.empty() || u != from || !contains(bans.first_hops, v);
  };
  // Reads the CancelToken once every kPollEvery expanded nodes (a few microseconds of work).
  constexpr std::size_t kPollEvery = 1024;
  auto stop = [&] {
    if (++state.polls < kPollEvery) return false;
    state.polls = 0;
    if (!walker.cancelled()) return false;
    state.interrupted = true;
    return true;
  };

  ScopedVisitMap ds(g.node_count());  // hops from `from`, for nodes the forward side reached
  ScopedVisitMap dt(g.node_count());  // hops to `to`, for nodes the backward side reached
  ds->set(from, 0);
  dt->set(to, 0);
  state.visited += 2;
  std::vector<std::vector<NodeId>> layers{{from}};     // forward layers, kept for the sweep
  std::vector<std::vector<NodeId>> back_layers{{to}};  // backward layers, for the walk
  std::vector<NodeId> next;
  int depth_b = 0;
  int best = -1;
  while (!layers.back().empty() && !back_layers.back().empty()) {
    const int depth_a = static_cast<int>(layers.size()) - 1;
    if (max_hops >= 0 && depth_a + depth_b + 1 > max_hops) break;
    next.clear();
    if (layers.back().size() <= back_layers.back().size()) {
      for (NodeId u : layers.back()) {
        if (stop()) return std::nullopt;
        walker.for_each_neighbour(
            u, /*reverse=*/false, [&](NodeId v) __attribute__((always_inline)) {
              if (ds->has(v) || !admissible(v) || !step_allowed(u, v)) return;
              ds->set(v, depth_a + 1);
              next.push_back(v);
              if (const int t = dt->get(v); t >= 0 && (best < 0 || depth_a + 1 + t < best))
                best = depth_a + 1 + t;
            });
      }
      state.visited += next.size();
      layers.push_back(std::move(next));
      next = {};
    } else {
      for (NodeId u : back_layers.back()) {
        if (stop()) return std::nullopt;
        // the step v -> u
        walker.for_each_neighbour(
            u, /*reverse=*/true, [&](NodeId v) __attribute__((always_inline)) {
              if (dt->has(v) || !admissible(v) || !step_allowed(v, u)) return;
              dt->set(v, depth_b + 1);
              next.push_back(v);
              if (const int s = ds->get(v); s >= 0 && (best < 0 || s + depth_b + 1 < best))
                best = s + depth_b + 1;
            });
      }
      state.visited += next.size();
      back_layers.push_back(std::move(next));
      next = {};
      ++depth_b;
    }
    if (best >= 0) break;
    if (state.visited > limit) {
      state.truncation.reason =
          fmt::format("the path search visited {} nodes (the limit) without finishing", limit);
      return std::nullopt;
    }
  }
  if (best < 0 || (max_hops >= 0 && best > max_hops)) return std::nullopt;
  const int d = best;

  // The forward nodes that lie on some shortest path and that the backward side also reached:
  // those with ds + dt == d. Every shortest path passes through one of them.
  ScopedVisitSet on_path(g.node_count());
  std::vector<std::vector<NodeId>> marked(layers.size());
  for (std::size_t i = 0; i < layers.size(); ++i) {
    for (NodeId u : layers[i]) {
      if (const int t = dt->get(u); t >= 0 && static_cast<int>(i) + t == d) {
        on_path->insert(u);
        marked[i].push_back(u);
      }
    }
  }
  // cost[v], for v on a shortest path: the lowest sum of node costs over the inner nodes after
  // v on a shortest path to `to`. Written for every node before it is read.
  ScopedCosts cost_map(g.node_count());
  Scratch<std::uint64_t>& cost = *cost_map;
  constexpr std::uint64_t kUnset = ~std::uint64_t{0};
  auto through = [&](NodeId w) { return w == to ? 0 : cost[w] + walker.node_cost(w); };

  // Down the backward layers: from the meeting nodes, the steps to a node one hop nearer `to`
  // (tail[j]: nodes with dt == j on some shortest path), then the costs bottom-up.
  ScopedVisitSet in_tail(g.node_count());
  // Per-thread buffers, cleared but keeping their capacity: a path query is tens of
  // microseconds, and a few allocations each would be a noticeable part of it.
  thread_local std::vector<std::vector<NodeId>> tail_buffer;
  thread_local std::vector<std::pair<NodeId, NodeId>> tail_steps_buffer;
  if (tail_buffer.size() < back_layers.size()) tail_buffer.resize(back_layers.size());
  for (std::size_t j = 0; j < back_layers.size(); ++j) tail_buffer[j].clear();
  std::vector<std::vector<NodeId>>& tail = tail_buffer;
  const std::size_t tail_layers = back_layers.size();
  for (const auto& layer : marked) {
    for (NodeId u : layer) {
      if (in_tail->insert(u)) tail[static_cast<std::size_t>(dt->get(u))].push_back(u);
    }
  }
  auto& tail_steps = tail_steps_buffer;  // (v, w) with dt(w) == dt(v) - 1
  tail_steps.clear();
  for (std::size_t j = tail_layers - 1; j > 0; --j) {
    const auto& below = back_layers[j - 1];
    const int want = static_cast<int>(j) - 1;
    for (std::size_t k = 0; k < tail[j].size(); ++k) {
      const NodeId v = tail[j][k];
      auto consider = [&](NodeId w) {
        if (dt->get(w) != want || !admissible(w) || !step_allowed(v, w)) return;
        tail_steps.emplace_back(v, w);
        if (in_tail->insert(w)) tail[j - 1].push_back(w);
      };
      // A hub on the path: test the few nodes of the layer below instead of its whole list.
      if (below.size() * 16 < walker.degree(v, /*reverse=*/false)) {
        for (NodeId w : below) {
          if (walker.find_step(v, w)) consider(w);
        }
      } else {
        walker.for_each_neighbour(v, /*reverse=*/false, consider);
      }
    }
  }
  for (std::size_t j = 0; j < tail_layers; ++j) {
    for (NodeId v : tail[j]) cost[v] = v == to ? 0 : kUnset;
  }
  // Steps were recorded layer by layer towards `to`: in reverse, each w is final before use.
  for (auto it = tail_steps.rbegin(); it != tail_steps.rend(); ++it) {
    const auto [v, w] = *it;
    cost[v] = std::min(cost[v], through(w));
  }

  // Up the forward layers: mark the allowed predecessors of marked nodes, layer by layer towards
  // the start, each with its cheapest cost. Per layer, look from whichever side touches fewer
  // edges: back from the marked nodes, or forward from the layer before (a hub on the path can
  // have a huge in-list). Nodes the backward side reached already have their final cost.
  for (std::size_t i = layers.size() - 1; i > 0; --i) {
    const int prev = static_cast<int>(i) - 1;
    std::size_t back_cost = 0, forward_cost = 0;
    for (NodeId w : marked[i]) back_cost += walker.degree(w, /*reverse=*/true);
    for (NodeId v : layers[i - 1]) forward_cost += walker.degree(v, /*reverse=*/false);
    if (back_cost <= forward_cost) {
      for (std::size_t k = 0; k < marked[i].size(); ++k) {
        const NodeId w = marked[i][k];
        const std::uint64_t c = through(w);
        walker.for_each_neighbour(w, /*reverse=*/true, [&](NodeId v) {  // the step v -> w
          if (ds->get(v) != prev || !step_allowed(v, w)) return;
          if (on_path->has(v)) {
            if (!dt->has(v)) cost[v] = std::min(cost[v], c);
            return;
          }
          on_path->insert(v);
          marked[i - 1].push_back(v);
          cost[v] = c;
        });
      }
    } else {
      for (NodeId v : layers[i - 1]) {
        if (on_path->has(v)) continue;
        std::uint64_t c = kUnset;
        walker.for_each_neighbour(v, /*reverse=*/false, [&](NodeId w) {
          if (ds->get(w) != prev + 1 || !on_path->has(w) || !step_allowed(v, w)) return;
          c = std::min(c, through(w));
        });
        if (c == kUnset) continue;
        on_path->insert(v);
        marked[i - 1].push_back(v);
        cost[v] = c;
      }
    }
  }
  // Does the step u -> v (u at position i) stay on a shortest path?
  auto continues = [&](NodeId u, NodeId v, int i) {
    if (!admissible(v) || !step_allowed(u, v)) return false;
    if (const int t = dt->get(v); t >= 0) return t == d - i - 1;
    return ds->get(v) == i + 1 && on_path->has(v);
  };

  // Walk from the start, each time to the earliest-keyed neighbour that stays on a shortest path
  // at the cheapest cost. Either scan this node's adjacency in order, or, when the nodes that
  // could come next are fewer than its neighbours (a hub on the path), test those candidates in
  // key order.
  Path path;
  path.nodes.push_back(from);
  NodeId at = from;
  std::uint64_t remaining = cost[from];
  std::vector<NodeId> candidates;
  for (int i = 0; i < d; ++i) {
    NodeId chosen = kNoNode;
    Step chosen_step;
    auto fits = [&](NodeId v) { return continues(at, v, i) && through(v) == remaining; };
    candidates.clear();
    if (static_cast<std::size_t>(i + 1) < marked.size()) {
      const auto& m = marked[static_cast<std::size_t>(i + 1)];
      candidates.insert(candidates.end(), m.begin(), m.end());
    }
    if (const int j = d - i - 1; j >= 0 && static_cast<std::size_t>(j) < tail_layers) {
      const auto& b = tail[static_cast<std::size_t>(j)];
      candidates.insert(candidates.end(), b.begin(), b.end());
    }
    if (candidates.size() * 16 < walker.degree(at, /*reverse=*/false)) {
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      for (NodeId w : candidates) {
        if (!fits(w)) continue;
        if (auto step = walker.find_step(at, w)) {
          chosen = w;
          chosen_step = *step;
          break;
        }
      }
    } else {
      walker.for_each_step(at, /*reverse=*/false, [&](NodeId v, Step step) {
        if (!fits(v)) return true;
        chosen = v;
        chosen_step = step;
        return false;
      });
    }
    if (chosen == kNoNode) return std::nullopt;  // unreachable: the sweeps found a way on
    path.nodes.push_back(chosen);
    path.steps.push_back(chosen_step);
    remaining = chosen == to ? 0 : cost[chosen];
    at = chosen;
  }
  return path;
}

std::uint64_t path_cost(const Walker& walker, const Path& p) {
  std::uint64_t c = 0;
  for (std::size_t i = 1; i + 1 < p.nodes.size(); ++i) c += walker.node_cost(p.nodes[i]);
  return c;
}

void annotate(const Walker& walker, Path& p) {
  p.hubs.clear();
  for (std::size_t i = 1; i + 1 < p.nodes.size(); ++i) {
    if (walker.is_hub(p.nodes[i])) p.hubs.push_back({p.nodes[i], walker.node_degree(p.nodes[i])});
  }
  // Hetionet's path-degree product (Himmelstein & Baranzini 2015, PLoS Comput Biol 11(7):
  // e1004259): over each edge (u, v) of the path, deg(u)^-w * deg(v)^-w, here with w = 0.5,
  // the damping of Hetionet's published DWPCs (doi:10.5281/zenodo.1435833). Hetionet counts a
  // node's degree per metaedge; a kamergraaf path has no metapath, so a node's degree counts
  // all its edges, the measure of how generic it is. Summed in log space.
  // ln(degree) from the node-cost table (millionths): exact enough for a score shown to a few
  // digits, and no logarithm per node.
  double log_sum = 0;
  for (std::size_t i = 0; i + 1 < p.nodes.size(); ++i) {
    log_sum += static_cast<double>(walker.node_cost(p.nodes[i]) + walker.node_cost(p.nodes[i + 1]));
  }
  log_sum /= 1e6;
  p.dwpc = std::exp(-0.5 * log_sum);
}

Status interrupted_status() {
  return Status::error(ErrorKind::kInterrupted, "interrupted");
}

}  // namespace detail

Status detail::check_path_endpoints(const detail::Walker& walker, NodeId from, NodeId to) {
  const Graph& g = walker.graph();
  for (NodeId v : {from, to}) {
    if (walker.avoided(v)) {
      return Status::error(
          ErrorKind::kInvalidArgument,
          "cannot avoid '" + std::string(g.node(v).key) + "': it is an endpoint of the path");
    }
  }
  return Status();
}

Result<PathAnswer> shortest_path(const Graph& g, NodeId from, NodeId to, const Filter& filter) {
  detail::Walker walker(g, filter);
  if (Status s = detail::check_path_endpoints(walker, from, to); !s.ok()) return s;
  if (walker.cancelled()) return detail::interrupted_status();
  PathAnswer answer;
  detail::SearchState state;
  auto path = detail::find_shortest(walker, from, to, filter.max_hops, {}, state);
  if (state.interrupted) return detail::interrupted_status();
  answer.truncation = state.truncation;
  if (path) {
    detail::annotate(walker, *path);
    answer.paths.push_back(std::move(*path));
  }
  return answer;
}

}  // namespace kg

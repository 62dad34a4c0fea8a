// Single-pair shortest paths by bidirectional breadth-first search: the side with the smaller
// frontier grows by one whole layer at a time until the two meet, which explores far fewer nodes
// than a one-sided search on large graphs. The documented tie-break (of all shortest paths, the
// one whose node keys come first, position by position) is then recovered exactly: a backward
// sweep over the forward layers marks which nodes lie on some shortest path, and a greedy walk
// from the start takes the first step (in Walker order) that stays on one.
#include <fmt/format.h>

#include <algorithm>

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
                                  const Bans& bans, std::size_t& visited, Truncation& truncation) {
  if (from == to) return Path{{from}, {}};
  const Graph& g = walker.graph();
  const std::size_t limit = walker.filter().limits.max_visited;
  const bool every_node = bans.nodes.empty() && walker.all_nodes_allowed();
  auto admissible = [&](NodeId v) {
    if (every_node) return true;
    if (contains(bans.nodes, v)) return false;
    return v == from || v == to || walker.node_allowed(v);
  };
  // A step u -> v is allowed unless it is a banned first hop out of the start.
  auto step_allowed = [&](NodeId u, NodeId v) {
    return bans.first_hops.empty() || u != from || !contains(bans.first_hops, v);
  };

  ScopedVisitMap ds(g.node_count());  // hops from `from`, for nodes the forward side reached
  ScopedVisitMap dt(g.node_count());  // hops to `to`, for nodes the backward side reached
  ds->set(from, 0);
  dt->set(to, 0);
  visited += 2;
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
        walker.for_each_neighbour(
            u, /*reverse=*/false, [&](NodeId v) __attribute__((always_inline)) {
              if (ds->has(v) || !admissible(v) || !step_allowed(u, v)) return;
              ds->set(v, depth_a + 1);
              next.push_back(v);
              if (const int t = dt->get(v); t >= 0 && (best < 0 || depth_a + 1 + t < best))
                best = depth_a + 1 + t;
            });
      }
      visited += next.size();
      layers.push_back(std::move(next));
      next = {};
    } else {
      for (NodeId u : back_layers.back()) {
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
      visited += next.size();
      back_layers.push_back(std::move(next));
      next = {};
      ++depth_b;
    }
    if (best >= 0) break;
    if (visited > limit) {
      truncation.reason =
          fmt::format("the path search visited {} nodes (the limit) without finishing", limit);
      return std::nullopt;
    }
  }
  if (best < 0 || (max_hops >= 0 && best > max_hops)) return std::nullopt;
  const int d = best;

  // Mark the forward nodes that lie on some shortest path: those the backward side also reached
  // with ds + dt == d, then, layer by layer towards the start, their allowed predecessors.
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
  // Per layer, look from whichever side touches fewer edges: back from the marked nodes, or
  // forward from the layer before (a hub on the path can have a huge in-list).
  for (std::size_t i = layers.size() - 1; i > 0; --i) {
    const int prev = static_cast<int>(i) - 1;
    std::size_t back_cost = 0, forward_cost = 0;
    for (NodeId w : marked[i]) back_cost += walker.degree(w, /*reverse=*/true);
    for (NodeId v : layers[i - 1]) forward_cost += walker.degree(v, /*reverse=*/false);
    if (back_cost <= forward_cost) {
      for (NodeId w : marked[i]) {
        walker.for_each_neighbour(w, /*reverse=*/true, [&](NodeId v) {  // the step v -> w
          if (ds->get(v) != prev || on_path->has(v) || !step_allowed(v, w)) return;
          on_path->insert(v);
          marked[i - 1].push_back(v);
        });
      }
    } else {
      for (NodeId v : layers[i - 1]) {
        if (on_path->has(v)) continue;
        walker.for_each_step(v, /*reverse=*/false, [&](NodeId w, Step) {
          if (ds->get(w) != prev + 1 || !on_path->has(w) || !step_allowed(v, w)) return true;
          on_path->insert(v);
          marked[i - 1].push_back(v);
          return false;
        });
      }
    }
  }
  // Does the step u -> v (u at position i) stay on a shortest path?
  auto continues = [&](NodeId u, NodeId v, int i) {
    if (!admissible(v) || !step_allowed(u, v)) return false;
    if (const int t = dt->get(v); t >= 0) return t == d - i - 1;
    return ds->get(v) == i + 1 && on_path->has(v);
  };

  // Walk from the start, each time to the earliest-keyed neighbour that stays on a shortest path.
  // Either scan this node's adjacency in order, or, when the nodes that could come next are
  // fewer than its neighbours (a hub on the path), test those candidates in key order.
  Path path;
  path.nodes.push_back(from);
  NodeId at = from;
  std::vector<NodeId> candidates;
  for (int i = 0; i < d; ++i) {
    NodeId chosen = kNoNode;
    Step chosen_step;
    candidates.clear();
    if (static_cast<std::size_t>(i + 1) < marked.size()) {
      const auto& m = marked[static_cast<std::size_t>(i + 1)];
      candidates.insert(candidates.end(), m.begin(), m.end());
    }
    if (const int j = d - i - 1; j >= 0 && static_cast<std::size_t>(j) < back_layers.size()) {
      const auto& b = back_layers[static_cast<std::size_t>(j)];
      candidates.insert(candidates.end(), b.begin(), b.end());
    }
    if (candidates.size() * 16 < walker.degree(at, /*reverse=*/false)) {
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      for (NodeId w : candidates) {
        if (!continues(at, w, i)) continue;
        if (auto step = walker.find_step(at, w)) {
          chosen = w;
          chosen_step = *step;
          break;
        }
      }
    } else {
      walker.for_each_step(at, /*reverse=*/false, [&](NodeId v, Step step) {
        if (!continues(at, v, i)) return true;
        chosen = v;
        chosen_step = step;
        return false;
      });
    }
    path.nodes.push_back(chosen);
    path.steps.push_back(chosen_step);
    at = chosen;
  }
  return path;
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
  PathAnswer answer;
  std::size_t visited = 0;
  if (auto path = detail::find_shortest(walker, from, to, filter.max_hops, {}, visited,
                                        answer.truncation)) {
    answer.paths.push_back(std::move(*path));
  }
  return answer;
}

}  // namespace kg

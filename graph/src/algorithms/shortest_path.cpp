// Single-pair shortest paths: a breadth-first search from the target back towards the start
// gives every node's distance to the target; a greedy walk from the start then takes, at each
// hop, the earliest-keyed neighbour one step closer. That yields the documented tie-break (first
// node keys, position by position) without enumerating the tied paths.
#include <fmt/format.h>

#include <algorithm>

#include "algorithms/path_search.h"
#include "kg/algorithms.h"

namespace kg {
namespace detail {
namespace {

bool contains(const std::vector<NodeId>& sorted, NodeId v) {
  return std::binary_search(sorted.begin(), sorted.end(), v);
}

}  // namespace

std::optional<Path> find_shortest(const Walker& walker, NodeId from, NodeId to, int max_hops,
                                  const Bans& bans, std::size_t& visited, Truncation& truncation) {
  if (from == to) return Path{{from}, {}};
  const Graph& g = walker.graph();
  const std::size_t limit = walker.filter().limits.max_visited;
  auto admissible = [&](NodeId v) {
    if (contains(bans.nodes, v)) return false;
    return v == from || v == to || walker.node_allowed(v);
  };

  // Backward BFS from `to`: dist[v] = hops from v to `to`, for every v closer than `from`.
  std::vector<int> dist(g.node_count(), -1);
  std::vector<NodeId> frontier{to}, next;
  dist[to] = 0;
  ++visited;
  bool found = false;
  for (int depth = 1; !frontier.empty() && !found; ++depth) {
    if (max_hops >= 0 && depth > max_hops) break;
    next.clear();
    for (NodeId u : frontier) {
      walker.for_each_step(u, /*reverse=*/true, [&](NodeId v, Step) {
        if (dist[v] >= 0 || !admissible(v)) return true;
        // The step v -> u is the first hop when v is the start: honour Yen's banned first hops.
        if (v == from && contains(bans.first_hops, u)) return true;
        dist[v] = depth;
        ++visited;
        if (v == from) {
          found = true;
          return false;
        }
        next.push_back(v);
        return true;
      });
      if (found) break;
      if (visited > limit) {
        truncation.reason = fmt::format(
            "the path search visited {} nodes (the limit) without finishing", limit);
        return std::nullopt;
      }
    }
    frontier.swap(next);
  }
  if (!found) return std::nullopt;

  // Greedy forward walk: the first (earliest key, forward, lowest edge id) step that gets one
  // hop closer. Nodes with dist[] set were admissible when the BFS reached them.
  Path path;
  path.nodes.push_back(from);
  NodeId at = from;
  for (int remaining = dist[from] - 1; remaining >= 0; --remaining) {
    NodeId chosen = kNoNode;
    Step chosen_step;
    walker.for_each_step(at, /*reverse=*/false, [&](NodeId v, Step step) {
      if (dist[v] != remaining) return true;
      if (at == from && contains(bans.first_hops, v)) return true;
      chosen = v;
      chosen_step = step;
      return false;
    });
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
      return Status::error(ErrorKind::kInvalidArgument,
                           "cannot avoid '" + g.node(v).key + "': it is an endpoint of the path");
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

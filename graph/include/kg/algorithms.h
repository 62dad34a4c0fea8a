// The graph questions of DESIGN.md §5 over an immutable Graph. Every function is deterministic
// (same graph and arguments, same answer in the same order), thread-safe on a const Graph, and
// applies its Filter during traversal. Ties are broken by node key order (NodeId order), then by
// edge direction (walked forward before backward), then by dataset order (EdgeId).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "kg/graph.h"
#include "kg/path.h"
#include "kg/query.h"
#include "kg/status.h"

namespace kg {

struct PathAnswer {
  std::vector<Path> paths;  // shortest first
  Truncation truncation;
};

// One shortest path from `from` to `to` (fewest hops). Among equally short paths it returns the
// one whose node keys come first, position by position. Empty `paths` when none exists under the
// filter. An error when an endpoint is in filter.avoid. `from == to` gives the zero-hop path.
Result<PathAnswer> shortest_path(const Graph& g, NodeId from, NodeId to, const Filter& filter);

// The `k` shortest simple paths (no repeated node), by Yen's algorithm: ordered by length, then
// by node keys position by position. Fewer than `k` when fewer exist. Two paths differ when
// their node sequences differ; each hop uses the edge shortest_path would choose.
Result<PathAnswer> k_shortest_paths(const Graph& g, NodeId from, NodeId to, std::size_t k,
                                    const Filter& filter);

struct Reached {
  NodeId node = kNoNode;
  int depth = 0;
};

struct Neighbourhood {
  NodeId center = kNoNode;
  std::vector<Reached> nodes;  // the center first (depth 0), then by depth, then key
  Truncation truncation;
};

// Every node within `depth` steps of `center` (depth >= 0). Stops at filter.limits.max_results
// reached nodes and says so in `truncation`.
Result<Neighbourhood> neighbourhood(const Graph& g, NodeId center, int depth, const Filter& filter);

// The edges among `nodes` that pass the filter's relation lists, in EdgeId order. Separate from
// neighbourhood() because only graph-shaped output (JSON, DOT) needs them.
std::vector<EdgeId> edges_among(const Graph& g, const std::vector<Reached>& nodes,
                                const Filter& filter);

// Nodes one allowed step away from every node in `nodes` (themselves excluded), in key order.
// Requires at least two nodes.
Result<std::vector<NodeId>> common_neighbours(const Graph& g, std::span<const NodeId> nodes,
                                              const Filter& filter);

enum class Centrality { kDegree, kBetweenness, kPageRank };

struct Scored {
  NodeId node = kNoNode;
  double score = 0;
};

// Scores every node of the filtered graph (relation filter, direction, avoided nodes removed),
// highest first, ties in key order. filter.types limits which nodes are listed, not which are
// counted. Degree counts allowed edges; betweenness is Brandes' (Boost.Graph), unnormalised,
// undirected when direction is kBoth; PageRank is Boost.Graph's with damping 0.85 and 20
// iterations, over both directions when direction is kBoth.
std::vector<Scored> rank(const Graph& g, Centrality measure, const Filter& filter);

// Connected components of the filtered graph, ignoring edge direction, largest first (ties: the
// component holding the earliest key first); each in key order. Nodes excluded by the type
// filter or avoided are in no component.
std::vector<std::vector<NodeId>> components(const Graph& g, const Filter& filter);

}  // namespace kg

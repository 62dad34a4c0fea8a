// The graph questions of DESIGN.md §5 over an immutable Graph. Every function is deterministic
// (same graph and arguments, same answer in the same order), thread-safe on a const Graph, and
// applies its Filter during traversal. Ties are broken by node key order (NodeId order), then by
// edge direction (walked forward before backward), then by dataset order (EdgeId). A node's
// degree is its in + out edges, every relation (node_degree). Every function that returns a
// Result fails with ErrorKind::kInterrupted, within milliseconds, once filter.cancel is set.
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

// In + out edges of `v`, every relation, whatever a filter says: the degree that makes a node a
// hub (above filter.limits.hub_degree) and that path specificity is measured in.
std::size_t node_degree(const Graph& g, NodeId v);

// One shortest path from `from` to `to` (fewest hops). Among equally short paths it returns the
// most specific: the one whose inner nodes have the lowest sum of ln(degree) (in millionths,
// rounded per node, so equal degree products tie); then the one whose node keys come first,
// position by position. Inner nodes obey filter.through, filter.listed and filter.avoid_hubs
// (endpoints are exempt). Empty `paths` when none exists under the filter. An error when an
// endpoint is in filter.avoid. `from == to` gives the zero-hop path. Each path carries its hubs
// (inner nodes above filter.limits.hub_degree) and its DWPC (kg/path.h).
Result<PathAnswer> shortest_path(const Graph& g, NodeId from, NodeId to, const Filter& filter);

enum class PathOrder {
  kShortest,  // by length, then specificity, then node keys (as shortest_path chooses)
  kSpecific,  // by DWPC, highest first, then as kShortest (`paths --rank specific`)
};

// The `k` shortest simple paths (no repeated node), by Yen's algorithm, ordered by length, then
// specificity (as shortest_path), then node keys position by position; with kSpecific, those
// same k paths ordered by their DWPC instead (so a longer path over specific nodes can come
// before a shorter one through a hub; it re-ranks the k shortest, it does not search longer
// paths than they are). Fewer than `k` when fewer exist. Two paths differ when their node
// sequences differ; each hop uses the edge shortest_path would choose.
Result<PathAnswer> k_shortest_paths(const Graph& g, NodeId from, NodeId to, std::size_t k,
                                    const Filter& filter, PathOrder order);
// The same with PathOrder::kShortest.
Result<PathAnswer> k_shortest_paths(const Graph& g, NodeId from, NodeId to, std::size_t k,
                                    const Filter& filter);

struct Reached {
  NodeId node = kNoNode;
  int depth = 0;
  // How the walk first reached this node: from `parent` (the earliest-keyed node one layer
  // nearer the center that has an allowed step to it) by `step`, the step find_step order lists
  // first (forward before backward, then dataset order). parent is kNoNode for the center.
  NodeId parent = kNoNode;
  Step step;
};

struct Neighbourhood {
  NodeId center = kNoNode;
  std::vector<Reached> nodes;  // the center first (depth 0), then by depth, then key
  Truncation truncation;
};

// Every node within `depth` steps of `center` (depth >= 0). The walk passes only through nodes
// that filter.through allows (and not through hubs above filter.avoid_hubs); filter.listed
// only decides which of the nodes reached are listed (so `--depth 2 --type actor` finds an
// actor behind a threat). The older filter.types keeps the walk from reaching other types at
// all. Stops at filter.limits.max_results reached nodes (listed or not) and says so in
// `truncation`.
Result<Neighbourhood> neighbourhood(const Graph& g, NodeId center, int depth, const Filter& filter);

// The edges among `nodes` that pass the filter's relation lists, in EdgeId order. Separate from
// neighbourhood() because only graph-shaped output (JSON, DOT) needs them.
std::vector<EdgeId> edges_among(const Graph& g, const std::vector<Reached>& nodes,
                                const Filter& filter);

// Nodes one allowed step away from every node in `nodes` (themselves excluded), in key order.
// A common neighbour is the middle of a two-step walk, so it must pass filter.through and
// filter.avoid_hubs, and filter.listed to be listed. Requires at least two nodes.
Result<std::vector<NodeId>> common_neighbours(const Graph& g, std::span<const NodeId> nodes,
                                              const Filter& filter);

struct CommonNeighbour {
  NodeId node = kNoNode;
  // steps[i]: how nodes[i] reaches `node`, the step Walker order lists first (forward before
  // backward, then dataset order); so an answer can show each relation and source.
  std::vector<Step> steps;
};

// common_neighbours with the step that connects each of `nodes` to each common neighbour.
Result<std::vector<CommonNeighbour>> common_neighbours_with_steps(const Graph& g,
                                                                  std::span<const NodeId> nodes,
                                                                  const Filter& filter);

enum class Centrality { kDegree, kBetweenness, kPageRank };

struct Scored {
  NodeId node = kNoNode;
  double score = 0;
};

struct Ranking {
  std::vector<Scored> nodes;  // highest first, ties in key order
  // Betweenness only: 0 when exact; else the number of source nodes sampled, and every score
  // is an estimate (the sampled sum scaled by n / sampled). Say so with the answer.
  std::size_t sampled_sources = 0;
  bool estimated() const { return sampled_sources > 0; }
};

// Scores every node of the filtered graph (relation filter, direction, avoided nodes and nodes
// outside filter.through removed, and hubs above filter.avoid_hubs), highest first, ties in key
// order. filter.listed and filter.types limit which nodes are listed, not which are counted.
// Degree counts allowed edges. Betweenness is Brandes', unnormalised, each unordered pair once
// when direction is kBoth (the numbers Boost.Graph's brandes_betweenness_centrality gives); on
// a measured graph of more than filter.limits.betweenness_exact_nodes nodes it is estimated
// from filter.limits.betweenness_samples source nodes drawn with a fixed seed (Brandes & Pich
// 2007), so the same graph gives the same estimate. PageRank is Boost.Graph's with damping
// 0.85 and 20 iterations, over both directions when direction is kBoth.
Result<Ranking> ranking(const Graph& g, Centrality measure, const Filter& filter);
// ranking()'s nodes; empty when interrupted.
std::vector<Scored> rank(const Graph& g, Centrality measure, const Filter& filter);

// Connected components of the filtered graph, ignoring edge direction, largest first (ties: the
// component holding the earliest key first); each in key order. Connections run only through
// nodes that filter.through and filter.types allow and that are neither avoided nor hubs above
// filter.avoid_hubs; a component lists only its filter.listed nodes (a component with none is
// left out), and is sized by them.
Result<std::vector<std::vector<NodeId>>> connected_components(const Graph& g, const Filter& filter);
// connected_components(); empty when interrupted.
std::vector<std::vector<NodeId>> components(const Graph& g, const Filter& filter);

}  // namespace kg

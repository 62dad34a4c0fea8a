// Ego networks and common neighbours: breadth-first over the filtered steps, bounded by depth
// and by the work limits so that a hub's neighbourhood stops with a notice instead of exploding.
#include <fmt/format.h>

#include <algorithm>

#include "algorithms/traversal.h"
#include "algorithms/visit_map.h"
#include "kg/algorithms.h"

namespace kg {
namespace {

// Sorts nodes[from..] by NodeId (one layer: all the same depth). Large layers use an LSD radix
// sort on the 32-bit ids — linear, where a comparison sort of thousands of nodes would cost more
// than the search that found them.
void sort_layer(std::vector<Reached>& nodes, std::size_t from) {
  const std::size_t k = nodes.size() - from;
  if (k < 2) return;
  const auto begin = nodes.begin() + static_cast<std::ptrdiff_t>(from);
  if (k <= 256) {
    std::sort(begin, nodes.end(),
              [](const Reached& a, const Reached& b) { return a.node < b.node; });
    return;
  }
  const int depth = begin->depth;
  std::vector<NodeId> ids(k), scratch(k);
  NodeId any = 0, all = ~NodeId{0};
  for (std::size_t i = 0; i < k; ++i) {
    ids[i] = (begin + static_cast<std::ptrdiff_t>(i))->node;
    any |= ids[i];
    all &= ids[i];
  }
  const NodeId differ = any ^ all;  // bits that are not the same in every id
  for (int shift = 0; shift < 32; shift += 8) {
    if (((differ >> shift) & 0xFF) == 0) continue;  // e.g. the top byte below 2^24 nodes
    std::size_t count[257] = {};
    for (NodeId v : ids) ++count[((v >> shift) & 0xFF) + 1];
    for (int b = 0; b < 256; ++b) count[b + 1] += count[b];
    for (NodeId v : ids) scratch[count[(v >> shift) & 0xFF]++] = v;
    ids.swap(scratch);
  }
  for (std::size_t i = 0; i < k; ++i)
    *(begin + static_cast<std::ptrdiff_t>(i)) = Reached{ids[i], depth};
}

}  // namespace

Result<Neighbourhood> neighbourhood(const Graph& g, NodeId center, int depth,
                                    const Filter& filter) {
  if (depth < 0) {
    return Status::error(ErrorKind::kInvalidArgument, "depth must be 0 or more");
  }
  detail::Walker walker(g, filter);
  if (walker.avoided(center)) {
    return Status::error(
        ErrorKind::kInvalidArgument,
        "cannot avoid '" + std::string(g.node(center).key) + "': it is the center");
  }
  if (filter.max_hops >= 0) depth = std::min(depth, filter.max_hops);

  Neighbourhood result;
  result.center = center;
  const std::size_t max_results = filter.limits.max_results;
  detail::ScopedVisitSet seen(g.node_count());
  seen->insert(center);
  result.nodes.push_back({center, 0});
  std::size_t layer_begin = 0;
  bool full = false;
  for (int d = 1; d <= depth && !full; ++d) {
    const std::size_t layer_end = result.nodes.size();
    for (std::size_t i = layer_begin; i < layer_end && !full; ++i) {
      // Order within a layer is restored by the sort below, so the scan may be unordered. The
      // visit is forced inline: g++ left it a call per neighbour, and inlined, a depth-2 search
      // with warm caches went from 1.4x to 1.1x a bare loop over the same arrays.
      walker.for_each_neighbour(
          result.nodes[i].node, /*reverse=*/false, [&](NodeId v) __attribute__((always_inline)) {
            if (full || seen->has(v) || !walker.node_allowed(v)) return;
            if (result.nodes.size() >= max_results) {
              full = true;
              return;
            }
            seen->insert(v);
            result.nodes.push_back({v, d});
          });
    }
    // Each layer in key order; layers are already in depth order.
    sort_layer(result.nodes, layer_end);
    layer_begin = layer_end;
    if (layer_begin == result.nodes.size()) break;  // nothing new: deeper layers are empty
  }
  if (full) {
    result.truncation.reason = fmt::format(
        "stopped at {} nodes (the limit) before finishing depth {}", max_results, depth);
  }
  return result;
}

std::vector<EdgeId> edges_among(const Graph& g, const std::vector<Reached>& nodes,
                                const Filter& filter) {
  detail::Walker walker(g, filter);
  detail::ScopedVisitSet in(g.node_count());
  for (const Reached& r : nodes) in->insert(r.node);
  const auto& csr = g.snapshot().csr;
  std::vector<EdgeId> edges;
  // Each edge counted once, from its from-node's out-list.
  for (const Reached& r : nodes) {
    for (auto [it, end] = boost::out_edges(r.node, csr); it != end; ++it) {
      const EdgeId e = csr[*it].id;
      if (in->has(static_cast<NodeId>(boost::target(*it, csr))) &&
          walker.relation_allowed(g.snapshot().edge_relation[e])) {
        edges.push_back(e);
      }
    }
  }
  std::sort(edges.begin(), edges.end());
  return edges;
}

Result<std::vector<NodeId>> common_neighbours(const Graph& g, std::span<const NodeId> nodes,
                                              const Filter& filter) {
  if (nodes.size() < 2) {
    return Status::error(ErrorKind::kInvalidArgument, "common needs at least two nodes");
  }
  detail::Walker walker(g, filter);
  std::vector<NodeId> common;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    std::vector<NodeId> around;
    walker.for_each_step(nodes[i], /*reverse=*/false, [&](NodeId v, Step) {
      if (walker.node_allowed(v) && (around.empty() || around.back() != v)) around.push_back(v);
      return true;
    });
    if (i == 0) {
      common = std::move(around);
    } else {
      std::vector<NodeId> kept;
      std::set_intersection(common.begin(), common.end(), around.begin(), around.end(),
                            std::back_inserter(kept));
      common = std::move(kept);
    }
  }
  std::erase_if(common,
                [&](NodeId v) { return std::find(nodes.begin(), nodes.end(), v) != nodes.end(); });
  return common;
}

}  // namespace kg

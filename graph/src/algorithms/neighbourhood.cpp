// Ego networks and common neighbours: breadth-first over the filtered steps, bounded by depth
// and by the work limits so that a hub's neighbourhood stops with a notice instead of exploding.
// Each node reached remembers the node and the step it was first reached from, so an answer can
// say how it connects.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <utility>

#include "algorithms/path_search.h"
#include "algorithms/traversal.h"
#include "algorithms/visit_map.h"
#include "kg/algorithms.h"

namespace kg {
namespace {

// A node as the search first found it: from `parent`, by the step `ref` names.
struct Found {
  NodeId node;
  NodeId parent;
  detail::Walker::StepRef ref;
};

// Sorts found[from..] by node id (one layer). Large layers use an LSD radix sort on the 32-bit
// ids — linear, where a comparison sort of thousands of nodes would cost more than the search
// that found them. Ids are unique within a layer, so the order is total.
void sort_layer(std::vector<Found>& found, std::size_t from) {
  const std::size_t k = found.size() - from;
  if (k < 2) return;
  const auto begin = found.begin() + static_cast<std::ptrdiff_t>(from);
  if (k <= 256) {
    std::sort(begin, found.end(), [](const Found& a, const Found& b) { return a.node < b.node; });
    return;
  }
  // Keys: node id above, position in the layer below; sort on the id bytes that differ.
  std::vector<std::uint64_t> keys(k), scratch(k);
  NodeId any = 0, all = ~NodeId{0};
  for (std::size_t i = 0; i < k; ++i) {
    const NodeId v = (begin + static_cast<std::ptrdiff_t>(i))->node;
    keys[i] = (std::uint64_t{v} << 32) | i;
    any |= v;
    all &= v;
  }
  const NodeId differ = any ^ all;
  for (int shift = 0; shift < 32; shift += 8) {
    if (((differ >> shift) & 0xFF) == 0) continue;  // e.g. the top byte below 2^24 nodes
    const int at = 32 + shift;
    std::size_t count[257] = {};
    for (std::uint64_t key : keys) ++count[((key >> at) & 0xFF) + 1];
    for (int b = 0; b < 256; ++b) count[b + 1] += count[b];
    for (std::uint64_t key : keys) scratch[count[(key >> at) & 0xFF]++] = key;
    keys.swap(scratch);
  }
  std::vector<Found> sorted(k);
  for (std::size_t i = 0; i < k; ++i) {
    sorted[i] = *(begin + static_cast<std::ptrdiff_t>(keys[i] & 0xFFFFFFFFu));
  }
  std::copy(sorted.begin(), sorted.end(), begin);
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

  const std::size_t max_results = filter.limits.max_results;
  detail::ScopedVisitSet seen(g.node_count());
  seen->insert(center);
  std::vector<Found> found{{center, kNoNode, {}}};
  std::vector<std::size_t> layer_start{0};  // found[layer_start[d]..] are at depth d
  std::size_t layer_begin = 0;
  std::size_t polls = 0;
  bool full = false;
  const bool pass_all = walker.all_nodes_allowed();
  for (int d = 1; d <= depth && !full; ++d) {
    const std::size_t layer_end = found.size();
    layer_start.push_back(layer_end);
    // The layer before is in key order, so the first node to reach a node is its earliest-keyed
    // parent. The visit is forced inline: g++ left it a call per neighbour, and inlined, a
    // depth-2 search with warm caches went from 1.4x to 1.1x a bare loop over the same arrays.
    for (std::size_t i = layer_begin; i < layer_end && !full; ++i) {
      const NodeId u = found[i].node;
      if (u != center && !pass_all && !walker.passable(u)) continue;  // reached, not passed
      if ((++polls & 1023) == 0 && walker.cancelled()) return detail::interrupted_status();
      walker.for_each_neighbour_ref(
          u, [&](NodeId v, detail::Walker::StepRef ref) __attribute__((always_inline)) {
            if (full || seen->has(v) || (!pass_all && !walker.reachable(v))) return;
            if (found.size() >= max_results) {
              full = true;
              return;
            }
            seen->insert(v);
            found.push_back({v, u, ref});
          });
    }
    sort_layer(found, layer_end);
    layer_begin = layer_end;
    if (layer_begin == found.size()) break;  // nothing new: deeper layers are empty
  }
  if (walker.cancelled()) return detail::interrupted_status();

  Neighbourhood result;
  result.center = center;
  result.nodes.reserve(found.size());
  result.nodes.push_back({center, 0, kNoNode, {}});
  std::size_t layer = 1;
  for (std::size_t i = 1; i < found.size(); ++i) {
    while (layer + 1 < layer_start.size() && i >= layer_start[layer + 1]) ++layer;
    const Found& f = found[i];
    if (!pass_all && !walker.listable(f.node)) continue;
    result.nodes.push_back({f.node, static_cast<int>(layer), f.parent, walker.resolve(f.ref)});
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

Result<std::vector<CommonNeighbour>> common_neighbours_with_steps(const Graph& g,
                                                                  std::span<const NodeId> nodes,
                                                                  const Filter& filter) {
  if (nodes.size() < 2) {
    return Status::error(ErrorKind::kInvalidArgument, "common needs at least two nodes");
  }
  detail::Walker walker(g, filter);
  std::vector<CommonNeighbour> common;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (walker.cancelled()) return detail::interrupted_status();
    // Steps in Walker order: by neighbour, so the first step to each is the one to show.
    std::vector<std::pair<NodeId, Step>> around;
    walker.for_each_step(nodes[i], /*reverse=*/false, [&](NodeId v, Step step) {
      if ((around.empty() || around.back().first != v) && walker.passable(v) &&
          walker.listable(v)) {
        around.emplace_back(v, step);
      }
      return true;
    });
    if (i == 0) {
      for (const auto& [v, step] : around) common.push_back({v, {step}});
      continue;
    }
    std::vector<CommonNeighbour> kept;
    auto a = around.begin();
    for (CommonNeighbour& c : common) {
      while (a != around.end() && a->first < c.node) ++a;
      if (a == around.end()) break;
      if (a->first != c.node) continue;
      c.steps.push_back(a->second);
      kept.push_back(std::move(c));
    }
    common = std::move(kept);
  }
  std::erase_if(common, [&](const CommonNeighbour& c) {
    return std::find(nodes.begin(), nodes.end(), c.node) != nodes.end();
  });
  return common;
}

Result<std::vector<NodeId>> common_neighbours(const Graph& g, std::span<const NodeId> nodes,
                                              const Filter& filter) {
  auto linked = common_neighbours_with_steps(g, nodes, filter);
  if (!linked.ok()) return linked.status();
  std::vector<NodeId> out;
  out.reserve(linked->size());
  for (const CommonNeighbour& c : *linked) out.push_back(c.node);
  return out;
}

}  // namespace kg

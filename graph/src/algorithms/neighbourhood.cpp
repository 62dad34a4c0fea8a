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

// A node as the search first found it: from `parent`, by `step`.
struct Found {
  NodeId node;
  NodeId parent;
  Step step;
};

// Sorts one layer, begin[0..k), by node id. Large layers use an LSD radix sort on the 32-bit
// ids — linear, where a comparison sort of thousands of nodes would cost more than the search
// that found them. Ids are unique within a layer, so the order is total.
void sort_layer(Found* begin, std::size_t k) {
  if (k < 2) return;
  Found* const end = begin + k;
  if (k <= 256) {
    std::sort(begin, end, [](const Found& a, const Found& b) { return a.node < b.node; });
    return;
  }
  // Only the id bytes that differ are sorted on (counting a byte that is the same everywhere
  // is a chain of increments of one counter: it cost a third of a hub's neighbourhood).
  NodeId any = 0, all = ~NodeId{0};
  for (std::size_t i = 0; i < k; ++i) {
    any |= begin[i].node;
    all &= begin[i].node;
  }
  const NodeId differ = any ^ all;
  std::size_t count[4][257] = {};
  for (int b = 0; b < 4; ++b) {
    const int shift = 8 * b;
    if (((differ >> shift) & 0xFF) == 0) continue;
    std::size_t* c = count[b];
    for (std::size_t i = 0; i < k; ++i) ++c[((begin[i].node >> shift) & 0xFF) + 1];
  }
  std::vector<Found> scratch(k);
  Found* from = begin;
  Found* to = scratch.data();
  for (int b = 0; b < 4; ++b) {
    const int shift = 8 * b;
    if (((differ >> shift) & 0xFF) == 0) continue;  // e.g. the top byte below 2^24 nodes
    std::size_t* c = count[b];
    for (int x = 0; x < 256; ++x) c[x + 1] += c[x];
    for (std::size_t i = 0; i < k; ++i) to[c[(from[i].node >> shift) & 0xFF]++] = from[i];
    std::swap(from, to);
  }
  if (from != begin) std::copy(from, from + k, begin);
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
  // The nodes found, in a per-thread buffer written by index: a push_back per node was a call
  // per node (g++ does not inline vector growth), half the time of a hub's neighbourhood.
  thread_local std::vector<Found> buffer;
  if (buffer.size() < 1024) buffer.resize(1024);
  Found* found = buffer.data();
  std::size_t count = 0;
  found[count++] = {center, kNoNode, {}};
  std::vector<std::size_t> layer_start{0};  // found[layer_start[d]..] are at depth d
  std::size_t layer_begin = 0;
  std::size_t polls = 0;
  bool full = false;
  const bool pass_all = walker.all_nodes_allowed();
  for (int d = 1; d <= depth && !full; ++d) {
    const std::size_t layer_end = count;
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
            if (count >= max_results) {
              full = true;
              return;
            }
            if (count == buffer.size()) {
              buffer.resize(2 * buffer.size());
              found = buffer.data();
            }
            seen->insert(v);
            // Resolved now, while u's adjacency row is in cache.
            found[count++] = {v, u, walker.resolve(ref)};
          });
    }
    sort_layer(found + layer_end, count - layer_end);
    layer_begin = layer_end;
    if (layer_begin == count) break;  // nothing new: deeper layers are empty
  }
  if (walker.cancelled()) return detail::interrupted_status();

  Neighbourhood result;
  result.center = center;
  result.nodes.resize(count);
  result.nodes[0] = {center, 0, kNoNode, {}};
  std::size_t listed = 1;
  std::size_t layer = 1;
  for (std::size_t i = 1; i < count; ++i) {
    while (layer + 1 < layer_start.size() && i >= layer_start[layer + 1]) ++layer;
    const Found& f = found[i];
    if (!pass_all && !walker.listable(f.node)) continue;
    result.nodes[listed++] = {f.node, static_cast<int>(layer), f.parent, f.step};
  }
  result.nodes.resize(listed);
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
  const detail::Snapshot& snapshot = g.snapshot();
  const detail::CsrArrays& csr = snapshot.csr;
  std::vector<EdgeId> edges;
  // Each edge counted once, from its from-node's out-list; entries of a damaged mapped file that
  // name no node or edge are skipped (snapshot.h).
  for (const Reached& r : nodes) {
    for (auto [p, end] = snapshot.out_row(r.node); p < end; ++p) {
      const EdgeId e = csr.out_edge[p];
      const NodeId t = csr.out_target[p];
      if (!snapshot.valid_step(t, e)) continue;
      if (in->has(t) && walker.relation_allowed(snapshot.edge_relation[e])) {
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

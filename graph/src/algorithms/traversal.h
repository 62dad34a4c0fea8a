// The filtered step generator every traversal shares: which edges a walk may take out of a node
// under a Filter, in the documented tie-break order. Internal; a Walker is cheap to build per
// question and read-only afterwards.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "kg/cancel.h"
#include "kg/graph.h"
#include "kg/path.h"
#include "kg/query.h"
#include "snapshot.h"

namespace kg::detail {

class Walker {
 public:
  Walker(const Graph& g, const Filter& filter);

  const Graph& graph() const { return g_; }
  const Filter& filter() const { return filter_; }

  // Any id indexes safely: one past the known relations reads the entry for unknown ones.
  bool relation_allowed(RelationId r) const {
    return relation_ok_[std::min<std::size_t>(r, relation_ok_.size() - 1)] != 0;
  }
  bool avoided(NodeId v) const {
    return !avoid_.empty() && std::binary_search(avoid_.begin(), avoid_.end(), v);
  }
  // In + out edges of `v`, every relation: the degree that makes a node a hub and that the
  // specificity of a path is measured in, whatever the filter (so a `via hub` note is the same
  // number `show` and an unfiltered `rank degree` give).
  std::size_t node_degree(NodeId v) const {
    return snapshot_.out_degree(v) + snapshot_.in_degree(v);
  }
  bool is_hub(NodeId v) const { return node_degree(v) > filter_.limits.hub_degree; }
  // The cost of passing through `v`: ln(degree) in millionths, rounded, so that path costs are
  // exact integer sums and equal degree products tie (ln 2 + ln 6 and ln 3 + ln 4 both give
  // 2484906). 0 for a node of degree 0 or 1.
  static std::uint64_t cost_of_degree(std::size_t degree);
  std::uint64_t node_cost(NodeId v) const { return cost_of_degree(node_degree(v)); }

  // Per-node tests of the Filter's type lists, avoid list and hub limit (callers exempt the
  // endpoints and the center the user named). May a walk reach `v` at all (the older `types`
  // filter and the avoid list)?
  bool reachable(NodeId v) const {
    return !avoided(v) && (all_reach_ || (type_mask(v) & kReach) != 0);
  }
  // May a walk go on from `v` (reachable, a `through` type, not a hub above avoid_hubs)?
  bool passable(NodeId v) const {
    return !avoided(v) && (all_pass_ || (type_mask(v) & kPass) != 0) &&
           (filter_.avoid_hubs == 0 || node_degree(v) <= filter_.avoid_hubs);
  }
  // May an answer list `v` (reachable and a `listed` type)?
  bool listable(NodeId v) const {
    return !avoided(v) && (all_list_ || (type_mask(v) & kList) != 0);
  }
  // May `v` be an inner node of a path (passable and listable: for paths they are one filter)?
  bool inner_allowed(NodeId v) const { return passable(v) && listable(v); }
  // True when no node is excluded by types, avoid list or hub limit (the common case: skip the
  // per-node checks).
  bool all_nodes_allowed() const {
    return all_reach_ && all_pass_ && all_list_ && avoid_.empty() && filter_.avoid_hubs == 0;
  }

  // Whether the question's CancelToken is set. Cheap (one relaxed load); callers still poll it
  // only every few thousand steps.
  bool cancelled() const { return filter_.cancel != nullptr && filter_.cancel->is_set(); }

  // The filter's direction, turned around for a walk from the target back to the start.
  Direction direction(bool reverse) const {
    const Direction d = filter_.direction;
    if (!reverse || d == Direction::kBoth) return d;
    return d == Direction::kOut ? Direction::kIn : Direction::kOut;
  }
  // Number of steps out of `u` (or into it, with `reverse`) before relation filtering.
  std::size_t degree(NodeId u, bool reverse) const {
    const Direction d = direction(reverse);
    std::size_t n = 0;
    if (d != Direction::kIn) n += snapshot_.out_degree(u);
    if (d != Direction::kOut) n += snapshot_.in_degree(u);
    return n;
  }

  // Calls visit(neighbour, step) for every step out of `u` whose relation passes the filter, in
  // order of neighbour id, then forward before backward, then edge id. With `reverse` it lists
  // the steps that lead INTO `u` instead (for searching from the target back to the start); the
  // Step then describes the walk neighbour -> u. Stops early when visit returns false.
  template <typename Visit>
  void for_each_step(NodeId u, bool reverse, Visit&& visit) const;

  // The step from `u` to `w` that for_each_step would list first (forward before backward, then
  // lowest edge id), found by binary search in the sorted adjacency; nullopt when there is none.
  std::optional<Step> find_step(NodeId u, NodeId w) const;

  // Calls visit(neighbour) for the same steps as for_each_step, in no particular order and
  // without edge ids: the fast path for searches whose result does not depend on order.
  template <typename Visit>
  void for_each_neighbour(NodeId u, bool reverse, Visit&& visit) const;

  // Where a step sits in the adjacency arrays, resolved to a Step only when needed.
  struct StepRef {
    std::uint32_t index = 0;  // an EdgeId, or a position in the forward / backward CSR arrays
    std::uint8_t kind = 0;    // kEdgeForward, kEdgeBackward, kOutSlot, kInSlot
  };
  static constexpr std::uint8_t kEdgeForward = 0, kEdgeBackward = 1, kOutSlot = 2, kInSlot = 3;
  Step resolve(StepRef r) const;
  // The steps out of `u` as for_each_neighbour lists them (out-edges, then in-edges), with a
  // StepRef each. For any neighbour, the first call names the step find_step(u, v) returns.
  template <typename Visit>
  void for_each_neighbour_ref(NodeId u, Visit&& visit) const;

 private:
  // The type mask of `v`; a type id past the known ones reads the last entry (unknown types).
  unsigned char type_mask(NodeId v) const {
    return type_mask_[std::min<std::size_t>(snapshot_.node_type[v], type_mask_.size() - 1)];
  }
  const Graph& g_;
  const Snapshot& snapshot_;
  const Filter& filter_;
  static constexpr unsigned char kReach = 1, kPass = 2, kList = 4;
  bool all_relations_;                    // no relation filter: skip the per-edge check
  bool all_reach_, all_pass_, all_list_;  // no type filter of that kind: skip the check
  std::vector<char> relation_ok_;
  std::vector<unsigned char> type_mask_;  // per type: kReach | kPass | kList
  std::vector<NodeId> avoid_;             // sorted
};

template <typename Visit>
void Walker::for_each_step(NodeId u, bool reverse, Visit&& visit) const {
  const CsrArrays& csr = snapshot_.csr;
  const Direction d = direction(reverse);
  auto [oi, oe] = snapshot_.out_row(u);
  auto [ii, ie] = snapshot_.in_row(u);
  if (d == Direction::kIn) oi = oe;
  if (d == Direction::kOut) ii = ie;
  // Out-edges are sorted by target and in-edges by source: merge the two runs by neighbour.
  while (oi != oe || ii != ie) {
    bool take_out;
    if (oi == oe) {
      take_out = false;
    } else if (ii == ie) {
      take_out = true;
    } else {
      take_out = csr.out_target[oi] <= csr.in_source[ii];
    }
    NodeId v;
    EdgeId e;
    if (take_out) {
      v = csr.out_target[oi];
      e = csr.out_edge[oi];
      ++oi;
    } else {
      v = csr.in_source[ii];
      e = snapshot_.in_edge(ii);
      ++ii;
    }
    if (!snapshot_.valid_step(v, e)) continue;  // damaged mapped arrays: skip the entry
    if (!all_relations_ && !relation_allowed(snapshot_.edge_relation[e])) continue;
    // An out-edge of u walked forward is u -> v; in reverse mode the walk is v -> u along the
    // edge's opposite direction, so it is walked backward.
    const bool forward = reverse ? !take_out : take_out;
    if (!visit(v, Step{e, forward})) return;
  }
}

inline std::optional<Step> Walker::find_step(NodeId u, NodeId w) const {
  const CsrArrays& csr = snapshot_.csr;
  const Direction d = filter_.direction;
  if (d != Direction::kIn) {  // out-edges of u sorted by target, then edge id
    const auto [b, end] = snapshot_.out_row(u);
    const NodeId* first = csr.out_target.data() + b;
    const NodeId* last = csr.out_target.data() + end;
    for (const NodeId* it = std::lower_bound(first, last, w); it != last && *it == w; ++it) {
      const EdgeId e = csr.out_edge[static_cast<std::size_t>(it - csr.out_target.data())];
      if (!snapshot_.valid_step(w, e)) continue;
      if (all_relations_ || relation_allowed(snapshot_.edge_relation[e])) return Step{e, true};
    }
  }
  if (d != Direction::kOut) {  // in-edges of u sorted by source, then edge id
    const auto [b, end] = snapshot_.in_row(u);
    const NodeId* first = csr.in_source.data() + b;
    const NodeId* last = csr.in_source.data() + end;
    for (const NodeId* it = std::lower_bound(first, last, w); it != last && *it == w; ++it) {
      const EdgeId e = snapshot_.in_edge(static_cast<std::size_t>(it - csr.in_source.data()));
      if (!snapshot_.valid_step(w, e)) continue;
      if (all_relations_ || relation_allowed(snapshot_.edge_relation[e])) return Step{e, false};
    }
  }
  return std::nullopt;
}

template <typename Visit>
void Walker::for_each_neighbour(NodeId u, bool reverse, Visit&& visit) const {
  if (!all_relations_) {
    for_each_step(u, reverse, [&](NodeId v, Step) {
      visit(v);
      return true;
    });
    return;
  }
  // A neighbour id at or past the node count (a damaged mapped file) is skipped.
  const CsrArrays& csr = snapshot_.csr;
  const Direction d = direction(reverse);
  const std::size_t n = snapshot_.node_count();
  if (d != Direction::kIn) {
    for (auto [i, end] = snapshot_.out_row(u); i < end; ++i) {
      const NodeId v = csr.out_target[i];
      if (v < n) visit(v);
    }
  }
  if (d != Direction::kOut) {
    for (auto [i, end] = snapshot_.in_row(u); i < end; ++i) {
      const NodeId v = csr.in_source[i];
      if (v < n) visit(v);
    }
  }
}

inline Step Walker::resolve(StepRef r) const {
  switch (r.kind) {
    case kEdgeForward:
      return Step{r.index, true};
    case kEdgeBackward:
      return Step{r.index, false};
    // A slot whose edge id is out of range (a damaged mapped file) resolves to edge 0, which
    // exists whenever a row is not empty: the answer names a wrong edge but reads nothing outside.
    case kOutSlot: {
      const EdgeId e = snapshot_.csr.out_edge[r.index];
      return Step{e < snapshot_.edge_count() ? e : 0, true};
    }
    default: {
      const EdgeId e = snapshot_.in_edge(r.index);
      return Step{e < snapshot_.edge_count() ? e : 0, false};
    }
  }
}

template <typename Visit>
void Walker::for_each_neighbour_ref(NodeId u, Visit&& visit) const {
  if (!all_relations_) {
    for_each_step(u, /*reverse=*/false, [&](NodeId v, Step step) {
      visit(v, StepRef{step.edge, step.forward ? kEdgeForward : kEdgeBackward});
      return true;
    });
    return;
  }
  // A neighbour id at or past the node count (a damaged mapped file) is skipped; a bad edge id
  // is caught by resolve().
  const CsrArrays& csr = snapshot_.csr;
  const Direction d = filter_.direction;
  const std::size_t n = snapshot_.node_count();
  if (d != Direction::kIn) {
    const auto [b, end] = snapshot_.out_row(u);
    for (auto i = static_cast<std::uint32_t>(b); i < end; ++i) {
      const NodeId v = csr.out_target[i];
      if (v < n) visit(v, StepRef{i, kOutSlot});
    }
  }
  if (d != Direction::kOut) {
    const auto [b, end] = snapshot_.in_row(u);
    for (auto i = static_cast<std::uint32_t>(b); i < end; ++i) {
      const NodeId v = csr.in_source[i];
      if (v < n) visit(v, StepRef{i, kInSlot});
    }
  }
}

}  // namespace kg::detail

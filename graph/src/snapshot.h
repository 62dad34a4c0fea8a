// The adjacency of a Graph: the project's own bidirectional compressed-sparse-row arrays, over
// owned vectors or a mapped snapshot file, and the hot per-node and per-edge facts beside them.
// Internal to graph/src; immutable once built. Traversals read the arrays directly; no Boost.Graph
// algorithm runs on them (the whole-graph measures build filtered copies, see centrality.cpp).
#pragma once

#include <algorithm>
#include <cstdint>

#include "graph_data.h"
#include "kg/ids.h"

namespace kg::detail {

// Out-edges of v are positions out_start[v] .. out_start[v + 1], each with its target and EdgeId,
// in order of target, then EdgeId. In-edges of v are positions in_start[v] .. in_start[v + 1],
// each with its source and the out-position of the same edge, in order of out-position (so of
// source, then EdgeId).
struct CsrArrays {
  Array<EdgeId> out_start;
  Array<NodeId> out_target;
  Array<EdgeId> out_edge;
  Array<EdgeId> in_start;
  Array<NodeId> in_source;
  Array<EdgeId> in_position;
};

struct Snapshot {
  CsrArrays csr;
  // Hot per-node and per-edge facts in contiguous arrays, so filters do not touch the larger
  // node and edge records during a traversal.
  Array<TypeId> node_type;          // by NodeId
  Array<RelationId> edge_relation;  // by EdgeId

  // Every read below is bounded, because a mapped snapshot file's arrays are checked only for
  // their sizes at open (the O(E) checks run with its checksum: import, `check`, --verify, small
  // files): the open verifies that out_start and in_start have node_count() + 1 entries and the
  // per-edge arrays edge_count(), not what they hold. Rows are clamped to [0, edge_count()]
  // and never run backwards, so a damaged row reads as shorter or empty. Callers skip a
  // neighbour at or past node_count() and an edge at or past edge_count() (valid_step), so a
  // damaged id drops that entry from the walk and never indexes a per-node or per-edge array.
  std::size_t node_count() const { return node_type.size(); }
  std::size_t edge_count() const { return edge_relation.size(); }
  struct Row {
    std::size_t begin, end;
  };
  // Out-positions and in-positions of `v`; requires v < node_count().
  Row out_row(NodeId v) const { return row(csr.out_start, v); }
  Row in_row(NodeId v) const { return row(csr.in_start, v); }
  std::size_t out_degree(NodeId v) const {
    const Row r = out_row(v);
    return r.end - r.begin;
  }
  std::size_t in_degree(NodeId v) const {
    const Row r = in_row(v);
    return r.end - r.begin;
  }
  // The EdgeId of the in-edge at in-position q (q inside a row), edge_count() when in_position
  // points past the out-edges.
  EdgeId in_edge(std::size_t q) const {
    const EdgeId p = csr.in_position[q];
    return p < edge_count() ? csr.out_edge[p] : static_cast<EdgeId>(edge_count());
  }
  // True when a neighbour and edge read from the arrays may be used as ids.
  bool valid_step(NodeId v, EdgeId e) const { return v < node_count() && e < edge_count(); }

 private:
  Row row(const Array<EdgeId>& start, NodeId v) const {
    const std::size_t m = edge_count();
    const std::size_t end = std::min<std::size_t>(start[v + 1], m);
    return Row{std::min<std::size_t>(start[v], end), end};
  }
};

// The snapshot of `data` with the adjacency `csr`, without sorting anything. Requires arrays that
// build_snapshot() made for the same data (the image reader checks them, integrity.h).
Snapshot snapshot_from_arrays(const GraphData& data, CsrArrays csr);

// Builds the adjacency of `data`'s edges in linear time (two counting sorts).
Snapshot build_snapshot(const GraphData& data);

}  // namespace kg::detail

// The adjacency of a Graph: the project's own bidirectional compressed-sparse-row arrays, over
// owned vectors or a mapped snapshot file, and the hot per-node and per-edge facts beside them.
// Internal to graph/src; immutable once built. Traversals read the arrays directly; no Boost.Graph
// algorithm runs on them (the whole-graph measures build filtered copies, see centrality.cpp).
#pragma once

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

  std::size_t out_degree(NodeId v) const { return csr.out_start[v + 1] - csr.out_start[v]; }
  std::size_t in_degree(NodeId v) const { return csr.in_start[v + 1] - csr.in_start[v]; }
  // The EdgeId of the in-edge at in-position q.
  EdgeId in_edge(std::size_t q) const { return csr.out_edge[csr.in_position[q]]; }
};

// The snapshot of `data` with the adjacency `csr`, without sorting anything. Requires arrays that
// build_snapshot() made for the same data (the image reader checks them, integrity.h).
Snapshot snapshot_from_arrays(const GraphData& data, CsrArrays csr);

// Builds the adjacency of `data`'s edges in linear time (two counting sorts).
Snapshot build_snapshot(const GraphData& data);

}  // namespace kg::detail

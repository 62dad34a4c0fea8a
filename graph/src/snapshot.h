// The Boost.Graph side of a Graph: a bidirectional compressed-sparse-row graph whose vertices
// are NodeIds and whose edges carry their EdgeId. Internal to graph/src; immutable once built.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <vector>

#include "graph_data.h"
#include "kg/ids.h"

namespace kg::detail {

struct EdgeRef {
  EdgeId id = 0;
};

using Csr = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, EdgeRef,
                                               boost::no_property, NodeId, EdgeId>;
using Vertex = boost::graph_traits<Csr>::vertex_descriptor;
using CsrEdge = boost::graph_traits<Csr>::edge_descriptor;

struct Snapshot {
  Csr csr;
  // Hot per-node and per-edge facts in contiguous arrays, so filters do not touch the larger
  // node and edge records during a traversal.
  std::vector<TypeId> node_type;          // by NodeId
  std::vector<RelationId> edge_relation;  // by EdgeId
};

// The adjacency as flat arrays, for the graph image. Out-edges of v are positions
// out_start[v] .. out_start[v + 1], each with its target and EdgeId; in-edges of v are positions
// in_start[v] .. in_start[v + 1], each with its source and the out-position of the same edge.
struct CsrArrays {
  std::vector<EdgeId> out_start;
  std::vector<NodeId> out_target;
  std::vector<EdgeId> out_edge;
  std::vector<EdgeId> in_start;
  std::vector<NodeId> in_source;
  std::vector<EdgeId> in_position;
};
CsrArrays csr_arrays(const Csr& csr);

// The snapshot of `data` with the adjacency `csr`, without sorting anything. Requires arrays
// that csr_arrays() made from a snapshot of the same data (the image reader checks the ranges).
Snapshot snapshot_from_arrays(const GraphData& data, const CsrArrays& csr);

// Builds the CSR over `node_count` vertices. Out-edges of a vertex come in order of target id,
// then edge id; in-edges in order of source id, then edge id.
Snapshot build_snapshot(const GraphData& data);

}  // namespace kg::detail

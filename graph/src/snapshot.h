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

// Builds the CSR over `node_count` vertices. Out-edges of a vertex come in order of target id,
// then edge id; in-edges in order of source id, then edge id.
Snapshot build_snapshot(const GraphData& data);

}  // namespace kg::detail

// Implementation of snapshot.h.
#include "snapshot.h"

#include <utility>
#include <vector>

namespace kg::detail {
namespace {

void fill_hot_arrays(const GraphData& data, Snapshot& s) {
  std::vector<TypeId> types;
  types.reserve(data.nodes.size());
  for (const NodeRecord& n : data.nodes) types.push_back(n.type);
  s.node_type = Array<TypeId>(std::move(types));
  std::vector<RelationId> relations;
  relations.reserve(data.edges.size());
  for (const EdgeRecord& e : data.edges) relations.push_back(e.relation);
  s.edge_relation = Array<RelationId>(std::move(relations));
}

// Row starts of a counting sort: start[v] .. start[v + 1] is the row of key v.
std::vector<EdgeId> row_starts(std::size_t node_count, const std::vector<NodeId>& key) {
  std::vector<EdgeId> start(node_count + 1, 0);
  for (NodeId k : key) ++start[k + 1];
  for (std::size_t v = 0; v < node_count; ++v) start[v + 1] += start[v];
  return start;
}

}  // namespace

Snapshot build_snapshot(const GraphData& data) {
  const std::size_t n = data.nodes.size(), m = data.edges.size();
  // Endpoints first, in one sequential pass, so the sorts do not stride over the edge records.
  std::vector<NodeId> from(m), to(m);
  for (std::size_t e = 0; e < m; ++e) {
    from[e] = data.edges[e].from;
    to[e] = data.edges[e].to;
  }
  // Out-rows in (target, edge id) order: a stable counting sort of the edges by target, then one
  // by source, placing each edge in its source's row.
  std::vector<EdgeId> by_target(m);
  {
    std::vector<EdgeId> at = row_starts(n, to);
    for (std::size_t e = 0; e < m; ++e) by_target[at[to[e]]++] = static_cast<EdgeId>(e);
  }
  std::vector<EdgeId> out_start = row_starts(n, from);
  std::vector<NodeId> out_target(m);
  std::vector<EdgeId> out_edge(m);
  {
    std::vector<EdgeId> at(out_start.begin(), out_start.end() - 1);
    for (EdgeId e : by_target) {
      const EdgeId p = at[from[e]]++;
      out_target[p] = to[e];
      out_edge[p] = e;
    }
  }
  // In-rows list out-positions in increasing order: a stable counting sort of them by target.
  std::vector<EdgeId> in_start = row_starts(n, to);
  std::vector<NodeId> in_source(m);
  std::vector<EdgeId> in_position(m);
  {
    std::vector<EdgeId> at(in_start.begin(), in_start.end() - 1);
    for (NodeId v = 0; v < n; ++v) {
      for (EdgeId p = out_start[v]; p < out_start[v + 1]; ++p) {
        const EdgeId q = at[out_target[p]]++;
        in_source[q] = v;
        in_position[q] = p;
      }
    }
  }
  CsrArrays csr;
  csr.out_start = Array<EdgeId>(std::move(out_start));
  csr.out_target = Array<NodeId>(std::move(out_target));
  csr.out_edge = Array<EdgeId>(std::move(out_edge));
  csr.in_start = Array<EdgeId>(std::move(in_start));
  csr.in_source = Array<NodeId>(std::move(in_source));
  csr.in_position = Array<EdgeId>(std::move(in_position));
  return snapshot_from_arrays(data, std::move(csr));
}

Snapshot snapshot_from_arrays(const GraphData& data, CsrArrays csr) {
  Snapshot s;
  s.csr = std::move(csr);
  fill_hot_arrays(data, s);
  return s;
}

}  // namespace kg::detail

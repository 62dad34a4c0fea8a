// Implementation of snapshot.h.
#include "snapshot.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace kg::detail {

Snapshot build_snapshot(const GraphData& data) {
  const auto& nodes = data.nodes;
  const auto& edges = data.edges;
  const std::size_t node_count = nodes.size();
  // BGL's bidirectional CSR places edges by a stable counting sort on the source, so ordering
  // them by (from, to, id) first fixes the order of out-edges and, through the transpose, of
  // in-edges. Two stable counting sorts (by to, then by from) give that order in linear time.
  // Endpoints first, in one sequential pass, so the sorts do not stride over the edge records.
  std::vector<NodeId> from(edges.size()), to(edges.size());
  for (std::size_t e = 0; e < edges.size(); ++e) {
    from[e] = edges[e].from;
    to[e] = edges[e].to;
  }
  auto counting_sort = [&](const std::vector<EdgeId>& in, const std::vector<NodeId>& key) {
    std::vector<std::size_t> start(node_count + 1, 0);
    for (EdgeId e : in) ++start[key[e] + 1];
    for (std::size_t v = 0; v < node_count; ++v) start[v + 1] += start[v];
    std::vector<EdgeId> out(in.size());
    for (EdgeId e : in) out[start[key[e]]++] = e;
    return out;
  };
  std::vector<EdgeId> order(edges.size());
  std::iota(order.begin(), order.end(), EdgeId{0});
  order = counting_sort(order, to);
  order = counting_sort(order, from);
  std::vector<std::pair<NodeId, NodeId>> ends;
  std::vector<EdgeRef> refs;
  ends.reserve(order.size());
  refs.reserve(order.size());
  for (EdgeId id : order) {
    ends.emplace_back(from[id], to[id]);
    refs.push_back(EdgeRef{id});
  }
  from = {};
  to = {};
  Snapshot s{Csr(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), refs.begin(),
                 static_cast<NodeId>(node_count)),
             {},
             {}};
  s.node_type.reserve(node_count);
  for (const NodeRecord& n : nodes) s.node_type.push_back(n.type);
  s.edge_relation.reserve(edges.size());
  for (const EdgeRecord& e : edges) s.edge_relation.push_back(e.relation);
  return s;
}

}  // namespace kg::detail

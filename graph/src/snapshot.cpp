// Implementation of snapshot.h.
#include "snapshot.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace kg::detail {

Snapshot build_snapshot(const std::vector<Node>& nodes, const std::vector<Edge>& edges) {
  const std::size_t node_count = nodes.size();
  // BGL's bidirectional CSR places edges by a stable counting sort on the source, so sorting by
  // (from, to, id) first fixes the order of out-edges and, through the transpose, of in-edges.
  std::vector<EdgeId> order(edges.size());
  std::iota(order.begin(), order.end(), EdgeId{0});
  std::sort(order.begin(), order.end(), [&](EdgeId a, EdgeId b) {
    const Edge& x = edges[a];
    const Edge& y = edges[b];
    return std::tie(x.from, x.to, a) < std::tie(y.from, y.to, b);
  });
  std::vector<std::pair<NodeId, NodeId>> ends;
  std::vector<EdgeRef> refs;
  ends.reserve(order.size());
  refs.reserve(order.size());
  for (EdgeId id : order) {
    ends.emplace_back(edges[id].from, edges[id].to);
    refs.push_back(EdgeRef{id});
  }
  Snapshot s{Csr(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), refs.begin(),
                 static_cast<NodeId>(node_count)),
             {}, {}};
  s.node_type.reserve(node_count);
  for (const Node& n : nodes) s.node_type.push_back(n.type);
  s.edge_relation.reserve(edges.size());
  for (const Edge& e : edges) s.edge_relation.push_back(e.relation);
  return s;
}

}  // namespace kg::detail

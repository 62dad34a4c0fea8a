// Implementation of snapshot.h.
#include "snapshot.h"

#include <algorithm>
#include <iterator>
#include <numeric>
#include <utility>

namespace kg::detail {
namespace {

void fill_hot_arrays(const GraphData& data, Snapshot& s) {
  s.node_type.reserve(data.nodes.size());
  for (const NodeRecord& n : data.nodes) s.node_type.push_back(n.type);
  s.edge_relation.reserve(data.edges.size());
  for (const EdgeRecord& e : data.edges) s.edge_relation.push_back(e.relation);
}

}  // namespace

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
  fill_hot_arrays(data, s);
  return s;
}

CsrArrays csr_arrays(const Csr& csr) {
  CsrArrays a;
  const std::size_t n = boost::num_vertices(csr);
  a.out_start.reserve(n + 1);
  a.in_start.reserve(n + 1);
  a.out_start.push_back(0);
  a.in_start.push_back(0);
  for (Vertex v = 0; v < n; ++v) {
    for (auto [it, end] = boost::out_edges(v, csr); it != end; ++it) {
      a.out_target.push_back(boost::target(*it, csr));
      a.out_edge.push_back(csr[*it].id);
    }
    for (auto [it, end] = boost::in_edges(v, csr); it != end; ++it) {
      a.in_source.push_back(boost::source(*it, csr));
      a.in_position.push_back(it->idx);
    }
    a.out_start.push_back(static_cast<EdgeId>(a.out_target.size()));
    a.in_start.push_back(static_cast<EdgeId>(a.in_source.size()));
  }
  return a;
}

namespace {

// The rows of a CSR read back as (row, column) pairs in order: what BGL's
// assign_from_sorted_edges walks. Only the part of an input iterator that loop uses.
class RowPairs {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = std::pair<NodeId, NodeId>;
  using difference_type = std::ptrdiff_t;
  using pointer = const value_type*;
  using reference = const value_type&;

  RowPairs(const std::vector<EdgeId>& start, const std::vector<NodeId>& column, std::size_t i)
      : start_(&start), column_(&column), i_(i) {
    settle();
  }
  reference operator*() const { return pair_; }
  pointer operator->() const { return &pair_; }
  RowPairs& operator++() {
    ++i_;
    settle();
    return *this;
  }
  bool operator==(const RowPairs& o) const { return i_ == o.i_; }

 private:
  void settle() {
    if (i_ >= column_->size()) return;
    while ((*start_)[row_ + 1] <= i_) ++row_;
    pair_ = {row_, (*column_)[i_]};
  }
  const std::vector<EdgeId>* start_;
  const std::vector<NodeId>* column_;
  std::size_t i_;
  NodeId row_ = 0;
  std::pair<NodeId, NodeId> pair_;
};

}  // namespace

Snapshot snapshot_from_arrays(const GraphData& data, const CsrArrays& a) {
  // BGL's bidirectional CSR has constructors only for unsorted edges (counting sorts in both
  // directions); its two row structures also take rows already in order, as the image has them.
  Snapshot s;
  const auto n = static_cast<NodeId>(data.nodes.size());
  const auto m = static_cast<EdgeId>(data.edges.size());
  std::vector<EdgeRef> refs(a.out_edge.size());
  for (std::size_t i = 0; i < refs.size(); ++i) refs[i].id = a.out_edge[i];
  const boost::typed_identity_property_map<NodeId> same;
  s.csr.m_forward.assign_from_sorted_edges(RowPairs(a.out_start, a.out_target, 0),
                                           RowPairs(a.out_start, a.out_target, a.out_target.size()),
                                           refs.begin(), same, boost::keep_all(), n, m);
  s.csr.m_backward.assign_from_sorted_edges(RowPairs(a.in_start, a.in_source, 0),
                                            RowPairs(a.in_start, a.in_source, a.in_source.size()),
                                            a.in_position.begin(), same, boost::keep_all(), n, m);
  fill_hot_arrays(data, s);
  return s;
}

}  // namespace kg::detail

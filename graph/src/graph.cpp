// Implementation of kg/graph.h: Graph accessors and GraphBuilder, which orders nodes by key so
// that NodeId order is key order (the documented tie-break of every algorithm).
#include "kg/graph.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "graph_data.h"
#include "keys.h"
#include "snapshot.h"

namespace kg {

using detail::GraphData;
using detail::lower_key;

Graph::Graph() = default;
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;
Graph::~Graph() = default;

std::size_t Graph::node_count() const {
  return data_->nodes.size();
}
std::size_t Graph::edge_count() const {
  return data_->edges.size();
}

// The accessors below bound every id they read from the records, because a mapped snapshot
// file is checked only for its sizes at open (snapshot.h): a node's type past the vocabulary
// reads as type 0, an edge's end, source or relation out of range as node or relation 0, and
// strings and lists are bounded by StringTable and Lists. A damaged file shows wrong data,
// never reads outside it. The open refuses a file with nodes but no types, or edges but no nodes
// or relations, so those fallbacks exist.
namespace {
template <typename Id>
Id bounded(Id id, std::size_t count) {
  return id < count ? id : Id{0};
}
}  // namespace

Node Graph::node(NodeId id) const {
  const GraphData& d = *data_;
  const detail::NodeRecord& r = d.nodes[bounded(id, d.nodes.size())];
  return Node{
      d.strings[r.key],
      bounded(r.type, d.types.size()),
      d.strings[r.name],
      StringList(&d.strings, d.aliases.first(id), d.aliases.count(id)),
      d.strings[r.description],
      AttributeList(&d.strings, d.node_attributes.first(id), d.node_attributes.count(id) / 2)};
}

Edge Graph::edge(EdgeId id) const {
  const GraphData& d = *data_;
  const detail::EdgeRecord& r = d.edges[bounded(id, d.edges.size())];
  const std::size_t n = d.nodes.size();
  return Edge{
      bounded(r.from, n),
      bounded(r.relation, d.relations.size()),
      bounded(r.to, n),
      bounded(r.source, n),
      d.strings[r.locator],
      d.strings[r.note],
      AttributeList(&d.strings, d.edge_attributes.first(id), d.edge_attributes.count(id) / 2)};
}

const std::vector<NodeType>& Graph::types() const {
  return data_->types;
}
const std::vector<Relation>& Graph::relations() const {
  return data_->relations;
}
const NodeType& Graph::type_of(NodeId id) const {
  return data_->types[node(id).type];
}
const Relation& Graph::relation_of(EdgeId id) const {
  return data_->relations[edge(id).relation];
}

std::optional<NodeId> Graph::find_key(std::string_view key) const {
  // Nodes are sorted in key order (ASCII case ignored), so a binary search finds any spelling.
  const GraphData& d = *data_;
  auto it = std::lower_bound(d.nodes.begin(), d.nodes.end(), key,
                             [&](const detail::NodeRecord& n, std::string_view k) {
                               return detail::key_less(d.strings[n.key], k);
                             });
  if (it != d.nodes.end() && detail::key_equal(d.strings[it->key], key)) {
    return static_cast<NodeId>(it - d.nodes.begin());
  }
  return std::nullopt;
}

std::optional<TypeId> Graph::find_type(std::string_view name) const {
  for (std::size_t i = 0; i < data_->types.size(); ++i) {
    if (data_->types[i].name == name) return static_cast<TypeId>(i);
  }
  return std::nullopt;
}

std::optional<RelationId> Graph::find_relation(std::string_view name) const {
  for (std::size_t i = 0; i < data_->relations.size(); ++i) {
    if (data_->relations[i].name == name) return static_cast<RelationId>(i);
  }
  return std::nullopt;
}

std::vector<EdgeId> Graph::out_edges(NodeId id) const {
  // Edge ids out of range (a damaged mapped file) are left out, as the walks skip them.
  const detail::CsrArrays& csr = snapshot_->csr;
  std::vector<EdgeId> out;
  for (auto [p, end] = snapshot_->out_row(id); p < end; ++p) {
    if (snapshot_->valid_step(csr.out_target[p], csr.out_edge[p])) out.push_back(csr.out_edge[p]);
  }
  return out;
}

std::vector<EdgeId> Graph::in_edges(NodeId id) const {
  const detail::CsrArrays& csr = snapshot_->csr;
  std::vector<EdgeId> in;
  for (auto [q, end] = snapshot_->in_row(id); q < end; ++q) {
    const EdgeId e = snapshot_->in_edge(q);
    if (snapshot_->valid_step(csr.in_source[q], e)) in.push_back(e);
  }
  return in;
}

Graph detail::assemble(GraphData data) {
  Snapshot snapshot = build_snapshot(data);
  return assemble(std::move(data), std::move(snapshot));
}

Graph detail::assemble(GraphData data, Snapshot snapshot) {
  Graph g;
  g.data_ = std::make_unique<GraphData>(std::move(data));
  g.snapshot_ = std::make_unique<Snapshot>(std::move(snapshot));
  return g;
}

TypeId GraphBuilder::add_type(NodeType type) {
  types_.push_back(std::move(type));
  return static_cast<TypeId>(types_.size() - 1);
}

void GraphBuilder::add_relation(std::string name, std::string label, std::string inverse,
                                std::string description, std::vector<std::string> from_types,
                                std::vector<std::string> to_types) {
  PendingRelation r;
  r.relation.name = std::move(name);
  r.relation.label = std::move(label);
  r.relation.inverse = std::move(inverse);
  r.relation.description = std::move(description);
  r.from_types = std::move(from_types);
  r.to_types = std::move(to_types);
  relations_.push_back(std::move(r));
}

void GraphBuilder::add_node(std::string key, std::string type, std::string name,
                            std::vector<std::string> aliases, std::string description,
                            Attributes attributes) {
  nodes_.push_back(PendingNode{std::move(key), std::move(type), std::move(name), std::move(aliases),
                               std::move(description), std::move(attributes)});
}

void GraphBuilder::add_edge(std::string from, std::string relation, std::string to,
                            std::string source, std::string locator, std::string note,
                            Attributes attributes) {
  edges_.push_back(PendingEdge{std::move(from), std::move(relation), std::move(to),
                               std::move(source), std::move(locator), std::move(note),
                               std::move(attributes)});
}

Result<Graph> GraphBuilder::build() && {
  std::vector<NodeType> types = std::move(types_);
  std::unordered_map<std::string, TypeId> type_ids;
  for (std::size_t i = 0; i < types.size(); ++i) {
    type_ids.emplace(types[i].name, static_cast<TypeId>(i));
  }
  auto resolve_types = [&](const std::vector<std::string>& names,
                           std::vector<TypeId>& out) -> Status {
    for (const std::string& name : names) {
      auto it = type_ids.find(name);
      if (it == type_ids.end()) {
        return Status::error(ErrorKind::kData, "unknown type '" + name + "'");
      }
      out.push_back(it->second);
    }
    return Status();
  };

  std::vector<Relation> relations;
  std::unordered_map<std::string, RelationId> relation_ids;
  for (PendingRelation& r : relations_) {
    if (Status s = resolve_types(r.from_types, r.relation.from_types); !s.ok()) return s;
    if (Status s = resolve_types(r.to_types, r.relation.to_types); !s.ok()) return s;
    relation_ids.emplace(r.relation.name, static_cast<RelationId>(relations.size()));
    relations.push_back(std::move(r.relation));
  }

  std::sort(nodes_.begin(), nodes_.end(), [](const PendingNode& a, const PendingNode& b) {
    return detail::key_less(a.key, b.key);
  });
  GraphData data;
  detail::Interner intern(data.strings);
  auto add_attributes = [&](const Attributes& attributes, detail::Lists& lists) {
    for (const Attribute& a : attributes) {
      lists.entries.push_back(intern(a.name));
      lists.entries.push_back(intern(a.value));
    }
    lists.close();
  };
  std::unordered_map<std::string, NodeId> node_ids;
  data.nodes.reserve(nodes_.size());
  for (const PendingNode& n : nodes_) {
    auto type = type_ids.find(n.type);
    if (type == type_ids.end()) {
      return Status::error(ErrorKind::kData,
                           "unknown type '" + n.type + "' of node '" + n.key + "'");
    }
    if (!node_ids.emplace(lower_key(n.key), static_cast<NodeId>(data.nodes.size())).second) {
      return Status::error(ErrorKind::kData, "duplicate node key '" + n.key + "'");
    }
    data.nodes.push_back({data.strings.add(n.key), data.strings.add(n.name),
                          data.strings.add(n.description), type->second});
    for (const std::string& alias : n.aliases)
      data.aliases.entries.push_back(data.strings.add(alias));
    data.aliases.close();
    add_attributes(n.attributes, data.node_attributes);
  }

  auto node_of = [&](const std::string& key, NodeId& out) -> Status {
    auto it = node_ids.find(lower_key(key));
    if (it == node_ids.end()) return Status::error(ErrorKind::kData, "unknown node '" + key + "'");
    out = it->second;
    return Status();
  };
  data.edges.reserve(edges_.size());
  for (const PendingEdge& e : edges_) {
    detail::EdgeRecord edge;
    if (Status s = node_of(e.from, edge.from); !s.ok()) return s;
    if (Status s = node_of(e.to, edge.to); !s.ok()) return s;
    if (Status s = node_of(e.source, edge.source); !s.ok()) return s;
    auto rel = relation_ids.find(e.relation);
    if (rel == relation_ids.end()) {
      return Status::error(ErrorKind::kData, "unknown relation '" + e.relation + "'");
    }
    edge.relation = rel->second;
    edge.locator = intern(e.locator);
    edge.note = intern(e.note);
    data.edges.push_back(edge);
    add_attributes(e.attributes, data.edge_attributes);
  }
  data.types = std::move(types);
  data.relations = std::move(relations);
  return detail::assemble(std::move(data));
}

}  // namespace kg

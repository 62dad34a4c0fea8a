// Implementation of kg/graph.h: Graph accessors and GraphBuilder, which orders nodes by key so
// that NodeId order is key order (the documented tie-break of every algorithm).
#include "kg/graph.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "keys.h"
#include "snapshot.h"

namespace kg {

using detail::lower_key;

std::string_view attribute(const Attributes& attributes, std::string_view name) {
  for (const Attribute& a : attributes) {
    if (a.name == name) return a.value;
  }
  return {};
}

Graph::Graph() = default;
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;
Graph::~Graph() = default;

std::optional<NodeId> Graph::find_key(std::string_view key) const {
  // Nodes are sorted in key order (ASCII case ignored), so a binary search finds any spelling.
  auto it = std::lower_bound(nodes_.begin(), nodes_.end(), key, [](const Node& n, std::string_view k) {
    return detail::key_less(n.key, k);
  });
  if (it != nodes_.end() && detail::key_equal(it->key, key)) {
    return static_cast<NodeId>(it - nodes_.begin());
  }
  return std::nullopt;
}

std::optional<TypeId> Graph::find_type(std::string_view name) const {
  for (std::size_t i = 0; i < types_.size(); ++i) {
    if (types_[i].name == name) return static_cast<TypeId>(i);
  }
  return std::nullopt;
}

std::optional<RelationId> Graph::find_relation(std::string_view name) const {
  for (std::size_t i = 0; i < relations_.size(); ++i) {
    if (relations_[i].name == name) return static_cast<RelationId>(i);
  }
  return std::nullopt;
}

std::vector<EdgeId> Graph::out_edges(NodeId id) const {
  std::vector<EdgeId> out;
  for (auto [it, end] = boost::out_edges(id, snapshot_->csr); it != end; ++it) {
    out.push_back(snapshot_->csr[*it].id);
  }
  return out;
}

std::vector<EdgeId> Graph::in_edges(NodeId id) const {
  std::vector<EdgeId> in;
  for (auto [it, end] = boost::in_edges(id, snapshot_->csr); it != end; ++it) {
    in.push_back(snapshot_->csr[*it].id);
  }
  return in;
}

Graph detail::assemble(std::vector<NodeType> types, std::vector<Relation> relations,
                       std::vector<Node> nodes, std::vector<Edge> edges) {
  Graph g;
  g.types_ = std::move(types);
  g.relations_ = std::move(relations);
  g.nodes_ = std::move(nodes);
  g.edges_ = std::move(edges);
  g.snapshot_ = std::make_unique<detail::Snapshot>(detail::build_snapshot(g.nodes_, g.edges_));
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
  PendingNode n;
  n.node.key = std::move(key);
  n.node.name = std::move(name);
  n.node.aliases = std::move(aliases);
  n.node.description = std::move(description);
  n.node.attributes = std::move(attributes);
  n.type = std::move(type);
  nodes_.push_back(std::move(n));
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
    return detail::key_less(a.node.key, b.node.key);
  });
  std::vector<Node> nodes;
  std::unordered_map<std::string, NodeId> node_ids;
  nodes.reserve(nodes_.size());
  for (PendingNode& n : nodes_) {
    auto type = type_ids.find(n.type);
    if (type == type_ids.end()) {
      return Status::error(ErrorKind::kData,
                           "unknown type '" + n.type + "' of node '" + n.node.key + "'");
    }
    n.node.type = type->second;
    if (!node_ids.emplace(lower_key(n.node.key), static_cast<NodeId>(nodes.size())).second) {
      return Status::error(ErrorKind::kData, "duplicate node key '" + n.node.key + "'");
    }
    nodes.push_back(std::move(n.node));
  }

  auto node_of = [&](const std::string& key, NodeId& out) -> Status {
    auto it = node_ids.find(lower_key(key));
    if (it == node_ids.end()) return Status::error(ErrorKind::kData, "unknown node '" + key + "'");
    out = it->second;
    return Status();
  };
  std::vector<Edge> edges;
  edges.reserve(edges_.size());
  for (PendingEdge& e : edges_) {
    Edge edge;
    if (Status s = node_of(e.from, edge.from); !s.ok()) return s;
    if (Status s = node_of(e.to, edge.to); !s.ok()) return s;
    if (Status s = node_of(e.source, edge.source); !s.ok()) return s;
    auto rel = relation_ids.find(e.relation);
    if (rel == relation_ids.end()) {
      return Status::error(ErrorKind::kData, "unknown relation '" + e.relation + "'");
    }
    edge.relation = rel->second;
    edge.locator = std::move(e.locator);
    edge.note = std::move(e.note);
    edge.attributes = std::move(e.attributes);
    edges.push_back(std::move(edge));
  }
  return detail::assemble(std::move(types), std::move(relations), std::move(nodes), std::move(edges));
}

}  // namespace kg

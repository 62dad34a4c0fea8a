// The immutable in-memory graph that every query runs on: nodes, edges, types and relations as
// flat records over one string table, plus an adjacency index. Built once (GraphBuilder, or
// Store::load_graph) and then only read; a const Graph is safe to share between threads.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kg/edge.h"
#include "kg/ids.h"
#include "kg/node.h"
#include "kg/status.h"

namespace kg {

class Graph;
namespace detail {
struct Snapshot;   // the adjacency (CSR arrays); see graph/src/snapshot.h
struct GraphData;  // the records and their text; see graph/src/graph_data.h
// Assembles a Graph from parts that are already consistent: nodes sorted by key (ignoring ASCII
// case), edges referring to them by NodeId. For the loaders inside the library; the second form
// takes an adjacency already built for `data`.
Graph assemble(GraphData data);
Graph assemble(GraphData data, Snapshot snapshot);
}  // namespace detail

class Graph {
 public:
  Graph(Graph&&) noexcept;
  Graph& operator=(Graph&&) noexcept;
  ~Graph();

  std::size_t node_count() const;
  std::size_t edge_count() const;
  // Views of one node / edge; their text stays valid while the Graph lives. Require a valid id.
  Node node(NodeId id) const;
  Edge edge(EdgeId id) const;
  const std::vector<NodeType>& types() const;
  const std::vector<Relation>& relations() const;
  const NodeType& type_of(NodeId id) const;
  const Relation& relation_of(EdgeId id) const;

  // The node with this key, ignoring ASCII case; nullopt when there is none.
  std::optional<NodeId> find_key(std::string_view key) const;
  // The type / relation with this exact name; nullopt when there is none.
  std::optional<TypeId> find_type(std::string_view name) const;
  std::optional<RelationId> find_relation(std::string_view name) const;

  // Edges leaving / entering `id`, ordered by the node at the other end (key order), then by
  // edge id. Stable for the life of the Graph.
  std::vector<EdgeId> out_edges(NodeId id) const;
  std::vector<EdgeId> in_edges(NodeId id) const;

  const detail::Snapshot& snapshot() const { return *snapshot_; }
  const detail::GraphData& data() const { return *data_; }

 private:
  friend Graph detail::assemble(detail::GraphData);
  friend Graph detail::assemble(detail::GraphData, detail::Snapshot);
  Graph();

  std::unique_ptr<detail::GraphData> data_;
  std::unique_ptr<detail::Snapshot> snapshot_;
};

// Collects a graph's parts and builds the snapshot. Node keys given to add_edge are resolved at
// build(); build() reports the first inconsistency (unknown key, type or relation). Validation
// with file and line belongs to the importer; this checks only what the algorithms rely on.
class GraphBuilder {
 public:
  TypeId add_type(NodeType type);
  // from_types / to_types are type names, resolved at build().
  void add_relation(std::string name, std::string label, std::string inverse,
                    std::string description, std::vector<std::string> from_types,
                    std::vector<std::string> to_types);
  // `type` is a type name, resolved at build().
  void add_node(std::string key, std::string type, std::string name,
                std::vector<std::string> aliases = {}, std::string description = {},
                Attributes attributes = {});
  void add_edge(std::string from, std::string relation, std::string to, std::string source,
                std::string locator, std::string note = {}, Attributes attributes = {});

  Result<Graph> build() &&;

 private:
  struct PendingNode {
    std::string key, type, name;
    std::vector<std::string> aliases;
    std::string description;
    Attributes attributes;
  };
  struct PendingEdge {
    std::string from, relation, to, source, locator, note;
    Attributes attributes;
  };
  struct PendingRelation {
    Relation relation;
    std::vector<std::string> from_types, to_types;
  };
  std::vector<NodeType> types_;
  std::vector<PendingRelation> relations_;
  std::vector<PendingNode> nodes_;
  std::vector<PendingEdge> edges_;
};

}  // namespace kg

// Implementation of rows.h over the sqlite wrapper; every statement is a constant.
#include "rows.h"

#include "graph_data.h"
#include "keys.h"
#include "sqlite/statement.h"

namespace kg::detail {
namespace {

constexpr const char* kSelectTypes = "SELECT id, name, description FROM types ORDER BY id";
constexpr const char* kSelectRelations =
    "SELECT id, name, label, inverse, description FROM relations ORDER BY id";
constexpr const char* kSelectRelationTypeIds =
    "SELECT relation_id, side, type_id FROM relation_types ORDER BY relation_id, side, type_id";
constexpr const char* kSelectNodeRows =
    "SELECT id, key, type_id, name, description FROM nodes ORDER BY id";
constexpr const char* kSelectAliases =
    "SELECT node_id, alias FROM aliases ORDER BY node_id, position";
constexpr const char* kSelectNodeAttributes =
    "SELECT node_id, name, value FROM node_attributes ORDER BY node_id, position";
constexpr const char* kSelectEdgeRows =
    "SELECT id, from_id, relation_id, to_id, source_id, locator, note FROM edges ORDER BY id";
constexpr const char* kSelectEdgeAttributes =
    "SELECT edge_id, name, value FROM edge_attributes ORDER BY edge_id, position";
constexpr const char* kCountNodes = "SELECT count(*) FROM nodes";
constexpr const char* kCountEdges = "SELECT count(*) FROM edges";

// Reads the graph file's rows straight into the in-memory parts: ids in the file are dense and
// nodes are stored in key order (the importer writes them so), so no key look-ups are needed.
class Loader {
 public:
  explicit Loader(sqlite::Database& db) : db_(db) {}

  Result<Vocabulary> vocabulary() {
    if (Status s = types(); !s.ok()) return s;
    if (Status s = relations(); !s.ok()) return s;
    return Vocabulary{std::move(data_.types), std::move(data_.relations)};
  }

  Result<Graph> graph(Vocabulary vocabulary) {
    data_.types = std::move(vocabulary.types);
    data_.relations = std::move(vocabulary.relations);
    if (Status s = nodes(); !s.ok()) return s;
    if (Status s = edges(); !s.ok()) return s;
    return assemble(std::move(data_));
  }

 private:
  Status corrupt(const std::string& why) const {
    return Status::error(ErrorKind::kCorrupt, "damaged graph file: " + why, Location{db_.path()});
  }

  // Runs `sql` and calls `row(statement)` for each row; `row` returns a non-ok Status to stop.
  template <typename Row>
  Status each(const char* sql, Row&& row) {
    auto st = sqlite::Statement::prepare(db_, sql);
    if (!st.ok()) return st.status();
    while (st->step()) {
      if (Status s = row(*st); !s.ok()) return s;
    }
    return st->status();
  }

  // A dense id in [0, size): the position it names.
  bool index(std::int64_t id, std::size_t size, std::size_t& out) const {
    if (id < 0 || static_cast<std::uint64_t>(id) >= size) return false;
    out = static_cast<std::size_t>(id);
    return true;
  }

  Status types() {
    return each(kSelectTypes, [&](sqlite::Statement& st) {
      if (st.column_int(0) != static_cast<std::int64_t>(data_.types.size()))
        return corrupt("type ids are not dense");
      data_.types.push_back({st.column_text(1), st.column_text(2)});
      return Status();
    });
  }

  Status relations() {
    Status s = each(kSelectRelations, [&](sqlite::Statement& st) {
      if (st.column_int(0) != static_cast<std::int64_t>(data_.relations.size()))
        return corrupt("relation ids are not dense");
      Relation r;
      r.name = st.column_text(1);
      r.label = st.column_text(2);
      r.inverse = st.column_text(3);
      r.description = st.column_text(4);
      data_.relations.push_back(std::move(r));
      return Status();
    });
    if (!s.ok()) return s;
    return each(kSelectRelationTypeIds, [&](sqlite::Statement& st) {
      std::size_t r = 0, t = 0;
      if (!index(st.column_int(0), data_.relations.size(), r) ||
          !index(st.column_int(2), data_.types.size(), t)) {
        return corrupt("relation type out of range");
      }
      (st.column_view(1) == "from" ? data_.relations[r].from_types : data_.relations[r].to_types)
          .push_back(static_cast<TypeId>(t));
      return Status();
    });
  }

  Status nodes() {
    auto count = sqlite::Statement::prepare(db_, kCountNodes);
    if (count.ok() && count->step())
      data_.nodes.reserve(static_cast<std::size_t>(count->column_int(0)));
    auto& nodes = data_.nodes;
    Status s = each(kSelectNodeRows, [&](sqlite::Statement& st) {
      std::size_t type = 0;
      if (st.column_int(0) != static_cast<std::int64_t>(nodes.size()))
        return corrupt("node ids are not dense");
      if (!index(st.column_int(2), data_.types.size(), type))
        return corrupt("node type out of range");
      NodeRecord n;
      n.key = data_.strings.add(st.column_view(1));
      n.type = static_cast<TypeId>(type);
      n.name = data_.strings.add(st.column_view(3));
      n.description = data_.strings.add(st.column_view(4));
      const std::string_view key = data_.strings[n.key];
      if (!nodes.empty() && !key_less(data_.strings[nodes.back().key], key)) {
        return corrupt("nodes are not stored in key order");
      }
      nodes.push_back(n);
      return Status();
    });
    if (!s.ok()) return s;
    s = lists(kSelectAliases, nodes.size(), data_.aliases, "alias of an unknown node",
              [&](sqlite::Statement& st) {
                data_.aliases.entries.push_back(data_.strings.add(st.column_view(1)));
              });
    if (!s.ok()) return s;
    return lists(kSelectNodeAttributes, nodes.size(), data_.node_attributes,
                 "attribute of an unknown node",
                 [&](sqlite::Statement& st) { attribute(st, data_.node_attributes); });
  }

  Status edges() {
    auto count = sqlite::Statement::prepare(db_, kCountEdges);
    if (count.ok() && count->step())
      data_.edges.reserve(static_cast<std::size_t>(count->column_int(0)));
    auto& edges = data_.edges;
    const std::size_t node_count = data_.nodes.size();
    Status s = each(kSelectEdgeRows, [&](sqlite::Statement& st) {
      std::size_t from = 0, rel = 0, to = 0, source = 0;
      if (st.column_int(0) != static_cast<std::int64_t>(edges.size()))
        return corrupt("edge ids are not dense");
      if (!index(st.column_int(1), node_count, from) ||
          !index(st.column_int(2), data_.relations.size(), rel) ||
          !index(st.column_int(3), node_count, to) ||
          !index(st.column_int(4), node_count, source)) {
        return corrupt("edge refers to an unknown node or relation");
      }
      EdgeRecord e;
      e.from = static_cast<NodeId>(from);
      e.relation = static_cast<RelationId>(rel);
      e.to = static_cast<NodeId>(to);
      e.source = static_cast<NodeId>(source);
      e.locator = intern_(st.column_view(5));
      e.note = intern_(st.column_view(6));
      edges.push_back(e);
      return Status();
    });
    if (!s.ok()) return s;
    return lists(kSelectEdgeAttributes, edges.size(), data_.edge_attributes,
                 "attribute of an unknown edge",
                 [&](sqlite::Statement& st) { attribute(st, data_.edge_attributes); });
  }

  void attribute(sqlite::Statement& st, Lists& lists) {
    lists.entries.push_back(intern_(st.column_view(1)));
    lists.entries.push_back(intern_(st.column_view(2)));
  }

  // Fills one list per item from rows ordered by item (column 0): `entry(statement)` appends a
  // row's entries, and every item gets its list, empty when no row names it.
  template <typename Entry>
  Status lists(const char* sql, std::size_t items, Lists& out, const char* unknown, Entry&& entry) {
    Status s = each(sql, [&](sqlite::Statement& st) {
      std::size_t item = 0;
      if (!index(st.column_int(0), items, item) || item < out.items()) return corrupt(unknown);
      while (out.items() < item) out.close();
      entry(st);
      return Status();
    });
    if (!s.ok()) return s;
    while (out.items() < items) out.close();
    return Status();
  }

  sqlite::Database& db_;
  GraphData data_;
  Interner intern_{data_.strings};
};
}  // namespace

Result<Vocabulary> read_vocabulary(sqlite::Database& db) {
  return Loader(db).vocabulary();
}

Result<Graph> read_rows(sqlite::Database& db, Vocabulary vocabulary) {
  return Loader(db).graph(std::move(vocabulary));
}

}  // namespace kg::detail

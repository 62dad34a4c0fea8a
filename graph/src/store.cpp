// Implementation of kg/store.h over the sqlite wrapper; every statement is a constant.
#include "kg/store.h"

#include <fmt/format.h>

#include <cctype>
#include <unordered_map>

#include "schema.h"
#include "sqlite/database.h"
#include "sqlite/statement.h"

namespace kg {

struct Store::Impl {
  sqlite::Database db;
};

namespace {

constexpr const char* kSelectTypes = "SELECT id, name, description FROM types ORDER BY id";
constexpr const char* kSelectRelations =
    "SELECT id, name, label, inverse, description FROM relations ORDER BY id";
constexpr const char* kSelectRelationTypes =
    "SELECT rt.relation_id, rt.side, t.name FROM relation_types rt JOIN types t ON t.id = "
    "rt.type_id ORDER BY rt.relation_id, rt.side, t.id";
constexpr const char* kSelectNodes =
    "SELECT n.id, n.key, t.name, n.name, n.description FROM nodes n JOIN types t ON t.id = "
    "n.type_id ORDER BY n.id";
constexpr const char* kSelectAliases =
    "SELECT node_id, alias FROM aliases ORDER BY node_id, position";
constexpr const char* kSelectNodeAttributes =
    "SELECT node_id, name, value FROM node_attributes ORDER BY node_id, position";
constexpr const char* kSelectEdges =
    "SELECT e.id, e.from_id, r.name, e.to_id, e.source_id, e.locator, e.note FROM edges e JOIN relations r "
    "ON r.id = e.relation_id ORDER BY e.id";
constexpr const char* kSelectEdgeAttributes =
    "SELECT edge_id, name, value FROM edge_attributes ORDER BY edge_id, position";
constexpr const char* kSelectMeta = "SELECT value FROM meta WHERE name = ?1";
constexpr const char* kSearch =
    "SELECT n.key FROM node_text JOIN nodes n ON n.id = node_text.rowid "
    "WHERE node_text MATCH ?1 ORDER BY bm25(node_text, 10.0, 5.0, 2.0, 1.0), n.key LIMIT ?2";

Status check_identity(sqlite::Database& db) {
  auto app = sqlite::Statement::prepare(db, "PRAGMA application_id");
  if (!app.ok() || !app->step()) {
    return Status::error(ErrorKind::kCorrupt, "not a kamergraaf graph file (not an SQLite database)",
                         Location{db.path()});
  }
  if (app->column_int(0) != schema::kApplicationId) {
    return Status::error(ErrorKind::kCorrupt,
                         "not a kamergraaf graph file (build one with 'kamergraaf import')",
                         Location{db.path()});
  }
  auto version = sqlite::Statement::prepare(db, "PRAGMA user_version");
  if (!version.ok() || !version->step()) return version.status();
  const auto v = version->column_int(0);
  if (v > schema::kVersion) {
    return Status::error(ErrorKind::kVersion,
                         fmt::format("graph file has schema version {}, newer than this "
                                     "kamergraaf reads ({}); upgrade kamergraaf",
                                     v, schema::kVersion),
                         Location{db.path()});
  }
  if (v != schema::kVersion) {
    return Status::error(ErrorKind::kVersion,
                         fmt::format("graph file has unknown schema version {} (this kamergraaf "
                                     "reads {}); import the dataset again",
                                     v, schema::kVersion),
                         Location{db.path()});
  }
  return Status();
}

// FTS5 query text from user words: each word quoted (so operators in the input are literal) and
// marked as a prefix; words are ANDed.
std::string fts_query(std::string_view text) {
  std::string query;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    std::string quoted = "\"";
    for (char c : word) {
      quoted += c;
      if (c == '"') quoted += '"';
    }
    query += (query.empty() ? "" : " ") + quoted + "\"*";
    word.clear();
  };
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return query;
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Result<Store> Store::open(const std::string& path) {
  auto db = sqlite::Database::open(path, sqlite::OpenMode::kReadOnly);
  if (!db.ok()) return db.status();
  if (Status s = check_identity(*db); !s.ok()) return s;
  return Store(std::make_unique<Impl>(Impl{std::move(db).value()}));
}

const std::string& Store::path() const { return impl_->db.path(); }

std::string Store::meta(std::string_view name) const {
  auto st = sqlite::Statement::prepare(impl_->db, kSelectMeta);
  if (!st.ok()) return {};
  st->bind(1, name);
  return st->step() ? st->column_text(0) : std::string();
}

Result<Graph> Store::load_graph() const {
  sqlite::Database& db = impl_->db;
  GraphBuilder builder;
  auto fail = [&](const sqlite::Statement& st) -> Status {
    return st.status().ok() ? Status() : st.status();
  };

  auto types = sqlite::Statement::prepare(db, kSelectTypes);
  if (!types.ok()) return types.status();
  while (types->step()) builder.add_type({types->column_text(1), types->column_text(2)});
  if (Status s = fail(*types); !s.ok()) return s;

  struct RelationRow {
    std::string name, label, inverse, description;
    std::vector<std::string> from, to;
  };
  std::vector<RelationRow> relations;
  std::unordered_map<std::int64_t, std::size_t> relation_at;
  auto rel = sqlite::Statement::prepare(db, kSelectRelations);
  if (!rel.ok()) return rel.status();
  while (rel->step()) {
    relation_at[rel->column_int(0)] = relations.size();
    relations.push_back({rel->column_text(1), rel->column_text(2), rel->column_text(3),
                         rel->column_text(4), {}, {}});
  }
  if (Status s = fail(*rel); !s.ok()) return s;
  auto rel_types = sqlite::Statement::prepare(db, kSelectRelationTypes);
  if (!rel_types.ok()) return rel_types.status();
  while (rel_types->step()) {
    RelationRow& r = relations.at(relation_at.at(rel_types->column_int(0)));
    (rel_types->column_view(1) == "from" ? r.from : r.to).push_back(rel_types->column_text(2));
  }
  if (Status s = fail(*rel_types); !s.ok()) return s;
  for (RelationRow& r : relations) {
    builder.add_relation(std::move(r.name), std::move(r.label), std::move(r.inverse),
                         std::move(r.description), std::move(r.from), std::move(r.to));
  }

  struct NodeRow {
    std::string key, type, name, description;
    std::vector<std::string> aliases;
    Attributes attributes;
  };
  std::vector<NodeRow> nodes;
  std::unordered_map<std::int64_t, std::size_t> node_at;
  auto node_rows = sqlite::Statement::prepare(db, kSelectNodes);
  if (!node_rows.ok()) return node_rows.status();
  while (node_rows->step()) {
    node_at[node_rows->column_int(0)] = nodes.size();
    nodes.push_back({node_rows->column_text(1), node_rows->column_text(2),
                     node_rows->column_text(3), node_rows->column_text(4), {}, {}});
  }
  if (Status s = fail(*node_rows); !s.ok()) return s;
  auto aliases = sqlite::Statement::prepare(db, kSelectAliases);
  if (!aliases.ok()) return aliases.status();
  while (aliases->step()) {
    nodes.at(node_at.at(aliases->column_int(0))).aliases.push_back(aliases->column_text(1));
  }
  if (Status s = fail(*aliases); !s.ok()) return s;
  auto node_attrs = sqlite::Statement::prepare(db, kSelectNodeAttributes);
  if (!node_attrs.ok()) return node_attrs.status();
  while (node_attrs->step()) {
    nodes.at(node_at.at(node_attrs->column_int(0)))
        .attributes.push_back({node_attrs->column_text(1), node_attrs->column_text(2)});
  }
  if (Status s = fail(*node_attrs); !s.ok()) return s;

  std::unordered_map<std::int64_t, Attributes> edge_attributes;
  auto edge_attrs = sqlite::Statement::prepare(db, kSelectEdgeAttributes);
  if (!edge_attrs.ok()) return edge_attrs.status();
  while (edge_attrs->step()) {
    edge_attributes[edge_attrs->column_int(0)].push_back(
        {edge_attrs->column_text(1), edge_attrs->column_text(2)});
  }
  if (Status s = fail(*edge_attrs); !s.ok()) return s;

  auto edges = sqlite::Statement::prepare(db, kSelectEdges);
  if (!edges.ok()) return edges.status();
  while (edges->step()) {
    auto key_of = [&](int column) -> const std::string& {
      return nodes.at(node_at.at(edges->column_int(column))).key;
    };
    Attributes attrs;
    if (auto it = edge_attributes.find(edges->column_int(0)); it != edge_attributes.end()) {
      attrs = std::move(it->second);
    }
    builder.add_edge(key_of(1), edges->column_text(2), key_of(3), key_of(4),
                     edges->column_text(5), edges->column_text(6), std::move(attrs));
  }
  if (Status s = fail(*edges); !s.ok()) return s;

  for (NodeRow& n : nodes) {
    builder.add_node(std::move(n.key), std::move(n.type), std::move(n.name), std::move(n.aliases),
                     std::move(n.description), std::move(n.attributes));
  }
  auto graph = std::move(builder).build();
  if (!graph.ok()) {
    return Status::error(ErrorKind::kCorrupt, "damaged graph file: " + graph.status().message(),
                         Location{db.path()});
  }
  return graph;
}

Result<std::vector<std::string>> Store::search(std::string_view text, std::size_t limit) const {
  const std::string query = fts_query(text);
  if (query.empty()) {
    return Status::error(ErrorKind::kInvalidArgument, "nothing to search for: give one or more words");
  }
  auto st = sqlite::Statement::prepare(impl_->db, kSearch);
  if (!st.ok()) return st.status();
  st->bind(1, query).bind(2, static_cast<std::int64_t>(limit));
  std::vector<std::string> keys;
  while (st->step()) keys.push_back(st->column_text(0));
  if (!st->status().ok()) return st->status();
  return keys;
}

}  // namespace kg

// The Neo4j writer: CSV files in the neo4j-admin database import format — one nodes file per
// type and one relationships file per relation, each with its typed header line — and a
// README.md beside them with the exact import command. Stateless; writes only into the folder
// it is given.
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "export/plan.h"

namespace kg::detail {
namespace {

namespace fs = std::filesystem;

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// A property name neo4j-admin reads back as written: a header field is NAME:TYPE between
// commas, so every character but ASCII letters, digits and '_' becomes '_'.
std::string property_name(std::string_view name) {
  std::string out;
  for (char c : name) out += is_ascii_alnum(c) || c == '_' ? c : '_';
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(0, "_");
  return out;
}

// A type name as a Neo4j label, by its convention: kamerstuk → Kamerstuk, mission_area →
// MissionArea (letters and digits kept, other characters end a word).
std::string label_name(std::string_view type) {
  std::string out;
  bool word_start = true;
  for (char c : type) {
    if (!is_ascii_alnum(c)) {
      word_start = true;
      continue;
    }
    out += word_start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    word_start = false;
  }
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(0, "T");
  return out;
}

// A relation name as a relationship type: participates_in → PARTICIPATES_IN.
std::string relationship_type(std::string_view relation) {
  std::string out;
  for (char c : relation) {
    if (c >= 'a' && c <= 'z') {
      out += static_cast<char>(c - 'a' + 'A');
    } else {
      out += is_ascii_alnum(c) ? c : '_';
    }
  }
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(0, "R");
  return out;
}

// A string cell: quoted, quotes doubled (neo4j-admin's default quoting); empty means no property.
void string_cell(std::string& out, std::string_view value) {
  if (value.empty()) return;
  out += '"';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void value_cell(std::string& out, std::string_view value, ValueType type) {
  if (type == ValueType::kLong) {
    out += value;  // a canonical integer (make_plan checked every value)
  } else {
    string_cell(out, value);
  }
}

// The columns of one file: free attributes as Neo4j property names, checked for clashes.
struct Columns {
  std::vector<const AttributeColumn*> attributes;
  std::vector<std::string> names;
};

Result<Columns> columns_for(const std::vector<AttributeColumn>& all,
                            const std::set<std::string_view>& used, std::vector<std::string> taken,
                            const std::string& file) {
  Columns c;
  for (const AttributeColumn& a : all) {
    if (!used.contains(a.name)) continue;
    std::string name = property_name(a.name);
    if (std::find(taken.begin(), taken.end(), name) != taken.end()) {
      return Status::error(ErrorKind::kInvalidArgument,
                           fmt::format("attribute '{}' would be property '{}' in {}, which another "
                                       "column already is; rename one of them",
                                       a.name, name, file));
    }
    taken.push_back(name);
    c.attributes.push_back(&a);
    c.names.push_back(std::move(name));
  }
  return c;
}

std::string header_field(const std::string& name, ValueType type) {
  return type == ValueType::kLong ? name + ":long" : name;
}

// One output file, written through a buffer that is handed to the stream in chunks, so that a
// graph of millions of edges never sits in memory as text.
class OutputFile {
 public:
  OutputFile(const std::string& dir, const std::string& name)
      : name_(name), path_(fs::path(dir) / name), out_(path_, std::ios::binary | std::ios::trunc) {}
  std::string& text() { return text_; }
  void end_row() {
    if (text_.size() >= (1u << 20)) {
      out_ << text_;
      text_.clear();
    }
  }
  Status close() {
    out_ << text_;
    text_.clear();
    out_.flush();
    if (!out_) {
      return Status::error(ErrorKind::kIo,
                           fmt::format("cannot write {}: {}", name_, std::strerror(errno)),
                           Location{path_.string()});
    }
    out_.close();
    return {};
  }

 private:
  std::string name_;
  fs::path path_;
  std::ofstream out_;
  std::string text_;
};

}  // namespace

Status write_neo4j(const ExportPlan& plan, const std::string& dir,
                   std::vector<std::string>& files) {
  const Graph& g = *plan.graph;
  // Group by type and relation, keeping the subgraph's order inside each group.
  std::map<TypeId, std::vector<NodeId>> by_type;
  for (NodeId n : plan.part->nodes) by_type[g.node(n).type].push_back(n);
  std::map<RelationId, std::vector<EdgeId>> by_relation;
  for (EdgeId e : plan.part->edges) by_relation[g.edge(e).relation].push_back(e);

  struct Written {
    std::string file, name, neo4j_name;
    std::size_t count;
  };
  std::vector<Written> node_files, relationship_files;
  std::map<std::string, std::string> labels_seen, types_seen;

  for (const auto& [type, nodes] : by_type) {
    const std::string& type_name = g.types()[type].name;
    const std::string label = label_name(type_name);
    if (auto [it, added] = labels_seen.emplace(label, type_name); !added) {
      return Status::error(ErrorKind::kInvalidArgument,
                           fmt::format("types '{}' and '{}' would both be label '{}' in Neo4j",
                                       it->second, type_name, label));
    }
    const std::string file = "nodes-" + label + ".csv";
    std::set<std::string_view> used;
    for (NodeId n : nodes) {
      for (AttributeView a : g.node(n).attributes) used.insert(a.name);
    }
    auto cols = columns_for(plan.node_attributes, used,
                            {"key", "type", "name", "aliases", "description"}, file);
    if (!cols.ok()) return cols.status();
    OutputFile csv(dir, file);
    std::string& out = csv.text();
    out += "key:ID,type,name,aliases:string[],description";
    for (std::size_t i = 0; i < cols->names.size(); ++i) {
      out += ',' + header_field(cols->names[i], cols->attributes[i]->type);
    }
    out += ",:LABEL\n";
    for (NodeId id : nodes) {
      const Node n = g.node(id);
      for (std::string_view a : n.aliases) {
        if (a.find('|') != std::string_view::npos) {
          return Status::error(
              ErrorKind::kInvalidArgument,
              fmt::format("alias '{}' of '{}' holds '|', the array delimiter", a, n.key));
        }
      }
      string_cell(out, n.key);
      out += ',';
      string_cell(out, type_name);
      out += ',';
      string_cell(out, n.name);
      out += ',';
      string_cell(out, joined_aliases(n));
      out += ',';
      string_cell(out, n.description);
      for (const AttributeColumn* c : cols->attributes) {
        out += ',';
        value_cell(out, n.attributes.value(c->name), c->type);
      }
      out += ',' + label + '\n';
      csv.end_row();
    }
    if (Status s = csv.close(); !s.ok()) return s;
    files.push_back(file);
    node_files.push_back({file, type_name, label, nodes.size()});
  }

  for (const auto& [relation, edges] : by_relation) {
    const Relation& r = g.relations()[relation];
    const std::string type = relationship_type(r.name);
    if (auto [it, added] = types_seen.emplace(type, r.name); !added) {
      return Status::error(ErrorKind::kInvalidArgument,
                           fmt::format("relations '{}' and '{}' would both be type '{}' in Neo4j",
                                       it->second, r.name, type));
    }
    const std::string file = "relationships-" + type + ".csv";
    std::set<std::string_view> used;
    for (EdgeId e : edges) {
      for (AttributeView a : g.edge(e).attributes) used.insert(a.name);
    }
    auto cols = columns_for(plan.edge_attributes, used,
                            {"relation", "label", "inverse", "source", "locator", "note"}, file);
    if (!cols.ok()) return cols.status();
    OutputFile csv(dir, file);
    std::string& out = csv.text();
    out += ":START_ID,:END_ID,:TYPE,relation,label,inverse,source,locator,note";
    for (std::size_t i = 0; i < cols->names.size(); ++i) {
      out += ',' + header_field(cols->names[i], cols->attributes[i]->type);
    }
    out += '\n';
    for (EdgeId id : edges) {
      const Edge e = g.edge(id);
      string_cell(out, g.node(e.from).key);
      out += ',';
      string_cell(out, g.node(e.to).key);
      out += ',' + type + ',';
      string_cell(out, r.name);
      out += ',';
      string_cell(out, r.label);
      out += ',';
      string_cell(out, r.inverse);
      out += ',';
      string_cell(out, e.source < g.node_count() ? g.node(e.source).key : std::string_view());
      out += ',';
      string_cell(out, e.locator);
      out += ',';
      string_cell(out, e.note);
      for (const AttributeColumn* c : cols->attributes) {
        out += ',';
        value_cell(out, e.attributes.value(c->name), c->type);
      }
      out += '\n';
      csv.end_row();
    }
    if (Status s = csv.close(); !s.ok()) return s;
    files.push_back(file);
    relationship_files.push_back({file, r.name, type, edges.size()});
  }

  // The README names the folder by its final place, which the caller renames `dir` to.
  std::string target = fs::absolute(fs::path(dir)).lexically_normal().string();
  if (target.ends_with(".partial"))
    target.resize(target.size() - std::string_view(".partial").size());
  std::string quoted;  // for the shell's single quotes
  for (char c : target) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  std::string readme = fmt::format(
      "# {} for Neo4j\n\n"
      "Written by kamergraaf {}: {} nodes and {} relationships, as CSV files in the format of\n"
      "`neo4j-admin database import` (one file per node type and per relation, each with its\n"
      "header line). Import them into a new, empty database (stop Neo4j first; the database must\n"
      "not exist yet), from the Neo4j home folder:\n\n```sh\n"
      "K='{}'\n"
      "bin/neo4j-admin database import full neo4j",
      plan.graph_name, KG_VERSION, plan.part->nodes.size(), plan.part->edges.size(), quoted);
  std::vector<std::string> args = {"--array-delimiter='U+007C'", "--multiline-fields=true"};
  for (const Written& w : node_files) args.push_back(fmt::format("--nodes=\"$K/{}\"", w.file));
  for (const Written& w : relationship_files) {
    args.push_back(fmt::format("--relationships=\"$K/{}\"", w.file));
  }
  for (const std::string& a : args) readme += " \\\n  " + a;
  readme += '\n';
  readme +=
      "```\n\n"
      "Then start Neo4j (`CREATE DATABASE neo4j` if it is not the default) and query, e.g.\n"
      "`MATCH p = shortestPath((:Actor {key: 'rusland'})-[*]-({key: 'opcw'})) RETURN p`.\n\n"
      "- `--array-delimiter='U+007C'`: aliases are a `string[]` separated by `|`, the character\n"
      "  the dataset format already keeps out of aliases (the default `;` may occur in one).\n"
      "- `--multiline-fields=true`: descriptions and notes may span lines.\n"
      "- Every node has `key` (its `:ID`), `type`, `name`, `aliases`, `description` and its\n"
      "  attributes; every relationship `relation`, `label`, `inverse`, `source` (the key of the\n"
      "  Kamerstuk that states it), `locator`, `note` and its attributes. An empty cell is no\n"
      "  property. Attributes whose every value is an integer are typed `long`.\n\n"
      "| file | kamergraaf | Neo4j | rows |\n|------|------------|-------|------|\n";
  for (const Written& w : node_files) {
    readme += fmt::format("| `{}` | type `{}` | label `{}` | {} |\n", w.file, w.name, w.neo4j_name,
                          w.count);
  }
  for (const Written& w : relationship_files) {
    readme += fmt::format("| `{}` | relation `{}` | type `{}` | {} |\n", w.file, w.name,
                          w.neo4j_name, w.count);
  }
  OutputFile readme_file(dir, "README.md");
  readme_file.text() = std::move(readme);
  if (Status s = readme_file.close(); !s.ok()) return s;
  files.push_back("README.md");
  return {};
}

}  // namespace kg::detail

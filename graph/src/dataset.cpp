// Implementation of dataset.h: file discovery per folder, column mapping, the checks within one
// folder, and the merge across folders (references, agreeing vocabularies, one definition a key).
#include "dataset.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "csv_reader.h"
#include "keys.h"
#include "kg/suggest.h"
#include "kg/text.h"

namespace kg {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSourceType = "kamerstuk";
constexpr const char* kReviewFile = "review.csv";

Status problem(const std::string& file, int line, std::string message) {
  return Status::error(ErrorKind::kData, std::move(message), Location{file, line});
}

std::vector<std::string> split_list(const std::string& cell) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(cell);
  while (std::getline(in, item, '|')) {
    auto b = item.find_first_not_of(" \t");
    auto e = item.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
  }
  return out;
}

constexpr const char* kBlank = " \t\r\n";

std::string trim(std::string_view s) {
  auto b = s.find_first_not_of(kBlank);
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(kBlank);
  return std::string(s.substr(b, e - b + 1));
}

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// The column position a file does not have.
constexpr std::size_t kNoColumn = static_cast<std::size_t>(-1);

// One parsed file with its columns located: required ones by name, the rest as attributes.
class Sheet {
 public:
  Sheet(std::string path, std::string display_name, CsvTable table)
      : path_(std::move(path)), name_(std::move(display_name)), table_(std::move(table)) {}

  // Maps the header; reports missing required columns and duplicates. False when unusable.
  bool map_columns(const std::vector<std::string>& required, const std::vector<std::string>& known,
                   std::vector<Status>& problems) {
    bool usable = !table_.header.empty();
    for (std::size_t i = 0; i < table_.header.size(); ++i) {
      std::string column = trim(table_.header[i]);
      if (column.empty()) {
        problems.push_back(problem(path_, 1, fmt::format("column {} has no name", i + 1)));
        usable = false;
        continue;
      }
      if (!index_.emplace(column, i).second) {
        problems.push_back(problem(path_, 1, "duplicate column '" + column + "'"));
        usable = false;
        continue;
      }
      if (std::find(known.begin(), known.end(), column) == known.end()) {
        extras_.emplace_back(column, i);
      }
    }
    if (table_.header.empty()) return false;
    for (const std::string& column : required) {
      if (!index_.contains(column)) {
        problems.push_back(problem(path_, 1, "missing required column '" + column + "'"));
        usable = false;
      }
    }
    return usable;
  }

  const std::vector<CsvRow>& rows() const { return table_.rows; }
  // The rows for a check that reads each row once and may take its cells (take()).
  std::vector<CsvRow>& rows() { return table_.rows; }
  // Frees the rows once a check has taken what it needs from them: at L the edge rows alone are
  // a gigabyte that the writer's page cache and the graph would otherwise be allocated beside.
  void release_rows() { std::vector<CsvRow>().swap(table_.rows); }
  // Rows the CSV reader rejected (reported already), and whether it read the file to its end.
  const std::vector<CsvRow>& rejected_rows() const { return table_.rejected; }
  bool complete() const { return table_.complete; }
  const std::string& path() const { return path_; }
  const std::string& name() const { return name_; }

  // The trimmed cell of `column` in `row`, or empty when the file or a rejected row has no such
  // column.
  std::string cell(const CsvRow& row, const std::string& column) const {
    auto it = index_.find(column);
    return it == index_.end() || it->second >= row.fields.size() ? std::string()
                                                                 : trim(row.fields[it->second]);
  }
  // The position of `column` in the header, or kNoColumn: looked up once per file rather than
  // once per cell, which at 5·10^6 edge rows was a std::map look-up and a string per cell.
  std::size_t column(const std::string& column) const {
    auto it = index_.find(column);
    return it == index_.end() ? kNoColumn : it->second;
  }
  // cell() of the row at position `column`, moving the text out of the row when it needs no
  // trimming (nearly every cell): for a check that reads the row only once.
  std::string take(CsvRow& row, std::size_t column) const {
    if (column >= row.fields.size()) return {};
    std::string& field = row.fields[column];
    if (field.empty() || (!is_blank(field.front()) && !is_blank(field.back()))) {
      return std::move(field);
    }
    return trim(field);
  }
  // The `column` cells of the rows the CSV reader rejected: names that later rows may use and
  // that must not be reported again as unknown.
  std::vector<std::string> rejected_cells(const std::string& column) const {
    std::vector<std::string> out;
    for (const CsvRow& row : table_.rejected) {
      if (std::string c = cell(row, column); !c.empty()) out.push_back(std::move(c));
    }
    return out;
  }
  // The row's extra columns as attributes, their values taken as by take().
  Attributes take_attributes(CsvRow& row) const {
    Attributes out;
    for (const auto& [name, i] : extras_) {
      std::string value = take(row, i);
      if (!value.empty()) out.push_back({name, std::move(value)});
    }
    return out;
  }

 private:
  std::string path_;
  std::string name_;
  CsvTable table_;
  std::map<std::string, std::size_t> index_;
  std::vector<std::pair<std::string, std::size_t>> extras_;
};

// The dataset file names that hold data; another .csv name is an error.
bool expected_name(std::string_view name) {
  return name == "types.csv" || name == "relations.csv" || name.starts_with("nodes") ||
         name.starts_with("edges");
}

// Hand-written rather than std::regex, which costs an allocation and a backtracking machine per
// cell checked: a large import checks every key, and the fuzz harness every cell it makes.
bool is_lower_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// [a-z][a-z0-9_]*
bool is_identifier(const std::string& s) {
  if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return is_lower_or_digit(c) || c == '_'; });
}

// [a-z0-9]+(-[a-z0-9]+)*, and for a kamerstuk capitals too ("kst-35300-V-14").
bool is_key(const std::string& s, bool kamerstuk) {
  auto word_char = [&](char c) {
    return is_lower_or_digit(c) || (kamerstuk && c >= 'A' && c <= 'Z');
  };
  bool after_word_char = false;  // a hyphen needs a word character on both sides
  for (char c : s) {
    if (c == '-') {
      if (!after_word_char) return false;
      after_word_char = false;
    } else if (word_char(c)) {
      after_word_char = true;
    } else {
      return false;
    }
  }
  return after_word_char;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// What a directory entry is, for "not a regular file (a directory)".
const char* kind_of(fs::file_type t) {
  switch (t) {
    case fs::file_type::directory:
      return "a directory";
    case fs::file_type::block:
    case fs::file_type::character:
      return "a device";
    case fs::file_type::fifo:
      return "a named pipe";
    case fs::file_type::socket:
      return "a socket";
    default:
      return "not a file";
  }
}

// The folder's own name, as the graph file's `dataset` meta value and edge origins show it.
std::string folder_label(const std::string& dir) {
  fs::path p = fs::path(dir).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();  // "datasets/gbvs-2020/"
  return p.filename().string();
}

// Where a row is: its folder (position in the list given) and file. The file by pointer, not its
// names copied: every node keeps the place of its definition, 10^6 of them in a large import.
// The sheets stay where they are once every folder's files are parsed, before any Place is made.
struct Place {
  std::size_t folder = 0;
  const Sheet* sheet = nullptr;  // path() "DIR/nodes.csv", name() "nodes.csv"
  int line = 0;
};

// Everything read from one folder; its declarations check its own rows.
struct Folder {
  std::size_t index = 0;
  const DatasetFolder* input = nullptr;
  std::string dir;
  std::optional<Sheet> types_sheet, relations_sheet;
  std::vector<Sheet> node_sheets, edge_sheets;
  bool types_usable = false;
  bool relations_usable = false;
  bool types_complete = true;      // every row of types.csv could be read
  bool relations_complete = true;  // likewise relations.csv
  std::map<std::string, int> type_lines;
  std::unordered_set<std::string> rejected_types;  // rows reported already: don't cascade
  std::unordered_map<std::string, DatasetRelation> relations;
  std::unordered_set<std::string> rejected_relations;
};

// A node definition as first met, kept (even when faulty) to compare later definitions with.
struct NodeEntry {
  Place place;
  std::size_t def = 0;  // index into Checker::defs_
  // Its type's name, in Checker::node_types_: the edge checks compare it for every edge end, and
  // reading it here spares a cache miss into defs_ per end at 5·10^6 edges.
  std::size_t type = 0;
  bool type_known = false;  // its type is one its folder declares
  bool ok = false;          // free of problems, so it becomes a node
};

// Node definitions by case-folded key: open addressing over one buffer of the folded keys.
// std::unordered_map<std::string, NodeEntry> cost an allocation or two per key and several cache
// misses per look-up (bucket, node, key), and an edge row looks up to three keys: at 10^6 nodes
// and 5·10^6 edges the look-ups were the largest cost of the checks. A slot holds the top half
// of the key's hash beside the entry's position, so a probe rarely reads a key that differs.
class NodeTable {
 public:
  // The entry of `folded` (a key as detail::lower_key gives it), or nullptr. Entries stay where
  // they are until the next add().
  NodeEntry* find(std::string_view folded) {
    const std::uint64_t h = hash(folded);
    const std::size_t i = probe(folded, h);
    return slots_.empty() || slots_[i] == 0 ? nullptr : &entries_[entry_of(slots_[i])];
  }
  // Adds `entry` under `folded`, which find() does not have.
  void add(std::string_view folded, NodeEntry entry) {
    if (2 * (entries_.size() + 1) > slots_.size()) grow();
    const std::uint64_t h = hash(folded);
    slots_[probe(folded, h)] = (h & kTagMask) | (entries_.size() + 1);
    entries_.push_back(std::move(entry));
    keys_.append(folded);
    key_end_.push_back(keys_.size());
  }

 private:
  static constexpr std::uint64_t kTagMask = 0xFFFFFFFF00000000u;

  static std::uint64_t hash(std::string_view s) {
    std::uint64_t h = 0xCBF29CE484222325u;  // FNV-1a, then the murmur3 finaliser to spread it
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3u;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDu;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53u;
    h ^= h >> 33;
    return h;
  }
  static std::size_t entry_of(std::uint64_t slot) {
    return static_cast<std::size_t>((slot & ~kTagMask) - 1);
  }
  std::string_view key(std::size_t entry) const {
    const std::size_t begin = entry == 0 ? 0 : key_end_[entry - 1];
    return std::string_view(keys_).substr(begin, key_end_[entry] - begin);
  }
  // The slot holding `folded`, or the empty one where it would go.
  std::size_t probe(std::string_view folded, std::uint64_t h) const {
    if (slots_.empty()) return 0;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
      const std::uint64_t slot = slots_[i];
      if (slot == 0) return i;
      if ((slot & kTagMask) == (h & kTagMask) && key(entry_of(slot)) == folded) return i;
    }
  }
  void grow() {
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : 2 * old.size(), 0);
    const std::size_t mask = slots_.size() - 1;
    for (std::uint64_t slot : old) {
      if (slot == 0) continue;
      std::size_t i = static_cast<std::size_t>(hash(key(entry_of(slot)))) & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  std::vector<std::uint64_t> slots_;  // 0 when empty; a power of two, at most half full
  std::vector<NodeEntry> entries_;
  std::string keys_;                  // the folded keys, one after another
  std::vector<std::size_t> key_end_;  // where entries_[i]'s key ends in keys_
};

struct Reference {
  Place place;
  std::string key, type;
  bool type_known = false;
};

bool same_attributes(Attributes a, Attributes b) {
  auto less = [](const Attribute& x, const Attribute& y) {
    return std::tie(x.name, x.value) < std::tie(y.name, y.value);
  };
  std::sort(a.begin(), a.end(), less);
  std::sort(b.begin(), b.end(), less);
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const Attribute& x, const Attribute& y) {
                      return x.name == y.name && x.value == y.value;
                    });
}

// The fields in which two definitions of one key differ ("name, description"); empty when equal.
// Attribute order does not matter (folders may order their columns differently).
std::string differences(const DatasetNode& a, const DatasetNode& b) {
  std::vector<std::string> out;
  if (a.key != b.key) out.push_back("key spelling");
  if (a.type != b.type) out.push_back("type");
  if (a.name != b.name) out.push_back("name");
  if (a.aliases != b.aliases) out.push_back("aliases");
  if (a.description != b.description) out.push_back("description");
  if (!same_attributes(a.attributes, b.attributes)) out.push_back("attributes");
  return join(out);
}

class Checker {
 public:
  Checker(const std::vector<DatasetFolder>& folders, std::vector<Status>& problems,
          std::vector<ImportWarning>& warnings)
      : problems_(problems), warnings_(warnings) {
    for (const DatasetFolder& d : folders) {
      folders_.push_back(Folder{});
      folders_.back().index = folders_.size() - 1;
      folders_.back().input = &d;
      folders_.back().dir = d.dir;
    }
  }

  Dataset run() {
    if (folders_.empty()) return {};
    for (Folder& f : folders_) parse_files(f);
    for (Folder& f : folders_) check_types(f);
    require_source_type();
    for (Folder& f : folders_) check_relations(f);
    for (Folder& f : folders_) {
      for (Sheet& s : f.node_sheets) check_nodes(f, s);
    }
    check_references();
    std::size_t edge_rows = 0;
    for (const Folder& f : folders_) {
      for (const Sheet& s : f.edge_sheets) edge_rows += s.rows().size();
    }
    data_.edges.reserve(edge_rows);
    for (Folder& f : folders_) {
      for (Sheet& s : f.edge_sheets) check_edges(f, s);
    }
    // The edges name definitions; those that become nodes move down over the faulty ones (which
    // only a dataset with problems has, and then its edges do not matter).
    std::vector<std::size_t> position(defs_.size(), 0);
    for (std::size_t i = 0; i < defs_.size(); ++i) {
      position[i] = data_.nodes.size();
      if (def_ok_[i]) data_.nodes.push_back(std::move(defs_[i]));
    }
    for (DatasetEdge& e : data_.edges) {
      e.from_node = position[e.from_node];
      e.to_node = position[e.to_node];
      e.source_node = position[e.source_node];
    }
    return std::move(data_);
  }

 private:
  void report(const Sheet& s, int line, std::string message) {
    problems_.push_back(problem(s.path(), line, std::move(message)));
  }
  void warn(const Sheet& s, int line, std::string message) {
    warnings_.push_back(ImportWarning{std::move(message), Location{s.path(), line}});
  }
  Place place(const Folder& f, const Sheet& s, int line) const { return Place{f.index, &s, line}; }
  // `p` as a message in folder `from` shows it: "nodes.csv:3" within one folder (as a
  // one-folder import always has), "DIR/nodes.csv:3" for another folder's row.
  static std::string where(const Place& p, std::size_t from) {
    return fmt::format("{}:{}", p.folder == from ? p.sheet->name() : p.sheet->path(), p.line);
  }

  // Parses the folder's files into its sheets, in name order, reporting the unexpected names
  // and the missing files.
  void parse_files(Folder& f) {
    if (f.input->nodes_lost) nodes_complete_ = false;
    std::vector<const DatasetFile*> files;
    for (const DatasetFile& file : f.input->files) {
      if (is_dataset_file(file.name)) files.push_back(&file);
    }
    std::sort(files.begin(), files.end(),
              [](const DatasetFile* a, const DatasetFile* b) { return a->name < b->name; });
    for (const DatasetFile* file : files) {
      const std::string& name = file->name;
      const std::string path = (fs::path(f.dir) / name).string();
      auto sheet = [&] { return Sheet(path, name, parse_csv(file->text, path, problems_)); };
      if (!expected_name(name)) {
        problems_.push_back(problem(path, 0,
                                    "unexpected file name (expected types.csv, relations.csv, "
                                    "nodes*.csv, edges*.csv or review.csv)"));
      } else if (name == "types.csv") {
        f.types_sheet = sheet();
      } else if (name == "relations.csv") {
        f.relations_sheet = sheet();
      } else if (name.starts_with("nodes")) {
        f.node_sheets.push_back(sheet());
      } else {
        f.edge_sheets.push_back(sheet());
      }
    }
    const std::string base = (fs::path(f.dir) / "").string();
    if (!f.types_sheet) problems_.push_back(problem(base + "types.csv", 0, "missing file"));
    if (!f.relations_sheet) problems_.push_back(problem(base + "relations.csv", 0, "missing file"));
    if (f.node_sheets.empty()) {
      nodes_complete_ = false;
      problems_.push_back(
          problem(base + "nodes.csv", 0, "missing file (a dataset needs at least one nodes*.csv)"));
    }
  }

  void check_types(Folder& f) {
    if (!f.types_sheet) return;
    Sheet& s = *f.types_sheet;
    f.types_usable = s.map_columns({"name"}, {"name", "description"}, problems_);
    if (!f.types_usable) return;
    f.types_complete = s.complete();
    for (std::string& name : s.rejected_cells("name")) f.rejected_types.insert(std::move(name));
    for (const CsvRow& row : s.rows()) {
      std::string name = s.cell(row, "name");
      if (!is_identifier(name)) {
        report(s, row.line,
               "invalid type name '" + name + "' (use lowercase letters, digits and _)");
        f.rejected_types.insert(name);
        continue;
      }
      if (auto [it, added] = f.type_lines.emplace(name, row.line); !added) {
        report(s, row.line,
               fmt::format("duplicate type '{}' (first at line {})", name, it->second));
        continue;
      }
      DatasetType t{name, s.cell(row, "description")};
      auto [it, added] =
          merged_types_.emplace(name, std::make_pair(data_.types.size(), place(f, s, row.line)));
      if (added) {
        data_.types.push_back(std::move(t));
      } else if (data_.types[it->second.first].description != t.description) {
        warn(s, row.line,
             fmt::format("type '{}' is described differently at {} (that description is kept)",
                         name, where(it->second.second, f.index)));
      }
    }
  }

  // Every edge's source is a kamerstuk, so some folder must declare the type.
  void require_source_type() {
    if (merged_types_.contains(kSourceType)) return;
    for (Folder& f : folders_) {
      if (f.types_usable) {
        report(
            *f.types_sheet, 0,
            std::string("the type '") + kSourceType + "' is required: every edge's source is one");
      }
    }
  }

  // Why a type the folder does not declare is unknown: declared by another folder only, or (the
  // one shared rule of kg/suggest.h) a near miss of one it declares.
  std::string type_hint(const Folder& f, const std::string& name) const {
    if (auto it = merged_types_.find(name); it != merged_types_.end()) {
      return " (declared at " + where(it->second.second, f.index) +
             ", but each folder must declare the types it uses)";
    }
    std::vector<std::string> declared;
    for (const auto& entry : f.type_lines) declared.push_back(entry.first);
    return did_you_mean(name, declared);
  }

  // Checks that folder `f` declares `type`; a type whose own row was rejected is not reported
  // again.
  bool type_ok(const Folder& f, const Sheet& s, const CsvRow& row, const std::string& type,
               const std::string& column) {
    if (!f.types_usable || f.type_lines.contains(type)) return true;
    if (f.rejected_types.contains(type) || !f.types_complete) return false;
    if (type.empty()) {
      report(s, row.line, "empty '" + column + "'");
      return false;
    }
    report(s, row.line,
           "unknown type '" + type + "' in column '" + column + "'" + type_hint(f, type));
    return false;
  }

  void check_relations(Folder& f) {
    if (!f.relations_sheet) return;
    Sheet& s = *f.relations_sheet;
    f.relations_usable =
        s.map_columns({"name", "label", "inverse", "from", "to"},
                      {"name", "label", "inverse", "from", "to", "description"}, problems_);
    if (!f.relations_usable) return;
    f.relations_complete = s.complete();
    for (std::string& name : s.rejected_cells("name")) f.rejected_relations.insert(std::move(name));
    for (const CsvRow& row : s.rows()) {
      DatasetRelation r{s.cell(row, "name"),
                        s.cell(row, "label"),
                        s.cell(row, "inverse"),
                        s.cell(row, "description"),
                        split_list(s.cell(row, "from")),
                        split_list(s.cell(row, "to"))};
      if (!is_identifier(r.name)) {
        report(s, row.line,
               "invalid relation name '" + r.name + "' (use lowercase letters, digits and _)");
        f.rejected_relations.insert(r.name);
        continue;
      }
      bool ok = true;
      for (const char* column : {"label", "inverse", "from", "to"}) {
        if (s.cell(row, column).empty()) {
          report(s, row.line, std::string("empty '") + column + "'");
          ok = false;
        }
      }
      for (const std::string& t : r.from_types) ok = type_ok(f, s, row, t, "from") && ok;
      for (const std::string& t : r.to_types) ok = type_ok(f, s, row, t, "to") && ok;
      if (f.relations.contains(r.name)) {
        report(s, row.line, "duplicate relation '" + r.name + "'");
        continue;
      }
      if (ok) ok = merge_relation(f, s, row.line, r);
      if (!ok) r.from_types.clear(), r.to_types.clear();  // checked already; don't cascade
      f.relations.emplace(r.name, std::move(r));
    }
  }

  // Adds folder `f`'s relation `r` to the graph's vocabulary: the first declaration of a name,
  // or an agreeing later one whose from/to types join the first's. False on a disagreement.
  bool merge_relation(const Folder& f, const Sheet& s, int line, const DatasetRelation& r) {
    auto [it, added] = merged_relations_.emplace(
        r.name, std::make_pair(data_.relations.size(), place(f, s, line)));
    if (added) {
      data_.relations.push_back(r);
      return true;
    }
    DatasetRelation& first = data_.relations[it->second.first];
    const std::string there = where(it->second.second, f.index);
    if (first.label != r.label || first.inverse != r.inverse) {
      report(s, line,
             fmt::format("relation '{}' reads '{}' / '{}' here but '{}' / '{}' at {} (label and "
                         "inverse must agree)",
                         r.name, r.label, r.inverse, first.label, first.inverse, there));
      return false;
    }
    if (first.description != r.description) {
      warn(s, line,
           fmt::format("relation '{}' is described differently at {} (that description is kept)",
                       r.name, there));
    }
    for (auto [into, from] :
         {std::pair{&first.from_types, &r.from_types}, {&first.to_types, &r.to_types}}) {
      for (const std::string& t : *from) {
        if (std::find(into->begin(), into->end(), t) == into->end()) into->push_back(t);
      }
    }
    return true;
  }

  static bool is_reference(const DatasetNode& n) {
    return !n.key.empty() && !n.type.empty() && n.name.empty() && n.aliases.empty() &&
           n.description.empty() && n.attributes.empty();
  }

  void check_nodes(const Folder& f, Sheet& s) {
    if (!s.map_columns({"key", "type", "name"}, {"key", "type", "name", "aliases", "description"},
                       problems_)) {
      nodes_complete_ = false;
      return;
    }
    if (!s.complete()) nodes_complete_ = false;
    for (const std::string& key : s.rejected_cells("key"))
      rejected_keys_.insert(detail::lower_key(key));
    const std::size_t key_column = s.column("key"), type_column = s.column("type"),
                      name_column = s.column("name"), description_column = s.column("description"),
                      aliases_column = s.column("aliases");
    for (CsvRow& row : s.rows()) {
      DatasetNode n{s.take(row, key_column),
                    s.take(row, type_column),
                    s.take(row, name_column),
                    s.take(row, description_column),
                    split_list(s.take(row, aliases_column)),
                    s.take_attributes(row)};
      if (n.key.empty()) {
        report(s, row.line, "empty 'key'");
        continue;
      }
      const bool key_valid = is_key(n.key, n.type == kSourceType);
      if (is_reference(n)) {
        if (!key_valid) {
          report(s, row.line, "invalid key '" + n.key + "' (use lowercase letters, digits and -)");
        }
        const bool type_known = type_ok(f, s, row, n.type, "type");
        references_.push_back(Reference{place(f, s, row.line), n.key, n.type, type_known});
        referenced_.insert(detail::lower_key(n.key));
        continue;
      }
      std::string lower = detail::lower_key(n.key);
      const NodeEntry* existing = nodes_.find(lower);
      // The same definition in two places (a draft that copied it) is one node.
      if (existing != nullptr && differences(defs_[existing->def], n).empty()) continue;
      bool ok = true;
      if (!key_valid) {
        report(s, row.line, "invalid key '" + n.key + "' (use lowercase letters, digits and -)");
        ok = false;
      }
      if (n.name.empty()) {
        report(s, row.line, "empty 'name'");
        ok = false;
      }
      const bool type_known = type_ok(f, s, row, n.type, "type");
      ok = type_known && ok;
      if (existing != nullptr) {
        const Place& first = existing->place;
        if (first.folder == f.index) {
          report(s, row.line,
                 "duplicate node key '" + n.key + "' (first at " + where(first, f.index) + ")");
        } else {
          report(s, row.line,
                 fmt::format("duplicate node key '{}' (first at {}; the definitions differ in {})",
                             n.key, where(first, f.index), differences(defs_[existing->def], n)));
        }
        continue;
      }
      const Place here = place(f, s, row.line);
      // Names and aliases must point to one node each, ignoring case and diacritics.
      std::vector<std::string> claimed;
      auto claim = [&](const std::string& text, const char* what) {
        const std::string folded = fold(text);
        if (folded.empty() || std::find(claimed.begin(), claimed.end(), folded) != claimed.end())
          return;
        claimed.push_back(folded);
        auto [it, added] = name_owner_.emplace(folded, std::make_pair(n.key, here));
        if (!added) {
          report(s, row.line,
                 fmt::format("{} '{}' is already claimed by node '{}' ({})", what, text,
                             it->second.first, where(it->second.second, f.index)));
          ok = false;
        }
      };
      claim(n.name, "name");
      for (const std::string& a : n.aliases) claim(a, "alias");
      nodes_.add(lower, NodeEntry{here, defs_.size(), node_type(n.type), type_known, ok});
      defs_.push_back(std::move(n));
      def_ok_.push_back(ok);
    }
    s.release_rows();
  }

  // A reference stands for the one definition of its key in any folder, of the same type.
  void check_references() {
    for (const Reference& r : references_) {
      const Sheet* s = r.place.sheet;
      const NodeEntry* found = nodes_.find(detail::lower_key(r.key));
      if (found == nullptr) {
        report(*s, r.place.line,
               "node '" + r.key + "' is referenced here but defined in none of the folders");
        continue;
      }
      const NodeEntry& def = *found;
      if (r.type_known && def.type_known && defs_[def.def].type != r.type) {
        report(*s, r.place.line,
               fmt::format("node '{}' is referenced here as {} but defined as {} at {}", r.key,
                           r.type, defs_[def.def].type, where(def.place, r.place.folder)));
      }
    }
  }

  // The position of type `name` in node_types_, added when new: a dataset has a few types.
  std::size_t node_type(const std::string& name) {
    auto it = std::find(node_types_.begin(), node_types_.end(), name);
    if (it != node_types_.end()) return static_cast<std::size_t>(it - node_types_.begin());
    node_types_.push_back(name);
    return node_types_.size() - 1;
  }

  // The definition `key` names, or nullptr: reported as unknown unless the cause is reported
  // already (a reference without definition, a node row the CSV reader rejected, a nodes file
  // that could not be read whole).
  const NodeEntry* node_ok(const Sheet& s, const CsvRow& row, const std::string& key,
                           const char* column) {
    if (key.empty()) {
      report(s, row.line, std::string("missing ") + column);
      return nullptr;
    }
    // Rows of one source name the same key in a row (its "from" and "source", the previous
    // row's): that look-up is kept, and the others fold into one reused buffer, so that the
    // three look-ups of an edge allocate nothing.
    if (last_node_ != nullptr && key == last_key_) return last_node_;
    lookup_.assign(key);
    for (char& c : lookup_) c = detail::key_fold(c);
    if (const NodeEntry* found = nodes_.find(lookup_); found != nullptr) {
      last_key_.assign(key);
      last_node_ = found;
      return last_node_;
    }
    const std::string& lower = lookup_;
    if (nodes_complete_ && !referenced_.contains(lower) && !rejected_keys_.contains(lower)) {
      report(s, row.line, std::string("unknown node '") + key + "' in column '" + column + "'");
    }
    return nullptr;
  }

  void check_edges(const Folder& f, Sheet& s) {
    if (!s.map_columns({"from", "relation", "to", "source", "locator"},
                       {"from", "relation", "to", "source", "locator", "note"}, problems_)) {
      return;
    }
    const std::string origin_prefix = folders_.size() > 1 ? folder_label(f.dir) + "/" : "";
    const std::size_t from_column = s.column("from"), relation_column = s.column("relation"),
                      to_column = s.column("to"), source_column = s.column("source"),
                      locator_column = s.column("locator"), note_column = s.column("note");
    for (CsvRow& row : s.rows()) {
      DatasetEdge e{
          s.take(row, from_column),    s.take(row, relation_column),
          s.take(row, to_column),      s.take(row, source_column),
          s.take(row, locator_column), s.take(row, note_column),
          s.take_attributes(row),      fmt::format("{}{}:{}", origin_prefix, s.name(), row.line)};
      const NodeEntry* from = node_ok(s, row, e.from, "from");
      const NodeEntry* to = node_ok(s, row, e.to, "to");
      bool ok = from != nullptr && to != nullptr;
      if (ok && from == to) {
        report(s, row.line,
               "edge from '" + e.from + "' to itself (a fact relates two different nodes)");
        ok = false;
      }
      if (e.locator.empty()) {
        report(s, row.line, "missing locator (where in the source the fact is stated)");
        ok = false;
      }
      const NodeEntry* source = node_ok(s, row, e.source, "source");
      if (source == nullptr) {
        ok = false;
      } else if (source->type_known && node_types_[source->type] != kSourceType) {
        report(s, row.line,
               "source '" + e.source + "' is not a " + kSourceType + " (its type is " +
                   defs_[source->def].type + ")");
        ok = false;
      }
      auto rel = f.relations.find(e.relation);
      if (e.relation.empty()) {
        report(s, row.line, "missing relation");
        ok = false;
      } else if (rel == f.relations.end()) {
        if (f.relations_usable && f.relations_complete &&
            !f.rejected_relations.contains(e.relation)) {
          report(s, row.line,
                 "unknown relation '" + e.relation + "'" + relation_hint(f, e.relation));
        }
        ok = false;
      } else if (ok) {
        const DatasetRelation& r = rel->second;
        ok = end_fits(s, row, r, r.from_types, *from, e.from, "from") && ok;
        ok = end_fits(s, row, r, r.to_types, *to, e.to, "to") && ok;
      }
      if (ok) {
        e.from_node = from->def;
        e.to_node = to->def;
        e.source_node = source->def;
        data_.edges.push_back(std::move(e));
      }
    }
    s.release_rows();
  }

  std::string relation_hint(const Folder& f, const std::string& name) const {
    auto it = merged_relations_.find(name);
    if (it == merged_relations_.end()) return {};
    return " (declared at " + where(it->second.second, f.index) +
           ", but each folder must declare the relations it uses)";
  }

  // Checks an edge end against the relation as the edge's own folder declares it.
  bool end_fits(const Sheet& s, const CsvRow& row, const DatasetRelation& r,
                const std::vector<std::string>& allowed, const NodeEntry& node,
                const std::string& key, const char* side) {
    if (allowed.empty() || !node.type_known) return true;  // the faulty row is reported
    const std::string& t = node_types_[node.type];
    if (std::find(allowed.begin(), allowed.end(), t) != allowed.end()) return true;
    report(s, row.line,
           fmt::format("relation '{}' cannot go {} {} '{}' (allowed: {})", r.name, side, t, key,
                       join(allowed)));
    return false;
  }

  std::vector<Status>& problems_;
  std::vector<ImportWarning>& warnings_;
  std::vector<Folder> folders_;
  Dataset data_;
  std::map<std::string, std::pair<std::size_t, Place>> merged_types_;      // -> data_.types
  std::map<std::string, std::pair<std::size_t, Place>> merged_relations_;  // -> data_.relations
  std::vector<DatasetNode> defs_;  // every first definition of a key, faulty or not
  std::vector<bool> def_ok_;
  NodeTable nodes_;                      // lowercase key -> first definition
  std::vector<std::string> node_types_;  // the type names of the definitions, as met
  std::vector<Reference> references_;
  std::unordered_set<std::string> referenced_;  // lowercase keys; an undefined one is reported once
  std::unordered_set<std::string> rejected_keys_;  // lowercase keys of rows the CSV reader rejected
  std::unordered_map<std::string, std::pair<std::string, Place>> name_owner_;  // folded -> key
  // False when a nodes file could not be read whole: an unknown node may be in the lost rows.
  bool nodes_complete_ = true;
  // node_ok's reused buffer and its last look-up that found a node (nodes_ is complete by then,
  // so the pointer stays valid).
  std::string lookup_, last_key_;
  const NodeEntry* last_node_ = nullptr;
};

}  // namespace

bool is_dataset_file(std::string_view name) {
  // review.csv is an ingest draft's list of candidates for a curator, not graph data; ".csv"
  // alone is a hidden file without an extension.
  const fs::path p(name);
  return p.extension() == ".csv" && p.filename() != kReviewFile;
}

Dataset check_datasets(const std::vector<DatasetFolder>& folders, std::vector<Status>& problems,
                       std::vector<ImportWarning>& warnings) {
  return Checker(folders, problems, warnings).run();
}

namespace {

// Reads folder `dir`'s dataset files into `folder` (their bytes into `texts`, which owns them);
// false, with the problem reported, when the folder cannot be used at all.
bool read_folder(const std::string& dir, DatasetFolder& folder, std::deque<std::string>& texts,
                 std::vector<Status>& problems) {
  std::error_code ec;
  const fs::file_status status = fs::status(dir, ec);
  if (!fs::is_directory(status)) {
    const bool absent =
        !ec || ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory;
    problems.push_back(problem(dir, 0,
                               absent ? "not a dataset folder (no such directory)"
                                      : "not a dataset folder (" + ec.message() + ")"));
    return false;
  }
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    if (!is_dataset_file(name)) continue;
    std::error_code entry_ec;
    const fs::file_status s = it->status(entry_ec);  // follows symbolic links
    if (entry_ec) {
      problems.push_back(problem(p.string(), 0, "cannot read file (" + entry_ec.message() + ")"));
    } else if (!fs::is_regular_file(s)) {
      problems.push_back(
          problem(p.string(), 0, std::string("not a regular file (") + kind_of(s.type()) + ")"));
    } else if (!expected_name(name)) {
      folder.files.push_back(DatasetFile{name, {}});  // reported by name; its bytes don't matter
      continue;
    } else if (std::ifstream in(p, std::ios::binary); in) {
      std::ostringstream text;
      text << in.rdbuf();
      if (!in.bad()) {
        texts.push_back(std::move(text).str());
        folder.files.push_back(DatasetFile{name, texts.back()});
        continue;
      }
      problems.push_back(problem(p.string(), 0, "cannot read file"));
    } else {
      problems.push_back(problem(p.string(), 0, "cannot read file"));
    }
    if (name.starts_with("nodes")) folder.nodes_lost = true;
  }
  if (ec) {
    problems.push_back(problem(dir, 0, "cannot read folder (" + ec.message() + ")"));
    return false;
  }
  return true;
}

}  // namespace

Dataset read_datasets(const std::vector<std::string>& dirs, std::vector<Status>& problems,
                      std::vector<ImportWarning>& warnings) {
  std::vector<DatasetFolder> folders;
  std::deque<std::string> texts;  // the files' bytes, which the folders' views point into
  for (std::size_t i = 0; i < dirs.size(); ++i) {
    const std::string& dir = dirs[i];
    bool repeated = false;
    for (std::size_t j = 0; j < i && !repeated; ++j) {
      std::error_code ec;
      if (fs::equivalent(dirs[j], dir, ec)) {
        problems.push_back(
            problem(dir, 0, "the same folder is given twice (also as " + dirs[j] + ")"));
        repeated = true;
      }
    }
    if (repeated) continue;
    DatasetFolder folder{dir, {}, false};
    if (read_folder(dir, folder, texts, problems)) folders.push_back(std::move(folder));
  }
  return check_datasets(folders, problems, warnings);
}

Dataset read_dataset(const std::string& dir, std::vector<Status>& problems) {
  std::vector<ImportWarning> warnings;
  return read_datasets({dir}, problems, warnings);
}

}  // namespace kg

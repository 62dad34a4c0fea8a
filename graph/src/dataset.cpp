// Implementation of dataset.h: file discovery, column mapping, and the cross-file checks.
#include "dataset.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <unordered_map>

#include "csv_reader.h"
#include "keys.h"
#include "kg/text.h"

namespace kg {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSourceType = "kamerstuk";

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

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

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
  const std::string& path() const { return path_; }
  const std::string& name() const { return name_; }

  // The trimmed cell of `column` in `row`, or empty when the file has no such column.
  std::string cell(const CsvRow& row, const std::string& column) const {
    auto it = index_.find(column);
    return it == index_.end() ? std::string() : trim(row.fields[it->second]);
  }
  Attributes attributes(const CsvRow& row) const {
    Attributes out;
    for (const auto& [name, i] : extras_) {
      std::string value = trim(row.fields[i]);
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

std::optional<Sheet> load_sheet(const fs::path& file, std::vector<Status>& problems) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    problems.push_back(problem(file.string(), 0, "cannot read file"));
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  CsvTable table = parse_csv(text.str(), file.string(), problems);
  return Sheet(file.string(), file.filename().string(), std::move(table));
}

bool is_identifier(const std::string& s) {
  static const std::regex kIdentifier("[a-z][a-z0-9_]*");
  return std::regex_match(s, kIdentifier);
}

bool is_key(const std::string& s, bool kamerstuk) {
  static const std::regex kKey("[a-z0-9]+(-[a-z0-9]+)*");
  static const std::regex kKamerstukKey("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
  return std::regex_match(s, kamerstuk ? kKamerstukKey : kKey);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

class Checker {
 public:
  Checker(std::string dir, std::vector<Status>& problems) : dir_(std::move(dir)), problems_(problems) {}

  Dataset run() {
    if (!collect_files()) return {};
    check_types();
    check_relations();
    for (Sheet& s : node_sheets_) check_nodes(s);
    for (Sheet& s : edge_sheets_) check_edges(s);
    return std::move(data_);
  }

 private:
  void report(const Sheet& s, int line, std::string message) {
    problems_.push_back(problem(s.path(), line, std::move(message)));
  }

  bool collect_files() {
    std::error_code ec;
    if (!fs::is_directory(dir_, ec)) {
      problems_.push_back(problem(dir_, 0, "not a dataset folder (no such directory)"));
      return false;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir_, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".csv") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      const std::string name = f.filename().string();
      if (name == "types.csv") {
        types_sheet_ = load_sheet(f, problems_);
      } else if (name == "relations.csv") {
        relations_sheet_ = load_sheet(f, problems_);
      } else if (name.starts_with("nodes")) {
        if (auto s = load_sheet(f, problems_)) node_sheets_.push_back(std::move(*s));
      } else if (name.starts_with("edges")) {
        if (auto s = load_sheet(f, problems_)) edge_sheets_.push_back(std::move(*s));
      } else {
        problems_.push_back(problem(
            f.string(), 0,
            "unexpected file name (expected types.csv, relations.csv, nodes*.csv or edges*.csv)"));
      }
    }
    const std::string base = (fs::path(dir_) / "").string();
    if (!types_sheet_) problems_.push_back(problem(base + "types.csv", 0, "missing file"));
    if (!relations_sheet_) problems_.push_back(problem(base + "relations.csv", 0, "missing file"));
    if (node_sheets_.empty()) {
      problems_.push_back(problem(base + "nodes.csv", 0, "missing file (a dataset needs at least one nodes*.csv)"));
    }
    return true;
  }

  void check_types() {
    if (!types_sheet_) return;
    Sheet& s = *types_sheet_;
    types_usable_ = s.map_columns({"name"}, {"name", "description"}, problems_);
    if (!types_usable_) return;
    for (const CsvRow& row : s.rows()) {
      std::string name = s.cell(row, "name");
      if (!is_identifier(name)) {
        report(s, row.line, "invalid type name '" + name + "' (use lowercase letters, digits and _)");
        continue;
      }
      if (auto [it, added] = type_lines_.emplace(name, row.line); !added) {
        report(s, row.line, fmt::format("duplicate type '{}' (first at line {})", name, it->second));
        continue;
      }
      data_.types.push_back({name, s.cell(row, "description")});
    }
    if (type_lines_.find(kSourceType) == type_lines_.end()) {
      report(s, 0, std::string("the type '") + kSourceType + "' is required: every edge's source is one");
    }
  }

  std::string type_hint(const std::string& name) const {
    std::string best;
    std::size_t best_d = 3;
    for (const auto& [t, line] : type_lines_) {
      const std::size_t d = edit_distance(name, t);
      if (d < best_d) {
        best = t;
        best_d = d;
      }
    }
    return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
  }

  bool type_ok(const Sheet& s, const CsvRow& row, const std::string& type, const std::string& column) {
    if (!types_usable_ || type_lines_.contains(type)) return true;
    if (type.empty()) {
      report(s, row.line, "empty '" + column + "'");
      return false;
    }
    report(s, row.line, "unknown type '" + type + "' in column '" + column + "'" + type_hint(type));
    return false;
  }

  void check_relations() {
    if (!relations_sheet_) return;
    Sheet& s = *relations_sheet_;
    relations_usable_ = s.map_columns({"name", "label", "inverse", "from", "to"},
                                      {"name", "label", "inverse", "from", "to", "description"},
                                      problems_);
    if (!relations_usable_) return;
    for (const CsvRow& row : s.rows()) {
      DatasetRelation r{s.cell(row, "name"), s.cell(row, "label"), s.cell(row, "inverse"),
                        s.cell(row, "description"), split_list(s.cell(row, "from")),
                        split_list(s.cell(row, "to"))};
      if (!is_identifier(r.name)) {
        report(s, row.line, "invalid relation name '" + r.name + "' (use lowercase letters, digits and _)");
        continue;
      }
      bool ok = true;
      for (const char* column : {"label", "inverse", "from", "to"}) {
        if (s.cell(row, column).empty()) {
          report(s, row.line, std::string("empty '") + column + "'");
          ok = false;
        }
      }
      for (const std::string& t : r.from_types) ok = type_ok(s, row, t, "from") && ok;
      for (const std::string& t : r.to_types) ok = type_ok(s, row, t, "to") && ok;
      if (auto [it, added] = relation_index_.emplace(r.name, data_.relations.size()); !added) {
        report(s, row.line, "duplicate relation '" + r.name + "'");
        continue;
      }
      if (!ok) r.from_types.clear(), r.to_types.clear();  // checked already; don't cascade
      data_.relations.push_back(std::move(r));
    }
  }

  void check_nodes(Sheet& s) {
    if (!s.map_columns({"key", "type", "name"}, {"key", "type", "name", "aliases", "description"},
                       problems_)) {
      return;
    }
    for (const CsvRow& row : s.rows()) {
      DatasetNode n{s.cell(row, "key"), s.cell(row, "type"), s.cell(row, "name"),
                    s.cell(row, "description"), split_list(s.cell(row, "aliases")),
                    s.attributes(row)};
      const std::string here = fmt::format("{}:{}", s.name(), row.line);
      bool ok = true;
      if (n.key.empty()) {
        report(s, row.line, "empty 'key'");
        continue;
      }
      if (!is_key(n.key, n.type == kSourceType)) {
        report(s, row.line, "invalid key '" + n.key + "' (use lowercase letters, digits and -)");
        ok = false;
      }
      if (n.name.empty()) {
        report(s, row.line, "empty 'name'");
        ok = false;
      }
      ok = type_ok(s, row, n.type, "type") && ok;
      if (auto [it, added] = node_origin_.emplace(detail::lower_key(n.key), here); !added) {
        report(s, row.line, "duplicate node key '" + n.key + "' (first at " + it->second + ")");
        continue;
      }
      node_type_[detail::lower_key(n.key)] = n.type;
      // Names and aliases must point to one node each, ignoring case and diacritics.
      std::vector<std::string> claimed;
      auto claim = [&](const std::string& text, const char* what) {
        const std::string f = fold(text);
        if (f.empty() || std::find(claimed.begin(), claimed.end(), f) != claimed.end()) return;
        claimed.push_back(f);
        auto [it, added] = name_owner_.emplace(f, std::make_pair(n.key, here));
        if (!added) {
          report(s, row.line,
                 fmt::format("{} '{}' is already claimed by node '{}' ({})", what, text,
                             it->second.first, it->second.second));
          ok = false;
        }
      };
      claim(n.name, "name");
      for (const std::string& a : n.aliases) claim(a, "alias");
      if (ok) data_.nodes.push_back(std::move(n));
    }
  }

  // Checks that `key` names a node; reports and returns false otherwise.
  bool node_ok(const Sheet& s, const CsvRow& row, const std::string& key, const char* column) {
    if (key.empty()) {
      report(s, row.line, std::string("missing ") + column);
      return false;
    }
    if (!node_origin_.contains(detail::lower_key(key))) {
      report(s, row.line, std::string("unknown node '") + key + "' in column '" + column + "'");
      return false;
    }
    return true;
  }

  void check_edges(Sheet& s) {
    if (!s.map_columns({"from", "relation", "to", "source", "locator"},
                       {"from", "relation", "to", "source", "locator", "note"}, problems_)) {
      return;
    }
    for (const CsvRow& row : s.rows()) {
      DatasetEdge e{s.cell(row, "from"),    s.cell(row, "relation"), s.cell(row, "to"),
                    s.cell(row, "source"),  s.cell(row, "locator"),  s.cell(row, "note"),
                    s.attributes(row),      fmt::format("{}:{}", s.name(), row.line)};
      bool ok = node_ok(s, row, e.from, "from");
      ok = node_ok(s, row, e.to, "to") && ok;
      if (e.locator.empty()) {
        report(s, row.line, "missing locator (where in the source the fact is stated)");
        ok = false;
      }
      if (node_ok(s, row, e.source, "source")) {
        const std::string& t = node_type_[detail::lower_key(e.source)];
        if (t != kSourceType) {
          report(s, row.line, "source '" + e.source + "' is not a " + kSourceType + " (its type is " + t + ")");
          ok = false;
        }
      } else {
        ok = false;
      }
      auto rel = relation_index_.find(e.relation);
      if (e.relation.empty()) {
        report(s, row.line, "missing relation");
        ok = false;
      } else if (rel == relation_index_.end()) {
        if (relations_usable_) report(s, row.line, "unknown relation '" + e.relation + "'");
        ok = false;
      } else if (ok) {
        const DatasetRelation& r = data_.relations[rel->second];
        ok = end_fits(s, row, r, r.from_types, e.from, "from") && ok;
        ok = end_fits(s, row, r, r.to_types, e.to, "to") && ok;
      }
      if (ok) data_.edges.push_back(std::move(e));
    }
  }

  bool end_fits(const Sheet& s, const CsvRow& row, const DatasetRelation& r,
                const std::vector<std::string>& allowed, const std::string& key, const char* side) {
    if (allowed.empty()) return true;  // the relation's own row was faulty and is reported
    const std::string& t = node_type_[detail::lower_key(key)];
    if (std::find(allowed.begin(), allowed.end(), t) != allowed.end()) return true;
    report(s, row.line,
           fmt::format("relation '{}' cannot go {} {} '{}' (allowed: {})", r.name, side, t, key,
                       join(allowed)));
    return false;
  }

  std::string dir_;
  std::vector<Status>& problems_;
  Dataset data_;
  std::optional<Sheet> types_sheet_, relations_sheet_;
  std::vector<Sheet> node_sheets_, edge_sheets_;
  bool types_usable_ = false;
  bool relations_usable_ = false;
  std::map<std::string, int> type_lines_;
  std::unordered_map<std::string, std::size_t> relation_index_;
  std::unordered_map<std::string, std::string> node_origin_;  // lowercase key -> "file:line"
  std::unordered_map<std::string, std::string> node_type_;
  std::unordered_map<std::string, std::pair<std::string, std::string>> name_owner_;
};

}  // namespace

Dataset read_dataset(const std::string& dir, std::vector<Status>& problems) {
  return Checker(dir, problems).run();
}

}  // namespace kg

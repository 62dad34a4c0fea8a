// The export entry points of kg/export.h: checks the subgraph, collects its columns, and writes
// the result all or nothing (a file or folder built beside the target, then renamed into place).
// The format writers are graphml.cpp, gexf.cpp and neo4j.cpp.
#include "kg/export.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "export/plan.h"

namespace kg {
namespace fs = std::filesystem;

namespace detail {
namespace {

bool is_canonical_long(std::string_view v) {
  std::string_view digits = v.starts_with('-') ? v.substr(1) : v;
  if (digits.empty() || digits.size() > 18) return false;
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  if (digits.size() > 1 && digits[0] == '0') return false;
  return !(v.starts_with('-') && digits == "0");
}

// Adds the attributes of one record to `columns`, narrowing a column to kString when a value
// is not an integer.
void collect(std::vector<AttributeColumn>& columns, const AttributeList& attributes) {
  for (AttributeView a : attributes) {
    auto it = std::find_if(columns.begin(), columns.end(),
                           [&](const AttributeColumn& c) { return c.name == a.name; });
    if (it == columns.end()) {
      columns.push_back({std::string(a.name), ValueType::kLong});
      it = columns.end() - 1;
    }
    if (!is_canonical_long(a.value)) it->type = ValueType::kString;
  }
}

template <std::size_t N>
Status check_clashes(const std::vector<AttributeColumn>& columns,
                     const std::string_view (&builtins)[N], const char* what) {
  for (const AttributeColumn& c : columns) {
    if (std::find(std::begin(builtins), std::end(builtins), c.name) != std::end(builtins)) {
      return Status::error(ErrorKind::kInvalidArgument,
                           fmt::format("{} attribute '{}' has the name of a property every export "
                                       "writes; rename the column",
                                       what, c.name));
    }
  }
  return {};
}

}  // namespace

Result<ExportPlan> make_plan(const Graph& g, const Subgraph& part, const ExportOptions& options) {
  ExportPlan plan;
  plan.graph = &g;
  plan.part = &part;
  plan.graph_name = options.graph_name.empty() ? "kamergraaf" : options.graph_name;
  std::vector<bool> included(g.node_count(), false);
  for (NodeId n : part.nodes) {
    if (n >= g.node_count()) {
      return Status::error(ErrorKind::kInvalidArgument, fmt::format("no node with id {}", n));
    }
    if (included[n]) {
      return Status::error(ErrorKind::kInvalidArgument,
                           fmt::format("node {} is listed twice", g.node(n).key));
    }
    included[n] = true;
    collect(plan.node_attributes, g.node(n).attributes);
  }
  for (EdgeId e : part.edges) {
    if (e >= g.edge_count()) {
      return Status::error(ErrorKind::kInvalidArgument, fmt::format("no edge with id {}", e));
    }
    const Edge edge = g.edge(e);
    for (NodeId end : {edge.from, edge.to}) {
      if (!included[end]) {
        return Status::error(
            ErrorKind::kInvalidArgument,
            fmt::format("edge {} -{}-> {} has an end outside the export", g.node(edge.from).key,
                        g.relation_of(e).name, g.node(edge.to).key));
      }
    }
    collect(plan.edge_attributes, edge.attributes);
  }
  if (Status s = check_clashes(plan.node_attributes, kNodeProperties, "node"); !s.ok()) return s;
  if (Status s = check_clashes(plan.edge_attributes, kEdgeProperties, "edge"); !s.ok()) return s;
  return plan;
}

std::string joined_aliases(const Node& n) {
  std::string out;
  for (std::string_view a : n.aliases) {
    if (!out.empty()) out += '|';
    out += a;
  }
  return out;
}

std::string start_date(std::string_view text) {
  auto digits = [&](std::size_t from, std::size_t count) {
    if (text.size() < from + count) return false;
    return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(from),
                       text.begin() + static_cast<std::ptrdiff_t>(from + count),
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  auto number = [&](std::size_t from, std::size_t count) {
    int v = 0;
    for (std::size_t i = from; i < from + count; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  if (!digits(0, 4)) return {};
  if (text.size() == 4) return std::string(text) + "-01-01";
  if (text.size() < 7 || text[4] != '-' || !digits(5, 2)) return {};
  const int month = number(5, 2);
  if (month < 1 || month > 12) return {};
  if (text.size() == 7) return std::string(text) + "-01";
  if (text.size() != 10 || text[7] != '-' || !digits(8, 2)) return {};
  const int day = number(8, 2);
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int year = number(0, 4);
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day < 1 || day > kDays[month - 1] || (month == 2 && day == 29 && !leap)) return {};
  return std::string(text);
}

}  // namespace detail

std::optional<ExportFormat> parse_export_format(std::string_view name) {
  if (name == "graphml") return ExportFormat::kGraphml;
  if (name == "gexf") return ExportFormat::kGexf;
  if (name == "neo4j") return ExportFormat::kNeo4j;
  return std::nullopt;
}

std::string_view export_format_name(ExportFormat format) {
  switch (format) {
    case ExportFormat::kGraphml:
      return "graphml";
    case ExportFormat::kGexf:
      return "gexf";
    case ExportFormat::kNeo4j:
      return "neo4j";
  }
  return "graphml";
}

Subgraph whole_graph(const Graph& g) {
  Subgraph all;
  all.nodes.resize(g.node_count());
  for (std::size_t i = 0; i < all.nodes.size(); ++i) all.nodes[i] = static_cast<NodeId>(i);
  all.edges.resize(g.edge_count());
  for (std::size_t i = 0; i < all.edges.size(); ++i) all.edges[i] = static_cast<EdgeId>(i);
  return all;
}

Result<ExportReport> write_export(const Graph& g, const Subgraph& part, ExportFormat format,
                                  std::ostream& out, const ExportOptions& options) {
  if (format == ExportFormat::kNeo4j) {
    return Status::error(ErrorKind::kInvalidArgument,
                         "a neo4j export is a folder of files; use export_graph");
  }
  auto plan = detail::make_plan(g, part, options);
  if (!plan.ok()) return plan.status();
  ExportReport report;
  report.nodes = part.nodes.size();
  report.edges = part.edges.size();
  Status s = format == ExportFormat::kGraphml ? detail::write_graphml(*plan, out, report.replaced)
                                              : detail::write_gexf(*plan, out, report.replaced);
  if (!s.ok()) return s;
  return report;
}

namespace {

Status io_error(const fs::path& path, const std::string& what) {
  return Status::error(ErrorKind::kIo, what, Location{path.string()});
}

Result<ExportReport> export_file(const Graph& g, ExportFormat format, const fs::path& target,
                                 const ExportOptions& options) {
  std::error_code ec;
  if (fs::is_directory(target, ec)) return io_error(target, "is a folder, not a file");
  fs::path partial = target;
  partial += ".partial";
  fs::remove(partial, ec);  // left behind by an export that was killed
  const Subgraph all = whole_graph(g);
  std::ofstream out(partial, std::ios::binary | std::ios::trunc);
  if (!out) return io_error(target, fmt::format("cannot write: {}", std::strerror(errno)));
  Result<ExportReport> report = write_export(g, all, format, out, options);
  out.close();  // sets failbit when the last write fails (a full disk)
  if (report.ok() && !out) {
    report = io_error(target, fmt::format("cannot write: {}", std::strerror(errno)));
  }
  if (report.ok()) {
    fs::rename(partial, target, ec);
    if (ec) report = io_error(target, "cannot move the export into place: " + ec.message());
  }
  if (!report.ok()) {
    fs::remove(partial, ec);
    return report;
  }
  report->files.push_back(target.filename().string());
  return report;
}

Result<ExportReport> export_folder(const Graph& g, const fs::path& target,
                                   const ExportOptions& options) {
  std::error_code ec;
  const bool exists = fs::exists(target, ec);
  if (exists && !fs::is_directory(target, ec))
    return io_error(target, "exists and is not a folder");
  if (exists && !fs::is_empty(target, ec) && !options.force) {
    return io_error(target, "folder is not empty (use --force to replace it)");
  }
  const Subgraph all = whole_graph(g);
  auto plan = detail::make_plan(g, all, options);
  if (!plan.ok()) return plan.status();
  fs::path partial = target;
  partial += ".partial";
  fs::remove_all(partial, ec);
  if (!fs::create_directories(partial, ec) || ec) {
    return io_error(target, "cannot create a folder beside it: " + ec.message());
  }
  ExportReport report;
  report.nodes = all.nodes.size();
  report.edges = all.edges.size();
  Status s = detail::write_neo4j(*plan, partial.string(), report.files);
  if (s.ok() && exists) {
    // rename() replaces only an empty folder, so a forced one is moved aside first.
    fs::path old = target;
    old += ".old";
    fs::remove_all(old, ec);
    fs::rename(target, old, ec);
    if (ec) s = io_error(target, "cannot move the old folder aside: " + ec.message());
    if (s.ok()) {
      fs::rename(partial, target, ec);
      if (ec) {
        s = io_error(target, "cannot move the export into place: " + ec.message());
        fs::rename(old, target, ec);
      } else {
        fs::remove_all(old, ec);
      }
    }
  } else if (s.ok()) {
    fs::rename(partial, target, ec);
    if (ec) s = io_error(target, "cannot move the export into place: " + ec.message());
  }
  if (!s.ok()) {
    fs::remove_all(partial, ec);
    return s;
  }
  return report;
}

}  // namespace

Result<ExportReport> export_graph(const Graph& g, ExportFormat format, const std::string& into,
                                  const ExportOptions& options) {
  fs::path target(into);
  if (target.filename().empty()) target = target.parent_path();  // "out/" names the folder out
  if (target.empty()) return io_error(into, "no file name");
  if (format == ExportFormat::kNeo4j) return export_folder(g, target, options);
  return export_file(g, format, target, options);
}

}  // namespace kg

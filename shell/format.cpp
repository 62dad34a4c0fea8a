// Implementation of format.h.
#include "format.h"

namespace kg::shell {

const std::vector<FormatInfo>& formats() {
  static const std::vector<FormatInfo> kFormats{
      {Format::kTable, "table", "aligned columns for reading (the default)"},
      {Format::kCsv, "csv", "comma-separated values, RFC 4180 quoting, with a header row"},
      {Format::kTsv, "tsv", "tab-separated values; tabs, newlines and \\ escaped as \\t \\n \\\\"},
      {Format::kJson, "json", "one JSON object per command, on one line"},
      {Format::kDot, "dot", "a Graphviz digraph, for path, paths, neighbours, common and show",
       true},
      {Format::kGraphml, "graphml",
       "GraphML with every property (yEd, Cytoscape, Gephi, NetworkX), for graph answers", true},
      {Format::kGexf, "gexf", "GEXF 1.3 with every property (Gephi), for graph answers", true},
      {Format::kSvg, "svg",
       "a picture drawn by Graphviz's dot, with a legend; cut above 50 nodes, for graph answers",
       true},
  };
  return kFormats;
}

std::optional<Format> parse_format(std::string_view name) {
  for (const FormatInfo& f : formats()) {
    if (f.name == name) return f.format;
  }
  return std::nullopt;
}

std::string_view format_name(Format format) {
  for (const FormatInfo& f : formats()) {
    if (f.format == format) return f.name;
  }
  return "table";
}

bool is_graph_format(Format format) {
  for (const FormatInfo& f : formats()) {
    if (f.format == format) return f.graph;
  }
  return false;
}

}  // namespace kg::shell

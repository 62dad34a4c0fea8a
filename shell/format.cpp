// Implementation of format.h.
#include "format.h"

namespace kg::shell {

const std::vector<FormatInfo>& formats() {
  static const std::vector<FormatInfo> kFormats{
      {Format::kTable, "table", "aligned columns for reading (the default)"},
      {Format::kCsv, "csv", "comma-separated values, RFC 4180 quoting, with a header row"},
      {Format::kTsv, "tsv", "tab-separated values; tabs, newlines and \\ escaped as \\t \\n \\\\"},
      {Format::kJson, "json", "one JSON object per command, on one line"},
      {Format::kDot, "dot", "a Graphviz digraph, for path, paths, neighbours and show"},
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

}  // namespace kg::shell

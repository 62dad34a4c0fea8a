// The output formats as data: one table row per format with its name, summary and whether it
// draws a graph. The parser, .mode, --format, help and completion all read this table.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace kg::shell {

enum class Format { kTable, kCsv, kTsv, kJson, kDot, kGraphml, kGexf, kSvg };

struct FormatInfo {
  Format format;
  std::string_view name;
  std::string_view summary;
  // The format draws a graph (the answer's Drawing), so it works only for graph-shaped answers
  // and a command computes the edges among the nodes it reached.
  bool graph = false;
};

const std::vector<FormatInfo>& formats();
std::optional<Format> parse_format(std::string_view name);
std::string_view format_name(Format format);
// The `graph` column of the format's row.
bool is_graph_format(Format format);

}  // namespace kg::shell

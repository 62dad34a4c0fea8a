// What every export writer needs to know before it writes the first node: the subgraph checked
// against its Graph, and the columns (built-in properties and free attributes, with the type each
// is declared as). Built once per export by make_plan; read-only afterwards.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kg/export.h"
#include "kg/graph.h"
#include "kg/status.h"

namespace kg::detail {

enum class ValueType { kString, kLong };

// A free attribute as a column: its name and the type every value it takes in the subgraph fits.
struct AttributeColumn {
  std::string name;
  ValueType type = ValueType::kString;
};

struct ExportPlan {
  const Graph* graph = nullptr;
  const Subgraph* part = nullptr;
  std::string graph_name;
  std::vector<AttributeColumn> node_attributes;  // in order of first use
  std::vector<AttributeColumn> edge_attributes;
};

// The built-in properties every export writes, in this order, before the free attributes.
// Nodes: key, type, name, aliases (joined with "|"), description. Edges: relation, label,
// inverse, source (a key), locator, note.
inline constexpr std::string_view kNodeProperties[] = {"key", "type", "name", "aliases",
                                                       "description"};
inline constexpr std::string_view kEdgeProperties[] = {"relation", "label",   "inverse",
                                                       "source",   "locator", "note"};

// Checks `part` (endpoints present, no attribute named like a built-in property) and collects
// its attribute columns. A column is kLong when every value is a canonical decimal integer of at
// most 18 digits (no sign but '-', no leading zero), so it reads back as the same text.
Result<ExportPlan> make_plan(const Graph& g, const Subgraph& part, const ExportOptions& options);

// The node's aliases joined with "|", which the dataset format forbids inside one alias.
std::string joined_aliases(const Node& n);

// A GEXF / xsd:date for a date as datasets write it — "2019-06-17", "2019-06" or "2019" — taking
// the first day of a month or year; empty when `text` is none of these.
std::string start_date(std::string_view text);

// Writers build their text in `out` and hand it to `stream` in chunks of about a megabyte, so an
// export of millions of edges never holds the whole document in memory.
inline void flush_chunk(std::string& out, std::ostream& stream) {
  if (out.size() > (1u << 20)) {
    stream << out;
    out.clear();
  }
}

Status write_graphml(const ExportPlan& plan, std::ostream& out, std::size_t& replaced);
Status write_gexf(const ExportPlan& plan, std::ostream& out, std::size_t& replaced);
// Writes the neo4j-admin files and README.md into the existing, empty folder `dir`; appends the
// names written to `files`.
Status write_neo4j(const ExportPlan& plan, const std::string& dir, std::vector<std::string>& files);

}  // namespace kg::detail

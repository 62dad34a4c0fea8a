// Export of a graph, or a part of one, to the formats other tools read: GraphML (Gephi, yEd,
// Cytoscape, NetworkX), GEXF 1.3 (Gephi) and neo4j-admin import CSV (Neo4j). The writers take a
// Subgraph of a Graph, so one answer and the whole graph go through the same code. Formats and
// escaping rules: docs/data-model.md, "Export formats". Pure functions of their arguments; safe to
// call from several threads on one const Graph.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kg/graph.h"
#include "kg/ids.h"
#include "kg/status.h"

namespace kg {

enum class ExportFormat { kGraphml, kGexf, kNeo4j };

// "graphml", "gexf", "neo4j" and back; nullopt for any other name.
std::optional<ExportFormat> parse_export_format(std::string_view name);
std::string_view export_format_name(ExportFormat format);

// The part of a graph to write: distinct nodes, and edges whose endpoints are among them (an
// edge's source Kamerstuk need not be: it is written as its key). Order is kept as given.
struct Subgraph {
  std::vector<NodeId> nodes;
  std::vector<EdgeId> edges;
};

// Every node in key order and every edge in dataset order.
Subgraph whole_graph(const Graph& g);

struct ExportOptions {
  std::string graph_name;  // the graph's id / description in the file; "kamergraaf" when empty
  bool force = false;      // neo4j: replace a non-empty folder at the target
};

// What an export wrote.
struct ExportReport {
  std::size_t nodes = 0;
  std::size_t edges = 0;
  std::vector<std::string> files;  // the files written, relative to the target (neo4j), else one
  // Characters that XML 1.0 cannot hold (control bytes other than tab, newline and carriage
  // return; U+FFFE, U+FFFF; invalid UTF-8), each written as U+FFFD. Always 0 for neo4j.
  std::size_t replaced = 0;
};

// Writes `part` of `g` as a GraphML or GEXF 1.3 document to `out`. Returns the counts (files
// empty). kInvalidArgument when an id is out of range, a node is listed twice, an edge's
// endpoint is not in `part`, or an edge attribute's name
// clashes with an exported edge property (label, inverse). Requires format != kNeo4j (a folder of
// files, not one stream): kInvalidArgument otherwise.
Result<ExportReport> write_export(const Graph& g, const Subgraph& part, ExportFormat format,
                                  std::ostream& out, const ExportOptions& options = {});

// Writes the whole graph to `into`: one file for GraphML and GEXF (an existing file is replaced),
// a folder of CSV files plus README.md for neo4j (a folder that exists and is not empty is
// refused unless options.force). All or nothing: the output is built beside the target and
// renamed into place. Errors: kIo naming the path when it cannot be written or is refused,
// kInvalidArgument as write_export, and for names that neo4j-admin cannot tell apart.
Result<ExportReport> export_graph(const Graph& g, ExportFormat format, const std::string& into,
                                  const ExportOptions& options = {});

}  // namespace kg

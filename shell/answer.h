// The results of shell commands as data, before any format is chosen. Each Answer can lay itself
// out as a table (table, csv, tsv), as one JSON object (DESIGN.md §6 fixes the fields), and — if
// it is graph-shaped — as a Drawing (DOT, GraphML, GEXF, SVG). Renderers pick one by format.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "kg/algorithms.h"
#include "kg/graph.h"

namespace kg::shell {

using Json = nlohmann::ordered_json;

// How answers are shown: the graph they refer to and display settings.
struct View {
  const Graph& graph;
  bool sources = false;  // show provenance (--why, .sources on)
  // The terminal's width when text layouts should wrap their long lines to it (a --why citation
  // under its hop); 0: lines stay whole.
  std::size_t width = 0;
};

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

// The parts of a drawing (dot, graphml, gexf, svg): nodes (with an optional emphasis) and
// edges, deduplicated, every edge's endpoints among the nodes. One entry per node (or empty):
// `depth` and `via` say how far each node is from what was asked and through which node it was
// reached (kNoNode for none), so a picture too large to read keeps the nearest (picture.h);
// `column` is where a picture puts it from left to right (a path's position, a ring's depth).
struct Drawing {
  std::vector<NodeId> nodes;
  std::vector<NodeId> emphasised;
  std::vector<EdgeId> edges;
  std::vector<int> depth;
  std::vector<NodeId> via;
  std::vector<int> column;
};

class Answer {
 public:
  virtual ~Answer() = default;
  // Rows and columns for table, csv and tsv.
  virtual Table table(const View& view) const = 0;
  // One JSON object (printed on one line).
  virtual Json json(const View& view) const = 0;
  // A human layout that reads better than a grid in table mode (paths, node cards).
  virtual std::optional<std::string> text(const View&) const { return std::nullopt; }
  // Graph-shaped answers return what to draw; others nullopt.
  virtual std::optional<Drawing> drawing(const View&) const { return std::nullopt; }
  // Messages (help, settings) are printed as text in every format.
  virtual bool is_message() const { return false; }
  // Why the answer is incomplete (work limit, row limit); empty when complete. Printed on stderr
  // as "truncated: …" whatever the format.
  std::vector<std::string> truncations;
  // What the reader must know to read the answer right (an estimate, a guess); printed on
  // stderr as "note: …" whatever the format.
  std::vector<std::string> notes;
};

// Plain text (help, settings); printed as is in every format.
class MessageAnswer : public Answer {
 public:
  explicit MessageAnswer(std::string text) : text_(std::move(text)) {}
  Table table(const View&) const override { return {{"message"}, {{text_}}}; }
  Json json(const View&) const override { return {{"message", text_}}; }
  std::optional<std::string> text(const View&) const override { return text_; }
  bool is_message() const override { return true; }
  const std::string& message() const { return text_; }

 private:
  std::string text_;
};

class PathsAnswer : public Answer {
 public:
  // `scores`: show each path's DWPC (paths --rank specific).
  PathsAnswer(NodeId from, NodeId to, std::vector<Path> paths, bool scores = false)
      : from_(from), to_(to), paths_(std::move(paths)), scores_(scores) {}
  Table table(const View& view) const override;
  Json json(const View& view) const override;
  std::optional<std::string> text(const View& view) const override;
  std::optional<Drawing> drawing(const View& view) const override;

 private:
  NodeId from_, to_;
  std::vector<Path> paths_;
  bool scores_;
};

class NeighbourhoodAnswer : public Answer {
 public:
  // `edges` are the edges among the reached nodes that JSON and DOT show (kg::edges_among);
  // the handler computes them only for those formats.
  NeighbourhoodAnswer(Neighbourhood n, std::vector<EdgeId> edges)
      : n_(std::move(n)), edges_(std::move(edges)) {}
  Table table(const View& view) const override;
  Json json(const View& view) const override;
  std::optional<Drawing> drawing(const View& view) const override;

 private:
  Neighbourhood n_;
  std::vector<EdgeId> edges_;
};

// The node card of `show`: the node and every edge at it, grouped by relation and direction.
class CardAnswer : public Answer {
 public:
  CardAnswer(NodeId node, std::vector<EdgeId> edges) : node_(node), edges_(std::move(edges)) {}
  Table table(const View& view) const override;
  Json json(const View& view) const override;
  std::optional<std::string> text(const View& view) const override;
  std::optional<Drawing> drawing(const View& view) const override;

 private:
  NodeId node_;
  std::vector<EdgeId> edges_;  // out-edges and in-edges of node_
};

// A list of nodes (find, common, cites, cited-by, rank); rank adds scores.
class NodesAnswer : public Answer {
 public:
  explicit NodesAnswer(std::vector<NodeId> nodes, std::vector<double> scores = {},
                       std::string score_name = {})
      : nodes_(std::move(nodes)), scores_(std::move(scores)), score_name_(std::move(score_name)) {}
  Table table(const View& view) const override;
  Json json(const View& view) const override;

 private:
  std::vector<NodeId> nodes_;
  std::vector<double> scores_;  // empty, or one per node
  std::string score_name_;
};

// The nodes next to all of several (common): per common neighbour, for each node asked about,
// the step that connects them, so the answer says by which relation and on which source.
class CommonAnswer : public Answer {
 public:
  CommonAnswer(std::vector<NodeId> asked, std::vector<CommonNeighbour> found)
      : asked_(std::move(asked)), found_(std::move(found)) {}
  Table table(const View& view) const override;
  Json json(const View& view) const override;
  // The nodes asked about, the common neighbours and the edges of their steps.
  std::optional<Drawing> drawing(const View& view) const override;

 private:
  std::vector<NodeId> asked_;
  std::vector<CommonNeighbour> found_;  // steps[i] from asked_[i]
};

// The papers a Kamerstuk cites or is cited by (cites, cited-by): one row per paper, with its
// title and every locator the citation stands at.
class CitationsAnswer : public Answer {
 public:
  // `edges`: the cites edges (kg::citation_edges), grouped by the other paper; `outgoing`: the
  // other paper is the edge's target (cites) rather than its source (cited-by).
  CitationsAnswer(std::vector<EdgeId> edges, bool outgoing)
      : edges_(std::move(edges)), outgoing_(outgoing) {}
  Table table(const View& view) const override;
  Json json(const View& view) const override;

 private:
  struct Cited {
    NodeId node;
    std::vector<std::string> locators;
  };
  std::vector<Cited> grouped(const Graph& g) const;
  std::vector<EdgeId> edges_;
  bool outgoing_;
};

// A list of edges with provenance (sources).
class EdgesAnswer : public Answer {
 public:
  explicit EdgesAnswer(std::vector<EdgeId> edges) : edges_(std::move(edges)) {}
  Table table(const View& view) const override;
  Json json(const View& view) const override;

 private:
  std::vector<EdgeId> edges_;
};

class ComponentsAnswer : public Answer {
 public:
  ComponentsAnswer(std::vector<std::vector<NodeId>> components, std::size_t total)
      : components_(std::move(components)), total_(total) {}
  Table table(const View& view) const override;
  Json json(const View& view) const override;

 private:
  std::vector<std::vector<NodeId>> components_;
  std::size_t total_;  // components before --top
};

// Key-value facts (stats): values are numbers or strings, in order.
class StatsAnswer : public Answer {
 public:
  explicit StatsAnswer(Json facts) : facts_(std::move(facts)) {}
  Table table(const View& view) const override;
  Json json(const View& view) const override;

 private:
  Json facts_;
};

// Every type of the graph with its node count (kg::type_counts).
class TypesAnswer : public Answer {
 public:
  explicit TypesAnswer(std::vector<std::size_t> counts) : counts_(std::move(counts)) {}
  Table table(const View& view) const override;
  Json json(const View& view) const override;

 private:
  std::vector<std::size_t> counts_;  // by TypeId
};

// Every relation of the graph with its edge count (kg::relation_counts).
class RelationsAnswer : public Answer {
 public:
  explicit RelationsAnswer(std::vector<std::size_t> counts) : counts_(std::move(counts)) {}
  Table table(const View& view) const override;
  Json json(const View& view) const override;

 private:
  std::vector<std::size_t> counts_;  // by RelationId
};

// Shared pieces, also used by renderers and tests.
Json node_json(const Graph& g, NodeId id);
Json edge_json(const Graph& g, EdgeId id);
// "Kamerstuk 33 694, nr. 57, § Militaire dreigingen, vn. 15": the source's name and the locator.
std::string citation(const Graph& g, EdgeId id);
// "Rusland —schendt→ INF-verdrag ←is partij bij— Verenigde Staten".
std::string chain(const Graph& g, const Path& p);
// `line` broken at spaces into lines of at most `width` display columns (a word longer than that
// stands alone), every line after the first indented by `indent` spaces; each ends in '\n'.
// Width 0 leaves the line whole.
std::string wrap_indented(std::string_view line, std::size_t width, std::size_t indent);
// A hop read in the direction travelled: "INF-verdrag heeft als partij Verenigde Staten".
std::string reading(const Graph& g, NodeId from, const Step& step, NodeId to);

}  // namespace kg::shell

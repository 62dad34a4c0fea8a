// Implementation of answer.h: the table, JSON, text and drawing layouts of every answer.
#include "answer.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "kg/text.h"

namespace kg::shell {
namespace {

template <typename Items>
std::string join(const Items& items, std::string_view sep) {
  std::string out;
  for (std::string_view item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

// A table row from cells of any text type: a std::string converts to a view implicitly, a view
// does not convert back.
std::vector<std::string> row(std::initializer_list<std::string_view> cells) {
  return {cells.begin(), cells.end()};
}

// Scores as a reader takes them in: whole numbers whole, others to six significant digits, and
// never in exponent notation (a betweenness of 1.18918e+07 reads as 11891800, a PageRank of
// 2.3e-05 as 0.000023).
std::string score_text(double score) {
  if (score == static_cast<double>(static_cast<long long>(score)) && score < 1e15) {
    return fmt::format("{}", static_cast<long long>(score));
  }
  const double magnitude = score < 0 ? -score : score;
  if (magnitude >= 1e6) return fmt::format("{:.0f}", score);
  if (magnitude < 1e-4) return fmt::format("{:.6f}", score);
  return fmt::format("{:.6g}", score);
}

// A DWPC is a product of reciprocal square roots, far below 1: four significant digits in
// plain or scientific notation, whichever is shorter ("0.01581", "2.5e-05").
std::string dwpc_text(double score) {
  return fmt::format("{:.4g}", score);
}

// Adds `n` to the drawing once, in `column` (the first one it is met in); a node met again
// nearer (on another path) takes the nearer depth.
void add_node(Drawing& d, NodeId n, int depth, NodeId via, int column) {
  const auto it = std::find(d.nodes.begin(), d.nodes.end(), n);
  if (it == d.nodes.end()) {
    d.nodes.push_back(n);
    d.depth.push_back(depth);
    d.via.push_back(via);
    d.column.push_back(column);
    return;
  }
  const auto i = static_cast<std::size_t>(it - d.nodes.begin());
  if (depth < d.depth[i]) {
    d.depth[i] = depth;
    d.via[i] = via;
  }
}

void add_edge(Drawing& d, EdgeId e) {
  if (std::find(d.edges.begin(), d.edges.end(), e) == d.edges.end()) d.edges.push_back(e);
}

// The table cells that say how a step connects: its reading in the direction walked, the paper
// that states it, and with provenance on, where in that paper.
void add_step_cells(std::vector<std::string>& cells, const Graph& g, const Step& step,
                    bool sources) {
  const Relation& rel = g.relation_of(step.edge);
  const Edge e = g.edge(step.edge);
  cells.push_back(step.forward ? rel.label : rel.inverse);
  cells.emplace_back(g.node(e.source).key);
  if (sources) cells.emplace_back(e.locator);
}

// The edge's other end seen from `at`, and whether it leaves `at`.
std::pair<NodeId, bool> other_end(const Graph& g, EdgeId e, NodeId at) {
  const Edge edge = g.edge(e);
  return edge.from == at ? std::pair{edge.to, true} : std::pair{edge.from, false};
}

}  // namespace

Json node_json(const Graph& g, NodeId id) {
  const Node n = g.node(id);
  return Json{{"key", n.key},
              {"type", g.type_of(id).name},
              {"name", n.name},
              {"aliases", n.aliases.to_strings()}};
}

Json edge_json(const Graph& g, EdgeId id) {
  const Edge e = g.edge(id);
  Json j{{"from", g.node(e.from).key}, {"relation", g.relation_of(id).name},
         {"to", g.node(e.to).key},     {"source", g.node(e.source).key},
         {"locator", e.locator},       {"note", e.note}};
  if (!e.attributes.empty()) {
    Json attrs = Json::object();
    for (const AttributeView a : e.attributes) attrs[std::string(a.name)] = a.value;
    j["attributes"] = std::move(attrs);
  }
  return j;
}

std::string citation(const Graph& g, EdgeId id) {
  const Edge e = g.edge(id);
  return fmt::format("{}, {}", g.node(e.source).name, e.locator);
}

std::string chain(const Graph& g, const Path& p) {
  std::string out(g.node(p.nodes.front()).name);
  for (std::size_t i = 0; i < p.steps.size(); ++i) {
    const Relation& r = g.relation_of(p.steps[i].edge);
    out += p.steps[i].forward ? " —" + r.label + "→ " : " ←" + r.label + "— ";
    out += g.node(p.nodes[i + 1]).name;
  }
  return out;
}

std::string wrap_indented(std::string_view line, std::size_t width, std::size_t indent) {
  if (width == 0 || display_width(line) <= width) return std::string(line) + "\n";
  // The first line keeps its own leading spaces; the words after it are placed greedily.
  const std::size_t lead = line.find_first_not_of(' ');
  std::string out(line.substr(0, lead == std::string_view::npos ? line.size() : lead));
  std::size_t used = display_width(out);
  const std::string margin(indent, ' ');
  bool line_empty = true;
  std::size_t at = lead == std::string_view::npos ? line.size() : lead;
  while (at < line.size()) {
    const std::size_t end = std::min(line.find(' ', at), line.size());
    const std::string_view word = line.substr(at, end - at);
    const std::size_t w = display_width(word);
    if (!line_empty && used + 1 + w > width) {
      out += "\n" + margin;
      used = indent;
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++used;
    }
    out += word;
    used += w;
    line_empty = false;
    at = line.find_first_not_of(' ', end);
    if (at == std::string_view::npos) break;
  }
  return out + "\n";
}

std::string reading(const Graph& g, NodeId from, const Step& step, NodeId to) {
  const Relation& r = g.relation_of(step.edge);
  return fmt::format("{} {} {}", g.node(from).name, step.forward ? r.label : r.inverse,
                     g.node(to).name);
}

// ---- paths ----

Table PathsAnswer::table(const View& view) const {
  const Graph& g = view.graph;
  Table t{{"path", "hop", "from", "relation", "reading", "to", "source", "locator"}, {}};
  if (scores_) t.columns.push_back("dwpc");
  for (std::size_t p = 0; p < paths_.size(); ++p) {
    const Path& path = paths_[p];
    for (std::size_t i = 0; i < path.steps.size(); ++i) {
      const Step& s = path.steps[i];
      const Relation& r = g.relation_of(s.edge);
      t.rows.push_back(row({std::to_string(p + 1), std::to_string(i + 1), g.node(path.nodes[i]).key,
                            r.name, s.forward ? r.label : r.inverse, g.node(path.nodes[i + 1]).key,
                            g.node(g.edge(s.edge).source).key, g.edge(s.edge).locator}));
      if (scores_) t.rows.back().push_back(dwpc_text(path.dwpc));
    }
  }
  return t;
}

Json PathsAnswer::json(const View& view) const {
  const Graph& g = view.graph;
  Json paths = Json::array();
  for (const Path& p : paths_) {
    Json nodes = Json::array();
    for (NodeId n : p.nodes) nodes.push_back(node_json(g, n));
    Json edges = Json::array();
    for (const Step& s : p.steps) {
      Json e = edge_json(g, s.edge);
      e["direction"] = s.forward ? "forward" : "backward";
      edges.push_back(std::move(e));
    }
    Json hubs = Json::array();
    for (const HubPass& h : p.hubs) {
      Json hub = node_json(g, h.node);
      hub["degree"] = h.degree;
      hubs.push_back(std::move(hub));
    }
    Json path{{"length", p.length()},
              {"nodes", std::move(nodes)},
              {"edges", std::move(edges)},
              {"hubs", std::move(hubs)}};
    if (scores_) path["dwpc"] = p.dwpc;
    paths.push_back(std::move(path));
  }
  return Json{{"paths", std::move(paths)}};
}

std::optional<std::string> PathsAnswer::text(const View& view) const {
  const Graph& g = view.graph;
  if (paths_.empty()) {
    return fmt::format("no path from {} to {}\n", g.node(from_).name, g.node(to_).name);
  }
  std::string out;
  for (std::size_t p = 0; p < paths_.size(); ++p) {
    const Path& path = paths_[p];
    if (paths_.size() > 1) out += fmt::format("{}. ", p + 1);
    out += chain(g, path) +
           fmt::format("  ({} {}{})\n", path.length(), path.length() == 1 ? "hop" : "hops",
                       scores_ ? fmt::format(", dwpc {}", dwpc_text(path.dwpc)) : "");
    // A hub makes a path true but uninformative, so the answer says so under the path.
    for (const HubPass& h : path.hubs) {
      out += fmt::format("    via hub: {} (degree {})\n", g.node(h.node).name, h.degree);
    }
    if (!view.sources) continue;
    // A citation too long for the screen continues indented under its hop, so the hops still
    // stand out at the left edge.
    for (std::size_t i = 0; i < path.steps.size(); ++i) {
      out += wrap_indented("    " + reading(g, path.nodes[i], path.steps[i], path.nodes[i + 1]) +
                               "  [" + citation(g, path.steps[i].edge) + "]",
                           view.width, 8);
    }
  }
  return out;
}

std::optional<Drawing> PathsAnswer::drawing(const View&) const {
  Drawing d;
  d.emphasised = {from_, to_};
  // A node's depth is its distance along the path to the nearer end, reached from that side.
  for (const Path& p : paths_) {
    if (p.nodes.empty()) continue;
    const std::size_t last = p.nodes.size() - 1;
    for (std::size_t i = 0; i <= last; ++i) {
      const bool from_start = i <= last - i;
      const std::size_t depth = from_start ? i : last - i;
      const NodeId via = depth == 0 ? kNoNode : p.nodes[from_start ? i - 1 : i + 1];
      add_node(d, p.nodes[i], static_cast<int>(depth), via, static_cast<int>(i));
    }
    for (const Step& s : p.steps) add_edge(d, s.edge);
  }
  if (d.nodes.empty()) {
    add_node(d, from_, 0, kNoNode, 0);
    add_node(d, to_, 0, kNoNode, 1);
  }
  return d;
}

// ---- neighbourhood ----

Table NeighbourhoodAnswer::table(const View& view) const {
  const Graph& g = view.graph;
  std::vector<Reached> rows = n_.nodes;
  // Grouped by depth, then type (in types.csv order), then name.
  std::stable_sort(rows.begin(), rows.end(), [&](const Reached& a, const Reached& b) {
    const auto ta = g.node(a.node).type;
    const auto tb = g.node(b.node).type;
    if (a.depth != b.depth) return a.depth < b.depth;
    if (ta != tb) return ta < tb;
    return fold(g.node(a.node).name) < fold(g.node(b.node).name);
  });
  // How each node was first reached: from `via` by the edge of `relation`, read in the
  // direction walked, resting on `source` (and, with --why, its locator). Empty for the center.
  Table t{{"depth", "type", "name", "key", "via", "relation", "reading", "source"}, {}};
  if (view.sources) t.columns.push_back("locator");
  for (const Reached& r : rows) {
    std::vector<std::string> cells = row(
        {std::to_string(r.depth), g.type_of(r.node).name, g.node(r.node).name, g.node(r.node).key});
    if (r.parent == kNoNode) {
      cells.resize(t.columns.size());
    } else {
      cells.emplace_back(g.node(r.parent).key);
      cells.push_back(g.relation_of(r.step.edge).name);
      add_step_cells(cells, g, r.step, view.sources);
    }
    t.rows.push_back(std::move(cells));
  }
  return t;
}

Json NeighbourhoodAnswer::json(const View& view) const {
  const Graph& g = view.graph;
  Json nodes = Json::array();
  for (const Reached& r : n_.nodes) {
    Json n = node_json(g, r.node);
    n["depth"] = r.depth;
    if (r.parent == kNoNode) {
      for (const char* field : {"via", "relation", "direction", "source", "locator"})
        n[field] = nullptr;
    } else {
      const Edge e = g.edge(r.step.edge);
      n["via"] = g.node(r.parent).key;
      n["relation"] = g.relation_of(r.step.edge).name;
      n["direction"] = r.step.forward ? "forward" : "backward";
      n["source"] = g.node(e.source).key;
      n["locator"] = e.locator;
    }
    nodes.push_back(std::move(n));
  }
  Json edges = Json::array();
  for (EdgeId e : edges_) edges.push_back(edge_json(g, e));
  return Json{{"center", node_json(g, n_.center)},
              {"nodes", std::move(nodes)},
              {"edges", std::move(edges)}};
}

std::optional<Drawing> NeighbourhoodAnswer::drawing(const View&) const {
  Drawing d;
  d.emphasised = {n_.center};
  for (const Reached& r : n_.nodes) add_node(d, r.node, r.depth, r.parent, r.depth);
  d.edges = edges_;
  return d;
}

// ---- node card ----

namespace {

// Edges of a card in display order: by relation (relations.csv order), outgoing before
// incoming, then by the other end's name.
std::vector<EdgeId> card_order(const Graph& g, NodeId node, std::vector<EdgeId> edges) {
  std::stable_sort(edges.begin(), edges.end(), [&](EdgeId a, EdgeId b) {
    const auto [oa, fa] = other_end(g, a, node);
    const auto [ob, fb] = other_end(g, b, node);
    const auto ra = g.edge(a).relation;
    const auto rb = g.edge(b).relation;
    if (ra != rb) return ra < rb;
    if (fa != fb) return fa;
    return fold(g.node(oa).name) < fold(g.node(ob).name);
  });
  return edges;
}

}  // namespace

Table CardAnswer::table(const View& view) const {
  const Graph& g = view.graph;
  Table t{{"relation", "direction", "reading", "key", "name", "type", "source", "locator"}, {}};
  for (EdgeId e : card_order(g, node_, edges_)) {
    const auto [other, out] = other_end(g, e, node_);
    const Relation& r = g.relation_of(e);
    t.rows.push_back(row({r.name, out ? "out" : "in", out ? r.label : r.inverse, g.node(other).key,
                          g.node(other).name, g.type_of(other).name, g.node(g.edge(e).source).key,
                          g.edge(e).locator}));
  }
  return t;
}

Json CardAnswer::json(const View& view) const {
  const Graph& g = view.graph;
  const Node n = g.node(node_);
  Json node = node_json(g, node_);
  node["description"] = n.description;
  Json attrs = Json::object();
  for (const AttributeView a : n.attributes) attrs[std::string(a.name)] = a.value;
  node["attributes"] = std::move(attrs);
  Json edges = Json::array();
  for (EdgeId e : card_order(g, node_, edges_)) edges.push_back(edge_json(g, e));
  return Json{{"node", std::move(node)}, {"edges", std::move(edges)}};
}

std::optional<std::string> CardAnswer::text(const View& view) const {
  const Graph& g = view.graph;
  const Node n = g.node(node_);
  std::string out = fmt::format("{} ({}) — {}\n", n.name, n.key, g.type_of(node_).name);
  if (!n.aliases.empty()) out += fmt::format("  also: {}\n", join(n.aliases, ", "));
  if (!n.description.empty()) out += fmt::format("  {}\n", n.description);
  for (const AttributeView a : n.attributes) out += fmt::format("  {}: {}\n", a.name, a.value);
  if (edges_.empty()) return out + "  (no edges)\n";
  std::string heading;
  for (EdgeId e : card_order(g, node_, edges_)) {
    const auto [other, outgoing] = other_end(g, e, node_);
    const Relation& r = g.relation_of(e);
    const std::string h = outgoing ? r.label : r.inverse;
    if (h != heading) {
      out += "\n" + h + ":\n";
      heading = h;
    }
    out += fmt::format("  {} ({})  [{}]\n", g.node(other).name, g.node(other).key, citation(g, e));
    if (view.sources && !g.edge(e).note.empty()) out += fmt::format("      {}\n", g.edge(e).note);
  }
  return out;
}

std::optional<Drawing> CardAnswer::drawing(const View& view) const {
  Drawing d;
  add_node(d, node_, 0, kNoNode, 0);
  d.emphasised = {node_};
  for (EdgeId e : card_order(view.graph, node_, edges_)) {
    add_node(d, other_end(view.graph, e, node_).first, 1, node_, 1);
    d.edges.push_back(e);
  }
  return d;
}

// ---- lists ----

Table NodesAnswer::table(const View& view) const {
  const Graph& g = view.graph;
  Table t{{"key", "name", "type"}, {}};
  if (!scores_.empty()) t.columns.push_back(score_name_.empty() ? "score" : score_name_);
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    std::vector<std::string> cells =
        row({g.node(nodes_[i]).key, g.node(nodes_[i]).name, g.type_of(nodes_[i]).name});
    if (!scores_.empty()) cells.push_back(score_text(scores_[i]));
    t.rows.push_back(std::move(cells));
  }
  return t;
}

Json NodesAnswer::json(const View& view) const {
  Json nodes = Json::array();
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    Json n = node_json(view.graph, nodes_[i]);
    if (!scores_.empty()) n["score"] = scores_[i];
    nodes.push_back(std::move(n));
  }
  return Json{{"nodes", std::move(nodes)}};
}

Table CommonAnswer::table(const View& view) const {
  const Graph& g = view.graph;
  // Per node asked about, how it reaches each common neighbour: the label read from it
  // ("via rusland": "is partij bij") and the source; --why adds the locator.
  Table t{{"key", "name", "type"}, {}};
  for (NodeId a : asked_) {
    const std::string key(g.node(a).key);
    t.columns.push_back("via " + key);
    t.columns.push_back("source " + key);
    if (view.sources) t.columns.push_back("locator " + key);
  }
  for (const CommonNeighbour& c : found_) {
    std::vector<std::string> cells =
        row({g.node(c.node).key, g.node(c.node).name, g.type_of(c.node).name});
    for (const Step& st : c.steps) add_step_cells(cells, g, st, view.sources);
    t.rows.push_back(std::move(cells));
  }
  return t;
}

Json CommonAnswer::json(const View& view) const {
  const Graph& g = view.graph;
  Json nodes = Json::array();
  for (const CommonNeighbour& c : found_) {
    Json n = node_json(g, c.node);
    Json via = Json::array();
    for (std::size_t i = 0; i < c.steps.size() && i < asked_.size(); ++i) {
      const Edge e = g.edge(c.steps[i].edge);
      via.push_back(Json{{"node", g.node(asked_[i]).key},
                         {"relation", g.relation_of(c.steps[i].edge).name},
                         {"direction", c.steps[i].forward ? "forward" : "backward"},
                         {"source", g.node(e.source).key},
                         {"locator", e.locator}});
    }
    n["via"] = std::move(via);
    nodes.push_back(std::move(n));
  }
  return Json{{"nodes", std::move(nodes)}};
}

std::optional<Drawing> CommonAnswer::drawing(const View&) const {
  Drawing d;
  d.emphasised = asked_;
  for (NodeId a : asked_) add_node(d, a, 0, kNoNode, 0);
  for (const CommonNeighbour& c : found_) {
    add_node(d, c.node, 1, kNoNode, 1);
    for (const Step& st : c.steps) add_edge(d, st.edge);
  }
  return d;
}

std::vector<CitationsAnswer::Cited> CitationsAnswer::grouped(const Graph& g) const {
  std::vector<Cited> out;
  for (EdgeId e : edges_) {
    const Edge edge = g.edge(e);
    const NodeId other = outgoing_ ? edge.to : edge.from;
    if (out.empty() || out.back().node != other) out.push_back({other, {}});
    out.back().locators.emplace_back(edge.locator);
  }
  return out;
}

Table CitationsAnswer::table(const View& view) const {
  const Graph& g = view.graph;
  // The citation's locator is in the citing paper: where this paper is cited (cites), or where
  // the citing paper cites it (cited-by).
  Table t{{"key", "name", "title", outgoing_ ? "cited at" : "cites it at"}, {}};
  for (const Cited& c : grouped(g)) {
    const Node n = g.node(c.node);
    t.rows.push_back(row({n.key, n.name, n.attributes.value("title"), join(c.locators, "; ")}));
  }
  return t;
}

Json CitationsAnswer::json(const View& view) const {
  const Graph& g = view.graph;
  Json nodes = Json::array();
  for (const Cited& c : grouped(g)) {
    Json n = node_json(g, c.node);
    n["title"] = g.node(c.node).attributes.value("title");
    n["locators"] = c.locators;
    nodes.push_back(std::move(n));
  }
  return Json{{"nodes", std::move(nodes)}};
}

Table EdgesAnswer::table(const View& view) const {
  const Graph& g = view.graph;
  Table t{{"from", "relation", "to", "source", "locator", "note"}, {}};
  for (EdgeId e : edges_) {
    const Edge edge = g.edge(e);
    t.rows.push_back(row({g.node(edge.from).key, g.relation_of(e).name, g.node(edge.to).key,
                          g.node(edge.source).key, edge.locator, edge.note}));
  }
  return t;
}

Json EdgesAnswer::json(const View& view) const {
  Json edges = Json::array();
  for (EdgeId e : edges_) edges.push_back(edge_json(view.graph, e));
  return Json{{"edges", std::move(edges)}};
}

Table ComponentsAnswer::table(const View& view) const {
  const Graph& g = view.graph;
  Table t{{"component", "size", "members"}, {}};
  for (std::size_t i = 0; i < components_.size(); ++i) {
    std::vector<std::string_view> names;
    for (NodeId n : components_[i]) names.push_back(g.node(n).name);
    t.rows.push_back(
        {std::to_string(i + 1), std::to_string(components_[i].size()), join(names, ", ")});
  }
  return t;
}

Json ComponentsAnswer::json(const View& view) const {
  Json comps = Json::array();
  for (const auto& c : components_) {
    Json nodes = Json::array();
    for (NodeId n : c) nodes.push_back(node_json(view.graph, n));
    comps.push_back(Json{{"size", c.size()}, {"nodes", std::move(nodes)}});
  }
  return Json{{"components", std::move(comps)}, {"total", total_}};
}

Table StatsAnswer::table(const View&) const {
  Table t{{"statistic", "value"}, {}};
  for (const auto& [k, v] : facts_.items()) {
    t.rows.push_back({k, v.is_string() ? v.get<std::string>() : v.dump()});
  }
  return t;
}

Json StatsAnswer::json(const View&) const {
  return facts_;
}

namespace {

std::vector<std::string> type_names(const Graph& g, const std::vector<TypeId>& ids) {
  std::vector<std::string> out;
  for (TypeId t : ids) out.push_back(g.types()[t].name);
  return out;
}

}  // namespace

Table TypesAnswer::table(const View& view) const {
  const Graph& g = view.graph;
  const auto& counts = counts_;
  Table t{{"name", "count", "description"}, {}};
  for (std::size_t i = 0; i < g.types().size(); ++i) {
    t.rows.push_back({g.types()[i].name, std::to_string(counts[i]), g.types()[i].description});
  }
  return t;
}

Json TypesAnswer::json(const View& view) const {
  const Graph& g = view.graph;
  const auto& counts = counts_;
  Json types = Json::array();
  for (std::size_t i = 0; i < g.types().size(); ++i) {
    types.push_back(Json{{"name", g.types()[i].name},
                         {"count", counts[i]},
                         {"description", g.types()[i].description}});
  }
  return Json{{"types", std::move(types)}};
}

Table RelationsAnswer::table(const View& view) const {
  const Graph& g = view.graph;
  const auto& counts = counts_;
  Table t{{"name", "label", "inverse", "from", "to", "count", "description"}, {}};
  for (std::size_t i = 0; i < g.relations().size(); ++i) {
    const Relation& r = g.relations()[i];
    t.rows.push_back({r.name, r.label, r.inverse, join(type_names(g, r.from_types), "|"),
                      join(type_names(g, r.to_types), "|"), std::to_string(counts[i]),
                      r.description});
  }
  return t;
}

Json RelationsAnswer::json(const View& view) const {
  const Graph& g = view.graph;
  const auto& counts = counts_;
  Json rels = Json::array();
  for (std::size_t i = 0; i < g.relations().size(); ++i) {
    const Relation& r = g.relations()[i];
    rels.push_back(Json{{"name", r.name},
                        {"label", r.label},
                        {"inverse", r.inverse},
                        {"from", type_names(g, r.from_types)},
                        {"to", type_names(g, r.to_types)},
                        {"count", counts[i]},
                        {"description", r.description}});
  }
  return Json{{"relations", std::move(rels)}};
}

}  // namespace kg::shell

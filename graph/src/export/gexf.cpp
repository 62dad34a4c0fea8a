// The GEXF 1.3 writer (Gephi): declared attributes by class, node label = name, edge label =
// the relation's forward label and kind = its name, and `start` dates where the graph has them
// (a node's `date` attribute, an edge's `since`). Text goes through XmlEscaper. Stateless.
#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "export/plan.h"
#include "export/xml.h"

namespace kg::detail {
namespace {

void declare(std::string& out, XmlEscaper& xml, std::size_t id, std::string_view title,
             ValueType type) {
  out += fmt::format(R"(      <attribute id="{}" title=")", id);
  xml.append(out, title);
  out += fmt::format(R"(" type="{}"/>)", type == ValueType::kLong ? "long" : "string");
  out += '\n';
}

void value(std::string& out, XmlEscaper& xml, std::size_t id, std::string_view text) {
  if (text.empty()) return;
  out += fmt::format(R"(          <attvalue for="{}" value=")", id);
  xml.append(out, text);
  out += "\"/>\n";
}

bool has_dates(const ExportPlan& plan) {
  const Graph& g = *plan.graph;
  for (NodeId id : plan.part->nodes) {
    if (!start_date(g.node(id).attributes.value("date")).empty()) return true;
  }
  for (EdgeId id : plan.part->edges) {
    if (!start_date(g.edge(id).attributes.value("since")).empty()) return true;
  }
  return false;
}

}  // namespace

Status write_gexf(const ExportPlan& plan, std::ostream& stream, std::size_t& replaced) {
  const Graph& g = *plan.graph;
  XmlEscaper xml;
  std::string out;
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
      "version=\"1.3\">\n";
  out +=
      fmt::format("  <meta>\n    <creator>kamergraaf {}</creator>\n    <description>", KG_VERSION);
  xml.append(out, plan.graph_name);
  out += "</description>\n  </meta>\n";
  // A graph with dates is dynamic, so that Gephi's timeline can filter by them; elements without
  // a date then exist throughout.
  out += has_dates(plan)
             ? "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n"
             : "  <graph defaultedgetype=\"directed\" mode=\"static\">\n";

  // Attribute ids are numbers because titles may hold any text. The key is the node id and the
  // name its label; both are attributes too, so that a table view shows every property by name.
  out += "    <attributes class=\"node\" mode=\"static\">\n";
  std::size_t id = 0;
  for (std::string_view p : kNodeProperties) declare(out, xml, id++, p, ValueType::kString);
  for (const AttributeColumn& c : plan.node_attributes) declare(out, xml, id++, c.name, c.type);
  out += "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n";
  id = 0;
  for (std::string_view p : kEdgeProperties) declare(out, xml, id++, p, ValueType::kString);
  for (const AttributeColumn& c : plan.edge_attributes) declare(out, xml, id++, c.name, c.type);
  out += "    </attributes>\n    <nodes>\n";

  const std::size_t node_builtins = std::size(kNodeProperties);
  for (NodeId nid : plan.part->nodes) {
    const Node n = g.node(nid);
    out += "      <node id=\"";
    xml.append(out, n.key);
    out += "\" label=\"";
    xml.append(out, n.name);
    out += '"';
    if (std::string start = start_date(n.attributes.value("date")); !start.empty()) {
      out += fmt::format(" start=\"{}\"", start);
    }
    out += ">\n        <attvalues>\n";
    value(out, xml, 0, n.key);
    value(out, xml, 1, g.type_of(nid).name);
    value(out, xml, 2, n.name);
    value(out, xml, 3, joined_aliases(n));
    value(out, xml, 4, n.description);
    for (std::size_t c = 0; c < plan.node_attributes.size(); ++c) {
      value(out, xml, node_builtins + c, n.attributes.value(plan.node_attributes[c].name));
    }
    out += "        </attvalues>\n      </node>\n";
    flush_chunk(out, stream);
  }
  out += "    </nodes>\n    <edges>\n";
  const std::size_t edge_builtins = std::size(kEdgeProperties);
  for (EdgeId eid : plan.part->edges) {
    const Edge e = g.edge(eid);
    const Relation& r = g.relation_of(eid);
    out += fmt::format("      <edge id=\"{}\" source=\"", eid);
    xml.append(out, g.node(e.from).key);
    out += "\" target=\"";
    xml.append(out, g.node(e.to).key);
    out += "\" kind=\"";
    xml.append(out, r.name);
    out += "\" label=\"";
    xml.append(out, r.label);
    out += '"';
    if (std::string start = start_date(e.attributes.value("since")); !start.empty()) {
      out += fmt::format(" start=\"{}\"", start);
    }
    out += ">\n        <attvalues>\n";
    value(out, xml, 0, r.name);
    value(out, xml, 1, r.label);
    value(out, xml, 2, r.inverse);
    value(out, xml, 3, e.source < g.node_count() ? g.node(e.source).key : std::string_view());
    value(out, xml, 4, e.locator);
    value(out, xml, 5, e.note);
    for (std::size_t c = 0; c < plan.edge_attributes.size(); ++c) {
      value(out, xml, edge_builtins + c, e.attributes.value(plan.edge_attributes[c].name));
    }
    out += "        </attvalues>\n      </edge>\n";
    flush_chunk(out, stream);
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  stream << out;
  replaced = xml.replaced();
  return {};
}

}  // namespace kg::detail

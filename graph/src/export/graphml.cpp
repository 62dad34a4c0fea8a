// The GraphML writer: one <key> per property with its attr.name and attr.type, so Gephi, yEd,
// Cytoscape and NetworkX keep every property with its name and type; nodes by key, edges by id.
// Text goes through XmlEscaper. Called through kg/export.h; holds no state between calls.
#include <fmt/format.h>

#include <string>

#include "export/plan.h"
#include "export/xml.h"

namespace kg::detail {
namespace {

// Key ids are generated ("n0", "e3") because attribute names may hold any text; the name a
// reader shows is attr.name.
void declare(std::string& out, XmlEscaper& xml, std::string_view id, const char* domain,
             std::string_view name, ValueType type) {
  out += fmt::format(R"(  <key id="{}" for="{}" attr.name=")", id, domain);
  xml.append(out, name);
  out += fmt::format(R"(" attr.type="{}"/>)", type == ValueType::kLong ? "long" : "string");
  out += '\n';
}

void data(std::string& out, XmlEscaper& xml, std::string_view id, std::string_view value) {
  if (value.empty()) return;  // absent: GraphML readers then report no value, as the graph has none
  out += fmt::format(R"(      <data key="{}">)", id);
  xml.append(out, value);
  out += "</data>\n";
}

}  // namespace

Status write_graphml(const ExportPlan& plan, std::ostream& stream, std::size_t& replaced) {
  const Graph& g = *plan.graph;
  XmlEscaper xml;
  std::string out;
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  std::size_t i = 0;
  for (std::string_view p : kNodeProperties)
    declare(out, xml, fmt::format("n{}", i++), "node", p, ValueType::kString);
  for (const AttributeColumn& c : plan.node_attributes) {
    declare(out, xml, fmt::format("n{}", i++), "node", c.name, c.type);
  }
  i = 0;
  for (std::string_view p : kEdgeProperties)
    declare(out, xml, fmt::format("e{}", i++), "edge", p, ValueType::kString);
  for (const AttributeColumn& c : plan.edge_attributes) {
    declare(out, xml, fmt::format("e{}", i++), "edge", c.name, c.type);
  }
  out += "  <graph id=\"";
  xml.append(out, plan.graph_name);
  out += "\" edgedefault=\"directed\">\n";

  const std::size_t node_builtins = std::size(kNodeProperties);
  for (NodeId id : plan.part->nodes) {
    const Node n = g.node(id);
    out += "    <node id=\"";
    xml.append(out, n.key);
    out += "\">\n";
    data(out, xml, "n0", n.key);
    data(out, xml, "n1", g.type_of(id).name);
    data(out, xml, "n2", n.name);
    data(out, xml, "n3", joined_aliases(n));
    data(out, xml, "n4", n.description);
    for (std::size_t c = 0; c < plan.node_attributes.size(); ++c) {
      data(out, xml, fmt::format("n{}", node_builtins + c),
           n.attributes.value(plan.node_attributes[c].name));
    }
    out += "    </node>\n";
    flush_chunk(out, stream);
  }
  const std::size_t edge_builtins = std::size(kEdgeProperties);
  for (EdgeId id : plan.part->edges) {
    const Edge e = g.edge(id);
    const Relation& r = g.relation_of(id);
    out += fmt::format("    <edge id=\"e{}\" source=\"", id);
    xml.append(out, g.node(e.from).key);
    out += "\" target=\"";
    xml.append(out, g.node(e.to).key);
    out += "\">\n";
    data(out, xml, "e0", r.name);
    data(out, xml, "e1", r.label);
    data(out, xml, "e2", r.inverse);
    data(out, xml, "e3", e.source < g.node_count() ? g.node(e.source).key : std::string_view());
    data(out, xml, "e4", e.locator);
    data(out, xml, "e5", e.note);
    for (std::size_t c = 0; c < plan.edge_attributes.size(); ++c) {
      data(out, xml, fmt::format("e{}", edge_builtins + c),
           e.attributes.value(plan.edge_attributes[c].name));
    }
    out += "    </edge>\n";
    flush_chunk(out, stream);
  }
  out += "  </graph>\n</graphml>\n";
  stream << out;
  replaced = xml.replaced();
  return {};
}

}  // namespace kg::detail

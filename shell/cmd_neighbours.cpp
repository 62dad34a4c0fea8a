// neighbours and common: what lies around one node, or next to several.
#include "handlers.h"
#include "kg/algorithms.h"
#include "session.h"

namespace kg::shell {

AnswerResult cmd_neighbours(Session& s, const Request& r) {
  auto n =
      neighbourhood(s.graph(), r.nodes[0], static_cast<int>(r.number(Field::kDepth)), r.filter);
  if (!n.ok()) return n.status();
  // The edges among the reached nodes cost a pass over their adjacency; only JSON and the graph
  // formats show them.
  std::vector<EdgeId> edges;
  if (s.settings.format == Format::kJson || is_graph_format(s.settings.format))
    edges = edges_among(s.graph(), n->nodes, r.filter);
  std::string truncation = n->truncation.reason;
  auto answer = std::make_unique<NeighbourhoodAnswer>(std::move(n).value(), std::move(edges));
  if (!truncation.empty()) answer->truncations.push_back(truncation);
  return std::unique_ptr<Answer>(std::move(answer));
}

AnswerResult cmd_common(Session& s, const Request& r) {
  auto common = common_neighbours_with_steps(s.graph(), r.nodes, r.filter);
  if (!common.ok()) return common.status();
  return std::unique_ptr<Answer>(
      std::make_unique<CommonAnswer>(r.nodes, std::move(common).value()));
}

}  // namespace kg::shell

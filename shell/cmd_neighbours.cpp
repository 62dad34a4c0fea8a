// neighbours and common: what lies around one node, or next to several.
#include "handlers.h"
#include "kg/algorithms.h"
#include "session.h"

namespace kg::shell {

AnswerResult cmd_neighbours(Session& s, const Invocation& inv) {
  auto center = s.node_arg(inv.args[0], 0);
  if (!center.ok()) return center.status();
  auto depth = parse_count("--depth", inv.value(Flag::kDepth, "1"), 0);
  if (!depth.ok()) return depth.status();
  auto filter = s.filter_from(inv);
  if (!filter.ok()) return filter.status();
  auto n = neighbourhood(s.graph(), *center, static_cast<int>(*depth), *filter);
  if (!n.ok()) return n.status();
  std::string truncation = n->truncation.reason;
  auto answer = std::make_unique<NeighbourhoodAnswer>(std::move(n).value(), *filter);
  if (!truncation.empty()) answer->truncations.push_back(truncation);
  return std::unique_ptr<Answer>(std::move(answer));
}

AnswerResult cmd_common(Session& s, const Invocation& inv) {
  std::vector<NodeId> nodes;
  for (std::size_t i = 0; i < inv.args.size(); ++i) {
    auto id = s.node_arg(inv.args[i], static_cast<int>(i));
    if (!id.ok()) return id.status();
    nodes.push_back(*id);
  }
  auto filter = s.filter_from(inv);
  if (!filter.ok()) return filter.status();
  auto common = common_neighbours(s.graph(), nodes, *filter);
  if (!common.ok()) return common.status();
  return std::unique_ptr<Answer>(std::make_unique<NodesAnswer>(std::move(common).value()));
}

}  // namespace kg::shell

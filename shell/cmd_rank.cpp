// rank and components: whole-graph measures, cut to the top N rows with a notice.
#include <fmt/format.h>

#include "handlers.h"
#include "kg/algorithms.h"
#include "session.h"

namespace kg::shell {

AnswerResult cmd_rank(Session& s, const Request& r) {
  const auto top = static_cast<std::size_t>(r.number(Field::kTop));
  auto ranked = ranking(s.graph(), *r.measure, r.filter);
  if (!ranked.ok()) return ranked.status();
  std::vector<Scored> scored = std::move(ranked->nodes);
  const std::size_t total = scored.size();
  if (scored.size() > top) scored.resize(top);
  std::vector<NodeId> nodes;
  std::vector<double> scores;
  for (const Scored& x : scored) {
    nodes.push_back(x.node);
    scores.push_back(x.score);
  }
  auto answer = std::make_unique<NodesAnswer>(std::move(nodes), std::move(scores), *r.measure_name);
  if (ranked->estimated()) {
    answer->notes.push_back(
        fmt::format("estimated from {} sampled sources", ranked->sampled_sources));
  }
  // Cutting the list to the rows asked for with --top is no truncation; only the default is.
  if (total > scored.size() && !r.given(Field::kTop)) {
    answer->truncations.push_back(
        fmt::format("showing the top {} of {} nodes; --top N shows more", scored.size(), total));
  }
  return std::unique_ptr<Answer>(std::move(answer));
}

AnswerResult cmd_components(Session& s, const Request& r) {
  const auto top = static_cast<std::size_t>(r.number(Field::kTop));
  auto found = connected_components(s.graph(), r.filter);
  if (!found.ok()) return found.status();
  auto parts = std::move(found).value();
  const std::size_t total = parts.size();
  if (parts.size() > top) parts.resize(top);
  auto answer = std::make_unique<ComponentsAnswer>(std::move(parts), total);
  if (total > top && !r.given(Field::kTop)) {
    answer->truncations.push_back(
        fmt::format("showing the {} largest of {} components; --top N shows more", top, total));
  }
  return std::unique_ptr<Answer>(std::move(answer));
}

}  // namespace kg::shell

// rank and components: whole-graph measures, cut to the top N rows with a notice.
#include <fmt/format.h>

#include "handlers.h"
#include "kg/algorithms.h"
#include "session.h"

namespace kg::shell {

AnswerResult cmd_rank(Session& s, const Invocation& inv) {
  const std::string& m = inv.args[0];
  Centrality measure;
  if (m == "degree") {
    measure = Centrality::kDegree;
  } else if (m == "betweenness") {
    measure = Centrality::kBetweenness;
  } else if (m == "pagerank") {
    measure = Centrality::kPageRank;
  } else {
    return Status::error(ErrorKind::kInvalidArgument,
                         "unknown measure '" + m + "' (use degree, betweenness or pagerank)");
  }
  auto top = parse_count("--top", inv.value(Flag::kTop, "10"), 1);
  if (!top.ok()) return top.status();
  auto filter = s.filter_from(inv);
  if (!filter.ok()) return filter.status();
  std::vector<Scored> scored = rank(s.graph(), measure, *filter);
  const std::size_t total = scored.size();
  if (scored.size() > static_cast<std::size_t>(*top)) scored.resize(static_cast<std::size_t>(*top));
  std::vector<NodeId> nodes;
  std::vector<double> scores;
  for (const Scored& x : scored) {
    nodes.push_back(x.node);
    scores.push_back(x.score);
  }
  auto answer = std::make_unique<NodesAnswer>(std::move(nodes), std::move(scores), m);
  if (total > scored.size()) {
    answer->truncations.push_back(
        fmt::format("showing the top {} of {} nodes; --top N shows more", scored.size(), total));
  }
  return std::unique_ptr<Answer>(std::move(answer));
}

AnswerResult cmd_components(Session& s, const Invocation& inv) {
  auto top = parse_count("--top", inv.value(Flag::kTop, "10"), 1);
  if (!top.ok()) return top.status();
  auto filter = s.filter_from(inv);
  if (!filter.ok()) return filter.status();
  auto parts = components(s.graph(), *filter);
  const std::size_t total = parts.size();
  if (parts.size() > static_cast<std::size_t>(*top)) parts.resize(static_cast<std::size_t>(*top));
  auto answer = std::make_unique<ComponentsAnswer>(std::move(parts), total);
  if (total > static_cast<std::size_t>(*top)) {
    answer->truncations.push_back(
        fmt::format("showing the {} largest of {} components; --top N shows more", *top, total));
  }
  return std::unique_ptr<Answer>(std::move(answer));
}

}  // namespace kg::shell

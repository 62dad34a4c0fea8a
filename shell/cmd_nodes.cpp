// show, find, cites, cited-by and sources: questions about single nodes and papers, each one
// query of kg/query.h.
#include <fmt/format.h>

#include "handlers.h"
#include "kg/query.h"
#include "session.h"

namespace kg::shell {

AnswerResult cmd_show(Session& s, const Request& r) {
  return std::unique_ptr<Answer>(
      std::make_unique<CardAnswer>(r.nodes[0], incident_edges(s.graph(), r.nodes[0])));
}

AnswerResult cmd_find(Session& s, const Request& r) {
  const auto top = static_cast<std::size_t>(r.number(Field::kTop));
  auto found = search_text(s.store(), s.graph(), *r.text, r.filter.listed, top);
  if (!found.ok()) return found.status();
  const std::size_t total = found->total;
  auto answer = std::make_unique<NodesAnswer>(std::move(found->nodes));
  if (total > top) {
    answer->truncations.push_back(
        fmt::format("showing the best {} of {} matches; --top N shows more", top, total));
  }
  return std::unique_ptr<Answer>(std::move(answer));
}

AnswerResult cmd_cites(Session& s, const Request& r) {
  auto found = citation_edges(s.graph(), r.nodes[0], Citing::kCites, r.at.value_or(""));
  if (!found.ok()) return found.status();
  return std::unique_ptr<Answer>(std::make_unique<CitationsAnswer>(std::move(found).value(), true));
}

AnswerResult cmd_cited_by(Session& s, const Request& r) {
  auto found = citation_edges(s.graph(), r.nodes[0], Citing::kCitedBy);
  if (!found.ok()) return found.status();
  return std::unique_ptr<Answer>(
      std::make_unique<CitationsAnswer>(std::move(found).value(), false));
}

AnswerResult cmd_sources(Session& s, const Request& r) {
  return std::unique_ptr<Answer>(std::make_unique<EdgesAnswer>(
      sources(s.graph(), s.source_index(), r.nodes[0], r.at.value_or(""))));
}

}  // namespace kg::shell

// path and paths: shortest chains between two nodes.
#include "handlers.h"
#include "kg/algorithms.h"
#include "session.h"

namespace kg::shell {
namespace {

AnswerResult run_paths(Session& s, const Request& r, std::size_t k) {
  const NodeId from = r.nodes[0], to = r.nodes[1];
  auto found = k == 1 ? shortest_path(s.graph(), from, to, r.filter)
                      : k_shortest_paths(s.graph(), from, to, k, r.filter, r.order);
  if (!found.ok()) return found.status();
  auto answer = std::make_unique<PathsAnswer>(from, to, std::move(found->paths),
                                              r.order == PathOrder::kSpecific);
  if (found->truncation.truncated()) answer->truncations.push_back(found->truncation.reason);
  return std::unique_ptr<Answer>(std::move(answer));
}

}  // namespace

AnswerResult cmd_path(Session& s, const Request& r) {
  return run_paths(s, r, 1);
}

AnswerResult cmd_paths(Session& s, const Request& r) {
  return run_paths(s, r, static_cast<std::size_t>(r.number(Field::kK)));
}

}  // namespace kg::shell

// path and paths: shortest chains between two nodes.
#include <fmt/format.h>

#include "handlers.h"
#include "kg/algorithms.h"
#include "session.h"

namespace kg::shell {
namespace {

AnswerResult run_paths(Session& s, const Invocation& inv, std::size_t k) {
  auto from = s.node_arg(inv.args[0], 0);
  if (!from.ok()) return from.status();
  auto to = s.node_arg(inv.args[1], 1);
  if (!to.ok()) return to.status();
  auto filter = s.filter_from(inv);
  if (!filter.ok()) return filter.status();
  auto found = k == 1 ? shortest_path(s.graph(), *from, *to, *filter)
                      : k_shortest_paths(s.graph(), *from, *to, k, *filter);
  if (!found.ok()) return found.status();
  auto answer = std::make_unique<PathsAnswer>(*from, *to, std::move(found->paths));
  if (found->truncation.truncated()) answer->truncations.push_back(found->truncation.reason);
  return std::unique_ptr<Answer>(std::move(answer));
}

}  // namespace

AnswerResult cmd_path(Session& s, const Invocation& inv) { return run_paths(s, inv, 1); }

AnswerResult cmd_paths(Session& s, const Invocation& inv) {
  auto k = parse_count("--k", inv.value(Flag::kK, "3"), 1);
  if (!k.ok()) return k.status();
  return run_paths(s, inv, static_cast<std::size_t>(*k));
}

}  // namespace kg::shell

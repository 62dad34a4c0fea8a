// stats, types, relations and help: what the graph and the shell hold.
#include "handlers.h"
#include "kg/algorithms.h"
#include "session.h"

namespace kg::shell {

AnswerResult cmd_stats(Session& s, const Invocation&) {
  const Graph& g = s.graph();
  Json facts;
  facts["nodes"] = g.node_count();
  facts["edges"] = g.edge_count();
  facts["types"] = g.types().size();
  facts["relations"] = g.relations().size();
  facts["components"] = components(g, {}).size();
  facts["dataset"] = s.store().meta("dataset");
  facts["imported_at"] = s.store().meta("imported_at");
  facts["file"] = s.graph_path();
  return std::unique_ptr<Answer>(std::make_unique<StatsAnswer>(std::move(facts)));
}

AnswerResult cmd_types(Session&, const Invocation&) {
  return std::unique_ptr<Answer>(std::make_unique<TypesAnswer>());
}

AnswerResult cmd_relations(Session&, const Invocation&) {
  return std::unique_ptr<Answer>(std::make_unique<RelationsAnswer>());
}

AnswerResult cmd_help(Session&, const Invocation& inv) {
  if (inv.args.empty()) return message(help_overview());
  const Command* c = find_command(inv.args[0]);
  if (c == nullptr) {
    std::string hint = suggest_command(inv.args[0]);
    return Status::error(ErrorKind::kNotFound,
                         "no command '" + inv.args[0] + "'" +
                             (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
  }
  return message(command_help(*c));
}

}  // namespace kg::shell

// stats, types, relations and help: what the graph and the shell hold.
#include "handlers.h"
#include "kg/algorithms.h"
#include "kg/query.h"
#include "session.h"

namespace kg::shell {

AnswerResult cmd_stats(Session& s, const Request&) {
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

AnswerResult cmd_types(Session& s, const Request&) {
  return std::unique_ptr<Answer>(std::make_unique<TypesAnswer>(type_counts(s.graph())));
}

AnswerResult cmd_relations(Session& s, const Request&) {
  return std::unique_ptr<Answer>(std::make_unique<RelationsAnswer>(relation_counts(s.graph())));
}

AnswerResult cmd_help(Session&, const Request& r) {
  if (!r.text) return message(help_overview());
  const Command* c = find_command(*r.text);
  // "help mode" and ".help .show" mean the dot command and the command: the dot is optional here.
  if (c == nullptr && !r.text->empty()) {
    c = find_command(r.text->front() == '.' ? r.text->substr(1) : "." + *r.text);
  }
  if (c == nullptr) {
    return Status::error(ErrorKind::kNotFound,
                         "no command '" + *r.text + "'" + command_hint(*r.text),
                         Location{"", 0, 0});
  }
  return message(command_help(*c));
}

}  // namespace kg::shell

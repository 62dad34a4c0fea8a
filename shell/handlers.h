// The handlers the command table (commands.cpp) points to, one group per cmd_*.cpp file.
// Each checks its own arguments' meaning (names, numbers) and returns an Answer or an error.
#pragma once

#include "command.h"

namespace kg::shell {

using AnswerResult = Result<std::unique_ptr<Answer>>;

// cmd_paths.cpp
AnswerResult cmd_path(Session& s, const Invocation& inv);
AnswerResult cmd_paths(Session& s, const Invocation& inv);
// cmd_neighbours.cpp
AnswerResult cmd_neighbours(Session& s, const Invocation& inv);
AnswerResult cmd_common(Session& s, const Invocation& inv);
// cmd_rank.cpp
AnswerResult cmd_rank(Session& s, const Invocation& inv);
AnswerResult cmd_components(Session& s, const Invocation& inv);
// cmd_nodes.cpp
AnswerResult cmd_show(Session& s, const Invocation& inv);
AnswerResult cmd_find(Session& s, const Invocation& inv);
AnswerResult cmd_cites(Session& s, const Invocation& inv);
AnswerResult cmd_cited_by(Session& s, const Invocation& inv);
AnswerResult cmd_sources(Session& s, const Invocation& inv);
// cmd_info.cpp
AnswerResult cmd_stats(Session& s, const Invocation& inv);
AnswerResult cmd_types(Session& s, const Invocation& inv);
AnswerResult cmd_relations(Session& s, const Invocation& inv);
AnswerResult cmd_help(Session& s, const Invocation& inv);
// cmd_dot.cpp
AnswerResult dot_mode(Session& s, const Invocation& inv);
AnswerResult dot_output(Session& s, const Invocation& inv);
AnswerResult dot_read(Session& s, const Invocation& inv);
AnswerResult dot_open(Session& s, const Invocation& inv);
AnswerResult dot_timer(Session& s, const Invocation& inv);
AnswerResult dot_sources(Session& s, const Invocation& inv);
AnswerResult dot_limit(Session& s, const Invocation& inv);
AnswerResult dot_quit(Session& s, const Invocation& inv);

// A text answer.
inline AnswerResult message(std::string text) {
  return std::unique_ptr<Answer>(std::make_unique<MessageAnswer>(std::move(text)));
}

}  // namespace kg::shell

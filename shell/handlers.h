// The handlers the command table (commands.cpp) points to, one group per cmd_*.cpp file.
// The request arrives parsed and checked (request.cpp); each handler runs one library query and
// returns the finished Answer, or the query's error.
#pragma once

#include "command.h"

namespace kg::shell {

using AnswerResult = Result<std::unique_ptr<Answer>>;

// cmd_paths.cpp
AnswerResult cmd_path(Session& s, const Request& r);
AnswerResult cmd_paths(Session& s, const Request& r);
// cmd_neighbours.cpp
AnswerResult cmd_neighbours(Session& s, const Request& r);
AnswerResult cmd_common(Session& s, const Request& r);
// cmd_rank.cpp
AnswerResult cmd_rank(Session& s, const Request& r);
AnswerResult cmd_components(Session& s, const Request& r);
// cmd_nodes.cpp
AnswerResult cmd_show(Session& s, const Request& r);
AnswerResult cmd_find(Session& s, const Request& r);
AnswerResult cmd_cites(Session& s, const Request& r);
AnswerResult cmd_cited_by(Session& s, const Request& r);
AnswerResult cmd_sources(Session& s, const Request& r);
// cmd_info.cpp
AnswerResult cmd_stats(Session& s, const Request& r);
AnswerResult cmd_types(Session& s, const Request& r);
AnswerResult cmd_relations(Session& s, const Request& r);
AnswerResult cmd_help(Session& s, const Request& r);
// cmd_dot.cpp
AnswerResult dot_mode(Session& s, const Request& r);
AnswerResult dot_output(Session& s, const Request& r);
AnswerResult dot_once(Session& s, const Request& r);
AnswerResult dot_headers(Session& s, const Request& r);
AnswerResult dot_pager(Session& s, const Request& r);
AnswerResult dot_read(Session& s, const Request& r);
AnswerResult dot_open(Session& s, const Request& r);
AnswerResult dot_timer(Session& s, const Request& r);
AnswerResult dot_sources(Session& s, const Request& r);
AnswerResult dot_limit(Session& s, const Request& r);
AnswerResult dot_avoid(Session& s, const Request& r);
AnswerResult dot_names(Session& s, const Request& r);
AnswerResult dot_quit(Session& s, const Request& r);

// A text answer.
inline AnswerResult message(std::string text) {
  return std::unique_ptr<Answer>(std::make_unique<MessageAnswer>(std::move(text)));
}

}  // namespace kg::shell

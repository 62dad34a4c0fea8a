// The dot commands: session settings (.mode, .output, .timer, .sources, .limit), .read, .open
// and .quit. Without an argument a setting prints itself as a command you could type back.
#include <fmt/format.h>

#include "handlers.h"
#include "session.h"

namespace kg::shell {
namespace {

Result<bool> on_off(const std::string& text, const char* command) {
  if (text == "on") return true;
  if (text == "off") return false;
  return Status::error(ErrorKind::kInvalidArgument, std::string(command) + " takes on or off, not '" + text + "'");
}

// Shows or sets an on/off setting: `.NAME` prints ".NAME on|off", `.NAME on|off` sets it.
AnswerResult toggle(bool& setting, const char* name, const Invocation& inv) {
  if (inv.args.empty()) return message(std::string(name) + (setting ? " on" : " off") + "\n");
  auto v = on_off(inv.args[0], name);
  if (!v.ok()) return v.status();
  setting = *v;
  return message("");
}

}  // namespace

AnswerResult dot_mode(Session& s, const Invocation& inv) {
  if (inv.args.empty()) return message(".mode " + std::string(format_name(s.format)) + "\n");
  auto f = parse_format(inv.args[0]);
  if (!f) {
    std::string names;
    for (const FormatInfo& info : formats()) names += (names.empty() ? "" : ", ") + std::string(info.name);
    return Status::error(ErrorKind::kInvalidArgument, "unknown format '" + inv.args[0] + "' (use " + names + ")");
  }
  s.format = *f;
  return message("");
}

AnswerResult dot_output(Session& s, const Invocation& inv) {
  std::optional<std::string> path;
  if (!inv.args.empty()) path = inv.args[0];
  if (Status st = s.redirect(path); !st.ok()) return st;
  return message("");
}

AnswerResult dot_read(Session& s, const Invocation& inv) { return s.run_read(inv.args[0]); }

AnswerResult dot_open(Session& s, const Invocation& inv) {
  if (Status st = s.open(inv.args[0]); !st.ok()) return st;
  return message("");
}

AnswerResult dot_timer(Session& s, const Invocation& inv) { return toggle(s.timer, ".timer", inv); }

AnswerResult dot_sources(Session& s, const Invocation& inv) { return toggle(s.sources, ".sources", inv); }

AnswerResult dot_limit(Session& s, const Invocation& inv) {
  if (inv.args.empty()) {
    return message(fmt::format(".limit visited {}\n.limit results {}\n", s.limits.max_visited,
                               s.limits.max_results));
  }
  if (inv.args.size() != 2) {
    return Status::error(ErrorKind::kInvalidArgument, "usage: .limit [visited|results N]");
  }
  auto n = parse_count(".limit", inv.args[1], 1);
  if (!n.ok()) return n.status();
  if (inv.args[0] == "visited") {
    s.limits.max_visited = static_cast<std::size_t>(*n);
  } else if (inv.args[0] == "results") {
    s.limits.max_results = static_cast<std::size_t>(*n);
  } else {
    return Status::error(ErrorKind::kInvalidArgument,
                         "unknown limit '" + inv.args[0] + "' (use visited or results)");
  }
  return message("");
}

AnswerResult dot_quit(Session& s, const Invocation&) {
  s.quit_requested = true;
  return message("");
}

}  // namespace kg::shell

// The dot commands: session settings (.mode, .output, .timer, .sources, .limit), .read, .open
// and .quit. Without an argument a setting prints itself as a command you could type back.
#include <fmt/format.h>

#include "handlers.h"
#include "session.h"

namespace kg::shell {
namespace {

// Shows or sets an on/off setting: `.NAME` prints ".NAME on|off", `.NAME on|off` sets it.
AnswerResult toggle(bool& setting, const char* name, const Request& r) {
  if (!r.on_off) return message(std::string(name) + (setting ? " on" : " off") + "\n");
  setting = *r.on_off;
  return message("");
}

}  // namespace

AnswerResult dot_mode(Session& s, const Request& r) {
  if (!r.format) return message(".mode " + std::string(format_name(s.settings.format)) + "\n");
  s.settings.format = *r.format;
  return message("");
}

AnswerResult dot_output(Session& s, const Request& r) {
  if (Status st = s.redirect(r.text); !st.ok()) return st;
  return message("");
}

AnswerResult dot_read(Session& s, const Request& r) {
  return s.run_read(*r.text);
}

AnswerResult dot_open(Session& s, const Request& r) {
  if (Status st = s.open(*r.text); !st.ok()) return st;
  return message("");
}

AnswerResult dot_timer(Session& s, const Request& r) {
  return toggle(s.settings.timer, ".timer", r);
}

AnswerResult dot_sources(Session& s, const Request& r) {
  return toggle(s.settings.sources, ".sources", r);
}

AnswerResult dot_limit(Session& s, const Request& r) {
  if (!r.limit_name) {
    return message(fmt::format(".limit visited {}\n.limit results {}\n",
                               s.settings.limits.max_visited, s.settings.limits.max_results));
  }
  const auto n = static_cast<std::size_t>(r.number(Field::kCount));
  (*r.limit_name == "visited" ? s.settings.limits.max_visited : s.settings.limits.max_results) = n;
  return message("");
}

AnswerResult dot_quit(Session& s, const Request&) {
  s.request_quit();
  return message("");
}

}  // namespace kg::shell

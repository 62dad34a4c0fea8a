// The dot commands: session settings (.mode, .output, .once, .headers, .pager, .timer,
// .sources, .limit, .avoid, .names), .read, .open and .quit. Without an argument a setting prints
// itself as a command you could type back.
#include <fmt/format.h>

#include <algorithm>

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
  if (!r.format) {
    // Every format from the format table, so a format added there is listed here too.
    std::size_t width = 0;
    for (const FormatInfo& f : formats()) width = std::max(width, f.name.size());
    std::string out;
    for (const FormatInfo& f : formats()) {
      out += fmt::format("{} {:<{}}  {}\n", f.format == s.settings.format ? '*' : ' ', f.name,
                         width, f.summary);
    }
    return message(out);
  }
  s.settings.format = *r.format;
  return message("");
}

AnswerResult dot_once(Session& s, const Request& r) {
  if (Status st = s.redirect_once(*r.text); !st.ok()) return st;
  return message("");
}

AnswerResult dot_headers(Session& s, const Request& r) {
  return toggle(s.settings.headers, ".headers", r);
}

AnswerResult dot_pager(Session& s, const Request& r) {
  return toggle(s.settings.pager, ".pager", r);
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
    return message(fmt::format(".limit visited {}\n.limit results {}\n.limit hubs {}\n",
                               s.settings.limits.max_visited, s.settings.limits.max_results,
                               s.settings.limits.hub_degree));
  }
  const auto n = static_cast<std::size_t>(r.number(Field::kCount));
  Limits& l = s.settings.limits;
  (*r.limit_name == "visited"   ? l.max_visited
   : *r.limit_name == "results" ? l.max_results
                                : l.hub_degree) = n;
  return message("");
}

AnswerResult dot_avoid(Session& s, const Request& r) {
  const Graph& g = s.graph();
  if (!r.text) {
    if (s.settings.avoid.empty()) return message(".avoid none\n");
    std::string keys;
    for (NodeId n : s.settings.avoid)
      keys += (keys.empty() ? "" : ",") + std::string(g.node(n).key);
    return message(".avoid " + keys + "\n");
  }
  if (*r.text == "none") {
    s.settings.avoid.clear();
    return message("");
  }
  // As --avoid reads its value: the whole text first (a citation holds a comma), then each
  // comma-separated name. Nothing changes unless every name resolves.
  std::vector<NodeId> nodes;
  if (auto whole = s.resolver().resolve(*r.text); whole.ok()) {
    nodes.push_back(*whole);
  } else {
    std::string item;
    const std::string text = *r.text + ",";
    for (char c : text) {
      if (c != ',') {
        item += c;
        continue;
      }
      const auto first = item.find_first_not_of(' ');
      if (first != std::string::npos) {
        auto id = s.resolver().resolve(item.substr(first));
        if (!id.ok()) return id.status();
        if (std::find(nodes.begin(), nodes.end(), *id) == nodes.end()) nodes.push_back(*id);
      }
      item.clear();
    }
  }
  s.settings.avoid = std::move(nodes);
  return message("");
}

AnswerResult dot_names(Session& s, const Request& r) {
  if (!r.text) return message(s.settings.exact_names ? ".names exact\n" : ".names guess\n");
  if (*r.text != "exact" && *r.text != "guess") {
    return Status::error(ErrorKind::kInvalidArgument,
                         ".names takes exact or guess, not '" + *r.text + "'");
  }
  s.settings.exact_names = *r.text == "exact";
  return message("");
}

AnswerResult dot_quit(Session& s, const Request&) {
  s.request_quit();
  return message("");
}

}  // namespace kg::shell

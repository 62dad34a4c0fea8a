// Parsing a command line into a typed Request (command.h): the syntax of flags, the number of
// positionals, then each value checked and converted by the kind its row declares. Every error
// is one line naming the offending word's position (Location::argument) and, for a mistyped
// name, the closest known one (kg/suggest.h).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "command.h"
#include "kg/suggest.h"

namespace kg::shell {
namespace {

struct Word {
  std::string text;
  int index = 0;  // position among the words after the command name
};

Status error_at(int index, std::string message, ErrorKind kind = ErrorKind::kInvalidArgument,
                std::vector<std::string> candidates = {}) {
  return Status::error(kind, std::move(message), Location{"", 0, index}, std::move(candidates));
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  for (char c : text) {
    if (c == ',') {
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else {
      item += c;
    }
  }
  if (!item.empty()) out.push_back(item);
  return out;
}

// "a, b or c".
std::string alternatives(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
  }
  return out;
}

// What a positional choice is called in "unknown NOUN 'x'".
std::string_view noun(Kind kind) {
  switch (kind) {
    case Kind::kMeasure:
      return "measure";
    case Kind::kFormat:
      return "format";
    case Kind::kLimitName:
      return "limit";
    default:
      return "value";
  }
}

// The index of `text` among the choices of `p`'s kind, or an error that offers the closest.
Result<std::size_t> choice(std::string_view command, const Param& p, const Word& w) {
  const auto words = choices(p.kind);
  if (auto it = std::find(words.begin(), words.end(), w.text); it != words.end()) {
    return static_cast<std::size_t>(it - words.begin());
  }
  const std::string hint = did_you_mean(w.text, words);
  if (p.kind == Kind::kOnOff) {
    return error_at(w.index, fmt::format("{} takes {}, not '{}'{}", command, alternatives(words),
                                         w.text, hint));
  }
  const std::string head = p.is_flag() ? fmt::format("invalid {} '{}'", p.name, w.text)
                                       : fmt::format("unknown {} '{}'", noun(p.kind), w.text);
  return error_at(w.index, head + (hint.empty() ? " (use " + alternatives(words) + ")" : hint));
}

// A whole number in [p.min, p.max]; `what` names it in the error (the flag or the command).
Result<long> number(std::string_view what, const Param& p, const Word& w) {
  long value = 0;
  const auto [end, ec] = std::from_chars(w.text.data(), w.text.data() + w.text.size(), value);
  if (w.text.empty() || ec != std::errc() || end != w.text.data() + w.text.size() ||
      value < p.min || value > p.max) {
    const std::string range = p.max == kNoMaximum ? fmt::format("of at least {}", p.min)
                                                  : fmt::format("from {} to {}", p.min, p.max);
    return error_at(w.index,
                    fmt::format("{} needs a whole number {}, not '{}'", what, range, w.text));
  }
  return value;
}

// A node name resolved; a prefix guess is answered and leaves a note in `r`.
Result<NodeId> node(const Context& ctx, const Word& w, Request& r) {
  auto found = ctx.resolver->resolve_match(w.text, !ctx.exact_names);
  if (!found.ok()) {
    return error_at(w.index, found.status().message(), found.status().kind(),
                    found.status().candidates());
  }
  if (found->match == Resolver::Match::kPrefix) {
    const Node n = ctx.graph->node(found->node);
    r.notes.push_back(fmt::format("'{}' taken as '{}' ({}), the only name that starts with it",
                                  w.text, n.name, n.key));
  }
  return found->node;
}

// Looks up every comma-separated name of every value with `find`; an unknown name suggests the
// closest known one and the command that lists them all.
template <typename Id, typename Find>
Status names(const std::vector<Word>& values, const char* what,
             const std::vector<std::string>& known, Find find, std::vector<Id>& out) {
  for (const Word& value : values) {
    const std::vector<std::string> list = split_commas(value.text);
    if (list.empty()) {
      return error_at(value.index,
                      fmt::format("expected one or more {} names, not '{}'", what, value.text));
    }
    for (const std::string& name : list) {
      auto id = find(name);
      if (!id) {
        return error_at(value.index, fmt::format("unknown {} '{}'{}; {}s lists them", what, name,
                                                 did_you_mean(name, known), what));
      }
      out.push_back(*id);
    }
  }
  return Status();
}

// --avoid: a whole value may itself contain commas ("33 694, nr. 57"); it is tried whole first.
Status node_list(const Context& ctx, const std::vector<Word>& values, std::vector<NodeId>& out,
                 Request& r) {
  for (const Word& value : values) {
    // Only an exact whole value counts here, so "navo,cwv" is never taken as a prefix guess.
    auto whole = ctx.resolver->resolve_match(value.text, !ctx.exact_names);
    if (whole.ok() && whole->match == Resolver::Match::kExact) {
      out.push_back(whole->node);
      continue;
    }
    const auto parts = split_commas(value.text);
    if (parts.size() < 2) {
      auto id = node(ctx, value, r);
      if (!id.ok()) return id.status();
      out.push_back(*id);
      continue;
    }
    for (const std::string& part : parts) {
      auto id = node(ctx, Word{part, value.index}, r);
      if (!id.ok()) return id.status();
      out.push_back(*id);
    }
  }
  return Status();
}

std::string arity(int min, int max) {
  if (max < 0) return fmt::format("at least {} arguments", min);
  if (min == max) return fmt::format("{} argument{}", min, min == 1 ? "" : "s");
  return fmt::format("{} to {} arguments", min, max);
}

Status positional(const Command& c, const Param& p, const Word& w, const Context& ctx, Request& r) {
  switch (p.kind) {
    case Kind::kNode: {
      auto id = node(ctx, w, r);
      if (!id.ok()) return id.status();
      r.nodes.push_back(*id);
      return Status();
    }
    case Kind::kMeasure: {
      auto i = choice(c.name, p, w);
      if (!i.ok()) return i.status();
      constexpr Centrality kMeasures[] = {Centrality::kDegree, Centrality::kBetweenness,
                                          Centrality::kPageRank};
      r.measure = kMeasures[*i];
      r.measure_name = w.text;
      return Status();
    }
    case Kind::kOnOff: {
      auto i = choice(c.name, p, w);
      if (!i.ok()) return i.status();
      r.on_off = *i == 0;
      return Status();
    }
    case Kind::kFormat: {
      auto i = choice(c.name, p, w);
      if (!i.ok()) return i.status();
      r.format = formats()[*i].format;
      return Status();
    }
    case Kind::kLimitName: {
      auto i = choice(c.name, p, w);
      if (!i.ok()) return i.status();
      r.limit_name = w.text;
      return Status();
    }
    case Kind::kNumber: {
      auto n = number(c.name, p, w);
      if (!n.ok()) return n.status();
      r.numbers[p.field] = *n;
      return Status();
    }
    default:
      r.text = r.text ? *r.text + " " + w.text : w.text;
      return Status();
  }
}

Status flag(const Param& p, const std::vector<Word>& values, const Context& ctx, Request& r) {
  const Word& last = values.back();  // a flag with one value takes the last one given
  Filter& f = r.filter;
  switch (p.kind) {
    // --why is the only switch and --at the only text flag; a new one needs its own Request field.
    case Kind::kSwitch:
      r.why = true;
      return Status();
    case Kind::kText:
      r.at = last.text;
      return Status();
    case Kind::kNumber: {
      if (p.value_optional && last.text.empty()) {
        f.avoid_hubs = ctx.limits.hub_degree;  // the only flag whose value may be left out
        return Status();
      }
      auto n = number(p.name, p, last);
      if (!n.ok()) return n.status();
      if (p.field == Field::kMaxHops) {
        f.max_hops = static_cast<int>(*n);
      } else if (p.field == Field::kAvoidHubs) {
        f.avoid_hubs = static_cast<std::size_t>(*n);
      } else {
        r.numbers[p.field] = *n;
      }
      return Status();
    }
    case Kind::kDirection: {
      auto i = choice("", p, last);
      if (!i.ok()) return i.status();
      constexpr Direction kDirections[] = {Direction::kOut, Direction::kIn, Direction::kBoth};
      f.direction = kDirections[*i];
      return Status();
    }
    case Kind::kPathOrder: {
      auto i = choice("", p, last);
      if (!i.ok()) return i.status();
      r.order = *i == 0 ? PathOrder::kShortest : PathOrder::kSpecific;
      return Status();
    }
    case Kind::kRelationList: {
      // A relation by its name or either direction's label, as answers print them.
      const std::vector<std::string> known = relation_words(*ctx.graph);
      auto find = [&](const std::string& n) {
        return find_relation_by_name_or_label(*ctx.graph, n);
      };
      return names(values, "relation", known, find,
                   p.field == Field::kRel ? f.only_relations : f.not_relations);
    }
    case Kind::kTypeList: {
      std::vector<std::string> known;
      for (const NodeType& t : ctx.graph->types()) known.push_back(t.name);
      auto find = [&](const std::string& n) { return ctx.graph->find_type(n); };
      return names(values, "type", known, find, p.field == Field::kThrough ? f.through : f.listed);
    }
    case Kind::kNodeList:
      return node_list(ctx, values, f.avoid, r);
    default:
      return Status();
  }
}

}  // namespace

Result<Request> parse_request(const Command& c, const std::vector<std::string>& words,
                              const Context& ctx) {
  // Syntax: which words are flags (with their values) and which are positionals.
  std::vector<Word> given;
  std::vector<std::pair<const Param*, Word>> flag_values;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const int index = static_cast<int>(i);
    const std::string& w = words[i];
    if (!w.starts_with("--") || w.size() == 2) {
      given.push_back({w, index});
      continue;
    }
    std::string name = w;
    std::optional<std::string> inline_value;
    if (auto eq = w.find('='); eq != std::string::npos) {
      name = w.substr(0, eq);
      inline_value = w.substr(eq + 1);
    }
    const Param* p = c.flag(name);
    if (p == nullptr) {
      std::vector<std::string> known;
      for (const Param* f : c.all_flags()) known.emplace_back(f->name);
      std::string message = fmt::format("unknown flag '{}' for {}", name, c.name);
      if (const std::string hint = did_you_mean(name, known); !hint.empty()) {
        message += hint;
      } else if (known.empty()) {
        message += " (it takes no flags)";
      } else {
        message += fmt::format("; see help {}", c.name);
      }
      return error_at(index, message);
    }
    if (p->kind == Kind::kSwitch) {
      if (inline_value) return error_at(index, fmt::format("{} takes no value", p->name));
      flag_values.push_back({p, Word{"", index}});
      continue;
    }
    if (!inline_value && p->value_optional) {
      // The value is taken only when it is a number, so `--avoid-hubs rusland` is no error.
      const bool number_follows = i + 1 < words.size() && !words[i + 1].empty() &&
                                  std::all_of(words[i + 1].begin(), words[i + 1].end(),
                                              [](char ch) { return ch >= '0' && ch <= '9'; });
      flag_values.push_back({p, Word{number_follows ? words[++i] : "", index}});
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= words.size()) {
        return error_at(index, fmt::format("{} needs a value ({})", p->name, value_help(*p)));
      }
      inline_value = words[++i];
    }
    flag_values.push_back({p, Word{*inline_value, index}});
  }

  // How many positionals; optional ones come as a group ("[visited|results N]").
  const int n = static_cast<int>(given.size());
  int min = 0;
  for (const Param& p : c.positionals) min += p.optional ? 0 : 1;
  const bool open_ended = !c.positionals.empty() && c.positionals.back().rest;
  const int max = open_ended ? -1 : static_cast<int>(c.positionals.size());
  if (n < min || (max >= 0 && n > max)) {
    return error_at(-1, fmt::format("{} takes {}; usage: {}", c.name, arity(min, max), c.usage()));
  }
  if (!open_ended && n > min && n < max) return error_at(-1, "usage: " + c.usage());

  // Values that need no look-up are checked first (numbers, choices), then names, so a bad
  // number is reported before an unknown node on the same line.
  Request r;
  r.filter.limits = ctx.limits;
  auto needs_graph = [](Kind k) {
    return k == Kind::kNode || k == Kind::kNodeList || k == Kind::kRelationList ||
           k == Kind::kTypeList;
  };
  std::vector<const Param*> order = c.all_flags();
  std::stable_partition(order.begin(), order.end(),
                        [](const Param* p) { return !is_filter(p->field); });
  for (const bool look_up : {false, true}) {
    for (std::size_t i = 0; i < given.size(); ++i) {
      const Param& p = c.positionals[std::min(i, c.positionals.size() - 1)];
      if (needs_graph(p.kind) != look_up) continue;
      if (Status s = positional(c, p, given[i], ctx, r); !s.ok()) return s;
    }
    for (const Param* p : order) {
      if (needs_graph(p->kind) != look_up) continue;
      std::vector<Word> values;
      for (const auto& [param, word] : flag_values) {
        if (param == p) values.push_back(word);
      }
      if (values.empty()) {
        if (p->fallback) r.numbers[p->field] = *p->fallback;
        continue;
      }
      r.given_flags.push_back(p->field);
      if (Status s = flag(*p, values, ctx, r); !s.ok()) return s;
    }
  }
  return r;
}

}  // namespace kg::shell

// Implementation of completion.h.
#include "completion.h"

#include <algorithm>
#include <filesystem>

#include "command.h"
#include "format.h"
#include "session.h"
#include "tokenizer.h"

namespace kg::shell {
namespace {

constexpr std::size_t kMaxCandidates = 200;

void add(std::vector<std::string>& out, std::string s) {
  if (out.size() < kMaxCandidates && std::find(out.begin(), out.end(), s) == out.end()) {
    out.push_back(std::move(s));
  }
}

void words_with_prefix(const std::vector<std::string>& words, const std::string& prefix,
                       std::vector<std::string>& out) {
  for (const std::string& w : words) {
    if (w.starts_with(prefix)) add(out, w);
  }
}

// One candidate per node: the entry that continues what was typed letter for letter if there is
// one (so readline can extend the word), preferring the name, then an alias, then the key.
void node_names(const Session& s, const std::string& prefix, std::vector<std::string>& out) {
  if (!s.has_graph()) return;
  const Graph& g = s.graph();
  std::vector<std::pair<NodeId, std::string>> best;
  auto rank = [&](const Resolver::Entry& e) {
    const Node n = g.node(e.node);
    int r = e.text == n.name ? 0 : e.text == n.key ? 2 : 1;
    return e.text.starts_with(prefix) ? r : r + 3;
  };
  std::vector<std::pair<NodeId, int>> ranks;
  for (const Resolver::Entry& e : s.resolver().complete(prefix, kMaxCandidates * 4)) {
    auto it =
        std::find_if(best.begin(), best.end(), [&](const auto& b) { return b.first == e.node; });
    const int r = rank(e);
    if (it == best.end()) {
      best.emplace_back(e.node, e.text);
      ranks.emplace_back(e.node, r);
    } else {
      auto& current = ranks[static_cast<std::size_t>(it - best.begin())].second;
      if (r < current) {
        it->second = e.text;
        current = r;
      }
    }
  }
  for (const auto& [node, text] : best) add(out, quote_if_needed(text));
}

// Completes the last item of a comma-separated list ("member_of,par").
void list_items(const std::vector<std::string>& names, const std::string& typed,
                std::vector<std::string>& out) {
  const auto comma = typed.rfind(',');
  const std::string head = comma == std::string::npos ? "" : typed.substr(0, comma + 1);
  const std::string tail = comma == std::string::npos ? typed : typed.substr(comma + 1);
  for (const std::string& n : names) {
    if (n.starts_with(tail)) add(out, head + n);
  }
}

void file_names(const std::string& typed, Completion& c) {
  namespace fs = std::filesystem;
  const auto slash = typed.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : typed.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? typed : typed.substr(slash + 1);
  std::error_code ec;
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(dir.empty() ? "." : dir, ec)) {
    std::string name = entry.path().filename().string();
    if (!name.starts_with(base) || (base.empty() && name.starts_with("."))) continue;
    const bool is_dir = entry.is_directory(ec);
    found.push_back(dir + name + (is_dir ? "/" : ""));
  }
  std::sort(found.begin(), found.end());
  for (const std::string& f : found) add(c.candidates, quote_if_needed(f));
  if (c.candidates.size() == 1 && c.candidates[0].ends_with("/")) c.append_space = false;
}

std::vector<std::string> command_names() {
  std::vector<std::string> out;
  for (const Command& cmd : commands()) {
    out.emplace_back(cmd.name);
    for (std::string_view a : cmd.aliases) out.emplace_back(a);
  }
  return out;
}

// Relation names and labels (kg::relation_words). A label with spaces is offered quoted, and
// only as a whole value: a quoted word inside a comma list would not be one word.
void relation_names(const Session& s, const std::string& typed, std::vector<std::string>& out) {
  if (!s.has_graph()) return;
  const std::vector<std::string> words = relation_words(s.graph());
  if (typed.find(',') == std::string::npos) {
    for (const std::string& w : words) {
      if (w.starts_with(typed)) add(out, quote_if_needed(w));
    }
    return;
  }
  std::vector<std::string> plain;
  for (const std::string& w : words) {
    if (quote_if_needed(w) == w) plain.push_back(w);
  }
  list_items(plain, typed, out);
}

std::vector<std::string> type_names(const Session& s) {
  std::vector<std::string> names;
  if (s.has_graph()) {
    for (const NodeType& t : s.graph().types()) names.push_back(t.name);
  }
  return names;
}

// The candidates for a word of parameter kind `kind`, from the row's declaration alone.
void by_kind(Kind kind, const std::string& typed, const Session& s, Completion& c) {
  switch (kind) {
    case Kind::kNode:
    case Kind::kNodeList:
      node_names(s, typed, c.candidates);
      break;
    case Kind::kRelationList:
      relation_names(s, typed, c.candidates);
      break;
    case Kind::kTypeList:
      list_items(type_names(s), typed, c.candidates);
      break;
    case Kind::kDirection:
    case Kind::kMeasure:
    case Kind::kOnOff:
    case Kind::kFormat:
    case Kind::kLimitName:
    case Kind::kPathOrder:
      words_with_prefix(choices(kind), typed, c.candidates);
      break;
    case Kind::kCommand:
      words_with_prefix(command_names(), typed, c.candidates);
      break;
    case Kind::kFile:
      file_names(typed, c);
      break;
    case Kind::kText:
    case Kind::kNumber:
    case Kind::kSwitch:
      break;
  }
}

}  // namespace

Completion complete(std::string_view full_line, std::size_t cursor, const Session& s) {
  const std::string_view line = full_line.substr(0, std::min(cursor, full_line.size()));
  char open_quote = 0;
  std::vector<Token> tokens = tokenize_partial(line, open_quote);
  Completion c;
  const bool in_word =
      !tokens.empty() && tokens.back().end == line.size() &&
      (open_quote != 0 || (!line.empty() && line.back() != ' ' && line.back() != '\t'));
  Token word;
  word.begin = word.end = line.size();
  if (in_word) {
    word = tokens.back();
    tokens.pop_back();
  }
  c.start = word.begin;
  const std::string& typed = word.text;

  if (tokens.empty()) {
    words_with_prefix(command_names(), typed, c.candidates);
    return c;
  }
  const Command* cmd = find_command(tokens.front().text);
  if (cmd == nullptr) return c;

  // A value for the flag just before the word?
  if (tokens.size() >= 2) {
    if (const Param* f = cmd->flag(tokens.back().text); f && f->kind != Kind::kSwitch) {
      by_kind(f->kind, typed, s, c);
      return c;
    }
  }
  if (typed.starts_with("-")) {
    for (const Param* f : cmd->all_flags()) {
      if (f->name.starts_with(typed)) add(c.candidates, std::string(f->name));
    }
    return c;
  }
  // Which positional argument is this? Count earlier positionals, skipping flags and values.
  std::size_t position = 0;
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    if (const Param* f = cmd->flag(tokens[i].text)) {
      if (f->kind != Kind::kSwitch) ++i;
      continue;
    }
    ++position;
  }
  const auto& params = cmd->positionals;
  if (params.empty()) return c;
  if (!params.back().rest && position >= params.size()) return c;
  by_kind(params[std::min(position, params.size() - 1)].kind, typed, s, c);
  return c;
}

}  // namespace kg::shell

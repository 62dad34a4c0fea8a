// Implementation of session.h.
#include "session.h"

#include <fmt/format.h>

#include <chrono>
#include <cstring>
#include <fstream>

#include "kg/text.h"
#include "renderers.h"
#include "tokenizer.h"

namespace kg::shell {
namespace {

constexpr int kMaxReadDepth = 16;
constexpr std::size_t kTerminalCellWidth = 60;

const Graph& empty_graph() {
  static const Graph kEmpty = std::move(GraphBuilder{}).build().value();
  return kEmpty;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? std::string(sep) : "") + items[i];
  return out;
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

// The closest of `names` to `wanted`, as " (did you mean 'x'?)", or empty.
std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& names) {
  std::string best;
  std::size_t best_d = std::max<std::size_t>(3, wanted.size() / 3 + 1);
  for (const std::string& n : names) {
    const std::size_t d = edit_distance(wanted, n);
    if (d < best_d) {
      best = n;
      best_d = d;
    }
  }
  return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

// Looks up every comma-separated name given to `flag` with `find` into `out`; an unknown name is
// an error that suggests the closest known one and the command that lists them all.
template <typename Find, typename Id>
Status named(const Invocation& inv, Flag flag, const char* what, const std::vector<std::string>& known,
             Find find, std::vector<Id>& out) {
  auto it = inv.flags.find(flag);
  if (it == inv.flags.end()) return Status();
  for (const std::string& value : it->second) {
    for (const std::string& name : split_commas(value)) {
      auto id = find(name);
      if (!id) {
        return Status::error(ErrorKind::kInvalidArgument,
                             "unknown " + std::string(what) + " '" + name + "'" + did_you_mean(name, known) +
                                 "; " + what + "s lists them");
      }
      out.push_back(*id);
    }
  }
  return Status();
}

}  // namespace

Session::Session(Sink& out, Sink& err) : out_(out), err_(err) {}
Session::~Session() = default;

Status Session::open(const std::string& path) {
  auto store = Store::open(path);
  if (!store.ok()) return store.status();
  auto graph = store->load_graph();
  if (!graph.ok()) return graph.status();
  store_ = std::make_unique<Store>(std::move(store).value());
  graph_ = std::make_unique<Graph>(std::move(graph).value());
  resolver_ = std::make_unique<Resolver>(*graph_);
  graph_path_ = path;
  return Status();
}

std::string Session::graph_label() const {
  if (!has_graph()) return "kamergraaf";
  std::string label = store_->meta("dataset");
  return label.empty() ? graph_path_ : label;
}

std::string Session::describe(const Status& s) {
  std::string out;
  if (!s.where().file.empty()) {
    out = s.where().file + (s.where().line > 0 ? ":" + std::to_string(s.where().line) : "") + ": ";
  }
  out += s.message();
  const auto& c = s.candidates();
  if (c.empty()) return out;
  if (s.kind() == ErrorKind::kNotFound) return out + "; did you mean " + join(c, ", ") + "?";
  return out + ": " + join(c, ", ");
}

void Session::print_error(const std::string& where, const Status& s) {
  output().flush();
  err_.write((where.empty() ? "" : where + ": ") + "error: " + describe(s) + "\n");
  err_.flush();
}

Status Session::redirect(const std::optional<std::string>& path) {
  if (!path) {
    file_sink_.reset();
    return Status();
  }
  auto sink = FileSink::open(*path);
  if (!sink.ok()) return sink.status();
  file_sink_ = std::move(sink).value();
  return Status();
}

Status Session::execute(std::string_view line) {
  auto tokens = tokenize(line);
  if (!tokens.ok()) return tokens.status();
  if (tokens->empty()) return Status();

  const std::string& name = tokens->front().text;
  const Command* command = find_command(name);
  if (command == nullptr) {
    std::string hint = suggest_command(name);
    return Status::error(ErrorKind::kInvalidArgument,
                         "unknown command '" + name + "'" +
                             (hint.empty() ? "; type help for the list" : " (did you mean '" + hint + "'?)"));
  }
  if (command->needs_graph && !has_graph()) {
    return Status::error(ErrorKind::kInvalidArgument, "no graph is open; open one with .open FILE");
  }
  std::vector<std::string> words;
  for (std::size_t i = 1; i < tokens->size(); ++i) words.push_back((*tokens)[i].text);
  auto inv = parse_invocation(*command, words);
  if (!inv.ok()) return inv.status();

  const auto started = std::chrono::steady_clock::now();
  auto answer = command->handler(*this, *inv);
  if (!answer.ok()) return answer.status();
  const View view{has_graph() ? *graph_ : empty_graph(), sources || inv->has(Flag::kWhy)};
  Sink& out = output();
  const std::size_t cell = max_cell ? max_cell : (out.is_terminal() ? kTerminalCellWidth : 0);
  if (Status s = render(**answer, format, view, cell, out); !s.ok()) return s;
  out.flush();
  for (const std::string& t : (*answer)->truncations) err_.write("truncated: " + t + "\n");
  if (timer && !(*answer)->is_message()) {
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::steady_clock::now() - started).count();
    err_.write(fmt::format("time: {:.3f} ms\n", static_cast<double>(us) / 1000.0));
  }
  err_.flush();
  return Status();
}

bool Session::run_script(LineReader& reader) {
  bool all_ok = true;
  while (!quit_requested && !bailed_) {
    std::optional<std::string> line = reader.next();
    if (!line) break;
    Status s = execute(*line);
    if (!s.ok()) {
      print_error(reader.where(), s);
      all_ok = false;
      count_failure();
    }
  }
  return all_ok;
}

Result<std::unique_ptr<Answer>> Session::run_read(const std::string& path) {
  if (read_depth >= kMaxReadDepth) {
    return Status::error(ErrorKind::kInvalidArgument,
                         fmt::format(".read nested deeper than {} files (does a file read itself?)",
                                     kMaxReadDepth));
  }
  std::ifstream in(path);
  if (!in) {
    return Status::error(ErrorKind::kIo, "cannot read '" + path + "': " + std::strerror(errno));
  }
  ScriptReader reader(in, path);
  ++read_depth;
  run_script(reader);
  --read_depth;
  return std::unique_ptr<Answer>(std::make_unique<MessageAnswer>(""));
}

Result<NodeId> Session::node_arg(const std::string& text, int position) const {
  auto id = resolver_->resolve(text);
  if (id.ok()) return id;
  const Status& s = id.status();
  return Status::error(s.kind(), s.message(), Location{"", 0, position}, s.candidates());
}

Result<Filter> Session::filter_from(const Invocation& inv) const {
  Filter f;
  f.limits = limits;
  if (inv.has(Flag::kDir)) {
    const std::string d = inv.value(Flag::kDir);
    if (d == "out") {
      f.direction = Direction::kOut;
    } else if (d == "in") {
      f.direction = Direction::kIn;
    } else if (d == "both") {
      f.direction = Direction::kBoth;
    } else {
      return Status::error(ErrorKind::kInvalidArgument, "invalid --dir '" + d + "' (use out, in or both)");
    }
  }
  std::vector<std::string> relation_names, type_names;
  for (const Relation& r : graph_->relations()) relation_names.push_back(r.name);
  for (const NodeType& t : graph_->types()) type_names.push_back(t.name);
  auto relation = [&](const std::string& n) { return graph_->find_relation(n); };
  auto type = [&](const std::string& n) { return graph_->find_type(n); };
  if (Status st = named(inv, Flag::kRel, "relation", relation_names, relation, f.only_relations); !st.ok()) return st;
  if (Status st = named(inv, Flag::kNotRel, "relation", relation_names, relation, f.not_relations); !st.ok()) return st;
  if (Status st = named(inv, Flag::kType, "type", type_names, type, f.types); !st.ok()) return st;
  if (auto it = inv.flags.find(Flag::kAvoid); it != inv.flags.end()) {
    for (const std::string& value : it->second) {
      // A whole value may itself contain commas ("33 694, nr. 57"); try it whole first.
      auto whole = resolver_->resolve(value);
      if (whole.ok()) {
        f.avoid.push_back(*whole);
        continue;
      }
      const auto parts = split_commas(value);
      if (parts.size() < 2) return whole.status();
      for (const std::string& part : parts) {
        auto id = resolver_->resolve(part);
        if (!id.ok()) return id.status();
        f.avoid.push_back(*id);
      }
    }
  }
  if (inv.has(Flag::kMaxHops)) {
    auto n = parse_count("--max-hops", inv.value(Flag::kMaxHops), 0);
    if (!n.ok()) return n.status();
    f.max_hops = static_cast<int>(*n);
  }
  return f;
}

Result<long> parse_count(std::string_view flag, const std::string& text, long minimum) {
  long value = 0;
  std::size_t used = 0;
  bool ok = !text.empty();
  try {
    value = std::stol(text, &used);
  } catch (const std::exception&) {
    ok = false;
  }
  if (!ok || used != text.size() || value < minimum || value > 1'000'000'000) {
    return Status::error(ErrorKind::kInvalidArgument,
                         fmt::format("{} needs a whole number of at least {}, not '{}'", flag, minimum, text));
  }
  return value;
}

}  // namespace kg::shell

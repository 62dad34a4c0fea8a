// Implementation of session.h.
#include "session.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "kg/text.h"
#include "renderers.h"
#include "terminal.h"
#include "tokenizer.h"

namespace kg::shell {
namespace {

constexpr int kMaxReadDepth = 16;

const Graph& empty_graph() {
  static const Graph kEmpty = std::move(GraphBuilder{}).build().value();
  return kEmpty;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? std::string(sep) : "") + items[i];
  return out;
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
  source_index_.reset();
  settings.avoid.clear();  // its NodeIds belong to the old graph
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
  err_.write(error_line(where, describe(s)) + "\n");
  err_.flush();
}

Result<std::unique_ptr<FileSink>> Session::open_output(const std::string& path) const {
  std::error_code ec;
  if (has_graph() && std::filesystem::equivalent(path, graph_path_, ec)) {
    return Status::error(ErrorKind::kInvalidArgument,
                         "'" + path + "' is the open graph file; output there would destroy it");
  }
  return FileSink::open(path);
}

Status Session::redirect(const std::optional<std::string>& path) {
  if (!path) {
    file_sink_.reset();
    return Status();
  }
  auto sink = open_output(*path);
  if (!sink.ok()) return sink.status();
  file_sink_ = std::move(sink).value();
  return Status();
}

Status Session::redirect_once(const std::string& path) {
  auto sink = open_output(path);
  if (!sink.ok()) return sink.status();
  once_pending_ = std::move(sink).value();
  return Status();
}

Status Session::execute(std::string_view line) {
  // As sqlite3's .once: the next command, whatever it is and however it ends, takes the file;
  // the commands of a .read it runs write there too.
  bool took_once = false;
  Status s = execute_command(line, took_once);
  if (took_once && once_active_) {
    once_active_->flush();
    if (Status w = once_active_->take_error(); s.ok() && !w.ok()) s = w;
    once_active_.reset();
  }
  return s;
}

Status Session::execute_command(std::string_view line, bool& took_once) {
  auto tokens = tokenize(line);
  if (!tokens.ok()) return tokens.status();
  if (tokens->empty()) return Status();
  // .once itself sets the file up for the command after it; an empty line or a comment is no
  // command, so the file waits.
  if (once_pending_ && tokens->front().text != ".once") {
    once_active_ = std::move(once_pending_);
    took_once = true;
  }

  const std::string& name = tokens->front().text;
  const Command* command = find_command(name);
  if (command == nullptr) {
    const std::string hint = command_hint(name);
    return Status::error(
        ErrorKind::kInvalidArgument,
        "unknown command '" + name + "'" + (hint.empty() ? "; type help for the list" : hint));
  }
  if (command->needs_graph && !has_graph()) {
    return Status::error(ErrorKind::kInvalidArgument, "no graph is open; open one with .open FILE");
  }
  std::vector<std::string> words;
  for (std::size_t i = 1; i < tokens->size(); ++i) words.push_back((*tokens)[i].text);
  const Context context{graph_.get(), resolver_.get(), settings.limits, settings.exact_names};
  auto request = parse_request(*command, words, context);
  if (!request.ok()) return request.status();
  request->filter.cancel = &cancel_;
  if (command->flag("--avoid") != nullptr) {
    // The standing .avoid joins --avoid, but never for a node the command itself names: asking
    // `path nederland x` while avoiding Nederland means the question, not the setting.
    for (NodeId n : settings.avoid) {
      const auto& named = request->nodes;
      if (std::find(named.begin(), named.end(), n) == named.end())
        request->filter.avoid.push_back(n);
    }
  }

  const auto started = std::chrono::steady_clock::now();
  auto answer = command->handler(*this, *request);
  if (!answer.ok()) return answer.status();
  // A name guessed is said first: it changes what the whole answer is about.
  auto& notes = (*answer)->notes;
  notes.insert(notes.begin(), request->notes.begin(), request->notes.end());
  Sink& out = output();
  // Only a person at the screen gets fitted tables and the pager; files and pipes get every
  // cell whole and every line.
  const bool to_screen = &out == &out_ && out.is_terminal();
  const std::size_t columns = to_screen && settings.max_cell == 0 ? terminal_columns() : 0;
  const View view{has_graph() ? *graph_ : empty_graph(), settings.sources || request->why, columns};
  std::size_t cells_cut = 0;
  const Layout layout{columns, settings.max_cell, settings.headers, &cells_cut};
  const std::optional<std::string> pager =
      to_screen && interactive_ && settings.pager ? pager_command() : std::nullopt;
  StringSink buffer;  // one command's output, while it may still need the pager
  if (Status s = render(**answer, settings.format, view, layout, pager ? buffer : out, &notes);
      !s.ok())
    return s;
  if (pager) {
    const std::size_t rows = terminal_rows();
    // One row stays for the prompt that follows.
    const bool longer = rows > 0 && screen_rows(buffer.text(), terminal_columns()) >= rows;
    if (!longer) {
      out.write(buffer.text());
    } else {
      out.flush();
      if (run_pager(*pager, buffer.text()) == Paged::kNotStarted) {
        out.write(buffer.text());
        if (!pager_failed_) {  // said once: the next long answers come the same way
          (*answer)->notes.push_back("the pager '" + *pager +
                                     "' did not start, so output comes unpaged; set PAGER, or "
                                     ".pager off");
        }
        pager_failed_ = true;
      }
    }
  }
  out.flush();
  if (Status s = out.take_error(); !s.ok()) return s;
  if (cells_cut > 0) {
    (*answer)->notes.push_back(fmt::format(
        "{} {} cut to fit {} columns; .mode csv or a wider window shows {} whole", cells_cut,
        cells_cut == 1 ? "cell" : "cells", columns, cells_cut == 1 ? "it" : "them"));
  }
  for (const std::string& n : (*answer)->notes) err_.write("note: " + n + "\n");
  for (const std::string& t : (*answer)->truncations) err_.write("truncated: " + t + "\n");
  if (settings.timer && !(*answer)->is_message()) {
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    err_.write(fmt::format("time: {:.3f} ms\n", static_cast<double>(us) / 1000.0));
  }
  err_.flush();
  return Status();
}

bool Session::run(LineReader& reader) {
  if (reader.interactive()) interactive_ = true;
  bool all_ok = true;
  bool stop = false;  // this reader is done: a .read interrupted inside an interactive session
  // Ctrl-C in a script ends the whole run (exit 130); in a file read from the prompt it ends
  // only that file, and the prompt returns.
  auto interrupted_script = [&] {
    if (interactive_) {
      stop = true;
    } else {
      interrupted_ = true;
    }
  };
  auto say_interrupted = [&] {
    output().flush();
    const std::string where = reader.where();
    err_.write((where.empty() ? "" : where + ": ") + "interrupted\n");
    err_.flush();
    all_ok = false;
  };
  while (!quit_requested_ && !bailed_ && !interrupted_ && !stop) {
    std::optional<std::string> line = reader.next();
    if (Status e = reader.take_error(); !e.ok()) {
      print_error(reader.where(), e);
      all_ok = false;
      count_failure();
    }
    if (!line) break;
    // At the prompt a Ctrl-C only cancelled the line typed; in a script it ends the run, also
    // between commands.
    if (reader.interactive()) cancel_.reset();
    if (cancel_.is_set()) {
      say_interrupted();
      interrupted_script();
      break;
    }
    Status s = execute(*line);
    if (!s.ok() && s.kind() == ErrorKind::kInterrupted) {
      // Nothing was printed and no setting changed; the command simply did not happen.
      say_interrupted();
      if (!reader.interactive()) interrupted_script();
      continue;
    }
    if (!s.ok()) {
      print_error(reader.where(), s);
      all_ok = false;
      count_failure();
    }
  }
  return all_ok;
}

Result<std::unique_ptr<Answer>> Session::run_read(const std::string& path) {
  if (read_depth_ >= kMaxReadDepth) {
    return Status::error(
        ErrorKind::kInvalidArgument,
        fmt::format(".read nested deeper than {} files (does a file read itself?)", kMaxReadDepth));
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::error(ErrorKind::kIo, "cannot read '" + path + "': it is a folder");
  }
  // A file that is already being read would read itself again, forever or exponentially.
  const std::string canonical = std::filesystem::weakly_canonical(path, ec).string();
  if (std::find(reading_.begin(), reading_.end(), canonical) != reading_.end()) {
    return Status::error(ErrorKind::kInvalidArgument, "'" + path + "' is already being read");
  }
  std::ifstream in(path);
  if (!in) {
    return Status::error(ErrorKind::kIo, "cannot read '" + path + "': " + std::strerror(errno));
  }
  ScriptReader reader(in, path);
  ++read_depth_;
  reading_.push_back(canonical);
  run(reader);
  reading_.pop_back();
  --read_depth_;
  return std::unique_ptr<Answer>(std::make_unique<MessageAnswer>(""));
}

const SourceIndex& Session::source_index() const {
  if (!source_index_) source_index_ = std::make_unique<SourceIndex>(*graph_);
  return *source_index_;
}

}  // namespace kg::shell

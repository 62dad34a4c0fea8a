// One shell session: the open graph (store, in-memory graph, name resolver), the settings that
// dot commands change (format, output, sources, timer, limits), and the execution of one command
// line. Used by one thread; the REPL, batch runs and .read all go through execute().
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "command.h"
#include "format.h"
#include "kg/cancel.h"
#include "kg/graph.h"
#include "kg/query.h"
#include "kg/resolve.h"
#include "kg/store.h"
#include "line_reader.h"
#include "sink.h"

namespace kg::shell {

// The settings of a session, as the dot commands show and set them. A plain value.
struct Settings {
  Format format = Format::kTable;
  bool sources = false;  // provenance on every answer (.sources)
  bool timer = false;    // time on stderr after each command (.timer)
  bool bail = false;     // stop at the first failing command (--bail)
  Limits limits;         // work limits of searches (.limit)
  // .avoid: nodes of the open graph every command that takes --avoid avoids as well (except
  // the nodes the command names itself); cleared by .avoid none and by opening another graph.
  std::vector<NodeId> avoid;
  bool exact_names = false;  // .names exact / --exact-names: refuse prefix guesses
  // Table cells cut at this many columns whatever the output; 0: tables on a terminal fit its
  // width instead (fit_to_width) and elsewhere cells stay whole.
  std::size_t max_cell = 0;
  bool headers = true;  // .headers: header rows in table, CSV and TSV
  bool pager = true;    // .pager: interactive answers longer than the screen go through $PAGER
};

class Session {
 public:
  // `out` receives results, `err` errors and notices; neither is owned.
  Session(Sink& out, Sink& err);
  ~Session();

  // Opens a graph file read-only and builds its snapshot; on error the old graph stays.
  Status open(const std::string& path);
  bool has_graph() const { return graph_ != nullptr; }
  const Graph& graph() const { return *graph_; }
  const Resolver& resolver() const { return *resolver_; }
  const Store& store() const { return *store_; }
  const std::string& graph_path() const { return graph_path_; }
  // A short name for the open graph (its dataset), for the prompt.
  std::string graph_label() const;

  // Runs one command line. Empty lines and comments succeed. The error, if any, is returned,
  // not printed; see run for the printing loop.
  Status execute(std::string_view line);

  // The one read loop, for every source of lines (readline, files, pipes, -c, .read): runs
  // every command of `reader`, printing each error as "WHERE: error: MESSAGE" (or
  // "error: MESSAGE" when the reader has no location), until the input ends, .quit, or — with
  // bail set — the first failure. Returns false if any command failed.
  bool run(LineReader& reader);

  // One-line rendering of an error, with candidates and suggestions folded in.
  static std::string describe(const Status& s);
  void print_error(const std::string& where, const Status& s);

  // What dot commands change and main sets from the command line.
  Settings settings;

  // .quit: stops the read loop after the current command.
  void request_quit() { quit_requested_ = true; }
  bool quit_requested() const { return quit_requested_; }

  // Output redirection (.output): nullptr path means the `out` sink given at construction.
  Status redirect(const std::optional<std::string>& path);
  // .once: the next command's output (only) goes to `path`, created or emptied now.
  Status redirect_once(const std::string& path);
  // Where the command running now writes: a .once file, else the .output file, else `out`.
  Sink& output() {
    if (once_active_) return *once_active_;
    return file_sink_ ? static_cast<Sink&>(*file_sink_) : out_;
  }
  Sink& errors() { return err_; }

  // The index of edges by source paper, built on first use (kg::SourceIndex). Requires a graph.
  const SourceIndex& source_index() const;
  Result<std::unique_ptr<Answer>> run_read(const std::string& path);

  // Set by SIGINT handlers (interactive reader, main for scripts); every graph question of
  // execute() polls it. run() clears it before each line read interactively; in a script a set
  // token ends the run, and interrupted() tells main to exit with 130.
  CancelToken& cancel_token() { return cancel_; }
  bool interrupted() const { return interrupted_; }

  // Commands that failed so far (the exit status), and whether --bail stopped the session.
  int failures() const { return failures_; }
  bool bailed() const { return bailed_; }
  void count_failure() {
    ++failures_;
    if (settings.bail) bailed_ = true;
  }

 private:
  int failures_ = 0;
  bool bailed_ = false;
  bool quit_requested_ = false;
  bool interrupted_ = false;  // a script was interrupted (exit 130)
  bool interactive_ = false;  // run() has been given the interactive reader
  CancelToken cancel_;
  int read_depth_ = 0;                // nesting of .read, to stop runaway recursion
  std::vector<std::string> reading_;  // the files .read is reading now, outermost first
  Sink& out_;
  Sink& err_;
  std::unique_ptr<FileSink> file_sink_;
  std::unique_ptr<FileSink> once_pending_;  // .once given; the next command takes it
  std::unique_ptr<FileSink> once_active_;   // the command running now writes here
  // Checks that `path` is not the open graph file and opens it for writing.
  Result<std::unique_ptr<FileSink>> open_output(const std::string& path) const;
  // execute() without the .once bookkeeping; `took_once` is set when this command took the
  // pending .once file (which execute() then closes).
  Status execute_command(std::string_view line, bool& took_once);
  bool pager_failed_ = false;  // the pager did not start once already (noted then)
  std::unique_ptr<Store> store_;
  std::unique_ptr<Graph> graph_;
  std::unique_ptr<Resolver> resolver_;
  mutable std::unique_ptr<SourceIndex> source_index_;
  std::string graph_path_;
};

}  // namespace kg::shell

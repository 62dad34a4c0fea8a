// Entry point of the kamergraaf executable: parses the command line, then imports a dataset,
// runs commands from -c / -f / a pipe, or starts the interactive shell.
// Exit status: 0 all commands succeeded, 1 a command failed, 2 usage error.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "format.h"
#include "kg/importer.h"
#include "kg/store.h"
#include "line_reader.h"
#include "repl.h"
#include "session.h"

namespace {

constexpr int kUsageError = 2;

struct Action {
  bool is_file;
  std::string text;  // a command (-c) or a file name (-f)
};

// -c and -f run in the order given, which CLI11 does not keep across two options.
std::vector<Action> ordered_actions(int argc, char** argv) {
  std::vector<Action> actions;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "import" || a == "check") break;
    for (const auto& [flag, is_file] : {std::pair{"-c", false}, {"--command", false}, {"-f", true}, {"--file", true}}) {
      const std::string f = flag;
      if (a == f && i + 1 < argc) {
        actions.push_back({is_file, argv[++i]});
      } else if (f.starts_with("--") && a.starts_with(f + "=")) {
        actions.push_back({is_file, a.substr(f.size() + 1)});
      }
    }
  }
  return actions;
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "kamergraaf: error: %s\n", message.c_str());
  return kUsageError;
}

int run_import(const std::string& dir, const std::string& into) {
  kg::ImportReport report = kg::import_dataset(dir, into);
  for (const kg::Status& p : report.problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
  if (!report.ok()) {
    if (report.problem_count > report.problems.size()) {
      std::fprintf(stderr, "... and %zu more errors\n", report.problem_count - report.problems.size());
    }
    std::fprintf(stderr, "import failed: %zu errors; %s was not changed\n", report.problem_count, into.c_str());
    return 1;
  }
  std::printf("imported %zu nodes and %zu edges into %s\n", report.nodes, report.edges, into.c_str());
  return 0;
}

// `kamergraaf check FILE`: the structural checks, SQLite's integrity_check and the checksum, whatever
// the file's size. Exit 0 when sound, 1 when damaged, 2 when it cannot be opened at all.
int run_check(const std::string& path) {
  auto store = kg::Store::open(path);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().to_string().c_str());
    return store.status().kind() == kg::ErrorKind::kIo ? kUsageError : 1;
  }
  auto verified = store->verify_checksum();
  auto graph = verified.ok() ? store->load_graph(kg::Verify::kStructure)
                             : kg::Result<kg::Graph>(verified.status());
  if (!graph.ok()) {
    std::fprintf(stderr, "%s\n", graph.status().to_string().c_str());
    return 1;
  }
  std::printf("%s: ok (%zu nodes, %zu edges, %s)\n", path.c_str(), graph->node_count(),
              graph->edge_count(),
              *verified ? "checksum verified"
                        : "no checksum: its tables were edited after import; structure checked");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kamergraaf: a knowledge-graph shell for Dutch foreign- and security-policy papers.\n"
               "Without -c or -f it reads commands from a pipe, or starts the interactive shell."};
  app.set_version_flag("--version", std::string("kamergraaf ") + KG_VERSION);
  std::string db, format_name = "table";
  std::vector<std::string> commands, files;
  bool bail = false;
  app.add_option("--db", db, "Graph file to open (default: $KAMERGRAAF_DB, else the shipped GBVS graph)");
  app.add_option("-c,--command", commands, "Run COMMAND and exit (repeatable; runs in order with -f)");
  app.add_option("-f,--file", files, "Run the commands in FILE and exit (repeatable)");
  std::vector<std::string> format_names;
  for (const kg::shell::FormatInfo& f : kg::shell::formats()) format_names.emplace_back(f.name);
  app.add_option("--format", format_name, "Output format (default table)")
      ->check(CLI::IsMember(format_names));
  app.add_flag("--bail", bail, "Stop at the first command that fails");
  bool verify = false;
  app.add_flag("--verify", verify, "Verify the graph file's checksum before answering, whatever its size");

  std::string dataset_dir, into;
  CLI::App* import = app.add_subcommand("import", "Validate a dataset folder and build a graph file");
  import->add_option("DIR", dataset_dir, "Dataset folder (types.csv, relations.csv, nodes*.csv, edges*.csv)")
      ->required();
  import->add_option("--into", into, "Graph file to write (replaced atomically)")->required();
  std::string check_file;
  CLI::App* check = app.add_subcommand("check", "Verify a graph file: structure, SQLite pages and checksum");
  check->add_option("FILE", check_file, "Graph file to verify")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : kUsageError;
  }
  if (*import) return run_import(dataset_dir, into);
  if (*check) return run_check(check_file);

  if (app.count("--db") > 0 && db.empty()) return usage_error("--db needs a file name");
  if (db.empty()) {
    const char* env = std::getenv("KAMERGRAAF_DB");
    db = env != nullptr && *env != '\0' ? env : KG_DEFAULT_DB;
  }
  std::vector<Action> actions = ordered_actions(argc, argv);
  for (const Action& a : actions) {
    if (a.is_file && access(a.text.c_str(), R_OK) != 0) {
      return usage_error("cannot read query file '" + a.text + "'");
    }
  }

  kg::shell::StreamSink out(stdout);
  kg::shell::StreamSink err(stderr);
  kg::shell::Session session(out, err);
  session.format = *kg::shell::parse_format(format_name);
  session.bail = bail;
  if (verify) {  // the session then opens with the checks for its size, which are cheap by then
    auto store = kg::Store::open(db);
    auto verified = store.ok() ? store->verify_checksum() : kg::Result<bool>(store.status());
    if (!verified.ok()) return usage_error(kg::shell::Session::describe(verified.status()));
  }
  if (kg::Status s = session.open(db); !s.ok()) {
    return usage_error(kg::shell::Session::describe(s));
  }

  if (!actions.empty()) {
    for (const Action& a : actions) {
      if (session.quit_requested || session.bailed()) break;
      if (a.is_file) {
        std::ifstream in(a.text);
        kg::shell::ScriptReader reader(in, a.text);
        session.run_script(reader);
      } else {
        std::istringstream in(a.text);
        kg::shell::ScriptReader reader(in, "");
        session.run_script(reader);
      }
    }
  } else if (isatty(STDIN_FILENO) == 0) {
    kg::shell::ScriptReader reader(std::cin, "<stdin>");
    session.run_script(reader);
  } else {
    kg::shell::run_interactive(session, kg::shell::history_path());
  }
  return session.failures() > 0 ? 1 : 0;
}

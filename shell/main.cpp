// Entry point of the kamergraaf executable: parses the command line, then imports datasets,
// runs commands from -c / -f / a pipe, or starts the interactive shell.
// Exit status: 0 all commands succeeded, 1 a command failed, 2 usage error, 130 a script
// interrupted by Ctrl-C.
#include <fmt/format.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "format.h"
#include "kg/export.h"
#include "kg/importer.h"
#include "kg/ingest.h"
#include "kg/store.h"
#include "line_reader.h"
#include "repl.h"
#include "session.h"

namespace {

constexpr int kUsageError = 2;
constexpr int kInterruptedExit = 130;

kg::CancelToken* g_cancel = nullptr;
void on_sigint(int) {
  if (g_cancel != nullptr) g_cancel->set();  // async-signal-safe
}

struct Action {
  bool is_file;
  std::string text;  // a command (-c) or a file name (-f)
};

// -c and -f run in the order given, which CLI11 does not keep across two options.
std::vector<Action> ordered_actions(int argc, char** argv) {
  std::vector<Action> actions;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "import" || a == "ingest" || a == "export" || a == "check") break;
    for (const auto& [flag, is_file] :
         {std::pair{"-c", false}, {"--command", false}, {"-f", true}, {"--file", true}}) {
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

int run_import(const std::vector<std::string>& dirs, const std::string& into) {
  kg::ImportReport report = kg::import_datasets(dirs, into);
  for (const kg::ImportWarning& w : report.warnings)
    std::fprintf(stderr, "%s\n", w.to_string().c_str());
  if (report.warning_count > report.warnings.size()) {
    std::fprintf(stderr, "... and %zu more warnings\n",
                 report.warning_count - report.warnings.size());
  }
  for (const kg::Status& p : report.problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
  if (!report.ok()) {
    if (report.problem_count > report.problems.size()) {
      std::fprintf(stderr, "... and %zu more errors\n",
                   report.problem_count - report.problems.size());
    }
    std::fprintf(stderr, "import failed: %zu errors; %s was not changed\n", report.problem_count,
                 into.c_str());
    return 1;
  }
  std::printf("imported %zu nodes and %zu edges into %s\n", report.nodes, report.edges,
              into.c_str());
  return 0;
}

struct IngestArgs {
  std::vector<std::string> inputs;
  std::string into, graph;
  bool no_graph = false;
  bool force = false;
};

// ~/.kamergraafrc when it exists and is a file; else none.
std::string default_init_file() {
  const char* home = std::getenv("HOME");
  if (home == nullptr || *home == '\0') return {};
  const std::string path = std::string(home) + "/.kamergraafrc";
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) ? path : std::string();
}

// The graph ingest names nodes of: --graph, else $KAMERGRAAF_DB, else the shipped graph.
std::string default_graph() {
  const char* env = std::getenv("KAMERGRAAF_DB");
  return env != nullptr && *env != '\0' ? env : KG_DEFAULT_DB;
}

int run_ingest(const IngestArgs& args) {
  std::optional<kg::Graph> graph;
  if (!args.no_graph) {
    const std::string path = args.graph.empty() ? default_graph() : args.graph;
    kg::Result<kg::Store> store = kg::Store::open(path);
    if (!store.ok()) return usage_error(kg::shell::Session::describe(store.status()));
    kg::Result<kg::Graph> loaded = store->load_graph();
    if (!loaded.ok()) return usage_error(kg::shell::Session::describe(loaded.status()));
    graph.emplace(std::move(loaded).value());
  }
  kg::IngestOptions options;
  options.inputs = args.inputs;
  options.into = args.into;
  options.graph = graph ? &*graph : nullptr;
  options.force = args.force;
  const bool show_progress = isatty(STDERR_FILENO) != 0;
  if (show_progress) {
    options.progress = [](const kg::IngestProgress& p) {
      const std::size_t percent = p.bytes_total == 0 ? 100 : p.bytes_done * 100 / p.bytes_total;
      std::fprintf(stderr, "\ringest: %s %3zu%% (%zu papers)\033[K", p.file.c_str(), percent,
                   p.papers);
    };
  }
  const kg::IngestReport report = kg::ingest_papers(options);
  if (show_progress) std::fprintf(stderr, "\r\033[K");
  for (const kg::Status& p : report.problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
  if (!report.written) {
    std::fprintf(stderr, "ingest failed: %zu errors; %s was not written\n", report.problems.size(),
                 args.into.c_str());
    return 1;
  }
  std::printf(
      "ingested %zu papers into %s: %zu identified, %zu citations, %zu mentions, %zu already "
      "in the graph, %zu skipped; %zu candidates in review.csv\n",
      report.papers, args.into.c_str(), report.identified, report.citations, report.mentions,
      report.known, report.skipped, report.candidates);
  return 0;
}

// `export FILE.db --to FORMAT --into PATH`: 2 when the graph cannot be opened, 1 when the
// export cannot be written (one line naming the path), else 0 and one line saying what it wrote.
int run_export(const std::string& db, const std::string& format_name, const std::string& into,
               bool force) {
  const std::optional<kg::ExportFormat> format = kg::parse_export_format(format_name);
  if (!format)
    return usage_error("unknown export format '" + format_name + "' (use graphml, gexf or neo4j)");
  auto store = kg::Store::open(db);
  if (!store.ok()) return usage_error(kg::shell::Session::describe(store.status()));
  auto graph = store->load_graph();
  if (!graph.ok()) return usage_error(kg::shell::Session::describe(graph.status()));
  kg::ExportOptions options;
  options.graph_name = store->meta("dataset");
  options.force = force;
  auto report = kg::export_graph(*graph, *format, into, options);
  if (!report.ok()) {
    std::fprintf(stderr, "%s\n", report.status().to_string().c_str());
    return 1;
  }
  if (report->replaced > 0) {
    std::fprintf(stderr, "note: %zu characters that XML 1.0 cannot hold were written as U+FFFD\n",
                 report->replaced);
  }
  std::printf("exported %zu nodes and %zu edges to %s (%s)\n", report->nodes, report->edges,
              into.c_str(), std::string(kg::export_format_name(*format)).c_str());
  return 0;
}

// `kamergraaf check FILE`: the structural checks, SQLite's integrity_check and the checksum,
// whatever the file's size. Exit 0 when sound, 1 when damaged, 2 when it cannot be opened at all.
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
  CLI::App app{
      "kamergraaf: a knowledge-graph shell for Dutch foreign- and security-policy papers.\n"
      "Without -c or -f it reads commands from a pipe, or starts the interactive shell."};
  app.set_version_flag("--version", std::string("kamergraaf ") + KG_VERSION);
  std::string db, format_name = "table";
  std::vector<std::string> commands, files;
  bool bail = false;
  bool exact_names = false;
  app.add_option("--db", db,
                 "Graph file to open (default: $KAMERGRAAF_DB, else the shipped GBVS graph)");
  app.add_option("-c,--command", commands,
                 "Run COMMAND and exit (repeatable; runs in order with -f)");
  app.add_option("-f,--file", files, "Run the commands in FILE and exit (repeatable)");
  std::vector<std::string> format_names;
  for (const kg::shell::FormatInfo& f : kg::shell::formats()) format_names.emplace_back(f.name);
  app.add_option("--format", format_name, "Output format (default table)")
      ->check(CLI::IsMember(format_names));
  app.add_flag("--bail", bail, "Stop at the first command that fails");
  bool as_json = false, as_csv = false, no_init = false;
  app.add_flag("--json", as_json, "The same as --format json");
  app.add_flag("--csv", as_csv, "The same as --format csv");
  std::string init_file, positional_db;
  app.add_option("--init", init_file,
                 "Run the commands in FILE first (default: ~/.kamergraafrc when it exists)");
  app.add_flag("--no-init", no_init, "Run no init file");
  app.add_option("GRAPH", positional_db,
                 "Graph file to open, as sqlite3 takes its database (the same as --db)");
  bool verify = false;
  app.add_flag("--verify", verify,
               "Verify the graph file's checksum before answering, whatever its size");
  app.add_flag("--exact-names", exact_names,
               "Refuse name prefixes as guesses (the same as .names exact)");

  std::vector<std::string> dataset_dirs;
  std::string into;
  CLI::App* import =
      app.add_subcommand("import", "Validate dataset folders and build one graph file from them");
  import
      ->add_option("DIR", dataset_dirs,
                   "Dataset folders (types.csv, relations.csv, nodes*.csv, edges*.csv), merged")
      ->required();
  import->add_option("--into", into, "Graph file to write (replaced atomically)")->required();
  std::string check_file;
  CLI::App* check =
      app.add_subcommand("check", "Verify a graph file: structure, SQLite pages and checksum");
  check->add_option("FILE", check_file, "Graph file to verify")->required();

  IngestArgs ingest_args;
  CLI::App* ingest = app.add_subcommand(
      "ingest", "Draft a dataset folder from Kamerstuk texts (.txt papers, .jsonl corpora)");
  ingest
      ->add_option("FILE", ingest_args.inputs,
                   "Papers (.txt) and corpora (.jsonl, one {\"url\",\"text\"} a line)")
      ->required();
  ingest->add_option("--into", ingest_args.into, "Dataset folder to write (all at once)")
      ->required();
  ingest->add_option("--graph", ingest_args.graph,
                     "Graph whose nodes are found as mentions (default: $KAMERGRAAF_DB, else the "
                     "shipped GBVS graph)");
  ingest->add_flag("--no-graph", ingest_args.no_graph,
                   "Find no mentions; define every cited paper");
  ingest->add_flag("--force", ingest_args.force,
                   "Replace --into when it is an earlier ingest draft");
  std::string export_db, export_to, export_into;
  bool export_force = false;
  CLI::App* exporter =
      app.add_subcommand("export", "Write the whole graph for Gephi, yEd, NetworkX or Neo4j");
  exporter->add_option("FILE", export_db, "Graph file to export")->required();
  exporter->add_option("--to", export_to, "graphml, gexf or neo4j")->required();
  exporter
      ->add_option("--into", export_into, "File to write (neo4j: a folder), replaced atomically")
      ->required();
  exporter->add_flag("--force", export_force, "neo4j: replace a folder that is not empty");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : kUsageError;
  }
  if (*import) return run_import(dataset_dirs, into);
  if (*ingest) {
    if (ingest_args.no_graph && !ingest_args.graph.empty()) {
      return usage_error("ingest: --graph and --no-graph exclude each other");
    }
    return run_ingest(ingest_args);
  }
  if (*exporter) return run_export(export_db, export_to, export_into, export_force);
  if (*check) return run_check(check_file);

  if (app.count("--db") > 0 && db.empty()) return usage_error("--db needs a file name");
  if (!positional_db.empty()) {
    if (!db.empty()) return usage_error("give the graph file once: --db FILE or FILE, not both");
    db = positional_db;
  }
  if (db.empty()) db = default_graph();
  if (int(as_json) + int(as_csv) + int(app.count("--format") > 0) > 1) {
    return usage_error("give one output format: --format, --json or --csv");
  }
  if (as_json) format_name = "json";
  if (as_csv) format_name = "csv";
  if (no_init && !init_file.empty()) return usage_error("--init and --no-init exclude each other");
  if (!init_file.empty() && access(init_file.c_str(), R_OK) != 0) {
    return usage_error("cannot read init file '" + init_file + "'");
  }
  if (init_file.empty() && !no_init) init_file = default_init_file();
  std::vector<Action> actions = ordered_actions(argc, argv);
  for (const Action& a : actions) {
    std::error_code ec;
    if (a.is_file && std::filesystem::is_directory(a.text, ec)) {
      return usage_error("cannot read query file '" + a.text + "': it is a folder");
    }
    if (a.is_file && a.text != "-" && access(a.text.c_str(), R_OK) != 0) {
      return usage_error("cannot read query file '" + a.text + "'");
    }
  }

  kg::shell::StreamSink out(stdout);
  kg::shell::StreamSink err(stderr, "standard error");
  kg::shell::Session session(out, err);
  session.settings.format = *kg::shell::parse_format(format_name);
  session.settings.bail = bail;
  if (verify) {  // the session then opens with the checks for its size, which are cheap by then
    auto store = kg::Store::open(db);
    auto verified = store.ok() ? store->verify_checksum() : kg::Result<bool>(store.status());
    if (!verified.ok()) return usage_error(kg::shell::Session::describe(verified.status()));
  }
  session.settings.exact_names = exact_names;
  if (kg::Status s = session.open(db); !s.ok()) {
    return usage_error(kg::shell::Session::describe(s));
  }

  // The init file runs first, as sqlite3's ~/.sqliterc: settings, an .avoid list, a .read.
  if (!init_file.empty()) {
    std::ifstream in(init_file);
    kg::shell::ScriptReader reader(in, init_file);
    session.run(reader);
  }

  if (!actions.empty() || isatty(STDIN_FILENO) == 0) {
    // A script stops at Ctrl-C: the running query fails with kInterrupted, the session prints
    // `interrupted` and ends with 130 (128 + SIGINT, as a shell reports a killed command).
    g_cancel = &session.cancel_token();
    struct sigaction action {};
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
  }
  if (!actions.empty()) {
    for (const Action& a : actions) {
      if (session.quit_requested() || session.bailed() || session.interrupted()) break;
      if (a.is_file && a.text == "-") {
        kg::shell::ScriptReader reader(std::cin, "<stdin>");
        session.run(reader);
      } else if (a.is_file) {
        std::ifstream in(a.text);
        kg::shell::ScriptReader reader(in, a.text);
        session.run(reader);
      } else {
        std::istringstream in(a.text);
        kg::shell::ScriptReader reader(in, "");
        session.run(reader);
      }
    }
  } else if (isatty(STDIN_FILENO) == 0) {
    kg::shell::ScriptReader reader(std::cin, "<stdin>");
    session.run(reader);
  } else {
    kg::shell::run_interactive(session, kg::shell::history_path());
  }
  // Output still buffered, or lost to a full disk or closed pipe, must not end in success.
  out.flush();
  if (kg::Status s = out.take_error(); !s.ok()) {
    std::fprintf(stderr, "%s\n", kg::error_line("", s.message()).c_str());
    return 1;
  }
  if (session.interrupted()) return kInterruptedExit;
  return session.failures() > 0 ? 1 : 0;
}

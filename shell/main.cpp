// Entry point of the kamergraaf executable: parses the command line and dispatches to import or
// (for now) a minimal query runner. Exit status: 0 ok, 1 a command failed, 2 usage error.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <string>

#include "kg/importer.h"

int main(int argc, char** argv) {
  CLI::App app{"kamergraaf: a knowledge-graph shell for Dutch foreign- and security-policy papers"};
  app.set_version_flag("--version", std::string("kamergraaf ") + KG_VERSION);
  std::string dataset_dir, into;
  CLI::App* import = app.add_subcommand("import", "Validate a dataset folder and build a graph file");
  import->add_option("DIR", dataset_dir, "Dataset folder (types.csv, relations.csv, nodes*.csv, edges*.csv)")
      ->required();
  import->add_option("--into", into, "Graph file to write (replaced atomically)")->required();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  if (*import) {
    kg::ImportReport report = kg::import_dataset(dataset_dir, into);
    for (const kg::Status& p : report.problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
    if (!report.ok()) {
      if (report.problem_count > report.problems.size()) {
        std::fprintf(stderr, "... and %zu more errors\n", report.problem_count - report.problems.size());
      }
      std::fprintf(stderr, "import failed: %zu errors; %s was not changed\n", report.problem_count,
                   into.c_str());
      return 1;
    }
    std::printf("imported %zu nodes and %zu edges into %s\n", report.nodes, report.edges, into.c_str());
    return 0;
  }
  std::fprintf(stderr, "the query shell is not built yet; see 'kamergraaf --help'\n");
  return 2;
}

// Tests for the command table (shell/command.h, commands.cpp): every row is complete and
// documented, usage and help derive from its parameters. Parsing is in request_test.cpp.
#include "command.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

namespace {

using kg::shell::Command;
using kg::shell::find_command;

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The text of docs/commands.md from `heading` to the next heading of any level.
std::string section(const std::string& docs, const std::string& heading) {
  const auto at = docs.find("\n" + heading + "\n");
  if (at == std::string::npos) return {};
  const auto body = at + heading.size() + 2;
  const auto next = docs.find("\n#", body);
  return docs.substr(body, next == std::string::npos ? std::string::npos : next - body);
}

const Command& command(const char* name) {
  const Command* c = find_command(name);
  REQUIRE(c != nullptr);
  return *c;
}

std::string usage(const char* name) {
  return command(name).usage();
}

}  // namespace

TEST_CASE("Commands: every row is complete and documented under its own heading") {
  const std::string docs = read_file(std::string(KG_SOURCE_DIR) + "/docs/commands.md");
  REQUIRE_FALSE(docs.empty());
  const std::string shared = section(docs, "## Shared filters");
  REQUIRE_FALSE(shared.empty());
  for (const Command& c : kg::shell::commands()) {
    CAPTURE(c.name);
    CHECK_FALSE(c.summary.empty());
    CHECK_FALSE(c.details.empty());
    const bool has_handler = c.handler != nullptr;
    CHECK(has_handler);
    const std::string own = section(docs, "### " + std::string(c.name));
    REQUIRE_FALSE(own.empty());
    // The section opens with the usage the table derives, so the two cannot drift apart.
    CHECK(own.substr(0, c.usage().size() + 2) == "`" + c.usage() + "`");
    // Each flag is explained in prose (not only named in the usage line): the command's own flags
    // in its section, the filters under "Shared filters".
    const std::string prose =
        own.substr(own.find('\n') == std::string::npos ? own.size() : own.find('\n'));
    for (const kg::shell::Param* f : c.all_flags()) {
      CAPTURE(f->name);
      const std::string& where = kg::shell::is_filter(f->field) ? shared : prose;
      CHECK(where.find("`" + std::string(f->name)) != std::string::npos);
    }
  }
}

TEST_CASE("Commands: usage derives from the declared parameters") {
  CHECK(usage("path") == "path A B [--why] [filters]");
  CHECK(usage("paths") == "paths A B [--k N] [--rank length|specific] [--why] [filters]");
  CHECK(usage(".avoid") == ".avoid [N1,N2|none]");
  CHECK(usage("common") == "common A B [C...] [--why] [filters]");
  CHECK(usage("rank") == "rank degree|betweenness|pagerank [--top N] [filters]");
  CHECK(usage("components") == "components [--top N] [filters]");
  CHECK(usage("find") == "find TEXT [--type T] [--top N]");
  CHECK(usage(".mode") == ".mode [table|csv|tsv|json|dot|graphml|gexf|svg]");
  CHECK(usage(".limit") == ".limit [visited|results|hubs N]");
  CHECK(usage(".quit") == ".quit");
}

TEST_CASE("Commands: help lists every flag with its value and default, filters first") {
  CHECK(kg::shell::command_help(command("rank")) ==
        "usage: rank degree|betweenness|pagerank [--top N] [filters]\n"
        "the most central nodes by a measure\n"
        "\n"
        "Scores every node of the (relation-filtered) graph and lists the top N; --type limits "
        "which nodes are listed, not which are counted.\n"
        "Example: rank betweenness --type actor --top 5\n"
        "\n"
        "flags:\n"
        "  --type T1,T2           list only nodes of these types\n"
        "  --dir out|in|both      follow edges forward (out), backward (in) or either way (both, "
        "the default)\n"
        "  --rel R1,R2            follow only these relations\n"
        "  --not-rel R1,R2        never follow these relations\n"
        "  --through T1,T2        pass only through nodes of these types\n"
        "  --avoid N1,N2          never pass through these nodes\n"
        "  --avoid-hubs [N]       never pass through a node of degree above N (default: .limit "
        "hubs)\n"
        "  --top N                show at most N rows (default 10)\n");
}

TEST_CASE("Commands: names, aliases and suggestions") {
  CHECK(find_command("neighbors") == find_command("neighbours"));
  CHECK(find_command(".exit") == find_command(".quit"));
  CHECK(find_command("nope") == nullptr);
  CHECK(kg::shell::suggest_command("pth") == "path");
  CHECK(kg::shell::suggest_command("neighbour") == "neighbours");
  CHECK(kg::shell::suggest_command("nope") == "");
  CHECK(kg::shell::suggest_command("xyzzy") == "");
}

TEST_CASE("Commands: the choices of each kind") {
  using kg::shell::Kind;
  using V = std::vector<std::string>;
  CHECK(kg::shell::choices(Kind::kDirection) == V{"out", "in", "both"});
  CHECK(kg::shell::choices(Kind::kMeasure) == V{"degree", "betweenness", "pagerank"});
  CHECK(kg::shell::choices(Kind::kFormat) ==
        V{"table", "csv", "tsv", "json", "dot", "graphml", "gexf", "svg"});
  CHECK(kg::shell::choices(Kind::kNode).empty());
}

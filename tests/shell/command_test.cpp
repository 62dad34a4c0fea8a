// Tests for the command table (shell/command.h): every command is complete and documented, and
// invocations are checked against it.
#include "command.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string parse(const char* name, std::vector<std::string> words) {
  const kg::shell::Command* c = kg::shell::find_command(name);
  REQUIRE(c != nullptr);
  auto inv = kg::shell::parse_invocation(*c, words);
  if (!inv.ok()) return "error: " + inv.status().message();
  std::string out;
  for (const auto& a : inv->args) out += "[" + a + "]";
  for (const auto& [flag, values] : inv->flags) {
    out += " " + std::string(kg::shell::flag_info(flag).name);
    for (const auto& v : values) out += "=" + v;
  }
  return out;
}

}  // namespace

TEST_CASE("Commands: every command has usage, summary, details, a handler and docs") {
  const std::string docs = read_file(std::string(KG_SOURCE_DIR) + "/docs/commands.md");
  REQUIRE_FALSE(docs.empty());
  for (const kg::shell::Command& c : kg::shell::commands()) {
    CAPTURE(c.name);
    CHECK_FALSE(c.usage.empty());
    CHECK(c.usage.starts_with(c.name));
    CHECK_FALSE(c.summary.empty());
    CHECK_FALSE(c.details.empty());
    const bool has_handler = c.handler != nullptr;
    CHECK(has_handler);
    CHECK((c.max_args < 0 || c.max_args >= c.min_args));
    CHECK(docs.find("\n### " + std::string(c.name) + "\n") != std::string::npos);
    for (kg::shell::Flag f : c.flags) {
      CHECK(docs.find("`" + std::string(kg::shell::flag_info(f).name)) != std::string::npos);
    }
    const std::string help = kg::shell::command_help(c);
    CHECK(help.find(std::string(c.usage)) != std::string::npos);
  }
}

TEST_CASE("Commands: names, aliases and suggestions") {
  CHECK(kg::shell::find_command("neighbors") == kg::shell::find_command("neighbours"));
  CHECK(kg::shell::find_command(".exit") == kg::shell::find_command(".quit"));
  CHECK(kg::shell::find_command("nope") == nullptr);
  CHECK(kg::shell::suggest_command("pth") == "path");
  CHECK(kg::shell::suggest_command("neighbour") == "neighbours");
  CHECK(kg::shell::suggest_command("xyzzy") == "");
}

TEST_CASE("Commands: invocations are parsed and checked against the table") {
  CHECK(parse("path", {"a", "b"}) == "[a][b]");
  CHECK(parse("path", {"a", "--avoid", "x", "b", "--avoid=y,z", "--why"}) == "[a][b] --avoid=x=y,z --why");
  CHECK(parse("neighbours", {"a", "--depth", "2"}) == "[a] --depth=2");
  CHECK(parse("path", {"a"}) ==
        "error: path takes 2 arguments; usage: path A B [--why] [--dir D] [--rel R] [--not-rel R] "
        "[--type T] [--avoid N] [--max-hops N]");
  CHECK(parse("common", {"a"}) == "error: common takes at least 2 arguments; usage: common A B [C...] [filters]");
  CHECK(parse("help", {"a", "b"}) == "error: help takes 0 to 1 arguments; usage: help [COMMAND]");
  CHECK(parse("neighbours", {"a", "--dpeth", "2"}) ==
        "error: unknown flag '--dpeth' for neighbours (did you mean '--depth'?)");
  CHECK(parse("neighbours", {"a", "--k", "2"}) == "error: unknown flag '--k' for neighbours; see help neighbours");
  CHECK(parse("stats", {"--top", "2"}) == "error: unknown flag '--top' for stats (it takes no flags)");
  CHECK(parse("path", {"a", "b", "--avoid"}) == "error: --avoid needs a value (N1,N2)");
  CHECK(parse("path", {"a", "b", "--why=yes"}) == "error: --why takes no value");
}

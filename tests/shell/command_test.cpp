// Tests for the command table (shell/command.h, commands.cpp, request.cpp): every row is complete
// and documented, usage and help derive from its parameters, and lines parse into typed requests.
#include "command.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "support/tiny_session.h"

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

// A request as one canonical string: "nodes=a,b text=… measure=… --k=3 dir=out rel=… …".
struct Parser : kg::test::TinySession {
  std::string parse(const char* name, std::vector<std::string> words) {
    const kg::shell::Context context{&session.graph(), &session.resolver(), {}};
    auto r = kg::shell::parse_request(command(name), words, context);
    if (!r.ok()) {
      return "error@" + std::to_string(r.status().where().argument) + ": " +
             kg::shell::Session::describe(r.status());
    }
    const kg::Graph& g = session.graph();
    std::string line;
    auto item = [&](const std::string& s) { line += (line.empty() ? "" : " ") + s; };
    auto keys = [&](const std::vector<kg::NodeId>& ids) {
      std::string k;
      for (kg::NodeId id : ids) k += (k.empty() ? "" : ",") + std::string(g.node(id).key);
      return k;
    };
    if (!r->nodes.empty()) item("nodes=" + keys(r->nodes));
    if (r->text) item("text=" + *r->text);
    if (r->measure_name) item("measure=" + *r->measure_name);
    if (r->on_off) item(*r->on_off ? "on" : "off");
    if (r->format) item("format=" + std::string(kg::shell::format_name(*r->format)));
    if (r->limit_name) item("limit=" + *r->limit_name);
    for (const auto& [field, n] : r->numbers)
      item("#" + std::to_string(static_cast<int>(field)) + "=" + std::to_string(n));
    const kg::Filter& f = r->filter;
    if (f.direction != kg::Direction::kBoth)
      item(f.direction == kg::Direction::kOut ? "dir=out" : "dir=in");
    for (auto rel : f.only_relations) item("rel=" + g.relations()[rel].name);
    for (auto rel : f.not_relations) item("not-rel=" + g.relations()[rel].name);
    for (auto t : f.types) item("type=" + g.types()[t].name);
    if (!f.avoid.empty()) item("avoid=" + keys(f.avoid));
    if (f.max_hops >= 0) item("max-hops=" + std::to_string(f.max_hops));
    if (r->why) item("why");
    if (r->at) item("at=" + *r->at);
    return line;
  }
};

// Field numbers as the canonical string shows them.
const std::string kDepth = "#" + std::to_string(static_cast<int>(kg::shell::Field::kDepth));
const std::string kK = "#" + std::to_string(static_cast<int>(kg::shell::Field::kK));
const std::string kTop = "#" + std::to_string(static_cast<int>(kg::shell::Field::kTop));
const std::string kCount = "#" + std::to_string(static_cast<int>(kg::shell::Field::kCount));

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
  CHECK(usage("path") ==
        "path A B [--why] [--dir D] [--rel R] [--not-rel R] [--type T] [--avoid N] [--max-hops N]");
  CHECK(usage("paths") == "paths A B [--k N] [--why] [filters]");
  CHECK(usage("common") == "common A B [C...] [filters]");
  CHECK(usage("rank") == "rank degree|betweenness|pagerank [--top N] [filters]");
  CHECK(usage("components") == "components [--top N] [filters]");
  CHECK(usage("find") == "find TEXT [--type T] [--top N]");
  CHECK(usage(".mode") == ".mode [table|csv|tsv|json|dot]");
  CHECK(usage(".limit") == ".limit [visited|results N]");
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
        "  --avoid N1,N2          never pass through these nodes\n"
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
  CHECK(kg::shell::choices(Kind::kFormat) == V{"table", "csv", "tsv", "json", "dot"});
  CHECK(kg::shell::choices(Kind::kNode).empty());
}

TEST_CASE("Commands: lines parse into typed requests with defaults filled in") {
  Parser p;
  CHECK(p.parse("path", {"rusland", "navo"}) == "nodes=rusland,navo");
  CHECK(p.parse("path", {"rusland", "--avoid", "cwv", "navo", "--avoid=inf-verdrag,mali",
                         "--why"}) == "nodes=rusland,navo avoid=cwv,inf-verdrag,mali why");
  CHECK(p.parse("neighbours", {"navo"}) == "nodes=navo " + kDepth + "=1");
  CHECK(p.parse("neighbours", {"navo", "--depth", "2", "--dir", "out", "--type", "actor,treaty"}) ==
        "nodes=navo " + kDepth + "=2 dir=out type=actor type=treaty");
  CHECK(p.parse("paths", {"rusland", "navo", "--k=5", "--not-rel", "cites", "--max-hops", "4"}) ==
        "nodes=rusland,navo " + kK + "=5 not-rel=cites max-hops=4");
  CHECK(p.parse("paths", {"rusland", "navo", "--k", "2", "--k", "7"}) ==
        "nodes=rusland,navo " + kK + "=7");
  CHECK(p.parse("common", {"rusland", "navo", "mali"}) == "nodes=rusland,navo,mali");
  CHECK(p.parse("rank", {"pagerank", "--rel", "party_to,member_of"}) ==
        "measure=pagerank " + kTop + "=10 rel=party_to rel=member_of");
  CHECK(p.parse("find", {"zenuw", "gas", "--top", "3"}) == "text=zenuw gas " + kTop + "=3");
  CHECK(p.parse("cites", {"10 000, nr. 1", "--at", "vn. 2"}) == "nodes=kst-10000-1 at=vn. 2");
  CHECK(p.parse(".timer", {"on"}) == "on");
  CHECK(p.parse(".mode", {"csv"}) == "format=csv");
  CHECK(p.parse(".limit", {"results", "5"}) == "limit=results " + kCount + "=5");
  CHECK(p.parse(".limit", {}) == "");
  CHECK(p.parse("help", {"paths"}) == "text=paths");
}

TEST_CASE("Commands: bad lines are one error naming the word at fault") {
  Parser p;
  CHECK(
      p.parse("path", {"rusland"}) ==
      "error@-1: path takes 2 arguments; usage: path A B [--why] [--dir D] [--rel R] [--not-rel R] "
      "[--type T] [--avoid N] [--max-hops N]");
  CHECK(p.parse("common", {"a"}) ==
        "error@-1: common takes at least 2 arguments; usage: common A B [C...] [filters]");
  CHECK(p.parse("help", {"a", "b"}) ==
        "error@-1: help takes 0 to 1 arguments; usage: help [COMMAND]");
  CHECK(p.parse(".limit", {"visited"}) == "error@-1: usage: .limit [visited|results N]");
  CHECK(p.parse("neighbours", {"navo", "--dpeth", "2"}) ==
        "error@1: unknown flag '--dpeth' for neighbours (did you mean '--depth'?)");
  CHECK(p.parse("neighbours", {"navo", "--k", "2"}) ==
        "error@1: unknown flag '--k' for neighbours; see help neighbours");
  CHECK(p.parse("stats", {"--top", "2"}) ==
        "error@0: unknown flag '--top' for stats (it takes no flags)");
  CHECK(p.parse("path", {"a", "b", "--avoid"}) == "error@2: --avoid needs a value (N1,N2)");
  CHECK(p.parse("path", {"a", "b", "--why=yes"}) == "error@2: --why takes no value");
  CHECK(p.parse("show", {"rusladn"}) ==
        "error@0: no node matches 'rusladn'; did you mean Rusland (rusland)?");
  CHECK(p.parse("path", {"rusland", "rusladn"}) ==
        "error@1: no node matches 'rusladn'; did you mean Rusland (rusland)?");
  CHECK(p.parse("path", {"rusland", "navo", "--dir", "up"}) ==
        "error@2: invalid --dir 'up' (use out, in or both)");
  CHECK(p.parse("path", {"rusland", "navo", "--dir", "ot"}) ==
        "error@2: invalid --dir 'ot' (did you mean 'out'?)");
  CHECK(p.parse("rank", {"pagernk"}) ==
        "error@0: unknown measure 'pagernk' (did you mean 'pagerank'?)");
  CHECK(p.parse(".timer", {"maybe"}) == "error@0: .timer takes on or off, not 'maybe'");
  CHECK(p.parse(".mode", {"xml"}) ==
        "error@0: unknown format 'xml' (use table, csv, tsv, json or dot)");
  CHECK(p.parse("neighbours", {"navo", "--depth", "-1"}) ==
        "error@1: --depth needs a whole number of at least 0, not '-1'");
  CHECK(p.parse("paths", {"a", "b", "--k", "x"}) ==
        "error@2: --k needs a whole number of at least 1, not 'x'");
  CHECK(p.parse(".limit", {"results", "0"}) ==
        "error@1: .limit needs a whole number of at least 1, not '0'");
  CHECK(p.parse("path", {"rusland", "navo", "--rel", "member_of,partyto"}) ==
        "error@2: unknown relation 'partyto' (did you mean 'party_to'?); relations lists them");
  CHECK(p.parse("path", {"rusland", "navo", "--avoid", "cwv,nergens"}) ==
        "error@2: no node matches 'nergens'");
}

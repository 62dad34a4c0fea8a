// Tests for shell/request.cpp: lines parse into typed requests with their defaults, and each bad
// line is one error naming the word at fault (Location::argument).
#include <doctest/doctest.h>

#include "command.h"
#include "support/tiny_session.h"

namespace {

using kg::shell::find_command;

const kg::shell::Command& command(const char* name) {
  const kg::shell::Command* c = find_command(name);
  REQUIRE(c != nullptr);
  return *c;
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
    for (auto t : f.through) item("through=" + g.types()[t].name);
    for (auto t : f.listed) item("type=" + g.types()[t].name);
    if (f.avoid_hubs > 0) item("avoid-hubs=" + std::to_string(f.avoid_hubs));
    if (r->order == kg::PathOrder::kSpecific) item("rank=specific");
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

TEST_CASE("Request: --through, --type, --avoid-hubs and --rank fill their own filter fields") {
  Parser p;
  SUBCASE("--through limits what is passed, --type what is listed") {
    CHECK(p.parse("neighbours", {"navo", "--through", "threat", "--type", "actor"}) ==
          "nodes=navo " + kDepth + "=1 through=threat type=actor");
    CHECK(p.parse("rank", {"degree", "--through", "actor,treaty"}) ==
          "measure=degree " + kTop + "=10 through=actor through=treaty");
  }
  SUBCASE("--avoid-hubs takes a number when one follows, else the hub degree of the limits") {
    CHECK(p.parse("path", {"rusland", "navo", "--avoid-hubs"}) ==
          "nodes=rusland,navo avoid-hubs=36");
    CHECK(p.parse("path", {"rusland", "--avoid-hubs", "navo"}) ==
          "nodes=rusland,navo avoid-hubs=36");
    CHECK(p.parse("path", {"rusland", "--avoid-hubs", "5", "navo"}) ==
          "nodes=rusland,navo avoid-hubs=5");
    CHECK(p.parse("path", {"rusland", "navo", "--avoid-hubs=7"}) ==
          "nodes=rusland,navo avoid-hubs=7");
    CHECK(p.parse("path", {"rusland", "navo", "--avoid-hubs=x"}) ==
          "error@2: --avoid-hubs needs a whole number of at least 0, not 'x'");
  }
  SUBCASE("--rank picks the order of paths") {
    CHECK(p.parse("paths", {"rusland", "navo", "--rank", "specific"}) ==
          "nodes=rusland,navo " + kK + "=3 rank=specific");
    CHECK(p.parse("paths", {"rusland", "navo", "--rank", "length"}) ==
          "nodes=rusland,navo " + kK + "=3");
    CHECK(p.parse("paths", {"rusland", "navo", "--rank", "specfic"}) ==
          "error@2: invalid --rank 'specfic' (did you mean 'specific'?)");
  }
}

TEST_CASE("Request: lines parse into typed requests with defaults filled in") {
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

TEST_CASE("Request: bad lines are one error naming the word at fault") {
  Parser p;
  CHECK(p.parse("path", {"rusland"}) ==
        "error@-1: path takes 2 arguments; usage: path A B [--why] [filters]");
  CHECK(p.parse("common", {"a"}) ==
        "error@-1: common takes at least 2 arguments; usage: common A B [C...] [--why] [filters]");
  CHECK(p.parse("help", {"a", "b"}) ==
        "error@-1: help takes 0 to 1 arguments; usage: help [COMMAND]");
  CHECK(p.parse(".limit", {"visited"}) == "error@-1: usage: .limit [visited|results|hubs N]");
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
        "error@0: unknown format 'xml' (use table, csv, tsv, json, dot, graphml, gexf or svg)");
  CHECK(p.parse("neighbours", {"navo", "--depth", "-1"}) ==
        "error@1: --depth needs a whole number of at least 0, not '-1'");
  CHECK(p.parse("paths", {"a", "b", "--k", "x"}) ==
        "error@2: --k needs a whole number of at least 1, not 'x'");
  CHECK(p.parse(".limit", {"results", "0"}) ==
        "error@1: .limit needs a whole number of at least 1, not '0'");
  CHECK(p.parse("path", {"rusland", "navo", "--rel", "member_of,partyto"}) ==
        "error@2: unknown relation 'partyto' (did you mean 'party_to'?); relations lists them");
  // Labels are relation words too, so a mistyped label suggests the label.
  CHECK(p.parse("path", {"rusland", "navo", "--rel", "is partij bjj"}) ==
        "error@2: unknown relation 'is partij bjj' (did you mean 'is partij bij'?); relations "
        "lists them");
  CHECK(p.parse("path", {"rusland", "navo", "--avoid", "cwv,nergens"}) ==
        "error@2: no node matches 'nergens'");
}

TEST_CASE("Request: --rel and --not-rel take names and either direction's label") {
  Parser p;
  CHECK(p.parse("path", {"rusland", "navo", "--rel", "is partij bij"}) ==
        "nodes=rusland,navo rel=party_to");
  CHECK(p.parse("path", {"rusland", "navo", "--rel", "Heeft als partij,member_of"}) ==
        "nodes=rusland,navo rel=party_to rel=member_of");
  CHECK(p.parse("neighbours",
                {"rusland", "--not-rel", "wordt geciteerd door", "--not-rel", "GAAT OVER"}) ==
        "nodes=rusland " + kDepth + "=1 not-rel=cites not-rel=concerns");
}

// Tests for kg/importer.h and the dataset checks behind it (graph/src/dataset.cpp): every
// class of problem with its exact message, the cap on reported problems, and atomicity.
#include "kg/importer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "kg/algorithms.h"
#include "kg/store.h"
#include "support/test_graph.h"

namespace fs = std::filesystem;

namespace {

// A writable copy of the tiny fixture.
struct DatasetCopy {
  DatasetCopy() : dir(kg::test::temp_dir("dataset") + "/tiny") {
    fs::copy(std::string(KG_FIXTURES) + "/tiny", dir);
  }
  void append(const std::string& file, const std::string& text) const {
    std::ofstream(dir + "/" + file, std::ios::app) << text;
  }
  void write(const std::string& file, const std::string& text) const {
    std::ofstream(dir + "/" + file, std::ios::trunc) << text;
  }
  // Imports into `db` and returns the problems, one per line, with the folder shown as "D".
  std::string import_into(const std::string& db) const {
    kg::ImportReport r = kg::import_dataset(dir, db);
    std::string out;
    for (const kg::Status& s : r.problems) {
      std::string line = s.to_string();
      if (line.starts_with(dir)) line = "D" + line.substr(dir.size());
      out += line + "\n";
    }
    if (r.problem_count > r.problems.size()) {
      out += "+" + std::to_string(r.problem_count - r.problems.size()) + " more\n";
    }
    return out;
  }
  std::string import() const { return import_into(kg::test::temp_dir("db") + "/g.db"); }
  int lines(const std::string& file) const {
    std::ifstream in(dir + "/" + file);
    return static_cast<int>(std::count(std::istreambuf_iterator<char>(in), {}, '\n'));
  }
  std::string dir;
};

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("Importer: the fixture imports cleanly") {
  DatasetCopy d;
  CHECK(d.import() == "");
}

TEST_CASE("Importer: node problems name file, line and cause") {
  DatasetCopy d;
  const int next = d.lines("nodes-actors.csv") + 1;
  d.append("nodes-actors.csv",
           "navo,actor,Another NAVO,,dup key,organisation\n"  // duplicate key
           "frankrijk,acter,Frankrijk,,,state\n"              // unknown type
           "nato-2,actor,Nato Two,NATO,,organisation\n"       // alias claimed twice
           "Bad Key,actor,Bad,,,state\n"                      // invalid key
           "oekraine-2,actor,OEKRAINE,,,state\n"              // name equal after folding
           "leeg,actor,,,,state\n");                          // empty name
  const std::string f = "D/nodes-actors.csv:";
  CHECK(
      d.import() ==
      f + std::to_string(next) +
          ": error: duplicate node key 'navo' (first at nodes-actors.csv:3)\n" + f +
          std::to_string(next + 1) +
          ": error: unknown type 'acter' in column 'type' (did you mean 'actor'?)\n" + f +
          std::to_string(next + 2) +
          ": error: alias 'NATO' is already claimed by node 'navo' (nodes-actors.csv:3)\n" + f +
          std::to_string(next + 3) +
          ": error: invalid key 'Bad Key' (use lowercase letters, digits and -)\n" + f +
          std::to_string(next + 4) +
          ": error: name 'OEKRAINE' is already claimed by node 'oekraine' (nodes-actors.csv:6)\n" +
          f + std::to_string(next + 5) + ": error: empty 'name'\n");
}

TEST_CASE("Importer: edge problems name file, line and cause") {
  DatasetCopy d;
  const int next = d.lines("edges.csv") + 1;
  d.append("edges.csv",
           "nederland,lid_van,navo,kst-10000-1,p. 1,,\n"     // unknown relation
           "nederland,member_of,navoo,kst-10000-1,p. 1,,\n"  // unknown endpoint
           "inf-verdrag,party_to,navo,kst-10000-1,p. 1,,\n"  // outside domain and range
           "nederland,member_of,navo,,p. 1,,\n"              // no source
           "nederland,member_of,navo,kst-10000-1,,,\n"       // no locator
           "nederland,member_of,navo,navo,p. 1,,\n");        // source not a kamerstuk
  const std::string f = "D/edges.csv:";
  auto at = [&](int i) { return f + std::to_string(next + i) + ": error: "; };
  CHECK(d.import() ==
        at(0) + "unknown relation 'lid_van'\n" + at(1) + "unknown node 'navoo' in column 'to'\n" +
            at(2) + "relation 'party_to' cannot go from treaty 'inf-verdrag' (allowed: actor)\n" +
            at(2) + "relation 'party_to' cannot go to actor 'navo' (allowed: treaty)\n" + at(3) +
            "missing source\n" + at(4) +
            "missing locator (where in the source the fact is stated)\n" + at(5) +
            "source 'navo' is not a kamerstuk (its type is actor)\n");
}

TEST_CASE("Importer: malformed CSV, bad UTF-8 and missing columns are reported per file") {
  DatasetCopy d;
  d.append("edges.csv", "nederland,member_of,\"navo,kst-10000-1\n");
  d.append("nodes-other.csv", "x1,place,Caf\xE9,,,,,,\n");
  d.write("nodes-actors.csv", "key,name\nnederland,Nederland\n");
  const std::string out = d.import();
  CHECK(out.find("D/edges.csv:" + std::to_string(d.lines("edges.csv")) +
                 ": error: unterminated quoted field\n") != std::string::npos);
  CHECK(out.find("D/nodes-other.csv:" + std::to_string(d.lines("nodes-other.csv")) +
                 ": error: invalid UTF-8 (byte 0xE9 at column 13)\n") != std::string::npos);
  CHECK(out.find("D/nodes-actors.csv:1: error: missing required column 'type'\n") !=
        std::string::npos);
}

TEST_CASE("Importer: missing files and folders") {
  DatasetCopy d;
  fs::remove(d.dir + "/types.csv");
  fs::remove(d.dir + "/relations.csv");
  d.write("notes.csv", "a\n1\n");
  d.write("review.csv", "name,kind\nUNDP,acronym\n");  // an ingest draft's review list: ignored
  CHECK(d.import() ==
        "D/notes.csv: error: unexpected file name (expected types.csv, relations.csv, nodes*.csv, "
        "edges*.csv or review.csv)\n"
        "D/relations.csv: error: missing file\n"
        "D/types.csv: error: missing file\n");
  kg::ImportReport none = kg::import_dataset("/nonexistent/folder", "/tmp/never.db");
  REQUIRE(none.problems.size() == 1);
  CHECK(none.problems[0].to_string() ==
        "/nonexistent/folder: error: not a dataset folder (no such directory)");
  CHECK_FALSE(fs::exists("/tmp/never.db"));
}

TEST_CASE("Importer: caps the list and counts the rest") {
  DatasetCopy d;
  std::string many;
  for (int i = 0; i < 60; ++i) many += "nederland,lid_van,navo,kst-10000-1,p. 1,,\n";
  d.append("edges.csv", many);
  kg::ImportReport r = kg::import_dataset(d.dir, kg::test::temp_dir("db") + "/g.db");
  CHECK(r.problem_count == 60);
  CHECK(r.problems.size() == 50);
  CHECK(d.import().find("+10 more\n") != std::string::npos);
}

TEST_CASE("Importer: a failed import leaves the existing file byte-identical") {
  DatasetCopy d;
  const std::string db = kg::test::temp_dir("atomic") + "/g.db";
  REQUIRE(d.import_into(db) == "");
  const std::string before = read_bytes(db);
  REQUIRE_FALSE(before.empty());
  d.append("edges.csv", "nederland,lid_van,navo,kst-10000-1,p. 1,,\n");
  CHECK_FALSE(d.import_into(db).empty());
  CHECK(read_bytes(db) == before);
  CHECK_FALSE(fs::exists(db + ".partial"));
}

TEST_CASE("Importer: a failed import does not create the target") {
  DatasetCopy d;
  d.append("edges.csv", "nederland,lid_van,navo,kst-10000-1,p. 1,,\n");
  const std::string db = kg::test::temp_dir("atomic") + "/new.db";
  CHECK_FALSE(d.import_into(db).empty());
  CHECK_FALSE(fs::exists(db));
}

TEST_CASE("Importer: a successful import replaces the old graph and clears a stale partial file") {
  DatasetCopy d;
  const std::string db = kg::test::temp_dir("replace") + "/g.db";
  REQUIRE(d.import_into(db) == "");
  std::ofstream(db + ".partial") << "left by a killed import";
  d.append("nodes-actors.csv", "frankrijk,actor,Frankrijk,France,,state\n");
  REQUIRE(d.import_into(db) == "");
  CHECK_FALSE(fs::exists(db + ".partial"));
  auto store = kg::Store::open(db);
  REQUIRE(store.ok());
  auto g = store->load_graph();
  REQUIRE(g.ok());
  CHECK(g->find_key("frankrijk").has_value());
}

TEST_CASE("Importer: several folders become one graph, with warnings that do not fail it") {
  const std::string merge = std::string(KG_FIXTURES) + "/merge/";
  const std::string db = kg::test::temp_dir("merge") + "/g.db";
  kg::ImportReport r = kg::import_datasets({merge + "base", merge + "draft"}, db);
  REQUIRE(r.ok());
  CHECK(r.nodes == 6);
  CHECK(r.edges == 5);
  REQUIRE(r.warning_count == 2);
  CHECK(r.warnings[0].to_string() ==
        merge +
            "draft/relations.csv:2: warning: relation 'participates_in' is described "
            "differently at " +
            merge + "base/relations.csv:3 (that description is kept)");
  auto store = kg::Store::open(db);
  REQUIRE(store.ok());
  CHECK(store->meta("dataset") == "base+draft");
  auto g = store->load_graph();
  REQUIRE(g.ok());
  // An edge of the draft between a node of the base and one of its own.
  const kg::NodeId navo = kg::test::id(*g, "navo");
  const kg::NodeId sahel = kg::test::id(*g, "sahel");
  auto path = kg::shortest_path(*g, navo, sahel, {});
  REQUIRE(path.ok());
  REQUIRE(path->paths.size() == 1);
  CHECK(kg::test::render(*g, path->paths.front()) == "navo -[participates_in]-> sahel");
}

TEST_CASE("Importer: a failed merge leaves the target untouched and lists both folders' problems") {
  const std::string merge = std::string(KG_FIXTURES) + "/merge/";
  const std::string db = kg::test::temp_dir("merge") + "/g.db";
  kg::ImportReport r = kg::import_datasets({merge + "base", merge + "broken"}, db);
  CHECK(r.problem_count == 7);
  REQUIRE_FALSE(r.problems.empty());
  CHECK(r.problems[0].to_string().starts_with(merge + "broken/edges.csv:2: error: "));
  CHECK_FALSE(fs::exists(db));
  kg::ImportReport none = kg::import_datasets({}, db);
  CHECK(none.problem_count == 1);
}

TEST_CASE("Importer: imports into one target at the same time each leave a whole graph") {
  const std::string gbvs = std::string(KG_SOURCE_DIR) + "/datasets/gbvs-2020";
  const std::string dir = kg::test::temp_dir("concurrent");
  const std::string db = dir + "/g.db";
  for (int round = 0; round < 3; ++round) {
    CAPTURE(round);
    std::vector<kg::ImportReport> reports(3);
    std::vector<std::thread> threads;
    for (kg::ImportReport& r : reports) {
      threads.emplace_back([&r, &gbvs, &db] { r = kg::import_dataset(gbvs, db); });
    }
    for (std::thread& t : threads) t.join();
    for (const kg::ImportReport& r : reports) {
      for (const kg::Status& s : r.problems) FAIL_CHECK(s.to_string());
      CHECK(r.ok());
    }
    auto store = kg::Store::open(db);
    REQUIRE(store.ok());
    auto g = store->load_graph();
    REQUIRE(g.ok());
    CHECK(g->node_count() == 432);
    CHECK(g->edge_count() == 988);
  }
  // Only the graph, its snapshot and its (empty) lock file remain: no temporary is left behind.
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"g.db", "g.db.lock", "g.db.snap"});
}

TEST_CASE("Importer: temporaries of killed imports are removed by the next one") {
  DatasetCopy d;
  const std::string dir = kg::test::temp_dir("stale");
  const std::string db = dir + "/g.db";
  std::ofstream(db + ".partial-a1b2c3") << "left by a killed import";
  std::ofstream(db + ".partial-keepme-not-ours") << "not a name import makes";
  REQUIRE(d.import_into(db) == "");
  CHECK_FALSE(fs::exists(db + ".partial-a1b2c3"));
  CHECK(fs::exists(db + ".partial-keepme-not-ours"));
}

TEST_CASE("Importer: a malformed nodes row is the only error, not unknown nodes in the edges") {
  DatasetCopy d;
  const int row = d.lines("nodes-actors.csv") + 1;
  d.append("nodes-actors.csv", "frankrijk,actor,Frankrijk,France,\"The French Republic,state\n");
  d.append("edges.csv",
           "frankrijk,member_of,navo,kst-10000-1,p. 1,,\n"
           "navo,member_of,frankrijk,kst-10000-1,p. 2,,\n");
  CHECK(d.import() ==
        "D/nodes-actors.csv:" + std::to_string(row) + ": error: unterminated quoted field\n");
}

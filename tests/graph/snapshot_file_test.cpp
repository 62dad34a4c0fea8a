// Tests for graph/src/snapshot_file.h: import writes a snapshot beside the graph file that opens
// mapped with the same answers as the image; a damaged (truncated, any section flipped), stale
// (another import's) or wrong-version snapshot is never trusted: the open says so in one note
// and answers from the graph file; a missing one is silent.
#include "snapshot_file.h"

#include <fmt/format.h>

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "kg/algorithms.h"
#include "kg/resolve.h"
#include "kg/store.h"
#include "support/test_graph.h"

namespace {

namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// What queries answer on `g`: every node with its adjacency, every edge, paths and
// neighbourhoods from every node, and what the resolver makes of a few names.
std::string answers(const kg::Graph& g) {
  std::string out;
  for (kg::NodeId v = 0; v < g.node_count(); ++v) {
    const kg::Node n = g.node(v);
    out += fmt::format("{} {} '{}' [{}] out [{}] in [{}]\n", n.key, g.type_of(v).name, n.name,
                       fmt::join(n.aliases.to_strings(), "|"), fmt::join(g.out_edges(v), ","),
                       fmt::join(g.in_edges(v), ","));
  }
  for (kg::EdgeId e = 0; e < g.edge_count(); ++e) {
    const kg::Edge edge = g.edge(e);
    out += fmt::format("{} {} {} '{}'\n", edge.from, g.relation_of(e).name, edge.to, edge.locator);
  }
  const kg::Filter all;
  for (kg::NodeId v = 0; v < g.node_count(); ++v) {
    const auto to = static_cast<kg::NodeId>(g.node_count() - 1 - v);
    if (auto p = kg::shortest_path(g, v, to, all); p.ok()) {
      out += kg::test::render(g, p->paths) + "\n";
    }
    if (auto nb = kg::neighbourhood(g, v, 2, all); nb.ok()) {
      out += kg::test::render(g, nb->nodes) + "\n";
    }
  }
  const kg::Resolver r(g);
  for (const char* name : {"NATO", "oekraine", "Kamerstuk 10 000, nr. 1", "straat van", "zzz"}) {
    auto found = r.resolve(name);
    out += found.ok() ? std::string(g.node(*found).key) : found.status().message();
    out += "\n";
  }
  return out;
}

struct Opened {
  std::string answers;
  std::vector<std::string> notes;
  bool mapped = false;  // came from the snapshot file
};

Opened open(const std::string& path, kg::Verify verify = kg::Verify::kBySize) {
  auto store = kg::Store::open(path);
  REQUIRE(store.ok());
  Opened o;
  store->set_notes([&](const std::string& line) { o.notes.push_back(line); });
  auto g = store->load_graph(verify);
  REQUIRE_MESSAGE(g.ok(), g.status().to_string());
  o.answers = answers(*g);
  o.mapped = g->data().backing != nullptr;
  return o;
}

// The answers of the graph file at `path` read without its snapshot.
std::string expected_answers(const std::string& path) {
  const std::string copy = path + ".nosnap.db";
  fs::copy_file(path, copy, fs::copy_options::overwrite_existing);
  Opened o = open(copy);
  CHECK(o.notes.empty());
  CHECK_FALSE(o.mapped);
  return o.answers;
}

}  // namespace

TEST_CASE("Snapshot file: import writes it, and the file opens from it with the same answers") {
  const std::string path = kg::test::import_fixture("tiny");
  REQUIRE(fs::exists(path + ".snap"));
  const Opened o = open(path);
  CHECK(o.mapped);
  CHECK(o.notes.empty());
  CHECK(o.answers == expected_answers(path));
  CHECK(o.answers.find("navo\n") != std::string::npos);  // NATO resolved through the index
  SUBCASE("and with the structural checks only") {
    const Opened s = open(path, kg::Verify::kStructure);
    CHECK(s.mapped);
    CHECK(s.answers == o.answers);
  }
  SUBCASE("and verified") {
    auto store = kg::Store::open(path);
    REQUIRE(store.ok());
    auto verified = store->verify_checksum();
    REQUIRE(verified.ok());
    CHECK(*verified);
  }
}

TEST_CASE("Snapshot file: the shipped GBVS graph opens from it with the same answers") {
  const std::string path =
      kg::test::import_folder(std::string(KG_SOURCE_DIR) + "/datasets/gbvs-2020");
  const Opened o = open(path);
  CHECK(o.mapped);
  CHECK(o.answers == expected_answers(path));
}

TEST_CASE("Snapshot file: a missing one is silent, a damaged or stale one is noted and ignored") {
  const std::string path = kg::test::import_fixture("tiny");
  const std::string snap = path + ".snap";
  const std::string good = read_file(snap);
  const std::string expected = expected_answers(path);
  const auto refused = [&](const std::string& bytes, const std::string& why,
                           kg::Verify verify = kg::Verify::kBySize) {
    write_file(snap, bytes);
    const Opened o = open(path, verify);
    CHECK_FALSE(o.mapped);
    REQUIRE(o.notes.size() == 1);
    CHECK(o.notes[0] == "note: " + snap + ": " + why + "; reading the graph file without it");
    CHECK(o.answers == expected);
  };

  SUBCASE("missing") {
    fs::remove(snap);
    const Opened o = open(path);
    CHECK_FALSE(o.mapped);
    CHECK(o.notes.empty());
    CHECK(o.answers == expected);
  }
  SUBCASE("empty") {
    refused("", "damaged snapshot file: shorter than its header");
  }
  SUBCASE("truncated") {
    refused(good.substr(0, good.size() - 8), "damaged snapshot file: has the wrong size");
    refused(good.substr(0, 100), "damaged snapshot file: shorter than its header");
  }
  SUBCASE("not a snapshot") {
    std::string bad = good;
    bad[0] = 'X';
    refused(bad, "damaged snapshot file: not a kamergraaf snapshot");
  }
  SUBCASE("another format version") {
    std::string bad = good;
    const std::uint64_t format = 2;
    std::memcpy(bad.data() + 8, &format, sizeof format);
    refused(bad, "stale snapshot file: has format 2, this kamergraaf reads 1");
  }
  SUBCASE("another import's snapshot") {
    const std::string other = kg::test::import_fixture("tiny");
    REQUIRE(other != path);
    refused(read_file(other + ".snap"),
            "stale snapshot file: it belongs to another import of the graph file");
  }
  SUBCASE("a flipped byte in any section, checksum verified") {
    const auto sections = kg::detail::snapshot_sections(good);
    REQUIRE(sections.size() == 22);
    for (const auto& s : sections) {
      CAPTURE(s.name);
      if (s.size == 0) continue;
      std::string bad = good;
      bad[s.offset + s.size / 2] = static_cast<char>(bad[s.offset + s.size / 2] ^ 0x10);
      refused(bad, "damaged snapshot file: checksum does not match");
      // --verify and check refuse it instead of reading around it.
      auto store = kg::Store::open(path);
      REQUIRE(store.ok());
      auto verified = store->verify_checksum();
      REQUIRE_FALSE(verified.ok());
      CHECK(verified.status().message() == "damaged snapshot file: checksum does not match");
    }
  }
  SUBCASE("a flipped byte in any section, structure only: refused or no crash") {
    // Without the checksum a flip the structural checks cannot see (a letter of a name) loads;
    // every other one is refused. Neither may read out of bounds (ASan builds check that).
    for (const auto& s : kg::detail::snapshot_sections(good)) {
      CAPTURE(s.name);
      for (std::uint64_t at = s.offset; at < s.offset + s.size; at += 1 + s.size / 7) {
        std::string bad = good;
        bad[at] = static_cast<char>(bad[at] ^ 0x01);
        write_file(snap, bad);
        const Opened o = open(path, kg::Verify::kStructure);
        CHECK(o.notes.size() <= 1);
      }
    }
  }
  SUBCASE("the graph file's tables edited after import") {
    // The edit drops the image and its checksum (schema.h's triggers), which the snapshot is
    // tied to: it no longer describes the file.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "UPDATE nodes SET name = 'Het Bondgenootschap' WHERE key = 'navo'",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    const Opened o = open(path);
    CHECK_FALSE(o.mapped);
    CHECK(o.notes == std::vector<std::string>{
                         "note: " + snap +
                         ": stale snapshot file: the graph file was edited or imported without "
                         "it; reading the graph file without it"});
    CHECK(o.answers.find("'Het Bondgenootschap'") != std::string::npos);
  }
}

TEST_CASE("Snapshot file: sections lie inside the file, 8-byte aligned, in order") {
  const std::string path = kg::test::import_fixture("tiny");
  const std::string bytes = read_file(path + ".snap");
  std::uint64_t end = 0;
  for (const auto& s : kg::detail::snapshot_sections(bytes)) {
    CAPTURE(s.name);
    CHECK(s.offset % 8 == 0);
    CHECK(s.offset >= end);
    CHECK(s.offset + s.size <= bytes.size());
    end = s.offset + s.size;
  }
  CHECK(kg::detail::snapshot_file_size(path + ".snap") == bytes.size());
}

TEST_CASE("Snapshot file: the reader of bytes in memory refuses what the file reader refuses") {
  const std::string path = kg::test::import_fixture("tiny");
  const std::string db = read_file(path);
  const std::string snap = read_file(path + ".snap");
  auto store = kg::Store::open_bytes("copy.db", db, snap);
  REQUIRE(store.ok());
  auto g = store->load_graph(kg::Verify::kStructure);
  REQUIRE(g.ok());
  CHECK(g->data().backing != nullptr);
  CHECK(answers(*g) == expected_answers(path));
  std::vector<std::string> notes;
  auto bad = kg::Store::open_bytes("copy.db", db, snap.substr(0, 64));
  REQUIRE(bad.ok());
  bad->set_notes([&](const std::string& line) { notes.push_back(line); });
  CHECK(bad->load_graph(kg::Verify::kStructure).ok());
  CHECK(notes == std::vector<std::string>{"note: copy.db.snap: damaged snapshot file: shorter "
                                          "than its header; reading the graph file without it"});
}

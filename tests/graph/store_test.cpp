// Tests for kg/store.h: identity and version checks, loading a graph, full-text search.
#include "kg/store.h"

#include <fmt/format.h>

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <fstream>
#include <iterator>

#include "support/test_graph.h"

namespace {

void set_user_version(const std::string& path, int version) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  const std::string sql = "PRAGMA user_version = " + std::to_string(version);
  REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

}  // namespace

TEST_CASE("Store: refuses files that are not kamergraaf graphs of this version") {
  const std::string dir = kg::test::temp_dir("store");
  SUBCASE("missing file") {
    auto s = kg::Store::open(dir + "/none.db");
    REQUIRE_FALSE(s.ok());
    CHECK(s.status().kind() == kg::ErrorKind::kIo);
  }
  SUBCASE("not SQLite") {
    std::ofstream(dir + "/text.db") << "just some text, long enough to look like a header......"
                                       "..............................................";
    auto s = kg::Store::open(dir + "/text.db");
    REQUIRE_FALSE(s.ok());
    CHECK(s.status().to_string() ==
          dir + "/text.db: error: not a kamergraaf graph file (not an SQLite database)");
  }
  SUBCASE("another SQLite database") {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir + "/other.db").c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    auto s = kg::Store::open(dir + "/other.db");
    REQUIRE_FALSE(s.ok());
    CHECK(s.status().to_string() ==
          dir +
              "/other.db: error: not a kamergraaf graph file (build one with 'kamergraaf import')");
  }
  SUBCASE("newer schema version") {
    const std::string db = kg::test::import_fixture("tiny");
    set_user_version(db, 3);
    auto s = kg::Store::open(db);
    REQUIRE_FALSE(s.ok());
    CHECK(s.status().kind() == kg::ErrorKind::kVersion);
    CHECK(s.status().message() ==
          "graph file has schema version 3, newer than this kamergraaf reads (2); upgrade "
          "kamergraaf");
  }
  SUBCASE("older schema version (files before the graph image)") {
    const std::string db = kg::test::import_fixture("tiny");
    set_user_version(db, 1);
    auto s = kg::Store::open(db);
    REQUIRE_FALSE(s.ok());
    CHECK(s.status().kind() == kg::ErrorKind::kVersion);
    CHECK(s.status().message() ==
          "graph file has schema version 1, older than this kamergraaf reads (2); import the "
          "dataset again");
  }
  SUBCASE("unknown older schema version") {
    const std::string db = kg::test::import_fixture("tiny");
    set_user_version(db, 0);
    auto s = kg::Store::open(db);
    REQUIRE_FALSE(s.ok());
    CHECK(s.status().message() ==
          "graph file has unknown schema version 0 (this kamergraaf reads 2); import the dataset "
          "again");
  }
}

TEST_CASE("Store: loads every part of the fixture") {
  auto store = kg::Store::open(kg::test::import_fixture("tiny"));
  REQUIRE(store.ok());
  CHECK(store->meta("dataset") == "tiny");
  auto g = store->load_graph();
  REQUIRE(g.ok());
  CHECK(g->node_count() == 22);
  CHECK(g->edge_count() == 22);
  CHECK(g->types().size() == 6);
  CHECK(g->relations().size() == 10);

  const kg::Node curacao = g->node(kg::test::id(*g, "curacao"));
  CHECK(curacao.name == "Curaçao");
  CHECK(g->type_of(kg::test::id(*g, "curacao")).name == "actor");
  CHECK(curacao.attributes.value("kind") == "state");
  const kg::Node rusland = g->node(kg::test::id(*g, "rusland"));
  CHECK(rusland.aliases.to_strings() ==
        std::vector<std::string>{"Russische Federatie", "RF", "Russia"});

  const kg::Relation& party = g->relations()[*g->find_relation("party_to")];
  CHECK(party.label == "is partij bij");
  CHECK(party.inverse == "heeft als partij");

  // Rusland's out-edges in order of the node at the other end: cwv before inf-verdrag.
  std::string out;
  for (kg::EdgeId e : g->out_edges(kg::test::id(*g, "rusland"))) {
    const kg::Edge edge = g->edge(e);
    out += fmt::format("{}>{}@{};", g->relation_of(e).name, g->node(edge.to).key, edge.locator);
  }
  CHECK(out ==
        "party_to>cwv@§ CBRN, p. 5;party_to>inf-verdrag@§ Wapenbeheersing, p. 2;"
        "violates>inf-verdrag@§ Militaire dreigingen, p. 3, vn. 4;");
  const kg::Edge first = g->edge(0);
  CHECK(g->node(first.source).key == "kst-10000-1");
  CHECK(first.attributes.value("since") == "1949");
  CHECK(g->find_key("KST-20500-v-3").has_value());
}

TEST_CASE("Store: full-text search over names, aliases, descriptions and notes") {
  auto store = kg::Store::open(kg::test::import_fixture("tiny"));
  REQUIRE(store.ok());
  auto keys = [&](const char* text) {
    auto r = store->search(text, 10);
    REQUIRE_MESSAGE(r.ok(), r.status().to_string());
    std::string out;
    for (const std::string& k : *r) out += (out.empty() ? "" : " ") + k;
    return out;
  };
  CHECK(keys("oekraine") == "oekraine");                // diacritics ignored
  CHECK(keys("hormuz") == "straat-van-hormuz emasoh");  // name beats alias
  CHECK(keys("frigate") == "emasoh nederland");         // edge notes count for both ends
  CHECK(keys("chem") == "chemische-wapens cwv opcw");   // prefix match
  CHECK(keys("\"NOT\" OR (") == "");                    // operators are literal words
  CHECK_FALSE(store->search("  ,, ", 10).ok());
}

TEST_CASE("Store: a file whose rows break the format is reported as damaged") {
  const std::string db = kg::test::import_fixture("tiny");
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
  SUBCASE("nodes out of key order") {
    REQUIRE(sqlite3_exec(raw, "UPDATE nodes SET key = 'zzz' WHERE id = 0", nullptr, nullptr,
                         nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    auto store = kg::Store::open(db);
    REQUIRE(store.ok());
    CHECK(store->load_graph().status().to_string() ==
          db + ": error: damaged graph file: nodes are not stored in key order");
  }
  SUBCASE("an edge pointing nowhere") {
    REQUIRE(sqlite3_exec(raw, "UPDATE edges SET to_id = 999 WHERE id = 0", nullptr, nullptr,
                         nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    auto store = kg::Store::open(db);
    REQUIRE(store.ok());
    CHECK(store->load_graph().status().message() ==
          "damaged graph file: edge refers to an unknown node or relation");
  }
}

TEST_CASE(
    "Store: the metadata is read at open, and a file whose meta table is unreadable is refused") {
  const std::string db = kg::test::import_fixture("tiny");
  {
    auto store = kg::Store::open(db);
    REQUIRE(store.ok());
    CHECK(store->meta("dataset") == "tiny");
    CHECK(store->meta("kamergraaf_version").empty() == false);
    CHECK(store->meta("no such name").empty());
  }
  sqlite3* handle = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &handle) == SQLITE_OK);
  REQUIRE(sqlite3_exec(handle, "DROP TABLE meta", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(handle);
  auto store = kg::Store::open(db);
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().to_string() == db + ": error: cannot prepare query: no such table: meta");
}

TEST_CASE("Store: open_bytes opens an in-memory copy with the same checks") {
  const std::string path = kg::test::import_fixture("tiny");
  std::ifstream in(path, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  SUBCASE("a graph file") {
    auto store = kg::Store::open_bytes("copy.db", bytes);
    REQUIRE(store.ok());
    CHECK(store->path() == "copy.db");
    CHECK(store->size() == bytes.size());
    CHECK(store->size() <= kg::kVerifyLimit);
    auto verified = store->verify_checksum();
    REQUIRE(verified.ok());
    CHECK(*verified);
    auto g = store->load_graph(kg::Verify::kAlways);
    REQUIRE(g.ok());
    CHECK(g->node_count() == 22);
  }
  SUBCASE("bytes that are not a database") {
    auto store = kg::Store::open_bytes("text.db", std::string(600, 'x'));
    REQUIRE_FALSE(store.ok());
    CHECK(store.status().to_string() ==
          "text.db: error: not a kamergraaf graph file (not an SQLite database)");
  }
  SUBCASE("no bytes at all") {
    auto store = kg::Store::open_bytes("empty.db", "");
    REQUIRE_FALSE(store.ok());
    CHECK(store.status().to_string() ==
          "empty.db: error: not a kamergraaf graph file (build one with 'kamergraaf import')");
  }
}

namespace {

// Where a snapshot's header keeps the hash of its graph file's bytes: after the magic, format,
// file size, import id (16 bytes) and the graph file's checksum (docs/data-model.md).
constexpr std::size_t kDbBytesHashAt = 8 + 8 + 8 + 16 + 8;

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace

TEST_CASE("Store: a file byte for byte as imported skips the checksum pass, any other gets it") {
  const std::string path = kg::test::import_fixture("tiny");
  SUBCASE("as imported: the snapshot records the hash of these bytes") {
    auto store = kg::Store::open(path);
    REQUIRE(store.ok());
    CHECK(store->as_imported());
    CHECK(store->load_graph().ok());
    // The same bytes in memory, with their snapshot, are the same file.
    auto copy = kg::Store::open_bytes("copy.db", read_bytes(path), read_bytes(path + ".snap"));
    REQUIRE(copy.ok());
    CHECK(copy->as_imported());
  }
  SUBCASE("VACUUMed: the same contents in other bytes pass the full verification") {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
    // VACUUM would write the same bytes again; a larger page size makes it rewrite every page.
    REQUIRE(sqlite3_exec(raw, "PRAGMA page_size = 8192; VACUUM", nullptr, nullptr, nullptr) ==
            SQLITE_OK);
    sqlite3_close(raw);
    auto store = kg::Store::open(path);
    REQUIRE(store.ok());
    CHECK_FALSE(store->as_imported());
    auto verified = store->verify_checksum();
    REQUIRE(verified.ok());
    CHECK(*verified);
    std::vector<std::string> notes;
    store->set_notes([&](const std::string& line) { notes.push_back(line); });
    auto g = store->load_graph();
    REQUIRE(g.ok());
    CHECK(g->node_count() == 22);
    CHECK(notes.empty());  // the snapshot still belongs to it: same import, same contents
  }
  SUBCASE("a name changed in the file's bytes, behind SQLite's back, is refused") {
    std::string bytes = read_bytes(path);
    const auto at = bytes.find("The Russian Federation");
    REQUIRE(at != std::string::npos);
    bytes[at + 4] = 'r';  // "The russian Federation": a valid row, only the checksum sees it
    write_bytes(path, bytes);
    auto store = kg::Store::open(path);
    REQUIRE(store.ok());
    CHECK_FALSE(store->as_imported());
    CHECK(store->load_graph().status().message().starts_with(
        "damaged graph file: checksum does not match (stored "));
    // The structural checks alone do not see it: only the pass that as_imported() spares.
    CHECK(store->load_graph(kg::Verify::kStructure).ok());
  }
  SUBCASE("a snapshot that records another hash, or none, brings the pass back") {
    const std::string bytes = read_bytes(path);
    std::string snap = read_bytes(path + ".snap");
    CHECK(kg::Store::open_bytes("copy.db", bytes, snap)->as_imported());
    snap[kDbBytesHashAt] = static_cast<char>(snap[kDbBytesHashAt] ^ 1);
    CHECK_FALSE(kg::Store::open_bytes("copy.db", bytes, snap)->as_imported());
    CHECK_FALSE(kg::Store::open_bytes("copy.db", bytes)->as_imported());  // no snapshot at all
  }
}

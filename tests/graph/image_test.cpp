// Tests for the graph image (graph/src/image.h): a file opened from its image holds the same
// graph as its rows, an edited file falls back to its rows, and a damaged image is refused.
#include "image.h"

#include <fmt/format.h>

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "kg/store.h"
#include "support/test_graph.h"

namespace {

// Everything a query can read from `g`, one line per node and edge, with adjacency in order.
std::string dump(const kg::Graph& g) {
  std::string out;
  for (kg::NodeId v = 0; v < g.node_count(); ++v) {
    const kg::Node n = g.node(v);
    out += fmt::format("node {} {} '{}' '{}' [{}] {{", n.key, g.type_of(v).name, n.name,
                       n.description, fmt::join(n.aliases.to_strings(), "|"));
    for (const kg::AttributeView a : n.attributes) out += fmt::format("{}={};", a.name, a.value);
    out += fmt::format("}} out [{}] in [{}]\n", fmt::join(g.out_edges(v), ","),
                       fmt::join(g.in_edges(v), ","));
  }
  for (kg::EdgeId e = 0; e < g.edge_count(); ++e) {
    const kg::Edge edge = g.edge(e);
    out += fmt::format("edge {} {} {} {} {} '{}' '{}' {{", e, edge.from, g.relation_of(e).name,
                       edge.to, edge.source, edge.locator, edge.note);
    for (const kg::AttributeView a : edge.attributes) out += fmt::format("{}={};", a.name, a.value);
    out += "}\n";
  }
  return out;
}

// Runs `sql` on the file at `path`, as an analyst with sqlite3 would.
void exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string why = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  REQUIRE_MESSAGE(rc == SQLITE_OK, why);
}

std::int64_t image_chunks(const std::string& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT count(*) FROM image", -1, &st, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  const std::int64_t n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

// Reads part `part` of the image, lets `change` edit its bytes, and writes it back.
template <typename Change>
void edit_part(const std::string& path, const char* part, Change change) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT bytes FROM image WHERE part = ?1 AND chunk = 0", -1, &st,
                             nullptr) == SQLITE_OK);
  sqlite3_bind_text(st, 1, part, -1, SQLITE_STATIC);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(st, 0));
  std::vector<unsigned char> bytes(data, data + sqlite3_column_bytes(st, 0));
  sqlite3_finalize(st);
  change(bytes);
  REQUIRE(sqlite3_prepare_v2(db, "UPDATE image SET bytes = ?2 WHERE part = ?1 AND chunk = 0", -1,
                             &st, nullptr) == SQLITE_OK);
  sqlite3_bind_text(st, 1, part, -1, SQLITE_STATIC);
  sqlite3_bind_blob(st, 2, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  REQUIRE(sqlite3_step(st) == SQLITE_DONE);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

std::string load_error(const std::string& path) {
  auto store = kg::Store::open(path);
  REQUIRE(store.ok());
  auto g = store->load_graph();
  REQUIRE_FALSE(g.ok());
  return g.status().message();
}

std::string load_dump(const std::string& path) {
  auto store = kg::Store::open(path);
  REQUIRE(store.ok());
  auto g = store->load_graph();
  REQUIRE_MESSAGE(g.ok(), g.status().to_string());
  return dump(*g);
}

}  // namespace

TEST_CASE("Image: a file opened from its image holds the same graph as its rows") {
  const std::string path = kg::test::import_fixture("tiny");
  REQUIRE(image_chunks(path) > 0);
  const std::string from_image = load_dump(path);
  exec(path, "DELETE FROM image");
  const std::string from_rows = load_dump(path);
  CHECK(from_image == from_rows);
  // The dump is not empty of what matters: names, aliases, attributes, adjacency.
  CHECK(from_image.find("node rusland actor 'Rusland' '") != std::string::npos);
  CHECK(from_image.find("[Russische Federatie|RF|Russia]") != std::string::npos);
  CHECK(from_image.find("since=1949;") != std::string::npos);
}

TEST_CASE("Image: empty parts (no aliases, no attributes) store and load") {
  // The shape of the generated benchmark data, which has neither.
  const std::string dir = kg::test::temp_dir("image") + "/bare";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/types.csv") << "name,description\nkamerstuk,Paper\n";
  std::ofstream(dir + "/relations.csv")
      << "name,label,inverse,from,to,description\n"
         "cites,citeert,geciteerd door,kamerstuk,kamerstuk,Cites\n";
  std::ofstream(dir + "/nodes.csv")
      << "key,type,name\nkst-1-1,kamerstuk,Een\nkst-1-2,kamerstuk,Twee\n";
  std::ofstream(dir + "/edges.csv")
      << "from,relation,to,source,locator\nkst-1-2,cites,kst-1-1,kst-1-2,p. 1\n";
  const std::string path = kg::test::import_folder(dir);
  REQUIRE(image_chunks(path) > 0);
  const std::string from_image = load_dump(path);
  CHECK(from_image ==
        "node kst-1-1 kamerstuk 'Een' '' [] {} out [] in [0]\n"
        "node kst-1-2 kamerstuk 'Twee' '' [] {} out [0] in []\n"
        "edge 0 1 cites 0 1 'p. 1' '' {}\n");
  exec(path, "DELETE FROM image");
  CHECK(from_image == load_dump(path));
}

TEST_CASE("Image: the shipped GBVS graph reads back the same from its image and its rows") {
  const std::string path =
      kg::test::import_folder(std::string(KG_SOURCE_DIR) + "/datasets/gbvs-2020");
  const std::string from_image = load_dump(path);
  exec(path, "DELETE FROM image");
  CHECK(from_image == load_dump(path));
}

TEST_CASE("Image: editing the tables drops the image, and the file loads the edit from its rows") {
  const std::string path = kg::test::import_fixture("tiny");
  SUBCASE("update") {
    exec(path, "UPDATE nodes SET name = 'Russische Federatie' WHERE key = 'rusland'");
    CHECK(image_chunks(path) == 0);
    CHECK(load_dump(path).find("node rusland actor 'Russische Federatie'") != std::string::npos);
  }
  SUBCASE("delete") {
    exec(path, "DELETE FROM edge_attributes");
    CHECK(image_chunks(path) == 0);
    CHECK(load_dump(path).find("since=1949") == std::string::npos);
  }
}

TEST_CASE("Image: a damaged image is refused with one line, never read out of bounds") {
  const std::string path = kg::test::import_fixture("tiny");
  SUBCASE("a part is missing") {
    exec(path, "DELETE FROM image WHERE part = 'in.start'");
    CHECK(load_error(path) == "damaged graph file: image in.start is missing");
  }
  SUBCASE("a part is cut short") {
    edit_part(path, "edges", [](auto& bytes) { bytes.resize(bytes.size() - 1); });
    CHECK(load_error(path) == "damaged graph file: image edges has the wrong size");
  }
  SUBCASE("an adjacency entry points past the last node") {
    edit_part(path, "out.target",
              [](auto& bytes) { std::fill(bytes.begin(), bytes.begin() + 4, 0xFF); });
    CHECK(load_error(path) == "damaged graph file: image adjacency refers outside the image");
  }
  SUBCASE("a string end points past the text") {
    edit_part(path, "strings.ends",
              [](auto& bytes) { std::fill(bytes.end() - 8, bytes.end(), 0x7F); });
    CHECK(load_error(path) == "damaged graph file: image strings are out of order");
  }
  SUBCASE("two nodes swapped") {
    edit_part(path, "nodes", [](auto& bytes) {
      std::swap_ranges(bytes.begin(), bytes.begin() + 16, bytes.begin() + 16);
    });
    CHECK(load_error(path) == "damaged graph file: image nodes are not in key order");
  }
  SUBCASE("an alias refers to a string that does not exist") {
    edit_part(path, "aliases.entries",
              [](auto& bytes) { std::fill(bytes.begin(), bytes.begin() + 4, 0xFF); });
    CHECK(load_error(path) == "damaged graph file: image lists refer outside the image");
  }
}

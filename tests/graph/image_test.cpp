// Tests for the graph image (graph/src/image.h), which files imported before snapshot files carry:
// such a file opened from its image holds the same graph as its rows, an edited file falls back to
// its rows, and a damaged image is refused.
#include "image.h"

#include <fmt/format.h>

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "integrity.h"
#include "kg/algorithms.h"
#include "kg/store.h"
#include "rows.h"
#include "sqlite/database.h"
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

// The graph file at `path` as kamergraaf wrote it before snapshot files: without one, and with an
// image (written from its rows, with the checksum over both), so that it opens from its image.
std::string import_image_only(const std::string& path) {
  std::filesystem::remove(path + ".snap");
  auto db = kg::sqlite::Database::open(path, kg::sqlite::OpenMode::kCreate);
  REQUIRE(db.ok());
  auto vocabulary = kg::detail::read_vocabulary(*db);
  REQUIRE(vocabulary.ok());
  auto g = kg::detail::read_rows(*db, std::move(vocabulary).value());
  REQUIRE(g.ok());
  kg::sqlite::Transaction tx(*db);
  REQUIRE(tx.begun().ok());
  REQUIRE(db->exec("DELETE FROM image").ok());
  REQUIRE(kg::detail::write_image(*db, *g).ok());
  REQUIRE(kg::detail::write_checksum(*db).ok());
  REQUIRE(tx.commit().ok());
  return path;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// What the queries answer on `g`: every node and edge (dump), and paths, neighbourhoods and
// rankings from every node, so that a damaged adjacency is walked in every direction.
std::string answers(const kg::Graph& g) {
  std::string out = dump(g);
  const kg::Filter all;
  for (kg::NodeId v = 0; v < g.node_count(); ++v) {
    const kg::NodeId to = static_cast<kg::NodeId>(g.node_count() - 1 - v);
    if (auto p = kg::shortest_path(g, v, to, all); p.ok()) {
      out += kg::test::render(g, p->paths) + "\n";
    }
    // Yen's algorithm costs most; a few pairs walk the same arrays.
    if (auto p = kg::k_shortest_paths(g, v, to, 3, all); v % 4 == 0 && p.ok()) {
      out += kg::test::render(g, p->paths) + "\n";
    }
    if (auto n = kg::neighbourhood(g, v, 2, all); n.ok()) {
      out += kg::test::render(g, n->nodes) + "\n";
    }
  }
  for (auto measure : {kg::Centrality::kDegree, kg::Centrality::kPageRank}) {
    for (const kg::Scored& s : kg::rank(g, measure, all)) out += fmt::format("{} ", s.node);
  }
  out += fmt::format("{} components\n", kg::components(g, all).size());
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

std::string load_error(const std::string& path, kg::Verify verify = kg::Verify::kStructure) {
  auto store = kg::Store::open(path);
  REQUIRE(store.ok());
  auto g = store->load_graph(verify);
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
  const std::string path = import_image_only(kg::test::import_fixture("tiny"));
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
  const std::string path = import_image_only(kg::test::import_folder(dir));
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
  const std::string path = import_image_only(
      kg::test::import_folder(std::string(KG_SOURCE_DIR) + "/datasets/gbvs-2020"));
  const std::string from_image = load_dump(path);
  exec(path, "DELETE FROM image");
  CHECK(from_image == load_dump(path));
}

TEST_CASE("Image: editing the tables drops the image, and the file loads the edit from its rows") {
  const std::string path = import_image_only(kg::test::import_fixture("tiny"));
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
  const std::string path = import_image_only(kg::test::import_fixture("tiny"));
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

TEST_CASE("Image: an adjacency that does not mirror its edges is refused") {
  const std::string path = import_image_only(kg::test::import_fixture("tiny"));
  // Every position of a u32 part, as a value the caller may rewrite.
  auto edit_u32 = [&](const char* part, auto change) {
    edit_part(path, part, [&](auto& bytes) {
      std::vector<std::uint32_t> v(bytes.size() / 4);
      std::memcpy(v.data(), bytes.data(), bytes.size());
      change(v);
      std::memcpy(bytes.data(), v.data(), bytes.size());
    });
  };
  SUBCASE("the issue's file: out.target entry 8 changed from 17 to 20, both valid ids") {
    edit_u32("out.target", [](auto& v) {
      REQUIRE(v.at(8) == 17);
      v[8] = 20;
    });
    CHECK(load_error(path) == "damaged graph file: image adjacency does not match the edges");
    CHECK(load_error(path, kg::Verify::kBySize)
              .starts_with("damaged graph file: checksum does not match (stored "));
    auto store = kg::Store::open(path);
    REQUIRE(store.ok());
    CHECK(store->load_graph().status().to_string().starts_with(
        path + ": error: damaged graph file: checksum does not match"));
  }
  SUBCASE("two in-edges of a row swapped") {
    edit_u32("in.start", [](auto& v) { REQUIRE(v.at(1) >= 2); });
    edit_u32("in.position", [](auto& v) { std::swap(v.at(0), v.at(1)); });
    CHECK(load_error(path) == "damaged graph file: image in-edges are out of order");
  }
  SUBCASE("an in-edge names the out-position of another edge") {
    edit_u32("in.position", [](auto& v) { v.at(0) = v.at(0) == 0 ? 1 : 0; });
    CHECK(load_error(path) == "damaged graph file: image in-edges do not mirror the out-edges");
  }
  SUBCASE("an in-edge has the wrong source") {
    edit_u32("in.source", [](auto& v) { v.at(3) = (v.at(3) + 1) % 22; });
    CHECK(load_error(path) == "damaged graph file: image in-edges do not mirror the out-edges");
  }
  SUBCASE("one edge appears twice in the out-rows") {
    edit_u32("out.edge", [](auto& v) { v.at(1) = v.at(0); });
    CHECK(load_error(path) == "damaged graph file: image adjacency does not match the edges");
  }
  SUBCASE("a row start moves backwards") {
    edit_u32("out.start", [](auto& v) { v.at(5) = v.at(4) + 30; });
    CHECK(load_error(path) == "damaged graph file: image adjacency refers outside the image");
  }
  SUBCASE("two edges of a row swapped with their targets") {
    // The first out-row of two or more, kept consistent with the edges and the in-rows, but out
    // of (target, id) order.
    std::uint32_t a = 0;
    edit_u32("out.start", [&](auto& v) {
      while (a + 1 < v.size() && v[a + 1] - v[a] < 2) ++a;
      REQUIRE(a + 1 < v.size());
      a = v[a];
    });
    edit_u32("out.target", [&](auto& v) { std::swap(v.at(a), v.at(a + 1)); });
    edit_u32("out.edge", [&](auto& v) { std::swap(v.at(a), v.at(a + 1)); });
    edit_u32("in.position", [&](auto& v) {
      for (auto& p : v) p = p == a ? a + 1 : p == a + 1 ? a : p;
    });
    CHECK(load_error(path) == "damaged graph file: image out-edges are out of order");
  }
}

TEST_CASE("Image: the checksum stored at import covers what queries read") {
  const std::string path = import_image_only(kg::test::import_fixture("tiny"));
  auto verified = [&] {
    auto store = kg::Store::open(path);
    REQUIRE(store.ok());
    return store->verify_checksum();
  };
  REQUIRE(verified().ok());
  CHECK(*verified());
  SUBCASE("a changed byte of text in the image") {
    edit_part(path, "strings.bytes", [](auto& bytes) { bytes.at(10) ^= 0x20; });
    CHECK(kg::Store::open(path)->load_graph(kg::Verify::kStructure).ok());  // sound in form ...
    CHECK(load_error(path, kg::Verify::kBySize)
              .starts_with(  // ... but not what was imported
                  "damaged graph file: checksum does not match (stored "));
    CHECK(load_error(path, kg::Verify::kAlways).starts_with("damaged graph file: checksum"));
    CHECK_FALSE(verified().ok());
  }
  SUBCASE("a changed meta value (no trigger drops the image for it)") {
    exec(path, "UPDATE meta SET value = 'other' WHERE name = 'dataset'");
    CHECK(load_error(path, kg::Verify::kBySize).starts_with("damaged graph file: checksum"));
  }
  SUBCASE("a changed full-text index row") {
    exec(path, "UPDATE node_text_content SET c0 = 'x' WHERE id = 3");
    CHECK(load_error(path, kg::Verify::kBySize).starts_with("damaged graph file: checksum"));
  }
  SUBCASE("the checksum itself cut short") {
    edit_part(path, "checksum", [](auto& bytes) { bytes.resize(4); });
    CHECK(load_error(path) == "damaged graph file: image checksum has the wrong size");
  }
  SUBCASE("an image without a checksum (from an older kamergraaf) is refused") {
    exec(path, "DELETE FROM image WHERE part = 'checksum'");
    CHECK(load_error(path) == "damaged graph file: image checksum is missing");
  }
  SUBCASE("an image of format 1 asks for a new import") {
    edit_part(path, "header", [](auto& bytes) { bytes.at(0) = 1; });
    CHECK(load_error(path) ==
          "damaged graph file: image has format 1, this kamergraaf reads 2; import the dataset "
          "again");
  }
  SUBCASE("edited tables drop the checksum with the image: structural checks only") {
    exec(path, "UPDATE nodes SET name = 'Russische Federatie' WHERE key = 'rusland'");
    REQUIRE(verified().ok());
    CHECK_FALSE(*verified());
    CHECK(load_dump(path).find("'Russische Federatie'") != std::string::npos);
  }
}

TEST_CASE("Image: a table that disagrees with its index is refused") {
  // The meta row as the table stores it (name and value side by side; its index holds only the
  // name): changing it there and nowhere else is what one flipped bit did.
  std::string bytes = read_file(import_image_only(kg::test::import_fixture("tiny")));
  const std::size_t at = bytes.find("datasettiny");
  REQUIRE(at != std::string::npos);
  bytes[at] = 'D';
  auto store = kg::Store::open_bytes("copy.db", bytes);
  REQUIRE(store.ok());
  CHECK(store->meta("dataset").empty());
  auto g = store->load_graph();
  REQUIRE_FALSE(g.ok());
  CHECK(g.status().to_string() ==
        "copy.db: error: damaged graph file: SQLite integrity_check: row 1 missing from index "
        "sqlite_autoindex_meta_1");
}

TEST_CASE("Image: every bit-flipped copy of the tiny graph file is refused or answers as before") {
  const std::string path = import_image_only(kg::test::import_fixture("tiny"));
  const std::string original = read_file(path);
  REQUIRE(original.size() > 4096);
  auto loaded = [](const std::string& bytes, kg::Verify verify) -> kg::Result<kg::Graph> {
    auto store = kg::Store::open_bytes("copy.db", bytes);
    if (!store.ok()) return store.status();
    auto g = store->load_graph(verify);
    return g;
  };
  // The metadata and the full-text index are answers too.
  auto extra = [](const std::string& bytes) {
    auto store = kg::Store::open_bytes("copy.db", bytes);
    if (!store.ok()) return std::string("!");
    std::string out = store->meta("dataset") + "|";
    for (const char* word : {"rusland", "verdrag", "missie", "cyber"}) {
      auto found = store->search(word, 10);
      out += found.ok() ? fmt::format("{};", fmt::join(*found, ",")) : "error;";
    }
    return out;
  };
  auto base = loaded(original, kg::Verify::kBySize);
  REQUIRE(base.ok());
  const std::string expected = answers(*base);
  const std::string expected_extra = extra(original);
  REQUIRE(expected_extra.find("rusland") != std::string::npos);

  // Every 127th byte, one bit each (the bit moves along): about 32 flips in each page of the file,
  // in under 30 s with the sanitizers. KG_FLIP_STRIDE=1 flips every byte (a few minutes).
  const char* stride_env = std::getenv("KG_FLIP_STRIDE");
  const std::size_t stride = stride_env ? std::max(1, std::atoi(stride_env)) : 127;
  std::size_t refused = 0, same = 0, structural_loads = 0;
  for (std::size_t i = 0; i < original.size(); i += stride) {
    std::string copy = original;
    copy[i] = static_cast<char>(copy[i] ^ (1 << (i % 8)));
    CAPTURE(i);
    auto g = loaded(copy, kg::Verify::kBySize);
    if (!g.ok()) {
      const std::string line = g.status().to_string();
      CHECK(line.find('\n') == std::string::npos);
      CHECK(line.starts_with("copy.db: error: "));
      ++refused;
      // With the checksum off, a refused copy may load and differ, but no query may crash on
      // it (the sanitizer build runs this).
      if (auto s = loaded(copy, kg::Verify::kStructure); s.ok()) {
        (void)answers(*s);
        ++structural_loads;
      }
    } else {
      CHECK(answers(*g) == expected);
      CHECK(extra(copy) == expected_extra);
      ++same;
    }
  }
  MESSAGE(
      fmt::format("{} copies refused ({} of them load without the checksum), {} answered as "
                  "before",
                  refused, structural_loads, same));
  CHECK(refused > 0);
  CHECK(same > 0);
}

// Tests for graph/src/sqlite/database.cpp: opening modes, exec errors, BLOB reads, and the
// transaction that rolls back unless committed, and reading the bytes of the file.
#include "sqlite/database.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string_view>
#include <utility>

#include "sqlite/statement.h"
#include "support/test_graph.h"

namespace {

constexpr const char* kCreate = "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT, b BLOB)";
constexpr const char* kCount = "SELECT count(*) FROM t";

std::int64_t count(kg::sqlite::Database& db) {
  auto s = kg::sqlite::Statement::prepare(db, kCount);
  REQUIRE(s.ok());
  REQUIRE(s->step());
  return s->column_int(0);
}

kg::sqlite::Database fresh(const std::string& label) {
  auto db = kg::sqlite::Database::open(kg::test::temp_dir(label) + "/t.db",
                                       kg::sqlite::OpenMode::kCreate);
  REQUIRE(db.ok());
  REQUIRE(db->exec(kCreate).ok());
  return std::move(db).value();
}

}  // namespace

TEST_CASE("Database: read-only open needs an existing file; create makes one") {
  const std::string dir = kg::test::temp_dir("sqlite-open");
  auto missing = kg::sqlite::Database::open(dir + "/none.db", kg::sqlite::OpenMode::kReadOnly);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().kind() == kg::ErrorKind::kIo);
  CHECK(missing.status().to_string() ==
        dir + "/none.db: error: cannot open graph file: unable to open database file");
  auto made = kg::sqlite::Database::open(dir + "/new.db", kg::sqlite::OpenMode::kCreate);
  REQUIRE(made.ok());
  CHECK(made->path() == dir + "/new.db");
  CHECK(made->exec(kCreate).ok());
}

TEST_CASE("Database: exec reports SQLite's message with the file") {
  kg::sqlite::Database db = fresh("sqlite-exec");
  const kg::Status s = db.exec("CREATE TABLE t(x)");
  REQUIRE_FALSE(s.ok());
  CHECK(s.message() == "table t already exists");
  CHECK(s.where().file == db.path());
}

TEST_CASE("Database: a transaction rolls back unless committed") {
  kg::sqlite::Database db = fresh("sqlite-tx");
  {
    kg::sqlite::Transaction tx(db);
    REQUIRE(tx.begun().ok());
    REQUIRE(db.exec("INSERT INTO t(v) VALUES ('dropped')").ok());
  }
  CHECK(count(db) == 0);
  {
    kg::sqlite::Transaction tx(db);
    REQUIRE(db.exec("INSERT INTO t(v) VALUES ('kept')").ok());
    CHECK(tx.commit().ok());
  }
  CHECK(count(db) == 1);
}

TEST_CASE("Database: read_blob copies a whole BLOB and refuses a short one") {
  kg::sqlite::Database db = fresh("sqlite-blob");
  const char bytes[] = {'a', 'b', 'c', 'd'};
  auto insert = kg::sqlite::Statement::prepare(db, "INSERT INTO t(id, b) VALUES (1, ?1)");
  REQUIRE(insert.ok());
  insert->bind_blob(1, bytes, sizeof bytes);
  REQUIRE(insert->run().ok());
  char into[4] = {};
  REQUIRE(db.read_blob("t", "b", 1, into, sizeof into).ok());
  CHECK(std::string(into, 4) == "abcd");
  char big[8] = {};
  const kg::Status shorter = db.read_blob("t", "b", 1, big, sizeof big);
  REQUIRE_FALSE(shorter.ok());
  CHECK(shorter.kind() == kg::ErrorKind::kCorrupt);
  CHECK(shorter.message() == "blob shorter than expected");
  CHECK_FALSE(db.read_blob("t", "b", 2, into, sizeof into).ok());  // no such row
}

TEST_CASE("Database: with_bytes gives the file's bytes, from a file or an in-memory copy") {
  const std::string path = kg::test::temp_dir("sqlite-bytes") + "/t.db";
  {
    auto db = kg::sqlite::Database::open(path, kg::sqlite::OpenMode::kCreate);
    REQUIRE(db.ok());
    REQUIRE(db->exec(kCreate).ok());
    // More than one 256 KiB piece, so that the pieces are joined in order.
    REQUIRE(db->exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                     "WHERE i < 400) INSERT INTO t(id, b) SELECT i, randomblob(2000) FROM n")
                .ok());
  }
  std::ifstream in(path, std::ios::binary);
  const std::string file{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  REQUIRE(file.size() > (std::size_t{256} << 10));
  const auto read = [](kg::sqlite::Database& db) {
    std::string out;
    std::size_t pieces = 0;
    REQUIRE(db.with_bytes([&](std::string_view piece) {
                out += piece;
                ++pieces;
              }).ok());
    return std::pair{out, pieces};
  };
  auto on_disk = kg::sqlite::Database::open(path, kg::sqlite::OpenMode::kReadOnly);
  REQUIRE(on_disk.ok());
  const auto [from_file, pieces] = read(*on_disk);
  CHECK(from_file == file);
  CHECK(pieces > 1);
  CHECK(count(*on_disk) == 400);  // the read transaction is over: the connection works on
  auto copy = kg::sqlite::Database::open_bytes("copy.db", file);
  REQUIRE(copy.ok());
  CHECK(read(*copy).first == file);
}

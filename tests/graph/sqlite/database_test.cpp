// Tests for graph/src/sqlite/database.cpp: opening modes, exec errors, BLOB reads, and the
// transaction that rolls back unless committed.
#include "sqlite/database.h"

#include <doctest/doctest.h>

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

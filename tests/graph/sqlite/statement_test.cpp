// Tests for graph/src/sqlite/statement.cpp: prepare errors, typed binds and getters, NULLs,
// reuse after reset, and errors kept by step().
#include "sqlite/statement.h"

#include <doctest/doctest.h>

#include "sqlite/database.h"
#include "support/test_graph.h"

namespace {

constexpr const char* kCreate = "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT UNIQUE, n INTEGER)";
constexpr const char* kInsert = "INSERT INTO t(v, n) VALUES (?1, ?2)";
constexpr const char* kSelect = "SELECT v, n FROM t ORDER BY id";

kg::sqlite::Database fresh() {
  auto db = kg::sqlite::Database::open(kg::test::temp_dir("sqlite-stmt") + "/t.db",
                                       kg::sqlite::OpenMode::kCreate);
  REQUIRE(db.ok());
  REQUIRE(db->exec(kCreate).ok());
  return std::move(db).value();
}

}  // namespace

TEST_CASE("Statement: a bad query is a kCorrupt error naming SQLite's complaint") {
  kg::sqlite::Database db = fresh();
  auto s = kg::sqlite::Statement::prepare(db, "SELECT nope FROM t");
  REQUIRE_FALSE(s.ok());
  CHECK(s.status().kind() == kg::ErrorKind::kCorrupt);
  CHECK(s.status().message() == "cannot prepare query: no such column: nope");
}

TEST_CASE("Statement: binds and reads text, numbers and NULL; runs again after reset") {
  kg::sqlite::Database db = fresh();
  auto insert = kg::sqlite::Statement::prepare(db, kInsert);
  REQUIRE(insert.ok());
  REQUIRE(insert->bind(1, std::string_view("Oekraïne")).bind(2, std::int64_t{-7}).run().ok());
  REQUIRE(insert->bind(1, std::string_view("navo")).bind_null(2).run().ok());  // run() resets
  auto select = kg::sqlite::Statement::prepare(db, kSelect);
  REQUIRE(select.ok());
  std::string rows;
  while (select->step()) {
    rows +=
        select->column_text(0) + "=" +
        (select->column_is_null(1) ? std::string("NULL") : std::to_string(select->column_int(1))) +
        ";";
  }
  CHECK(select->status().ok());
  CHECK(rows == "Oekraïne=-7;navo=NULL;");
}

TEST_CASE("Statement: step keeps the first error; reset clears it") {
  kg::sqlite::Database db = fresh();
  auto insert = kg::sqlite::Statement::prepare(db, kInsert);
  REQUIRE(insert.ok());
  REQUIRE(insert->bind(1, std::string_view("dup")).run().ok());
  insert->bind(1, std::string_view("dup"));
  CHECK_FALSE(insert->step());
  CHECK(insert->status().kind() == kg::ErrorKind::kIo);
  CHECK(insert->status().message() == "UNIQUE constraint failed: t.v");
  insert->reset();
  CHECK(insert->status().ok());
  CHECK(insert->bind(1, std::string_view("other")).run().ok());
}

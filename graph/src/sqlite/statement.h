// A prepared SQLite statement with typed binds and getters; the only way kamergraaf runs SQL
// that takes values. Owned by its creator, used on the thread of its Database; movable only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kg/status.h"

struct sqlite3_stmt;

namespace kg::sqlite {

class Database;

class Statement {
 public:
  // Prepares the constant `sql`; an error names the statement's problem.
  static Result<Statement> prepare(Database& db, const char* sql);

  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binds parameters by 1-based position. Text is copied by SQLite.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view value);
  Statement& bind_null(int index);
  // Binds `size` bytes at `data` as a BLOB; SQLite reads them during the next step(), so they
  // must stay alive until then (no copy: image parts run to hundreds of MB).
  Statement& bind_blob(int index, const void* data, std::size_t size);

  // Advances: true when a row is ready, false when done. Errors are kept; see status().
  bool step();
  // Runs a statement that returns no rows; then resets it for reuse.
  Status run();
  // Makes the statement ready to run again with new bindings.
  void reset();
  // The first error met by step(), or ok.
  const Status& status() const { return status_; }

  std::int64_t column_int(int index) const;
  std::string column_text(int index) const;
  std::string_view column_view(int index) const;  // valid until the next step()
  bool column_is_null(int index) const;

 private:
  Statement(sqlite3_stmt* stmt, Database* db) : stmt_(stmt), db_(db) {}
  sqlite3_stmt* stmt_ = nullptr;
  Database* db_ = nullptr;
  Status status_;
};

}  // namespace kg::sqlite

// RAII ownership of one SQLite connection, plus a transaction guard that rolls back unless
// committed. A Database is used by one thread at a time; it is movable, not copyable.
// sqlite3.h stays out of every header: the connection is a forward-declared pointer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "kg/status.h"

struct sqlite3;

namespace kg::sqlite {

enum class OpenMode { kReadOnly, kCreate };

class Database {
 public:
  // Opens `path`. kReadOnly fails when the file does not exist; kCreate creates it.
  static Result<Database> open(const std::string& path, OpenMode mode);
  // Opens a read-only in-memory copy of the database file `bytes`; `name` stands for the path in
  // messages.
  static Result<Database> open_bytes(const std::string& name, std::string_view bytes);

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Runs one or more constant SQL statements without parameters (DDL, PRAGMAs).
  Status exec(const char* sql);
  // Copies `size` bytes of the BLOB in `table`.`column` of row `rowid`, from its start, into
  // `into`: straight from the pages, without the extra copy a SELECT of the column makes. An
  // error when the row does not exist or its BLOB is shorter.
  Status read_blob(const char* table, const char* column, std::int64_t rowid, void* into,
                   std::size_t size);
  // Calls `use` with the database's bytes in order, in one or more pieces, as SQLite reads them
  // (through its own file handle, under a shared lock: the file it has open, not what the path
  // names now), or returns the error that kept them from being read. The pieces live only during
  // each call.
  Status with_bytes(const std::function<void(std::string_view)>& use);
  // The text of the connection's latest error, for messages.
  std::string last_error() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_ = nullptr;
  std::string path_;
};

// BEGIN on construction; ROLLBACK on destruction unless commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  const Status& begun() const { return begun_; }
  Status commit();

 private:
  Database& db_;
  Status begun_;
  bool done_ = false;
};

}  // namespace kg::sqlite

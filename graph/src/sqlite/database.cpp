// Implementation of database.h.
#include "sqlite/database.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <utility>

namespace kg::sqlite {
namespace {

// SQLite's messages can quote schema text across lines ("malformed database schema (…) - …");
// an error is one line, so line breaks and the indentation after them become one space.
std::string one_line(std::string_view text) {
  auto breaks = [](char c) { return c == '\n' || c == '\r' || c == '\t'; };
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!breaks(text[i])) {
      out += text[i];
      continue;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    while (i + 1 < text.size() && (text[i + 1] == ' ' || breaks(text[i + 1]))) ++i;
    out += ' ';
  }
  return out;
}

}  // namespace

Result<Database> Database::open(const std::string& path, OpenMode mode) {
  sqlite3* db = nullptr;
  const int flags = mode == OpenMode::kReadOnly ? SQLITE_OPEN_READONLY
                                                : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = one_line(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return Status::error(ErrorKind::kIo, "cannot open graph file: " + why, Location{path});
  }
  sqlite3_extended_result_codes(db, 1);
  return Database(db, path);
}

Result<Database> Database::open_bytes(const std::string& name, std::string_view bytes) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    sqlite3_close(db);
    return Status::error(ErrorKind::kIo, "cannot open an in-memory database", Location{name});
  }
  // SQLite owns (and frees) the copy; READONLY keeps the connection from writing to it.
  const auto size = static_cast<sqlite3_int64>(bytes.size());
  auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(bytes.empty() ? 1 : bytes.size()));
  if (copy == nullptr) {
    sqlite3_close(db);
    return Status::error(ErrorKind::kIo, "out of memory for the graph file", Location{name});
  }
  std::memcpy(copy, bytes.data(), bytes.size());
  const int rc = sqlite3_deserialize(db, "main", copy, size, size,
                                     SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
  if (rc != SQLITE_OK) {
    std::string why = one_line(sqlite3_errmsg(db));
    sqlite3_close(db);
    return Status::error(ErrorKind::kIo, "cannot open graph file: " + why, Location{name});
  }
  sqlite3_extended_result_codes(db, 1);
  return Database(db, name);
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
  }
  return *this;
}

Database::~Database() {
  sqlite3_close(db_);
}

Status Database::exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string why = message ? one_line(message) : last_error();
    sqlite3_free(message);
    return Status::error(ErrorKind::kIo, why, Location{path_});
  }
  return Status();
}

Status Database::read_blob(const char* table, const char* column, std::int64_t rowid, void* into,
                           std::size_t size) {
  sqlite3_blob* blob = nullptr;
  if (sqlite3_blob_open(db_, "main", table, column, rowid, 0, &blob) != SQLITE_OK) {
    sqlite3_blob_close(blob);
    return Status::error(ErrorKind::kIo, last_error(), Location{path_});
  }
  Status s;
  if (size > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    s = Status::error(ErrorKind::kInvalidArgument, "blob read larger than 2 GiB", Location{path_});
  } else if (static_cast<std::size_t>(sqlite3_blob_bytes(blob)) < size) {
    s = Status::error(ErrorKind::kCorrupt, "blob shorter than expected", Location{path_});
  } else if (size > 0 && sqlite3_blob_read(blob, into, static_cast<int>(size), 0) != SQLITE_OK) {
    s = Status::error(ErrorKind::kIo, last_error(), Location{path_});
  }
  sqlite3_blob_close(blob);
  return s;
}

Status Database::with_bytes(const std::function<void(std::string_view)>& use) {
  sqlite3_int64 size = 0;
  // An in-memory copy (open_bytes) is read where it lies.
  if (const unsigned char* in_place =
          sqlite3_serialize(db_, "main", &size, SQLITE_SERIALIZE_NOCOPY)) {
    use(std::string_view(reinterpret_cast<const char*>(in_place), static_cast<std::size_t>(size)));
    return Status();
  }
  // A file is read through the handle SQLite reads it by (sqlite3_serialize's page-by-page copy
  // cost 0.9 ms per MiB, a cold open's whole budget at 4 MiB), under a read transaction's shared
  // lock so that no writer changes it meanwhile.
  const auto failed = [&](const std::string& why) {
    return Status::error(ErrorKind::kIo, "cannot read the file: " + why, Location{path_});
  };
  sqlite3_file* file = nullptr;
  if (sqlite3_file_control(db_, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
      file == nullptr || file->pMethods == nullptr) {
    return failed("no file handle");
  }
  const bool own_transaction = sqlite3_get_autocommit(db_) != 0;
  if (own_transaction) {
    if (Status s = exec("BEGIN; SELECT count(*) FROM sqlite_schema"); !s.ok()) return s;
  }
  Status result;
  if (file->pMethods->xFileSize(file, &size) != SQLITE_OK || size < 0) {
    result = failed("cannot read its size");
  } else {
    // Small pieces: a buffer the size of the file would cost more in page faults than the read.
    std::string chunk(static_cast<std::size_t>(std::min<sqlite3_int64>(size, 256 << 10)), '\0');
    for (sqlite3_int64 at = 0; at < size && result.ok();) {
      const int n = static_cast<int>(
          std::min<sqlite3_int64>(static_cast<sqlite3_int64>(chunk.size()), size - at));
      if (file->pMethods->xRead(file, chunk.data(), n, at) != SQLITE_OK) {
        result = failed("short read");
        break;
      }
      use(std::string_view(chunk.data(), static_cast<std::size_t>(n)));
      at += n;
    }
  }
  if (own_transaction) (void)exec("COMMIT");
  return result;
}

std::string Database::last_error() const {
  return db_ ? one_line(sqlite3_errmsg(db_)) : "no connection";
}

Transaction::Transaction(Database& db) : db_(db), begun_(db.exec("BEGIN")) {}

Transaction::~Transaction() {
  if (begun_.ok() && !done_) db_.exec("ROLLBACK");
}

Status Transaction::commit() {
  if (!begun_.ok()) return begun_;
  Status s = db_.exec("COMMIT");
  if (s.ok()) done_ = true;
  return s;
}

}  // namespace kg::sqlite

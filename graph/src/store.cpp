// Implementation of kg/store.h over the sqlite wrapper; every statement is a constant.
#include "kg/store.h"

#include <fmt/format.h>

#include <cctype>
#include <map>

#include "image.h"
#include "integrity.h"
#include "rows.h"
#include "schema.h"
#include "sqlite/database.h"
#include "sqlite/statement.h"

namespace kg {

struct Store::Impl {
  sqlite::Database db;
  std::map<std::string, std::string, std::less<>> meta;  // read at open: a few short rows
};

namespace {

constexpr const char* kPageCount = "PRAGMA page_count";
constexpr const char* kPageSize = "PRAGMA page_size";
constexpr const char* kSelectMeta = "SELECT name, value FROM meta";
constexpr const char* kSearch =
    "SELECT n.key FROM node_text JOIN nodes n ON n.id = node_text.rowid "
    "WHERE node_text MATCH ?1 ORDER BY bm25(node_text, 10.0, 5.0, 2.0, 1.0), n.key LIMIT ?2";

Status check_identity(sqlite::Database& db) {
  auto app = sqlite::Statement::prepare(db, "PRAGMA application_id");
  if (!app.ok() || !app->step()) {
    return Status::error(ErrorKind::kCorrupt,
                         "not a kamergraaf graph file (not an SQLite database)",
                         Location{db.path()});
  }
  if (app->column_int(0) != schema::kApplicationId) {
    return Status::error(ErrorKind::kCorrupt,
                         "not a kamergraaf graph file (build one with 'kamergraaf import')",
                         Location{db.path()});
  }
  auto version = sqlite::Statement::prepare(db, "PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (!version->step()) {
    if (!version->status().ok()) return version->status();
    return Status::error(ErrorKind::kCorrupt, "graph file has no schema version",
                         Location{db.path()});
  }
  const auto v = version->column_int(0);
  if (v > schema::kVersion) {
    return Status::error(ErrorKind::kVersion,
                         fmt::format("graph file has schema version {}, newer than this "
                                     "kamergraaf reads ({}); upgrade kamergraaf",
                                     v, schema::kVersion),
                         Location{db.path()});
  }
  if (v >= 1 && v < schema::kVersion) {
    return Status::error(ErrorKind::kVersion,
                         fmt::format("graph file has schema version {}, older than this kamergraaf "
                                     "reads ({}); import the dataset again",
                                     v, schema::kVersion),
                         Location{db.path()});
  }
  if (v != schema::kVersion) {
    return Status::error(ErrorKind::kVersion,
                         fmt::format("graph file has unknown schema version {} (this kamergraaf "
                                     "reads {}); import the dataset again",
                                     v, schema::kVersion),
                         Location{db.path()});
  }
  return Status();
}

// FTS5 query text from user words: each word quoted (so operators in the input are literal) and
// marked as a prefix; words are ANDed.
std::string fts_query(std::string_view text) {
  std::string query;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    std::string quoted = "\"";
    for (char c : word) {
      quoted += c;
      if (c == '"') quoted += '"';
    }
    query += (query.empty() ? "" : " ") + quoted + "\"*";
    word.clear();
  };
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return query;
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

// The metadata is read at open, so that meta() cannot fail later.
Status Store::read_meta(Impl& impl) {
  auto st = sqlite::Statement::prepare(impl.db, kSelectMeta);
  if (!st.ok()) return st.status();
  while (st->step()) impl.meta.emplace(st->column_text(0), st->column_text(1));
  return st->status();
}

Result<Store> Store::open(const std::string& path) {
  auto db = sqlite::Database::open(path, sqlite::OpenMode::kReadOnly);
  if (!db.ok()) return db.status();
  if (Status s = check_identity(*db); !s.ok()) return s;
  auto impl = std::make_unique<Impl>(Impl{std::move(db).value(), {}});
  if (Status s = read_meta(*impl); !s.ok()) return s;
  return Store(std::move(impl));
}

Result<Store> Store::open_bytes(const std::string& name, std::string_view bytes) {
  auto db = sqlite::Database::open_bytes(name, bytes);
  if (!db.ok()) return db.status();
  if (Status s = check_identity(*db); !s.ok()) return s;
  auto impl = std::make_unique<Impl>(Impl{std::move(db).value(), {}});
  if (Status s = read_meta(*impl); !s.ok()) return s;
  return Store(std::move(impl));
}

const std::string& Store::path() const {
  return impl_->db.path();
}

std::string Store::meta(std::string_view name) const {
  const auto it = impl_->meta.find(name);
  return it == impl_->meta.end() ? std::string() : it->second;
}

std::uint64_t Store::size() const {
  std::uint64_t pages = 0, page_size = 0;
  for (auto [sql, out] : {std::pair{kPageCount, &pages}, {kPageSize, &page_size}}) {
    auto st = sqlite::Statement::prepare(impl_->db, sql);
    if (st.ok() && st->step()) *out = static_cast<std::uint64_t>(st->column_int(0));
  }
  return pages * page_size;
}

Result<bool> Store::verify_checksum() const {
  return detail::verify_checksum(impl_->db);
}

Result<Graph> Store::load_graph(Verify verify) const {
  // The checksum first, so that a damaged file is refused before anything is built from it.
  if (verify == Verify::kAlways || (verify == Verify::kBySize && size() <= kVerifyLimit)) {
    auto verified = verify_checksum();
    if (!verified.ok()) return verified.status();
  }
  auto vocabulary = detail::read_vocabulary(impl_->db);
  if (!vocabulary.ok()) return vocabulary.status();
  auto image = detail::read_image(impl_->db, vocabulary.value());
  if (!image.ok()) return image.status();
  if (image->has_value()) return std::move(**image);
  auto rows = detail::read_rows(impl_->db, std::move(vocabulary).value());
  if (!rows.ok()) return rows.status();
  // The loader checked every id as it read; the same record checks as an image gets, so that
  // both ways in guarantee the same (the adjacency is built here, not read).
  if (Status s = detail::check_records(rows->data(), "", impl_->db.path()); !s.ok()) return s;
  return rows;
}

Result<std::vector<std::string>> Store::search(std::string_view text, std::size_t limit) const {
  const std::string query = fts_query(text);
  if (query.empty()) {
    return Status::error(ErrorKind::kInvalidArgument,
                         "nothing to search for: give one or more words");
  }
  auto st = sqlite::Statement::prepare(impl_->db, kSearch);
  if (!st.ok()) return st.status();
  st->bind(1, query).bind(2, static_cast<std::int64_t>(limit));
  std::vector<std::string> keys;
  while (st->step()) keys.push_back(st->column_text(0));
  if (!st->status().ok()) return st->status();
  return keys;
}

}  // namespace kg

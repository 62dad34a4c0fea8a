// Implementation of kg/store.h over the sqlite wrapper; every statement is a constant.
#include "kg/store.h"

#include <fmt/format.h>

#include <cctype>
#include <cstdio>
#include <map>

#include "image.h"
#include "integrity.h"
#include "rows.h"
#include "schema.h"
#include "snapshot_file.h"
#include "sqlite/database.h"
#include "sqlite/statement.h"

namespace kg {

struct Store::Impl {
  sqlite::Database db;
  std::map<std::string, std::string, std::less<>> meta;  // read at open: a few short rows
  std::string snapshot_path;                             // the snapshot file beside an opened file
  std::string snapshot_bytes;                            // or one given to open_bytes
  std::function<void(const std::string&)> notes = [](const std::string& line) {
    std::fprintf(stderr, "%s\n", line.c_str());
  };
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
  auto impl = std::make_unique<Impl>(Impl{std::move(db).value(), {}, {}, {}});
  impl->snapshot_path = detail::snapshot_path(path);
  if (Status s = read_meta(*impl); !s.ok()) return s;
  return Store(std::move(impl));
}

Result<Store> Store::open_bytes(const std::string& name, std::string_view bytes,
                                std::string_view snapshot) {
  auto db = sqlite::Database::open_bytes(name, bytes);
  if (!db.ok()) return db.status();
  if (Status s = check_identity(*db); !s.ok()) return s;
  auto impl = std::make_unique<Impl>(Impl{std::move(db).value(), {}, {}, std::string(snapshot)});
  if (Status s = read_meta(*impl); !s.ok()) return s;
  return Store(std::move(impl));
}

void Store::set_notes(std::function<void(const std::string&)> notes) {
  impl_->notes = std::move(notes);
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

namespace {

// What ties a snapshot to `db`: its import id and stored checksum; nullopt when it has either
// not (imported before snapshot files, or its tables were edited since).
Result<std::optional<detail::SnapshotTie>> snapshot_tie(sqlite::Database& db,
                                                        const std::string& id_hex) {
  const auto id = detail::parse_hex_id(id_hex);
  if (!id) return std::optional<detail::SnapshotTie>();
  auto stored = detail::stored_checksum(db);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) return std::optional<detail::SnapshotTie>();
  return std::optional<detail::SnapshotTie>(detail::SnapshotTie{*id, **stored});
}

}  // namespace

Result<std::optional<Graph>> Store::load_snapshot(const std::vector<NodeType>& types,
                                                  const std::vector<Relation>& relations,
                                                  bool verify) const {
  Impl& impl = *impl_;
  if (impl.snapshot_path.empty() && impl.snapshot_bytes.empty()) return std::optional<Graph>();
  auto tie = snapshot_tie(impl.db, meta("snapshot_id"));
  if (!tie.ok()) return tie.status();
  const detail::Vocabulary vocabulary{types, relations};
  if (!impl.snapshot_bytes.empty()) {
    const std::string name = impl.db.path() + ".snap";
    if (!tie->has_value()) {
      return Status::error(ErrorKind::kCorrupt,
                           "stale snapshot file: the graph file was edited or imported without it",
                           Location{name});
    }
    auto read = detail::read_snapshot_bytes(name, impl.snapshot_bytes, vocabulary, **tie, verify);
    if (!read.ok()) return read.status();
    return std::optional<Graph>(std::move(read).value());
  }
  if (!tie->has_value()) {
    // A snapshot beside a file that has no tie cannot be its own: say so if there is one.
    if (detail::snapshot_file_size(impl.snapshot_path) == 0) return std::optional<Graph>();
    return Status::error(ErrorKind::kCorrupt,
                         "stale snapshot file: the graph file was edited or imported without it",
                         Location{impl.snapshot_path});
  }
  return detail::read_snapshot_file(impl.snapshot_path, vocabulary, **tie, verify);
}

Result<bool> Store::verify_checksum() const {
  auto verified = detail::verify_checksum(impl_->db);
  if (!verified.ok() || !*verified) return verified;
  auto vocabulary = detail::read_vocabulary(impl_->db);
  if (!vocabulary.ok()) return vocabulary.status();
  auto snapshot = load_snapshot(vocabulary->types, vocabulary->relations, /*verify=*/true);
  // A stale snapshot is not this file's: the open ignores it (with a note), so check does too.
  if (!snapshot.ok() && snapshot.status().message().starts_with("damaged")) {
    return snapshot.status();
  }
  return true;
}

bool Store::as_imported() const {
  const Impl& impl = *impl_;
  const std::uint64_t recorded = impl.snapshot_bytes.empty()
                                     ? detail::recorded_bytes_hash(impl.snapshot_path)
                                     : detail::recorded_bytes_hash_in(impl.snapshot_bytes);
  if (recorded == 0) return false;
  auto hash = detail::bytes_hash(impl_->db);
  return hash.ok() && *hash == recorded;
}

Result<Graph> Store::load_graph(Verify verify) const {
  // The checksum first, so that a damaged file is refused before anything is built from it.
  const bool small = size() <= kVerifyLimit;
  if (verify == Verify::kAlways || (verify == Verify::kBySize && small && !as_imported())) {
    auto verified =
        verify == Verify::kAlways ? verify_checksum() : detail::verify_checksum(impl_->db);
    if (!verified.ok()) return verified.status();
  }
  auto vocabulary = detail::read_vocabulary(impl_->db);
  if (!vocabulary.ok()) return vocabulary.status();
  {
    auto snapshot =
        load_snapshot(vocabulary->types, vocabulary->relations,
                      verify == Verify::kAlways || (verify == Verify::kBySize && small));
    if (snapshot.ok() && snapshot->has_value()) return std::move(**snapshot);
    if (!snapshot.ok()) {
      const Status& s = snapshot.status();
      impl_->notes("note: " + s.where().file + ": " + s.message() +
                   "; reading the graph file without it");
    }
  }
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

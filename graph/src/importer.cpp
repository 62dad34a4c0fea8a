// Implementation of kg/importer.h: validation first (dataset.h), then, holding the target's lock
// file, one transaction into a uniquely named temporary file beside the target, fsync, an atomic
// rename and an fsync of the folder.
#include "kg/importer.h"
#include "file_descriptor.h"

#include <fcntl.h>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <random>
#include <thread>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <unordered_map>

#include "dataset.h"
#include "dataset_writer.h"
#include "graph_data.h"
#include "integrity.h"
#include "keys.h"
#include "kg/store.h"
#include "name_index.h"
#include "rows.h"
#include "schema.h"
#include "snapshot_file.h"
#include "sqlite/database.h"
#include "sqlite/statement.h"

namespace kg {
namespace {

namespace fs = std::filesystem;

constexpr const char* kInsertMeta = "INSERT INTO meta(name, value) VALUES (?1, ?2)";
constexpr const char* kInsertType = "INSERT INTO types(id, name, description) VALUES (?1, ?2, ?3)";
constexpr const char* kInsertRelation =
    "INSERT INTO relations(id, name, label, inverse, description) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr const char* kInsertRelationType =
    "INSERT INTO relation_types(relation_id, side, type_id) VALUES (?1, ?2, ?3)";
constexpr const char* kInsertNode =
    "INSERT INTO nodes(id, key, type_id, name, description) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr const char* kInsertAlias =
    "INSERT INTO aliases(node_id, position, alias) VALUES (?1, ?2, ?3)";
constexpr const char* kInsertNodeAttribute =
    "INSERT INTO node_attributes(node_id, position, name, value) VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kInsertEdge =
    "INSERT INTO edges(id, from_id, relation_id, to_id, source_id, locator, note, origin) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr const char* kInsertEdgeAttribute =
    "INSERT INTO edge_attributes(edge_id, position, name, value) VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kInsertText =
    "INSERT INTO node_text(rowid, name, aliases, description, notes) VALUES (?1, ?2, ?3, ?4, ?5)";

std::string utc_now() {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                     fmt::gmtime(std::chrono::system_clock::to_time_t(now)));
}

// Prepares all statements of one import; the first failure is kept in `status`.
struct Inserts {
  explicit Inserts(sqlite::Database& db) {
    for (auto [slot, sql] : {std::pair{&meta, kInsertMeta},
                             {&type, kInsertType},
                             {&relation, kInsertRelation},
                             {&relation_type, kInsertRelationType},
                             {&node, kInsertNode},
                             {&alias, kInsertAlias},
                             {&node_attribute, kInsertNodeAttribute},
                             {&edge, kInsertEdge},
                             {&edge_attribute, kInsertEdgeAttribute},
                             {&text, kInsertText}}) {
      auto st = sqlite::Statement::prepare(db, sql);
      if (!st.ok()) {
        status = st.status();
        return;
      }
      slot->emplace(std::move(st).value());
    }
  }
  Status status;
  std::optional<sqlite::Statement> meta, type, relation, relation_type, node, alias, node_attribute,
      edge, edge_attribute, text;
};

// Runs `st` and remembers the first failure.
void run(std::optional<sqlite::Statement>& st, Status& first) {
  Status s = st->run();
  if (first.ok() && !s.ok()) first = s;
}

// The Graph of `data` with nodes in `order` (key order) and edges' ids in `ends`, as read_rows
// would load it from the rows the import wrote: the same strings added, the same ones interned.
Result<Graph> graph_in_memory(const Dataset& data, const std::vector<std::size_t>& order,
                              std::vector<detail::EdgeRecord> ends, detail::Vocabulary vocabulary) {
  detail::GraphData d;
  d.types = std::move(vocabulary.types);
  d.relations = std::move(vocabulary.relations);
  detail::Interner intern(d.strings);
  const auto type_of = [&](const std::string& name) {
    for (std::size_t t = 0; t < d.types.size(); ++t) {
      if (d.types[t].name == name) return static_cast<TypeId>(t);
    }
    return TypeId{0};  // validated by the dataset checks: never reached
  };
  std::unordered_map<std::string_view, TypeId> types;
  for (const DatasetNode& n : data.nodes) {
    if (!types.contains(n.type)) types.emplace(n.type, type_of(n.type));
  }
  d.nodes.reserve(order.size());
  for (std::size_t i : order) {
    const DatasetNode& n = data.nodes[i];
    detail::NodeRecord r;
    r.key = d.strings.add(n.key);
    r.type = types.at(n.type);
    r.name = d.strings.add(n.name);
    r.description = d.strings.add(n.description);
    d.nodes.push_back(r);
  }
  for (std::size_t i : order) {
    for (const std::string& alias : data.nodes[i].aliases) {
      d.aliases.entries.push_back(d.strings.add(alias));
    }
    d.aliases.close();
  }
  for (std::size_t i : order) {
    for (const Attribute& a : data.nodes[i].attributes) {
      d.node_attributes.entries.push_back(intern(a.name));
      d.node_attributes.entries.push_back(intern(a.value));
    }
    d.node_attributes.close();
  }
  d.edges.reserve(ends.size());
  for (std::size_t i = 0; i < ends.size(); ++i) {
    detail::EdgeRecord e = ends[i];
    e.locator = intern(data.edges[i].locator);
    e.note = intern(data.edges[i].note);
    d.edges.push_back(e);
  }
  ends = {};
  for (const DatasetEdge& e : data.edges) {
    for (const Attribute& a : e.attributes) {
      d.edge_attributes.entries.push_back(intern(a.name));
      d.edge_attributes.entries.push_back(intern(a.value));
    }
    d.edge_attributes.close();
  }
  return detail::assemble(std::move(d));
}

}  // namespace

namespace detail {

Status write_dataset(sqlite::Database& db, const Dataset& data, const std::string& dataset_name,
                     Written& written) {
  // A new file nobody else reads, fsynced once complete: no journal and no syncs on the way, and
  // a page cache large enough for the indexes being built.
  if (Status s = db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                         "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY");
      !s.ok()) {
    return s;
  }
  if (Status s = db.exec(schema::kCreate); !s.ok()) return s;
  sqlite::Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  Inserts ins(db);
  if (!ins.status.ok()) return ins.status;
  Status first;

  written.tie.id = detail::random_snapshot_id();
  for (auto [name, value] : {std::pair<std::string, std::string>{"dataset", dataset_name},
                             {"imported_at", utc_now()},
                             {"kamergraaf_version", KG_VERSION},
                             {"snapshot_id", detail::hex_id(written.tie.id)}}) {
    ins.meta->bind(1, name).bind(2, value);
    run(ins.meta, first);
  }

  std::unordered_map<std::string, std::int64_t> type_id;
  for (std::size_t i = 0; i < data.types.size(); ++i) {
    const auto id = static_cast<std::int64_t>(i);
    type_id[data.types[i].name] = id;
    ins.type->bind(1, id).bind(2, data.types[i].name).bind(3, data.types[i].description);
    run(ins.type, first);
  }
  std::unordered_map<std::string, std::int64_t> relation_id;
  for (std::size_t i = 0; i < data.relations.size(); ++i) {
    const DatasetRelation& r = data.relations[i];
    const auto id = static_cast<std::int64_t>(i);
    relation_id[r.name] = id;
    ins.relation->bind(1, id)
        .bind(2, r.name)
        .bind(3, r.label)
        .bind(4, r.inverse)
        .bind(5, r.description);
    run(ins.relation, first);
    for (auto [side, list] : {std::pair{"from", &r.from_types}, {"to", &r.to_types}}) {
      for (const std::string& t : *list) {
        ins.relation_type->bind(1, id).bind(2, side).bind(3, type_id.at(t));
        run(ins.relation_type, first);
      }
    }
  }

  // Nodes get ids in key order (ignoring ASCII case), which is the in-memory NodeId order, so
  // loading a graph needs no sort and no key look-ups.
  std::vector<std::size_t> order(data.nodes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<std::string> lower_keys;
  lower_keys.reserve(data.nodes.size());
  for (const DatasetNode& n : data.nodes) lower_keys.push_back(detail::lower_key(n.key));
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return lower_keys[a] < lower_keys[b]; });
  lower_keys = {};
  // The edges carry the positions of their nodes in data.nodes (the checks found them): no key
  // look-ups here, which were three hash look-ups per edge, 1.5·10^7 at 5·10^6 edges.
  std::vector<std::int64_t> node_id(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) node_id[order[i]] = static_cast<std::int64_t>(i);
  std::vector<detail::EdgeRecord> ends(data.edges.size());  // endpoints and source, for the graph
  std::vector<std::string> notes(data.nodes.size());
  for (std::size_t i = 0; i < data.edges.size(); ++i) {
    const DatasetEdge& e = data.edges[i];
    const auto id = static_cast<std::int64_t>(i);
    const std::int64_t from = node_id[e.from_node];
    const std::int64_t to = node_id[e.to_node];
    const std::int64_t source = node_id[e.source_node];
    const std::int64_t relation = relation_id.at(e.relation);
    ends[i].from = static_cast<NodeId>(from);
    ends[i].to = static_cast<NodeId>(to);
    ends[i].source = static_cast<NodeId>(source);
    ends[i].relation = static_cast<RelationId>(relation);
    ins.edge->bind(1, id)
        .bind(2, from)
        .bind(3, relation)
        .bind(4, to)
        .bind(5, source)
        .bind(6, e.locator)
        .bind(7, e.note)
        .bind(8, e.origin);
    run(ins.edge, first);
    for (std::size_t a = 0; a < e.attributes.size(); ++a) {
      ins.edge_attribute->bind(1, id)
          .bind(2, static_cast<std::int64_t>(a))
          .bind(3, e.attributes[a].name)
          .bind(4, e.attributes[a].value);
      run(ins.edge_attribute, first);
    }
    if (!e.note.empty()) {
      for (std::int64_t end : {from, to}) {
        std::string& n = notes[static_cast<std::size_t>(end)];
        n += (n.empty() ? "" : "\n") + e.note;
      }
    }
  }
  for (std::size_t i = 0; i < order.size(); ++i) {
    const DatasetNode& n = data.nodes[order[i]];
    const auto id = static_cast<std::int64_t>(i);
    ins.node->bind(1, id)
        .bind(2, n.key)
        .bind(3, type_id.at(n.type))
        .bind(4, n.name)
        .bind(5, n.description);
    run(ins.node, first);
    std::string all_aliases;
    for (std::size_t a = 0; a < n.aliases.size(); ++a) {
      ins.alias->bind(1, id).bind(2, static_cast<std::int64_t>(a)).bind(3, n.aliases[a]);
      run(ins.alias, first);
      all_aliases += (a ? " " : "") + n.aliases[a];
    }
    for (std::size_t a = 0; a < n.attributes.size(); ++a) {
      ins.node_attribute->bind(1, id)
          .bind(2, static_cast<std::int64_t>(a))
          .bind(3, n.attributes[a].name)
          .bind(4, n.attributes[a].value);
      run(ins.node_attribute, first);
    }
    ins.text->bind(1, id)
        .bind(2, n.name)
        .bind(3, all_aliases)
        .bind(4, n.description)
        .bind(5, notes[i]);
    run(ins.text, first);
  }
  if (!first.ok()) return first;
  if (Status s = db.exec(schema::kCreateIndexes); !s.ok()) return s;
  // The snapshot is made from the graph in memory, laid out as the rows just
  // written would load (read_rows: node ids in key order, the same interning), rather than by
  // reading 10^7 rows back; image_test.cpp checks that both ways in give the same graph.
  auto vocabulary = detail::read_vocabulary(db);
  if (!vocabulary.ok()) return vocabulary.status();
  Result<Graph> graph =
      graph_in_memory(data, order, std::move(ends), std::move(vocabulary).value());
  // No image: the snapshot file written beside the graph file serves the open (mapped, with the
  // name index), and an image as well would make the pair 1.4 times the size of the graph file
  // alone. The image table keeps the checksum, which the triggers drop on any edit of the tables,
  // so that an edited file no longer matches its snapshot. Files imported before snapshot files
  // keep their image and still open from it (image.h).
  if (Status s = db.exec(schema::kImageGuards); !s.ok()) return s;
  if (Status s = tx.commit(); !s.ok()) return s;
  // The checksum covers the full-text index, which FTS5 flushes at commit, so it is computed in
  // a second transaction; the file is still the .partial one nobody else reads.
  sqlite::Transaction sum(db);
  if (!sum.begun().ok()) return sum.begun();
  if (Status s = detail::write_checksum(db); !s.ok()) return s;
  if (Status s = sum.commit(); !s.ok()) return s;
  auto stored = detail::stored_checksum(db);
  if (!stored.ok()) return stored.status();
  written.tie.db_checksum = stored->value_or(0);
  written.graph.emplace(std::move(graph).value());
  return Status();
}

}  // namespace detail

std::string ImportWarning::to_string() const {
  std::string out;
  if (!where.file.empty()) {
    out = where.file;
    if (where.line > 0) out += ":" + std::to_string(where.line);
    out += ": ";
  }
  return out + "warning: " + message;
}

namespace {

Status io_error(const std::string& what, const std::string& path, int error) {
  return Status::error(ErrorKind::kIo, what + ": " + std::strerror(error), Location{path});
}

using detail::Fd;

// Flushes `path` (a file or a folder) to disk.
Status sync_path(const std::string& path, bool directory) {
  Fd fd(::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC));
  if (fd.get() < 0) return io_error("cannot open to sync", path, errno);
  if (::fsync(fd.get()) != 0) return io_error("cannot sync to disk", path, errno);
  return {};
}

// Creates a new empty file "BASE.partial-XXXXXX" that no other process has, readable as the
// umask allows (mkstemp would make it 0600, and the graph file keeps the temporary's mode).
Result<std::string> create_temporary(const std::string& base) {
  static constexpr char kLetters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  // Seeded from the clock and the process, not std::random_device (which may throw): O_EXCL
  // makes the name safe, the seed only makes a clash unlikely.
  std::mt19937_64 random(
      static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) ^
      (static_cast<std::uint64_t>(::getpid()) << 32) ^
      static_cast<std::uint64_t>(std::hash<std::thread::id>{}(std::this_thread::get_id())));
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string path = base + ".partial-";
    for (int i = 0; i < 6; ++i) path += kLetters[random() % (sizeof kLetters - 1)];
    Fd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
    if (fd.get() >= 0) return path;
    if (errno != EEXIST) return io_error("cannot create a temporary file", path, errno);
  }
  return Status::error(ErrorKind::kIo, "cannot find a free temporary file name", Location{base});
}

// Removes what killed imports into `db_path` left: "FILE.db.partial" (older kamergraaf) and
// "FILE.db.partial-XXXXXX". Only the holder of the lock writes such files, so the caller, holding
// it, knows none of them is in use.
void remove_stale_temporaries(const std::string& db_path) {
  const fs::path target(db_path);
  const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code ec;
  std::vector<fs::path> stale;
  for (const std::string& base :
       {target.filename().string(), fs::path(detail::snapshot_path(db_path)).filename().string()}) {
    const std::string prefix = base + ".partial";
    for (fs::directory_iterator it(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (name == prefix || (name.starts_with(prefix + "-") && name.size() == prefix.size() + 7)) {
        stale.push_back(it->path());
      }
    }
  }
  for (const fs::path& p : stale) fs::remove(p, ec);
}

// Writes `data` as the graph file `db_path`. Holds "FILE.db.lock" (flock, exclusive, waiting
// for an import that holds it) from before the temporary file is made until after the rename, so
// that imports into one target run one at a time; the lock file stays, empty, beside the graph.
Status write_graph_file(const Dataset& data, const std::string& name, const std::string& db_path) {
  const std::string lock_path = db_path + ".lock";
  Fd lock(::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666));
  if (lock.get() < 0) return io_error("cannot create the lock file " + lock_path, db_path, errno);
  int locked = 0;
  do {
    locked = ::flock(lock.get(), LOCK_EX);
  } while (locked != 0 && errno == EINTR);
  if (locked != 0) return io_error("cannot lock " + lock_path, db_path, errno);
  remove_stale_temporaries(db_path);

  auto temporary = create_temporary(db_path);
  if (!temporary.ok()) return temporary.status();
  const std::string partial = *temporary;
  std::string snapshot_partial;
  Status written;
  {
    detail::Written out;
    {
      auto db = sqlite::Database::open(partial, sqlite::OpenMode::kCreate);
      written = db.ok() ? detail::write_dataset(*db, data, name, out) : db.status();
    }
    if (written.ok()) written = sync_path(partial, false);
    // A file small enough to be verified at every open has its bytes' hash recorded in the
    // snapshot, so that an open finding it as written here skips that pass (integrity.h).
    std::uint64_t bytes_hash = 0;
    if (written.ok() && detail::snapshot_file_size(partial) <= kVerifyLimit) {
      auto db = sqlite::Database::open(partial, sqlite::OpenMode::kReadOnly);
      auto hash = db.ok() ? detail::bytes_hash(*db) : Result<std::uint64_t>(db.status());
      if (hash.ok())
        bytes_hash = *hash;
      else
        written = hash.status();
    }
    // The snapshot from the graph in memory, tied to the file just written (snapshot_file.h).
    if (written.ok()) {
      auto snap = create_temporary(detail::snapshot_path(db_path));
      if (snap.ok()) {
        snapshot_partial = *snap;
        const detail::NameIndex names = detail::build_name_index(*out.graph);
        written =
            detail::write_snapshot_file(snapshot_partial, *out.graph, names, out.tie, bytes_hash);
      } else {
        written = snap.status();
      }
    }
  }
  // The snapshot first: between the two renames the old graph file meets the new snapshot, whose
  // id it does not have, so an open in that moment ignores the snapshot rather than trusting it.
  if (written.ok()) {
    std::error_code ec;
    fs::rename(snapshot_partial, detail::snapshot_path(db_path), ec);
    if (!ec) fs::rename(partial, db_path, ec);
    if (ec) {
      written =
          Status::error(ErrorKind::kIo, "cannot move the new graph into place: " + ec.message(),
                        Location{db_path});
    }
  }
  if (!written.ok()) {
    std::error_code ec;
    fs::remove(partial, ec);
    if (!snapshot_partial.empty()) fs::remove(snapshot_partial, ec);
    return Status::error(ErrorKind::kIo, "cannot write graph file: " + written.message(),
                         Location{db_path});
  }
  // The rename is only durable once the folder's entry is on disk.
  const fs::path dir = fs::path(db_path).parent_path();
  if (Status s = sync_path(dir.empty() ? "." : dir.string(), true); !s.ok()) {
    return Status::error(ErrorKind::kIo, "cannot write graph file: " + s.message(),
                         Location{db_path});
  }
  return {};
}

// The `dataset` meta value: the folder's name, or the names joined with '+' (the shell's prompt).
std::string dataset_name(const std::vector<std::string>& dirs) {
  std::string out;
  for (const std::string& d : dirs) {
    fs::path dir = fs::path(d).lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path();  // "datasets/gbvs-2020/"
    out += (out.empty() ? "" : "+") + dir.filename().string();
  }
  return out;
}

template <typename T>
void sort_by_place(std::vector<T>& items, const Location& (*where)(const T&)) {
  std::stable_sort(items.begin(), items.end(), [&](const T& a, const T& b) {
    return std::tie(where(a).file, where(a).line) < std::tie(where(b).file, where(b).line);
  });
}

}  // namespace

ImportReport import_datasets(const std::vector<std::string>& dataset_dirs,
                             const std::string& db_path, std::size_t max_problems) {
  ImportReport report;
  std::vector<Status> problems;
  std::vector<ImportWarning> warnings;
  Dataset data = read_datasets(dataset_dirs, problems, warnings);
  if (dataset_dirs.empty()) {
    problems.push_back(Status::error(ErrorKind::kInvalidArgument, "no dataset folder given"));
  }
  if (problems.empty()) {
    if (Status s = write_graph_file(data, dataset_name(dataset_dirs), db_path); !s.ok()) {
      problems.push_back(s);
    }
  }
  sort_by_place<Status>(problems, [](const Status& s) -> const Location& { return s.where(); });
  sort_by_place<ImportWarning>(warnings,
                               [](const ImportWarning& w) -> const Location& { return w.where; });
  report.problem_count = problems.size();
  if (problems.size() > max_problems) problems.resize(max_problems);
  report.problems = std::move(problems);
  report.warning_count = warnings.size();
  if (warnings.size() > max_problems) warnings.resize(max_problems);
  report.warnings = std::move(warnings);
  if (report.ok()) {
    report.nodes = data.nodes.size();
    report.edges = data.edges.size();
  }
  return report;
}

ImportReport import_dataset(const std::string& dataset_dir, const std::string& db_path,
                            std::size_t max_problems) {
  return import_datasets({dataset_dir}, db_path, max_problems);
}

}  // namespace kg

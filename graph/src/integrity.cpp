// Implementation of integrity.h. The structural checks are sequential passes over the arrays,
// so that opening stays a matter of copying the image; the
// checksum is xxHash's XXH3-64 (libxxhash, Debian's libxxhash-dev) fed in a fixed order.
#include "integrity.h"

#include <fmt/format.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "keys.h"
#include "sqlite/statement.h"

namespace kg::detail {
namespace {

constexpr const char* kSelectImageParts =
    "SELECT part, chunk, bytes FROM image WHERE part <> 'checksum' ORDER BY part, chunk";
constexpr const char* kSelectChecksum =
    "SELECT bytes FROM image WHERE part = 'checksum' ORDER BY chunk";
constexpr const char* kIntegrityCheck = "PRAGMA integrity_check(1)";
constexpr const char* kInsertChecksum =
    "INSERT INTO image (part, chunk, bytes) VALUES ('checksum', 0, ?1)";

// The schema and every table a query reads, in the order the checksum covers them, with its column
// count. The FTS5 shadow tables are the full-text index as stored (read-only opens never change
// them).
struct Table {
  const char* select;
  int columns;
};
constexpr std::array kTables{
    // The schema itself: a virtual table's arguments are parsed only when a search first uses it.
    // Without rootpage: VACUUM moves tables, and a wrong rootpage shows as wrong contents anyway.
    Table{"SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name", 4},
    Table{"SELECT name, value FROM meta ORDER BY name", 2},
    Table{"SELECT id, name, description FROM types ORDER BY id", 3},
    Table{"SELECT id, name, label, inverse, description FROM relations ORDER BY id", 5},
    Table{"SELECT relation_id, side, type_id FROM relation_types "
          "ORDER BY relation_id, side, type_id",
          3},
    Table{"SELECT id, key, type_id, name, description FROM nodes ORDER BY id", 5},
    Table{"SELECT node_id, position, alias FROM aliases ORDER BY node_id, position", 3},
    Table{"SELECT node_id, position, name, value FROM node_attributes "
          "ORDER BY node_id, position",
          4},
    Table{"SELECT id, from_id, relation_id, to_id, source_id, locator, note, origin FROM edges "
          "ORDER BY id",
          8},
    Table{"SELECT edge_id, position, name, value FROM edge_attributes "
          "ORDER BY edge_id, position",
          4},
    Table{"SELECT id, block FROM node_text_data ORDER BY id", 2},
    Table{"SELECT segid, term, pgno FROM node_text_idx ORDER BY segid, term", 3},
    Table{"SELECT id, c0, c1, c2, c3 FROM node_text_content ORDER BY id", 5},
    Table{"SELECT id, sz FROM node_text_docsize ORDER BY id", 2},
    Table{"SELECT k, v FROM node_text_config ORDER BY k", 2},
};

Status corrupt(const std::string& why, const std::string& path) {
  return Status::error(ErrorKind::kCorrupt, "damaged graph file: " + why, Location{path});
}

// True when `start` is a valid list of offsets into `size` entries for `items` items.
bool valid_starts(const auto& start, std::size_t items, std::uint64_t size) {
  if (start.size() != items + 1 || start.front() != 0 || start.back() != size) return false;
  return std::is_sorted(start.begin(), start.end());
}

bool all_below(const auto& values, std::uint64_t limit) {
  return std::all_of(values.begin(), values.end(), [&](auto v) { return v < limit; });
}

// A 64-bit mix of a triple of 32-bit values (each below 2^32 here), for multiset sums: the
// murmur3 finaliser over the packed pair, offset by the third value.
std::uint64_t mix(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  std::uint64_t x = ((a << 32) | b) * 0x9E3779B97F4A7C15u;
  x ^= (c + 0x632BE59BD9B4E019u) * 0xC2B2AE3D27D4EB4Fu;
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDu;
  x ^= x >> 33;
  x *= 0xC4CEB9FE1A85EC53u;
  x ^= x >> 33;
  return x;
}

// An XXH3-64 stream; every value goes in with its length first, so no two different sequences
// of values feed the same bytes.
class Hasher {
 public:
  Hasher() : state_(XXH3_createState(), &XXH3_freeState) { XXH3_64bits_reset(state_.get()); }
  bool ok() const { return state_ != nullptr; }
  void number(std::uint64_t v) { XXH3_64bits_update(state_.get(), &v, sizeof v); }
  void value(std::string_view bytes) {
    number(bytes.size());
    this->bytes(bytes);
  }
  void bytes(std::string_view bytes) {
    XXH3_64bits_update(state_.get(), bytes.data(), bytes.size());
  }
  std::uint64_t digest() const { return XXH3_64bits_digest(state_.get()); }

 private:
  std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state_;
};

}  // namespace

Status check_records(const GraphData& d, const std::string& what, const std::string& path) {
  const auto bad = [&](const char* why) { return corrupt(what + why, path); };
  const auto& ends = d.strings.ends();
  if (ends.size() < 2 || ends[1] != 0 ||
      !valid_starts(ends, ends.size() - 1, d.strings.byte_size())) {
    return bad("strings are out of order");
  }
  const std::uint64_t strings = d.strings.size(), n = d.nodes.size(), m = d.edges.size();
  const std::uint64_t type_count = d.types.size(), relation_count = d.relations.size();
  for (std::size_t i = 0; i < d.nodes.size(); ++i) {
    const NodeRecord& node = d.nodes[i];
    if (node.key >= strings || node.name >= strings || node.description >= strings ||
        node.type >= type_count) {
      return bad("node refers outside the image");
    }
    if (i > 0 && !key_less(d.strings[d.nodes[i - 1].key], d.strings[node.key])) {
      return bad("nodes are not in key order");
    }
  }
  for (const EdgeRecord& e : d.edges) {
    if (e.from >= n || e.to >= n || e.source >= n || e.relation >= relation_count ||
        e.locator >= strings || e.note >= strings) {
      return bad("edge refers outside the image");
    }
  }
  struct ListCheck {
    const Lists* lists;
    std::uint64_t items;
    bool pairs;  // attributes: name and value ids in turn
  };
  for (auto [lists, items, pairs] :
       {ListCheck{&d.aliases, n, false}, ListCheck{&d.node_attributes, n, true},
        ListCheck{&d.edge_attributes, m, true}}) {
    if (!valid_starts(lists->start, items, lists->entries.size()) ||
        !all_below(lists->entries, strings)) {
      return bad("lists refer outside the image");
    }
    for (std::size_t i = 0; pairs && i < items; ++i) {
      if (lists->count(i) % 2 != 0) return bad("attributes are not in pairs");
    }
  }
  for (const Relation& r : d.relations) {
    if (!all_below(r.from_types, type_count) || !all_below(r.to_types, type_count)) {
      return bad("relation refers to an unknown type");
    }
  }
  return Status();
}

Status check_adjacency(const GraphData& d, const CsrArrays& a, const std::string& path,
                       const std::string& what) {
  const std::size_t n = d.nodes.size(), m = d.edges.size();
  const auto bad = [&](const char* why) { return corrupt(what + why, path); };
  if (!valid_starts(a.out_start, n, m) || !valid_starts(a.in_start, n, m) ||
      a.out_target.size() != m || a.out_edge.size() != m || a.in_source.size() != m ||
      a.in_position.size() != m || !all_below(a.out_target, n) || !all_below(a.in_source, n) ||
      !all_below(a.out_edge, m) || !all_below(a.in_position, m)) {
    return bad("adjacency refers outside the image");
  }
  // The out-rows hold the same (from, to, id) triples as the edge records, and the in-rows the
  // same (source, target, out-position) triples as the out-rows. Both are compared as multisets,
  // by sums of a 64-bit mix of each triple, so that every pass reads its arrays in order: looking
  // each edge up instead cost 40% of the open at 5·10^6 edges, in cache misses. A damaged entry
  // goes unnoticed only if the sums collide (about 2^-64). With the rows' order, which fixes one
  // layout per multiset, the arrays are then exactly the ones build_snapshot() makes.
  std::uint64_t records = 0, out_edges = 0, out_positions = 0, in_positions = 0;
  for (std::size_t e = 0; e < m; ++e) records += mix(d.edges[e].from, d.edges[e].to, e);
  for (NodeId v = 0; v < n; ++v) {
    for (std::uint64_t p = a.out_start[v]; p < a.out_start[v + 1]; ++p) {
      const NodeId t = a.out_target[p];
      const EdgeId e = a.out_edge[p];
      if (p > a.out_start[v] &&
          std::pair(a.out_target[p - 1], a.out_edge[p - 1]) >= std::pair(t, e)) {
        return bad("out-edges are out of order");
      }
      out_edges += mix(v, t, e);
      out_positions += mix(v, t, p);
    }
  }
  if (out_edges != records) return bad("adjacency does not match the edges");
  for (NodeId t = 0; t < n; ++t) {
    for (std::uint64_t q = a.in_start[t]; q < a.in_start[t + 1]; ++q) {
      const EdgeId p = a.in_position[q];
      if (q > a.in_start[t] && a.in_position[q - 1] >= p) return bad("in-edges are out of order");
      in_positions += mix(a.in_source[q], t, p);
    }
  }
  if (in_positions != out_positions) return bad("in-edges do not mirror the out-edges");
  return Status();
}

Result<std::uint64_t> compute_checksum(sqlite::Database& db) {
  Hasher h;
  if (!h.ok()) return Status::error(ErrorKind::kIo, "out of memory for the checksum");
  auto parts = sqlite::Statement::prepare(db, kSelectImageParts);
  if (!parts.ok()) return parts.status();
  while (parts->step()) {
    h.value(parts->column_view(0));
    h.number(static_cast<std::uint64_t>(parts->column_int(1)));
    h.value(parts->column_view(2));
  }
  if (!parts->status().ok()) return parts->status();
  for (std::size_t t = 0; t < kTables.size(); ++t) {
    h.number(t);
    auto st = sqlite::Statement::prepare(db, kTables[t].select);
    if (!st.ok()) return st.status();
    std::uint64_t rows = 0;
    while (st->step()) {
      for (int c = 0; c < kTables[t].columns; ++c) {
        if (st->column_is_null(c)) {
          h.number(~std::uint64_t{0});
        } else {
          h.value(st->column_view(c));
        }
      }
      ++rows;
    }
    if (!st->status().ok()) return st->status();
    h.number(rows);
  }
  return h.digest();
}

Result<std::optional<std::uint64_t>> stored_checksum(sqlite::Database& db) {
  auto st = sqlite::Statement::prepare(db, kSelectChecksum);
  if (!st.ok()) return st.status();
  if (!st->step()) {
    if (!st->status().ok()) return st->status();
    return std::optional<std::uint64_t>();
  }
  const std::string_view bytes = st->column_view(0);
  std::uint64_t value = 0;
  if (bytes.size() != sizeof value) return corrupt("image checksum has the wrong size", db.path());
  std::memcpy(&value, bytes.data(), sizeof value);  // before the next step ends the view
  if (st->step()) return corrupt("image checksum has the wrong size", db.path());
  if (!st->status().ok()) return st->status();
  return std::optional<std::uint64_t>(value);
}

Status write_checksum(sqlite::Database& db) {
  auto sum = compute_checksum(db);
  if (!sum.ok()) return sum.status();
  auto st = sqlite::Statement::prepare(db, kInsertChecksum);
  if (!st.ok()) return st.status();
  const std::uint64_t value = *sum;
  st->bind_blob(1, &value, sizeof value);
  return st->run();
}

Result<std::uint64_t> bytes_hash(sqlite::Database& db) {
  Hasher h;
  if (!h.ok()) return Status::error(ErrorKind::kIo, "out of memory for the checksum");
  if (Status s = db.with_bytes([&](std::string_view piece) { h.bytes(piece); }); !s.ok()) {
    return s;
  }
  const std::uint64_t hash = h.digest();
  return hash == 0 ? 1 : hash;
}

Result<bool> verify_checksum(sqlite::Database& db) {
  // The checksum covers contents as one access path reads them; a query may take another (a
  // look-up through the keys of inner pages, an index instead of its table), and only SQLite's
  // integrity_check compares those: quick_check missed a key changed in a table but not in its
  // index, found by flipping every byte of the tiny fixture's file.
  auto check = sqlite::Statement::prepare(db, kIntegrityCheck);
  if (!check.ok()) return check.status();
  if (!check->step()) {
    return check->status().ok() ? corrupt("integrity_check gave no answer", db.path())
                                : check->status();
  }
  if (check->column_view(0) != "ok") {
    std::string why = check->column_text(0);  // "*** in database main ***\nPage 3: …"
    std::replace_if(
        why.begin(), why.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    return corrupt("SQLite integrity_check: " + why, db.path());
  }
  auto stored = stored_checksum(db);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) return false;
  auto sum = compute_checksum(db);
  if (!sum.ok()) return sum.status();
  if (*sum != **stored) {
    return corrupt(
        fmt::format("checksum does not match (stored {:016x}, contents {:016x})", **stored, *sum),
        db.path());
  }
  return true;
}

}  // namespace kg::detail

// Implementation of image.h. Each array is one part of the image, stored in chunks of at most
// kChunk bytes (SQLite caps a BLOB at 1 GB) as its bytes in memory: fixed-width little-endian
// integers and padding-free records. The header part holds the counts every other size follows
// from, so each part is checked for its exact length before anything is read into memory.
#include "image.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "graph_data.h"
#include "integrity.h"
#include "keys.h"
#include "snapshot.h"
#include "sqlite/statement.h"

namespace kg::detail {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the graph image stores integers little-endian, as they are in memory here");

// Format 2 added the checksum part and the adjacency invariants; a format 1 image has no
// checksum to verify, so it is refused rather than trusted.
constexpr std::uint64_t kFormat = 2;
constexpr std::size_t kChunk = std::size_t{256} << 20;

constexpr const char* kInsertChunk = "INSERT INTO image (part, chunk, bytes) VALUES (?1, ?2, ?3)";
constexpr const char* kSelectChunks =
    "SELECT rowid, chunk, length(bytes) FROM image WHERE part = ?1 ORDER BY chunk";
// The checksum part alone is no image: files imported with a snapshot file keep only it.
constexpr const char* kCountChunks = "SELECT count(*) FROM image WHERE part <> 'checksum'";

// The header: the format, then the counts the array sizes derive from.
enum Count : std::size_t {
  kFormatField,
  kNodes,
  kEdges,
  kStrings,
  kStringBytes,
  kAliasEntries,
  kNodeAttributeEntries,
  kEdgeAttributeEntries,
  kCountFields
};

// Writes parts one after another; after the first failure the rest are skipped and status()
// is that failure.
class Writer {
 public:
  explicit Writer(sqlite::Database& db) {
    auto insert = sqlite::Statement::prepare(db, kInsertChunk);
    if (insert.ok()) {
      insert_.emplace(std::move(insert).value());
    } else {
      status_ = insert.status();
    }
  }

  // Stores the elements of `array` (a vector or string of fixed-width values) as part `name`.
  template <typename Array>
  void write(const char* name, const Array& array) {
    const auto* bytes = reinterpret_cast<const char*>(array.data());
    const std::size_t size = array.size() * sizeof(typename Array::value_type);
    std::int64_t chunk = 0;
    std::size_t at = 0;
    do {
      if (!status_.ok()) return;
      const std::size_t n = std::min(kChunk, size - at);
      insert_->bind(1, name).bind(2, chunk++).bind_blob(3, bytes + at, n);
      status_ = insert_->run();
      at += n;
    } while (at < size);
  }

  const Status& status() const { return status_; }

 private:
  std::optional<sqlite::Statement> insert_;
  Status status_;
};

class Reader {
 public:
  explicit Reader(sqlite::Database& db) : db_(db) {}

  Status corrupt(const std::string& why) const {
    return Status::error(ErrorKind::kCorrupt, "damaged graph file: image " + why,
                         Location{db_.path()});
  }

  // Reads part `name` into `out`, which must come to exactly `count` elements. After the first
  // failure the rest are skipped and status() is that failure.
  template <typename Container>
  void read(const char* name, std::uint64_t count, Container& out) {
    if (status_.ok()) status_ = read_part(name, count, out);
  }
  template <typename T>
  void read(const char* name, std::uint64_t count, Array<T>& out) {
    std::vector<T> values;
    read(name, count, values);
    out = Array<T>(std::move(values));
  }
  // List offsets, stored as 64-bit values (the image format predates the 32-bit ones in memory).
  void read_starts(const char* name, std::uint64_t count, Array<std::uint32_t>& out) {
    std::vector<std::uint64_t> wide;
    read(name, count, wide);
    std::vector<std::uint32_t> narrow;
    narrow.reserve(wide.size());
    for (std::uint64_t v : wide) {
      if (v > std::numeric_limits<std::uint32_t>::max()) {
        if (status_.ok()) status_ = corrupt(std::string(name) + " is out of range");
        return;
      }
      narrow.push_back(static_cast<std::uint32_t>(v));
    }
    out = Array<std::uint32_t>(std::move(narrow));
  }

  const Status& status() const { return status_; }

 private:
  template <typename Container>
  Status read_part(const char* name, std::uint64_t count, Container& out) {
    using T = typename Container::value_type;
    auto st = sqlite::Statement::prepare(db_, kSelectChunks);
    if (!st.ok()) return st.status();
    st->bind(1, name);
    std::vector<std::pair<std::int64_t, std::size_t>> chunks;  // rowid, length
    std::uint64_t total = 0;
    while (st->step()) {
      if (st->column_int(1) != static_cast<std::int64_t>(chunks.size()))
        return corrupt(std::string(name) + " has a gap");
      const auto length = static_cast<std::uint64_t>(st->column_int(2));
      chunks.emplace_back(st->column_int(0), static_cast<std::size_t>(length));
      total += length;
    }
    if (!st->status().ok()) return st->status();
    if (chunks.empty()) return corrupt(std::string(name) + " is missing");
    if (count > total / sizeof(T) || total != count * sizeof(T)) {
      return corrupt(std::string(name) + " has the wrong size");
    }
    out.resize(static_cast<std::size_t>(count));
    auto* into = reinterpret_cast<char*>(out.data());
    for (const auto& [rowid, length] : chunks) {
      if (Status s = db_.read_blob("image", "bytes", rowid, into, length); !s.ok()) return s;
      into += length;
    }
    return Status();
  }

  sqlite::Database& db_;
  Status status_;
};

std::vector<std::uint64_t> widen(const Array<std::uint32_t>& starts) {
  return std::vector<std::uint64_t>(starts.begin(), starts.end());
}

}  // namespace

Status write_image(sqlite::Database& db, const Graph& g) {
  const GraphData& d = g.data();
  const std::vector<std::uint64_t> header{kFormat,
                                          d.nodes.size(),
                                          d.edges.size(),
                                          d.strings.size(),
                                          d.strings.byte_size(),
                                          d.aliases.entries.size(),
                                          d.node_attributes.entries.size(),
                                          d.edge_attributes.entries.size()};
  const CsrArrays& csr = g.snapshot().csr;
  Writer w(db);
  w.write("header", header);
  w.write("strings.bytes", d.strings.bytes());
  w.write("strings.ends", d.strings.ends());
  w.write("nodes", d.nodes);
  w.write("aliases.start", widen(d.aliases.start));
  w.write("aliases.entries", d.aliases.entries);
  w.write("node_attributes.start", widen(d.node_attributes.start));
  w.write("node_attributes.entries", d.node_attributes.entries);
  w.write("edges", d.edges);
  w.write("edge_attributes.start", widen(d.edge_attributes.start));
  w.write("edge_attributes.entries", d.edge_attributes.entries);
  w.write("out.start", csr.out_start);
  w.write("out.target", csr.out_target);
  w.write("out.edge", csr.out_edge);
  w.write("in.start", csr.in_start);
  w.write("in.source", csr.in_source);
  w.write("in.position", csr.in_position);
  return w.status();
}

Result<std::optional<Graph>> read_image(sqlite::Database& db, Vocabulary vocabulary) {
  auto count = sqlite::Statement::prepare(db, kCountChunks);
  if (!count.ok()) return count.status();
  if (!count->step()) return count->status();
  if (count->column_int(0) == 0) return std::optional<Graph>();

  Reader r(db);
  std::vector<std::uint64_t> h;
  r.read("header", kCountFields, h);
  if (!r.status().ok()) return r.status();
  if (h[kFormatField] != kFormat) {
    return r.corrupt(
        fmt::format("has format {}, this kamergraaf reads {}; import the dataset again",
                    h[kFormatField], kFormat));
  }
  if (h[kNodes] >= kNoNode || h[kEdges] >= std::uint64_t{1} << 32 ||
      h[kStrings] >= std::uint64_t{1} << 32) {
    return r.corrupt("counts are out of range");
  }
  const std::uint64_t n = h[kNodes], m = h[kEdges], strings = h[kStrings];

  GraphData d;
  d.types = std::move(vocabulary.types);
  d.relations = std::move(vocabulary.relations);
  std::string bytes;
  std::vector<std::uint64_t> ends;
  CsrArrays csr;
  r.read("strings.bytes", h[kStringBytes], bytes);
  r.read("strings.ends", strings + 1, ends);
  r.read("nodes", n, d.nodes);
  r.read_starts("aliases.start", n + 1, d.aliases.start);
  r.read("aliases.entries", h[kAliasEntries], d.aliases.entries);
  r.read_starts("node_attributes.start", n + 1, d.node_attributes.start);
  r.read("node_attributes.entries", h[kNodeAttributeEntries], d.node_attributes.entries);
  r.read("edges", m, d.edges);
  r.read_starts("edge_attributes.start", m + 1, d.edge_attributes.start);
  r.read("edge_attributes.entries", h[kEdgeAttributeEntries], d.edge_attributes.entries);
  r.read("out.start", n + 1, csr.out_start);
  r.read("out.target", m, csr.out_target);
  r.read("out.edge", m, csr.out_edge);
  r.read("in.start", n + 1, csr.in_start);
  r.read("in.source", m, csr.in_source);
  r.read("in.position", m, csr.in_position);
  // Verified against the contents by the caller when it chooses to (integrity.h); required here
  // so that an image never loads without one.
  std::vector<std::uint64_t> checksum;
  r.read("checksum", 1, checksum);
  if (!r.status().ok()) return r.status();

  // Everything a query indexes with must stay inside its array, and the adjacency must be the
  // one of the edges: the algorithms walk out-rows and in-rows interchangeably.
  if (ends.size() != strings + 1) return r.corrupt("strings are out of order");
  d.strings.assign(std::move(bytes), std::move(ends));
  if (Status s = check_records(d, "image ", db.path()); !s.ok()) return s;
  if (Status s = check_adjacency(d, csr, db.path()); !s.ok()) return s;
  Snapshot snapshot = snapshot_from_arrays(d, std::move(csr));
  return std::optional<Graph>(assemble(std::move(d), std::move(snapshot)));
}

}  // namespace kg::detail

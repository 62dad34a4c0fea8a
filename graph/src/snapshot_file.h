// The snapshot file `G.db.snap`: a Graph's records, string table, adjacency and name index laid
// out to be mapped as they are (MAP_SHARED, PROT_READ), so that opening a graph costs page faults
// instead of copies and a rebuilt name index. Written at import beside its graph file and tied to
// it; read as untrusted input: every open checks the header, the tie and every section's offset
// and size, and every id read from the arrays is bounded where it is used; the per-entry
// invariants integrity.h checks run with the checksum. Stateless functions; the Graph a read
// returns keeps the mapping alive.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kg/graph.h"
#include "kg/status.h"
#include "name_index.h"
#include "rows.h"

namespace kg::detail {

// Format 2 (1 had no hash of the graph file's bytes): header, then 22 sections (docs/data-model.md
// lists them), each 8-byte aligned.
inline constexpr std::uint64_t kSnapshotFormat = 2;

// What ties a snapshot file to its graph file: a random id the import stores in both (the
// graph file's meta row `snapshot_id`, 32 hex digits), and the graph file's checksum.
struct SnapshotTie {
  std::array<std::uint8_t, 16> id{};
  std::uint64_t db_checksum = 0;
};

// A fresh random import id.
std::array<std::uint8_t, 16> random_snapshot_id();
std::string hex_id(const std::array<std::uint8_t, 16>& id);
// The id written as 32 hex digits; nullopt when `hex` is not one.
std::optional<std::array<std::uint8_t, 16>> parse_hex_id(std::string_view hex);

// Where the snapshot file of graph file `db_path` lives.
inline std::string snapshot_path(const std::string& db_path) {
  return db_path + ".snap";
}

// Writes the snapshot of `g` with the name index `names` to the new file `path` and fsyncs it.
// `db_bytes_hash` is integrity.h's bytes_hash of the finished graph file, or 0 for none.
Status write_snapshot_file(const std::string& path, const Graph& g, const NameIndex& names,
                           const SnapshotTie& tie, std::uint64_t db_bytes_hash);

// The hash of its graph file's bytes that the snapshot file `path` records (write_snapshot_file),
// 0 when it records none, is missing or is not a snapshot of this format. Reads the header only,
// so it says nothing of the rest of the snapshot: a caller that trusts the graph file because
// its bytes hash to this value has compared 64 bits of evidence, not trusted the snapshot.
std::uint64_t recorded_bytes_hash(const std::string& path);
// The same for a snapshot file's `bytes` in memory.
std::uint64_t recorded_bytes_hash_in(std::string_view bytes);

// The Graph in the snapshot file `path`, with `vocabulary` read from its graph file. nullopt when
// there is no such file. An error (one line, "damaged snapshot file: …" or "stale snapshot file:
// …") when it is not the snapshot of the graph file `tie` describes, or any check fails. Without
// `verify` the checks are O(header + sections) and a damaged entry inside an array loads (and
// gives wrong answers, bounded reads); with it the XXH3 checksum over the whole file is checked,
// then every per-entry invariant (integrity.h's, and the copies and name index), in O(V + E).
Result<std::optional<Graph>> read_snapshot_file(const std::string& path,
                                                const Vocabulary& vocabulary,
                                                const SnapshotTie& tie, bool verify);

// read_snapshot_file on `bytes` in memory (copied, so that they are aligned), named `name` in
// messages. For tests and fuzzing.
Result<Graph> read_snapshot_bytes(const std::string& name, std::string_view bytes,
                                  const Vocabulary& vocabulary, const SnapshotTie& tie,
                                  bool verify);

// The sections of the snapshot file `bytes` as its header names them (name, offset, size in
// bytes); empty when `bytes` is shorter than a header. For tests and tools.
struct SnapshotSection {
  std::string name;
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
};
std::vector<SnapshotSection> snapshot_sections(std::string_view bytes);

// The size of the snapshot file `path`, 0 when there is none.
std::uint64_t snapshot_file_size(const std::string& path);

}  // namespace kg::detail

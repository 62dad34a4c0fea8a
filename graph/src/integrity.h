// Integrity of a graph file, which is untrusted input: the structural invariants every query
// relies on (checked at every open, in linear time), and the checksum stored at import over
// everything a query reads (verified up to a size, or on demand). Stateless; thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "graph_data.h"
#include "kg/status.h"
#include "snapshot.h"
#include "sqlite/database.h"

namespace kg::detail {

// kCorrupt ("damaged graph file: WHAT…") unless every id in `d` is below its bound: string ids in
// the string table, node types, edge endpoints, sources and relations, list entries; and unless
// the string table, the key order of the nodes and the attribute pairs are well formed. `what`
// names the part checked in the message ("image " or empty).
Status check_records(const GraphData& d, const std::string& what, const std::string& path);

// kCorrupt unless `csr` is the adjacency of `d`'s edges: row starts from 0 to the edge count,
// every id in range, the out-rows holding each edge once from its row to its target in (target,
// edge id) order, and the in-rows mirroring the out-rows in out-position order. The contents are
// compared as multisets through 64-bit hash sums (damage passes with probability about 2^-64);
// ranges and order exactly. Requires check_records(d) to have passed. `what` names the part
// checked in the message.
Status check_adjacency(const GraphData& d, const CsrArrays& csr, const std::string& path,
                       const std::string& what = "image ");

// The checksum of `db`: XXH3-64 over every image part but the checksum itself, then over every
// row of the schema and of every table a query reads (meta, vocabulary, nodes and edges with their
// lists, and the full-text index), each value length-prefixed, in a fixed order.
Result<std::uint64_t> compute_checksum(sqlite::Database& db);

// The checksum stored in the image; nullopt when the file has none (no image: its tables were
// edited after import, which drops the image and its checksum together).
Result<std::optional<std::uint64_t>> stored_checksum(sqlite::Database& db);

// Computes the checksum of `db` and stores it in the image, in the caller's transaction.
// Requires the full-text index to be flushed (a committed import).
Status write_checksum(sqlite::Database& db);

// XXH3-64 of the bytes of `db` as SQLite reads them (Database::with_bytes), never 0 (which the
// snapshot's header uses for "none"). Import stores it in the snapshot header of a graph file of
// at most kVerifyLimit bytes, so that an open which finds the file byte for byte as its import
// wrote it can skip integrity_check and the checksum: the bytes they would read are the ones
// import wrote from a checked dataset. Any other file, damaged, VACUUMed or edited, gets the full
// verification.
Result<std::uint64_t> bytes_hash(sqlite::Database& db);

// kCorrupt unless SQLite's integrity_check passes and the stored checksum matches; ok(false) when
// the file has no checksum (after integrity_check), ok(true) verified.
Result<bool> verify_checksum(sqlite::Database& db);

}  // namespace kg::detail

// The graph image: a Graph's records, text and adjacency stored as flat arrays in the graph file's
// `image` table, so that opening a file copies a few large BLOBs instead of reading millions of
// rows and sorting edges. Files imported before snapshot files (snapshot_file.h) have one, and
// still open from it; import now writes only the table's `checksum` part, and tests write images
// to stand for such files. Triggers drop the image when the tables change, and a file without one
// loads from its rows.
#pragma once

#include <optional>

#include "kg/edge.h"
#include "kg/graph.h"
#include "kg/node.h"
#include "kg/status.h"
#include "rows.h"
#include "sqlite/database.h"

namespace kg::detail {

// Writes the image of `g` into the empty image table of `db`, in the caller's transaction.
Status write_image(sqlite::Database& db, const Graph& g);

// The Graph stored in the image of `db`, with the `vocabulary` read from its tables. nullopt when
// the file has no image; kCorrupt ("damaged graph file: …") when the image is incomplete (the
// checksum part included), refers outside its arrays, or breaks an invariant the algorithms rely
// on (integrity.h), so that a damaged file cannot make a query read out of bounds. Does not
// verify the checksum: the caller decides (Store::load_graph).
Result<std::optional<Graph>> read_image(sqlite::Database& db, Vocabulary vocabulary);

}  // namespace kg::detail

// The importer's writing step on its own: a checked Dataset into an open, empty database (schema,
// rows, full-text index, checksum, and the graph the snapshot file is written from). import writes
// a temporary file with it; the fuzz harness an in-memory database (":memory:"). Internal to the
// library; one thread per database.
#pragma once

#include <optional>
#include <string>

#include "dataset.h"
#include "kg/graph.h"
#include "kg/status.h"
#include "snapshot_file.h"
#include "sqlite/database.h"

namespace kg::detail {

// What an import writes beside the graph file: the graph it loaded, and the tie of its snapshot.
struct Written {
  std::optional<Graph> graph;
  SnapshotTie tie;
};

// Writes `data` (free of problems, as check_datasets returned it) into `db`, naming it
// `dataset_name` in the meta table, and fills `written` with the graph as the rows would load
// and the snapshot tie (snapshot_file.h) recorded in the meta table. Requires: `db` has no
// tables yet.
Status write_dataset(sqlite::Database& db, const Dataset& data, const std::string& dataset_name,
                     Written& written);

}  // namespace kg::detail

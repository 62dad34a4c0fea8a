// The importer's writing step on its own: a checked Dataset into an open, empty database (schema,
// rows, full-text index, image, checksum). import writes a temporary file with it; the fuzz
// harness an in-memory database (":memory:"). Internal to the library; one thread per database.
#pragma once

#include <string>

#include "dataset.h"
#include "kg/status.h"
#include "sqlite/database.h"

namespace kg::detail {

// Writes `data` (free of problems, as check_datasets returned it) into `db`, naming it
// `dataset_name` in the meta table. Requires: `db` has no tables yet.
Status write_dataset(sqlite::Database& db, const Dataset& data, const std::string& dataset_name);

}  // namespace kg::detail

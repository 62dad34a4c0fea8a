// `kamergraaf import`: validate one or more dataset folders completely, merge them, then write
// the graph file atomically (a uniquely named temporary file in the target's folder, one
// transaction, fsync, rename, fsync of the folder) under a lock file `FILE.db.lock`, so that
// concurrent imports into one target run one after the other. Thread-safe for different targets.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "kg/status.h"

namespace kg {

// Something import tolerates but a curator should see (two folders describe a type differently).
struct ImportWarning {
  std::string message;
  Location where;
  // "FILE:LINE: warning: MESSAGE" (without ":LINE" when it has none).
  std::string to_string() const;
};

struct ImportReport {
  std::vector<Status> problems;         // the first `max_problems`, in file and line order
  std::size_t problem_count = 0;        // all problems found, including those not kept
  std::vector<ImportWarning> warnings;  // the first `max_problems`, in file and line order
  std::size_t warning_count = 0;        // all warnings, including those not kept
  std::size_t nodes = 0;
  std::size_t edges = 0;
  bool ok() const { return problem_count == 0; }
};

// Reads, validates and merges the folders `dataset_dirs` (in the order given: it decides edge
// ids, and which of two differing descriptions is kept); when they are free of problems writes
// `db_path`, replacing any file there only once the new one is complete and on disk. On any
// problem the target is left untouched. Waits while another import holds `db_path`'s lock.
// I/O failures while writing are reported as problems too. Requires: at least one folder.
ImportReport import_datasets(const std::vector<std::string>& dataset_dirs,
                             const std::string& db_path, std::size_t max_problems = 50);

// import_datasets with one folder.
ImportReport import_dataset(const std::string& dataset_dir, const std::string& db_path,
                            std::size_t max_problems = 50);

}  // namespace kg

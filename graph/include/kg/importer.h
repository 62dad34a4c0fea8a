// `kamergraaf import`: validate a dataset folder completely, then write it as a graph file
// atomically (a temporary file in the target's folder, one transaction, then rename). Not
// thread-safe with respect to the target file: one importer per target at a time.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "kg/status.h"

namespace kg {

struct ImportReport {
  std::vector<Status> problems;   // the first `max_problems`, in file and line order
  std::size_t problem_count = 0;  // all problems found, including those not kept
  std::size_t nodes = 0;
  std::size_t edges = 0;
  bool ok() const { return problem_count == 0; }
};

// Reads and validates `dataset_dir`; when it is free of problems writes `db_path`, replacing any
// file there only once the new one is complete. On any problem the target is left untouched.
// I/O failures while writing are reported as problems too.
ImportReport import_dataset(const std::string& dataset_dir, const std::string& db_path,
                            std::size_t max_problems = 50);

}  // namespace kg

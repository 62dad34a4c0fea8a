// What the harnesses share: the tiny fixture imported once per process into a private temporary
// folder, for the harnesses that need a graph. Single-threaded, as libFuzzer runs a harness.
#pragma once

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "kg/importer.h"

namespace kg::fuzz {

// A folder of this process's own under /dev/shm (memory), else the system's temporary folder;
// removed at exit.
inline const std::string& scratch_dir() {
  static const std::string dir = [] {
    std::error_code ec;
    std::filesystem::path base = "/dev/shm";
    if (!std::filesystem::is_directory(base, ec)) base = std::filesystem::temp_directory_path();
    const auto path = base / ("kg-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path, ec);
    return path.string();
  }();
  static const bool cleaned_at_exit = [] {
    return std::atexit([] {
             std::error_code ec;
             std::filesystem::remove_all(scratch_dir(), ec);
           }) == 0;
  }();
  (void)cleaned_at_exit;
  return dir;
}

// The tiny fixture's graph file, imported on first use; aborts when the import fails, since
// every input would then test nothing.
inline const std::string& tiny_graph() {
  static const std::string path = [] {
    const std::string db = scratch_dir() + "/tiny.db";
    if (!kg::import_dataset(std::string(KG_FIXTURES) + "/tiny", db).ok()) std::abort();
    return db;
  }();
  return path;
}

}  // namespace kg::fuzz

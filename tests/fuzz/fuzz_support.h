// What the harnesses share: the tiny fixture imported once per process into a private temporary
// folder, for the harnesses that need a graph, and the queries a loaded graph must survive.
// Single-threaded, as libFuzzer runs a harness.
#pragma once

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "kg/algorithms.h"
#include "kg/importer.h"
#include "kg/resolve.h"

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

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Searches, measures and name look-ups over a graph that loaded, whatever its damage.
inline void queries(const kg::Graph& g) {
  const kg::Filter all;
  const auto n = static_cast<kg::NodeId>(g.node_count());
  for (kg::NodeId v = 0; v < n; v += 3) {
    (void)kg::shortest_path(g, v, n - 1 - v, all);
    (void)kg::neighbourhood(g, v, 2, all);
    (void)g.node(v);
    (void)g.out_edges(v);
    (void)g.in_edges(v);
  }
  if (n > 1) (void)kg::k_shortest_paths(g, 0, n - 1, 3, all);
  (void)kg::rank(g, kg::Centrality::kPageRank, all);
  (void)kg::components(g, all);
  const kg::Resolver resolver(g);
  (void)resolver.resolve("rusl");
  (void)resolver.resolve("NATO");
}

}  // namespace kg::fuzz

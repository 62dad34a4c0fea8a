// The "how fast can this be" line of the benchmark: the graph's edges read straight from the
// SQLite file into plain compressed-sparse-row arrays, and breadth-first searches over them.
// Node ids are the graph file's node ids. Not thread-safe (searches reuse scratch arrays).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bench {

class Reference {
 public:
  // Reads nodes and edges of `db_path`; exits the process with a message on failure.
  explicit Reference(const std::string& db_path);

  std::size_t node_count() const { return out_offsets_.size() - 1; }
  // Hops from `a` to `b` by bidirectional breadth-first search; -1 when unreachable.
  // `both` ignores edge direction.
  int distance(std::uint32_t a, std::uint32_t b, bool both);
  // Number of nodes within `depth` steps of `center` (itself included), direction ignored.
  std::size_t neighbourhood_size(std::uint32_t center, int depth);
  // Keys by node id, for mapping to the engine's ids.
  const std::vector<std::string>& keys() const { return keys_; }

 private:
  template <typename F>
  void for_each_neighbour(std::uint32_t v, bool forward, bool both, F&& f) const;

  std::vector<std::uint32_t> out_offsets_, out_targets_;
  std::vector<std::uint32_t> in_offsets_, in_sources_;
  std::vector<std::string> keys_;
  // Scratch: a node is marked in this search when stamp == epoch.
  std::vector<std::uint32_t> stamp_a_, stamp_b_;
  std::vector<int> dist_a_, dist_b_;
  std::uint32_t epoch_ = 0;
};

}  // namespace bench

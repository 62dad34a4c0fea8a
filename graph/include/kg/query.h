// The filters shared by every graph question (DESIGN.md §5) and the work limits that keep a
// question on a huge graph from running away. Plain values; build one per question.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "kg/ids.h"

namespace kg {

class CancelToken;

enum class Direction {
  kOut,   // follow edges from their from-node to their to-node
  kIn,    // follow edges backwards only
  kBoth,  // ignore direction (the default: how are these connected at all?)
};

struct Limits {
  std::size_t max_visited = 1'000'000;  // nodes a single search may visit before it stops
  std::size_t max_results = 10'000;     // nodes a neighbourhood may return / paths Yen may try
  // A node with more edges than this (in + out, every relation: the degree `show` and an
  // unfiltered `rank degree` report) is a hub: path answers name the hubs they pass, and it is
  // what a bare --avoid-hubs avoids. 36 makes the hubs of the GBVS graph Nederland (165), the
  // letter kst-33694-57 (46), Kabinet (42), EU and Rusland (37 each).
  std::size_t hub_degree = 36;
  // Betweenness is exact (Brandes) up to this many nodes in the measured graph; above it, an
  // estimate from `betweenness_samples` sampled source nodes (Brandes & Pich), scaled to n.
  std::size_t betweenness_exact_nodes = 5'000;
  std::size_t betweenness_samples = 64;
};

// Applied during traversal, never afterwards: a filtered search finds the best answer among the
// walks the filter allows.
struct Filter {
  Direction direction = Direction::kBoth;
  std::vector<RelationId> only_relations;  // empty: every relation
  std::vector<RelationId> not_relations;
  // The type filters of DESIGN.md §5; empty: every type. `through` (--through) limits the
  // nodes a walk may pass through; `listed` (--type) the nodes an answer lists. For path and
  // paths every node of a path is listed, so both bind its inner nodes. `types` is the older
  // single filter, which does both and also keeps a walk from reaching other types at all
  // (neighbours --type before §5 split it); it stays for callers that still set it.
  std::vector<TypeId> through;
  std::vector<TypeId> listed;
  std::vector<TypeId> types;
  std::vector<NodeId> avoid;  // nodes no walk may pass through
  // --avoid-hubs N: no walk passes through a node of degree above N (endpoints and the center
  // may be hubs); 0: off. A bare --avoid-hubs means limits.hub_degree.
  std::size_t avoid_hubs = 0;
  int max_hops = -1;  // -1: unlimited
  Limits limits;
  // Polled while the question runs; when set, the question fails with ErrorKind::kInterrupted.
  // Not owned; may be null (never interrupted).
  const CancelToken* cancel = nullptr;
};

// Why a search stopped early; empty when it ran to completion.
struct Truncation {
  std::string reason;  // e.g. "visited 1000000 nodes (the limit); raise it with .limit"
  bool truncated() const { return !reason.empty(); }
};

}  // namespace kg

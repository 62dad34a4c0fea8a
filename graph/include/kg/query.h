// The filters shared by every graph question (DESIGN.md §5) and the work limits that keep a
// question on a huge graph from running away. Plain values; build one per question.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "kg/ids.h"

namespace kg {

enum class Direction {
  kOut,   // follow edges from their from-node to their to-node
  kIn,    // follow edges backwards only
  kBoth,  // ignore direction (the default: how are these connected at all?)
};

struct Limits {
  std::size_t max_visited = 1'000'000;  // nodes a single search may visit before it stops
  std::size_t max_results = 10'000;     // nodes a neighbourhood may return / paths Yen may try
};

// Applied during traversal, never afterwards: a filtered search finds the best answer among the
// walks the filter allows.
struct Filter {
  Direction direction = Direction::kBoth;
  std::vector<RelationId> only_relations;  // empty: every relation
  std::vector<RelationId> not_relations;
  std::vector<TypeId> types;  // allowed types of intermediate and reached nodes; empty: all
  std::vector<NodeId> avoid;  // nodes no walk may pass through
  int max_hops = -1;          // -1: unlimited
  Limits limits;
};

// Why a search stopped early; empty when it ran to completion.
struct Truncation {
  std::string reason;  // e.g. "visited 1000000 nodes (the limit); raise it with .limit"
  bool truncated() const { return !reason.empty(); }
};

}  // namespace kg

// The constrained single-pair search under shortest_path and Yen's spur searches. Internal.
#pragma once

#include <optional>
#include <vector>

#include "algorithms/traversal.h"
#include "kg/path.h"
#include "kg/query.h"

namespace kg::detail {

// Extra exclusions Yen's algorithm places on one spur search.
struct Bans {
  std::vector<NodeId> nodes;       // sorted; no walk may touch them
  std::vector<NodeId> first_hops;  // sorted; the first step from the start may not go there
};

// The shortest walk from `from` to `to` with at most `max_hops` steps (-1: unlimited), choosing
// the earliest node keys among ties. nullopt when none exists or the search hit the visit limit
// (then `truncation` says so). Counts visited nodes into `visited`.
std::optional<Path> find_shortest(const Walker& walker, NodeId from, NodeId to, int max_hops,
                                  const Bans& bans, std::size_t& visited, Truncation& truncation);

// An error when `from` or `to` is on the walker's avoid list: a path cannot avoid its own ends.
Status check_path_endpoints(const Walker& walker, NodeId from, NodeId to);

}  // namespace kg::detail

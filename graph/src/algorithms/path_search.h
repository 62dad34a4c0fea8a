// The constrained single-pair search under shortest_path and Yen's spur searches, and the
// annotations every returned path carries. Internal.
#pragma once

#include <cstdint>
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

// What a search reports besides its path; accumulated over Yen's many spur searches.
struct SearchState {
  std::size_t visited = 0;   // nodes visited, against filter.limits.max_visited
  Truncation truncation;     // set when a search stopped at the visit limit
  bool interrupted = false;  // set when the filter's CancelToken stopped a search
  std::size_t polls = 0;     // steps since the CancelToken was last read
};

// The most specific of the walks from `from` to `to` with fewest hops (at most `max_hops`; -1:
// unlimited): the one whose inner nodes have the lowest total Walker::node_cost, then the
// earliest node keys. nullopt when none exists, or the search hit the visit limit or was
// interrupted (then `state` says so).
std::optional<Path> find_shortest(const Walker& walker, NodeId from, NodeId to, int max_hops,
                                  const Bans& bans, SearchState& state);

// The sum of Walker::node_cost over the inner nodes of `p` (its specificity cost).
std::uint64_t path_cost(const Walker& walker, const Path& p);

// Fills in p.hubs and p.dwpc.
void annotate(const Walker& walker, Path& p);

// An error when `from` or `to` is on the walker's avoid list: a path cannot avoid its own ends.
Status check_path_endpoints(const Walker& walker, NodeId from, NodeId to);

// The error a question returns when its CancelToken stopped it.
Status interrupted_status();

}  // namespace kg::detail

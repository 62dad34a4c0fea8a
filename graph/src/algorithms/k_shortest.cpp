// Yen's k shortest simple paths, written over the same constrained search as shortest_path
// (Boost.Graph has no k-shortest-paths algorithm). Paths are node sequences; candidates wait in
// an ordered set keyed by (length, node keys), which makes the output order deterministic.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "algorithms/path_search.h"
#include "kg/algorithms.h"

namespace kg {
namespace {

struct ByLengthThenKeys {
  bool operator()(const Path& a, const Path& b) const {
    if (a.nodes.size() != b.nodes.size()) return a.nodes.size() < b.nodes.size();
    return a.nodes < b.nodes;
  }
};

}  // namespace

Result<PathAnswer> k_shortest_paths(const Graph& g, NodeId from, NodeId to, std::size_t k,
                                    const Filter& filter) {
  detail::Walker walker(g, filter);
  if (Status s = detail::check_path_endpoints(walker, from, to); !s.ok()) return s;
  PathAnswer answer;
  if (k == 0) return answer;
  std::size_t visited = 0;
  auto first = detail::find_shortest(walker, from, to, filter.max_hops, {}, visited,
                                     answer.truncation);
  if (!first) return answer;
  answer.paths.push_back(std::move(*first));
  if (from == to) return answer;  // the empty path is the only simple one

  std::set<Path, ByLengthThenKeys> candidates;
  std::size_t searches = 0;
  const std::size_t max_searches = filter.limits.max_results;
  while (answer.paths.size() < k) {
    const Path previous = answer.paths.back();
    for (std::size_t i = 0; i + 1 < previous.nodes.size(); ++i) {
      const NodeId spur = previous.nodes[i];
      const std::vector<NodeId> root(previous.nodes.begin(), previous.nodes.begin() + i + 1);

      detail::Bans bans;
      bans.nodes.assign(root.begin(), root.end() - 1);
      std::sort(bans.nodes.begin(), bans.nodes.end());
      for (const Path& p : answer.paths) {
        if (p.nodes.size() > i + 1 && std::equal(root.begin(), root.end(), p.nodes.begin())) {
          bans.first_hops.push_back(p.nodes[i + 1]);
        }
      }
      std::sort(bans.first_hops.begin(), bans.first_hops.end());

      const int hops_left = filter.max_hops < 0 ? -1 : filter.max_hops - static_cast<int>(i);
      if (++searches > max_searches) {
        answer.truncation.reason = fmt::format(
            "stopped after {} spur searches (the limit) with {} of {} paths", max_searches,
            answer.paths.size(), k);
        return answer;
      }
      Truncation spur_truncation;
      auto spur_path =
          detail::find_shortest(walker, spur, to, hops_left, bans, visited, spur_truncation);
      if (spur_truncation.truncated()) answer.truncation = spur_truncation;
      if (!spur_path) continue;

      Path total;
      total.nodes = root;
      total.steps.assign(previous.steps.begin(), previous.steps.begin() + i);
      total.nodes.insert(total.nodes.end(), spur_path->nodes.begin() + 1, spur_path->nodes.end());
      total.steps.insert(total.steps.end(), spur_path->steps.begin(), spur_path->steps.end());
      candidates.insert(std::move(total));
    }
    // Drop candidates already accepted (a spur can rediscover an earlier path).
    while (!candidates.empty() &&
           std::find(answer.paths.begin(), answer.paths.end(), *candidates.begin()) !=
               answer.paths.end()) {
      candidates.erase(candidates.begin());
    }
    if (candidates.empty()) break;
    answer.paths.push_back(*candidates.begin());
    candidates.erase(candidates.begin());
  }
  return answer;
}

}  // namespace kg

// Yen's k shortest simple paths, written over the same constrained search as shortest_path
// (Boost.Graph has no k-shortest-paths algorithm). Paths are node sequences; candidates wait in
// an ordered set keyed by (length, specificity cost, node keys) — the order shortest_path's own
// choice follows, so `paths --k 1` is `path` — which makes the output order deterministic.
// PathOrder::kSpecific then orders those paths by their degree-weighted score (DWPC).
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "algorithms/path_search.h"
#include "kg/algorithms.h"

namespace kg {
namespace {

struct Candidate {
  Path path;
  std::uint64_t cost = 0;  // detail::path_cost
};

struct ByLengthCostKeys {
  bool operator()(const Candidate& a, const Candidate& b) const {
    if (a.path.nodes.size() != b.path.nodes.size())
      return a.path.nodes.size() < b.path.nodes.size();
    if (a.cost != b.cost) return a.cost < b.cost;
    return a.path.nodes < b.path.nodes;
  }
};

}  // namespace

Result<PathAnswer> k_shortest_paths(const Graph& g, NodeId from, NodeId to, std::size_t k,
                                    const Filter& filter, PathOrder order) {
  detail::Walker walker(g, filter);
  if (Status s = detail::check_path_endpoints(walker, from, to); !s.ok()) return s;
  PathAnswer answer;
  if (k == 0) return answer;
  if (walker.cancelled()) return detail::interrupted_status();
  detail::SearchState state;
  auto first = detail::find_shortest(walker, from, to, filter.max_hops, {}, state);
  if (state.interrupted) return detail::interrupted_status();
  answer.truncation = state.truncation;
  if (!first) return answer;
  std::vector<Candidate> accepted{{std::move(*first), 0}};
  accepted.back().cost = detail::path_cost(walker, accepted.back().path);

  std::set<Candidate, ByLengthCostKeys> candidates;
  std::size_t searches = 0;
  const std::size_t max_searches = filter.limits.max_results;
  while (from != to && accepted.size() < k) {  // from == to: the empty path is the only one
    const Path previous = accepted.back().path;
    bool stopped = false;
    for (std::size_t i = 0; i + 1 < previous.nodes.size(); ++i) {
      const NodeId spur = previous.nodes[i];
      const std::vector<NodeId> root(previous.nodes.begin(), previous.nodes.begin() + i + 1);

      detail::Bans bans;
      bans.nodes.assign(root.begin(), root.end() - 1);
      std::sort(bans.nodes.begin(), bans.nodes.end());
      for (const Candidate& c : accepted) {
        const Path& p = c.path;
        if (p.nodes.size() > i + 1 && std::equal(root.begin(), root.end(), p.nodes.begin())) {
          bans.first_hops.push_back(p.nodes[i + 1]);
        }
      }
      std::sort(bans.first_hops.begin(), bans.first_hops.end());

      const int hops_left = filter.max_hops < 0 ? -1 : filter.max_hops - static_cast<int>(i);
      if (++searches > max_searches) {
        answer.truncation.reason =
            fmt::format("stopped after {} spur searches (the limit) with {} of {} paths",
                        max_searches, accepted.size(), k);
        stopped = true;
        break;
      }
      detail::SearchState spur_state;
      spur_state.polls = state.polls;
      auto spur_path = detail::find_shortest(walker, spur, to, hops_left, bans, spur_state);
      state.polls = spur_state.polls;
      if (spur_state.interrupted || (searches % 64 == 0 && walker.cancelled())) {
        return detail::interrupted_status();
      }
      if (spur_state.truncation.truncated()) answer.truncation = spur_state.truncation;
      if (!spur_path) continue;

      Candidate total;
      total.path.nodes = root;
      total.path.steps.assign(previous.steps.begin(), previous.steps.begin() + i);
      total.path.nodes.insert(total.path.nodes.end(), spur_path->nodes.begin() + 1,
                              spur_path->nodes.end());
      total.path.steps.insert(total.path.steps.end(), spur_path->steps.begin(),
                              spur_path->steps.end());
      total.cost = detail::path_cost(walker, total.path);
      candidates.insert(std::move(total));
    }
    if (stopped) break;
    // Drop candidates already accepted (a spur can rediscover an earlier path).
    auto known = [&](const Candidate& c) {
      return std::any_of(accepted.begin(), accepted.end(),
                         [&](const Candidate& a) { return a.path == c.path; });
    };
    while (!candidates.empty() && known(*candidates.begin())) candidates.erase(candidates.begin());
    if (candidates.empty()) break;
    accepted.push_back(*candidates.begin());
    candidates.erase(candidates.begin());
  }
  if (order == PathOrder::kSpecific) {
    // DWPC, highest first. The endpoints are the same for every path, so the DWPC order is the
    // order of the inner nodes' sum of ln(degree), which the integer cost gives exactly (equal
    // degree products tie); then by length and keys, as found.
    std::stable_sort(accepted.begin(), accepted.end(),
                     [](const Candidate& a, const Candidate& b) { return a.cost < b.cost; });
  }
  for (Candidate& c : accepted) {
    detail::annotate(walker, c.path);
    answer.paths.push_back(std::move(c.path));
  }
  return answer;
}

Result<PathAnswer> k_shortest_paths(const Graph& g, NodeId from, NodeId to, std::size_t k,
                                    const Filter& filter) {
  return k_shortest_paths(g, from, to, k, filter, PathOrder::kShortest);
}

}  // namespace kg

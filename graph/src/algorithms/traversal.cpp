// Implementation of traversal.h.
#include "algorithms/traversal.h"

#include <array>
#include <cmath>

namespace kg::detail {
namespace {

bool has(const std::vector<TypeId>& list, TypeId t) {
  return std::find(list.begin(), list.end(), t) != list.end();
}

}  // namespace

Walker::Walker(const Graph& g, const Filter& filter)
    : g_(g),
      snapshot_(g.snapshot()),
      filter_(filter),
      all_relations_(filter.only_relations.empty() && filter.not_relations.empty()),
      all_reach_(filter.types.empty()),
      all_pass_(filter.types.empty() && filter.through.empty()),
      all_list_(filter.types.empty() && filter.listed.empty()),
      // One entry per known id and a last one for every unknown id (the ids come from mapped
      // arrays the open checks only for size; the lookups clamp to it).
      relation_ok_(g.relations().size() + 1, filter.only_relations.empty() ? 1 : 0),
      type_mask_(g.types().size() + 1, 0),
      avoid_(filter.avoid) {
  for (RelationId r : filter.only_relations) relation_ok_[r] = 1;
  for (RelationId r : filter.not_relations) relation_ok_[r] = 0;
  // A type id no type has (a damaged file) gets the mask of a type no list names.
  const auto unknown = static_cast<unsigned char>(
      filter.types.empty()
          ? kReach | (filter.through.empty() ? kPass : 0) | (filter.listed.empty() ? kList : 0)
          : 0);
  type_mask_.back() = unknown;
  for (std::size_t i = 0; i < g.types().size(); ++i) {
    const auto t = static_cast<TypeId>(i);
    const bool reach = filter.types.empty() || has(filter.types, t);
    unsigned char m = 0;
    if (reach) m |= kReach;
    if (reach && (filter.through.empty() || has(filter.through, t))) m |= kPass;
    if (reach && (filter.listed.empty() || has(filter.listed, t))) m |= kList;
    type_mask_[i] = m;
  }
  std::sort(avoid_.begin(), avoid_.end());
}

std::uint64_t Walker::cost_of_degree(std::size_t degree) {
  auto cost = [](std::size_t d) {
    return d < 2 ? std::uint64_t{0}
                 : static_cast<std::uint64_t>(std::llround(std::log(static_cast<double>(d)) * 1e6));
  };
  static const std::array<std::uint64_t, 1024> table = [&] {
    std::array<std::uint64_t, 1024> t{};
    for (std::size_t d = 0; d < t.size(); ++d) t[d] = cost(d);
    return t;
  }();
  return degree < table.size() ? table[degree] : cost(degree);
}

}  // namespace kg::detail

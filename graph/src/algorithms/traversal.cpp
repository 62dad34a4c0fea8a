// Implementation of traversal.h.
#include "algorithms/traversal.h"

namespace kg::detail {

Walker::Walker(const Graph& g, const Filter& filter)
    : g_(g),
      snapshot_(g.snapshot()),
      filter_(filter),
      all_relations_(filter.only_relations.empty() && filter.not_relations.empty()),
      all_types_(filter.types.empty()),
      relation_ok_(g.relations().size(), filter.only_relations.empty() ? 1 : 0),
      type_ok_(g.types().size(), filter.types.empty() ? 1 : 0),
      avoid_(filter.avoid) {
  for (RelationId r : filter.only_relations) relation_ok_[r] = 1;
  for (RelationId r : filter.not_relations) relation_ok_[r] = 0;
  for (TypeId t : filter.types) type_ok_[t] = 1;
  std::sort(avoid_.begin(), avoid_.end());
}

}  // namespace kg::detail

// Dense integer ids of the in-memory graph. Ids index the Graph's vectors; they are stable only
// within one snapshot (keys are the stable names across files and sessions).
#pragma once

#include <cstdint>
#include <limits>

namespace kg {

using NodeId = std::uint32_t;      // position in key order: a smaller id means an earlier key
using EdgeId = std::uint32_t;      // position in dataset order (file name, then line)
using TypeId = std::uint16_t;      // position in types.csv
using RelationId = std::uint16_t;  // position in relations.csv

inline constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();

}  // namespace kg

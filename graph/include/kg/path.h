// Paths as the algorithms return them: the nodes in order and, for each hop, the edge taken and
// whether it was walked along or against its direction (so it can be read with the inverse
// label). Plain values.
#pragma once

#include <cstddef>
#include <vector>

#include "kg/ids.h"

namespace kg {

struct Step {
  EdgeId edge = 0;
  bool forward = true;  // true: walked from edge.from to edge.to
};

struct Path {
  std::vector<NodeId> nodes;  // nodes.size() == steps.size() + 1
  std::vector<Step> steps;

  std::size_t length() const { return steps.size(); }
  friend bool operator==(const Path& a, const Path& b) {
    if (a.nodes != b.nodes || a.steps.size() != b.steps.size()) return false;
    for (std::size_t i = 0; i < a.steps.size(); ++i) {
      if (a.steps[i].edge != b.steps[i].edge || a.steps[i].forward != b.steps[i].forward)
        return false;
    }
    return true;
  }
};

}  // namespace kg

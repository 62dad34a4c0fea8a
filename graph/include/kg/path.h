// Paths as the algorithms return them: the nodes in order and, for each hop, the edge taken and
// whether it was walked along or against its direction (so it can be read with the inverse
// label), with the hubs passed and the path's degree-weighted score. Plain values.
#pragma once

#include <cstddef>
#include <vector>

#include "kg/ids.h"

namespace kg {

struct Step {
  EdgeId edge = 0;
  bool forward = true;  // true: walked from edge.from to edge.to
};

// An inner node of a path whose degree is above Limits::hub_degree, so that an answer can say
// `via hub: Nederland (degree 165)`.
struct HubPass {
  NodeId node = kNoNode;
  std::size_t degree = 0;  // in + out edges, every relation
  friend bool operator==(const HubPass&, const HubPass&) = default;
};

struct Path {
  std::vector<NodeId> nodes;  // nodes.size() == steps.size() + 1
  std::vector<Step> steps;
  // Filled in by the path functions of kg/algorithms.h; not part of a path's identity (==).
  std::vector<HubPass> hubs;  // in path order
  // The degree-weighted path score: Hetionet's path-degree product with damping 0.5, the
  // product over the path's edges (u, v) of (deg u * deg v)^-0.5 (see k_shortest.cpp). 1 for
  // the zero-hop path; higher is more specific.
  double dwpc = 1;

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

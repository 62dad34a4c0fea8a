// Edges and the relation vocabulary of the data model: plain value types owned by a Graph.
#pragma once

#include <string>
#include <vector>

#include "kg/ids.h"
#include "kg/node.h"

namespace kg {

struct Relation {
  std::string name;     // participates_in
  std::string label;    // read forward: "neemt deel aan"
  std::string inverse;  // read backward: "heeft als deelnemer"
  std::string description;
  std::vector<TypeId> from_types;  // allowed types of the edge's from-node
  std::vector<TypeId> to_types;    // allowed types of the edge's to-node
};

struct Edge {
  NodeId from = kNoNode;
  RelationId relation = 0;
  NodeId to = kNoNode;
  NodeId source = kNoNode;  // the kamerstuk node that states this fact
  std::string locator;      // where in the source: "§ Cyberdreigingen, p. 14, vn. 17"
  std::string note;         // the curator's own words
  Attributes attributes;
};

}  // namespace kg

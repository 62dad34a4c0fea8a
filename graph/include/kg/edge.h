// Edges and the relation vocabulary of the data model. Relations are plain values; an Edge is a
// view a Graph hands out, its text valid while the Graph lives.
#pragma once

#include <string>
#include <string_view>
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
  NodeId source = kNoNode;   // the kamerstuk node that states this fact
  std::string_view locator;  // where in the source: "§ Cyberdreigingen, p. 14, vn. 17"
  std::string_view note;     // the curator's own words
  AttributeList attributes;
};

}  // namespace kg

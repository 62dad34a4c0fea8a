// Nodes and node types of the data model (docs/data-model.md): plain value types owned by a Graph.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kg/ids.h"

namespace kg {

// A free attribute from an extra dataset column, e.g. kind=state or dossier=33 694.
struct Attribute {
  std::string name;
  std::string value;
};
using Attributes = std::vector<Attribute>;  // in dataset column order, names unique

// Returns the value of attribute `name`, or an empty view when there is none.
std::string_view attribute(const Attributes& attributes, std::string_view name);

struct NodeType {
  std::string name;  // e.g. actor, threat, treaty, mission, kamerstuk
  std::string description;
};

struct Node {
  std::string key;   // stable, unique ignoring case: rusland, kst-33694-57, kst-35300-V-14
  TypeId type = 0;
  std::string name;  // canonical display name, Dutch as in the sources
  std::vector<std::string> aliases;
  std::string description;
  Attributes attributes;
};

}  // namespace kg

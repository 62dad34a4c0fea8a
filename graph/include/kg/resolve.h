// Name resolution (DESIGN.md §4): turns what a user types into a node. Built once per Graph; the
// index holds folded names, aliases and keys in sorted order for exact and prefix look-ups.
// Read-only after construction and safe to share between threads; must not outlive its Graph.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kg/graph.h"
#include "kg/status.h"

namespace kg {

// Parses a Kamerstuk citation in any common form — kst-33694-57, 33694-57, 33 694, nr. 57,
// Kamerstuk 33 694, nr. 57, 35 300 V, nr. 14, kst-35300-V-14, 21 501-02, nr. 1 — into its key
// (kst-33694-57, kst-35300-V-14). nullopt when `text` is not a citation.
std::optional<std::string> kamerstuk_key(std::string_view text);

class Resolver {
 public:
  explicit Resolver(const Graph& g);

  // In order: exact key (ignoring case); Kamerstuk citation; name or alias ignoring case and
  // diacritics; unique prefix of a name, alias or key. Errors: kAmbiguous listing the matches
  // as "Name (key)", kNotFound with up to three suggestions in the same form.
  Result<NodeId> resolve(std::string_view text) const;

  // Names and aliases whose folded form starts with the folded `prefix`, each with its node, in
  // folded order, at most `limit`. For completion.
  struct Entry {
    std::string folded;
    std::string text;  // the name, alias or key as written
    NodeId node = kNoNode;
  };
  std::vector<Entry> complete(std::string_view prefix, std::size_t limit) const;

 private:
  std::string describe(NodeId id) const;
  std::vector<NodeId> prefix_matches(const std::string& folded) const;

  const Graph& g_;
  std::vector<Entry> entries_;  // names, aliases and keys, sorted by folded form
  // Citation keys of names and aliases that are not themselves node keys, sorted.
  std::vector<std::pair<std::string, NodeId>> citations_;
};

}  // namespace kg

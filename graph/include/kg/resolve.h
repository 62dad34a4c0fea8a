// Name resolution (DESIGN.md §4): turns what a user types into a node. Built once per Graph; the
// index holds folded names, aliases and keys in sorted order for exact and prefix look-ups.
// Read-only after construction and safe to share between threads; must not outlive its Graph.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kg/graph.h"
#include "kg/status.h"

namespace kg {
namespace detail {
struct NameIndex;  // graph/src/name_index.h
struct NameSlot;
}  // namespace detail

// Parses a Kamerstuk citation in any common form — kst-33694-57, 33694-57, 33 694, nr. 57,
// Kamerstuk 33 694, nr. 57, 35 300 V, nr. 14, kst-35300-V-14, 21 501-02, nr. 1 — into its key
// (kst-33694-57, kst-35300-V-14). nullopt when `text` is not a citation.
std::optional<std::string> kamerstuk_key(std::string_view text);

class Resolver {
 public:
  explicit Resolver(const Graph& g);

  // In order: exact key (ignoring case); Kamerstuk citation; name or alias ignoring case and
  // diacritics; unique prefix of a name, alias or key that ends where a word of it ends
  // ("straat van h" or "navo" for NAVOtop is none; a text only inside a name never matches).
  // Errors: kAmbiguous listing the matches as "Name (key)", kNotFound with up to three
  // suggestions in the same form, those that start with the text inside a word first.
  Result<NodeId> resolve(std::string_view text) const;

  // How resolve() found its node: by an exact key, citation, name or alias, or as the unique
  // prefix of one, which is a guess the caller must report (DESIGN.md §4).
  enum class Match { kExact, kPrefix };
  struct Resolution {
    NodeId node = kNoNode;
    Match match = Match::kExact;
  };
  // resolve() saying how it matched. With `allow_prefix` false a prefix is no match: the error
  // is kNotFound and names the nodes it would have guessed ("… starts 1 name: Name (key)").
  Result<Resolution> resolve_match(std::string_view text, bool allow_prefix = true) const;

  // Names and aliases whose folded form starts with the folded `prefix`, each with its node, in
  // folded order, at most `limit`. For completion.
  struct Entry {
    std::string folded;
    std::string text;  // the name, alias or key as written
    NodeId node = kNoNode;
  };
  std::vector<Entry> complete(std::string_view prefix, std::size_t limit) const;

 private:
  // A folded name or alias in the index's arena (name_index.h). Keys are not copied: the Graph
  // keeps them sorted already.
  using Slot = detail::NameSlot;
  std::string_view folded(const Slot& s) const;
  std::span<const Slot> slots() const;  // sorted by folded text, then node
  std::string_view text(const Slot& s) const;
  std::string describe(NodeId id) const;
  // Slots whose folded text starts with `prefix` / equals `text`, as a range of slots_.
  std::pair<std::size_t, std::size_t> slots_with_prefix(std::string_view prefix) const;
  // Nodes whose key starts with `prefix` (ASCII case ignored), as a range of NodeIds.
  std::pair<NodeId, NodeId> keys_with_prefix(std::string_view prefix) const;
  // Nodes with a name, alias or key that starts with `folded` and ends a word there
  // (`whole_words`), or that starts with it inside a word (not `whole_words`); sorted.
  std::vector<NodeId> prefix_matches(const std::string& folded, bool whole_words) const;

  const Graph& g_;
  // The graph's own index when it came with one (a snapshot file), else one built here.
  std::shared_ptr<const detail::NameIndex> index_;
};

}  // namespace kg

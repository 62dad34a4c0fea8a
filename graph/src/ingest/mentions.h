// Mentions (DESIGN.md §9): where a paper's text names a node of a known graph by its name or one
// of its aliases, folded as name resolution folds (case and diacritics ignored), whole words
// only. An index is built once per graph and then only read: safe to share between threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/layout.h"
#include "ingest/words.h"
#include "kg/graph.h"

namespace kg::ingest {

struct Mention {
  NodeId node = kNoNode;
  std::size_t span = 0;    // index into Layout::spans
  std::size_t offset = 0;  // byte offset of the first word in that span's text
  std::size_t words = 0;   // how many words the name took
};

class MentionIndex {
 public:
  MentionIndex() = default;  // knows no names: finds nothing
  // Indexes the name and aliases of every node of `g`, except names that are Kamerstuk
  // citations (those are found as citations). `g` must outlive the index.
  explicit MentionIndex(const Graph& g);

  // Every mention in the body, footnote and heading spans of `layout`, in reading order. Each
  // word may start one mention, of the longest name that starts there; so "Conflict in Oekraïne"
  // mentions both the conflict and Oekraïne, and "Straat van Hormuz" is not also "Straat". A word
  // written in capitals in a name (an acronym: "OM", "EU") matches only capitals in the text,
  // so the Dutch word "om" is no mention of the Openbaar Ministerie.
  std::vector<Mention> find(const Layout& layout) const;

  // The same over one span's words; `span` is copied into each Mention.
  void find_in(const std::vector<Word>& words, std::size_t span, std::vector<Mention>& out) const;

  // True when the folded `text` is a name or alias of some node.
  bool knows(const std::string& folded) const;

 private:
  struct Name {
    std::vector<std::string> words;  // folded
    std::vector<bool> acronym;       // per word: written in capitals in the name
    NodeId node = kNoNode;
  };
  std::vector<Name> names_;
  // Folded first word -> names starting with it, longest first.
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_first_;
  std::unordered_map<std::string, NodeId> whole_;  // folded whole name -> node
};

}  // namespace kg::ingest

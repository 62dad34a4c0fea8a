// Implementation of mentions.h: names split into folded words, looked up by their first word.
#include "ingest/mentions.h"

#include <algorithm>

#include "kg/resolve.h"
#include "kg/text.h"

namespace kg::ingest {

MentionIndex::MentionIndex(const Graph& g) {
  auto add = [&](std::string_view text, NodeId id) {
    if (::kg::kamerstuk_key(text)) return;
    const std::vector<Word> words = split_words(text);
    if (words.empty()) return;
    Name name;
    name.node = id;
    for (const Word& w : words) {
      name.words.push_back(w.folded);
      name.acronym.push_back(w.all_caps);
    }
    std::string whole;
    for (const std::string& w : name.words) whole += (whole.empty() ? "" : " ") + w;
    whole_.emplace(whole, id);
    names_.push_back(std::move(name));
  };
  for (NodeId id = 0; id < g.node_count(); ++id) {
    const Node n = g.node(id);
    add(n.name, id);
    for (std::string_view a : n.aliases) add(a, id);
  }
  for (std::uint32_t i = 0; i < names_.size(); ++i) by_first_[names_[i].words.front()].push_back(i);
  for (auto& [first, list] : by_first_) {
    // Longest first, so the first fit is the longest; then by node for a fixed order.
    std::sort(list.begin(), list.end(), [&](std::uint32_t a, std::uint32_t b) {
      if (names_[a].words.size() != names_[b].words.size()) {
        return names_[a].words.size() > names_[b].words.size();
      }
      return names_[a].node < names_[b].node;
    });
  }
}

bool MentionIndex::knows(const std::string& folded) const {
  return whole_.contains(folded);
}

void MentionIndex::find_in(const std::vector<Word>& words, std::size_t span,
                           std::vector<Mention>& out) const {
  for (std::size_t i = 0; i < words.size(); ++i) {
    auto it = by_first_.find(words[i].folded);
    if (it == by_first_.end()) continue;
    for (std::uint32_t n : it->second) {
      const Name& name = names_[n];
      if (i + name.words.size() > words.size()) continue;
      bool fits = true;
      for (std::size_t k = 0; k < name.words.size() && fits; ++k) {
        const Word& w = words[i + k];
        fits = w.folded == name.words[k] && (!name.acronym[k] || w.all_caps);
      }
      if (fits) {
        out.push_back({name.node, span, words[i].begin, name.words.size()});
        break;
      }
    }
  }
}

std::vector<Mention> MentionIndex::find(const Layout& layout) const {
  std::vector<Mention> out;
  if (names_.empty()) return out;
  for (std::size_t s = 0; s < layout.spans.size(); ++s) {
    if (layout.spans[s].kind == SpanKind::kFurniture) continue;
    find_in(split_words(layout.spans[s].text), s, out);
  }
  return out;
}

}  // namespace kg::ingest

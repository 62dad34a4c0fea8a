// Implementation of kg/resolve.h.
#include "kg/resolve.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include "kg/text.h"

namespace kg {
namespace {

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

void sort_unique(std::vector<NodeId>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

}  // namespace

std::optional<std::string> kamerstuk_key(std::string_view text) {
  // Folded input: lowercase, no diacritics, single spaces. A dossier is five digits, possibly
  // written "33 694", optionally followed by a sub-number ("-02") and a letter suffix ("V",
  // "XVII", "A"); then the number, after ", nr." / " nr " / "-".
  static const std::regex kCitation(
      R"(^(?:kamerstuk(?:ken)?\s*|kst\s*-?\s*)?(\d{2})\s?(\d{3})(-\d+)?(?:[\s-]+([a-z]{1,5}))?)"
      R"((?:\s*,?\s*nr\.?\s*|\s*-\s*)(\d+)$)");
  const std::string folded = fold(text);
  std::smatch m;
  if (!std::regex_match(folded, m, kCitation)) return std::nullopt;
  std::string key = "kst-" + m[1].str() + m[2].str() + m[3].str();
  if (m[4].matched) {
    if (m[4].str() == "nr") return std::nullopt;  // "33694 nr 57" is handled by the number part
    key += "-" + upper(m[4].str());
  }
  key += "-" + m[5].str();
  return key;
}

Resolver::Resolver(const Graph& g) : g_(g) {
  for (NodeId id = 0; id < g.node_count(); ++id) {
    const Node& n = g.node(id);
    entries_.push_back({fold(n.name), n.name, id});
    for (const std::string& alias : n.aliases) entries_.push_back({fold(alias), alias, id});
    entries_.push_back({fold(n.key), n.key, id});
  }
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.folded, a.node, a.text) < std::tie(b.folded, b.node, b.text);
  });
}

std::string Resolver::describe(NodeId id) const {
  return g_.node(id).name + " (" + g_.node(id).key + ")";
}

std::vector<NodeId> Resolver::prefix_matches(const std::string& folded) const {
  std::vector<NodeId> ids;
  auto it = std::lower_bound(entries_.begin(), entries_.end(), folded,
                             [](const Entry& e, const std::string& f) { return e.folded < f; });
  for (; it != entries_.end() && it->folded.starts_with(folded); ++it) ids.push_back(it->node);
  sort_unique(ids);
  return ids;
}

Result<NodeId> Resolver::resolve(std::string_view text) const {
  if (auto id = g_.find_key(text)) return *id;

  std::optional<std::string> citation = kamerstuk_key(text);
  if (citation) {
    if (auto id = g_.find_key(*citation)) return *id;
  }

  const std::string folded = fold(text);
  if (folded.empty()) {
    return Status::error(ErrorKind::kInvalidArgument, "empty node name");
  }
  std::vector<NodeId> exact;
  auto it = std::lower_bound(entries_.begin(), entries_.end(), folded,
                             [](const Entry& e, const std::string& f) { return e.folded < f; });
  for (; it != entries_.end() && it->folded == folded; ++it) exact.push_back(it->node);
  sort_unique(exact);

  std::vector<NodeId> matches = exact.empty() ? prefix_matches(folded) : exact;
  if (matches.size() == 1) return matches.front();
  if (matches.size() > 1) {
    std::vector<std::string> listed;
    for (NodeId id : matches) listed.push_back(describe(id));
    return Status::error(ErrorKind::kAmbiguous,
                         "'" + std::string(text) + "' matches " + std::to_string(matches.size()) +
                             " nodes",
                         {}, std::move(listed));
  }

  // No match: suggest the nodes whose names, aliases or keys are closest in edit distance.
  std::vector<std::pair<std::size_t, NodeId>> scored;
  for (const Entry& e : entries_) {
    const std::size_t d = edit_distance(folded, e.folded);
    if (d <= std::max<std::size_t>(2, folded.size() / 3)) scored.emplace_back(d, e.node);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> suggestions;
  std::vector<NodeId> seen;
  for (const auto& [d, id] : scored) {
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
    seen.push_back(id);
    suggestions.push_back(describe(id));
    if (suggestions.size() == 3) break;
  }
  std::string message = citation ? "no Kamerstuk '" + *citation + "' in this graph"
                                 : "no node matches '" + std::string(text) + "'";
  return Status::error(ErrorKind::kNotFound, std::move(message), {}, std::move(suggestions));
}

std::vector<Resolver::Entry> Resolver::complete(std::string_view prefix, std::size_t limit) const {
  const std::string folded = fold(prefix);
  std::vector<Entry> out;
  auto it = std::lower_bound(entries_.begin(), entries_.end(), folded,
                             [](const Entry& e, const std::string& f) { return e.folded < f; });
  for (; it != entries_.end() && it->folded.starts_with(folded) && out.size() < limit; ++it) {
    out.push_back(*it);
  }
  return out;
}

}  // namespace kg

// Implementation of kg/resolve.h.
#include "kg/resolve.h"

#include <fmt/format.h>

#include <algorithm>

#include "keys.h"
#include "kg/suggest.h"
#include "kg/text.h"
#include "name_index.h"

namespace kg {
namespace {

// Does `key` start with `folded_prefix` when ASCII case is ignored?
bool fold_ascii_starts_with(std::string_view key, std::string_view folded_prefix) {
  if (key.size() < folded_prefix.size()) return false;
  for (std::size_t i = 0; i < folded_prefix.size(); ++i) {
    if (detail::key_fold(key[i]) != folded_prefix[i]) return false;
  }
  return true;
}

// Whether `typed` (folded), which `candidate` (a folded name or alias, or a key) starts with, ends
// at a word boundary of it: the candidate ends there, or a word does (a letter or digit meets
// anything else, on either side). "straat van" starts "Straat van Hormuz" and "navo" starts
// "navo-top", but "navo" does not start "NAVOtop" nor "mal" "Mali": a prefix that stops inside a
// word is a name inside a longer one, which only a suggestion may offer (DESIGN.md §4).
bool ends_at_word_boundary(std::string_view candidate, std::string_view typed) {
  if (typed.empty() || candidate.size() <= typed.size()) return true;
  auto in_word = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
  };
  return !in_word(candidate[typed.size()]) || !in_word(typed.back());
}

void sort_unique(std::vector<NodeId>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

// A small hand-written parser rather than std::regex: the resolver runs it over every name and
// alias when it is built, which must stay fast on a million Kamerstukken.
class CitationParser {
 public:
  explicit CitationParser(std::string_view s) : s_(s) {}

  std::optional<std::string> parse() {
    skip_prefix();
    std::string dossier;
    if (!digits(2, 2, dossier)) return std::nullopt;
    spaces(1);
    if (!digits(3, 3, dossier)) return std::nullopt;
    if (at_digit()) return std::nullopt;  // a longer number is not a dossier
    std::string key = "kst-" + dossier;
    // Sub-dossier "-02" only when another separator and number follow it.
    const std::size_t mark = i_;
    std::string sub;
    if (eat('-') && digits(1, 4, sub) && rest_is_number_part()) {
      key += "-" + sub;
    } else {
      i_ = mark;
    }
    // Suffix letters ("V", "XVII") after a space or hyphen, unless they are "nr".
    const std::size_t before_suffix = i_;
    if (separator_char()) {
      std::string letters;
      while (i_ < s_.size() && s_[i_] >= 'a' && s_[i_] <= 'z') letters += s_[i_++];
      if (letters.empty() || letters.size() > 5 || letters == "nr") {
        i_ = before_suffix;
      } else {
        for (char& c : letters) c = static_cast<char>(c - 'a' + 'A');
        key += "-" + letters;
      }
    }
    std::string nr;
    if (!number_separator() || !digits(1, 9, nr) || i_ != s_.size()) return std::nullopt;
    return key + "-" + nr;
  }

 private:
  bool at_digit() const { return i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9'; }
  bool eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool eat_word(std::string_view w) {
    if (s_.substr(i_).starts_with(w)) {
      i_ += w.size();
      return true;
    }
    return false;
  }
  void spaces(std::size_t max = std::string_view::npos) {
    for (std::size_t n = 0; n < max && i_ < s_.size() && s_[i_] == ' '; ++n) ++i_;
  }
  bool digits(std::size_t min, std::size_t max, std::string& out) {
    std::size_t n = 0;
    while (n < max && at_digit()) {
      out += s_[i_++];
      ++n;
    }
    return n >= min;
  }
  bool separator_char() {
    bool any = false;
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '-')) {
      ++i_;
      any = true;
    }
    return any;
  }
  void skip_prefix() {
    if (eat_word("kamerstukken") || eat_word("kamerstuk")) {
      spaces();
    } else if (eat_word("kst")) {
      spaces();
      eat('-');
      spaces();
    }
  }
  // ", nr. " / " nr " / "nr." / "-" between dossier and number.
  bool number_separator() {
    const std::size_t mark = i_;
    spaces();
    if (eat('-')) {
      spaces();
      return true;
    }
    eat(',');
    spaces();
    if (eat_word("nr")) {
      eat('.');
      spaces();
      return true;
    }
    i_ = mark;
    return false;
  }
  // After a sub-dossier: is there still a number separator and a number (with or without a
  // suffix in between)? Looks ahead without consuming.
  bool rest_is_number_part() {
    const std::size_t mark = i_;
    std::string scratch;
    bool ok = number_separator() && digits(1, 9, scratch);
    i_ = mark;
    if (ok) return true;
    // "21 501-02 V, nr. 3" style: a suffix first.
    if (separator_char()) {
      while (i_ < s_.size() && s_[i_] >= 'a' && s_[i_] <= 'z') ++i_;
      ok = number_separator() && digits(1, 9, scratch);
    }
    i_ = mark;
    return ok;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<std::string> kamerstuk_key(std::string_view text) {
  const std::string folded = fold(text);
  return CitationParser(folded).parse();
}

namespace detail {

NameIndex build_name_index(const Graph& g) {
  std::string arena;
  std::vector<NameSlot> slots;
  NameIndex index;
  for (NodeId id = 0; id < g.node_count(); ++id) {
    const Node n = g.node(id);
    auto add = [&](std::string_view text, std::int32_t alias) {
      const std::string f = fold(text);
      slots.push_back({arena.size(), static_cast<std::uint32_t>(f.size()), id, alias, 0});
      arena += f;
      // Names and aliases written as citations ("Kamerstuk 26 643, nr. 47" on a joint paper)
      // answer to every form of that citation.
      // (Most Kamerstuk names are their own key's citation; only the others need a look-up.)
      if (auto key = CitationParser(f).parse();
          key && !detail::key_equal(*key, n.key) && !g.find_key(*key)) {
        index.citations.emplace_back(*key, id);
      }
    };
    add(n.name, -1);
    for (std::size_t a = 0; a < n.aliases.size(); ++a)
      add(n.aliases[a], static_cast<std::int32_t>(a));
  }
  std::sort(index.citations.begin(), index.citations.end());
  auto text = [&](const NameSlot& s) { return std::string_view(arena).substr(s.offset, s.length); };
  std::sort(slots.begin(), slots.end(), [&](const NameSlot& a, const NameSlot& b) {
    const int c = text(a).compare(text(b));
    if (c != 0) return c < 0;
    return std::tie(a.node, a.alias) < std::tie(b.node, b.alias);
  });
  index.arena = Array<char>(std::vector<char>(arena.begin(), arena.end()));
  index.slots = Array<NameSlot>(std::move(slots));
  return index;
}

bool valid_name_index(const NameIndex& index, const GraphData& d) {
  const std::size_t n = d.nodes.size(), bytes = index.arena.size();
  for (std::size_t i = 0; i < index.slots.size(); ++i) {
    const NameSlot& s = index.slots[i];
    if (s.offset > bytes || s.length > bytes - s.offset || s.node >= n || s.alias < -1 ||
        (s.alias >= 0 && static_cast<std::size_t>(s.alias) >= d.aliases.count(s.node))) {
      return false;
    }
    if (i > 0) {
      const NameSlot& p = index.slots[i - 1];
      const int c = index.folded(p).compare(index.folded(s));
      if (c > 0 || (c == 0 && std::tie(p.node, p.alias) >= std::tie(s.node, s.alias))) {
        return false;
      }
    }
  }
  for (std::size_t i = 0; i < index.citations.size(); ++i) {
    if (index.citations[i].second >= n) return false;
    if (i > 0 && index.citations[i - 1] > index.citations[i]) return false;
  }
  return true;
}

}  // namespace detail

Resolver::Resolver(const Graph& g)
    : g_(g),
      index_(g.data().names
                 ? g.data().names
                 : std::make_shared<const detail::NameIndex>(detail::build_name_index(g))) {}

namespace {
// The node of a name index slot, node 0 when it is out of range: a mapped name index is not
// checked slot by slot at open, and the ids a resolution returns index per-node arrays.
NodeId slot_node(const Graph& g, const detail::NameSlot& s) {
  return s.node < g.node_count() ? s.node : NodeId{0};
}
}  // namespace

std::string_view Resolver::folded(const Slot& s) const {
  return index_->folded(s);
}

std::span<const Resolver::Slot> Resolver::slots() const {
  return {index_->slots.data(), index_->slots.size()};
}

std::string_view Resolver::text(const Slot& s) const {
  // Bounded (a mapped name index is not checked slot by slot at open): an alias the node does
  // not have reads as its name, and Graph::node bounds the node.
  const Node n = g_.node(s.node);
  if (s.alias < 0 || static_cast<std::size_t>(s.alias) >= n.aliases.size()) return n.name;
  return n.aliases[static_cast<std::size_t>(s.alias)];
}

std::string Resolver::describe(NodeId id) const {
  const Node n = g_.node(id);
  return fmt::format("{} ({})", n.name, n.key);
}

std::pair<std::size_t, std::size_t> Resolver::slots_with_prefix(std::string_view prefix) const {
  const std::span<const Slot> all = slots();
  auto lo = std::lower_bound(all.begin(), all.end(), prefix,
                             [&](const Slot& s, std::string_view p) { return folded(s) < p; });
  auto hi = lo;
  while (hi != all.end() && folded(*hi).starts_with(prefix)) ++hi;
  return {static_cast<std::size_t>(lo - all.begin()), static_cast<std::size_t>(hi - all.begin())};
}

std::pair<NodeId, NodeId> Resolver::keys_with_prefix(std::string_view prefix) const {
  // Keys are ASCII and sorted ignoring case, so folded prefixes are contiguous ranges of ids.
  // A plain binary search over ids rather than std::ranges::partition_point on an iota view,
  // which clang 14 rejects with libstdc++ 12.
  auto partition_point = [](NodeId lo, NodeId hi, auto&& holds) {
    while (lo < hi) {
      const NodeId mid = lo + (hi - lo) / 2;
      if (holds(mid)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  };
  const auto n = static_cast<NodeId>(g_.node_count());
  const NodeId first = partition_point(
      NodeId{0}, n, [&](NodeId id) { return detail::key_less(g_.node(id).key, prefix); });
  const NodeId last = partition_point(
      first, n, [&](NodeId id) { return fold_ascii_starts_with(g_.node(id).key, prefix); });
  return {first, last};
}

std::vector<NodeId> Resolver::prefix_matches(const std::string& folded_text,
                                             bool whole_words) const {
  const std::span<const Slot> all = slots();
  std::vector<NodeId> ids;
  const auto [lo, hi] = slots_with_prefix(folded_text);
  for (std::size_t i = lo; i < hi; ++i) {
    if (ends_at_word_boundary(folded(all[i]), folded_text) == whole_words)
      ids.push_back(slot_node(g_, all[i]));
  }
  const auto [klo, khi] = keys_with_prefix(folded_text);
  for (NodeId k = klo; k < khi; ++k) {
    if (ends_at_word_boundary(g_.node(k).key, folded_text) == whole_words) ids.push_back(k);
  }
  sort_unique(ids);
  return ids;
}

Result<NodeId> Resolver::resolve(std::string_view text) const {
  auto r = resolve_match(text);
  if (!r.ok()) return r.status();
  return r->node;
}

Result<Resolver::Resolution> Resolver::resolve_match(std::string_view text,
                                                     bool allow_prefix) const {
  if (auto id = g_.find_key(text)) return Resolution{*id, Match::kExact};

  std::optional<std::string> citation = kamerstuk_key(text);
  if (citation) {
    const auto& citations = index_->citations;
    if (auto id = g_.find_key(*citation)) return Resolution{*id, Match::kExact};
    auto it = std::lower_bound(citations.begin(), citations.end(), std::pair{*citation, NodeId{0}});
    if (it != citations.end() && it->first == *citation)
      return Resolution{it->second, Match::kExact};
  }

  const std::span<const Slot> all = slots();
  const std::string folded = fold(text);
  if (folded.empty()) {
    return Status::error(ErrorKind::kInvalidArgument, "empty node name");
  }
  std::vector<NodeId> exact;
  {
    const auto [lo, hi] = slots_with_prefix(folded);
    for (std::size_t i = lo; i < hi; ++i) {
      if (this->folded(all[i]) == folded) exact.push_back(slot_node(g_, all[i]));
    }
  }
  sort_unique(exact);

  std::vector<NodeId> matches = exact.empty() ? prefix_matches(folded, true) : exact;
  const Match how = exact.empty() ? Match::kPrefix : Match::kExact;
  if (how == Match::kPrefix && !allow_prefix && !matches.empty()) {
    std::vector<std::string> listed;
    for (NodeId id : matches) listed.push_back(describe(id));
    return Status::error(ErrorKind::kNotFound,
                         "no node is named '" + std::string(text) +
                             "' (exact names only; it starts " + std::to_string(matches.size()) +
                             (matches.size() == 1 ? " name)" : " names)"),
                         {}, std::move(listed));
  }
  if (matches.size() == 1) return Resolution{matches.front(), how};
  if (matches.size() > 1) {
    std::vector<std::string> listed;
    for (NodeId id : matches) listed.push_back(describe(id));
    return Status::error(
        ErrorKind::kAmbiguous,
        "'" + std::string(text) + "' matches " + std::to_string(matches.size()) + " nodes", {},
        std::move(listed));
  }

  // No match: suggest first the nodes a name, alias or key of which starts with the text inside
  // a word ("minu" of MINUSMA), then those closest in edit distance; three in all.
  constexpr std::size_t kSuggestions = 3;
  std::vector<NodeId> suggested = prefix_matches(folded, false);
  if (suggested.size() > kSuggestions) suggested.resize(kSuggestions);
  Closest closest(folded, kSuggestions);
  for (const Slot& slot : all) closest.offer(this->folded(slot), slot_node(g_, slot));
  std::string key;
  for (NodeId id = 0; id < g_.node_count(); ++id) {
    fold_into(g_.node(id).key, key);
    closest.offer(key, id);
  }
  for (std::size_t id : closest.ids()) {
    const auto node = static_cast<NodeId>(id);
    if (suggested.size() < kSuggestions &&
        std::find(suggested.begin(), suggested.end(), node) == suggested.end())
      suggested.push_back(node);
  }
  std::vector<std::string> suggestions;
  for (NodeId id : suggested) suggestions.push_back(describe(id));
  std::string message = citation ? "no Kamerstuk '" + *citation + "' in this graph"
                                 : "no node matches '" + std::string(text) + "'";
  return Status::error(ErrorKind::kNotFound, std::move(message), {}, std::move(suggestions));
}

std::vector<Resolver::Entry> Resolver::complete(std::string_view prefix, std::size_t limit) const {
  const std::span<const Slot> all = slots();
  const std::string f = fold(prefix);
  std::vector<Entry> out;
  const auto [lo, hi] = slots_with_prefix(f);
  for (std::size_t i = lo; i < hi && out.size() < limit; ++i) {
    out.push_back({std::string(folded(all[i])), std::string(text(all[i])), slot_node(g_, all[i])});
  }
  const auto [klo, khi] = keys_with_prefix(f);
  for (NodeId k = klo; k < khi && out.size() < 2 * limit; ++k) {
    const std::string_view key = g_.node(k).key;
    out.push_back({fold(key), std::string(key), k});
  }
  std::stable_sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.folded, a.node, a.text) < std::tie(b.folded, b.node, b.text);
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace kg

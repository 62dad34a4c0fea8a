// Implementation of the node and paper queries of kg/query.h.
#include <algorithm>

#include "kg/query.h"
#include "kg/text.h"

namespace kg {
namespace {

// Store::search is asked for this many keys before the type filter: every match in practice.
constexpr std::size_t kSearchCeiling = 100'000;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

bool locator_matches(std::string_view locator, std::string_view wanted) {
  if (wanted.empty()) return true;
  const std::string folded = fold(locator);
  const std::string w = fold(wanted);
  if (w.empty()) return true;
  for (auto at = folded.find(w); at != std::string::npos; at = folded.find(w, at + 1)) {
    const std::size_t end = at + w.size();
    const bool cuts_number = is_digit(w.back()) && end < folded.size() && is_digit(folded[end]);
    if (!cuts_number) return true;
  }
  return false;
}

std::vector<EdgeId> incident_edges(const Graph& g, NodeId node) {
  std::vector<EdgeId> edges = g.out_edges(node);
  for (EdgeId e : g.in_edges(node)) {
    if (g.edge(e).from != g.edge(e).to) edges.push_back(e);
  }
  return edges;
}

Result<std::vector<EdgeId>> citation_edges(const Graph& g, NodeId paper, Citing direction,
                                           std::string_view at) {
  if (g.type_of(paper).name != kPaperType) {
    return Status::error(ErrorKind::kInvalidArgument, "'" + std::string(g.node(paper).key) +
                                                          "' is not a Kamerstuk (its type is " +
                                                          g.type_of(paper).name + ")");
  }
  auto cites = g.find_relation(kCitesRelation);
  if (!cites) {
    return Status::error(ErrorKind::kInvalidArgument,
                         "this graph has no '" + std::string(kCitesRelation) + "' relation");
  }
  const bool outgoing = direction == Citing::kCites;
  std::vector<EdgeId> found;
  for (EdgeId e : outgoing ? g.out_edges(paper) : g.in_edges(paper)) {
    const Edge edge = g.edge(e);
    if (edge.relation == *cites && locator_matches(edge.locator, at)) found.push_back(e);
  }
  // Adjacency lists are ordered by the other end; within one, dataset order is EdgeId order.
  std::stable_sort(found.begin(), found.end(), [&](EdgeId a, EdgeId b) {
    const NodeId oa = outgoing ? g.edge(a).to : g.edge(a).from;
    const NodeId ob = outgoing ? g.edge(b).to : g.edge(b).from;
    return oa != ob ? oa < ob : a < b;
  });
  return found;
}

Result<std::vector<NodeId>> citations(const Graph& g, NodeId paper, Citing direction,
                                      std::string_view at) {
  auto edges = citation_edges(g, paper, direction, at);
  if (!edges.ok()) return edges.status();
  const bool outgoing = direction == Citing::kCites;
  std::vector<NodeId> found;
  for (EdgeId e : *edges) found.push_back(outgoing ? g.edge(e).to : g.edge(e).from);
  // The edges come ordered by the paper at their other end, so equal papers are adjacent.
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

SourceIndex::SourceIndex(const Graph& g) : starts_(g.node_count() + 1, 0) {
  // Counting sort by source; an edge without a valid source (never after import) is left out.
  auto valid = [&](NodeId n) { return n < g.node_count(); };
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    if (valid(g.edge(e).source)) ++starts_[g.edge(e).source + 1];
  }
  for (std::size_t n = 1; n < starts_.size(); ++n) starts_[n] += starts_[n - 1];
  edges_.resize(starts_.back());
  std::vector<std::size_t> next(starts_.begin(), starts_.end() - 1);
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    if (valid(g.edge(e).source)) edges_[next[g.edge(e).source]++] = e;
  }
}

std::span<const EdgeId> SourceIndex::edges_of(NodeId paper) const {
  if (paper + 1 >= starts_.size()) return {};
  return std::span<const EdgeId>(edges_).subspan(starts_[paper],
                                                 starts_[paper + 1] - starts_[paper]);
}

std::vector<EdgeId> sources(const Graph& g, const SourceIndex& index, NodeId node,
                            std::string_view at) {
  std::vector<EdgeId> edges;
  if (g.type_of(node).name == kPaperType) {
    const auto of = index.edges_of(node);
    edges.assign(of.begin(), of.end());
  } else {
    edges = incident_edges(g, node);
    std::sort(edges.begin(), edges.end());
  }
  std::erase_if(edges, [&](EdgeId e) { return !locator_matches(g.edge(e).locator, at); });
  return edges;
}

Result<TextMatches> search_text(const Store& store, const Graph& g, std::string_view text,
                                std::span<const TypeId> types, std::size_t top) {
  auto keys = store.search(text, kSearchCeiling);
  if (!keys.ok()) return keys.status();
  TextMatches matches;
  for (const std::string& key : *keys) {
    auto id = g.find_key(key);
    if (!id) continue;  // a key the snapshot lacks: the index and graph disagree; skip it
    if (!types.empty() && std::find(types.begin(), types.end(), g.node(*id).type) == types.end()) {
      continue;
    }
    ++matches.total;
    if (matches.nodes.size() < top) matches.nodes.push_back(*id);
  }
  return matches;
}

std::vector<std::size_t> type_counts(const Graph& g) {
  std::vector<std::size_t> counts(g.types().size(), 0);
  for (NodeId n = 0; n < g.node_count(); ++n) ++counts[g.node(n).type];
  return counts;
}

std::vector<std::size_t> relation_counts(const Graph& g) {
  std::vector<std::size_t> counts(g.relations().size(), 0);
  for (EdgeId e = 0; e < g.edge_count(); ++e) ++counts[g.edge(e).relation];
  return counts;
}

std::optional<RelationId> find_relation_by_name_or_label(const Graph& g, std::string_view word) {
  if (auto exact = g.find_relation(word)) return exact;
  const std::string wanted = fold(word);
  if (wanted.empty()) return std::nullopt;
  const auto& relations = g.relations();
  for (std::size_t i = 0; i < relations.size(); ++i) {
    if (fold(relations[i].name) == wanted) return static_cast<RelationId>(i);
  }
  for (std::size_t i = 0; i < relations.size(); ++i) {
    if (fold(relations[i].label) == wanted || fold(relations[i].inverse) == wanted)
      return static_cast<RelationId>(i);
  }
  return std::nullopt;
}

std::vector<std::string> relation_words(const Graph& g) {
  std::vector<std::string> words;
  for (const Relation& r : g.relations()) words.push_back(r.name);
  for (const Relation& r : g.relations()) {
    for (const std::string* label : {&r.label, &r.inverse}) {
      if (!label->empty() && std::find(words.begin(), words.end(), *label) == words.end())
        words.push_back(*label);
    }
  }
  return words;
}

}  // namespace kg

// The filters shared by every graph question (DESIGN.md §5), the work limits that keep a
// question on a huge graph from running away, and the queries about single nodes and papers
// (citations, sources, locators, text search, counts). Filters are plain values, one per
// question; the queries only read the Graph and Store and are safe to run from several threads
// on one Graph (a Store is used by one thread at a time).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kg/graph.h"
#include "kg/ids.h"
#include "kg/status.h"
#include "kg/store.h"

namespace kg {

class CancelToken;

enum class Direction {
  kOut,   // follow edges from their from-node to their to-node
  kIn,    // follow edges backwards only
  kBoth,  // ignore direction (the default: how are these connected at all?)
};

struct Limits {
  std::size_t max_visited = 1'000'000;  // nodes a single search may visit before it stops
  std::size_t max_results = 10'000;     // nodes a neighbourhood may return / paths Yen may try
  // A node with more edges than this (in + out, every relation: the degree `show` and an
  // unfiltered `rank degree` report) is a hub: path answers name the hubs they pass, and it is
  // what a bare --avoid-hubs avoids. 36 makes the hubs of the GBVS graph Nederland (165), the
  // letter kst-33694-57 (47), Kabinet (42), EU and Rusland (37 each).
  std::size_t hub_degree = 36;
  // Betweenness is exact (Brandes) up to this many nodes in the measured graph; above it, an
  // estimate from `betweenness_samples` sampled source nodes (Brandes & Pich), scaled to n.
  std::size_t betweenness_exact_nodes = 5'000;
  std::size_t betweenness_samples = 64;
};

// Applied during traversal, never afterwards: a filtered search finds the best answer among the
// walks the filter allows.
struct Filter {
  Direction direction = Direction::kBoth;
  std::vector<RelationId> only_relations;  // empty: every relation
  std::vector<RelationId> not_relations;
  // The type filters of DESIGN.md §5; empty: every type. `through` (--through) limits the
  // nodes a walk may pass through; `listed` (--type) the nodes an answer lists. For path and
  // paths every node of a path is listed, so both bind its inner nodes. `types` is the older
  // single filter, which does both and also keeps a walk from reaching other types at all
  // (neighbours --type before §5 split it); it stays for callers that still set it.
  std::vector<TypeId> through;
  std::vector<TypeId> listed;
  std::vector<TypeId> types;
  std::vector<NodeId> avoid;  // nodes no walk may pass through
  // --avoid-hubs N: no walk passes through a node of degree above N (endpoints and the center
  // may be hubs); 0: off. A bare --avoid-hubs means limits.hub_degree.
  std::size_t avoid_hubs = 0;
  int max_hops = -1;  // -1: unlimited
  Limits limits;
  // Polled while the question runs; when set, the question fails with ErrorKind::kInterrupted.
  // Not owned; may be null (never interrupted).
  const CancelToken* cancel = nullptr;
};

// Why a search stopped early; empty when it ran to completion.
struct Truncation {
  std::string reason;  // e.g. "visited 1000000 nodes (the limit); raise it with .limit"
  bool truncated() const { return !reason.empty(); }
};

// ---- queries about nodes and papers ----

// The type of the papers every edge's source is (DESIGN.md §2).
inline constexpr std::string_view kPaperType = "kamerstuk";
// The relation between papers that `citations` follows.
inline constexpr std::string_view kCitesRelation = "cites";

// True when `locator` contains `wanted` ignoring case and accents (kg::fold), where a number at
// the end of `wanted` must match whole: "vn. 1" does not match "vn. 17". An empty `wanted`
// matches every locator.
bool locator_matches(std::string_view locator, std::string_view wanted);

// The edges at `node`: its out-edges, then its in-edges, a self-loop listed once.
std::vector<EdgeId> incident_edges(const Graph& g, NodeId node);

enum class Citing {
  kCites,    // the papers `paper` cites
  kCitedBy,  // the papers that cite `paper`
};

// The papers `paper` cites (or that cite it) through cites edges whose locator matches `at`
// (locator_matches; empty: all), each once, in NodeId (key) order. Errors: kInvalidArgument when
// `paper` is not a Kamerstuk ("'navo' is not a Kamerstuk (its type is actor)") or the graph has
// no cites relation.
Result<std::vector<NodeId>> citations(const Graph& g, NodeId paper, Citing direction,
                                      std::string_view at = {});

// The cites edges behind citations(): every cites edge from `paper` (or to it) whose locator
// matches `at`, ordered by the other paper (NodeId, so key order), then dataset order; so a
// paper cited in several places comes as consecutive edges, one per locator. The same errors.
Result<std::vector<EdgeId>> citation_edges(const Graph& g, NodeId paper, Citing direction,
                                           std::string_view at = {});

// The edges of a Graph by the paper that is their source. Built in O(E) once, then each look-up
// costs only its answer. Read-only after construction, safe to share between threads; must not
// outlive its Graph.
class SourceIndex {
 public:
  explicit SourceIndex(const Graph& g);
  // The edges whose source is `paper`, in EdgeId order; empty for any other node.
  std::span<const EdgeId> edges_of(NodeId paper) const;

 private:
  std::vector<std::size_t> starts_;  // per node, its first slot in edges_; node_count() + 1
  std::vector<EdgeId> edges_;
};

// What a fact about `node` rests on: for a Kamerstuk every edge whose source it is, for any other
// node its incident edges; either way in EdgeId order and only edges whose locator matches `at`.
std::vector<EdgeId> sources(const Graph& g, const SourceIndex& index, NodeId node,
                            std::string_view at = {});

// The nodes whose text matches every word of `text` (Store::search: names, aliases,
// descriptions, notes; best first), of the given types (empty: all), at most `top`; `total`
// counts every match of those types. Errors: those of Store::search.
struct TextMatches {
  std::vector<NodeId> nodes;
  std::size_t total = 0;
};
Result<TextMatches> search_text(const Store& store, const Graph& g, std::string_view text,
                                std::span<const TypeId> types, std::size_t top);

// The relation a user means by `word`: its name, or either direction's label ("zit voor" and
// "wordt voorgezeten door" both mean chairs), compared folded (kg::fold: case, diacritics, runs
// of spaces). A name wins over a label; a label two relations share goes to the first in
// relations.csv order. nullopt when nothing matches.
std::optional<RelationId> find_relation_by_name_or_label(const Graph& g, std::string_view word);
// Every relation name, then every label not spelled like one already listed, in relations.csv
// order: the words find_relation_by_name_or_label accepts, for "did you mean" and completion.
std::vector<std::string> relation_words(const Graph& g);

// How many nodes each type has (indexed by TypeId) and how many edges each relation has
// (indexed by RelationId).
std::vector<std::size_t> type_counts(const Graph& g);
std::vector<std::size_t> relation_counts(const Graph& g);

}  // namespace kg

// show, find, cites, cited-by and sources: questions about single nodes and papers.
#include <fmt/format.h>

#include <algorithm>

#include "handlers.h"
#include "kg/text.h"
#include "session.h"

namespace kg::shell {
namespace {

constexpr const char* kPaperType = "kamerstuk";

// The Kamerstuk named by argument 0, or an error when it is another kind of node.
Result<NodeId> paper_arg(Session& s, const Invocation& inv) {
  auto id = s.node_arg(inv.args[0], 0);
  if (!id.ok()) return id;
  const Graph& g = s.graph();
  if (g.type_of(*id).name != kPaperType) {
    return Status::error(ErrorKind::kInvalidArgument,
                         fmt::format("'{}' is not a Kamerstuk (its type is {})", g.node(*id).key,
                                     g.type_of(*id).name));
  }
  return id;
}

Result<RelationId> cites_relation(const Graph& g) {
  auto r = g.find_relation("cites");
  if (!r) return Status::error(ErrorKind::kInvalidArgument, "this graph has no 'cites' relation");
  return *r;
}

// True when the edge's locator contains the --at text, ignoring case and accents (or no --at).
// A number must match whole: "vn. 1" does not match "vn. 17".
bool located(const Graph& g, EdgeId e, const Invocation& inv) {
  if (!inv.has(Flag::kAt)) return true;
  const std::string locator = fold(g.edge(e).locator);
  const std::string wanted = fold(inv.value(Flag::kAt));
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  for (auto at = locator.find(wanted); at != std::string::npos; at = locator.find(wanted, at + 1)) {
    const std::size_t end = at + wanted.size();
    const bool cuts_number = !wanted.empty() && is_digit(wanted.back()) && end < locator.size() &&
                             is_digit(locator[end]);
    if (!cuts_number) return true;
  }
  return false;
}

// The papers a Kamerstuk cites (`outgoing`) or that cite it, through edges --at allows.
AnswerResult citations(Session& s, const Invocation& inv, bool outgoing) {
  auto paper = paper_arg(s, inv);
  if (!paper.ok()) return paper.status();
  const Graph& g = s.graph();
  auto cites = cites_relation(g);
  if (!cites.ok()) return cites.status();
  std::vector<NodeId> found;
  for (EdgeId e : outgoing ? g.out_edges(*paper) : g.in_edges(*paper)) {
    if (g.edge(e).relation == *cites && located(g, e, inv)) {
      found.push_back(outgoing ? g.edge(e).to : g.edge(e).from);
    }
  }
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return std::unique_ptr<Answer>(std::make_unique<NodesAnswer>(std::move(found)));
}

std::vector<EdgeId> incident(const Graph& g, NodeId id) {
  std::vector<EdgeId> edges = g.out_edges(id);
  for (EdgeId e : g.in_edges(id)) {
    if (g.edge(e).from != g.edge(e).to) edges.push_back(e);  // a self-loop is listed once
  }
  return edges;
}

}  // namespace

AnswerResult cmd_show(Session& s, const Invocation& inv) {
  auto id = s.node_arg(inv.args[0], 0);
  if (!id.ok()) return id.status();
  return std::unique_ptr<Answer>(std::make_unique<CardAnswer>(*id, incident(s.graph(), *id)));
}

AnswerResult cmd_find(Session& s, const Invocation& inv) {
  auto top = parse_count("--top", inv.value(Flag::kTop, "20"), 1);
  if (!top.ok()) return top.status();
  auto filter = s.filter_from(inv);
  if (!filter.ok()) return filter.status();
  std::string text;
  for (const std::string& a : inv.args) text += (text.empty() ? "" : " ") + a;
  auto keys = s.store().search(text, 100'000);
  if (!keys.ok()) return keys.status();
  const Graph& g = s.graph();
  std::vector<NodeId> nodes;
  for (const std::string& key : *keys) {
    auto id = g.find_key(key);
    if (!id) continue;
    if (!filter->types.empty() &&
        std::find(filter->types.begin(), filter->types.end(), g.node(*id).type) == filter->types.end()) {
      continue;
    }
    nodes.push_back(*id);
  }
  const std::size_t total = nodes.size();
  if (nodes.size() > static_cast<std::size_t>(*top)) nodes.resize(static_cast<std::size_t>(*top));
  auto answer = std::make_unique<NodesAnswer>(std::move(nodes));
  if (total > static_cast<std::size_t>(*top)) {
    answer->truncations.push_back(
        fmt::format("showing the best {} of {} matches; --top N shows more", *top, total));
  }
  return std::unique_ptr<Answer>(std::move(answer));
}

AnswerResult cmd_cites(Session& s, const Invocation& inv) { return citations(s, inv, /*outgoing=*/true); }

AnswerResult cmd_cited_by(Session& s, const Invocation& inv) { return citations(s, inv, /*outgoing=*/false); }

AnswerResult cmd_sources(Session& s, const Invocation& inv) {
  auto id = s.node_arg(inv.args[0], 0);
  if (!id.ok()) return id.status();
  const Graph& g = s.graph();
  std::vector<EdgeId> edges;
  if (g.type_of(*id).name == kPaperType) {
    for (EdgeId e = 0; e < g.edge_count(); ++e) {
      if (g.edge(e).source == *id) edges.push_back(e);
    }
  } else {
    edges = incident(g, *id);
    std::sort(edges.begin(), edges.end());
  }
  std::erase_if(edges, [&](EdgeId e) { return !located(g, e, inv); });
  return std::unique_ptr<Answer>(std::make_unique<EdgesAnswer>(std::move(edges)));
}

}  // namespace kg::shell

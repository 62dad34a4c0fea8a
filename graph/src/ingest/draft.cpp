// Implementation of draft.h.
#include "ingest/draft.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "csv_writer.h"
#include "keys.h"
#include "kg/resolve.h"
#include "kg/text.h"

namespace kg::ingest {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPaperType = "kamerstuk";
constexpr const char* kDossierType = "dossier";
constexpr const char* kActorType = "actor";
constexpr const char* kHeaderLocator = "p. 1";  // identity facts stand in the header of page 1

struct DefaultType {
  const char* name;
  const char* description;
};
constexpr DefaultType kDefaultTypes[] = {
    {kActorType, "A state, organisation, agency, person or office; the kind attribute says which"},
    {kDossierType,
     "A parliamentary dossier: the numbered series under which the papers on one bill or subject "
     "are filed"},
    {kPaperType,
     "A parliamentary paper (Kamerstuk) or a record of parliamentary proceedings (Handelingen)"},
};

struct DefaultRelation {
  const char* name;
  const char* label;
  const char* inverse;
  const char* description;
};
constexpr DefaultRelation kDefaultRelations[] = {
    {"authored", "stelde op", "opgesteld door", "Wrote, published or submitted a paper"},
    {"cites", "citeert", "wordt geciteerd door", "A parliamentary paper refers to another paper"},
    {"mentions", "noemt", "wordt genoemd in",
     "A paper names the node in its text (found by ingest)"},
    {"part_of", "is onderdeel van", "omvat", "Is a component of; a paper is filed in its dossier"},
};

// The part of a locator that places a fact: page and footnote. Section headings are written
// differently by curators (shortened, without "Uitgelicht:"), so two locators with the same page
// and footnote are one place. A locator without a page is compared whole.
std::string place_of(std::string_view locator) {
  auto part = [&](std::string_view prefix) -> std::string {
    std::size_t at = 0;
    while ((at = locator.find(prefix, at)) != std::string_view::npos) {
      if (at == 0 || locator[at - 1] == ' ') {
        std::size_t end = locator.find(',', at);
        return std::string(locator.substr(at, end == std::string_view::npos ? end : end - at));
      }
      at += prefix.size();
    }
    return {};
  };
  const std::string page = part("p. ");
  return page.empty() ? std::string(locator) : page + ", " + part("vn. ");
}

std::string edge_id(std::string_view from, std::string_view relation, std::string_view to,
                    std::string_view locator) {
  return detail::lower_key(from) + '\x1f' + std::string(relation) + '\x1f' + detail::lower_key(to) +
         '\x1f' + place_of(locator);
}

// A readable lowercase ASCII slug: "Minister van Buitenlandse Zaken" ->
// minister-van-buitenlandse-zaken.
std::string slug(std::string_view text) {
  std::string out;
  for (char c : fold(text)) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "x" : out;
}

// The dossier as the curated data writes it ("23 285", "22 800 X", "21 501-02"), from a paper's
// key; OCR headers print it in many ways ("23285"). `printed` when the key is not a kst- key.
std::string dossier_of(const std::string& key, const std::string& printed) {
  if (!key.starts_with("kst-")) return printed;
  const std::string rest = key.substr(4);
  const std::size_t first = rest.find('-');
  const std::size_t last = rest.rfind('-');
  if (first == std::string::npos) return printed;
  const std::string digits = rest.substr(0, first);
  const std::string suffix =
      first == last ? std::string() : rest.substr(first + 1, last - first - 1);
  return dossier_display(digits, suffix);
}

std::string capitalise(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

Status write_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.flush();
  if (!out) return Status::error(ErrorKind::kIo, "cannot write " + path.string());
  return {};
}

}  // namespace

Draft::Draft(const Graph* graph) : graph_(graph) {
  if (graph_ == nullptr) return;
  for (NodeId id = 0; id < graph_->node_count(); ++id) {
    const Node n = graph_->node(id);
    known_names_.emplace(fold(n.name), id);
    for (std::string_view a : n.aliases) known_names_.emplace(fold(a), id);
    auto citation = [&](std::string_view text) {
      if (auto key = ::kg::kamerstuk_key(text))
        known_citations_.emplace(detail::lower_key(*key), id);
    };
    citation(n.name);
    for (std::string_view a : n.aliases) citation(a);
  }
  for (EdgeId e = 0; e < graph_->edge_count(); ++e) {
    const Edge edge = graph_->edge(e);
    known_edges_.insert(edge_id(graph_->node(edge.from).key, graph_->relation_of(e).name,
                                graph_->node(edge.to).key, edge.locator));
  }
}

std::optional<NodeId> Draft::known_paper(const std::string& key) const {
  if (graph_ == nullptr) return std::nullopt;
  if (auto id = graph_->find_key(key)) return id;
  auto it = known_citations_.find(detail::lower_key(key));
  if (it == known_citations_.end()) return std::nullopt;
  return it->second;
}

std::string Draft::added_at(const std::string& key) const {
  auto it = added_at_.find(detail::lower_key(key));
  return it == added_at_.end() ? std::string() : it->second;
}

void Draft::reference(NodeId id) {
  references_.insert(id);
}

std::string Draft::new_key(std::string base) {
  std::string key = base;
  for (int n = 2; used_keys_.contains(key) || (graph_ != nullptr && graph_->find_key(key)); ++n) {
    key = fmt::format("{}-{}", base, n);
  }
  used_keys_.insert(key);
  return key;
}

std::string Draft::author_key(const std::string& role) {
  const std::string folded = fold(role);
  if (auto it = author_index_.find(folded); it != author_index_.end()) return it->second;
  if (auto it = known_names_.find(folded);
      it != known_names_.end() && graph_->type_of(it->second).name == kActorType) {
    reference(it->second);
    const std::string key(graph_->node(it->second).key);
    author_index_.emplace(folded, key);
    return key;
  }
  std::string key = new_key(slug(role));
  std::string name = role;
  if (known_names_.contains(folded)) name += " (functie)";  // the name belongs to a non-actor
  authors_.push_back({key, name});
  author_index_.emplace(folded, key);
  return key;
}

std::string Draft::dossier_key(const Identity& id) {
  const std::string dossier = dossier_of(id.key, id.dossier);
  auto [it, added] = dossier_index_.emplace(dossier, dossiers_.size());
  if (added) {
    // The key's middle part, "22800-X" of kst-22800-X-59, is the dossier with its suffix.
    const std::string middle = id.key.substr(4, id.key.rfind('-') - 4);
    dossiers_.push_back({new_key("dossier-" + slug(middle)), dossier, {}, {}});
  }
  Dossier& d = dossiers_[it->second];
  if (!id.title.empty()) {
    if (d.titles.empty()) d.first_title = id.title;
    ++d.titles[id.title];
  }
  return d.key;
}

void Draft::add_edge(EdgeRow row, std::vector<EdgeRow>& into) {
  const std::string id = edge_id(row.from, row.relation, row.to, row.locator);
  if (known_edges_.contains(id)) {
    ++counts_.known;
    return;
  }
  if (!edge_seen_.insert(id).second) return;
  if (row.relation == "cites") ++counts_.citations;
  if (row.relation == "mentions") ++counts_.mentions;
  into.push_back(std::move(row));
}

void Draft::add_paper(const Identity& id, const std::string& origin, const std::string& where,
                      const Layout& layout, const std::vector<Citation>& citations,
                      const std::vector<Mention>& mentions) {
  added_at_.emplace(detail::lower_key(id.key), where);
  std::string key = id.key;
  if (auto known = known_paper(id.key)) {
    reference(*known);
    key = std::string(graph_->node(*known).key);
  } else {
    used_keys_.insert(detail::lower_key(key));
    papers_.push_back(id);
    paper_origins_.push_back(origin);
    paper_keys_.push_back(key);
  }
  auto at = [&](std::size_t span, std::size_t offset) {
    return span < layout.spans.size() ? locator(layout.spans[span], offset)
                                      : std::string(kHeaderLocator);
  };
  if (!id.dossier.empty()) {
    add_edge({key, "part_of", dossier_key(id), key, kHeaderLocator, {}}, structure_);
  }
  for (const std::string& role : id.authors) {
    add_edge({author_key(role), "authored", key, key, kHeaderLocator, {}}, structure_);
  }
  for (const Citation& c : citations) {
    if (detail::key_equal(c.key, id.key) || detail::key_equal(c.key, key)) continue;
    std::string target = c.key;
    if (auto known = known_paper(c.key)) {
      reference(*known);
      target = std::string(graph_->node(*known).key);
      if (detail::key_equal(target, key)) continue;
    } else if (auto [it, added] = cited_index_.emplace(detail::lower_key(c.key), cited_.size());
               added) {
      cited_.push_back({c.key, c.name, c.dossier, c.nr, key});
    }
    add_edge({key, "cites", target, key, at(c.span, c.offset), {}}, cites_);
  }
  for (const Mention& m : mentions) {
    const std::string target(graph_->node(m.node).key);
    if (detail::key_equal(target, key)) continue;
    reference(m.node);
    add_edge({key, "mentions", target, key, at(m.span, m.offset), {}}, mentions_);
  }
}

Status Draft::write(const std::string& dir, const std::vector<std::string>& inputs,
                    const std::vector<Candidate>& candidates) const {
  const fs::path root(dir);
  std::unordered_set<std::string> claimed;  // folded names of the nodes written so far
  for (const auto& [folded, id] : known_names_) claimed.insert(folded);
  auto unique_name = [&](const std::string& name, const std::string& qualifier) {
    std::string out = name;
    if (claimed.contains(fold(out))) out = fmt::format("{} ({})", name, qualifier);
    for (int n = 2; claimed.contains(fold(out)); ++n)
      out = fmt::format("{} ({}, {})", name, qualifier, n);
    claimed.insert(fold(out));
    return out;
  };

  std::set<std::string> types = {kPaperType, kDossierType, kActorType};
  for (NodeId id : references_) types.insert(graph_->type_of(id).name);

  // Papers, then cited papers not ingested, then dossiers, authors and references.
  std::unordered_set<std::string> defined;
  std::string papers;
  append_csv_row(papers, {"key", "type", "name", "aliases", "description", "kind", "house",
                          "vergaderjaar", "dossier", "nr", "date", "title", "origin"});
  for (std::size_t i = 0; i < papers_.size(); ++i) {
    const Identity& p = papers_[i];
    defined.insert(detail::lower_key(paper_keys_[i]));
    const std::string dossier = dossier_of(p.key, p.dossier);
    const std::string name = unique_name(fmt::format("Kamerstuk {}, nr. {}", dossier, p.nr), p.key);
    std::string description = capitalise(p.kind.empty() ? std::string("paper") : p.kind);
    if (!p.house.empty()) description += ", " + p.house;
    if (!p.session.empty()) description += " " + p.session;
    if (!dossier.empty()) description += ", dossier " + dossier;
    append_csv_row(papers, {paper_keys_[i], kPaperType, name, "", description, p.kind, p.house,
                            p.session, dossier, p.nr, p.date, p.title, paper_origins_[i]});
  }
  std::string cited;
  append_csv_row(cited, {"key", "type", "name", "aliases", "description", "kind", "dossier", "nr"});
  std::size_t cited_written = 0;
  for (const CitedPaper& c : cited_) {
    if (defined.contains(detail::lower_key(c.key))) continue;
    ++cited_written;
    const bool handelingen = c.key.starts_with("h-");
    append_csv_row(cited, {c.key, kPaperType, unique_name(c.name, c.key), "",
                           fmt::format("Cited by {}; not ingested yet", c.first_citing),
                           handelingen ? "handelingen" : "", c.dossier, c.nr});
  }
  std::string dossiers;
  append_csv_row(dossiers, {"key", "type", "name", "aliases", "description", "dossier"});
  for (const Dossier& d : dossiers_) {
    std::string title = d.first_title;
    std::size_t best = 0;
    for (const auto& [t, n] : d.titles) {
      if (n > best || (n == best && t == d.first_title)) best = n, title = t;
    }
    const std::string plain = "Dossier " + d.dossier;
    const std::string name = unique_name(title.empty() ? plain : title, "dossier " + d.dossier);
    const std::string alias = name == plain || claimed.contains(fold(plain)) ? "" : plain;
    if (!alias.empty()) claimed.insert(fold(alias));
    append_csv_row(dossiers, {d.key, kDossierType, name, alias,
                              "Parliamentary dossier " + d.dossier, d.dossier});
  }
  std::string authors;
  append_csv_row(authors, {"key", "type", "name", "aliases", "description", "kind"});
  for (const Author& a : authors_) {
    append_csv_row(authors, {a.key, kActorType, unique_name(a.name, "functie"), "",
                             "Author of ingested papers, by the role they print", "office"});
  }
  std::string references;
  append_csv_row(references, {"key", "type", "name"});
  for (NodeId id : references_) {
    append_csv_row(references, {std::string(graph_->node(id).key), graph_->type_of(id).name, ""});
  }

  std::string types_csv;
  append_csv_row(types_csv, {"name", "description"});
  for (const std::string& t : types) {
    std::string description;
    if (graph_ != nullptr) {
      if (auto tid = graph_->find_type(t)) description = graph_->types()[*tid].description;
    }
    for (const DefaultType& d : kDefaultTypes) {
      if (description.empty() && t == d.name) description = d.description;
    }
    append_csv_row(types_csv, {t, description});
  }
  std::string all_types;
  for (const std::string& t : types) all_types += (all_types.empty() ? "" : "|") + t;
  std::string relations_csv;
  append_csv_row(relations_csv, {"name", "label", "inverse", "from", "to", "description"});
  for (const DefaultRelation& r : kDefaultRelations) {
    std::vector<std::string> row = {r.name, r.label, r.inverse, "", "", r.description};
    if (graph_ != nullptr) {
      if (auto rid = graph_->find_relation(r.name)) {
        const Relation& known = graph_->relations()[*rid];
        row[1] = known.label, row[2] = known.inverse, row[5] = known.description;
      }
    }
    const std::string name = r.name;
    row[3] = name == "authored" ? kActorType : kPaperType;
    row[4] = name == "mentions" ? all_types : name == "part_of" ? kDossierType : kPaperType;
    append_csv_row(relations_csv, row);
  }

  auto edges_csv = [](const std::vector<EdgeRow>& rows) {
    std::string out;
    append_csv_row(out, {"from", "relation", "to", "source", "locator", "note"});
    for (const EdgeRow& e : rows)
      append_csv_row(out, {e.from, e.relation, e.to, e.source, e.locator, e.note});
    return out;
  };

  std::string review;
  append_csv_row(review, {"name", "kind", "count", "papers", "first_paper", "first_locator"});
  for (const Candidate& c : candidates) {
    append_csv_row(review, {c.text, c.acronym ? "acronym" : "name", std::to_string(c.count),
                            std::to_string(c.papers), c.first_paper, c.first_locator});
  }

  std::string readme = std::string(kDraftMarker) + "\n# Ingest draft\n\n";
  readme += "Drafted by `kamergraaf ingest` from:\n\n";
  for (const std::string& in : inputs) readme += "- `" + fs::path(in).filename().string() + "`\n";
  readme += fmt::format(
      "\nIt defines {} papers, {} cited papers, {} dossiers and {} authors, and refers to {} nodes "
      "of the graph it was drafted against (`nodes-references.csv`). It states {} `cites` and {} "
      "`mentions` edges, and {} filing and authorship edges. `review.csv` lists {} candidate new "
      "entities for a curator; it is not part of the graph.\n\n",
      papers_.size(), cited_written, dossiers_.size(), authors_.size(), references_.size(),
      cites_.size(), mentions_.size(), structure_.size(), candidates.size());
  readme +=
      "Everything here was read from the papers: their identity (header and footer), their "
      "references to other papers and the names of known nodes they print. Curate it as "
      "`docs/ingest.md` says, then import it together with the graph it refers to, e.g.\n\n"
      "    kamergraaf import datasets/gbvs-2020 THIS-FOLDER --into graph.db\n";

  const std::pair<const char*, const std::string*> files[] = {
      {"README.md", &readme},
      {"types.csv", &types_csv},
      {"relations.csv", &relations_csv},
      {"nodes-papers.csv", &papers},
      {"nodes-cited.csv", &cited},
      {"nodes-dossiers.csv", &dossiers},
      {"nodes-authors.csv", &authors},
      {"nodes-references.csv", &references},
      {"review.csv", &review},
  };
  for (const auto& [name, content] : files) {
    if (Status s = write_file(root / name, *content); !s.ok()) return s;
  }
  for (auto [name, rows] : {std::pair{"edges-papers.csv", &structure_},
                            {"edges-cites.csv", &cites_},
                            {"edges-mentions.csv", &mentions_}}) {
    if (Status s = write_file(root / name, edges_csv(*rows)); !s.ok()) return s;
  }
  return {};
}

}  // namespace kg::ingest

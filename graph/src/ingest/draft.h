// The dataset folder ingest drafts (DESIGN.md §3, §9): collects each identified paper with its
// citations and mentions, decides which nodes the folder defines and which it only references
// (those the known graph defines), and writes the CSV files, review.csv and a README. The output
// depends only on what was added, in the order added. Not thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ingest/candidates.h"
#include "ingest/citations.h"
#include "ingest/identity.h"
#include "ingest/layout.h"
#include "ingest/mentions.h"
#include "kg/graph.h"
#include "kg/status.h"

namespace kg::ingest {

// The first line of every README.md ingest writes: what `--force` looks for before it replaces a
// folder, so that it never replaces curated data.
inline constexpr const char* kDraftMarker =
    "<!-- kamergraaf ingest draft: `ingest --force` may replace this folder -->";

struct DraftCounts {
  std::size_t citations = 0;
  std::size_t mentions = 0;
  std::size_t known = 0;
};

class Draft {
 public:
  // `graph` (may be null) is the graph whose nodes are referenced instead of defined.
  explicit Draft(const Graph* graph);

  // "FILE:LINE" (or "FILE") where the paper with this key was added, or empty when it was not.
  std::string added_at(const std::string& key) const;

  // Adds one identified paper (`id.key` not empty and not added before) and its facts.
  void add_paper(const Identity& id, const std::string& origin, const std::string& where,
                 const Layout& layout, const std::vector<Citation>& citations,
                 const std::vector<Mention>& mentions);

  const DraftCounts& counts() const { return counts_; }

  // Writes the folder's files into the existing, empty folder `dir`. `inputs` are named in the
  // README. kIo on a failed write.
  Status write(const std::string& dir, const std::vector<std::string>& inputs,
               const std::vector<Candidate>& candidates) const;

 private:
  struct EdgeRow {
    std::string from, relation, to, source, locator, note;
  };
  struct Dossier {
    std::string key, dossier;
    std::map<std::string, std::size_t> titles;  // title as printed -> papers printing it
    std::string first_title;
  };
  struct CitedPaper {
    std::string key, name, dossier, nr, first_citing;
  };
  struct Author {
    std::string key, name;
  };

  // The known node a Kamerstuk key stands for (its own key, or a joint paper's alias), if any.
  std::optional<NodeId> known_paper(const std::string& key) const;
  void add_edge(EdgeRow row, std::vector<EdgeRow>& into);
  std::string new_key(std::string base);
  std::string author_key(const std::string& role);
  std::string dossier_key(const Identity& id);
  void reference(NodeId id);

  const Graph* graph_;
  std::unordered_map<std::string, NodeId> known_citations_;  // lowercase key -> known node
  std::unordered_map<std::string, NodeId> known_names_;      // folded name or alias -> node
  std::unordered_set<std::string> known_edges_;              // from|relation|to|locator
  std::unordered_set<std::string> used_keys_;                // lowercase keys defined here

  std::vector<Identity> papers_;
  std::vector<std::string> paper_origins_;
  std::vector<std::string> paper_keys_;                    // the key each paper is written under
  std::unordered_map<std::string, std::string> added_at_;  // lowercase key -> where
  std::vector<Dossier> dossiers_;
  std::unordered_map<std::string, std::size_t> dossier_index_;  // dossier text -> dossiers_
  std::vector<CitedPaper> cited_;
  std::unordered_map<std::string, std::size_t> cited_index_;  // lowercase key -> cited_
  std::vector<Author> authors_;
  std::unordered_map<std::string, std::string> author_index_;  // folded role -> key
  std::set<NodeId> references_;                                // known nodes the folder names
  std::vector<EdgeRow> structure_, cites_, mentions_;
  std::unordered_set<std::string> edge_seen_;
  DraftCounts counts_;
};

}  // namespace kg::ingest

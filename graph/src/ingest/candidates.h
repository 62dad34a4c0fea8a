// Candidate new entities for a curator (DESIGN.md §9 "Review, not guesses"): capitalised names
// and acronyms in the papers that the known graph does not name, counted over all papers with the
// place each was first seen. Nothing here enters the graph; it becomes review.csv. One list per
// ingest run; not thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/layout.h"
#include "ingest/mentions.h"
#include "ingest/words.h"

namespace kg::ingest {

struct Candidate {
  std::string text;  // as first seen: "Raad van State", "VNVR"
  bool acronym = false;
  std::size_t count = 0;      // occurrences in all papers
  std::size_t papers = 0;     // papers it occurs in
  std::string first_paper;    // key of the paper it was first seen in
  std::string first_locator;  // where in that paper
};

class CandidateList {
 public:
  // Adds the candidates in one span's words. `mentions` are the mentions found in these words
  // (their words are known, so never candidates). `paper` is the paper's key; spans of one paper
  // must be added before the next paper's.
  void add(const Span& span, const std::vector<Word>& words, const std::vector<Mention>& mentions,
           const MentionIndex& known, const std::string& paper);

  // Candidates seen at least `min_count` times, most frequent first, then in folded order.
  std::vector<Candidate> sorted(std::size_t min_count) const;

 private:
  void count(const std::string& text, bool acronym, const Span& span, std::size_t offset,
             const std::string& paper, const MentionIndex& known);

  std::vector<Candidate> list_;
  std::unordered_map<std::string, std::size_t> index_;       // folded text -> position in list_
  std::unordered_map<std::string, std::string> last_paper_;  // folded text -> last paper key
};

}  // namespace kg::ingest

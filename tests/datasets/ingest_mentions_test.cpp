// Mentions found by ingest in the GBVS letter, measured against the curated graph: of the nodes
// whose name or alias stands in the letter, at least 95% must be found. Which names "stand in the
// letter" is decided here independently of the ingest code (plain substring search over the
// folded text). The letter is read from ../shared/sources when present.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "ingest/layout.h"
#include "ingest/mentions.h"
#include "kg/resolve.h"
#include "kg/store.h"
#include "kg/text.h"
#include "support/test_graph.h"

namespace {

std::string read_letter() {
  std::ifstream in(std::string(KG_SOURCE_DIR) + "/../shared/sources/kst-33694-57.txt");
  if (!in) return {};
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Lines joined (a hyphen at a line end before a lower-case letter dropped), every character that
// is not a letter or digit made a space, and a space at both ends, so that " name " finds whole
// words only. `fold_case` folds case and diacritics as name resolution does.
std::string words_only(const std::string& text, bool fold_case) {
  std::string joined;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '-' && i + 2 < text.size() && text[i + 1] == '\n' && text[i + 2] >= 'a' &&
        text[i + 2] <= 'z') {
      ++i;
      continue;
    }
    joined.push_back(text[i] == '\n' ? ' ' : text[i]);
  }
  const std::string f = fold_case ? kg::fold(joined) : joined;
  std::string out = " ";
  for (unsigned char c : f) {
    const bool keep =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (keep) {
      out.push_back(static_cast<char>(c));
    } else if (out.back() != ' ') {
      out.push_back(' ');
    }
  }
  if (out.back() != ' ') out.push_back(' ');
  return out;
}

// True when `name` has a word of two or more capitals and no lower-case letter: an acronym, which
// stands in the letter only where the letter writes it in capitals.
bool has_acronym(std::string_view name) {
  int caps = 0;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') {
      ++caps;
    } else if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) {
      caps = -100;
    } else {
      if (caps >= 2) return true;
      caps = 0;
    }
  }
  return caps >= 2;
}

TEST_CASE("Ingest mentions: the curated nodes named in the GBVS letter are found") {
  const std::string letter = read_letter();
  if (letter.empty()) {
    MESSAGE("skipped: ../shared/sources/kst-33694-57.txt is absent");
    return;
  }
  auto store =
      kg::Store::open(kg::test::import_folder(std::string(KG_SOURCE_DIR) + "/datasets/gbvs-2020"));
  REQUIRE(store.ok());
  auto graph = store->load_graph();
  REQUIRE(graph.ok());
  const kg::Graph& g = *graph;

  const std::string folded = words_only(letter, true);
  const std::string cased = words_only(letter, false);
  std::set<kg::NodeId> standing;
  for (kg::NodeId id = 0; id < g.node_count(); ++id) {
    const kg::Node n = g.node(id);
    if (n.key == "kst-33694-57") continue;  // the letter itself
    std::vector<std::string_view> names = {n.name};
    for (std::string_view a : n.aliases) names.push_back(a);
    for (std::string_view name : names) {
      if (kg::kamerstuk_key(name)) continue;  // a citation, not a mention
      const bool acronym = has_acronym(name);
      const std::string needle = words_only(std::string(name), !acronym);
      if (needle.size() > 2 && (acronym ? cased : folded).find(needle) != std::string::npos) {
        standing.insert(id);
        break;
      }
    }
  }

  const kg::ingest::MentionIndex index(g);
  std::set<kg::NodeId> found;
  for (const kg::ingest::Mention& m : index.find(kg::ingest::read_layout(letter)))
    found.insert(m.node);

  std::size_t hit = 0;
  std::string missed;
  for (kg::NodeId id : standing) {
    if (found.contains(id)) {
      ++hit;
    } else {
      missed += std::string(missed.empty() ? "" : ", ") + std::string(g.node(id).key);
    }
  }
  const double recall = static_cast<double>(hit) / static_cast<double>(standing.size());
  MESSAGE("mentions: " << hit << " of " << standing.size()
                       << " curated nodes named in the letter found (" << recall * 100
                       << "%); missed: " << missed);
  CHECK(standing.size() > 200);
  CHECK(recall >= 0.95);
}

}  // namespace

// One `cites` edge per citing place: for every paper the GBVS letter cites, the curated graph has
// exactly one edge per page and footnote where the letter gives that paper's number, and none
// repeated. The places come from the ingest extractor (kg::ingest::find_citations) run over the
// letter, read from the shared folder when present; a fixture in our own words checks the counting.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "ingest/citations.h"
#include "kg/graph.h"
#include "kg/store.h"
#include "support/test_graph.h"

namespace {

using Place = std::pair<int, int>;  // page, footnote (0: body text)

// What the letter prints: every place citing each paper, and how often it names the paper there.
struct Printed {
  std::map<std::string, std::map<Place, int>> places;
  int occurrences = 0;
};

Printed printed_citations(const std::string& text, const kg::ingest::Identity& self) {
  const auto layout = kg::ingest::read_layout(text);
  Printed out;
  for (const auto& c : kg::ingest::find_citations(layout, self)) {
    const auto& span = layout.spans[c.span];
    ++out.places[c.key][{kg::ingest::page_at(span, c.offset), span.footnote}];
    ++out.occurrences;
  }
  return out;
}

// "§ X, p. 16, vn. 18" -> (16, 18); a locator without a page gives page 0, which no place has.
Place place_of(std::string_view locator) {
  auto number_after = [&](std::string_view mark) {
    const auto at = locator.find(mark);
    return at == std::string_view::npos
               ? 0
               : std::atoi(std::string(locator.substr(at + mark.size())).c_str());
  };
  return {number_after("p. "), number_after("vn. ")};
}

std::string show(const Place& p) {
  return "p. " + std::to_string(p.first) + (p.second ? ", vn. " + std::to_string(p.second) : "");
}

// $KG_SHARED_DIR, else the build's KG_SHARED_DIR (../shared beside the checkout), else the
// shared folder seen from a worktree one level deeper; empty when the letter is in none.
std::string letter_path() {
  const char* env = std::getenv("KG_SHARED_DIR");
  const std::string rel = "/sources/kst-33694-57.txt";
  for (const std::string& dir : {std::string(env != nullptr ? env : ""), std::string(KG_SHARED_DIR),
                                 std::string(KG_SOURCE_DIR) + "/../../shared"}) {
    if (!dir.empty() && std::filesystem::exists(dir + rel)) return dir + rel;
  }
  return {};
}

}  // namespace

TEST_CASE("GBVS citations: a paper named twice in one footnote is one place") {
  // Invented text shaped like the letter: a page opens at a line starting with a space, and
  // footnotes follow their marks at the foot of the page.
  const std::string text =
      " De minister schrijft over de aanpak van dreigingen1 en over de begroting2.\n"
      "\n"
      "1 Zie Kamerstuk 30 821, nr. 72, en de bijlage bij Kamerstuk 30 821, nr. 72.\n"
      "2 Kamerstuk 30 821, nr. 72.\n"
      " Op een nieuwe bladzijde volgt nog een verwijzing (Kamerstuk 35 207, nr. 1).\n";
  kg::ingest::Identity self;
  self.key = "kst-33694-57";
  self.dossier = "33 694";
  self.nr = "57";
  const Printed printed = printed_citations(text, self);
  CHECK(printed.occurrences == 4);
  REQUIRE(printed.places.count("kst-30821-72") == 1);
  const auto& twice = printed.places.at("kst-30821-72");
  CHECK(twice.size() == 2);  // footnotes 1 and 2: two places, so two edges
  CHECK(twice.at({1, 1}) == 2);
  CHECK(twice.at({1, 2}) == 1);
  REQUIRE(printed.places.count("kst-35207-1") == 1);
  CHECK(printed.places.at("kst-35207-1").count({2, 0}) == 1);
}

TEST_CASE("GBVS citations: one cites edge per paper and place the letter prints") {
  const std::string path = letter_path();
  if (path.empty()) {
    MESSAGE("skipped: shared/sources/kst-33694-57.txt is not present");
    return;
  }
  std::ifstream in(path);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  const auto layout = kg::ingest::read_layout(text.str());
  const auto self = kg::ingest::read_identity(layout, "kst-33694-57.txt");
  REQUIRE(self.key == "kst-33694-57");
  const Printed printed = printed_citations(text.str(), self);
  std::size_t places = 0;
  for (const auto& [key, at] : printed.places) places += at.size();
  CHECK(places >= 35);  // some forty places; a broken extractor finds none

  // Every cites edge of the letter in the whole folder, whichever file holds it.
  auto store =
      kg::Store::open(kg::test::import_folder(std::string(KG_SOURCE_DIR) + "/datasets/gbvs-2020"));
  REQUIRE(store.ok());
  auto loaded = store->load_graph();
  REQUIRE(loaded.ok());
  const kg::Graph& g = *loaded;
  const auto cites = g.find_relation("cites");
  REQUIRE(cites.has_value());
  std::map<std::string, std::map<Place, int>> curated;
  for (kg::EdgeId e : g.out_edges(kg::test::id(g, "kst-33694-57"))) {
    if (g.edge(e).relation != *cites) continue;
    ++curated[std::string(g.node(g.edge(e).to).key)][place_of(g.edge(e).locator)];
  }

  std::string repeated;    // two edges for one paper at one place
  std::string miscounted;  // a paper with more or fewer edges than the letter has places
  std::string unplaced;    // edges at a place the letter does not cite the paper, and the reverse
  std::string named_twice;
  std::set<std::string> keys;
  for (const auto& [key, at] : printed.places) keys.insert(key);
  for (const auto& [key, at] : curated) keys.insert(key);
  for (const std::string& key : keys) {
    static const std::map<Place, int> kNone;
    const auto in_letter = printed.places.find(key);
    const auto& letter = in_letter == printed.places.end() ? kNone : in_letter->second;
    const auto& edges = curated[key];
    int edge_count = 0;
    for (const auto& [place, n] : edges) {
      edge_count += n;
      if (n > 1) repeated += key + " at " + show(place) + ": " + std::to_string(n) + " edges\n";
      if (!letter.count(place)) unplaced += key + " at " + show(place) + ": not in the letter\n";
    }
    for (const auto& [place, n] : letter) {
      if (!edges.count(place)) unplaced += key + " at " + show(place) + ": no edge\n";
      if (n > 1) named_twice += " " + key + " (" + show(place) + ")";
    }
    if (edge_count != static_cast<int>(letter.size()))
      miscounted += key + ": letter " + std::to_string(letter.size()) + " places, " +
                    std::to_string(edge_count) + " edges\n";
  }
  MESSAGE("letter: " << places << " citing places of " << printed.places.size() << " papers ("
                     << printed.occurrences << " references); named twice in one place:"
                     << (named_twice.empty() ? " none" : named_twice));
  CHECK(repeated == "");
  CHECK(miscounted == "");
  CHECK(unplaced == "");
}

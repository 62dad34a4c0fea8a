// Tests for graph/src/ingest/candidates.cpp: what counts as a candidate new entity, how it is
// counted and where it was first seen.
#include <doctest/doctest.h>

#include "ingest/candidates.h"

namespace kg::ingest {
namespace {

Span body(std::string text, std::string section = "Inleiding") {
  Span s;
  s.text = std::move(text);
  s.pages = {{0, 3}};
  s.section = std::move(section);
  return s;
}

// "text/kind/count/papers" per candidate, in the list's order.
std::string render(const std::vector<Candidate>& list) {
  std::string out;
  for (const Candidate& c : list) {
    if (!out.empty()) out += "; ";
    out += c.text + "/" + (c.acronym ? "A" : "N") + "/" + std::to_string(c.count) + "/" +
           std::to_string(c.papers);
  }
  return out;
}

std::vector<Candidate> candidates_of(const std::vector<std::string>& texts, std::size_t min = 1) {
  static const MentionIndex none;
  CandidateList list;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const Span s = body(texts[i]);
    list.add(s, split_words(s.text), {}, none, "kst-1-" + std::to_string(i));
  }
  return list.sorted(min);
}

TEST_CASE("Candidates: runs of capitalised words with name particles inside") {
  CHECK(render(candidates_of({"Het advies van de Raad van State kwam laat."})) ==
        "Raad van State/N/1/1");
  CHECK(
      render(candidates_of({"Wij spraken met de Minister van Buitenlandse Zaken over de zaak."})) ==
      "Minister van Buitenlandse Zaken/N/1/1");
  // A particle at the end of a run is not part of the name.
  CHECK(render(candidates_of({"zoals Frankrijk van oudsher doet"})) == "Frankrijk/N/1/1");
}

TEST_CASE("Candidates: a single capitalised word that opens a sentence is no candidate") {
  CHECK(render(candidates_of({"Dreigingen nemen toe. Ook hier."})) == "");
  CHECK(render(candidates_of({"De Wereldbank helpt."})) == "Wereldbank/N/1/1");
}

TEST_CASE("Candidates: acronyms, but not Roman numerals or shouted small words") {
  CHECK(render(candidates_of({"de rol van UNDP en de OVSE, Kamerstukken II en VAN"})) ==
        "OVSE/A/1/1; UNDP/A/1/1");
}

TEST_CASE("Candidates: shouted headings, months, formulas and adjectives of place are left out") {
  CHECK(render(candidates_of({"MEMORIE VAN TOELICHTING over de NAVO"})) == "NAVO/A/1/1");
  CHECK(render(candidates_of({"op 3 Maart en in Juli, Alzoo Wij"})) == "");
  CHECK(render(candidates_of({"de Nederlandse en Russische inzet met der Staten-Generaal"})) ==
        "Staten-Generaal/N/1/1");
}

TEST_CASE("Candidates: counted over papers, most frequent first, below the minimum left out") {
  const auto list = candidates_of({"met UNDP en UNDP", "met UNDP en Interpol", "en Europol"}, 2);
  CHECK(render(list) == "UNDP/A/3/2");
  REQUIRE(list.size() == 1);
  CHECK(list[0].first_paper == "kst-1-0");
  CHECK(list[0].first_locator == "§ Inleiding, p. 3");
}

TEST_CASE("Candidates: words a mention took are known") {
  static const MentionIndex none;
  CandidateList list;
  const Span s = body("met de Verenigde Naties");
  const std::vector<Word> words = split_words(s.text);
  list.add(s, words, {Mention{0, 0, words[2].begin, 2}}, none, "kst-1-1");
  CHECK(render(list.sorted(1)) == "");
}

}  // namespace
}  // namespace kg::ingest

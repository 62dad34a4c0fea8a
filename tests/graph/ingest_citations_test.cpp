// References to other papers: every citation form of DESIGN.md §9 and every non-citation, one
// row each, as the keys and names the extractor gives.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "ingest/citations.h"

namespace {

using kg::ingest::Identity;

Identity own_paper() {
  Identity id;
  id.key = "kst-36100-V-15";
  id.house = "Tweede Kamer";
  id.session = "2020-2021";
  id.dossier = "36 100 V";
  id.suffix = "V";
  id.nr = "15";
  return id;
}

// The cited keys in `text`, in order, joined by spaces.
std::string keys(const std::string& text, const Identity& self = own_paper()) {
  const auto layout = kg::ingest::read_layout(text);
  std::string out;
  for (const auto& c : kg::ingest::find_citations(layout, self)) {
    if (!out.empty()) out += ' ';
    out += c.key;
  }
  return out;
}

std::string names(const std::string& text) {
  const auto layout = kg::ingest::read_layout(text);
  std::string out;
  for (const auto& c : kg::ingest::find_citations(layout, own_paper())) {
    if (!out.empty()) out += " | ";
    out += c.name;
  }
  return out;
}

}  // namespace

TEST_CASE("Citations: the forms papers use") {
  struct Row {
    const char* text;
    const char* keys;
  };
  const Row rows[] = {
      {"Zie Kamerstuk 22 800 X, nr. 54.", "kst-22800-X-54"},
      {"(Kamerstukken II 1991/92, 22 300 IX, nr. 24)", "kst-22300-IX-24"},
      {"zie 15 441, nrs. 24 en 25.", "kst-15441-24 kst-15441-25"},
      {"zie 15 441, nrs. 3, 4 en 7.", "kst-15441-3 kst-15441-4 kst-15441-7"},
      {"zoals in stuk nr. 12 staat", "kst-36100-V-12"},
      {"zoals in Stuk nr. 12 staat", "kst-36100-V-12"},
      {"(Bijlage bij Kamerstuk 34 700, nr. 34)", "kst-34700-34"},
      {"(Handelingen II 2019/20, nr. 23, items 4 en 7)", "h-tk-20192020-23-4 h-tk-20192020-23-7"},
      {"(Handelingen II 2019/20, nr. 24, item 24)", "h-tk-20192020-24-24"},
      {"Handelingen II 1985/86, blz. 2345", "h-tk-19851986-p2345"},
      {"Handelingen I 1985/86, blz. 12", "h-ek-19851986-p12"},
      {"Handelingen II 1999/2000, nr. 8", "h-tk-19992000-8"},
      {"Kamerstukken 33 694 en 26 643, nr. 47.", "kst-33694-47"},
      {"(Kamerstuk 35 300 V, nr. 14)", "kst-35300-V-14"},
      {"de eerdere Kamerstuk 21501-02, nr. 123 gaf", "kst-21501-02-123"},
      {"Kamerstuk 21 501-02, nr. 123", "kst-21501-02-123"},
      {"(Kamerstuk 30 821, nr. 72), (Kamerstuk 30 821,\nnr. 81)", "kst-30821-72 kst-30821-81"},
      {"(Kamerstuk 30 821, nr. 72 en 35 207, nr. 1)", "kst-30821-72 kst-35207-1"},
      {"(Kamerstukken ll 1989/90, 21 300 X, nr. 37)", "kst-21300-X-37"},
      {"Kamerstuk 15 000, n°. 3", "kst-15000-3"},
      {"Kamerstuk 15 000, nr.9", "kst-15000-9"},
      {"Kamerstuk 15 000 nr 9", "kst-15000-9"},
      {"(Tweede Kamer, zitting 1979-1980, 15649, nr. 18)", "kst-15649-18"},
      {"(21 300, VI en VII, nr. 23)", "kst-21300-VI-23"},
      {"Kamerstuk 15 300 hoofdstuk XIV, nr. 13", "kst-15300-XIV-13"},
      {"Kamerstuk 22 855 (R 1451), nr. 3", "kst-22855-3"},
      {"nota (Kamerstuk 20 100, nr. 22a)", "kst-20100-22a"},
      {"zie 13 000, nrs. 1-3.", "kst-13000-1 kst-13000-2 kst-13000-3"},
      {"Aanhangsel Handelingen 1975-1976, nr. 1384", "ah-tk-19751976-1384"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.text);
    CHECK(keys(r.text) == r.keys);
  }
}

TEST_CASE("Citations: a reference broken over a line or a page") {
  CHECK(keys("zoals in Kamerstuk\n22 800 X, nr. 54 staat\n\n") == "kst-22800-X-54");
  CHECK(keys(" zoals in Kamerstuk 22 800 X,\n nr. 54 staat\n\n") == "kst-22800-X-54");
  CHECK(keys("(Handelingen II 2019/20,\nnr. 23, items 4 en 7)\n\n") ==
        "h-tk-20192020-23-4 h-tk-20192020-23-7");
}

TEST_CASE("Citations: what is not a citation") {
  const char* rows[] = {
      "Staatsblad 2019, nr. 77",
      "(Stb. 1927, No. 259)",
      "Tractatenblad 1990, nr. 12",
      "Trb. 1990, nr. 12",
      "Staatscourant 2001, nr. 45",
      "Stcrt. 2001, nr. 45",
      "resolutie 1325 van de VN",
      "resolutie 2019, nr. 5",
      "bij brief van 18 november 1927, nr. 120",
      "de wet van 2 mei 1990, nr. 5",
      "zie nr. 12 van de lijst",
      "op bladzijde 12 staat 3 500 euro",
      "in 2019 en 2020 werd 22 800 euro besteed",
      "Kamerstuk 36 100 V, nr. 15",  // the paper itself
      "(De vroegere stukken zijn gedrukt onder n°. 385 der Zitting 1913-1914.)",
  };
  for (const char* r : rows) {
    CAPTURE(r);
    CHECK(keys(r) == "");
  }
}

TEST_CASE("Citations: the paper's own header and footer are left out") {
  Identity self;
  self.key = "kst-15120-9";
  self.dossier = "15 120";
  const char* text =
      "Tweede Kamer der Staten-Generaal\n2\nZitting 1979-1980\n15 120\nTitel\nNr.9\nMOTIE VAN HET "
      "LID X\nDe Kamer, gezien 15 120, nr. 4, en Kamerstuk 15 000, nr. 3.\nTweede Kamer, zitting "
      "1979-1980, 15 120, nr. 9\n";
  CHECK(keys(text, self) == "kst-15120-4 kst-15000-3");
}

TEST_CASE("Citations: stuk nr. without an own dossier is nothing") {
  CHECK(keys("zie stuk nr. 12", Identity{}) == "");
}

TEST_CASE("Citations: names in the curated form") {
  CHECK(names("(Kamerstukken II 1991/92, 22 300 IX, nr. 24) en Handelingen II 2019/20, nr. 23, "
              "item 4 en Handelingen II 1985/86, blz. 2345") ==
        "Kamerstuk 22 300 IX, nr. 24 | Handelingen II 2019/20, nr. 23, item 4 | Handelingen II "
        "1985/86, blz. 2345");
}

TEST_CASE("Citations: place in the span and locator") {
  const auto layout = kg::ingest::read_layout(
      " Eerst.\n\nContext\n\nHet plan (Kamerstuk 31 200, nr. 4) telt.\n");
  const auto cites = kg::ingest::find_citations(layout, Identity{});
  REQUIRE(cites.size() == 1);
  const auto& span = layout.spans[cites[0].span];
  CHECK(span.text.substr(cites[0].offset, 9) == "Kamerstuk");
  CHECK(kg::ingest::locator(span, cites[0].offset) == "§ Context, p. 1");
  CHECK(cites[0].dossier == "31 200");
  CHECK(cites[0].nr == "4");
}

TEST_CASE("Citations: the fixture letter") {
  std::ifstream in(std::string(KG_FIXTURES) + "/ingest/modern-letter.txt");
  REQUIRE(in);
  std::stringstream s;
  s << in.rdbuf();
  const auto layout = kg::ingest::read_layout(s.str());
  std::string out;
  for (const auto& c : kg::ingest::find_citations(layout, own_paper())) {
    out += c.key + " @ " + kg::ingest::locator(layout.spans[c.span], c.offset) + "\n";
  }
  CHECK(out ==
        "kst-31200-4 @ p. 1\n"
        "kst-30100-8 @ p. 1, vn. 1\n"
        "kst-31200-12 @ § Ontwikkelingen in de regio, p. 1, vn. 2\n"
        "kst-36100-V-9 @ § Uitgelicht: Samenwerking met partners, p. 2\n"
        "h-tk-20182019-40-3 @ § Ontwikkelingen in de regio, p. 2, vn. 3\n"
        "h-tk-20182019-40-5 @ § Ontwikkelingen in de regio, p. 2, vn. 3\n");
}

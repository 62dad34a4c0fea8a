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
      {"(Kamerstukken II 1990/91, 22 300 IX, nr. 19)", "kst-22300-IX-19"},
      {"zie 15 441, nrs. 24 en 25.", "kst-15441-24 kst-15441-25"},
      {"zie 15 441, nrs. 3, 4 en 7.", "kst-15441-3 kst-15441-4 kst-15441-7"},
      {"zoals in stuk nr. 12 staat", "kst-36100-V-12"},
      {"zoals in Stuk nr. 12 staat", "kst-36100-V-12"},
      {"(Bijlage bij Kamerstuk 34 700, nr. 34)", "kst-34700-34"},
      {"(Handelingen II 2018/19, nr. 31, items 2 en 9)", "h-tk-20182019-31-2 h-tk-20182019-31-9"},
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
    const std::string text = r.text;
    CAPTURE(text);
    CHECK(keys(r.text) == r.keys);
  }
}

TEST_CASE("Citations: a reference broken over a line or a page") {
  CHECK(keys("zoals in Kamerstuk\n22 800 X, nr. 54 staat\n\n") == "kst-22800-X-54");
  CHECK(keys(" zoals in Kamerstuk 22 800 X,\n nr. 54 staat\n\n") == "kst-22800-X-54");
  CHECK(keys("(Handelingen II 2018/19,\nnr. 31, items 2 en 9)\n\n") ==
        "h-tk-20182019-31-2 h-tk-20182019-31-9");
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
      "in het blad Distrifood 1985 nr. 25",
      "(arrest in N.J. 1947, no. 605)",
      "(Staatsblad 1905, n°. 145 en 1903, n°. 172)",
      "een besluit van 17 Sept. 1890 n°. 23.",
      "stond toen onder no. 34 op de lijst",
      "de stukken over de nrs. 7190, 7196 en 7200",
      "(Kamerstukken 1892-1893 - 130, no. 3)",
      "(Staatsblad van Indonesië 1949, no. 384)",
  };
  for (const char* r : rows) {
    const std::string text = r;
    CAPTURE(text);
    CHECK(keys(text) == "");
  }
  // A 1914 paper has no dossier: its "onder n°. 385" points into the old per-session numbering.
  CHECK(keys("(Eerdere stukken staan onder n°. 412 der Zitting 1911-1912.)", Identity{}) == "");
}

TEST_CASE("Citations: numbers of the own dossier without the word stuk") {
  CHECK(keys("IN DE PLAATS VAN HET AMENDEMENT GEDRUKT ONDER NR. 24") == "kst-36100-V-24");
  CHECK(keys("onder de EK nrs. 179, 179a en de nrs. 79 en 79a") ==
        "kst-36100-V-179 kst-36100-V-179a kst-36100-V-79 kst-36100-V-79a");
  CHECK(keys("zie ook de stukken 11 en 16") == "kst-36100-V-11 kst-36100-V-16");
  CHECK(keys("(STUK NR. 84A)") == "kst-36100-V-84a");
  CHECK(keys("zie Kamerstuk 27001 nr. 4, nr. 58 en nr. 61") ==
        "kst-27001-4 kst-27001-58 kst-27001-61");
  SUBCASE("a dossier the sentence names takes the bare number") {
    CHECK(keys("in wetsvoorstel 19 584 over een wijziging (stuk nr. 65a).") == "kst-19584-65a");
    CHECK(keys("bij wetsvoorstel 16 631 stelden enkele leden dit voor (nr. 31).") ==
          "kst-16631-31");
    CHECK(keys("over wetsontwerp 8302 (Zitting 1966-1967, nr. 4)") == "kst-8302-4");
    CHECK(keys("Het wetsvoorstel 16 631 is klaar. Zie (nr. 31).") == "");
  }
}

TEST_CASE("Citations: lists of Handelingen pages and bracketed numbers") {
  CHECK(keys("Handelingen II 1978/1979, blz. 4410-4421; 4502-4510, 4600-4611;") ==
        "h-tk-19781979-p4410 h-tk-19781979-p4502 h-tk-19781979-p4600");
  CHECK(keys("Handelingen I 1975/1976, blz. 210-215. 1977/1978, blz. 980-991; 1003 1010") ==
        "h-ek-19751976-p210 h-ek-19771978-p980 h-ek-19771978-p1003");
  CHECK(keys("kamerstukken I 1975/1976, 13001 (40, 51. 51a,); 1977/1978, 13001 (90, 90a)") ==
        "kst-13001-40 kst-13001-51 kst-13001-51a kst-13001-90 kst-13001-90a");
  CHECK(keys("Kamerstukken I 1979/1980, 15884 (R 1130) (5, 5a)") == "kst-15884-5 kst-15884-5a");
  CHECK(keys("Handelingen dezer Kamer, zitting 1976-1977, blz. 1834") == "h-tk-19761977-p1834");
  CHECK(keys("(Handelingen, zitting 1950-1951, blz. 1048)") == "h-tk-19501951-p1048");
  CHECK(keys("(Tweede Kamer, zitting 1971-1972, Aanhangsel par. 512, nr. 207)") ==
        "ah-tk-19711972-207");
  CHECK(keys("(Zie ookAanhangsel Handelingen, zit-ting 1976-1977, nr. 14)") == "ah-tk-19761977-14");
  CHECK(keys("Handelingen zitting 1977-1978, nrs. 1101 en 1420") ==
        "ah-tk-19771978-1101 ah-tk-19771978-1420");
  CHECK(keys("(17 100-XV, nr. 18); (4900, hoofdstuk IX B, nr. 14)") ==
        "kst-17100-XV-18 kst-4900-IXB-14");
  CHECK(keys("de Tractatenbladen 1957, nrs. 1 en 2; Traclatenhlad 1957, nr. 232") == "");
}

TEST_CASE("Citations: the paper's own header and footer are left out") {
  Identity self;
  self.key = "kst-26120-9";
  self.dossier = "26 120";
  const char* text =
      "Tweede Kamer der Staten-Generaal\n2\nZitting 1999-2000\n26 120\nTitel\nNr.9\nMOTIE VAN HET "
      "LID X\nDe Kamer, gezien 26 120, nr. 4, en Kamerstuk 26 000, nr. 3.\nTweede Kamer, zitting "
      "1999-2000, 26 120, nr. 9\n";
  CHECK(keys(text, self) == "kst-26120-4 kst-26000-3");
}

TEST_CASE("Citations: stuk nr. without an own dossier is nothing") {
  CHECK(keys("zie stuk nr. 12", Identity{}) == "");
}

TEST_CASE("Citations: names in the curated form") {
  CHECK(names("(Kamerstukken II 1990/91, 22 300 IX, nr. 19) en Handelingen II 2018/19, nr. 31, "
              "item 2 en Handelingen II 1985/86, blz. 2345") ==
        "Kamerstuk 22 300 IX, nr. 19 | Handelingen II 2018/19, nr. 31, item 2 | Handelingen II "
        "1985/86, blz. 2345");
}

TEST_CASE("Citations: place in the span and locator") {
  const auto layout =
      kg::ingest::read_layout(" Eerst.\n\nContext\n\nHet plan (Kamerstuk 31 200, nr. 4) telt.\n");
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

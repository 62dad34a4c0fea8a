// Layout of a paper's text: spans, pages, headings, footnotes, joined hyphenation and locators,
// on small fixtures shaped like a PDF text layer and like OCR (tests/fixtures/ingest/).
#include <doctest/doctest.h>

#include "ingest/layout.h"
#include "support/test_graph.h"

namespace {

using kg::ingest::Layout;
using kg::ingest::Span;
using kg::ingest::SpanKind;

std::string fixture(const std::string& name) {
  return kg::test::fixture_text("ingest/" + name);
}

// One line per span: kind letter, first line, locator at offset 0, text.
std::string render(const Layout& layout) {
  std::string out;
  for (const Span& s : layout.spans) {
    const char* k = s.kind == SpanKind::kBody       ? "B"
                    : s.kind == SpanKind::kFootnote ? "F"
                    : s.kind == SpanKind::kHeading  ? "H"
                                                    : "X";
    out += std::string(k) + " " + std::to_string(s.first_line) + " [" + kg::ingest::locator(s, 0) +
           "] " + s.text + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("Layout: a PDF text layer with pages, headings and footnotes") {
  const Layout layout = kg::ingest::read_layout(fixture("modern-letter.txt"));
  CHECK(layout.pages == 3);
  CHECK(layout.header_lines == 0);
  CHECK(
      render(layout) ==
      "B 1 [p. 1] De regering stuurt uw Kamer hierbij een korte stand van zaken over de "
      "samenwerking met bondgenoten (Kamerstuk 31 200, nr. 4), zoals eerder toegezegd in het "
      "debat over de Noord-Atlantische verdragsorganisatie. De strategie (NSV)1 blijft het kader.\n"
      "H 6 [§ Ontwikkelingen in de regio, p. 1] Ontwikkelingen in de regio\n"
      "B 8 [§ Ontwikkelingen in de regio, p. 1] De spanningen aan de oostgrens namen het "
      "afgelopen jaar verder toe en de regering volgt die nauwlettend2.\n"
      "F 11 [p. 1, vn. 1] Kamerstuk 30 100, nr. 8.\n"
      "F 12 [§ Ontwikkelingen in de regio, p. 1, vn. 2] Zie ook Kamerstukken 31 200 en 28 300, "
      "nr. 12.\n"
      "B 13 [§ Ontwikkelingen in de regio, p. 2] Daarnaast werkt de regering aan een nieuwe "
      "BHOS-nota die dit jaar verschijnt3.\n"
      "H 16 [§ Uitgelicht: Samenwerking met partners, p. 2] Uitgelicht: Samenwerking met partners\n"
      "B 19 [§ Uitgelicht: Samenwerking met partners, p. 2] In 2019 is de inzet verbreed4, mede "
      "naar aanleiding van de motie (stuk nr. 9).\n"
      "F 22 [§ Ontwikkelingen in de regio, p. 2, vn. 3] Handelingen II 2018/19, nr. 40, items 3 "
      "en 5.\n"
      "F 23 [§ Uitgelicht: Samenwerking met partners, p. 2, vn. 4] Staatsblad 2019, nr. 77; "
      "resolutie 1325 van de VN.\n"
      "B 24 [§ Uitgelicht: Samenwerking met partners, p. 3] De Minister van Buitenlandse Zaken, "
      "A.B. Voorbeeld\n");
}

TEST_CASE("Layout: an OCR text has one page, its header and footer are furniture") {
  const Layout layout = kg::ingest::read_layout(fixture("ocr-motie.txt"));
  CHECK(layout.pages == 1);
  CHECK(layout.header_lines == 7);
  CHECK(render(layout) ==
        "X 1 [p. 1] Tweede Kamer der Staten-Generaal\n"
        "X 2 [p. 1] 2\n"
        "X 3 [p. 1] Zitting 1999-2000\n"
        "X 4 [p. 1] 26 120\n"
        "X 5 [p. 1] Onderwerp van een verzonnen wetsvoorstel\n"
        "X 6 [p. 1] Nr.9\n"
        "X 7 [p. 1] MOTIE VAN HET LID JANSEN C.S. Voorgesteld 4 december 1999\n"
        "B 8 [p. 1] De Kamer, na beraad, constaterende, dat de regering in n°. 6 van dit dossier "
        "en in Kamerstuk 26 000, n°.3 geen antwoord gaf, vraagt de regering, de Kamer voor 1 juli "
        "te informeren, en zet de vergadering voort.\n"
        "B 13 [p. 1] Jansen\n"
        "X 14 [p. 1] Tweede Kamer, zitting 1999-2000,26 120, nr. 9\n");
}

TEST_CASE("Layout: hyphens at line ends") {
  auto joined = [](const std::string& text) {
    const Layout l = kg::ingest::read_layout(text);
    REQUIRE(l.spans.size() == 1);
    return l.spans[0].text;
  };
  SUBCASE("a word broken over two lines is joined") {
    CHECK(joined("de strate-\ngische doelen\n\n") == "de strategische doelen");
  }
  SUBCASE("a real hyphen before a capital stays") {
    CHECK(joined("de Noord-\nAtlantische raad\n\n") == "de Noord-Atlantische raad");
  }
  SUBCASE("a hyphen after an acronym stays") {
    CHECK(joined("een BHOS-\nnota van dit jaar\n\n") == "een BHOS-nota van dit jaar");
  }
  SUBCASE("niet- and the like keep their hyphen") {
    CHECK(joined("de niet-\nstatelijke actoren\n\n") == "de niet-statelijke actoren");
  }
  SUBCASE("a hyphen the text prints inline elsewhere is kept") {
    CHECK(joined("een mid-\nterm review en nog een mid-term review\n\n") ==
          "een mid-term review en nog een mid-term review");
  }
  SUBCASE("a hyphen before en keeps its space") {
    CHECK(joined("buitenland-\nen veiligheid\n\n") == "buitenland- en veiligheid");
  }
}

TEST_CASE("Layout: a page break inside a paragraph keeps one span with two pages") {
  const Layout l = kg::ingest::read_layout(" Het kabinet zet in op\n de samenwerking.\n\nNieuw.\n");
  REQUIRE(l.spans.size() == 2);
  CHECK(l.spans[0].text == "Het kabinet zet in op de samenwerking.");
  CHECK(kg::ingest::page_at(l.spans[0], 0) == 1);
  CHECK(kg::ingest::page_at(l.spans[0], 25) == 2);
  CHECK(kg::ingest::locator(l.spans[0], 25) == "p. 2");
  CHECK(l.pages == 2);
}

TEST_CASE("Layout: numbered paragraphs") {
  const Layout l = kg::ingest::read_layout(
      "Inleiding\n\n2.1 De regering kiest een koers.\n\nDaarbij blijft het.\n\n3. Een nieuw "
      "punt.\n");
  REQUIRE(l.spans.size() == 4);
  CHECK(kg::ingest::locator(l.spans[1], 0) == "§ Inleiding, p. 1, par. 2.1");
  CHECK(kg::ingest::locator(l.spans[2], 0) == "§ Inleiding, p. 1, par. 2.1");
  CHECK(kg::ingest::locator(l.spans[3], 0) == "§ Inleiding, p. 1, par. 3");
}

TEST_CASE("Layout: a box set narrower than the text ends where full-width text resumes") {
  const std::string wide =
      "De regering werkt met de partners in de regio aan een gezamenlijke aanpak\n"
      "van de grensbewaking en wil daarvoor de komende jaren meer middelen vrij\n"
      "maken, zodat de inzet van de diensten beter op elkaar is afgestemd dan in\n"
      "de afgelopen periode het geval was bij de uitvoering van de plannen hier.\n";
  const std::string narrow =
      "In het kader staat een voorbeeld van een project\n"
      "dat in twee provincies is gestart en dat volgend\n"
      "jaar landelijk wordt uitgerold als het de eerste\n"
      "evaluatie doorstaat; de resultaten volgen dan.\n";
  const Layout l = kg::ingest::read_layout("Context\n\n" + wide + "\nUitgelicht: Een proef\n\n" +
                                           narrow + "\n" + wide + "\n" + wide);
  REQUIRE(l.spans.size() == 6);
  CHECK(l.spans[3].section == "Uitgelicht: Een proef");
  CHECK(l.spans[4].section == "Context");
  CHECK(l.spans[5].section == "Context");
}

TEST_CASE("Layout: a line that starts with a number is a footnote only after its mark") {
  const Layout l = kg::ingest::read_layout(
      "In het jaar\n2018 gebeurde veel.\n\n1 Geen voetnoot zonder teken.\n");
  for (const Span& s : l.spans) CHECK(s.kind != SpanKind::kFootnote);
}

TEST_CASE("Layout: any bytes are safe") {
  for (const char* text :
       {"", "\n", " ", "\n\n\n", " \n \n", "1", "1 \n", "\xC2", "-\n-\n", "x1\n1 y\n",
        "Tweede Kamer der Staten-Generaal\n", "\f\f\n\f", "a-\n\n-b"}) {
    const Layout l = kg::ingest::read_layout(text);
    for (const Span& s : l.spans) CHECK(!kg::ingest::locator(s, s.text.size()).empty());
  }
}

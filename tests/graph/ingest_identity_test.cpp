// Identity of a paper from its header, footer or file name, on fixtures shaped like OCR'd
// papers and like a modern PDF text layer (tests/fixtures/ingest/).
#include <doctest/doctest.h>

#include "ingest/identity.h"
#include "support/test_graph.h"

namespace {

kg::ingest::Identity identity_of(const std::string& text, const std::string& origin) {
  return kg::ingest::read_identity(kg::ingest::read_layout(text), origin);
}

std::string fixture(const std::string& name) {
  return kg::test::fixture_text("ingest/" + name);
}

std::string render(const kg::ingest::Identity& id) {
  std::string out = id.key + " | " + id.house + " | " + id.session + " | " + id.dossier + " | " +
                    id.suffix + " | " + id.nr + " | " + id.kind + " | " + id.date + " | " +
                    id.title + " |";
  for (const std::string& a : id.authors) out += " " + a + ";";
  return out + " header " + std::to_string(id.header_lines);
}

}  // namespace

TEST_CASE("Identity: an OCR'd letter with a header, two ministers and a footer") {
  CHECK(render(identity_of(fixture("ocr-brief.txt"), "https://example.org/1/ocr")) ==
        "kst-30900-X-41 | Tweede Kamer | 2005-2006 | 30 900 X | X | 41 | brief | 2006-03-12 | "
        "Begroting van het ministerie voor het jaar 2006 | Minister van Defensie; Minister van "
        "Buitenlandse Zaken; header 7");
}

TEST_CASE("Identity: an OCR'd motion, Zitting and Nr.9 without a space") {
  CHECK(render(identity_of(fixture("ocr-motie.txt"), "x")) ==
        "kst-26120-9 | Tweede Kamer | 1999-2000 | 26 120 |  | 9 | motie | 1999-12-04 | "
        "Onderwerp van een verzonnen wetsvoorstel | header 7");
}

TEST_CASE("Identity: a text without a header takes its key from the file name") {
  SUBCASE("plain") {
    CHECK(render(identity_of(fixture("modern-letter.txt"), "/tmp/kst-33694-57.txt")) ==
          "kst-33694-57 |  |  | 33 694 |  | 57 |  |  |  | header 0");
  }
  SUBCASE("with a suffix, in any case") {
    CHECK(render(identity_of("Tekst.\n", "kst-35300-v-14.txt")) ==
          "kst-35300-V-14 |  |  | 35 300 V | V | 14 |  |  |  | header 0");
  }
  SUBCASE("a name that is no key") {
    CHECK(identity_of("Tekst.\n", "brief-2020.txt").key.empty());
    CHECK(identity_of("Tekst.\n", "kst-abc-1.txt").key.empty());
  }
}

TEST_CASE("Identity: header variants") {
  SUBCASE("dossier with a digit suffix, Eerste Kamer, number with a letter") {
    const auto id = identity_of(
        "Eerste Kamer der Staten-Generaal\n1\nVergaderjaar 2001-2002 Nr. 12b\n21 501-02\nEen "
        "titel\nMEMORIE VAN ANTWOORD Ontvangen 3 maart 2002\nTekst.\n",
        "x");
    CHECK(id.key == "kst-21501-02-12b");
    CHECK(id.house == "Eerste Kamer");
    CHECK(id.dossier == "21 501-02");
    CHECK(id.kind == "memorie van antwoord");
    CHECK(id.date == "2002-03-03");
  }
  SUBCASE("an older header with the dossier on the session line and the number after the kind") {
    const auto id = identity_of(
        "ZITTING 1958\xE2\x80\x94"
        "1959 \xE2\x80\x94 5399\nEen titel\nNOTA NAAR AANLEIDING VAN HET "
        "VERSLAG\nNr. 5\nTekst.\n",
        "x");
    CHECK(id.key == "kst-5399-5");
    CHECK(id.house.empty());
    CHECK(id.session == "1958-1959");
    CHECK(id.kind == "nota naar aanleiding van het verslag");
  }
  SUBCASE("a Rijkswet number is not a suffix; the footer adds a chapter the header omits") {
    const auto id = identity_of(
        "Tweede Kamer der Staten-Generaal\n2\nZitting 2002-2003\n28 700 (R 1200)\nTitel\nNr. 4\n"
        "VERSLAG\nTekst.\nTweede Kamer, zitting 2002-2003, 28 700 hoofdstuk IV, nr. 4\n",
        "x");
    CHECK(id.key == "kst-28700-IV-4");
  }
  SUBCASE("questions in the Aanhangsel have no dossier") {
    const auto id = identity_of(
        "Tweede Kamer der Staten-Generaal\n2\nZitting 1998-1999\nAanhangsel van de Handelingen\n"
        "Vragen en antwoorden\n1075\nVragen van het lid X over iets.\n",
        "x");
    CHECK(id.key.empty());
    CHECK(id.dossier.empty());
    CHECK(id.kind == "vragen");
    CHECK(id.session == "1998-1999");
  }
  SUBCASE("a 19th-century paper is unidentified") {
    const auto id = identity_of("Bijlagen.\n[390.\n1-3.]\nTweede Kamer.\nOnteigening.\n", "x");
    CHECK(id.key.empty());
    CHECK(id.house == "Tweede Kamer");
  }
}

TEST_CASE("Identity: authors from the kind line") {
  auto authors = [](const std::string& kind_line) {
    const auto id = identity_of(
        "Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 2003-2004\n"
        "29 001\nTitel\nNr. 3\n" +
            kind_line + "\nTekst.\n",
        "x");
    std::string out = id.kind + ":";
    for (const std::string& a : id.authors) out += " " + a + ";";
    return out;
  };
  CHECK(authors("BRIEF VAN DE MINISTER VAN FINANCI\xC3\x8BN") ==
        "brief: Minister van Financi\xC3\xABn;");
  CHECK(authors("BRIEF VAN DE STAATSSECRETARIS VAN KUNST, SPORT EN VRIJE TIJD EN DE MINISTER VAN "
                "ONDERWIJS") ==
        "brief: Staatssecretaris van Kunst, Sport en Vrije Tijd; Minister van Onderwijs;");
  CHECK(authors("MOTIE VAN HET LID JANSEN") == "motie:");
}

TEST_CASE("Identity: key helpers") {
  CHECK(kg::ingest::kamerstuk_key("22800", "x", "59") == "kst-22800-X-59");
  CHECK(kg::ingest::kamerstuk_key("21501", "02", "123") == "kst-21501-02-123");
  CHECK(kg::ingest::dossier_display("22800", "X") == "22 800 X");
  CHECK(kg::ingest::dossier_display("21501", "02") == "21 501-02");
  CHECK(kg::ingest::dossier_display("5312", "") == "5312");
}

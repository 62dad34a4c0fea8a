// Tests for graph/src/csv_reader.h: RFC 4180 edge cases and the problems it reports.
#include "csv_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

// Renders a parse as "line: f1|f2 ; line: ..." plus problems, for one-string comparisons.
std::string parse(std::string_view text) {
  std::vector<kg::Status> problems;
  kg::CsvTable t = kg::parse_csv(text, "f.csv", problems);
  std::string out;
  for (std::size_t i = 0; i < t.header.size(); ++i) out += (i ? "|" : "") + t.header[i];
  for (const kg::CsvRow& r : t.rows) {
    out += " ; " + std::to_string(r.line) + ": ";
    for (std::size_t i = 0; i < r.fields.size(); ++i) out += (i ? "|" : "") + r.fields[i];
  }
  for (const kg::Status& s : problems) out += " !! " + s.to_string();
  return out;
}

}  // namespace

TEST_CASE("CsvReader: accepts the RFC 4180 forms") {
  struct Case {
    const char* name;
    std::string in, out;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"plain", "a,b\n1,2\n", "a|b ; 2: 1|2"},
           {"no final newline", "a,b\n1,2", "a|b ; 2: 1|2"},
           {"CRLF", "a,b\r\n1,2\r\n", "a|b ; 2: 1|2"},
           {"BOM",
            "\xEF\xBB\xBF"
            "a,b\n1,2\n",
            "a|b ; 2: 1|2"},
           {"quoted comma", "a,b\n\"x, y\",2\n", "a|b ; 2: x, y|2"},
           {"doubled quote", "a,b\n\"say \"\"hi\"\"\",2\n", "a|b ; 2: say \"hi\"|2"},
           {"newline in quotes", "a,b\n\"one\ntwo\",2\n3,4\n", "a|b ; 2: one\ntwo|2 ; 4: 3|4"},
           {"CRLF in quotes kept", "a\n\"x\r\ny\"\n", "a ; 2: x\r\ny"},
           {"empty fields", "a,b,c\n,,\n", "a|b|c ; 2: ||"},
           {"blank lines skipped", "a\n\n1\n\n", "a ; 3: 1"},
           {"empty quoted field", "a,b\n\"\",2\n", "a|b ; 2: |2"},
           {"UTF-8 kept", "naam\nCuraçao\n", "naam ; 2: Curaçao"},
       }) {
    CAPTURE(c.name);
    CHECK(parse(c.in) == c.out);
  }
}

TEST_CASE("CsvReader: reports each malformed row with its line") {
  struct Case {
    const char* name;
    std::string in, out;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"too few fields", "a,b\n1\n2,3\n",
            "a|b ; 3: 2|3 !! f.csv:2: error: expected 2 fields as in the header, found 1"},
           {"too many fields", "a,b\n1,2,3\n",
            "a|b !! f.csv:2: error: expected 2 fields as in the header, found 3"},
           {"unterminated quote", "a,b\n1,2\n\"open,3\n4,5\n",
            "a|b ; 2: 1|2 !! f.csv:3: error: unterminated quoted field"},
           {"stray quote", "a,b\nab\"c,2\n",
            "a|b !! f.csv:2: error: quote inside an unquoted field (quote the whole field and "
            "double the quote)"},
           {"text after closing quote", "a,b\n\"x\"y,2\n",
            "a|b !! f.csv:2: error: unexpected text after a closing quote"},
           {"invalid UTF-8", "a\nok\nb\xFF\n",
            "a ; 2: ok ; 3: b\xFF !! f.csv:3: error: invalid UTF-8 (byte 0xFF at column 2)"},
           {"empty file", "", " !! f.csv:1: error: empty file: a header row is required"},
       }) {
    CAPTURE(c.name);
    CHECK(parse(c.in) == c.out);
  }
}

TEST_CASE("CsvReader: a NUL byte is an error at its line and column") {
  CHECK(parse(std::string("a,b\n1,x\0y\n", 10)) ==
        "a|b ; 2: 1|x" + std::string(1, '\0') + "y !! f.csv:2: error: NUL byte at column 4");
}

TEST_CASE("CsvReader: rejected rows are kept apart, and a cut-short file says so") {
  std::vector<kg::Status> problems;
  kg::CsvTable t = kg::parse_csv("k,v\na,1,extra\nb,x\"y\nc,3\n", "f.csv", problems);
  REQUIRE(t.rejected.size() == 2);
  CHECK(t.rejected[0].line == 3);  // rows with a stray quote first, then those of a wrong width
  CHECK(t.rejected[0].fields.front() == "b");
  CHECK(t.rejected[1].line == 2);
  CHECK(t.rejected[1].fields.front() == "a");
  CHECK(t.rows.size() == 1);
  CHECK(t.complete);
  kg::CsvTable cut = kg::parse_csv("k,v\na,\"open\nb,2\n", "f.csv", problems);
  CHECK_FALSE(cut.complete);
  CHECK(cut.rows.empty());
}

TEST_CASE("CsvReader: long cells and quoted line breaks, read in runs") {
  const std::string cell(5000, 'x');
  CHECK(parse("a,b\n" + cell + ",\"1\n2\n3\"\nc,d\n") == "a|b ; 2: " + cell + "|1\n2\n3 ; 5: c|d");
  // Line numbers count the breaks inside quotes, also in a run cut short by its end.
  CHECK(parse("a\n\"x\n\ny\"z\nb\n") ==
        "a ; 5: b !! f.csv:4: error: unexpected text after a closing quote");
}

// Tests for graph/src/csv_writer.cpp, and that csv_reader reads back what it writes.
#include <doctest/doctest.h>

#include "csv_reader.h"
#include "csv_writer.h"

namespace kg {
namespace {

TEST_CASE("CsvWriter: quotes only where RFC 4180 needs it") {
  std::string out;
  append_csv_row(out, {"plain", "a,b", "say \"hi\"", "two\nlines", ""});
  CHECK(out == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\n");
}

TEST_CASE("CsvWriter: the reader reads back every field") {
  const std::vector<std::string> fields = {"Curaçao", "x,y", "\"", "a\r\nb", "§ Kop, p. 2, vn. 1"};
  std::string text;
  append_csv_row(text, {"a", "b", "c", "d", "e"});
  append_csv_row(text, fields);
  std::vector<Status> problems;
  const CsvTable table = parse_csv(text, "t.csv", problems);
  CHECK(problems.empty());
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].fields == fields);
}

}  // namespace
}  // namespace kg

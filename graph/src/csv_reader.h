// RFC 4180 CSV parsing for dataset files: quoted fields with commas, doubled quotes and line
// breaks, CRLF or LF line ends, an optional UTF-8 byte-order mark, a required header row.
// Internal to the graph library; pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kg/status.h"

namespace kg {

struct CsvRow {
  int line = 0;  // 1-based line on which the record starts
  std::vector<std::string> fields;
};

struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRow> rows;  // only rows whose field count matches the header
  // Rows left out for a problem, with the fields as far as they could be read: a checker uses
  // them only to recognise later errors that are consequences of the reported one.
  std::vector<CsvRow> rejected;
  bool complete = true;  // false when an unterminated quote ended parsing before the end
};

// Parses `text` (the contents of `file`, used only in error locations). Returns the table and
// appends one kData Status per problem to `problems`: invalid UTF-8, an unterminated quote (which
// ends parsing), a stray quote, a row whose field count differs from the header's, a missing
// header, a NUL byte. Rows with problems are left out of `rows` (and kept in `rejected`); blank
// lines are skipped.
CsvTable parse_csv(std::string_view text, const std::string& file, std::vector<Status>& problems);

}  // namespace kg

// Implementation of csv_reader.h: a single-pass state machine over the bytes of the file.
#include "csv_reader.h"

#include <fmt/format.h>

#include <algorithm>

#include "kg/text.h"

namespace kg {
namespace {

// The bytes that end a run of plain field text outside quotes.
bool special(char c) {
  return c == ',' || c == '\n' || c == '\r' || c == '"';
}

Status problem(const std::string& file, int line, std::string message) {
  return Status::error(ErrorKind::kData, std::move(message), Location{file, line});
}

void report_invalid_utf8(std::string_view text, const std::string& file,
                         std::vector<Status>& problems) {
  // The usual file has neither: two passes over the whole text rather than three per line.
  if (text.find('\0') == std::string_view::npos &&
      find_invalid_utf8(text) == std::string_view::npos)
    return;
  int line = 1;
  std::size_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t end = text.find('\n', line_start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view content = text.substr(line_start, end - line_start);
    // A NUL is valid UTF-8 but no text: it would cut a name short in C APIs and SQLite's FTS.
    if (std::size_t nul = content.find('\0'); nul != std::string_view::npos) {
      problems.push_back(problem(file, line, fmt::format("NUL byte at column {}", nul + 1)));
    }
    if (std::size_t bad = find_invalid_utf8(content); bad != std::string_view::npos) {
      problems.push_back(problem(file, line,
                                 fmt::format("invalid UTF-8 (byte 0x{:02X} at column {})",
                                             static_cast<unsigned char>(content[bad]), bad + 1)));
    }
    if (end == text.size()) break;
    line_start = end + 1;
    ++line;
  }
}

}  // namespace

CsvTable parse_csv(std::string_view text, const std::string& file, std::vector<Status>& problems) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  report_invalid_utf8(text, file, problems);

  std::vector<CsvRow> records;
  std::vector<CsvRow> bad_records;
  CsvRow current;
  std::string field;
  int line = 1;
  current.line = 1;
  bool in_quotes = false;
  bool field_was_quoted = false;
  bool row_has_content = false;
  bool row_bad = false;
  int quote_line = 0;

  auto end_field = [&] {
    current.fields.push_back(std::move(field));
    field.clear();
    field_was_quoted = false;
  };
  auto end_row = [&] {
    end_field();
    if (row_has_content) (row_bad ? bad_records : records).push_back(std::move(current));
    current = CsvRow{};
    // Most rows have the header's width: one allocation for their fields, not one per doubling.
    current.fields.reserve(records.empty() ? 8 : records.front().fields.size());
    row_has_content = false;
    row_bad = false;
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        // The run up to the next quote at once; only line breaks need counting in it.
        const std::size_t end = std::min(text.find('"', i), text.size());
        const std::string_view run = text.substr(i, end - i);
        line += static_cast<int>(std::count(run.begin(), run.end(), '\n'));
        field.append(run);
        i = end - 1;
      }
      continue;
    }
    switch (c) {
      case ',':
        end_field();
        row_has_content = true;
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF: the \n ends the row
        field.push_back(c);
        row_has_content = true;
        break;
      case '\n':
        end_row();
        ++line;
        current.line = line;
        break;
      case '"':
        if (field.empty() && !field_was_quoted) {
          in_quotes = true;
          field_was_quoted = true;
          quote_line = line;
          row_has_content = true;
        } else if (!row_bad) {
          problems.push_back(problem(file, line,
                                     field_was_quoted
                                         ? "unexpected text after a closing quote"
                                         : "quote inside an unquoted field (quote the whole field "
                                           "and double the quote)"));
          row_bad = true;
        }
        break;
      default: {
        if (field_was_quoted && !row_bad) {
          problems.push_back(problem(file, line, "unexpected text after a closing quote"));
          row_bad = true;
        }
        // Plain bytes up to the next special one are appended at once: byte by byte, long cells
        // cost most of the parse.
        std::size_t end = i + 1;
        while (end < text.size() && !special(text[end])) ++end;
        field.append(text.substr(i, end - i));
        i = end - 1;
        row_has_content = true;
      }
    }
  }
  CsvTable table;
  if (in_quotes) {
    problems.push_back(problem(file, quote_line, "unterminated quoted field"));
    row_bad = true;
    table.complete = false;
  }
  end_row();

  if (records.empty()) {
    problems.push_back(problem(file, 1, "empty file: a header row is required"));
    return table;
  }
  table.header = std::move(records.front().fields);
  for (CsvRow& row : bad_records) table.rejected.push_back(std::move(row));
  for (std::size_t r = 1; r < records.size(); ++r) {
    CsvRow& row = records[r];
    if (row.fields.size() != table.header.size()) {
      problems.push_back(problem(file, row.line,
                                 fmt::format("expected {} fields as in the header, found {}",
                                             table.header.size(), row.fields.size())));
      table.rejected.push_back(std::move(row));
      continue;
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace kg

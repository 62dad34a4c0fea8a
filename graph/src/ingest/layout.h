// A paper's text cut into spans that each stand in one place of the printed paper: body text
// under a section heading, a footnote, a heading, or a running header or footer. Undoes the
// damage of PDF text layers and OCR that matters for matching (words hyphenated across lines,
// line breaks inside sentences). Internal to ingest; pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg::ingest {

enum class SpanKind {
  kBody,      // running text
  kFootnote,  // a footnote's text (its number in `footnote`)
  kHeading,   // a section heading standing on its own line
  kFurniture  // header, footer, running head or printer's line: never a source of facts
};

struct Span {
  SpanKind kind = SpanKind::kBody;
  // The span's text: hyphenation across line ends joined ("strate-\ngische" -> "strategische"),
  // line breaks and runs of white space as one space. Valid UTF-8.
  std::string text;
  int first_line = 1;  // 1-based line of the input on which the span starts
  // Pages inside the span: (offset in `text`, page number), ascending, first offset 0.
  std::vector<std::pair<std::size_t, int>> pages;
  // The heading in force, as printed; empty before the first heading. A footnote takes the
  // heading in force where its mark stands in the body ("(NVS)1"), as the curated data does.
  std::string section;
  std::string paragraph;  // the numbered paragraph in force ("3", "2.1"); empty when none
  int footnote = 0;       // the footnote's number for kFootnote; 0 otherwise
};

struct Layout {
  std::vector<Span> spans;  // in reading order
  int pages = 1;            // pages seen (1 when the text marks no page breaks)
  // How many of the input's first lines are the printed header (house, session, dossier,
  // title, number, kind line); those lines are kFurniture spans, one a line. 0 when none.
  int header_lines = 0;
};

// Cuts `text` (valid UTF-8, the whole paper) into spans. Never fails: text it cannot place is
// body text on the current page. A line that starts with a space (or a form feed) opens a new
// page; a line "N text" is footnote N only when N is the next footnote number and its mark was
// seen in the body (or the page's footnotes have begun). A text without blank lines is read as
// OCR: one paragraph a line, joined when a line stops mid-sentence, headings only in capitals.
// Header lines, footers repeating the paper's number, printer's lines and lone numbers (page
// numbers) are kFurniture, one span a line.
Layout read_layout(std::string_view text);

// The page on which byte `offset` of `span.text` stands.
int page_at(const Span& span, std::size_t offset);

// Where byte `offset` of `span.text` stands, in the form the curated data uses:
// "§ HEADING, p. PAGE, par. N, vn. F" with each part left out when unknown or not applicable
// (no heading yet: "p. 2, vn. 1"; a footnote has no paragraph). Never empty.
std::string locator(const Span& span, std::size_t offset);

}  // namespace kg::ingest

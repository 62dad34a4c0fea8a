// Turning an Answer into text in one of the formats and writing it to a Sink. Pure layout: no
// state, thread-safe. The pieces are exposed for tests.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "answer.h"
#include "format.h"
#include "kg/status.h"
#include "sink.h"

namespace kg::shell {

// How tables are laid out, beyond the format: the settings of the session and the screen.
struct Layout {
  // Table mode on a terminal: the grid fits this many columns (fit_to_width); 0: cells whole.
  std::size_t width = 0;
  // Table mode: cells wider than this are cut on their own (grid_text); 0: no such cut.
  std::size_t max_cell = 0;
  bool headers = true;  // .headers: the header row of table, CSV and TSV
  // When set, receives how many cells fitting cut (for the note the session prints).
  std::size_t* cells_cut = nullptr;
};

// Writes `answer` in `format` to `out`, laid out by `layout`. What the reader must know about
// the output (a picture that was cut, characters XML cannot hold) is appended to `notes` when
// given. Fails (kInvalidArgument) for a graph format (dot, graphml, gexf, svg) on an answer that
// is not graph-shaped; for svg also as picture.h's run_dot.
Status render(const Answer& answer, Format format, const View& view, const Layout& layout,
              Sink& out, std::vector<std::string>* notes = nullptr);
// The same with cells cut at `max_cell` columns (0: whole) and headers on.
Status render(const Answer& answer, Format format, const View& view, std::size_t max_cell,
              Sink& out, std::vector<std::string>* notes = nullptr);

// A table fitted to `width` terminal columns as grid_text lays it out (two spaces between
// columns): every cell on one line, then the widest column shrunk a column at a time (the
// rightmost of equally wide ones) until the grid fits or every column is down to 4 columns (or
// its own width when narrower). A cut cell ends in "…"; `cut` counts the body cells cut (the
// header is cut too but not counted). `headers`: whether the header row is shown and so counts
// for the widths. Width 0 leaves every cell whole.
struct FittedTable {
  Table table;
  std::size_t cut = 0;
};
FittedTable fit_to_width(const Table& t, std::size_t width, bool headers = true);

// Aligned grid with a header rule and a row count; widths by terminal columns. When `max_cell`
// > 0, cells wider than that are cut and end in "…", with a line saying so. `headers` false
// drops the header row and its rule (.headers off).
std::string grid_text(const Table& t, std::size_t max_cell, bool headers = true);
// RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled; CRLF-free.
std::string csv_text(const Table& t, bool headers = true);
// TSV with \t, \n, \r and \\ escaped inside fields.
std::string tsv_text(const Table& t, bool headers = true);
// A Graphviz digraph: nodes filled by type, edges labelled with their relation's label and,
// when `sources`, the name of the paper the edge rests on; the citation is the edge's tooltip.
std::string dot_text(const Graph& g, const Drawing& d, bool sources = false);
// A DOT quoted string: quotes and backslashes escaped, newlines as \n, carriage returns dropped.
std::string dot_quote(std::string_view s);
// The fill colour of a type's nodes, "#rrggbb": one soft colour per type in types.csv order.
std::string_view type_colour(TypeId type);

}  // namespace kg::shell

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

// Writes `answer` in `format` to `out`. When `max_cell` > 0, table cells wider than that many
// columns are cut and end in "…". What the reader must know about the output (a picture that
// was cut, characters XML cannot hold) is appended to `notes` when given. Fails
// (kInvalidArgument) for a graph format (dot, graphml, gexf, svg) on an answer that is not
// graph-shaped; for svg also as picture.h's run_dot.
Status render(const Answer& answer, Format format, const View& view, std::size_t max_cell,
              Sink& out, std::vector<std::string>* notes = nullptr);

// Aligned grid with a header rule and a row count; widths by terminal columns.
std::string grid_text(const Table& t, std::size_t max_cell);
// RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled; CRLF-free.
std::string csv_text(const Table& t);
// TSV with \t, \n, \r and \\ escaped inside fields.
std::string tsv_text(const Table& t);
// A Graphviz digraph: nodes filled by type, edges labelled with their relation's label and,
// when `sources`, the name of the paper the edge rests on; the citation is the edge's tooltip.
std::string dot_text(const Graph& g, const Drawing& d, bool sources = false);
// A DOT quoted string: quotes and backslashes escaped, newlines as \n, carriage returns dropped.
std::string dot_quote(std::string_view s);
// The fill colour of a type's nodes, "#rrggbb": one soft colour per type in types.csv order.
std::string_view type_colour(TypeId type);

}  // namespace kg::shell

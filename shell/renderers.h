// Turning an Answer into text in one of the formats and writing it to a Sink. Pure layout: no
// state, thread-safe. The pieces are exposed for tests.
#pragma once

#include <cstddef>
#include <string>

#include "answer.h"
#include "format.h"
#include "kg/status.h"
#include "sink.h"

namespace kg::shell {

// Writes `answer` in `format` to `out`. When `max_cell` > 0, table cells wider than that many
// columns are cut and end in "…". Fails (kInvalidArgument) for dot on an answer that is not
// graph-shaped.
Status render(const Answer& answer, Format format, const View& view, std::size_t max_cell,
              Sink& out);

// Aligned grid with a header rule and a row count; widths by terminal columns.
std::string grid_text(const Table& t, std::size_t max_cell);
// RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled; CRLF-free.
std::string csv_text(const Table& t);
// TSV with \t, \n, \r and \\ escaped inside fields.
std::string tsv_text(const Table& t);
// A Graphviz digraph: nodes filled by type, edges labelled with their relation's label.
std::string dot_text(const Graph& g, const Drawing& d);

}  // namespace kg::shell

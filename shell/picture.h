// Pictures of graph-shaped answers (--format svg): which nodes to draw when an answer is too large
// to read, the DOT text of the picture (colours, legend, caption) and the run of Graphviz's `dot`
// program that lays it out as SVG. No state; safe to call from several threads (run_dot starts
// one child process per call).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "answer.h"
#include "kg/graph.h"
#include "kg/status.h"

namespace kg::shell {

// Above this many nodes a picture is cut to the nearest ones. Measured on `neighbours minusma
// --depth 2` (159 nodes) rendered at 96 dpi: cut to 30 it is 2234 x 1162 px, to 50 2252 x 1875
// px, to 80 2746 x 3124 px (most of it a fan of Nederland's neighbours), uncut 9456 x 9339 px.
// At 50 every label reads at 100 % and the picture fits two screens.
inline constexpr std::size_t kPictureNodes = 50;

// The at most `max_nodes` nodes of `d` nearest to what was asked, in the order of `d`: by depth
// (nodes without a depth count as 0), then by the degree of the least connected node one depth
// nearer that it has an edge of `d` to, else of its `via` (a node reached only through a hub
// says less about the question), then by its own degree (the specific first), then by key. Keeps
// the edges whose two ends are kept, and the emphasis of kept nodes. Deterministic; `d` unchanged
// when it has at most `max_nodes` nodes.
Drawing nearest_nodes(const Graph& g, const Drawing& d, std::size_t max_nodes);

// The DOT text of a picture of `d`: nodes filled by type and named, edges labelled by relation
// (and, when `sources`, with the name of the paper each rests on; its citation is always the
// tooltip), a legend of the types drawn, and when `total` > the nodes of `d` a caption that says
// how many were left out. Characters XML 1.0 cannot hold become U+FFFD (dot copies text into
// the SVG as it is).
std::string picture_dot(const Graph& g, const Drawing& d, std::size_t total, bool sources);

// Runs Graphviz's `dot -Tsvg` (found on PATH) on `dot_text` and returns the SVG document. What
// dot writes on stderr while succeeding is appended to `warnings`, one line each. Errors (kIo):
// no `dot` program on PATH (the message says to install Debian's graphviz), it cannot be
// started, or it fails (the message holds its first line on stderr).
Result<std::string> run_dot(std::string_view dot_text, std::vector<std::string>& warnings);

}  // namespace kg::shell

// Implementation of renderers.h.
#include "renderers.h"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "kg/export.h"
#include "kg/text.h"
#include "picture.h"

namespace kg::shell {
namespace {

std::string pad(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string one_line(const std::string& s) {
  std::string out = s;
  std::replace(out.begin(), out.end(), '\n', ' ');
  std::replace(out.begin(), out.end(), '\r', ' ');
  std::replace(out.begin(), out.end(), '\t', ' ');
  return out;
}

std::string cut(const std::string& s, std::size_t max_cell, bool& was_cut) {
  if (max_cell == 0 || display_width(s) <= max_cell) return s;
  was_cut = true;
  return std::string(truncate_to_width(s, max_cell - 1)) + "…";
}

// The header and rows of `t`, fields escaped by `field` and joined by `separator`.
template <typename Field>
std::string delimited(const Table& t, char separator, bool headers, Field field) {
  std::string out;
  auto line = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += separator;
      out += field(row[i]);
    }
    out += "\n";
  };
  if (headers) line(t.columns);
  for (const auto& row : t.rows) line(row);
  return out;
}

}  // namespace

std::string dot_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out + "\"";
}

std::string_view type_colour(TypeId type) {
  // Soft fill colours, one per type in types.csv order (cycling when there are more types).
  static constexpr std::string_view kPalette[] = {"#cfe2f3", "#f4cccc", "#d9ead3", "#fff2cc",
                                                  "#d9d2e9", "#fce5cd", "#d0e0e3", "#ead1dc",
                                                  "#e6e6e6", "#c9daf8"};
  return kPalette[type % std::size(kPalette)];
}

FittedTable fit_to_width(const Table& t, std::size_t width, bool headers) {
  constexpr std::size_t kNarrowest = 4;
  FittedTable fitted{t, 0};
  Table& out = fitted.table;
  for (auto& row : out.rows) {
    for (std::string& c : row) c = one_line(c);
  }
  if (width == 0 || out.columns.empty()) return fitted;
  std::vector<std::size_t> natural(out.columns.size(), 0);
  if (headers) {
    for (std::size_t i = 0; i < out.columns.size(); ++i) natural[i] = display_width(out.columns[i]);
  }
  for (const auto& row : out.rows) {
    for (std::size_t i = 0; i < row.size() && i < natural.size(); ++i)
      natural[i] = std::max(natural[i], display_width(row[i]));
  }
  std::vector<std::size_t> fit = natural;
  std::size_t total = 2 * (fit.size() - 1);
  for (std::size_t w : fit) total += w;
  while (total > width) {
    std::size_t widest = fit.size();
    for (std::size_t i = 0; i < fit.size(); ++i) {
      const std::size_t floor = std::min(natural[i], kNarrowest);
      if (fit[i] > floor && (widest == fit.size() || fit[i] >= fit[widest])) widest = i;
    }
    if (widest == fit.size()) break;  // every column is as narrow as it may be: the line wraps
    // Down to the next widest column at once (equally wide ones then take turns), or only as
    // far as the excess needs.
    std::size_t next = std::min(natural[widest], kNarrowest);
    for (std::size_t i = 0; i < fit.size(); ++i) {
      if (i != widest) next = std::max(next, std::min(fit[i], fit[widest]));
    }
    const std::size_t step = std::max<std::size_t>(1, std::min(fit[widest] - next, total - width));
    fit[widest] -= step;
    total -= step;
  }
  auto shrink = [](std::string& cell, std::size_t w) {
    if (display_width(cell) <= w) return false;
    // Width 0 is an empty column's, whose (hidden) header is all there is to cut.
    cell = w == 0 ? std::string() : std::string(truncate_to_width(cell, w - 1)) + "…";
    return true;
  };
  for (std::size_t i = 0; i < out.columns.size(); ++i) shrink(out.columns[i], fit[i]);
  for (auto& row : out.rows) {
    for (std::size_t i = 0; i < row.size() && i < fit.size(); ++i) {
      if (shrink(row[i], fit[i])) ++fitted.cut;
    }
  }
  return fitted;
}

std::string grid_text(const Table& t, std::size_t max_cell, bool headers) {
  bool was_cut = false;
  std::vector<std::vector<std::string>> cells;
  if (headers) cells.push_back(t.columns);
  for (const auto& row : t.rows) {
    std::vector<std::string> r;
    for (const std::string& c : row) r.push_back(cut(one_line(c), max_cell, was_cut));
    cells.push_back(std::move(r));
  }
  std::vector<std::size_t> width(t.columns.size(), 0);
  for (const auto& row : cells) {
    for (std::size_t i = 0; i < row.size() && i < width.size(); ++i)
      width[i] = std::max(width[i], display_width(row[i]));
  }
  std::string out;
  for (std::size_t r = 0; r < cells.size(); ++r) {
    std::string line;
    for (std::size_t i = 0; i < cells[r].size(); ++i) {
      const bool last = i + 1 == cells[r].size();
      line += last ? cells[r][i] : pad(cells[r][i], width[i]) + "  ";
    }
    // A row whose last cells are empty (the center of a neighbourhood has no `via`) ends at its
    // last text, not in padding.
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + "\n";
    if (r == 0 && headers) {
      std::string rule;
      for (std::size_t i = 0; i < width.size(); ++i) {
        rule += std::string(width[i], '-') + (i + 1 < width.size() ? "  " : "");
      }
      out += rule + "\n";
    }
  }
  out += fmt::format("({} {})\n", t.rows.size(), t.rows.size() == 1 ? "row" : "rows");
  if (was_cut) {
    out += fmt::format(
        "(values longer than {} columns are cut and end in …; --format csv shows them whole)\n",
        max_cell);
  }
  return out;
}

std::string csv_text(const Table& t, bool headers) {
  auto field = [](const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
      out += c;
      if (c == '"') out += '"';
    }
    return out + "\"";
  };
  return delimited(t, ',', headers, field);
}

std::string tsv_text(const Table& t, bool headers) {
  auto field = [](const std::string& s) {
    std::string out;
    for (char c : s) {
      switch (c) {
        case '\t':
          out += "\\t";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\\':
          out += "\\\\";
          break;
        default:
          out += c;
      }
    }
    return out;
  };
  return delimited(t, '\t', headers, field);
}

std::string dot_text(const Graph& g, const Drawing& d, bool sources) {
  std::string out =
      "digraph kamergraaf {\n"
      "  graph [rankdir=LR, fontname=\"Helvetica\"];\n"
      "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n"
      "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  for (NodeId n : d.nodes) {
    const bool emphasised =
        std::find(d.emphasised.begin(), d.emphasised.end(), n) != d.emphasised.end();
    const auto type = g.node(n).type;
    out += "  " + dot_quote(g.node(n).key) + " [label=" + dot_quote(g.node(n).name) +
           ", fillcolor=\"" + std::string(type_colour(type)) +
           "\", tooltip=" + dot_quote(g.types()[type].name) + (emphasised ? ", penwidth=2.5" : "") +
           "];\n";
  }
  for (EdgeId e : d.edges) {
    const Edge edge = g.edge(e);
    std::string label = g.relation_of(e).label;
    if (sources) label += "\n[" + std::string(g.node(edge.source).name) + "]";
    out += "  " + dot_quote(g.node(edge.from).key) + " -> " + dot_quote(g.node(edge.to).key) +
           " [label=" + dot_quote(label) + ", tooltip=" + dot_quote(citation(g, e)) + "];\n";
  }
  return out + "}\n";
}

namespace {

// The graph formats of a drawing: DOT as is, GraphML and GEXF through the export writers (every
// property kept), SVG as a picture cut to the nearest kPictureNodes nodes.
Status render_drawing(const View& view, const Drawing& d, Format format, Sink& out,
                      std::vector<std::string>* notes) {
  const Graph& g = view.graph;
  std::vector<std::string> said;
  if (format == Format::kDot) {
    out.write(dot_text(g, d, view.sources));
  } else if (format == Format::kSvg) {
    const Drawing kept = nearest_nodes(g, d, kPictureNodes);
    if (kept.nodes.size() < d.nodes.size()) {
      said.push_back(fmt::format(
          "picture shows {} of {} nodes, the nearest (by depth, then the least connected); "
          "--format dot, graphml or gexf has them all",
          kept.nodes.size(), d.nodes.size()));
    }
    auto svg = run_dot(picture_dot(g, kept, d.nodes.size(), view.sources), said);
    if (!svg.ok()) return svg.status();
    out.write(*svg);
  } else {
    const Subgraph part{d.nodes, d.edges};
    std::ostringstream text;
    auto report = write_export(
        g, part, format == Format::kGraphml ? ExportFormat::kGraphml : ExportFormat::kGexf, text);
    if (!report.ok()) return report.status();
    if (report->replaced > 0) {
      said.push_back(fmt::format("{} characters that XML 1.0 cannot hold were written as U+FFFD",
                                 report->replaced));
    }
    out.write(text.str());
  }
  if (notes != nullptr) notes->insert(notes->end(), said.begin(), said.end());
  return Status();
}

}  // namespace

Status render(const Answer& answer, Format format, const View& view, std::size_t max_cell,
              Sink& out, std::vector<std::string>* notes) {
  return render(answer, format, view, Layout{0, max_cell, true, nullptr}, out, notes);
}

Status render(const Answer& answer, Format format, const View& view, const Layout& layout,
              Sink& out, std::vector<std::string>* notes) {
  if (answer.is_message()) {
    out.write(*answer.text(view));
    return Status();
  }
  switch (format) {
    case Format::kTable:
      if (auto text = answer.text(view)) {
        out.write(*text);
      } else if (layout.width > 0) {
        FittedTable fitted = fit_to_width(answer.table(view), layout.width, layout.headers);
        out.write(grid_text(fitted.table, 0, layout.headers));
        if (layout.cells_cut != nullptr) *layout.cells_cut = fitted.cut;
      } else {
        out.write(grid_text(answer.table(view), layout.max_cell, layout.headers));
      }
      break;
    case Format::kCsv:
      out.write(csv_text(answer.table(view), layout.headers));
      break;
    case Format::kTsv:
      out.write(tsv_text(answer.table(view), layout.headers));
      break;
    case Format::kJson: {
      Json j = answer.json(view);
      if (!answer.truncations.empty()) j["truncated"] = answer.truncations;
      out.write(j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n");
      break;
    }
    case Format::kDot:
    case Format::kGraphml:
    case Format::kGexf:
    case Format::kSvg: {
      auto d = answer.drawing(view);
      if (!d) {
        return Status::error(ErrorKind::kInvalidArgument,
                             fmt::format("this answer has no graph to draw: --format {} works with "
                                         "path, paths, neighbours, common and show",
                                         format_name(format)));
      }
      return render_drawing(view, *d, format, out, notes);
    }
  }
  return Status();
}

}  // namespace kg::shell

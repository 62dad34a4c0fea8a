// Cuts a paper's text into spans (ingest/layout.h). Two passes over the lines: the first sorts
// each line into page, header, furniture, footnote or body; the second groups body lines into
// paragraphs, tells headings from running text and joins hyphenated line ends. Pure,
// thread-safe; every index is checked, so any UTF-8 input is safe.
#include "ingest/layout.h"

#include <algorithm>
#include <unordered_set>

#include "ingest/scan.h"

namespace kg::ingest {
namespace {

using namespace scan;

enum class LineKind { kBlank, kBody, kFurniture, kFootnoteStart, kFootnoteMore };

struct Line {
  std::string text;  // white space collapsed, trimmed
  int number = 0;    // 1-based line number in the input
  int page = 1;
  bool page_start = false;  // the first line of a page after a page break
  LineKind kind = LineKind::kBody;
  int footnote = 0;  // kFootnoteStart: the footnote's number
};

// Copies `s` with tabs, no-break and other Unicode spaces turned into plain spaces, runs of
// spaces collapsed and the ends trimmed.
std::string clean_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t skip = 0;
    if (is_space(s[i])) {
      skip = 1;
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      skip = 2;  // U+00A0 no-break space
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const unsigned char d = static_cast<unsigned char>(s[i + 2]);
      if ((d >= 0x80 && d <= 0x8A) || d == 0xAF) skip = 3;  // U+2000..200A, U+202F
    }
    if (skip > 0) {
      space = !out.empty();
      i += skip - 1;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(s[i]);
  }
  return out;
}

// Sentence-final punctuation at the end of `s`, past closing quotes and brackets.
bool ends_sentence(std::string_view s) {
  while (!s.empty() && (s.back() == ')' || s.back() == '"' || s.back() == '\'')) s.remove_suffix(1);
  if (s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2 &&
      static_cast<unsigned char>(s.back()) == 0xBB) {
    s.remove_suffix(2);  // »
  }
  if (s.empty()) return false;
  const char c = s.back();
  return c == '.' || c == ':' || c == '!' || c == '?' || c == ';';
}

bool starts_lower(std::string_view s) {
  return !s.empty() && is_lower(s.front());
}

// A line holding only a page number or a lone number (house number, page, printer's code).
bool is_lone_number(std::string_view s) {
  if (s.empty() || s.size() > 8) return false;
  bool digit = false;
  for (char c : s) {
    if (is_digit(c)) {
      digit = true;
    } else if (c != ' ' && c != '-' && c != '.') {
      return false;
    }
  }
  return digit;
}

// "Tweede Kamer, vergaderjaar 1991-1992, 22 500 X, nr. 12" (also OCR'd: "zitting
// 1978-1979,14378, nr. 9"): the footer or running head that repeats a paper's own number.
bool is_footer_line(std::string_view s) {
  if (s.size() > 160) return false;
  if (!istarts_with(s, "tweede kamer") && !istarts_with(s, "eerste kamer")) return false;
  std::string_view rest = s.substr(12);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  // "Tweede Kamer, zitting", OCR'd "Tweede Kamerzitting" / "Tweede Kamer zitting 1980-1981,"
  const bool joined = istarts_with(rest, "zitting") || istarts_with(rest, "vergaderjaar");
  if (rest.empty() || (rest.front() != ',' && rest.front() != '.' && !joined)) return false;
  return ifind(rest, "vergaderjaar") != std::string_view::npos ||
         ifind(rest, "zitting") != std::string_view::npos;
}

// The printer's line at the foot of a paper ("ISSN 0921-7371 Sdu Uitgeverij ...").
bool is_printer_line(std::string_view s) {
  return s.size() <= 160 && (ifind(s, "issn") != std::string_view::npos ||
                             ifind(s, "uitgeverij") != std::string_view::npos ||
                             ifind(s, "uitgevenj") != std::string_view::npos);
}

bool is_house_line(std::string_view s) {
  if (!istarts_with(s, "tweede kamer") && !istarts_with(s, "eerste kamer")) return false;
  return !is_footer_line(s);
}

bool is_session_line(std::string_view s) {
  std::size_t n = 0;
  if (istarts_with(s, "vergaderjaar")) {
    n = 12;
  } else if (istarts_with(s, "zitting")) {
    n = 7;
  } else {
    return false;
  }
  while (n < s.size() && s[n] == ' ') ++n;
  return n < s.size() && is_digit(s[n]);
}

// A header line holding only dossier numbers: "22 800 X", "18249 (R 1243)", "21 501-02".
bool is_dossier_line(std::string_view s) {
  if (s.empty() || s.size() > 48 || !is_digit(s.front())) return false;
  int digits = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (is_digit(c)) {
      ++digits;
    } else if (is_lower(c)) {
      // Only "en" / "enz" / "hoofdstuk" may appear in lowercase between numbers.
      std::size_t j = i;
      while (j < s.size() && is_lower(s[j])) ++j;
      const std::string_view w = s.substr(i, j - i);
      if (w != "en" && w != "enz" && w != "hoofdstuk") return false;
      i = j - 1;
    } else if (is_utf8(c)) {
      return false;
    }
  }
  return digits >= 3;
}

bool has_nr(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (nr_marker_end(s, i) != std::string_view::npos) return true;
  }
  return false;
}

// A line in capitals, as the kind line of a header ("BRIEF VAN DE MINISTER VAN DEFENSIE").
bool is_caps_line(std::string_view s) {
  int upper = 0;
  int lowercase = 0;
  for (char c : s) {
    if (is_upper(c)) ++upper;
    if (is_lower(c)) ++lowercase;
  }
  if (upper < 4) return false;
  // Leading words in capitals, with trailing "Ontvangen 31 oktober 1994" allowed.
  std::size_t i = 0;
  int caps_words = 0;
  while (i < s.size() && caps_words < 2) {
    while (i < s.size() && !is_alpha(s[i])) ++i;
    std::size_t j = i;
    bool all_upper = true;
    while (j < s.size() && (is_wordish(s[j]))) {
      if (is_lower(s[j])) all_upper = false;
      ++j;
    }
    if (j == i) break;
    if (!all_upper) break;
    ++caps_words;
    i = j;
  }
  if (caps_words >= 2 || (caps_words >= 1 && lowercase * 4 < upper)) return true;
  // "VERSLAG Vastgesteld 4 september 1980": one word in capitals of four letters or more
  std::size_t j = 0;
  while (j < s.size() && is_upper(s[j])) ++j;
  return j >= 4 && (j == s.size() || s[j] == ' ');
}

// Lines [0, result) are the printed header (house, session, dossier, title, number, kind).
int header_extent(const std::vector<Line>& lines) {
  const std::size_t n = lines.size();
  std::size_t start = n;
  for (std::size_t i = 0; i < std::min<std::size_t>(n, 6); ++i) {
    const std::string& t = lines[i].text;
    if (t.size() > 80) return 0;  // running text before any header item: no header
    const bool dossier_first =
        is_digit(t.empty() ? ' ' : t[0]) && ifind(t, "(tweede kamer)") != std::string_view::npos;
    if (is_house_line(t) || is_session_line(t) || dossier_first) {
      start = i;
      break;
    }
  }
  if (start == n) return 0;
  // A house line alone ("Tweede Kamer 21 januari 1982" over a debate) is no header: one needs
  // a session or a paper number near it.
  bool anchored = false;
  for (std::size_t i = start; i < std::min<std::size_t>(n, start + 8); ++i) {
    if (is_session_line(lines[i].text) || has_nr(lines[i].text)) anchored = true;
  }
  if (!anchored) return 0;
  long last_item = static_cast<long>(start);
  long nr = -1;
  long kind = -1;
  std::size_t stop = std::min<std::size_t>(n, start + 16);
  bool aanhangsel = false;  // questions and answers: the header ends at their number
  long dossiers = 0;
  for (std::size_t i = start; i < stop; ++i) {
    const std::string& t = lines[i].text;
    const long li = static_cast<long>(i);
    if (t.empty()) continue;
    if (istarts_with(t, "aanhangsel")) aanhangsel = true;
    // The item number closes an Aanhangsel header, also when OCR garbled it ("4D5").
    if (aanhangsel && (is_lone_number(t) || (t.size() <= 5 && is_digit(t[0])))) {
      return static_cast<int>(i + 1);
    }
    if (is_house_line(t) || is_session_line(t) || is_dossier_line(t) || is_lone_number(t)) {
      if (kind < 0) last_item = li;
      if (is_session_line(t) && has_nr(t)) nr = li;
      // A paper filed under many dossiers prints each with its title: room for all of them.
      if (is_dossier_line(t)) {
        ++dossiers;
        stop = std::min<std::size_t>(
            n, std::max(stop, i + 8 + 2 * static_cast<std::size_t>(dossiers)));
      }
      continue;
    }
    if (nr < 0 && has_nr(t) && is_caps_line(t)) {
      nr = li;  // "EINDVERSLAG Nr. 10", "BRIEF VAN DE MINISTER ... No. 21"
      if (kind < 0) kind = li;
      break;
    }
    if (nr < 0 &&
        (istarts_with(t, "nr") || istarts_with(t, "no") || istarts_with(t, "n\xC2\xB0")) &&
        nr_marker_end(t, 0) != std::string_view::npos) {
      nr = li;
      if (kind >= 0) break;
      continue;
    }
    if (kind < 0 && li > last_item &&
        (is_caps_line(t) || (is_mixed_case_kind(t) && (nr >= 0 || li > last_item + 1)))) {
      kind = li;
      if (has_nr(t)) nr = li;
      if (nr >= 0) break;
      continue;
    }
    if (nr >= 0 && kind < 0 && li > std::max(nr, last_item) + 4 + dossiers) break;
  }
  long end = std::max({last_item, nr, kind});
  return static_cast<int>(end + 1);
}

// Footnote marks in body text: a number glued to the end of a word or bracket, "(NVS)1",
// "organisaties2.", "problematiek34,". Calls `f(number)` for each.
template <typename F>
void for_each_mark(std::string_view s, F f) {
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (!is_digit(s[i]) || is_digit(s[i - 1])) continue;
    const char p = s[i - 1];
    const bool glued = is_wordish(p) || p == ')' || p == '.' || p == ',';
    if (!glued) continue;
    std::size_t len = 0;
    const long v = leading_number(s.substr(i), &len);
    const std::size_t e = i + len;
    if (len > 3) continue;
    if (e < s.size() && (is_wordish(s[e]) || s[e] == '-' || is_digit(s[e]))) continue;
    if (p == '.' || p == ',') {
      // "2,5" or "3.1" is a number, not a mark
      if (i >= 2 && is_digit(s[i - 2])) continue;
    }
    f(static_cast<int>(v));
  }
}

// Words the text itself prints with a hyphen inside a line ("niet-statelijke"), lowercased:
// the evidence that a hyphen at a line end is a real one.
using HyphenWords = std::unordered_set<std::string>;

HyphenWords hyphenated_words(const std::vector<Line>& lines) {
  HyphenWords out;
  for (const Line& l : lines) {
    const std::string& t = l.text;
    for (std::size_t i = 1; i + 1 < t.size(); ++i) {
      if (t[i] != '-' || !is_wordish(t[i - 1]) || !is_wordish(t[i + 1])) continue;
      std::size_t b = i;
      while (b > 0 && is_wordish(t[b - 1])) --b;
      std::size_t e = i + 1;
      while (e < t.size() && is_wordish(t[e])) ++e;
      std::string w;
      for (std::size_t k = b; k < e; ++k) w.push_back(lower(t[k]));
      out.insert(std::move(w));
    }
  }
  return out;
}

// Prefixes Dutch spelling always writes with a hyphen ("niet-bondgenoten", "oud-minister",
// "non-proliferatie", "whole-of-government").
bool keeps_hyphen(std::string_view before) {
  for (std::string_view p : {"niet", "oud", "ex", "non", "of"}) {
    if (iequals(before, p)) return true;
  }
  return false;
}

// Appends a printed line to a span's text, undoing the line break: a word hyphenated across
// the break is joined; a real hyphen (before a capital, after an acronym or digit, before
// "en"/"of"/"tot", after "niet-" and the like, or printed inline elsewhere in the text) is kept.
void append_line(std::string& text, std::string_view line,
                 const HyphenWords* inline_words = nullptr) {
  if (line.empty()) return;
  if (text.empty()) {
    text.append(line);
    return;
  }
  if (text.back() == '-' && text.size() >= 2 && text[text.size() - 2] != ' ') {
    std::size_t w = text.size() - 1;  // the word before the hyphen
    while (w > 0 && text[w - 1] != ' ' && text[w - 1] != '(' && text[w - 1] != '-') --w;
    const std::string_view before(text.data() + w, text.size() - 1 - w);
    std::size_t e = 0;
    while (e < line.size() && line[e] != ' ') ++e;
    const std::string_view next = line.substr(0, e);
    bool acronym = before.size() >= 2;
    for (char c : before) {
      if (!is_upper(c) && !is_digit(c)) acronym = false;
    }
    const bool digit_before = !before.empty() && is_digit(before.back());
    const bool conj = next == "en" || next == "of" || next == "tot";
    bool seen_inline = false;
    if (inline_words != nullptr && !inline_words->empty()) {
      std::string joined;
      for (char c : before) joined.push_back(lower(c));
      joined.push_back('-');
      for (char c : next) {
        if (!is_wordish(c)) break;
        joined.push_back(lower(c));
      }
      seen_inline = inline_words->count(joined) > 0;
    }
    if (conj) {
      text.push_back(' ');
    } else if (!starts_lower(line) || acronym || digit_before || keeps_hyphen(before) ||
               seen_inline) {
      // keep the hyphen: "Noord-Atlantische", "BHOS-nota"
    } else {
      text.pop_back();
    }
    text.append(line);
    return;
  }
  text.push_back(' ');
  text.append(line);
}

// "3", "2.1", "4.2.1" at the start of a paragraph that numbers itself ("2.1 De inzet ...").
std::string paragraph_number(std::string_view s) {
  std::size_t i = 0;
  int parts = 0;
  while (parts < 4) {
    std::size_t len = 0;
    const long v = leading_number(s.substr(i), &len);
    if (len == 0 || len > 2 || v == 0) return {};
    i += len;
    ++parts;
    if (i < s.size() && s[i] == '.' && i + 1 < s.size() && is_digit(s[i + 1])) {
      ++i;
      continue;
    }
    break;
  }
  std::string_view num = s.substr(0, i);
  if (i < s.size() && s[i] == '.') ++i;
  if (i >= s.size() || s[i] != ' ') return {};
  ++i;
  if (i >= s.size() || !(is_upper(s[i]) || is_utf8(s[i]))) return {};
  return std::string(num);
}

bool is_bullet(std::string_view s) {
  return s.rfind("\xE2\x80\xA2", 0) == 0 || s.rfind("- ", 0) == 0 ||
         s.rfind("\xE2\x80\x93 ", 0) == 0;
}

// A block of one or two printed lines that reads as a section heading: short, opening with a
// capital, with no line ending in punctuation.
bool is_heading_block(const std::vector<const Line*>& block, bool ocr) {
  if (block.empty() || block.size() > (ocr ? 1u : 2u)) return false;
  std::size_t total = 0;
  for (const Line* l : block) {
    const std::string& t = l->text;
    total += t.size() + 1;
    if (t.empty()) return false;
    const char c = t.back();
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?') return false;
  }
  if (block.back()->text.back() == '-') return false;
  if (total > (ocr ? 80u : 110u)) return false;
  const std::string& first = block.front()->text;
  if (is_bullet(first)) return false;
  const char f = first.front();
  const bool section_sign = first.rfind("\xC2\xA7", 0) == 0;
  if (!(is_upper(f) || section_sign || (is_utf8(f) && static_cast<unsigned char>(f) == 0xC3))) {
    return false;
  }
  int letters = 0;
  for (char c : first) letters += is_alpha(c) ? 1 : 0;
  if (letters < 3) return false;
  if (ocr && !section_sign) {
    // An OCR line holds a whole paragraph, so a short one is as often an address or a
    // signature: only a line in capitals counts ("ALGEMEEN", "II. DE BEGROTING").
    for (char c : first) {
      if (is_lower(c)) return false;
    }
  }
  return true;
}

std::vector<Line> read_lines(std::string_view text, bool* ocr) {
  std::vector<Line> lines;
  int number = 0;
  int page = 1;
  bool seen_content = false;
  int blanks = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++number;
    Line line;
    line.number = number;
    bool form_feed = false;
    while (!raw.empty() && raw.front() == '\f') {
      raw.remove_prefix(1);
      form_feed = true;
    }
    line.text = clean_line(raw);
    if (line.text.empty()) {
      line.kind = LineKind::kBlank;
      if (seen_content && form_feed) ++page;
      ++blanks;
    } else {
      const bool indented = !raw.empty() && (raw.front() == ' ' || raw.front() == '\t');
      if (seen_content && (indented || form_feed)) {
        ++page;
        line.page_start = true;
      }
      seen_content = true;
    }
    line.page = page;
    lines.push_back(std::move(line));
    if (nl == text.size()) break;
  }
  // Trailing blank lines do not make a text a PDF layout.
  while (!lines.empty() && lines.back().kind == LineKind::kBlank) {
    lines.pop_back();
    --blanks;
  }
  *ocr = blanks <= 0 && page == 1;
  return lines;
}

// First pass: furniture, footnotes and their marks.
void classify(std::vector<Line>& lines, bool ocr, int header, std::vector<int>& mark_line) {
  int next_footnote = 1;
  bool zone = false;  // between the first footnote of a page and the page's end
  int zone_page = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    if (l.kind == LineKind::kBlank) continue;
    if (static_cast<int>(i) < header || is_footer_line(l.text) || is_printer_line(l.text) ||
        is_lone_number(l.text)) {
      l.kind = LineKind::kFurniture;
      continue;
    }
    if (zone && (l.page != zone_page || ocr)) zone = false;
    std::size_t len = 0;
    const long n = leading_number(l.text, &len);
    const bool numbered = len > 0 && len <= 3 && len < l.text.size() && l.text[len] == ' ';
    if (numbered && n == next_footnote) {
      const bool marked =
          n < static_cast<long>(mark_line.size()) && mark_line[static_cast<std::size_t>(n)] >= 0;
      if (marked || zone) {
        l.kind = LineKind::kFootnoteStart;
        l.footnote = static_cast<int>(n);
        ++next_footnote;
        zone = true;
        zone_page = l.page;
        continue;
      }
    }
    if (zone) {
      l.kind = LineKind::kFootnoteMore;
      continue;
    }
    l.kind = LineKind::kBody;
    for_each_mark(l.text, [&](int m) {
      if (m <= 0 || m > 999) return;
      if (static_cast<std::size_t>(m) >= mark_line.size())
        mark_line.resize(static_cast<std::size_t>(m) + 1, -1);
      if (mark_line[static_cast<std::size_t>(m)] < 0 && m >= next_footnote) {
        mark_line[static_cast<std::size_t>(m)] = static_cast<int>(i);
      }
    });
  }
}

// Width of a printed line in code points.
std::size_t width(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// A highlighted box set inside a section ("Uitgelicht: Caribisch gebied"): its text is printed
// narrower than the running text, and the section it interrupts resumes after it.
bool is_box_heading(std::string_view h) {
  return istarts_with(h, "uitgelicht") || istarts_with(h, "kader:") || istarts_with(h, "box ");
}

// The usual width of a full line of running text: the median over body lines.
std::size_t typical_width(const std::vector<Line>& lines) {
  std::vector<std::size_t> w;
  for (const Line& l : lines) {
    if (l.kind == LineKind::kBody && l.text.size() >= 40) w.push_back(width(l.text));
  }
  if (w.empty()) return 0;
  std::nth_element(w.begin(), w.begin() + static_cast<long>(w.size() / 2), w.end());
  return w[w.size() / 2];
}

void add_page(Span& span, int page) {
  if (span.pages.empty() || span.pages.back().second != page) {
    span.pages.emplace_back(span.text.size(), page);
  }
}

}  // namespace

Layout read_layout(std::string_view text) {
  Layout out;
  bool ocr = false;
  std::vector<Line> lines = read_lines(text, &ocr);
  const int header = header_extent(lines);
  out.header_lines = header;
  std::vector<int> mark_line;
  classify(lines, ocr, header, mark_line);
  const HyphenWords inline_words = hyphenated_words(lines);

  std::string section;
  std::string paragraph;
  std::vector<std::pair<int, std::string>> sections;  // (line index where it starts, heading)
  auto section_at = [&](int line_index) -> std::string {
    std::string s;
    for (const auto& [at, h] : sections) {
      if (at > line_index) break;
      s = h;
    }
    return s;
  };

  std::vector<const Line*> block;  // the body lines of the open paragraph
  std::size_t block_span = 0;      // its span, pushed when the paragraph opened
  bool pending_blank = false;
  long footnote_span = -1;
  std::vector<std::size_t> footnote_spans;
  const std::size_t full_width = ocr ? 0 : typical_width(lines);
  bool in_box = false;
  std::string outer_section;  // the section a box interrupts

  auto close_block = [&]() {
    if (block.empty()) return;
    Span& s = out.spans[block_span];
    if (is_heading_block(block, ocr)) {
      s.kind = SpanKind::kHeading;
      if (is_box_heading(s.text)) {
        if (!in_box) outer_section = section;
        in_box = true;
      } else {
        in_box = false;
      }
      section = s.text;
      paragraph.clear();
      sections.emplace_back(static_cast<int>(block.front()->number - 1), section);
      s.section = section;
      s.paragraph.clear();
    } else {
      if (in_box && full_width > 0 && block.size() >= 4) {
        // A paragraph set at the full width again: the box is over.
        std::vector<std::size_t> w;
        for (std::size_t k = 0; k + 1 < block.size(); ++k) w.push_back(width(block[k]->text));
        std::nth_element(w.begin(), w.begin() + static_cast<long>(w.size() / 2), w.end());
        if (w[w.size() / 2] + 2 >= full_width) {
          in_box = false;
          section = outer_section;
          sections.emplace_back(static_cast<int>(block.front()->number - 1), section);
          s.section = section;
        }
      }
      std::string num = paragraph_number(s.text);
      if (!num.empty()) paragraph = num;
      s.paragraph = paragraph;
    }
    block.clear();
  };
  auto open_block = [&](const Line& l) {
    Span s;
    s.kind = SpanKind::kBody;
    s.first_line = l.number;
    s.section = section;
    out.spans.push_back(std::move(s));
    block_span = out.spans.size() - 1;
  };

  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    out.pages = std::max(out.pages, l.page);
    switch (l.kind) {
      case LineKind::kBlank:
        if (!block.empty()) pending_blank = true;
        break;
      case LineKind::kFurniture: {
        Span s;
        s.kind = SpanKind::kFurniture;
        s.text = l.text;
        s.first_line = l.number;
        s.pages.emplace_back(0, l.page);
        s.section = section;
        out.spans.push_back(std::move(s));
        if (ocr) close_block();
        break;
      }
      case LineKind::kFootnoteStart: {
        Span s;
        s.kind = SpanKind::kFootnote;
        s.first_line = l.number;
        s.footnote = l.footnote;
        const std::size_t f = static_cast<std::size_t>(l.footnote);
        s.section = f < mark_line.size() && mark_line[f] >= 0 ? section_at(mark_line[f]) : section;
        s.pages.emplace_back(0, l.page);
        std::size_t len = 0;
        leading_number(l.text, &len);
        s.text = std::string(trim(std::string_view(l.text).substr(len)));
        out.spans.push_back(std::move(s));
        footnote_span = static_cast<long>(out.spans.size() - 1);
        footnote_spans.push_back(out.spans.size() - 1);
        break;
      }
      case LineKind::kFootnoteMore:
        if (footnote_span >= 0) {
          append_line(out.spans[static_cast<std::size_t>(footnote_span)].text, l.text,
                      &inline_words);
        }
        break;
      case LineKind::kBody: {
        bool fresh = block.empty();
        if (!fresh) {
          const std::string& prev = block.back()->text;
          if (l.page_start) {
            // A page break continues the paragraph unless the last one ended a sentence and
            // this one opens a new one.
            fresh = ends_sentence(prev) && !starts_lower(l.text) && prev.back() != '-';
          } else if (pending_blank) {
            fresh = true;
          } else if (ocr) {
            // OCR lines are paragraphs; one that stops mid-sentence goes on below.
            fresh = !(prev.back() == '-' ||
                      (!ends_sentence(prev) && (starts_lower(l.text) || is_digit(l.text.front()))));
          }
        }
        pending_blank = false;
        if (fresh) {
          close_block();
          open_block(l);
        }
        Span& s = out.spans[block_span];
        add_page(s, l.page);
        append_line(s.text, l.text, &inline_words);
        block.push_back(&l);
        break;
      }
    }
  }
  close_block();
  // A footnote takes the section in force at its mark, known only once the paragraph that holds
  // the mark has been read to its end (a box may end there).
  for (std::size_t k : footnote_spans) {
    Span& s = out.spans[k];
    const std::size_t f = static_cast<std::size_t>(s.footnote);
    if (f < mark_line.size() && mark_line[f] >= 0) s.section = section_at(mark_line[f]);
  }
  return out;
}

int page_at(const Span& span, std::size_t offset) {
  int page = span.pages.empty() ? 1 : span.pages.front().second;
  for (const auto& [at, p] : span.pages) {
    if (at > offset) break;
    page = p;
  }
  return page;
}

std::string locator(const Span& span, std::size_t offset) {
  std::string out;
  if (!span.section.empty()) out += "\xC2\xA7 " + span.section + ", ";
  out += "p. " + std::to_string(page_at(span, offset));
  if (span.kind != SpanKind::kFootnote && !span.paragraph.empty())
    out += ", par. " + span.paragraph;
  if (span.kind == SpanKind::kFootnote && span.footnote > 0) {
    out += ", vn. " + std::to_string(span.footnote);
  }
  return out;
}

}  // namespace kg::ingest

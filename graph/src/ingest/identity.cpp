// Reads a paper's identity from its header and footer (ingest/identity.h): house, session,
// dossier and number from the header lines that layout marked as furniture, the footer as a
// fallback, kind and authors from the kind line, the key from those or from the file name.
// Pure, thread-safe; plain string scanning.
#include "ingest/identity.h"

#include <algorithm>

#include "ingest/scan.h"
#include "kg/text.h"

namespace kg::ingest {
namespace {

using namespace scan;

std::string normalize_dashes(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) == 0xE2 && i + 2 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x93 ||
         static_cast<unsigned char>(s[i + 2]) == 0x94)) {
      out.push_back('-');
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// "1992-1993" (or "1977") from the text after "Vergaderjaar"/"Zitting"; `rest` gets what follows.
std::string session_years(std::string_view s, std::string_view* rest) {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == ',')) ++i;
  std::size_t len = 0;
  leading_number(s.substr(i), &len);
  if (len != 4) return {};
  std::string out(s.substr(i, 4));
  i += 4;
  std::size_t j = i;
  while (j < s.size() && s[j] == ' ') ++j;
  if (j < s.size() && s[j] == '-') {
    ++j;
    while (j < s.size() && s[j] == ' ') ++j;
    leading_number(s.substr(j), &len);
    if (len == 4) {
      out += "-" + std::string(s.substr(j, 4));
      i = j + 4;
    }
  }
  if (rest != nullptr) *rest = s.substr(std::min(i, s.size()));
  return out;
}

bool is_roman(std::string_view w) {
  if (w.empty() || w.size() > 6) return false;
  for (char c : w) {
    if (c != 'I' && c != 'V' && c != 'X' && c != 'L' && c != 'C') return false;
  }
  return true;
}

struct DossierText {
  std::string printed;  // "22 800 X" as printed (white space collapsed)
  std::string digits;   // "22800"
  std::string suffix;   // "X", "04", "IXB"
};

// The first dossier number in `s`: "22 800 X", "18249 (R 1243)", "21 501-04", "16400 X",
// "15 300 hoofdstuk XIV".
DossierText parse_dossier(std::string_view s) {
  DossierText d;
  std::size_t i = 0;
  while (i < s.size() && !is_digit(s[i])) {
    if (s[i] != ' ' && s[i] != '-' && s[i] != ',') return d;
    ++i;
  }
  const std::size_t b = i;
  std::size_t len = 0;
  leading_number(s.substr(i), &len);
  if (len == 0 || len > 6) return d;
  d.digits.assign(s.substr(i, len));
  i += len;
  if (len <= 3 && i + 4 <= s.size() && s[i] == ' ') {
    std::size_t l2 = 0;
    leading_number(s.substr(i + 1), &l2);
    if (l2 == 3 && (i + 4 == s.size() || !is_digit(s[i + 4]))) {
      d.digits.append(s.substr(i + 1, 3));
      i += 4;
    }
  }
  if (d.digits.size() < 3) {
    d.digits.clear();
    return d;
  }
  std::size_t end = i;
  // suffix
  std::size_t j = i;
  if (j < s.size() && s[j] == '-') {
    std::size_t l2 = 0;
    leading_number(s.substr(j + 1), &l2);
    if (l2 > 0 && l2 <= 3) {
      d.suffix.assign(s.substr(j + 1, l2));
      end = j + 1 + l2;
    }
  } else {
    while (j < s.size() && s[j] == ' ') ++j;
    // "16400, hoofdstukX" in footers
    if (j < s.size() && s[j] == ',' && istarts_with(trim(s.substr(j + 1)), "hoofdstuk")) {
      ++j;
      while (j < s.size() && s[j] == ' ') ++j;
    }
    if (istarts_with(s.substr(j), "hoofdstuk")) {
      j += 9;
      while (j < s.size() && s[j] == ' ') ++j;
    }
    // one or two capital words: "X", "IX B", "V"
    for (int words = 0; words < 2; ++words) {
      std::size_t k = j;
      while (k < s.size() && is_upper(s[k])) ++k;
      const std::string_view w = s.substr(j, k - j);
      if (w.empty() || (k < s.size() && is_wordish(s[k]))) break;
      if (!(is_roman(w) || w.size() == 1)) break;
      if (w == "R" && k + 1 < s.size() && s[k] == ' ' && is_digit(s[k + 1])) break;  // (R 1451)
      d.suffix.append(w);
      end = k;
      j = k;
      while (j < s.size() && s[j] == ' ') ++j;
    }
  }
  d.printed = std::string(trim(s.substr(b, end - b)));
  return d;
}

// The paper number at `s[j]`: "59", "42b", "274g".
std::string nr_text(std::string_view s, std::size_t j) {
  std::size_t len = 0;
  leading_number(s.substr(j), &len);
  std::string out(s.substr(j, len));
  const std::size_t e = j + len;
  if (e < s.size() && is_lower(s[e]) && (e + 1 == s.size() || !is_wordish(s[e + 1]))) {
    out.push_back(s[e]);
  } else if (e < s.size() && is_upper(s[e]) && (e + 1 == s.size() || !is_wordish(s[e + 1])) &&
             s[e] <= 'H') {
    out.push_back(lower(s[e]));
  }
  return out;
}

// Title-cases a role or name printed in capitals: "MINISTER VAN BUITENLANDSE ZAKEN" ->
// "Minister van Buitenlandse Zaken".
std::string title_case(std::string_view s) {
  static constexpr std::string_view kSmall[] = {"van", "voor", "en",  "de", "der",
                                                "het", "den",  "ten", "ter"};
  std::string out;
  std::size_t i = 0;
  bool first = true;
  while (i < s.size()) {
    if (s[i] == ' ') {
      out.push_back(' ');
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    std::string w;
    for (std::size_t k = i; k < j; ++k) {
      const unsigned char c = static_cast<unsigned char>(s[k]);
      const unsigned char d = k + 1 < j ? static_cast<unsigned char>(s[k + 1]) : 0;
      if (c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97) {
        // Latin-1 capitals in UTF-8 ("FINANCIËN"): lowercase the second byte
        w.push_back(s[k]);
        w.push_back(static_cast<char>(d + 0x20));
        ++k;
        continue;
      }
      w.push_back(lower(s[k]));
    }
    bool small = false;
    for (std::string_view sm : kSmall) small = small || w == sm;
    if (!small || first) {
      bool up = true;
      for (char& c : w) {
        if (up && is_lower(c)) c = static_cast<char>(c - 'a' + 'A');
        up = c == '-';
      }
    }
    out += w;
    first = false;
    i = j;
  }
  return out;
}

// Splits the authors part of a kind line ("MINISTERS VAN DEFENSIE EN VAN BUITENLANDSE ZAKEN",
// "MINISTER VAN FINANCIËN EN DE STAATSSECRETARIS VAN ...") into roles as printed.
std::vector<std::string> split_authors(std::string_view s) {
  std::vector<std::string> out;
  std::string_view role;
  std::size_t r = 0;
  static constexpr std::pair<std::string_view, std::string_view> kRoles[] = {
      {"ministers", "MINISTER"},
      {"minister-president", "MINISTER-PRESIDENT"},
      {"minister", "MINISTER"},
      {"staatssecretarissen", "STAATSSECRETARIS"},
      {"staatssecretaris", "STAATSSECRETARIS"}};
  for (const auto& [word, singular] : kRoles) {
    if (istarts_with(s, word) && (s.size() == word.size() || s[word.size()] == ' ')) {
      role = singular;
      r = word.size();
      break;
    }
  }
  if (role.empty()) return out;
  std::string_view rest = trim(s.substr(r));
  // "VAN DEFENSIE EN VAN BUITENLANDSE ZAKEN" -> two; "EN DE STAATSSECRETARIS ..." -> recurse
  std::vector<std::string_view> parts;
  while (!rest.empty()) {
    std::size_t cut = std::string_view::npos;
    std::size_t skip = 0;
    // Only "EN VAN" / "EN VOOR" / "EN DE" part two offices: a plain "EN" stays inside one
    // ("MINISTER VAN VOLKSHUISVESTING, RUIMTELIJKE ORDENING EN MILIEUBEHEER").
    for (std::string_view sep : {" EN VAN ", " EN VOOR ", " EN DE "}) {
      const std::size_t p = rest.find(sep);
      if (p != std::string_view::npos && p < cut) {
        cut = p;
        skip = sep == " EN DE " ? sep.size() : 4;
      }
    }
    if (cut == std::string_view::npos) {
      parts.push_back(rest);
      break;
    }
    parts.push_back(rest.substr(0, cut));
    rest = rest.substr(cut + skip);
    if (istarts_with(rest, "minister") || istarts_with(rest, "staatssecretaris")) {
      for (std::string_view p : parts)
        out.push_back(title_case(std::string(role) + " " + std::string(trim(p))));
      auto more = split_authors(rest);
      out.insert(out.end(), more.begin(), more.end());
      return out;
    }
  }
  for (std::string_view p : parts) {
    p = trim(p);
    if (!p.empty() && p.back() == '.') p.remove_suffix(1);
    out.push_back(title_case(std::string(role) + (p.empty() ? "" : " ") + std::string(p)));
  }
  return out;
}

// A full date "17 april 2020" / "den 4den November 1914" in `s`, as yyyy-mm-dd; empty if none.
std::string find_date(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1]))) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    const long day = leading_number(s.substr(i), &len);
    std::size_t j = i + len;
    while (j < s.size() && is_lower(s[j])) ++j;  // "4den"
    if (j < s.size() && s[j] == ' ' && day >= 1 && day <= 31 && len <= 2) {
      std::size_t k = j + 1;
      std::size_t e = k;
      while (e < s.size() && is_alpha(s[e])) ++e;
      const int month = month_number(s.substr(k, e - k));
      if (month > 0 && e + 5 <= s.size() && s[e] == ' ') {
        std::size_t ylen = 0;
        const long year = leading_number(s.substr(e + 1), &ylen);
        if (ylen == 4 && year >= 1800 && year <= 2100) {
          std::string out = std::to_string(year) + (month < 10 ? "-0" : "-") +
                            std::to_string(month) + (day < 10 ? "-0" : "-") + std::to_string(day);
          return out;
        }
      }
    }
    i += std::max<std::size_t>(len, 1);
  }
  return {};
}

// Cuts a kind line down to the kind: "BRIEF VAN DE MINISTER VAN DEFENSIE" -> "brief" (the
// authors go to `authors`), "NOTA NAAR AANLEIDING VAN HET VERSLAG Ontvangen ..." -> "nota naar
// aanleiding van het verslag".
std::string kind_of(std::string_view line, std::vector<std::string>* authors) {
  // Only the leading run of capital words is the kind line.
  std::size_t end = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    std::size_t j = i;
    bool upper = true;
    bool letters = false;
    while (j < line.size() && line[j] != ' ') {
      if (is_lower(line[j])) upper = false;
      if (is_alpha(line[j])) letters = true;
      ++j;
    }
    if (j == i) break;
    if (!upper || !letters) break;
    end = j;
    i = j;
  }
  std::string caps = normalize_dashes(trim(line.substr(0, end)));
  // Drop a paper number printed on the kind line ("VERSLAG Nr. 5" stops at "Nr" already).
  static constexpr std::string_view kCuts[] = {" VAN DE MINISTER",
                                               " VAN DEN MINISTER",
                                               " VAN DE STAATSSECRETARIS",
                                               " VAN HET LID",
                                               " VAN DE LEDEN",
                                               " VAN DE VASTE COMMISSIE",
                                               " VAN DE COMMISSIE",
                                               " VAN DE BIJZONDERE COMMISSIE",
                                               " DER COMMISSIES",
                                               " DER COMMISSIE",
                                               " VAN DE COMMISSIES",
                                               " TER VERVANGING",
                                               " OVER HET ADRES",
                                               " VAN EEN MISSTELLING",
                                               " (",
                                               " VAN DE VOORZITTER",
                                               " VAN DE ALGEMENE COMMISSIE",
                                               " VAN DE MINISTER-PRESIDENT"};
  std::size_t cut = caps.size();
  std::size_t cut_at = caps.size();
  for (std::string_view c : kCuts) {
    const std::size_t p = caps.find(c);
    if (p != std::string::npos && p < cut) {
      cut = p;
      cut_at = p;
    }
  }
  if (cut < caps.size() && authors != nullptr) {
    std::string_view who = std::string_view(caps).substr(cut_at);
    for (std::string_view pre : {" VAN DE ", " VAN DEN "}) {
      if (who.rfind(pre, 0) == 0) {
        *authors = split_authors(who.substr(pre.size()));
        break;
      }
    }
  }
  std::string kind;
  for (char c : std::string_view(caps).substr(0, cut)) kind.push_back(lower(c));
  // "deel d -regeringsbeslissing", "2de nota van wijziging": keep the kind words
  if (const std::size_t p = kind.find(" -"); p != std::string::npos) kind = kind.substr(p + 2);
  if (kind.rfind("bijlage ", 0) == 0 && kind.find(" van het verslag") != std::string::npos)
    kind = "bijlage";
  while (!kind.empty() && (kind.back() == '.' || kind.back() == ' ' || kind.back() == ',' ||
                           kind.back() == '\'' || kind.back() == '"' || kind.back() == ':')) {
    kind.pop_back();
  }
  return kind;
}

// A kind line opens with a word in capitals of 4+ letters ("BRIEF", "MOTIE", "NOTA", "2DE
// NOTA") or with two words in capitals.
bool is_kind_line(std::string_view s) {
  std::size_t j = 0;
  while (j < s.size() && (is_upper(s[j]) || is_digit(s[j]))) ++j;
  int upper = 0;
  for (std::size_t i = 0; i < j; ++i) upper += is_upper(s[i]) ? 1 : 0;
  if (j < s.size() && s[j] != ' ' && s[j] != '.' && s[j] != ',') return false;
  if (upper >= 4) return true;
  if (upper < 2 || j >= s.size()) return false;
  std::size_t k = j + 1;
  while (k < s.size() && is_upper(s[k])) ++k;
  return k - j - 1 >= 2 && (k == s.size() || s[k] == ' ');
}

std::string house_of(std::string_view s) {
  if (istarts_with(s, "tweede kamer") || istarts_with(s, "tweede ramer") ||
      istarts_with(s, "tweede kamcr") || istarts_with(s, "tweede kauier")) {
    return "Tweede Kamer";
  }
  if (istarts_with(s, "eerste kamer") || istarts_with(s, "eerste ramer")) return "Eerste Kamer";
  return {};
}

bool is_footer(std::string_view s) {
  if (house_of(s).empty()) return false;
  std::string_view rest = s.substr(12);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  const bool joined = istarts_with(rest, "zitting") || istarts_with(rest, "vergaderjaar");
  return !rest.empty() && (rest.front() == ',' || rest.front() == '.' || joined) &&
         (ifind(rest, "vergaderjaar") != std::string_view::npos ||
          ifind(rest, "zitting") != std::string_view::npos);
}

// Reads "Tweede Kamer, vergaderjaar 1991-1992, 22 500 X, nr. 12" into `id` where empty.
void read_footer(std::string_view s, Identity& id, DossierText* fd, std::string* fnr) {
  if (id.house.empty()) id.house = house_of(s);
  std::size_t p = ifind(s, "vergaderjaar");
  std::size_t skip = 12;
  if (p == std::string_view::npos) {
    p = ifind(s, "zitting");
    skip = 7;
  }
  if (p == std::string_view::npos) return;
  const std::string norm = normalize_dashes(s.substr(p + skip));
  std::string_view rest;
  const std::string years = session_years(norm, &rest);
  if (id.session.empty()) id.session = years;
  *fd = parse_dossier(rest);
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const std::size_t j = nr_marker_end(rest, i);
    if (j != std::string_view::npos) {
      *fnr = nr_text(rest, j);
      return;
    }
  }
  // "16433, A-C": advice and reply printed under letters instead of a number; the first letter
  // is the paper's number.
  if (const std::size_t p2 = rest.find(fd->printed);
      !fd->printed.empty() && p2 != std::string_view::npos) {
    std::string_view after = trim(rest.substr(p2 + fd->printed.size()));
    if (!after.empty() && after.front() == ',') after = trim(after.substr(1));
    if (!after.empty() && is_upper(after[0]) && (after.size() == 1 || after[1] == '-')) {
      *fnr = std::string(1, after[0]);
    }
  }
}

}  // namespace

std::string kamerstuk_key(std::string_view dossier_digits, std::string_view suffix,
                          std::string_view nr) {
  std::string key = "kst-";
  key += dossier_digits;
  if (!suffix.empty()) {
    key += '-';
    for (char c : suffix) {
      if (c != ' ') key.push_back(is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c);
    }
  }
  key += '-';
  key += nr;
  return key;
}

std::string dossier_display(std::string_view dossier_digits, std::string_view suffix) {
  std::string out;
  if (dossier_digits.size() >= 5) {
    out.append(dossier_digits.substr(0, dossier_digits.size() - 3));
    out.push_back(' ');
    out.append(dossier_digits.substr(dossier_digits.size() - 3));
  } else {
    out.append(dossier_digits);
  }
  if (!suffix.empty()) {
    const bool digits = is_digit(suffix.front());
    out.push_back(digits ? '-' : ' ');
    out.append(suffix);
  }
  return out;
}

Identity read_identity(const Layout& layout, std::string_view origin) {
  Identity id;
  id.header_lines = layout.header_lines;
  std::vector<const Span*> header;
  for (const Span& s : layout.spans) {
    if (s.kind == SpanKind::kFurniture && s.first_line <= layout.header_lines) header.push_back(&s);
  }
  DossierText dossier;
  std::string nr;
  long kind_line = -1;
  bool kind_after_nr = false;
  bool modern = false;  // a session line: the papers that carry a dossier number
  for (const Span* h : header) {
    std::string_view rest;
    if (istarts_with(h->text, "vergaderjaar") &&
        !session_years(normalize_dashes(std::string_view(h->text).substr(12)), &rest).empty()) {
      modern = true;
    }
    if (istarts_with(h->text, "zitting") &&
        !session_years(normalize_dashes(std::string_view(h->text).substr(7)), &rest).empty()) {
      modern = true;
    }
  }
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string& t = header[i]->text;
    if (id.house.empty() && !house_of(t).empty() && !is_footer(t)) {
      id.house = house_of(t);
      continue;
    }
    std::string_view rest;
    if (istarts_with(t, "vergaderjaar") || istarts_with(t, "zitting")) {
      const std::string norm =
          normalize_dashes(std::string_view(t).substr(t[0] == 'V' || t[0] == 'v' ? 12 : 7));
      std::string years = session_years(norm, &rest);
      if (!years.empty()) {
        modern = true;
        if (id.session.empty()) id.session = years;
        if (dossier.digits.empty()) {
          DossierText d = parse_dossier(rest);
          if (!d.digits.empty()) dossier = d;
        }
        for (std::size_t k = 0; k < rest.size() && nr.empty(); ++k) {
          const std::size_t j = nr_marker_end(rest, k);
          if (j != std::string_view::npos) nr = nr_text(rest, j);
        }
        continue;
      }
    }
    if (nr.empty()) {
      const std::size_t j = nr_marker_end(t, 0);
      if (j != std::string_view::npos) {
        nr = nr_text(t, j);
        continue;
      }
    }
    if (dossier.digits.empty() && !t.empty() && is_digit(t[0]) && modern) {
      DossierText d = parse_dossier(t);
      const std::string_view after =
          trim(std::string_view(t).substr(std::min(t.size(), d.printed.size())));
      if (!d.digits.empty() && (after.size() <= 3 || after.rfind("(", 0) == 0)) {
        dossier = d;
        continue;
      }
    }
    if (!dossier.digits.empty() && dossier.suffix.empty() && istarts_with(t, "hoofdstuk")) {
      std::string_view h = trim(std::string_view(t).substr(9));
      h = h.substr(0, h.find(' '));
      if (is_roman(h)) {
        dossier.suffix = std::string(h);
        dossier.printed += " " + std::string(h);
        continue;
      }
    }
    // In ordinary case a kind line looks like a title: only after the title or the number.
    const bool mixed_kind =
        kind_line < 0 && (!nr.empty() || !id.title.empty()) && is_mixed_case_kind(t);
    if (is_kind_line(t) || mixed_kind) {
      bool with_nr = false;
      for (std::size_t k = 0; k < t.size() && !with_nr; ++k) {
        const std::size_t j = nr_marker_end(t, k);
        if (j != std::string_view::npos) {
          with_nr = true;
          if (nr.empty()) nr = nr_text(t, j);
        }
      }
      // The kind line is the one that carries the number, else the first after the number,
      // else the first.
      const bool after_nr = !nr.empty() && !with_nr;
      if (kind_line < 0 || with_nr || (after_nr && !kind_after_nr)) {
        kind_line = static_cast<long>(i);
        kind_after_nr = kind_after_nr || after_nr || with_nr;
        id.authors.clear();
        if (mixed_kind && !is_kind_line(t)) {
          // "Amendement van de heer Van Lier": the kind without its authors or dates
          std::string low;
          for (char c : t) low.push_back(lower(c));
          std::size_t cut = low.size();
          for (std::string_view c : {" van de heer", " van het lid", " van de leden",
                                     " van de minister", " van de staatssecretaris", " (",
                                     " ontvangen", " ingezonden", " voorgesteld", " vastgesteld"}) {
            cut = std::min(cut, low.find(c));
          }
          id.kind = low.substr(0, cut);
          while (!id.kind.empty() && (id.kind.back() == '.' || id.kind.back() == ' '))
            id.kind.pop_back();
        } else {
          id.kind = kind_of(t, &id.authors);
        }
      }
      continue;
    }
    if (!dossier.digits.empty() && nr.empty() && kind_line < 0 && !is_digit(t[0])) {
      if (!id.title.empty()) id.title += ' ';
      id.title += t;
    }
  }
  // Footer: fills what the header left out, and a budget chapter the header omits.
  for (const Span& s : layout.spans) {
    if (s.kind != SpanKind::kFurniture || !is_footer(s.text)) continue;
    DossierText fd;
    std::string fnr;
    read_footer(s.text, id, &fd, &fnr);
    if (modern && !fd.digits.empty()) {
      if (dossier.digits.empty()) dossier = fd;
      if (dossier.digits == fd.digits && dossier.suffix.empty() && !fd.suffix.empty()) {
        dossier.suffix = fd.suffix;
        dossier.printed += " " + fd.suffix;
      }
      if (nr.empty() && fd.digits == dossier.digits) nr = fnr;
    }
    break;
  }
  if (id.house.empty()) {
    // Older papers print the house on a line of its own near the top ("Tweede Kamer.").
    for (const Span& s : layout.spans) {
      if (s.first_line > 8) break;
      if (!house_of(s.text).empty() && s.text.size() <= 40) {
        id.house = house_of(s.text);
        break;
      }
    }
  }
  bool aanhangsel = false;
  for (const Span* h : header) aanhangsel = aanhangsel || istarts_with(h->text, "aanhangsel");
  for (const Span& s : layout.spans) {
    // "Tweede Kamer, zitting 1974-1975, Aanhangsel": a footer that names the Aanhangsel
    if (s.kind == SpanKind::kFurniture && is_footer(s.text) &&
        ifind(s.text, "aanhangsel") != std::string_view::npos) {
      aanhangsel = true;
    }
  }
  if (aanhangsel) {
    // Questions and answers, numbered per session: no dossier, no paper number.
    modern = false;
    id.kind = "vragen";
    id.authors.clear();
    id.title.clear();
  }
  // Running heads of debate pages and Bijlagen volumes: "TWEEDE KAMER", "Deel I Zitting
  // 1957—1958", "... Bijlagen 1957—1958 Eerste Kamer".
  for (const Span& s : layout.spans) {
    if (s.text.size() > 100) continue;
    std::string_view t = s.text;
    if (!t.empty() && t.back() == '.') t.remove_suffix(1);
    if (id.house.empty() && t.size() >= 12) {
      const std::string_view tail = t.substr(t.size() - 12);
      if (iequals(tail, "tweede kamer")) id.house = "Tweede Kamer";
      if (iequals(tail, "eerste kamer")) id.house = "Eerste Kamer";
    }
    if (id.session.empty() && t.size() <= 40) {
      if (const std::size_t z = ifind(t, "zitting"); z != std::string_view::npos) {
        std::string_view rest;
        id.session = session_years(normalize_dashes(t.substr(z + 7)), &rest);
        if (id.session.size() != 9) id.session.clear();
      }
    }
  }
  if (!modern && !aanhangsel && id.kind.empty()) {
    // Older papers: the kind stands in capitals near the top, often behind the old bracketed
    // number ("(840. 1.) KONINKLIJKE BOODSCHAP.", "MISSIVE van den Minister van Koloniën.").
    static constexpr std::string_view kOldKinds[] = {"koninklijke boodschap",
                                                     "ontwerp van wet",
                                                     "gewijzigd ontwerp van wet",
                                                     "memorie van",
                                                     "missive",
                                                     "verslag",
                                                     "eindverslag",
                                                     "voorlopig verslag",
                                                     "nota van",
                                                     "nota naar"};
    for (const Span& s : layout.spans) {
      if (s.first_line > 12) break;
      std::string_view t = s.text;
      // "... [48. 9.] GEWIJZIGD ONTWERP VAN WET.": the old number may stand inside a line
      for (std::size_t b = t.find("] "); b != std::string_view::npos && b < t.size();
           b = t.find("] ", b + 1)) {
        const std::string_view after = t.substr(b + 2);
        bool known = false;
        for (std::string_view k : kOldKinds) known = known || istarts_with(after, k);
        if (known && is_kind_line(after)) {
          t = after;
          break;
        }
      }
      if (!t.empty() && (t.front() == '(' || t.front() == '[' || is_digit(t.front()))) {
        const std::size_t close = t.find_first_of(")]");
        if (close == std::string_view::npos || close > 14) {
          if (is_digit(t.front())) continue;
          continue;
        }
        t = trim(t.substr(close + 1));
      }
      // OCR'd "BlJLACiK II VAN HET VERSLAG": an annex, by its garbled first word in capitals
      const std::string_view first = t.substr(0, t.find(' '));
      int caps = 0;
      for (char c : first) caps += is_upper(c) ? 1 : 0;
      // (OCR confuses I/l, G/C and E/iK; the word keeps its B and J)
      if (first.size() >= 6 && first.size() <= 9 && caps >= 5 && first[0] == 'B' &&
          first.find('J') != std::string_view::npos && kg::edit_distance(first, "BIJLAGE") <= 4) {
        id.kind = "bijlage";
        break;
      }
      if (!is_kind_line(t) && !(t.size() > 7 && iequals(t.substr(0, 7), "missive"))) continue;
      bool known = false;
      for (std::string_view k : kOldKinds) known = known || istarts_with(t, k);
      if (!known) continue;
      std::vector<std::string> ignored;
      id.kind = kind_of(t, &ignored);
      break;
    }
  }
  if (modern && !dossier.digits.empty()) {
    id.dossier = dossier.printed;
    id.suffix = dossier.suffix;
  }
  if (modern && !nr.empty()) id.nr = nr;
  if (!id.dossier.empty() && !id.nr.empty()) {
    id.key = kamerstuk_key(dossier.digits, dossier.suffix, id.nr);
  }
  // The date: on the kind line or in the lines just after the header.
  if (kind_line >= 0) id.date = find_date(header[static_cast<std::size_t>(kind_line)]->text);
  if (id.date.empty()) {
    int seen = 0;
    for (const Span& s : layout.spans) {
      if (s.first_line <= layout.header_lines || s.kind == SpanKind::kFurniture) continue;
      if (++seen > 3) break;
      if (s.text.size() < 200) {
        id.date = find_date(s.text);
        if (!id.date.empty()) break;
      }
    }
  }
  // No printed identity: a file name that is a key ("kst-33694-57.txt").
  if (id.key.empty()) {
    std::string_view name = origin;
    if (const std::size_t slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
      name = name.substr(slash + 1);
    }
    if (const std::size_t dot = name.find('.'); dot != std::string_view::npos)
      name = name.substr(0, dot);
    if (istarts_with(name, "kst-")) {
      std::vector<std::string_view> parts;
      std::string_view rest = name.substr(4);
      while (true) {
        const std::size_t dash = rest.find('-');
        parts.push_back(rest.substr(0, dash));
        if (dash == std::string_view::npos) break;
        rest = rest.substr(dash + 1);
      }
      bool ok = parts.size() == 2 || parts.size() == 3;
      for (std::string_view p : parts) ok = ok && !p.empty() && p.size() <= 8;
      std::size_t dl = 0;
      if (ok) leading_number(parts.front(), &dl);
      ok = ok && dl == parts.front().size() && dl >= 3 && is_digit(parts.back()[0]);
      if (ok) {
        const std::string digits(parts.front());
        const std::string suffix = parts.size() == 3 ? std::string(parts[1]) : std::string();
        id.nr = std::string(parts.back());
        id.key = kamerstuk_key(digits, suffix, id.nr);
        id.suffix.clear();
        for (char c : suffix)
          id.suffix.push_back(is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c);
        id.dossier = dossier_display(digits, id.suffix);
      }
    }
  }
  return id;
}

}  // namespace kg::ingest

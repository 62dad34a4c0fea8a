// Finds references to other papers in a paper's spans (ingest/citations.h). Each span's text is
// cut into number, word and punctuation tokens once; a small hand-written parser then reads the
// forms papers use at each number, "stuk" and "Handelingen". Linear in the text; no regex.
// Pure, thread-safe; every token index is bounds-checked.
#include "ingest/citations.h"

#include <algorithm>
#include <cstdlib>

#include "ingest/scan.h"

namespace kg::ingest {
namespace {

using namespace scan;

enum class TokKind { kNum, kWord, kPunct };

struct Tok {
  TokKind kind;
  std::size_t begin;
  std::size_t end;
  bool space_before;
};

// Bytes that belong to a word: ASCII letters and the Latin letters (and °, º) of UTF-8.
std::size_t word_char_len(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (is_alpha(s[i])) return 1;
  if (i + 1 < s.size()) {
    const unsigned char d = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xC2 && (d == 0xB0 || d == 0xBA)) return 2;  // ° º
    if (c >= 0xC3 && c <= 0xC5 && d >= 0x80 && d <= 0xBF && !(c == 0xC3 && (d == 0x97 || d == 0xB7))) {
      return 2;
    }
  }
  return 0;
}

std::size_t utf8_len(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::min(n, s.size() - i);
}

std::vector<Tok> tokenize(std::string_view s) {
  std::vector<Tok> out;
  std::size_t i = 0;
  bool space = false;
  while (i < s.size()) {
    if (is_space(s[i]) || s[i] == '\n') {
      space = true;
      ++i;
      continue;
    }
    const std::size_t b = i;
    TokKind kind = TokKind::kPunct;
    if (is_digit(s[i])) {
      kind = TokKind::kNum;
      while (i < s.size() && is_digit(s[i])) ++i;
    } else if (std::size_t w = word_char_len(s, i); w > 0) {
      kind = TokKind::kWord;
      while (i < s.size() && (w = word_char_len(s, i)) > 0) i += w;
    } else {
      i += utf8_len(s, i);
    }
    out.push_back({kind, b, i, space});
    space = false;
  }
  return out;
}

class Parser {
 public:
  Parser(const Span& span, std::size_t span_index, const Identity& self,
         std::vector<Citation>& out)
      : s_(span.text), toks_(tokenize(span.text)), span_(span_index), self_(self), out_(out) {}

  void run() {
    std::size_t i = 0;
    while (i < toks_.size()) {
      std::size_t next = i + 1;
      if (is_word(i, "handelingen")) {
        next = std::max(next, handelingen(i));
      } else if (is_stuk_word(i) && is_marker(i + 1)) {
        next = std::max(next, own_dossier(i));
      } else if (kind(i) == TokKind::kNum) {
        next = std::max(next, kamerstuk(i));
      }
      i = next;
    }
  }

 private:
  struct Dossier {
    std::string digits;
    std::string suffix;
    std::size_t end = 0;  // token after the dossier
  };

  TokKind kind(std::size_t i) const { return i < toks_.size() ? toks_[i].kind : TokKind::kPunct; }
  std::string_view text(std::size_t i) const {
    if (i >= toks_.size()) return {};
    return std::string_view(s_).substr(toks_[i].begin, toks_[i].end - toks_[i].begin);
  }
  bool is_num(std::size_t i) const { return i < toks_.size() && toks_[i].kind == TokKind::kNum; }
  bool is_word(std::size_t i, std::string_view w) const {
    return i < toks_.size() && toks_[i].kind == TokKind::kWord && iequals(text(i), w);
  }
  bool is_punct(std::size_t i, std::string_view p) const {
    return i < toks_.size() && toks_[i].kind == TokKind::kPunct && text(i) == p;
  }
  bool spaced(std::size_t i) const { return i < toks_.size() && toks_[i].space_before; }
  bool is_dash(std::size_t i) const {
    return is_punct(i, "-") || is_punct(i, "\xE2\x80\x93") || is_punct(i, "\xE2\x80\x94");
  }

  // "stuk", "Stuk", "stukken", "Kamerstuk", "Kamerstukken", OCR'd "kamer-stukken".
  bool is_stuk_word(std::size_t i) const {
    if (i >= toks_.size() || toks_[i].kind != TokKind::kWord) return false;
    const std::string_view w = text(i);
    return iequals(w, "stuk") || iequals(w, "stukken") || iequals(w, "kamerstuk") ||
           iequals(w, "kamerstukken");
  }

  // "nr", "nrs", "no", "nos", "n°", "nº" (any case), optionally followed by ".", then a
  // number. Returns the token of the number, or 0.
  std::size_t marker_number(std::size_t i) const {
    if (i >= toks_.size() || toks_[i].kind != TokKind::kWord) return 0;
    const std::string_view w = text(i);
    const bool marker = iequals(w, "nr") || iequals(w, "nrs") || iequals(w, "no") ||
                        iequals(w, "nos") || iequals(w, "n\xC2\xB0") || iequals(w, "n\xC2\xB0s") ||
                        iequals(w, "n\xC2\xBA") || iequals(w, "nr\xC2\xB0") ||
                        (w.size() == 3 && (w == "N\xC2\xB0" || w == "N\xC2\xBA"));
    if (!marker) return 0;
    std::size_t j = i + 1;
    if (is_punct(j, ".")) ++j;
    return is_num(j) ? j : 0;
  }
  bool is_marker(std::size_t i) const { return marker_number(i) != 0; }

  bool is_roman(std::string_view w) const {
    if (w.empty() || w.size() > 6) return false;
    for (char c : w) {
      if (c != 'I' && c != 'V' && c != 'X' && c != 'L' && c != 'C') return false;
    }
    return true;
  }
  bool is_suffix_word(std::size_t i) const {
    if (i >= toks_.size() || toks_[i].kind != TokKind::kWord) return false;
    const std::string_view w = text(i);
    return is_roman(w) || (w.size() == 1 && is_upper(w[0]));
  }

  // A dossier number at token `i`: "22 800", "22800", "5312", with its suffix ("X", "-02",
  // "hoofdstuk XVI") and any "(R 1451)" after it. `short_ok` admits 1-3 digit dossiers.
  bool dossier(std::size_t i, bool short_ok, Dossier* d) const {
    if (!is_num(i)) return false;
    const std::string_view a = text(i);
    std::size_t j = i + 1;
    d->digits.assign(a);
    if (a.size() <= 3 && is_num(j) && spaced(j) && text(j).size() == 3 &&
        !(is_num(j + 1) && spaced(j + 1) && text(j + 1).size() == 3)) {
      d->digits.append(text(j));
      ++j;
    } else if (a.size() < 4 && !short_ok) {
      return false;
    }
    if (d->digits.size() > 6 || d->digits[0] == '0') return false;
    d->suffix.clear();
    if (is_dash(j) && !spaced(j) && is_num(j + 1) && !spaced(j + 1) && text(j + 1).size() <= 3) {
      d->suffix.assign(text(j + 1));  // "21 501-02"
      j += 2;
    } else if (is_suffix_word(j) && spaced(j)) {
      d->suffix.assign(text(j));  // "22 800 X"
      ++j;
    } else if (is_word(j, "hoofdstuk") && is_suffix_word(j + 1)) {
      d->suffix.assign(text(j + 1));  // "18600 hoofdstuk XVI"
      j += 2;
    } else if (is_punct(j, ",") && is_suffix_word(j + 1)) {
      // "21 300, VI en VII, nr. 23": a dossier under two chapters, keyed by the first
      std::size_t k = j + 2;
      while (is_word(k, "en") && is_suffix_word(k + 1)) k += 2;
      if (is_punct(k, ",") && is_marker(k + 1)) {
        d->suffix.assign(text(j + 1));
        j = k;
      }
    }
    if (is_punct(j, "(") && is_word(j + 1, "r") && is_num(j + 2) && is_punct(j + 3, ")")) {
      j += 4;  // "(R 1451)": the Kingdom-law number printed beside the dossier
    } else if (is_punct(j, "(") && is_word(j + 1, "r") && is_num(j + 2)) {
      j += 3;
    }
    d->end = j;
    return true;
  }

  // The numbers after a marker: "24", "24 en 25", "3, 4 en 7", "1-4". Stops before a number
  // that opens another dossier ("nr. 72 en 30 821, nr. 73") or a year ("1991/92").
  std::size_t number_list(std::size_t i, std::vector<std::string>* nrs) const {
    auto take = [&](std::size_t k) {
      std::string n(text(k));
      std::size_t e = k + 1;
      // "Nr. 22a": a letter glued to the number belongs to it
      if (e < toks_.size() && toks_[e].kind == TokKind::kWord && !spaced(e) && text(e).size() == 1 &&
          is_lower(text(e)[0]) && text(e)[0] <= 'h') {
        n += text(e);
        ++e;
      }
      nrs->push_back(std::move(n));
      return e;
    };
    auto starts_other = [&](std::size_t k) {
      if (text(k).size() > 5) return true;
      if (text(k).size() <= 3 && is_num(k + 1) && spaced(k + 1) && text(k + 1).size() == 3) return true;
      if (is_punct(k + 1, "/")) return true;
      std::size_t m = k + 1;
      if (is_punct(m, ",")) ++m;
      return is_marker(m);
    };
    std::size_t j = take(i);
    while (true) {
      if (is_dash(j) && is_num(j + 1) && !starts_other(j + 1)) {
        const long lo = std::atol(nrs->back().c_str());
        const long hi = std::atol(std::string(text(j + 1)).c_str());
        if (hi > lo && hi - lo <= 20 && std::to_string(lo) == nrs->back()) {
          for (long v = lo + 1; v <= hi; ++v) nrs->push_back(std::to_string(v));
          j += 2;
          continue;
        }
        break;
      }
      const bool sep = is_punct(j, ",") || is_word(j, "en") || is_punct(j, "&");
      if (!sep || !is_num(j + 1) || starts_other(j + 1)) break;
      j = take(j + 1);
    }
    return j;
  }

  // Words before token `i` (back to an opening bracket or the clause start) that make the
  // number after them something other than a paper: a gazette, a resolution, a date.
  bool excluded_before(std::size_t i) const {
    if (i == 0) return false;
    std::size_t k = i;
    for (int steps = 0; steps < 4 && k > 0; ++steps) {
      --k;
      const Tok& t = toks_[k];
      if (t.kind == TokKind::kPunct) {
        const std::string_view p = text(k);
        if (p == "(" || p == ";" || p == ":") return false;
        continue;
      }
      if (t.kind != TokKind::kWord) continue;
      const std::string_view w = text(k);
      if (steps == 0 && month_number(w) != 0) return true;  // "12 december 1992, nr. 3"
      static constexpr std::string_view kGazettes[] = {
          "staatsblad", "stb", "stbl", "staatsbl", "tractatenblad", "trb", "staatscourant",
          "stcrt", "stct", "resolutie", "resolution", "pb", "publicatieblad", "bijblad",
          "blz", "pag", "artikel", "art", "verordening", "richtlijn", "besluit"};
      for (std::string_view g : kGazettes) {
        if (iequals(w, g)) return true;
      }
      if (k + 1 < toks_.size() && steps > 0) return false;  // another word: the clause moved on
    }
    return false;
  }

  // "Kamerstuk", "Kamerstukken II 1991/92," ... just before token `i`: returns the keyword's
  // token, or npos.
  std::size_t keyword_before(std::size_t i) const {
    std::size_t k = i;
    for (int steps = 0; steps < 8 && k > 0; ++steps) {
      --k;
      if (is_stuk_word(k)) return k;
      const std::string_view t = text(k);
      const bool skippable = is_punct(k, ",") || is_punct(k, "/") || is_dash(k) ||
                             (kind(k) == TokKind::kNum && t.size() <= 4) || iequals(t, "ii") ||
                             iequals(t, "i") || iequals(t, "ll") || iequals(t, "il") ||
                             iequals(t, "li") || iequals(t, "tk") || iequals(t, "ek");
      if (!skippable) break;
    }
    return std::string_view::npos;
  }

  std::size_t kamerstuk(std::size_t i) {
    const std::size_t kw = keyword_before(i);
    const bool has_kw = kw != std::string_view::npos;
    // A number glued to a word or number before it ("zitting 1978-1979,14378") is still a
    // dossier; one inside a larger figure ("1 000 000") is not.
    if (i > 0 && is_num(i - 1) && spaced(i) && text(i - 1).size() <= 3) return i + 1;
    Dossier d;
    if (!dossier(i, has_kw, &d)) return i + 1;
    std::size_t j = d.end;
    // "Kamerstukken 33 694 en 26 643, nr. 47": one paper, keyed by the first dossier
    while (true) {
      Dossier other;
      if (is_word(j, "en") && dossier(j + 1, has_kw, &other)) {
        std::size_t k = other.end;
        if (is_punct(k, ",")) ++k;
        if (is_marker(k) || is_word(other.end, "en")) {
          j = other.end;
          continue;
        }
      }
      if (is_word(j, "enz") && is_punct(j + 1, ".")) {
        j += 2;
        continue;
      }
      break;
    }
    if (is_punct(j, ",")) ++j;
    const std::size_t num = marker_number(j);
    if (num == 0) return i + 1;
    if (!has_kw && excluded_before(i)) return i + 1;
    std::vector<std::string> nrs;
    const std::size_t end = number_list(num, &nrs);
    const std::size_t start = has_kw ? toks_[kw].begin : toks_[i].begin;
    for (const std::string& nr : nrs) add_kamerstuk(d.digits, d.suffix, nr, start);
    return end;
  }

  // "stuk nr. 12", "Stuk nr. 12", "stukken nrs. 3 en 4": papers of the citing paper's own
  // dossier.
  std::size_t own_dossier(std::size_t i) {
    const std::size_t num = marker_number(i + 1);
    std::vector<std::string> nrs;
    const std::size_t end = number_list(num, &nrs);
    if (self_.dossier.empty()) return end;
    std::string digits;
    for (char c : self_.dossier) {
      if (is_digit(c)) digits.push_back(c);
      if (c != ' ' && !is_digit(c)) break;
    }
    if (digits.empty()) return end;
    for (const std::string& nr : nrs) add_kamerstuk(digits, self_.suffix, nr, toks_[i].begin);
    return end;
  }

  void add_kamerstuk(const std::string& digits, const std::string& suffix, const std::string& nr,
                     std::size_t offset) {
    Citation c;
    c.key = kamerstuk_key(digits, suffix, nr);
    if (!self_.key.empty() && c.key == self_.key) return;
    c.dossier = dossier_display(digits, suffix);
    c.nr = nr;
    c.name = "Kamerstuk " + c.dossier + ", nr. " + nr;
    c.span = span_;
    c.offset = offset;
    out_.push_back(std::move(c));
  }

  // "Handelingen II 2019/20, nr. 23, items 4 en 7"; "Handelingen II 1985/86, blz. 2345".
  std::size_t handelingen(std::size_t i) {
    std::size_t j = i + 1;
    std::string house;  // "tk" | "ek"
    const std::string_view h = text(j);
    if (kind(j) == TokKind::kWord) {
      if (iequals(h, "ii") || iequals(h, "ll") || iequals(h, "il") || iequals(h, "li") ||
          iequals(h, "tk")) {
        house = "tk";
        ++j;
      } else if (h == "I" || h == "l" || iequals(h, "ek")) {
        house = "ek";
        ++j;
      }
    } else if (is_num(j) && (h == "11" || h == "1")) {
      // OCR'd "Handelingen 11 1985/86": only when a session year follows
      if (is_num(j + 1) && text(j + 1).size() == 4) {
        house = h == "11" ? "tk" : "ek";
        ++j;
      }
    }
    // "Aanhangsel Handelingen", OCR'd "Aan-hangsel": answers to written questions
    bool aanhangsel = i > 0 && (is_word(i - 1, "aanhangsel") || is_word(i - 1, "aanhangsels") ||
                                is_word(i - 1, "hangsel"));
    // "Handelingen dezer Kamer, zitting 1976-1977": words between the name and the year
    bool own_session = false;
    for (int steps = 0; steps < 4; ++steps) {
      if (is_punct(j, ",") || is_word(j, "zitting") || is_word(j, "vergaderjaar") ||
          is_word(j, "kamer") || is_word(j, "van") || is_word(j, "de")) {
        ++j;
      } else if (is_word(j, "dezer")) {
        own_session = true;
        ++j;
      } else {
        break;
      }
    }
    if (is_word(j, "zit") && is_dash(j + 1) && is_word(j + 2, "ting")) j += 3;
    if (is_punct(j, ",")) ++j;
    if (house.empty()) house = self_.house == "Eerste Kamer" ? "ek" : "tk";
    std::string y1;
    std::string y2;
    if (is_num(j) && text(j).size() == 4 && (is_punct(j + 1, "/") || is_dash(j + 1)) &&
        is_num(j + 2)) {
      y1 = text(j);
      y2 = text(j + 2);
      j += 3;
    } else if (own_session && self_.session.size() == 9) {
      y1 = self_.session.substr(0, 4);
      y2 = self_.session.substr(5, 4);
    } else if (aanhangsel && marker_number(j) != 0 && self_.session.size() == 9) {
      y1 = self_.session.substr(0, 4);
      y2 = self_.session.substr(5, 4);
    } else {
      return i + 1;
    }
    if (y2.size() == 2) {
      y2 = std::to_string(std::atoi(y1.c_str()) + 1);
    } else if (y2.size() != 4) {
      return i + 1;
    }
    if (is_punct(j, ".")) ++j;
    if (is_punct(j, ",")) ++j;
    const std::string year_key = y1 + y2;
    const std::string year_name =
        y1 + "/" + (y1.substr(0, 2) == y2.substr(0, 2) ? y2.substr(2) : y2);
    std::string prefix = std::string("h-") + house + "-" + year_key;
    std::string name = std::string("Handelingen ") + (house == "tk" ? "II " : "I ") + year_name;
    const std::size_t offset = toks_[aanhangsel ? i - 1 : i].begin;

    if (std::size_t num = marker_number(j); num != 0) {
      std::vector<std::string> nrs;
      std::size_t end = number_list(num, &nrs);
      // A session has far fewer meetings than this: the numbers are Aanhangsel items.
      if (!nrs.empty() && std::atol(nrs.front().c_str()) > 300) aanhangsel = true;
      if (aanhangsel) {
        prefix = "ah-" + prefix.substr(2);
        name = "Aanhangsel " + name;
      }
      std::vector<std::string> items;
      std::size_t k = end;
      if (is_punct(k, ",")) ++k;
      if ((is_word(k, "item") || is_word(k, "items")) && is_num(k + 1) && nrs.size() == 1) {
        end = number_list(k + 1, &items);
      }
      for (const std::string& nr : nrs) {
        if (items.empty()) {
          add_handelingen(prefix + "-" + nr, name + ", nr. " + nr, nr, offset);
        } else {
          for (const std::string& item : items) {
            add_handelingen(prefix + "-" + nr + "-" + item, name + ", nr. " + nr + ", item " + item,
                            nr, offset);
          }
        }
      }
      return end;
    }
    if (is_word(j, "blz") || is_word(j, "pag") || is_word(j, "p") || is_word(j, "bladzijde") ||
        is_word(j, "bl")) {
      ++j;
      if (is_punct(j, ".")) ++j;
      if (is_num(j)) {
        const std::string page(text(j));
        add_handelingen(prefix + "-p" + page, name + ", blz. " + page, {}, offset);
        return j + 1;
      }
    }
    return j;
  }

  void add_handelingen(std::string key, std::string name, std::string nr, std::size_t offset) {
    Citation c;
    c.key = std::move(key);
    c.name = std::move(name);
    c.nr = std::move(nr);
    c.span = span_;
    c.offset = offset;
    out_.push_back(std::move(c));
  }

  const std::string& s_;
  std::vector<Tok> toks_;
  std::size_t span_;
  const Identity& self_;
  std::vector<Citation>& out_;
};

}  // namespace

std::vector<Citation> find_citations(const Layout& layout, const Identity& self) {
  std::vector<Citation> out;
  for (std::size_t i = 0; i < layout.spans.size(); ++i) {
    const Span& span = layout.spans[i];
    if (span.kind == SpanKind::kFurniture) continue;
    Parser(span, i, self, out).run();
  }
  return out;
}

}  // namespace kg::ingest

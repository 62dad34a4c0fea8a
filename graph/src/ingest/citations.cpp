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
    if (c >= 0xC3 && c <= 0xC5 && d >= 0x80 && d <= 0xBF &&
        !(c == 0xC3 && (d == 0x97 || d == 0xB7))) {
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
  Parser(const Span& span, std::size_t span_index, const Identity& self, std::vector<Citation>& out)
      : s_(span.text), toks_(tokenize(span.text)), span_(span_index), self_(self), out_(out) {}

  void run() {
    std::size_t i = 0;
    while (i < toks_.size()) {
      std::size_t next = i + 1;
      note_named_dossier(i);
      if (is_word(i, "handelingen")) {
        next = std::max(next, handelingen(i));
      } else if (ends_with_aanhangsel(i) && !is_word(i + 1, "handelingen")) {
        next = std::max(next, aanhangsel_item(i));
      } else if ((is_stuk_word(i) || is_word(i, "ek") ||
                  (is_word(i, "onder") && printed_before(i))) &&
                 is_marker(i + 1)) {
        next = std::max(next, own_dossier(i, i + 1));
      } else if (is_word(i, "de") && (is_word(i + 1, "nrs") || is_word(i + 1, "stukken")) &&
                 (is_marker(i + 1) || is_num(i + 2))) {
        // "de nrs. 79 en 79a", "de stukken 11 en 16": papers of the own dossier
        next = std::max(next, own_dossier(i, i + 1));
      } else if (is_punct(i, "(") && (is_marker(i + 1) || is_word(i + 1, "zitting"))) {
        next = std::max(next, bare_number(i));
      } else if (kind(i) == TokKind::kNum) {
        next = std::max(next, kamerstuk(i));
      }
      if (is_punct(i, ".") && i + 1 < toks_.size() && kind(i + 1) == TokKind::kWord &&
          is_upper(text(i + 1)[0])) {
        named_ = Dossier{};  // a new sentence forgets the dossier the last one named
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

  // "wetsvoorstel 19 584", "wetsontwerp 8301": a dossier the sentence names, to which a bare
  // "(nr. 31)" or "(stuk nr. 65a)" later in the sentence belongs.
  void note_named_dossier(std::size_t i) {
    if (!(is_word(i, "wetsvoorstel") || is_word(i, "wetsontwerp") ||
          is_word(i, "wetsvoorstellen"))) {
      return;
    }
    Dossier d;
    if (dossier(i + 1, &d)) named_ = d;
  }

  // "gedrukt onder nr. 24", "verschenen onder nr. 4": where a paper of the own dossier was
  // printed (a bare "onder no. 34 op de lijst" is a place in a list).
  bool printed_before(std::size_t i) const {
    std::size_t k = i;
    if (k > 0 && is_punct(k - 1, ",")) --k;
    return k > 0 && (is_word(k - 1, "gedrukt") || is_word(k - 1, "verschenen") ||
                     is_word(k - 1, "opgenomen"));
  }

  bool ends_with_aanhangsel(std::size_t i) const {
    if (i >= toks_.size() || toks_[i].kind != TokKind::kWord) return false;
    const std::string_view w = text(i);
    for (std::string_view suffix : {std::string_view("aanhangsel"), std::string_view("aanhangsels"),
                                    std::string_view("hangsel")}) {
      if (w.size() >= suffix.size() && iequals(w.substr(w.size() - suffix.size()), suffix))
        return true;
    }
    return false;
  }

  // "(Tweede Kamer, zitting 1971-1972, Aanhangsel par. 512, nr. 207)": an Aanhangsel item
  // with its session printed before the word.
  std::size_t aanhangsel_item(std::size_t i) {
    std::string y1;
    std::string y2;
    for (std::size_t k = i, steps = 0; k >= 3 && steps < 3; --k, ++steps) {
      if (is_num(k - 3) && text(k - 3).size() == 4 && is_dash(k - 2) && is_num(k - 1) &&
          text(k - 1).size() == 4) {
        y1 = text(k - 3);
        y2 = text(k - 1);
        break;
      }
    }
    if (y1.empty()) return i + 1;
    std::size_t j = i + 1;
    if (is_word(j, "par") && is_punct(j + 1, ".") && is_num(j + 2)) j += 3;
    if (is_punct(j, ",")) ++j;
    const std::size_t num = marker_number(j);
    if (num == 0) return i + 1;
    std::vector<std::string> nrs;
    const std::size_t end = number_list(num, &nrs);
    for (const std::string& nr : nrs) {
      add_handelingen("ah-tk-" + y1 + y2 + "-" + nr,
                      "Aanhangsel Handelingen II " + y1 + "/" + y2.substr(2) + ", nr. " + nr, nr,
                      toks_[i].begin);
    }
    return end;
  }

  // "(nr. 31)", "(Zitting 1965-1966, nr. 5": a paper of the dossier the sentence named.
  std::size_t bare_number(std::size_t i) {
    if (named_.digits.empty()) return i + 1;
    std::size_t j = i + 1;
    if (is_word(j, "zitting")) {
      ++j;
      if (!(is_num(j) && is_dash(j + 1) && is_num(j + 2))) return i + 1;
      j += 3;
      if (is_punct(j, ",")) ++j;
    }
    const std::size_t num = marker_number(j);
    if (num == 0) return i + 1;
    std::vector<std::string> nrs;
    const std::size_t end = number_list(num, &nrs);
    for (const std::string& nr : nrs)
      add_kamerstuk(named_.digits, named_.suffix, nr, toks_[i].begin);
    return end;
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
  // "hoofdstuk XVI") and any "(R 1451)" after it.
  bool dossier(std::size_t i, Dossier* d) const {
    if (!is_num(i)) return false;
    const std::string_view a = text(i);
    std::size_t j = i + 1;
    d->digits.assign(a);
    if (a.size() <= 3 && is_num(j) && spaced(j) && text(j).size() == 3 &&
        !(is_num(j + 1) && spaced(j + 1) && text(j + 1).size() == 3)) {
      d->digits.append(text(j));
      ++j;
    } else if (a.size() < 4) {
      // Dossiers of one to three digits belong to the old per-session numbering (before about
      // 1950), whose numbers are no dossiers: "Kamerstukken 1892-1893 - 130, no. 3".
      return false;
    }
    if (d->digits.size() > 6 || d->digits[0] == '0') return false;
    d->suffix.clear();
    if (is_dash(j) && !spaced(j) && is_num(j + 1) && !spaced(j + 1) && text(j + 1).size() <= 3) {
      d->suffix.assign(text(j + 1));  // "21 501-02"
      j += 2;
    } else if (is_dash(j) && !spaced(j) && is_suffix_word(j + 1) && !spaced(j + 1)) {
      d->suffix.assign(text(j + 1));  // "17 100-XV"
      j += 2;
    } else if (is_suffix_word(j) && spaced(j)) {
      d->suffix.assign(text(j));  // "22 800 X"
      ++j;
    } else if ((is_word(j, "hoofdstuk") && is_suffix_word(j + 1)) ||
               (is_punct(j, ",") && is_word(j + 1, "hoofdstuk") && is_suffix_word(j + 2))) {
      if (is_punct(j, ",")) ++j;
      d->suffix.assign(text(j + 1));  // "18600 hoofdstuk XVI", "4900, hoofdstuk IX B"
      j += 2;
      if (is_suffix_word(j) && text(j).size() == 1 && spaced(j) && !is_punct(j + 1, ".")) {
        d->suffix.append(text(j));
        ++j;
      }
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
      if (e < toks_.size() && toks_[e].kind == TokKind::kWord && !spaced(e) &&
          text(e).size() == 1 && lower(text(e)[0]) >= 'a' && lower(text(e)[0]) <= 'h') {
        n += lower(text(e)[0]);  // "84A" is paper 84a
        ++e;
      }
      nrs->push_back(std::move(n));
      return e;
    };
    auto starts_other = [&](std::size_t k) {
      if (text(k).size() > 5) return true;
      if (text(k).size() <= 3 && is_num(k + 1) && spaced(k + 1) && text(k + 1).size() == 3)
        return true;
      if (is_punct(k + 1, "/")) return true;
      // "nr. 344, 1993-1994": a session after the number
      if (text(k).size() == 4 && is_dash(k + 1) && is_num(k + 2) && text(k + 2).size() == 4)
        return true;
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
      if (!sep) break;
      // "nr. 3, nr. 56 en nr. 66": the marker repeated inside the list
      std::size_t next = j + 1;
      if (const std::size_t m = marker_number(next); m != 0) next = m;
      if (!is_num(next) || starts_other(next)) break;
      j = take(next);
    }
    return j;
  }

  // Words before token `i` (back to an opening bracket or the clause start) that make the
  // number after them something other than a paper: a gazette, a resolution, a date.
  bool excluded_before(std::size_t i) const {
    if (i == 0) return false;
    std::size_t k = i;
    bool first_word = true;
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
      // "12 december 1992, nr. 3", "17 Sept. 1890 n°. 23"
      if (first_word && (month_number(w) != 0 || is_month_abbreviation(w))) return true;
      first_word = false;
      static constexpr std::string_view kGazettes[] = {
          "stb",     "stbl", "trb", "stcrt",   "stct", "resolutie",   "resolution", "pb",
          "bijblad", "blz",  "pag", "artikel", "art",  "verordening", "richtlijn",  "besluit"};
      for (std::string_view g : kGazettes) {
        if (iequals(w, g)) return true;
      }
      // Gazettes by the start of their name, OCR'd or plural ("Tractatenbladen", "Traclatenhlad")
      static constexpr std::string_view kPrefixes[] = {"staatsbl", "staatscour", "tracta",
                                                       "traclat", "publicatiebl"};
      for (std::string_view g : kPrefixes) {
        if (istarts_with(w, g)) return true;
      }
      if (k + 1 < toks_.size() && steps > 0) return false;  // another word: the clause moved on
    }
    return false;
  }

  static bool is_month_abbreviation(std::string_view w) {
    for (std::string_view m : {"jan", "febr", "feb", "mrt", "apr", "jun", "jul", "aug", "sept",
                               "sep", "okt", "oct", "nov", "dec"}) {
      if (iequals(w, m)) return true;
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

  // "Tweede Kamer, zitting 1981-1982, 17001 (R 1100), nrs. 1-3" run into a table line: the
  // paper's own footer, not a citation.
  bool own_footer_before(std::size_t i, const Dossier& d) const {
    std::string own;
    for (char c : self_.dossier) {
      if (is_digit(c)) own.push_back(c);
      if (c != ' ' && !is_digit(c)) break;
    }
    if (own.empty() || own != d.digits) return false;
    std::size_t k = i;
    for (int steps = 0; steps < 8 && k > 0; ++steps) {
      --k;
      if (is_word(k, "zitting") || is_word(k, "vergaderjaar") || is_word(k, "kamerzitting"))
        return true;
    }
    return false;
  }

  std::size_t number_list_end(std::size_t num) const {
    std::vector<std::string> nrs;
    return number_list(num, &nrs);
  }

  // A list of references that a "Kamerstukken" opened further back: "kamerstukken I 1976/1977,
  // 13001 (40, 51); 1977/1978, 13001 (90, 90a)".
  bool list_kw_before(std::size_t i) const {
    std::size_t k = i;
    for (int steps = 0; steps < 40 && k > 0; ++steps) {
      --k;
      if (is_stuk_word(k)) return true;
      if (kind(k) == TokKind::kWord && !(iequals(text(k), "i") || iequals(text(k), "ii") ||
                                         iequals(text(k), "en") || text(k).size() == 1)) {
        return false;
      }
    }
    return false;
  }

  std::size_t kamerstuk(std::size_t i) {
    const std::size_t kw = keyword_before(i);
    const bool has_kw = kw != std::string_view::npos;
    // A number glued to a word or number before it ("zitting 1978-1979,14378") is still a
    // dossier; one inside a larger figure ("1 000 000") is not.
    if (i > 0 && is_num(i - 1) && spaced(i) && text(i - 1).size() <= 3) return i + 1;
    // The second year of a session ("1965-1966, nr. 5") is no dossier.
    if (i >= 2 && is_dash(i - 1) && is_num(i - 2) && text(i - 2).size() == 4 &&
        text(i).size() == 4) {
      return i + 1;
    }
    Dossier d;
    if (!dossier(i, &d)) return i + 1;
    std::size_t j = d.end;
    // "kamerstukken I 1975/1976, 13001 (40, 51. 51a,)": the numbers in brackets
    if ((has_kw || list_kw_before(i)) && is_punct(j, "(") && is_num(j + 1)) {
      std::vector<std::string> nrs;
      std::size_t k = j + 1;
      while (is_num(k)) {
        std::string nr(text(k));
        ++k;
        if (k < toks_.size() && toks_[k].kind == TokKind::kWord && !spaced(k) &&
            text(k).size() == 1 && is_lower(text(k)[0])) {
          nr += text(k);
          ++k;
        }
        nrs.push_back(std::move(nr));
        if (is_punct(k, ",") || is_punct(k, ".") || is_word(k, "en")) ++k;
      }
      if (is_punct(k, ")") && !nrs.empty()) {
        const std::size_t start = toks_[i].begin;
        for (const std::string& nr : nrs) add_kamerstuk(d.digits, d.suffix, nr, start);
        return k + 1;
      }
    }
    // "Kamerstukken 33 694 en 26 643, nr. 47": one paper, keyed by the first dossier
    while (true) {
      Dossier other;
      if (is_word(j, "en") && dossier(j + 1, &other)) {
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
    // Without the word Kamerstuk, a bare year is a year ("Staatsblad 1905, n°. 145 en 1903,
    // n°. 172", "N.J. 1947, no. 605"), not one of the few dossiers of about 1950 so numbered.
    if (!has_kw && d.suffix.empty() && d.digits.size() == 4) {
      const long n = std::atol(d.digits.c_str());
      if (n >= 1800 && n <= 2030) return i + 1;
    }
    if (!has_kw && own_footer_before(i, d)) return number_list_end(num);
    std::vector<std::string> nrs;
    const std::size_t end = number_list(num, &nrs);
    const std::size_t start = has_kw ? toks_[kw].begin : toks_[i].begin;
    for (const std::string& nr : nrs) add_kamerstuk(d.digits, d.suffix, nr, start);
    return end;
  }

  // "stuk nr. 12", "Stuk nr. 12", "stukken nrs. 3 en 4": papers of the citing paper's own
  // dossier.
  std::size_t own_dossier(std::size_t i, std::size_t marker) {
    std::size_t num = marker_number(marker);
    if (num == 0) num = marker + 1;  // "de stukken 11 en 16"
    if (!is_num(num)) return i + 1;
    std::vector<std::string> nrs;
    const std::size_t end = number_list(num, &nrs);
    // "de nrs. 7190, 7196", "onder no. 3077 aanhangige wetsontwerpen": four digits without a
    // dossier are dossier numbers themselves, not papers of the own one.
    for (const std::string& nr : nrs) {
      if (nr.size() >= 4 && is_digit(nr[3])) return end;
    }
    if (!named_.digits.empty() && is_stuk_word(i)) {
      for (const std::string& nr : nrs)
        add_kamerstuk(named_.digits, named_.suffix, nr, toks_[i].begin);
      return end;
    }
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

  // "Handelingen II 2018/19, nr. 31, items 2 en 9"; "Handelingen II 1985/86, blz. 2345".
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
    bool aanhangsel = i > 0 && ends_with_aanhangsel(i - 1);
    // "Handelingen dezer Kamer, zitting 1976-1977": words between the name and the year
    bool own_session = false;
    bool own_house = false;
    for (int steps = 0; steps < 4; ++steps) {
      if (is_punct(j, ",") || is_word(j, "zitting") || is_word(j, "vergaderjaar") ||
          is_word(j, "van") || is_word(j, "de")) {
        ++j;
      } else if (is_word(j, "dezer") && is_word(j + 1, "kamer")) {
        own_house = true;
        j += 2;
      } else if (is_word(j, "dezer")) {
        own_session = true;
        ++j;
      } else {
        break;
      }
    }
    if (is_word(j, "zit") && is_dash(j + 1) && is_word(j + 2, "ting")) j += 3;
    if (is_punct(j, ",")) ++j;
    // No house printed: "dezer Kamer" is the citing paper's; otherwise the Tweede Kamer, whose
    // debates papers cite by far the most.
    if (house.empty()) house = own_house && self_.house == "Eerste Kamer" ? "ek" : "tk";
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
    return pages(j, house, prefix, name, offset);
  }

  // "blz. 5926-5937; 5968-5975, 6019", then perhaps "1978/1979, blz. 1102-1118" in the same
  // house: one citation per page or range, keyed by its first page.
  std::size_t pages(std::size_t j, const std::string& house, std::string prefix, std::string name,
                    std::size_t offset) {
    while (is_word(j, "blz") || is_word(j, "pag") || is_word(j, "p") || is_word(j, "bladzijde") ||
           is_word(j, "bl")) {
      ++j;
      if (is_punct(j, ".")) ++j;
      std::size_t last = j;
      while (is_num(j)) {
        const std::string page(text(j));
        add_handelingen(prefix + "-p" + page, name + ", blz. " + page, {}, offset);
        ++j;
        // "5926-5937", and "1151 1167" whose dash OCR lost
        if (is_dash(j) && is_num(j + 1)) {
          j += 2;
        } else if (is_num(j) && spaced(j) && text(j).size() == page.size() && text(j) > page) {
          ++j;
        }
        last = j;
        if ((is_punct(j, ";") || is_punct(j, ",")) && is_num(j + 1) &&
            !(is_punct(j + 2, "/") ||
              (is_dash(j + 2) && text(j + 1).size() == 4 && is_num(j + 3) && is_punct(j + 4, ",") &&
               std::atol(std::string(text(j + 3)).c_str()) ==
                   std::atol(std::string(text(j + 1)).c_str()) + 1))) {
          ++j;
          continue;
        }
        break;
      }
      j = last;
      // "; 1978/1979, blz. 1102": the next session of the same house
      std::size_t k = j;
      if (is_punct(k, ";") || is_punct(k, ",") || is_punct(k, ".")) ++k;
      if (is_num(k) && text(k).size() == 4 && is_punct(k + 1, "/") && is_num(k + 2) &&
          is_punct(k + 3, ",") && (is_word(k + 4, "blz") || is_word(k + 4, "pag"))) {
        const std::string y1(text(k));
        std::string y2(text(k + 2));
        if (y2.size() == 2) y2 = std::to_string(std::atoi(y1.c_str()) + 1);
        if (y2.size() != 4) break;
        prefix = std::string("h-") + house + "-" + y1 + y2;
        name = std::string("Handelingen ") + (house == "tk" ? "II " : "I ") + y1 + "/" +
               (y1.substr(0, 2) == y2.substr(0, 2) ? y2.substr(2) : y2);
        j = k + 4;
        continue;
      }
      break;
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
  Dossier named_;  // the dossier the current sentence named, if any
  std::size_t span_;
  const Identity& self_;
  std::vector<Citation>& out_;
};

}  // namespace

std::vector<Citation> find_citations(const Layout& layout, const Identity& self) {
  std::vector<Citation> out;
  for (std::size_t i = 0; i < layout.spans.size(); ++i) {
    const Span& span = layout.spans[i];
    // Furniture is left out, except the header's own lines: a kind line may name the paper
    // it replaces or corrects ("TER VERVANGING VAN DAT GEDRUKT ONDER NR. 24").
    if (span.kind == SpanKind::kFurniture && span.first_line > layout.header_lines) continue;
    Parser(span, i, self, out).run();
  }
  return out;
}

}  // namespace kg::ingest

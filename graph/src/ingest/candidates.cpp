// Implementation of candidates.h. The rules are deliberately simple and documented in
// docs/ingest.md: a run of capitalised words (with Dutch name particles inside it, as in "Raad van
// State"), or one acronym; leading sentence words such as "De" dropped; a single capitalised word
// that starts a sentence is no candidate.
#include "ingest/candidates.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "kg/text.h"

namespace kg::ingest {
namespace {

// Lower-case words that may stand inside a name between capitalised words.
bool is_particle(std::string_view folded) {
  static constexpr std::array<std::string_view, 10> kParticles = {"van",  "de", "der", "den", "het",
                                                                  "voor", "op", "ter", "tot", "te"};
  return std::find(kParticles.begin(), kParticles.end(), folded) != kParticles.end();
}

// Capitalised words that start sentences rather than names.
bool is_sentence_word(std::string_view folded) {
  static constexpr std::array<std::string_view, 40> kWords = {
      "de",   "het",  "een",  "in",  "op",  "bij", "voor", "met",     "naar",   "uit",
      "van",  "dit",  "deze", "dat", "die", "ook", "zo",   "als",     "om",     "er",
      "wij",  "ik",   "hij",  "zij", "u",   "uw",  "ons",  "onze",    "en",     "of",
      "maar", "door", "over", "aan", "tot", "na",  "zie",  "hierbij", "daarom", "tevens"};
  return std::find(kWords.begin(), kWords.end(), folded) != kWords.end();
}

// Words of references and page furniture, which citations already cover.
bool is_reference_word(std::string_view folded) {
  static constexpr std::array<std::string_view, 14> kWords = {
      "kamerstuk", "kamerstukken",  "handelingen", "bijlage", "staatsblad", "stb", "tractatenblad",
      "trb",       "staatscourant", "stcrt",       "nr",      "nrs",        "blz", "vergaderjaar"};
  return std::find(kWords.begin(), kWords.end(), folded) != kWords.end();
}

// Capitalised words that papers use as common nouns or in fixed formulas (months, "Wet",
// "Zitting", "bij de gratie Gods"): never a new entity on their own.
bool is_generic_word(std::string_view folded) {
  static constexpr std::array<std::string_view, 30> kWords = {
      "januari",   "februari",   "maart",     "april",   "mei",       "juni",
      "juli",      "augustus",   "september", "oktober", "october",   "november",
      "december",  "wet",        "zitting",   "ontwerp", "vragen",    "regering",
      "regeering", "voorzitter", "kamer",     "staat",   "gods",      "alzoo",
      "wij",       "enz",        "bijlage",   "artikel", "hoofdstuk", "rapporteurs"};
  return std::find(kWords.begin(), kWords.end(), folded) != kWords.end();
}

// Dutch adjectives of place ("Nederlandse", "Russische") are capitalised but name nothing new.
bool is_adjective_of_place(std::string_view folded) {
  return folded.ends_with("se") || folded.ends_with("sche");
}

bool is_roman(std::string_view folded) {
  return !folded.empty() && folded.find_first_not_of("ivxlcdm") == std::string_view::npos;
}

// True when the word at `begin` starts a sentence: nothing but space since the span's start or
// since a full stop, colon, question or exclamation mark, bullet or opening quote.
bool starts_sentence(const std::string& text, std::size_t begin) {
  std::size_t i = begin;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '(' || text[i - 1] == '"')) --i;
  if (i == 0) return true;
  const char c = text[i - 1];
  if (c == '.' || c == ':' || c == '?' || c == '!' || c == ';') return true;
  // "•" and "«" end in these UTF-8 bytes; a closing "»" does not start a sentence.
  return static_cast<unsigned char>(c) == 0xA2 || static_cast<unsigned char>(c) == 0xAB;
}

}  // namespace

void CandidateList::add(const Span& span, const std::vector<Word>& words,
                        const std::vector<Mention>& mentions, const MentionIndex& known,
                        const std::string& paper) {
  // Words taken by a mention are known; mark them by their start offsets.
  std::vector<bool> taken(words.size(), false);
  std::size_t m = 0;
  for (std::size_t i = 0; i < words.size() && m < mentions.size(); ++i) {
    if (words[i].begin == mentions[m].offset) {
      for (std::size_t k = 0; k < mentions[m].words && i + k < words.size(); ++k)
        taken[i + k] = true;
      ++m;
    }
  }
  for (std::size_t i = 0; i < words.size();) {
    const Word& w = words[i];
    if (taken[i] || !w.capitalised) {
      ++i;
      continue;
    }
    if (w.all_caps) {
      // A word in capitals next to another is a shouted heading ("MEMORIE VAN TOELICHTING").
      const bool shouted =
          (i > 0 && words[i - 1].all_caps) || (i + 1 < words.size() && words[i + 1].all_caps);
      if (!shouted && w.end - w.begin <= 8 && !is_roman(w.folded) && !is_sentence_word(w.folded) &&
          !is_particle(w.folded) && !is_reference_word(w.folded) && !is_generic_word(w.folded)) {
        count(span.text.substr(w.begin, w.end - w.begin), true, span, w.begin, paper, known);
      }
      ++i;
      continue;
    }
    // A run of capitalised words, particles allowed inside; stop at punctuation between words.
    std::size_t first = i;
    std::size_t last = i;  // last capitalised word of the run
    std::size_t j = i + 1;
    while (j < words.size() && !taken[j] && !words[j].all_caps) {
      const std::string_view gap(span.text.data() + words[j - 1].end,
                                 words[j].begin - words[j - 1].end);
      if (gap != " " && gap != "-") break;
      if (words[j].capitalised) {
        last = j;
      } else if (!is_particle(words[j].folded)) {
        break;
      }
      ++j;
    }
    i = last + 1;
    while (first <= last &&
           (is_sentence_word(words[first].folded) || is_particle(words[first].folded) ||
            is_reference_word(words[first].folded) || is_generic_word(words[first].folded))) {
      ++first;
    }
    if (first > last) continue;
    if (first == last &&
        (starts_sentence(span.text, words[first].begin) ||
         is_adjective_of_place(words[first].folded) || is_generic_word(words[first].folded))) {
      continue;
    }
    const std::string text =
        span.text.substr(words[first].begin, words[last].end - words[first].begin);
    count(text, false, span, words[first].begin, paper, known);
  }
}

void CandidateList::count(const std::string& text, bool acronym, const Span& span,
                          std::size_t offset, const std::string& paper, const MentionIndex& known) {
  const std::string folded = fold(text);
  if (folded.size() < 2 || known.knows(folded)) return;
  auto [it, added] = index_.emplace(folded, list_.size());
  if (added) list_.push_back({text, acronym, 0, 0, paper, locator(span, offset)});
  Candidate& c = list_[it->second];
  ++c.count;
  std::string& last = last_paper_[folded];
  if (last != paper) {
    ++c.papers;
    last = paper;
  }
}

std::vector<Candidate> CandidateList::sorted(std::size_t min_count) const {
  std::vector<std::pair<std::string, const Candidate*>> keep;
  for (const auto& [folded, i] : index_) {
    if (list_[i].count >= min_count) keep.emplace_back(folded, &list_[i]);
  }
  std::sort(keep.begin(), keep.end(), [](const auto& a, const auto& b) {
    if (a.second->count != b.second->count) return a.second->count > b.second->count;
    return a.first < b.first;
  });
  std::vector<Candidate> out;
  out.reserve(keep.size());
  for (const auto& [folded, c] : keep) out.push_back(*c);
  return out;
}

}  // namespace kg::ingest

// Implementation of words.h: an ASCII fast path, utf8proc categories for everything else.
#include "ingest/words.h"

#include <utf8proc.h>

#include "kg/text.h"

namespace kg::ingest {
namespace {

enum class CharClass { kOther, kUpper, kLower, kDigit };

CharClass classify(utf8proc_int32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') return CharClass::kUpper;
    if (cp >= 'a' && cp <= 'z') return CharClass::kLower;
    if (cp >= '0' && cp <= '9') return CharClass::kDigit;
    return CharClass::kOther;
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return CharClass::kUpper;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:  // a combining mark belongs to the letter before it
    case UTF8PROC_CATEGORY_MC:
      return CharClass::kLower;
    case UTF8PROC_CATEGORY_ND:
      return CharClass::kDigit;
    default:
      return CharClass::kOther;
  }
}

}  // namespace

std::vector<Word> split_words(std::string_view text) {
  std::vector<Word> words;
  Word current;
  bool in_word = false;
  int letters = 0;
  int lower = 0;
  auto finish = [&](std::size_t end) {
    current.end = end;
    current.folded = fold(text.substr(current.begin, end - current.begin));
    current.all_caps = letters >= 2 && lower == 0;
    words.push_back(std::move(current));
    current = Word{};
    in_word = false;
  };
  for (std::size_t i = 0; i < text.size();) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                         static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) {  // not valid UTF-8 after all: treat the byte as a separator
      cp = ' ';
      n = 1;
    }
    const CharClass c = classify(cp);
    if (c == CharClass::kOther) {
      if (in_word) finish(i);
    } else {
      if (!in_word) {
        in_word = true;
        current.begin = i;
        current.capitalised = c == CharClass::kUpper;
        letters = 0;
        lower = 0;
      }
      if (c == CharClass::kUpper || c == CharClass::kLower) ++letters;
      if (c == CharClass::kLower) ++lower;
    }
    i += static_cast<std::size_t>(n);
  }
  if (in_word) finish(text.size());
  return words;
}

}  // namespace kg::ingest

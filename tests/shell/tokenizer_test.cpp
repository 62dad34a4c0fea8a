// Tests for shell/tokenizer.h.
#include "tokenizer.h"

#include <doctest/doctest.h>

namespace {

std::string words(std::string_view line) {
  auto t = kg::shell::tokenize(line);
  if (!t.ok()) return "error: " + t.status().message();
  std::string out;
  for (const auto& tok : *t) out += "[" + tok.text + "]";
  return out;
}

}  // namespace

TEST_CASE("Tokenizer: words, quotes, escapes and comments") {
  struct Case {
    const char* in;
    const char* out;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"path rusland opcw", "[path][rusland][opcw]"},
           {"  path\trusland   opcw  ", "[path][rusland][opcw]"},
           {"path \"Straat van Hormuz\" navo", "[path][Straat van Hormuz][navo]"},
           {"show 'Curaçao'", "[show][Curaçao]"},
           {R"(find "say \"hi\"")", "[find][say \"hi\"]"},
           {R"(find "back\\slash")", "[find][back\\slash]"},
           {R"(find 'no \escape')", "[find][no \\escape]"},
           {"--avoid=\"a b\",c", "[--avoid=a b,c]"},
           {"path a b # why not", "[path][a][b]"},
           {"# only a comment", ""},
           {"find \"#hashtag\"", "[find][#hashtag]"},
           {"find a#b", "[find][a#b]"},
           {"show \"\"", "[show][]"},
           {"", ""},
       }) {
    CAPTURE(c.in);
    CHECK(words(c.in) == c.out);
  }
}

TEST_CASE("Tokenizer: an unterminated quote names its column") {
  CHECK(words("show \"Straat van") == "error: unterminated \" quote starting at column 6");
  CHECK(words("find 'x") == "error: unterminated ' quote starting at column 6");
}

TEST_CASE("Tokenizer: partial lines and token offsets for completion") {
  char open = 0;
  auto t = kg::shell::tokenize_partial("path \"Straat van H", open);
  CHECK(open == '"');
  REQUIRE(t.size() == 2);
  CHECK(t[1].text == "Straat van H");
  CHECK(t[1].begin == 5);
  CHECK(t[1].end == 18);
}

TEST_CASE("Tokenizer: quote_if_needed round-trips") {
  using kg::shell::quote_if_needed;
  CHECK(quote_if_needed("navo") == "navo");
  CHECK(quote_if_needed("Straat van Hormuz") == "\"Straat van Hormuz\"");
  CHECK(quote_if_needed("33 694, nr. 57") == "\"33 694, nr. 57\"");
  CHECK(quote_if_needed("a\"b") == "\"a\\\"b\"");
  for (const char* s : {"Straat van Hormuz", "a\"b\\c", "x,y", "#1"}) {
    auto t = kg::shell::tokenize(quote_if_needed(s));
    REQUIRE(t.ok());
    REQUIRE(t->size() == 1);
    CHECK(t->front().text == s);
  }
}

// Implementation of tokenizer.h: one pass, a small state machine.
#include "tokenizer.h"

#include <fmt/format.h>

namespace kg::shell {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct Scan {
  std::vector<Token> tokens;
  char open_quote = 0;
  std::size_t quote_start = 0;
};

Scan scan(std::string_view line) {
  Scan s;
  Token current;
  bool in_token = false;
  auto finish = [&](std::size_t end) {
    if (!in_token) return;
    current.end = end;
    s.tokens.push_back(std::move(current));
    current = Token{};
    in_token = false;
  };
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (s.open_quote == '"') {
      if (c == '\\' && i + 1 < line.size() && (line[i + 1] == '"' || line[i + 1] == '\\')) {
        current.text += line[++i];
      } else if (c == '"') {
        s.open_quote = 0;
      } else {
        current.text += c;
      }
      continue;
    }
    if (s.open_quote == '\'') {
      if (c == '\'') {
        s.open_quote = 0;
      } else {
        current.text += c;
      }
      continue;
    }
    if (is_space(c)) {
      finish(i);
      continue;
    }
    if (c == '#' && !in_token) break;  // comment to the end of the line
    if (!in_token) {
      in_token = true;
      current.begin = i;
    }
    if (c == '"' || c == '\'') {
      s.open_quote = c;
      s.quote_start = i;
      current.quoted = true;
      continue;
    }
    current.text += c;
  }
  finish(line.size());
  return s;
}

}  // namespace

Result<std::vector<Token>> tokenize(std::string_view line) {
  Scan s = scan(line);
  if (s.open_quote != 0) {
    return Status::error(ErrorKind::kInvalidArgument,
                         fmt::format("unterminated {} quote starting at column {}", s.open_quote,
                                     s.quote_start + 1));
  }
  return std::move(s.tokens);
}

std::vector<Token> tokenize_partial(std::string_view line, char& open_quote) {
  Scan s = scan(line);
  open_quote = s.open_quote;
  return std::move(s.tokens);
}

std::string quote_if_needed(std::string_view text) {
  bool plain = !text.empty();
  for (char c : text) {
    if (is_space(c) || c == '"' || c == '\'' || c == '\\' || c == '#' || c == ',') plain = false;
  }
  if (plain) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace kg::shell

// Splits one command line into words the way a shell user expects: white space separates,
// "double quotes" group (with \" and \\ escapes), 'single quotes' group literally, and an
// unquoted # starts a comment. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kg/status.h"

namespace kg::shell {

struct Token {
  std::string text;       // with quotes removed and escapes applied
  std::size_t begin = 0;  // byte offset of the token's first character in the line
  std::size_t end = 0;    // one past its last character (including a closing quote)
  bool quoted = false;    // some part was quoted
};

// The tokens of `line`. An unterminated quote is a kInvalidArgument error naming its column
// (1-based): "unterminated \" quote starting at column 6".
Result<std::vector<Token>> tokenize(std::string_view line);

// Tokens of a possibly unfinished line, for completion: never fails; an open quote runs to the
// end of the line and `open_quote` says which quote character is open (0 when none).
std::vector<Token> tokenize_partial(std::string_view line, char& open_quote);

// `text` quoted for typing back: bare when it is a plain word, else in double quotes with " and
// \ escaped.
std::string quote_if_needed(std::string_view text);

}  // namespace kg::shell

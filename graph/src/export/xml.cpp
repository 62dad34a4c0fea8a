// Implementation of xml.h: one pass over the bytes, ASCII handled byte by byte, multi-byte UTF-8
// sequences checked with kg/text.h's validator before they are copied.
#include "export/xml.h"

#include "kg/text.h"

namespace kg::detail {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the UTF-8 sequence that starts with `lead`, or 0 when `lead` cannot start one.
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

}  // namespace

void XmlEscaper::append(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&apos;";
          break;
        case '\t':
          out += "&#9;";
          break;
        case '\n':
          out += "&#10;";
          break;
        case '\r':
          out += "&#13;";
          break;
        default:
          if (c < 0x20) {
            out += kReplacement;
            ++replaced_;
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    const std::size_t n = sequence_length(c);
    const std::string_view seq = text.substr(i, n);
    if (n == 0 || seq.size() < n || find_invalid_utf8(seq) != std::string_view::npos) {
      out += kReplacement;  // one replacement per byte that starts no valid sequence
      ++replaced_;
      ++i;
      continue;
    }
    if (seq == "\xEF\xBF\xBE" || seq == "\xEF\xBF\xBF") {  // U+FFFE, U+FFFF: not XML characters
      out += kReplacement;
      ++replaced_;
    } else {
      out += seq;
    }
    i += n;
  }
}

}  // namespace kg::detail

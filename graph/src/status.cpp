// Implementation of kg/status.h.
#include "kg/status.h"

namespace kg {

namespace {

// Control characters from input (a query file, a dataset cell) would reach the terminal raw and
// could move the cursor or change colours: they are written as \xNN.
void append_escaped(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7f) {
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 0xf];
    } else {
      out += c;
    }
  }
}

}  // namespace

std::string error_line(std::string_view where, std::string_view message) {
  std::string out;
  if (!where.empty()) {
    append_escaped(out, where);
    out.append(": ");
  }
  out.append("error: ");
  append_escaped(out, message);
  return out;
}

std::string Status::to_string() const {
  if (ok_) return "ok";
  std::string where = where_.file;
  if (!where.empty() && where_.line > 0) where += ":" + std::to_string(where_.line);
  return error_line(where, message_);
}

}  // namespace kg

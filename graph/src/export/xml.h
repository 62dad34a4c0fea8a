// XML escaping for every export (GraphML, GEXF, and later single answers): the one place that
// decides how any text — quotes, <, &, newlines, control bytes, non-ASCII — becomes valid XML 1.0.
// An XmlEscaper is used by one writer at a time; it counts what it had to replace.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kg::detail {

class XmlEscaper {
 public:
  // Appends `text` to `out` as XML character data or an attribute value (double-quoted):
  // & < > " ' become entities; tab, newline and carriage return become character references
  // (&#9; &#10; &#13;) so that neither attribute-value normalisation nor line-end handling changes
  // them; other non-ASCII text is copied as UTF-8. What XML 1.0 cannot hold even as a reference —
  // the control bytes 0x00-0x1F other than those three, U+FFFE, U+FFFF and bytes that are not
  // valid UTF-8 — becomes U+FFFD, and is counted in replaced().
  void append(std::string& out, std::string_view text);
  std::string escape(std::string_view text) {
    std::string out;
    append(out, text);
    return out;
  }
  std::size_t replaced() const { return replaced_; }

 private:
  std::size_t replaced_ = 0;
};

}  // namespace kg::detail

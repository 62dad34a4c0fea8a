// Implementation of kg/status.h.
#include "kg/status.h"

namespace kg {

std::string Status::to_string() const {
  if (ok_) return "ok";
  std::string out;
  if (!where_.file.empty()) {
    out = where_.file;
    if (where_.line > 0) out += ":" + std::to_string(where_.line);
    out += ": ";
  }
  return out + "error: " + message_;
}

}  // namespace kg

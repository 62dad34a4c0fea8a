// Implementation of kg/status.h.
#include "kg/status.h"

namespace kg {

std::string error_line(std::string_view where, std::string_view message) {
  std::string out;
  if (!where.empty()) out.append(where).append(": ");
  return out.append("error: ").append(message);
}

std::string Status::to_string() const {
  if (ok_) return "ok";
  std::string where = where_.file;
  if (!where.empty() && where_.line > 0) where += ":" + std::to_string(where_.line);
  return error_line(where, message_);
}

}  // namespace kg

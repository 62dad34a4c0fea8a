// Writing RFC 4180 CSV, the inverse of csv_reader.h: a field is quoted when it holds a comma, a
// quote, a line break or leading or trailing space, and quotes inside are doubled. Pure
// functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kg {

// Appends `field` to `out`, quoted when needed.
void append_csv_field(std::string& out, std::string_view field);

// Appends the fields separated by commas and ended by "\n".
void append_csv_row(std::string& out, const std::vector<std::string>& fields);

}  // namespace kg

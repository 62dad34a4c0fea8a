// The output formats as data: one table row per format with its name and summary. The parser,
// .mode, --format, help and completion all read this table.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace kg::shell {

enum class Format { kTable, kCsv, kTsv, kJson, kDot };

struct FormatInfo {
  Format format;
  std::string_view name;
  std::string_view summary;
};

const std::vector<FormatInfo>& formats();
std::optional<Format> parse_format(std::string_view name);
std::string_view format_name(Format format);

}  // namespace kg::shell

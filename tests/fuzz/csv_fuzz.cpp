// libFuzzer harness for the CSV reader, the dataset checker and the importer's writer, all in
// memory: an input without separators is parsed as one CSV file; any other is split into dataset
// folders at vertical tabs and each folder into files at form feeds (types.csv, relations.csv,
// nodes.csv, edges.csv, then nodes-2.csv, edges-2.csv, ...), checked and merged by check_datasets;
// a dataset free of problems is written into an in-memory SQLite database (":memory:") as import
// would write its file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "csv_reader.h"
#include "dataset.h"
#include "dataset_writer.h"
#include "sqlite/database.h"

namespace {

// More would only repeat the paths that two folders or two extra files already reach.
constexpr std::size_t kMaxFolders = 4;
constexpr std::size_t kMaxFiles = 10;

const std::string& file_name(std::size_t i) {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out = {"types.csv", "relations.csv", "nodes.csv", "edges.csv"};
    for (std::size_t n = 2; out.size() < kMaxFiles; ++n) {
      out.push_back("nodes-" + std::to_string(n) + ".csv");
      out.push_back("edges-" + std::to_string(n) + ".csv");
    }
    return out;
  }();
  return names[i];
}

// `text` split at `separator` into at most `max` parts, the last taking the rest.
std::vector<std::string_view> split(std::string_view text, char separator, std::size_t max) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < max) {
    const std::size_t at = text.find(separator);
    if (at == std::string_view::npos) break;
    parts.push_back(text.substr(0, at));
    text.remove_prefix(at + 1);
  }
  parts.push_back(text);
  return parts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<kg::Status> problems;
  // One CSV file: the reader alone. With separators the checker parses every part, so parsing
  // the whole input as well would only halve the speed.
  if (input.find_first_of("\f\v") == std::string_view::npos) {
    const kg::CsvTable table = kg::parse_csv(input, "input.csv", problems);
    for (const kg::CsvRow& row : table.rows) {
      if (row.fields.size() != table.header.size()) std::abort();  // the reader's own promise
    }
    return 0;
  }

  std::vector<kg::DatasetFolder> folders;
  for (std::string_view folder : split(input, '\v', kMaxFolders)) {
    folders.push_back({std::string(1, static_cast<char>('a' + folders.size())), {}, false});
    std::size_t i = 0;
    for (std::string_view file : split(folder, '\f', kMaxFiles)) {
      folders.back().files.push_back({file_name(i++), file});
    }
  }
  std::vector<kg::ImportWarning> warnings;
  const kg::Dataset dataset = kg::check_datasets(folders, problems, warnings);
  for (const kg::Status& p : problems) {
    if (p.ok() || p.where().file.empty()) std::abort();  // every problem is located
  }
  if (!problems.empty()) return 0;

  auto db = kg::sqlite::Database::open(":memory:", kg::sqlite::OpenMode::kCreate);
  if (!db.ok()) std::abort();
  // A dataset the checker passed must be writable: a failure here is a check it lacks.
  kg::detail::Written written;
  if (!kg::detail::write_dataset(*db, dataset, "fuzz", written).ok()) std::abort();
  return 0;
}

// libFuzzer harness for the CSV reader and the dataset checker: the input is parsed as one CSV
// file, then, when it has three form feeds, split at them into types.csv, relations.csv,
// nodes.csv and edges.csv and checked as a dataset folder (the checker reads a folder, so those
// four go to /dev/shm).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "csv_reader.h"
#include "dataset.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<kg::Status> problems;
  const kg::CsvTable table = kg::parse_csv(input, "input.csv", problems);
  for (const kg::CsvRow& row : table.rows) {
    if (row.fields.size() != table.header.size()) std::abort();  // the reader's own promise
  }

  // Without the three separators the checker would only report missing files: not worth the
  // four file writes, which would halve the speed of the inputs that are one CSV file.
  if (std::count(input.begin(), input.end(), '\f') < 3) return 0;
  static const char* const kFiles[] = {"types.csv", "relations.csv", "nodes.csv", "edges.csv"};
  static const std::string dir = [] {
    const std::string d = kg::fuzz::scratch_dir() + "/dataset";
    std::filesystem::create_directories(d);
    return d;
  }();
  std::size_t at = 0;
  for (const char* name : kFiles) {
    const std::size_t end = std::min(input.find('\f', at), input.size());
    std::ofstream(dir + "/" + name, std::ios::binary | std::ios::trunc)
        .write(input.data() + at, static_cast<std::streamsize>(end - at));
    at = std::min(end + 1, input.size());
  }
  problems.clear();
  (void)kg::read_dataset(dir, problems);
  return 0;
}

// Implementation of corpus.h. JSON lines are parsed with nlohmann-json; its exceptions stay in
// this file and become located problems.
#include "ingest/corpus.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>

#include "kg/text.h"

namespace kg::ingest {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kProgressEvery = 1 << 20;

Status problem(const std::string& file, int line, std::string message) {
  return Status::error(ErrorKind::kData, std::move(message), Location{file, line});
}

int line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(),
                                         text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// What is wrong with a paper's text, or empty when it can be read. For a whole file, `line` is
// set to the line of the fault; a corpus line reports its own line.
std::string text_problem(std::string_view text, bool whole_file, int& line) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return whole_file ? "empty file" : "empty text";
  }
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    if (whole_file) line = line_of(text, nul);
    return whole_file ? "binary file (NUL byte), not a paper's text" : "NUL character in the text";
  }
  if (std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    if (whole_file) line = line_of(text, bad);
    return fmt::format("invalid UTF-8 (byte 0x{:02X})", static_cast<unsigned char>(text[bad]));
  }
  return {};
}

std::string without_cr(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      out.push_back('\n');
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

bool read_file(const std::string& path, std::string& out, std::vector<Status>& problems) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    problems.push_back(problem(path, 0, "cannot read file (no such file)"));
    return false;
  }
  if (fs::is_directory(st)) {
    problems.push_back(problem(path, 0, "is a folder, not a paper (.txt) or corpus (.jsonl)"));
    return false;
  }
  if (!fs::is_regular_file(st)) {
    problems.push_back(problem(path, 0, "not a regular file"));
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in.good() && !in.eof()) {
    problems.push_back(problem(path, 0, "cannot read file"));
    return false;
  }
  out = std::move(text).str();
  return true;
}

// One corpus line: true when it gave a paper; otherwise a problem was added.
bool parse_corpus_line(const std::string& file, int line, std::string_view json, PaperText& paper,
                       std::vector<Status>& problems) {
  if (std::size_t bad = find_invalid_utf8(json); bad != std::string_view::npos) {
    problems.push_back(problem(file, line,
                               fmt::format("invalid UTF-8 (byte 0x{:02X}); line skipped",
                                           static_cast<unsigned char>(json[bad]))));
    return false;
  }
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(json);
  } catch (const nlohmann::json::parse_error& e) {
    problems.push_back(
        problem(file, line, fmt::format("malformed JSON at column {}; line skipped", e.byte)));
    return false;
  }
  if (!doc.is_object()) {
    problems.push_back(
        problem(file, line, "not a JSON object with \"url\" and \"text\"; line skipped"));
    return false;
  }
  auto text = doc.find("text");
  if (text == doc.end() || !text->is_string()) {
    problems.push_back(problem(file, line, "no \"text\" string; line skipped"));
    return false;
  }
  auto url = doc.find("url");
  if (url != doc.end() && !url->is_string()) {
    problems.push_back(problem(file, line, "\"url\" is not a string; line skipped"));
    return false;
  }
  paper.file = file;
  paper.line = line;
  paper.origin = url != doc.end() ? url->get<std::string>() : std::string();
  if (paper.origin.empty())
    paper.origin = fmt::format("{}:{}", fs::path(file).filename().string(), line);
  const std::string& raw = text->get_ref<const std::string&>();
  int where = line;
  if (std::string why = text_problem(raw, false, where); !why.empty()) {
    problems.push_back(problem(file, line, why + "; line skipped"));
    return false;
  }
  paper.text = without_cr(raw);
  return true;
}

}  // namespace

ReadOutcome read_inputs(const std::vector<std::string>& inputs,
                        const std::function<void(PaperText&&)>& on_paper,
                        const std::function<void(const IngestProgress&)>& progress,
                        const std::size_t& papers_so_far, std::vector<Status>& problems) {
  ReadOutcome outcome;
  for (const std::string& path : inputs) {
    const std::string ext = fs::path(path).extension().string();
    if (ext != ".txt" && ext != ".jsonl") {
      problems.push_back(
          problem(path, 0, "unknown kind of input (expected a .txt paper or a .jsonl corpus)"));
      outcome.fatal = true;
      continue;
    }
    std::string content;
    if (!read_file(path, content, problems)) {
      outcome.fatal = true;
      continue;
    }
    if (ext == ".txt") {
      int line = 0;
      if (std::string why = text_problem(content, true, line); !why.empty()) {
        problems.push_back(problem(path, line, why));
        outcome.fatal = true;
        continue;
      }
      if (outcome.fatal) continue;  // nothing will be written; only look for more problems
      on_paper({path, 0, fs::path(path).filename().string(), without_cr(content)});
      if (progress) progress({path, content.size(), content.size(), papers_so_far});
      continue;
    }
    if (content.find_first_not_of(" \t\r\n") == std::string::npos) {
      problems.push_back(problem(path, 0, "empty corpus"));
      outcome.fatal = true;
      continue;
    }
    std::string_view all(content);
    std::size_t next_report = kProgressEvery;
    int line = 0;
    for (std::size_t pos = 0; pos < all.size();) {
      std::size_t end = all.find('\n', pos);
      if (end == std::string_view::npos) end = all.size();
      std::string_view text = all.substr(pos, end - pos);
      ++line;
      pos = end + 1;
      if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;  // blank line
      PaperText paper;
      if (parse_corpus_line(path, line, text, paper, problems)) {
        if (!outcome.fatal) on_paper(std::move(paper));
      } else {
        ++outcome.skipped;
      }
      if (progress && pos >= next_report) {
        progress({path, std::min(pos, all.size()), all.size(), papers_so_far});
        next_report = pos + kProgressEvery;
      }
    }
    if (progress) progress({path, all.size(), all.size(), papers_so_far});
  }
  return outcome;
}

}  // namespace kg::ingest

// Implementation of kg/ingest.h: reads the inputs, runs layout, identity, citations and mentions
// on each paper, and writes the draft folder through a temporary folder beside the target.
#include "kg/ingest.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "ingest/candidates.h"
#include "ingest/citations.h"
#include "ingest/corpus.h"
#include "ingest/draft.h"
#include "ingest/identity.h"
#include "ingest/layout.h"
#include "ingest/mentions.h"
#include "ingest/words.h"

namespace kg {
namespace {

namespace fs = std::filesystem;

// Candidates seen fewer times are mostly OCR noise and one-off capitalised words.
constexpr std::size_t kMinCandidateCount = 2;

Status folder_problem(const std::string& dir, std::string message) {
  return Status::error(ErrorKind::kIo, std::move(message), Location{dir, 0});
}

bool is_draft(const fs::path& dir) {
  std::ifstream in(dir / "README.md");
  std::string first;
  return in && std::getline(in, first) && first == ingest::kDraftMarker;
}

// Checks before any reading, so that a wrong target costs nothing.
Status check_target(const IngestOptions& options) {
  if (options.into.empty()) return folder_problem("--into", "no folder to write");
  std::error_code ec;
  const fs::path into(options.into);
  if (!fs::exists(into, ec)) return {};
  if (!options.force) {
    return folder_problem(options.into,
                          "already exists; give --force to replace an earlier ingest draft");
  }
  if (!fs::is_directory(into, ec) || !is_draft(into)) {
    return folder_problem(options.into,
                          "is not a folder written by ingest; refusing to replace it");
  }
  return {};
}

// Writes the draft into a fresh folder beside the target, then moves it into place; an earlier
// draft there is moved aside first and removed only once the new one stands.
Status write_folder(const ingest::Draft& draft, const IngestOptions& options,
                    const std::vector<ingest::Candidate>& candidates) {
  const fs::path into = fs::absolute(fs::path(options.into)).lexically_normal();
  const fs::path parent =
      into.has_filename() ? into.parent_path() : into.parent_path().parent_path();
  const std::string name = (into.has_filename() ? into : into.parent_path()).filename().string();
  std::error_code ec;
  fs::create_directories(parent, ec);
  std::string pattern = (parent / ("." + name + ".ingest-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return folder_problem(options.into, "cannot create a temporary folder beside it");
  }
  const fs::path temp(pattern);
  if (Status s = draft.write(temp.string(), options.inputs, candidates); !s.ok()) {
    fs::remove_all(temp, ec);
    return folder_problem(options.into, s.message());
  }
  fs::path old;
  if (fs::exists(into, ec)) {
    // rename() replaces the empty folder mkdtemp made, which reserves a unique name.
    std::string aside = (parent / ("." + name + ".old-XXXXXX")).string();
    if (mkdtemp(aside.data()) != nullptr) {
      old = aside;
      fs::rename(into, old, ec);
    }
    if (old.empty() || ec) {
      fs::remove_all(temp, ec);
      return folder_problem(options.into, "cannot move the earlier draft aside");
    }
  }
  fs::rename(temp, into, ec);
  if (ec) {
    const std::string why = ec.message();
    if (!old.empty()) fs::rename(old, into, ec);
    fs::remove_all(temp, ec);
    return folder_problem(options.into, "cannot move the new draft into place: " + why);
  }
  if (!old.empty()) fs::remove_all(old, ec);
  return {};
}

}  // namespace

IngestReport ingest_papers(const IngestOptions& options) {
  IngestReport report;
  if (Status s = check_target(options); !s.ok()) {
    report.problems.push_back(s);
    return report;
  }
  const ingest::MentionIndex index =
      options.graph != nullptr ? ingest::MentionIndex(*options.graph) : ingest::MentionIndex();
  ingest::Draft draft(options.graph);
  ingest::CandidateList candidates;
  std::vector<ingest::Mention> mentions;
  std::vector<ingest::Mention> span_mentions;

  auto on_paper = [&](ingest::PaperText&& paper) {
    ++report.papers;
    const ingest::Layout layout = ingest::read_layout(paper.text);
    const ingest::Identity id = ingest::read_identity(layout, paper.origin);
    if (id.key.empty()) return;
    const std::string where =
        paper.line > 0 ? fmt::format("{}:{}", paper.file, paper.line) : paper.file;
    if (std::string earlier = draft.added_at(id.key); !earlier.empty()) {
      report.problems.push_back(
          Status::error(ErrorKind::kData,
                        fmt::format("paper {} was read already at {}; skipped", id.key, earlier),
                        Location{paper.file, paper.line}));
      ++report.skipped;
      return;
    }
    ++report.identified;
    mentions.clear();
    for (std::size_t s = 0; s < layout.spans.size(); ++s) {
      const ingest::Span& span = layout.spans[s];
      if (span.kind == ingest::SpanKind::kFurniture) continue;
      const std::vector<ingest::Word> words = ingest::split_words(span.text);
      span_mentions.clear();
      index.find_in(words, s, span_mentions);
      candidates.add(span, words, span_mentions, index, id.key);
      mentions.insert(mentions.end(), span_mentions.begin(), span_mentions.end());
    }
    draft.add_paper(id, paper.origin, where, layout, ingest::find_citations(layout, id), mentions);
  };
  const ingest::ReadOutcome read = ingest::read_inputs(options.inputs, on_paper, options.progress,
                                                       report.papers, report.problems);
  report.skipped += read.skipped;
  if (read.fatal) return report;

  const std::vector<ingest::Candidate> review = candidates.sorted(kMinCandidateCount);
  if (Status s = write_folder(draft, options, review); !s.ok()) {
    report.problems.push_back(s);
    return report;
  }
  report.written = true;
  report.citations = draft.counts().citations;
  report.mentions = draft.counts().mentions;
  report.known = draft.counts().known;
  report.candidates = review.size();
  return report;
}

}  // namespace kg

// Implementation of sink.h.
#include "sink.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kg::shell {

void Sink::fail(const std::string& what) {
  if (error_.ok()) {
    error_ = Status::error(ErrorKind::kIo, "cannot write " + what + ": " + std::strerror(errno));
  }
}

StreamSink::StreamSink(std::FILE* stream, std::string name)
    : stream_(stream), name_(std::move(name)), terminal_(::isatty(::fileno(stream)) == 1) {}

void StreamSink::write(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), stream_) != text.size()) fail(name_);
}

void StreamSink::flush() {
  if (std::fflush(stream_) != 0) fail(name_);
}

Result<std::unique_ptr<FileSink>> FileSink::open(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) {
    return Status::error(ErrorKind::kIo, "cannot write '" + path + "': " + std::strerror(errno));
  }
  return std::unique_ptr<FileSink>(new FileSink(f, path));
}

FileSink::~FileSink() {
  std::fclose(file_);
}

void FileSink::write(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) fail("'" + path_ + "'");
}

void FileSink::flush() {
  if (std::fflush(file_) != 0) fail("'" + path_ + "'");
}

}  // namespace kg::shell

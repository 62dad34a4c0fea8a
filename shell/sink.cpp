// Implementation of sink.h.
#include "sink.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kg::shell {

StreamSink::StreamSink(std::FILE* stream)
    : stream_(stream), terminal_(::isatty(::fileno(stream)) == 1) {}

void StreamSink::write(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stream_); }

void StreamSink::flush() { std::fflush(stream_); }

Result<std::unique_ptr<FileSink>> FileSink::open(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) {
    return Status::error(ErrorKind::kIo, "cannot write '" + path + "': " + std::strerror(errno));
  }
  return std::unique_ptr<FileSink>(new FileSink(f, path));
}

FileSink::~FileSink() { std::fclose(file_); }

void FileSink::write(std::string_view text) { std::fwrite(text.data(), 1, text.size(), file_); }

void FileSink::flush() { std::fflush(file_); }

}  // namespace kg::shell

// libFuzzer harness for the shell: the tokenizer on the whole input, then its first line run as
// one command by a Session on the tiny fixture graph (opened once), output into string sinks.
// Dot commands that touch files (.output, .once, .open, .read) are skipped; settings a command
// changes are reset after each input, so every input runs on the same session state.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "session.h"
#include "sink.h"
#include "tokenizer.h"

namespace {

struct Shell {
  kg::shell::StringSink out, err;
  kg::shell::Session session{out, err};
};

Shell& shell() {
  static Shell* s = [] {
    auto* shell = new Shell;
    if (!shell->session.open(kg::fuzz::tiny_graph()).ok()) std::abort();
    return shell;
  }();
  return *s;
}

bool touches_files(std::string_view line) {
  auto tokens = kg::shell::tokenize(line);
  if (!tokens.ok() || tokens->empty()) return false;
  const std::string& name = tokens->front().text;
  return name.starts_with(".") && name != ".mode" && name != ".sources" && name != ".limit" &&
         name != ".help" && name != ".headers";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)kg::shell::tokenize(input);
  char open_quote = 0;
  (void)kg::shell::tokenize_partial(input, open_quote);

  const std::string_view line = input.substr(0, std::min(input.find('\n'), input.size()));
  if (touches_files(line)) return 0;
  Shell& s = shell();
  (void)s.session.execute(line);
  s.out.clear();
  s.err.clear();
  // Every setting a command may change lives in Settings; .quit only asks the read loop to stop,
  // and execute() does not look at it.
  s.session.settings = kg::shell::Settings{};
  return 0;
}

// The interactive reader on GNU readline, used through its callback interface so that Ctrl-C can
// cancel the current line cleanly: SIGINT only sets a flag, and the select() loop that feeds
// readline notices it. Readline is global C state; one interactive session per process.
#include <readline/history.h>
#include <readline/readline.h>
#include <sys/select.h>

#include <fmt/format.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "completion.h"
#include "kg/cancel.h"
#include "line_reader.h"
#include "repl.h"
#include "session.h"

namespace kg::shell {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;
Session* g_session = nullptr;
std::size_t g_display_offset = 0;

// State handed from readline's line callback back to the loop.
struct Pending {
  bool done = false;
  bool eof = false;
  std::string line;
};
Pending g_pending;

CancelToken* g_cancel = nullptr;

// Ctrl-C at the prompt cancels the line; during a command it stops the command, whose query
// polls the session's token (CancelToken::set is async-signal-safe).
void on_sigint(int) {
  g_interrupted = 1;
  if (g_cancel != nullptr) g_cancel->set();
}

void on_line(char* text) {
  g_pending.done = true;
  if (text == nullptr) {
    g_pending.eof = true;
  } else {
    g_pending.line = text;
    std::free(text);
  }
  rl_callback_handler_remove();
}

char* duplicate(const std::string& s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  std::memcpy(out, s.c_str(), s.size() + 1);
  return out;
}

// Readline sees the whole line up to the cursor as one word (no break characters), and we
// return whole-line candidates built from completion.h's answer.
char** attempt_completion(const char*, int, int) {
  rl_attempted_completion_over = 1;
  const std::string line(rl_line_buffer, static_cast<std::size_t>(rl_end));
  Completion c = complete(line, static_cast<std::size_t>(rl_point), *g_session);
  if (c.candidates.empty()) return nullptr;
  const std::string head = line.substr(0, c.start);
  g_display_offset = head.size();
  rl_completion_suppress_append = c.append_space ? 0 : 1;
  std::string common = c.candidates.front();
  for (const std::string& cand : c.candidates) {
    std::size_t n = 0;
    while (n < common.size() && n < cand.size() && common[n] == cand[n]) ++n;
    common.resize(n);
  }
  char** matches = static_cast<char**>(std::malloc((c.candidates.size() + 2) * sizeof(char*)));
  matches[0] = duplicate(head + common);
  std::size_t i = 1;
  if (c.candidates.size() > 1) {
    for (const std::string& cand : c.candidates) matches[i++] = duplicate(head + cand);
  }
  matches[i] = nullptr;
  return matches;
}

// Lists candidates without the part of the line before the word being completed.
void display_matches(char** matches, int count, int) {
  std::vector<std::string> shown;
  std::vector<char*> pointers;
  int longest = 0;
  for (int i = 0; i <= count; ++i) {
    std::string s = matches[i];
    shown.push_back(s.size() > g_display_offset ? s.substr(g_display_offset) : s);
  }
  for (std::string& s : shown) {
    pointers.push_back(s.data());
    longest = std::max(longest, static_cast<int>(s.size()));
  }
  pointers.push_back(nullptr);
  rl_display_match_list(pointers.data(), count, longest);
  rl_forced_update_display();
}

// One line from readline, or why there is none.
enum class ReadKind { kLine, kCancelled, kEnd };

ReadKind read_one(const std::string& prompt, std::string& line) {
  g_pending = Pending{};
  g_interrupted = 0;
  rl_callback_handler_install(prompt.c_str(), on_line);
  while (!g_pending.done) {
    fd_set fds;
    FD_ZERO(&fds);
    FD_SET(fileno(rl_instream), &fds);
    const int ready = select(fileno(rl_instream) + 1, &fds, nullptr, nullptr, nullptr);
    if (g_interrupted) {
      g_interrupted = 0;
      rl_free_line_state();
      rl_callback_sigcleanup();
      rl_callback_handler_remove();
      std::fputs("\n", rl_outstream);
      return ReadKind::kCancelled;
    }
    if (ready < 0) {
      if (errno == EINTR) continue;
      rl_callback_handler_remove();
      return ReadKind::kEnd;
    }
    rl_callback_read_char();
  }
  if (g_pending.eof) {
    std::fputs("\n", rl_outstream);
    return ReadKind::kEnd;
  }
  line = std::move(g_pending.line);
  return ReadKind::kLine;
}

// Physical lines from readline, with the graph's prompt (or "...>" inside a command); each
// complete command goes into the history, and the history file at once.
class ReadlineReader : public LineReader {
 public:
  ReadlineReader(Session& session, std::string history)
      : session_(session), history_(std::move(history)) {}
  std::string where() const override { return {}; }
  bool interactive() const override { return true; }

 protected:
  Got read_line(bool continuing, std::string& line) override {
    const std::string prompt = continuing ? "   ...> " : session_.graph_label() + "> ";
    switch (read_one(prompt, line)) {
      case ReadKind::kLine:
        return Got::kLine;
      case ReadKind::kCancelled:
        return Got::kCancelled;
      case ReadKind::kEnd:
        break;
    }
    return Got::kEnd;
  }

  void accepted(const std::string& command) override {
    if (command.find_first_not_of(" \t") == std::string::npos) return;
    HIST_ENTRY* last =
        history_length > 0 ? history_get(history_base + history_length - 1) : nullptr;
    if (last != nullptr && command == last->line) return;
    add_history(command.c_str());
    if (!history_.empty()) append_history(1, history_.c_str());
  }

 private:
  Session& session_;
  std::string history_;
};

}  // namespace

std::string history_path() {
  if (const char* p = std::getenv("KAMERGRAAF_HISTORY"); p != nullptr && *p != '\0') return p;
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.kamergraaf_history";
  }
  return {};
}

void run_interactive(Session& session, const std::string& history_file) {
  g_session = &session;
  g_cancel = &session.cancel_token();
  rl_readline_name = "kamergraaf";
  // Readline would export the screen size as LINES and COLUMNS, hiding a COLUMNS the user set
  // (which terminal_columns() honours).
  rl_change_environment = 0;
  rl_catch_signals = 0;
  rl_attempted_completion_function = attempt_completion;
  rl_completion_display_matches_hook = display_matches;
  static char kNoBreaks[] = "\n";
  rl_completer_word_break_characters = kNoBreaks;
  rl_completer_quote_characters = nullptr;
  rl_basic_quote_characters = nullptr;
  // One Tab on an ambiguous word lists the candidates, as analysts expect from a query shell.
  rl_variable_bind("show-all-if-ambiguous", "on");

  struct sigaction action {};
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: select() must return so the loop sees the flag
  sigaction(SIGINT, &action, nullptr);

  using_history();
  stifle_history(10000);
  if (!history_file.empty()) {
    if (FILE* touch = std::fopen(history_file.c_str(), "a")) std::fclose(touch);
    read_history(history_file.c_str());
  }

  if (session.has_graph()) {
    session.output().write(
        fmt::format("kamergraaf {} — {}: {} nodes, {} edges. Type help for commands, .quit or "
                    "Ctrl-D to leave.\n",
                    KG_VERSION, session.graph_label(), session.graph().node_count(),
                    session.graph().edge_count()));
  } else {
    session.output().write(fmt::format(
        "kamergraaf {} — no graph open; use .open FILE. Type help for commands.\n", KG_VERSION));
  }
  session.output().flush();

  ReadlineReader reader(session, history_file);
  session.run(reader);
  if (!history_file.empty()) history_truncate_file(history_file.c_str(), 10000);
  g_session = nullptr;
  g_cancel = nullptr;
}

}  // namespace kg::shell

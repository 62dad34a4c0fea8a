// Implementation of terminal.h.
#include "terminal.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdlib>
#include <vector>

#include "kg/text.h"

namespace kg::shell {
namespace {

std::size_t env_number(const char* name) {
  const char* text = std::getenv(name);
  if (text == nullptr) return 0;
  const std::string_view s(text);
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && end == s.data() + s.size() ? value : 0;
}

winsize window() {
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) size = winsize{};
  return size;
}

// True when `command` needs a shell to mean what it says (quotes, pipes, variables, ...).
bool needs_shell(std::string_view command) {
  return command.find_first_of("\"'\\$`|&;<>()*?[]{}~#=\t\n") != std::string_view::npos;
}

std::vector<std::string> split_words(std::string_view command) {
  std::vector<std::string> words;
  std::size_t at = command.find_first_not_of(' ');
  while (at != std::string_view::npos) {
    const std::size_t end = std::min(command.find(' ', at), command.size());
    words.emplace_back(command.substr(at, end - at));
    at = command.find_first_not_of(' ', end);
  }
  return words;
}

}  // namespace

std::size_t terminal_columns() {
  if (const std::size_t env = env_number("COLUMNS"); env > 0) return env;
  return window().ws_col;
}

std::size_t terminal_rows() {
  if (const std::size_t rows = window().ws_row; rows > 0) return rows;
  return env_number("LINES");
}

std::size_t screen_rows(std::string_view text, std::size_t columns) {
  std::size_t rows = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::size_t w = display_width(text.substr(at, end - at));
    rows += columns == 0 || w == 0 ? 1 : (w + columns - 1) / columns;
    at = end + 1;
  }
  return rows;
}

std::optional<std::string> pager_command() {
  const char* pager = std::getenv("PAGER");
  if (pager == nullptr) return std::string("less -FRX");
  if (std::string_view(pager).find_first_not_of(' ') == std::string_view::npos) return std::nullopt;
  return std::string(pager);
}

Paged run_pager(const std::string& command, std::string_view text) {
  std::vector<std::string> words;
  if (needs_shell(command)) {
    words = {"/bin/sh", "-c", command};
  } else {
    words = split_words(command);
  }
  if (words.empty()) return Paged::kNotStarted;
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);

  int fds[2];
  if (::pipe(fds) != 0) return Paged::kNotStarted;
  // Exec failure is reported through a second pipe closed on exec, so "not started" is known
  // for certain and never confused with a pager that ran and failed.
  int status_pipe[2];
  if (::pipe(status_pipe) != 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return Paged::kNotStarted;
  }
  ::fcntl(status_pipe[1], F_SETFD, FD_CLOEXEC);
  const pid_t pid = ::fork();
  if (pid < 0) {
    for (int fd : {fds[0], fds[1], status_pipe[0], status_pipe[1]}) ::close(fd);
    return Paged::kNotStarted;
  }
  if (pid == 0) {
    ::dup2(fds[0], STDIN_FILENO);
    ::close(fds[0]);
    ::close(fds[1]);
    ::close(status_pipe[0]);
    // Dispositions set to ignore survive exec; the pager gets the defaults.
    std::signal(SIGPIPE, SIG_DFL);
    ::execvp(argv[0], argv.data());
    const char failed = 1;
    [[maybe_unused]] const auto n = ::write(status_pipe[1], &failed, 1);
    ::_exit(127);
  }
  ::close(fds[0]);
  ::close(status_pipe[1]);
  char failed = 0;
  ssize_t got;
  do {
    got = ::read(status_pipe[0], &failed, 1);
  } while (got < 0 && errno == EINTR);
  ::close(status_pipe[0]);
  const bool started = got == 0;

  if (started) {
    struct sigaction ignore {
    }, previous{};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGPIPE, &ignore, &previous);
    std::size_t done = 0;
    while (done < text.size()) {
      const ssize_t n = ::write(fds[1], text.data() + done, text.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // EPIPE: the pager was quit before the end
      done += static_cast<std::size_t>(n);
    }
    ::sigaction(SIGPIPE, &previous, nullptr);
  }
  ::close(fds[1]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return started ? Paged::kShown : Paged::kNotStarted;
}

}  // namespace kg::shell

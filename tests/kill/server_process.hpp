// The haven binary run as the process tests need it: `haven serve` on a free port (its address read
// from its standard output), killed hard or stopped gracefully; and any other haven command, run to
// its end. HAVEN_BINARY is the target built by CMake.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace haven::testing {

// Runs `haven ARGS...` to its end, its output to `log` (or nowhere), its standard input from `input`
// (or nothing); its exit code, or -1 if it died.
inline int run_haven(std::vector<std::string> args, const std::filesystem::path& log = {},
                     const std::filesystem::path& input = {}) {
  args.insert(args.begin(), HAVEN_BINARY);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string out = log.empty() ? "/dev/null" : log.string();
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  const std::string in = input.empty() ? "/dev/null" : input.string();
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, in.c_str(), O_RDONLY, 0);
  pid_t pid = -1;
  const int spawned = posix_spawn(&pid, HAVEN_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error("cannot start haven");
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A haven serve process whose standard output is read for the port it bound.
class ServerProcess {
 public:
  // `store`: the flags that say where the store and key file are ("--data DIR", or "--database URL
  // --key-file FILE").
  explicit ServerProcess(std::vector<std::string> store) {
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<std::string> args{HAVEN_BINARY, "serve"};
    args.insert(args.end(), store.begin(), store.end());
    for (const char* a : {"--listen", "127.0.0.1:0", "--web-root", "", "--log-level", "warn"}) args.emplace_back(a);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, HAVEN_BINARY, &actions, nullptr, argv.data(), environ) != 0) {
      throw std::runtime_error("cannot start haven");
    }
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    FILE* stream = ::fdopen(out[0], "r");
    char line[512];
    while (std::fgets(line, sizeof line, stream)) {
      const std::string text(line);
      const auto at = text.find("http://127.0.0.1:");
      if (at != std::string::npos) {
        port_ = static_cast<unsigned short>(std::stoi(text.substr(at + 17)));
        break;
      }
    }
    stdout_ = stream;  // kept open so the server never writes to a closed pipe
    if (port_ == 0) throw std::runtime_error("haven did not report its port");
  }
  explicit ServerProcess(const std::filesystem::path& data) : ServerProcess(std::vector<std::string>{"--data", data.string()}) {}
  ~ServerProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (stdout_) std::fclose(stdout_);
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  void kill_hard() {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  int terminate_gracefully() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
  }
  unsigned short port() const { return port_; }

 private:
  pid_t pid_ = -1;
  unsigned short port_ = 0;
  FILE* stdout_ = nullptr;
};

}  // namespace haven::testing

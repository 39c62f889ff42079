// Replays every saved fuzz input through the same checks the libFuzzer harnesses run
// (tests/fuzz/fuzz_checks.hpp), so a fixed crash, hang or broken report stays fixed in the
// normal build. Each input runs in a forked child with a time limit: a regression that hangs
// or crashes fails its check here instead of stalling or killing the whole test binary.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "../fuzz/fuzz_checks.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kFuzzDir = fs::path(HANDOFF_SOURCE_DIR) / "tests" / "fuzz";

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The outcome of one input in a child process: empty when every check held.
std::string replay_in_child(std::string_view harness, const std::string& bytes,
                            std::chrono::seconds limit) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return "pipe() failed";
  pid_t pid = ::fork();
  if (pid < 0) return "fork() failed";
  if (pid == 0) {
    ::close(pipe_fds[0]);
    auto problem = handoff::fuzz::check_input(harness, bytes);
    if (problem) {
      std::size_t size = std::min<std::size_t>(problem->size(), 4000);
      ssize_t written = ::write(pipe_fds[1], problem->data(), size);
      (void)written;  // the exit status already says it failed
    }
    ::_exit(problem ? 1 : 0);
  }
  ::close(pipe_fds[1]);
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      ::close(pipe_fds[0]);
      return "did not finish within " + std::to_string(limit.count()) + " s (a hang)";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::string message;
  char buf[512];
  for (ssize_t n; (n = ::read(pipe_fds[0], buf, sizeof buf)) > 0;)
    message.append(buf, static_cast<std::size_t>(n));
  ::close(pipe_fds[0]);
  if (WIFSIGNALED(status)) return "crashed with signal " + std::to_string(WTERMSIG(status));
  if (WEXITSTATUS(status) != 0)
    return message.empty() ? "exited with status " + std::to_string(WEXITSTATUS(status)) : message;
  return {};
}

// Paths (relative to tests/fuzz/regressions) listed in open.txt: bugs not fixed yet.
std::set<std::string> open_findings() {
  std::set<std::string> open;
  std::ifstream in(kFuzzDir / "regressions" / "open.txt");
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') open.insert(line);
  return open;
}

struct Input {
  std::string harness;
  fs::path path;
};

std::vector<Input> inputs_under(const fs::path& root) {
  std::vector<Input> inputs;
  for (std::string_view harness : handoff::fuzz::kHarnesses) {
    fs::path dir = root / harness;
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.is_regular_file()) inputs.push_back({std::string(harness), entry.path()});
  }
  std::sort(inputs.begin(), inputs.end(),
            [](const Input& a, const Input& b) { return a.path < b.path; });
  return inputs;
}

}  // namespace

TEST_CASE("every saved fuzz regression input passes its harness's checks", "[fuzz]") {
  const auto inputs = inputs_under(kFuzzDir / "regressions");
  REQUIRE(!inputs.empty());
  const auto open = open_findings();
  for (const Input& input : inputs) {
    const std::string name = fs::relative(input.path, kFuzzDir / "regressions").generic_string();
    const bool is_open = open.count(name) > 0;
    // An open finding may still hang: give it a short leash.
    const auto limit = std::chrono::seconds(is_open ? 3 : 30);
    const std::string outcome = replay_in_child(input.harness, read_bytes(input.path), limit);
    if (is_open) {
      if (outcome.empty())
        WARN(name << " now passes: remove it from tests/fuzz/regressions/open.txt");
      else
        WARN(name << " is a known open finding: " << outcome);
      continue;
    }
    INFO("regression input " << name << " (harness " << input.harness << ")");
    CHECK(outcome == "");
  }
}

TEST_CASE("every fuzz seed input passes its harness's checks", "[fuzz]") {
  const auto inputs = inputs_under(kFuzzDir / "corpus");
  REQUIRE(inputs.size() >= 7);
  for (const Input& input : inputs) {
    INFO("seed input " << fs::relative(input.path, kFuzzDir).generic_string());
    CHECK(replay_in_child(input.harness, read_bytes(input.path), std::chrono::seconds(30)) == "");
  }
}

TEST_CASE("the fuzz checks catch what they are there to catch", "[fuzz]") {
  using handoff::fuzz::first_terminal_control;
  CHECK(first_terminal_control("plain\ttext\n") == std::string_view::npos);
  CHECK(first_terminal_control("ok \x1b[31mred") == 3);
  CHECK(first_terminal_control("a\xC2\x9B" "b") == 1);       // C1 CSI
  CHECK(first_terminal_control("ab\xE2\x80\xAE" "c") == 2);  // right-to-left override
  CHECK(first_terminal_control("caf\xC3\xA9") == std::string_view::npos);
  CHECK(handoff::fuzz::check_input("no-such-harness", "x") ==
        std::string("unknown harness no-such-harness"));
}

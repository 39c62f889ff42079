// bench_parse_floor: the least work any loader built on yaml-cpp and cmark must do.
//
//   bench_parse_floor [-j N] [--yaml-events | --yaml-fast] DIR
//
// Walks DIR recursively, reads every .yaml/.yml and .md file whole, parses YAML with
// YAML::Load and Markdown with cmark_parse_document, and walks the result counting nodes so
// the parse cannot be optimised away. No rules, no normalisation, no report. With -j N the
// file list is shared by N threads (each takes the next file from an atomic counter).
// --yaml-events drives yaml-cpp's event parser (YAML::Parser with a counting handler) instead
// of YAML::Load: no node graph is built. --yaml-fast reads YAML with handoff-lint's fast path
// (src/load/yaml_fast.hpp) into the same counting handler, and with yaml-cpp's event parser
// when the fast path declines: the parse handoff-lint itself does, without its tree.
// Prints files, bytes, nodes, errors and wall seconds on one line.
#include <cmark.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "load/yaml_fast.hpp"

namespace fs = std::filesystem;

namespace {

enum class Kind { yaml, markdown };

struct Job {
  fs::path path;
  Kind kind;
};

struct Tally {
  std::uint64_t files = 0;
  std::uint64_t bytes = 0;
  std::uint64_t nodes = 0;
  std::uint64_t errors = 0;
};

bool read_whole(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size < 0) return false;
  out.resize(static_cast<std::size_t>(size));
  in.seekg(0, std::ios::beg);
  in.read(out.data(), static_cast<std::streamsize>(out.size()));
  return static_cast<bool>(in) || in.eof();
}

// Iterative, so a deep document cannot overflow the stack of a worker thread.
std::uint64_t count_yaml(const YAML::Node& root) {
  std::uint64_t n = 0;
  std::vector<YAML::Node> stack{root};
  while (!stack.empty()) {
    YAML::Node node = stack.back();
    stack.pop_back();
    ++n;
    if (node.IsSequence()) {
      for (const auto& child : node) stack.push_back(child);
    } else if (node.IsMap()) {
      for (const auto& kv : node) {
        stack.push_back(kv.first);
        stack.push_back(kv.second);
      }
    }
  }
  return n;
}

// Counts parser events; builds nothing.
class CountingHandler : public YAML::EventHandler {
 public:
  std::uint64_t events = 0;
  void OnDocumentStart(const YAML::Mark&) override { ++events; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string& value) override {
    ++events;
    (void)value;
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnMapEnd() override {}
};

std::uint64_t count_yaml_events(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  CountingHandler handler;
  while (parser.HandleNextDocument(handler)) {
  }
  return handler.events;
}

std::uint64_t count_yaml_fast(const std::string& text) {
  CountingHandler handler;
  if (handoff::yaml::emit_simple_document(text, handler, 64)) return handler.events;
  return count_yaml_events(text);
}

std::uint64_t count_markdown(const std::string& text) {
  cmark_node* doc = cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT);
  if (!doc) return 0;
  std::uint64_t n = 0;
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev == CMARK_EVENT_ENTER) ++n;
  }
  cmark_iter_free(it);
  cmark_node_free(doc);
  return n;
}

enum class YamlMode { load, events, fast };
YamlMode g_yaml_mode = YamlMode::load;

std::uint64_t count_yaml_text(const std::string& text) {
  switch (g_yaml_mode) {
    case YamlMode::events:
      return count_yaml_events(text);
    case YamlMode::fast:
      return count_yaml_fast(text);
    default:
      return count_yaml(YAML::Load(text));
  }
}

void work(const std::vector<Job>& jobs, std::atomic<std::size_t>& next, Tally& t) {
  std::string text;
  for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < jobs.size();) {
    const Job& job = jobs[i];
    if (!read_whole(job.path, text)) {
      ++t.errors;
      continue;
    }
    ++t.files;
    t.bytes += text.size();
    if (job.kind == Kind::markdown) {
      t.nodes += count_markdown(text);
      continue;
    }
    try {
      t.nodes += count_yaml_text(text);
    } catch (const YAML::Exception&) {
      ++t.errors;
    }
  }
}

int usage() {
  std::fputs("usage: bench_parse_floor [-j N] [--yaml-events | --yaml-fast] DIR\n", stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned threads = 1;
  const char* dir = nullptr;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "-j" && i + 1 < argc) {
      threads = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10));
    } else if (a.size() > 2 && a.substr(0, 2) == "-j") {
      threads = static_cast<unsigned>(std::strtoul(argv[i] + 2, nullptr, 10));
    } else if (a == "--yaml-events") {
      g_yaml_mode = YamlMode::events;
    } else if (a == "--yaml-fast") {
      g_yaml_mode = YamlMode::fast;
    } else if (a == "-h" || a == "--help" || dir) {
      return usage();
    } else {
      dir = argv[i];
    }
  }
  if (!dir || threads == 0 || threads > 256) return usage();

  const auto start = std::chrono::steady_clock::now();
  std::vector<Job> jobs;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::string ext = it->path().extension().string();
    if (ext == ".yaml" || ext == ".yml") jobs.push_back({it->path(), Kind::yaml});
    else if (ext == ".md") jobs.push_back({it->path(), Kind::markdown});
  }
  if (ec) {
    std::fprintf(stderr, "bench_parse_floor: %s: %s\n", dir, ec.message().c_str());
    return 2;
  }

  std::atomic<std::size_t> next{0};
  std::vector<Tally> tallies(threads);
  if (threads == 1) {
    work(jobs, next, tallies[0]);
  } else {
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back(work, std::cref(jobs), std::ref(next), std::ref(tallies[t]));
    for (auto& th : pool) th.join();
  }
  Tally sum;
  for (const auto& t : tallies) {
    sum.files += t.files;
    sum.bytes += t.bytes;
    sum.nodes += t.nodes;
    sum.errors += t.errors;
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("files %llu  bytes %llu  nodes %llu  errors %llu  threads %u  seconds %.3f\n",
              static_cast<unsigned long long>(sum.files),
              static_cast<unsigned long long>(sum.bytes),
              static_cast<unsigned long long>(sum.nodes),
              static_cast<unsigned long long>(sum.errors), threads, secs);
  return sum.errors ? 1 : 0;
}

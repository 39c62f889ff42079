// One check run: expand the inputs, load each source, run the engine, stream results to the
// reporters in input order. The CLI only parses flags around this.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "handoff/config.hpp"
#include "handoff/engine.hpp"
#include "handoff/load.hpp"
#include "handoff/report.hpp"

namespace handoff {

// A path to check: a file, "-" for stdin, or an entry that could not be used (error set).
struct InputItem {
  std::string path;
  std::optional<LoadError> error;
};

// Files stay as given; directories are walked recursively (sorted, supported extensions only,
// directory symlinks not followed, hidden entries skipped); patterns in `exclude` (glob: *, ?, **) drop matching paths:
// without a "/" a pattern matches any one path component ("*.md", "drafts"), with one the
// whole path ("records/2025/**").
std::vector<InputItem> expand_inputs(const std::vector<std::string>& args,
                                     const std::vector<std::string>& exclude = {});

// true when `path` matches a glob with *, ? and ** (** also matches across '/').
bool glob_match(std::string_view pattern, std::string_view path);

// Where each record's configuration comes from: one fixed config (--config), or the nearest
// .handoff-lint.yaml above the record, cached per directory.
class ConfigResolver {
 public:
  // `adjust`, when set, is applied once to every config handed out (command-line overrides).
  explicit ConfigResolver(std::optional<Config> fixed, std::function<void(Config&)> adjust = {});
  // The config for a source path, or the error of the config file that applies to it.
  std::variant<const Config*, ConfigError> for_path(const std::string& path);

 private:
  std::function<void(Config&)> adjust_;
  std::optional<Config> fixed_;
  std::optional<Config> adjusted_default_;  // default_config() with adjust_ applied
  std::map<std::string, std::string> file_for_dir_;  // "" = no config file above it
  std::map<std::string, std::variant<Config, ConfigError>> by_file_;
};

struct RunOptions {
  Format forced_format = Format::unknown;  // --input-format
  const Baseline* baseline = nullptr;      // --baseline: its findings count as suppressed
  std::size_t jobs = 1;                     // worker threads (-j); the output is the same for any
};

struct RunOutcome {
  RunSummary summary;
  bool config_error = false;  // some record's config file was invalid
};

// Checks every input and reports each result to every reporter, in input order, with
// options.jobs threads. A reporter's begin(), record(), record_rendered() and end() are called
// from one thread at a time; render() runs on the workers, concurrently.
RunOutcome run_check(const std::vector<InputItem>& inputs, ConfigResolver& configs,
                     const RunOptions& options, const std::vector<Reporter*>& reporters);

// 0 every record passed, 1 a gate failed, 2 an input or config error.
int exit_code_for(const RunOutcome& outcome);

}  // namespace handoff

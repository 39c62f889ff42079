// Each subcommand lives in its own file and registers itself on the app through one of these
// functions; main only parses and dispatches.
#pragma once

#include <algorithm>
#include <functional>
#include <thread>

#include <CLI/CLI.hpp>

namespace handoff::cli {

struct Subcommand {
  CLI::App* app = nullptr;
  std::function<int()> run;  // returns the exit status
};

extern const char* const kExitCodesHelp;

// A repeatable option that takes one value per occurrence: CLI11's default for a vector option
// would also swallow the paths that follow it ("--exclude '*.md' records/").
inline CLI::Option* one_value_each(CLI::Option* option) {
  return option->expected(1)->allow_extra_args(false)->multi_option_policy(
      CLI::MultiOptionPolicy::TakeAll);
}

// -j/--jobs N: worker threads; 0 (the default) means one per core. Output does not depend on it.
inline CLI::Option* add_jobs_option(CLI::App* cmd, std::size_t& jobs) {
  return cmd
      ->add_option("-j,--jobs", jobs,
                   "Check N inputs at a time (default: one per core); the output is the same "
                   "for any N")
      ->check(CLI::Range(std::size_t{0}, std::size_t{256}))
      ->option_text("N");
}
inline std::size_t jobs_or_default(std::size_t jobs) {
  return jobs > 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

Subcommand add_check_command(CLI::App& parent);
Subcommand add_audit_command(CLI::App& parent);
std::vector<Subcommand> add_info_commands(CLI::App& parent);  // rules, explain, config, init
std::vector<Subcommand> add_docs_commands(CLI::App& parent);  // hidden: completion, man

}  // namespace handoff::cli

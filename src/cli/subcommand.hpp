// Each subcommand lives in its own file and registers itself on the app through one of these
// functions; main only parses and dispatches.
#pragma once

#include <functional>

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

Subcommand add_check_command(CLI::App& parent);
Subcommand add_audit_command(CLI::App& parent);
std::vector<Subcommand> add_info_commands(CLI::App& parent);  // rules, explain, config, init
std::vector<Subcommand> add_docs_commands(CLI::App& parent);  // hidden: completion, man

}  // namespace handoff::cli

// The subcommands other than check: each returns the process exit code.
#pragma once

#include <optional>
#include <string>

#include "handoff/config.hpp"

namespace handoff::cli {

int list_rules(std::ostream& out);
int explain_rule(const std::string& code, std::ostream& out, std::ostream& err);
int print_config(const Config& cfg, std::ostream& out);
int init_record(const std::string& format, const std::string& path, std::ostream& out,
                std::ostream& err);

// Loads --config FILE (or the built-in defaults when empty); prints the error and returns
// nullopt when the file is invalid.
std::optional<Config> load_config_file(const std::string& path, std::ostream& err);

}  // namespace handoff::cli

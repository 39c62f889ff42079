// handoff-lint: a thin CLI11 shell over the core library. Parse flags, run, map to an exit code.
#include <iostream>

#include "cli/subcommand.hpp"
#include "handoff/report.hpp"

namespace handoff::cli {
const char* const kExitCodesHelp =
    "Exit status: 0 every record passes its gate, 1 at least one record fails its gate,\n"
    "2 a usage, configuration or input error (unreadable or invalid record).";
}

int main(int argc, char** argv) {
  using namespace handoff;
  std::ios::sync_with_stdio(false);
  CLI::App app{"handoff-lint: checks sales-to-customer-success handoff records before a CSM is "
               "assigned."};
  app.footer(cli::kExitCodesHelp);
  app.set_version_flag("--version", std::string(kToolName) + " " + kToolVersion);
  app.require_subcommand(1);

  std::vector<cli::Subcommand> commands{cli::add_check_command(app), cli::add_audit_command(app)};
  for (auto& c : cli::add_info_commands(app)) commands.push_back(std::move(c));
  for (auto& c : cli::add_docs_commands(app)) commands.push_back(std::move(c));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;  // usage errors share the "usage, config or input error" status
  }
  for (auto& c : commands)
    if (c.app->parsed()) return c.run();
  return 2;
}

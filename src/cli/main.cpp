// handoff-lint: a thin CLI11 shell over the core library. Parse flags, run, map to an exit code.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/output_file.hpp"
#include "handoff/report.hpp"
#include "handoff/run.hpp"

namespace {

constexpr const char* kExitCodes =
    "Exit status: 0 every record passes its gate, 1 at least one record fails its gate,\n"
    "2 a usage, configuration or input error (unreadable or invalid record).";

struct CheckFlags {
  std::vector<std::string> paths;
  std::vector<std::string> exclude;
  std::string format = "text";
  std::string output;
  std::string config;
  std::string input_format;
  bool no_color = false;
  bool explain = false;
};

bool want_color(const CheckFlags& f) {
  if (f.no_color || !f.output.empty()) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return ::isatty(STDOUT_FILENO) == 1 && f.format == "text";
}

int run_check_command(const CheckFlags& f) {
  using namespace handoff;
  std::optional<Config> fixed;
  if (!f.config.empty()) {
    fixed = cli::load_config_file(f.config, std::cerr);
    if (!fixed) return 2;
  }
  RunOptions options;
  if (!f.input_format.empty()) {
    auto fmt = format_from_name(f.input_format);
    if (!fmt) {
      std::cerr << "handoff-lint: unknown --input-format " << f.input_format << "\n";
      return 2;
    }
    options.forced_format = *fmt;
  }
  std::vector<InputItem> inputs = expand_inputs(f.paths, f.exclude);
  std::vector<std::string> input_paths;
  for (const auto& in : inputs) input_paths.push_back(in.path);

  ReportOptions ropts{want_color(f), f.explain, kToolVersion};
  cli::AtomicFile file;
  std::ostream* out = &std::cout;
  if (!f.output.empty()) {
    if (cli::same_file_as_any(f.output, input_paths)) {
      std::cerr << "handoff-lint: refusing to write the report over an input: " << f.output << "\n";
      return 2;
    }
    if (auto err = file.open(f.output)) {
      std::cerr << "handoff-lint: " << *err << "\n";
      return 2;
    }
    out = &file.stream();
  }
  auto reporter = make_reporter(f.format, *out, ropts);
  if (!reporter) {
    std::cerr << "handoff-lint: unknown --format " << f.format << "\n";
    return 2;
  }
  ConfigResolver configs(std::move(fixed));
  RunOutcome outcome = run_check(inputs, configs, options, {reporter.get()});
  if (!f.output.empty()) {
    if (auto err = file.commit()) {
      std::cerr << "handoff-lint: " << *err << "\n";
      return 2;
    }
  }
  std::cout.flush();
  return exit_code_for(outcome);
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  CLI::App app{"handoff-lint: checks sales-to-customer-success handoff records before a CSM is "
               "assigned."};
  app.footer(kExitCodes);
  app.set_version_flag("--version", std::string(handoff::kToolName) + " " + handoff::kToolVersion);
  app.require_subcommand(1);

  CheckFlags check_flags;
  auto* check = app.add_subcommand("check", "Check records and gate them (files, folders, - for stdin)");
  check->add_option("paths", check_flags.paths, "Records, folders (walked recursively), or -")
      ->required();
  check->add_option("-f,--format", check_flags.format, "Output format: text, json, sarif, junit, github, markdown")
      ->capture_default_str();
  check->add_option("-o,--output", check_flags.output, "Write the report to FILE (whole or not at all)");
  check->add_option("-c,--config", check_flags.config, "Configuration file (default: nearest .handoff-lint.yaml)");
  check->add_option("--input-format", check_flags.input_format, "Force the input format: yaml, md, txt");
  check->add_option("--exclude", check_flags.exclude, "Skip paths matching a glob (repeatable)");
  check->add_flag("--no-color", check_flags.no_color, "Never colour the output (NO_COLOR is honoured too)");
  check->add_flag("--explain", check_flags.explain, "Show where each category's score came from");
  check->footer(kExitCodes);

  auto* rules = app.add_subcommand("rules", "List every rule with its code, severity and category");
  std::string explain_code;
  auto* explain = app.add_subcommand("explain", "Explain one rule, with a failing and a passing example");
  explain->add_option("code", explain_code, "Rule code, e.g. HL301")->required();

  std::string config_file, config_path = ".";
  auto* config = app.add_subcommand("config", "Print the effective configuration");
  config->add_option("-c,--config", config_file, "Configuration file");
  config->add_option("path", config_path, "Find .handoff-lint.yaml from this folder upward");

  std::string init_format = "yaml", init_path;
  auto* init = app.add_subcommand("init", "Write a blank handoff record template");
  init->add_option("--format", init_format, "yaml or md")->capture_default_str();
  init->add_option("path", init_path, "File to create (never overwritten); stdout when omitted");

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
    return 2;  // usage errors share the "input error" status
  }

  using namespace handoff;
  if (check->parsed()) return run_check_command(check_flags);
  if (rules->parsed()) return cli::list_rules(std::cout);
  if (explain->parsed()) return cli::explain_rule(explain_code, std::cout, std::cerr);
  if (init->parsed()) return cli::init_record(init_format, init_path, std::cout, std::cerr);
  if (config->parsed()) {
    std::string file = config_file.empty() ? find_config_file(config_path) : config_file;
    auto cfg = cli::load_config_file(file, std::cerr);
    if (!cfg) return 2;
    return cli::print_config(*cfg, std::cout);
  }
  return 2;
}

// `rules`, `explain`, `config` and `init`: small commands that print or write one thing.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/subcommand.hpp"

namespace handoff::cli {

std::vector<Subcommand> add_info_commands(CLI::App& parent) {
  std::vector<Subcommand> out;
  auto* rules = parent.add_subcommand("rules", "List every rule with its code, severity and category");
  out.push_back({rules, [] { return list_rules(std::cout); }});

  auto code = std::make_shared<std::string>();
  auto* explain = parent.add_subcommand("explain", "Explain one rule, with a failing and a passing example");
  explain->add_option("code", *code, "Rule code, e.g. HL301")->required();
  out.push_back({explain, [code] { return explain_rule(*code, std::cout, std::cerr); }});

  auto config_file = std::make_shared<std::string>();
  auto config_dir = std::make_shared<std::string>(".");
  auto* config = parent.add_subcommand("config", "Print the effective configuration");
  config->add_option("-c,--config", *config_file, "Configuration file");
  config->add_option("path", *config_dir, "Find .handoff-lint.yaml from this folder upward");
  out.push_back({config, [config_file, config_dir] {
                   std::string file =
                       config_file->empty() ? find_config_file(*config_dir) : *config_file;
                   auto cfg = load_config_file(file, std::cerr);
                   return cfg ? print_config(*cfg, std::cout) : 2;
                 }});

  auto init_format = std::make_shared<std::string>("yaml");
  auto init_path = std::make_shared<std::string>();
  auto* init = parent.add_subcommand("init", "Write a blank handoff record template");
  init->add_option("--format", *init_format, "yaml or md")->capture_default_str();
  init->add_option("path", *init_path, "File to create (never overwritten); stdout when omitted");
  out.push_back({init, [init_format, init_path] {
                   return init_record(*init_format, *init_path, std::cout, std::cerr);
                 }});
  return out;
}

}  // namespace handoff::cli

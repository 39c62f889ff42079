// Effective configuration: built-in defaults (templates/default-config.yaml, compiled in),
// optionally extended by a user's .handoff-lint.yaml.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "handoff/diagnostic.hpp"
#include "handoff/load.hpp"
#include "handoff/record.hpp"

namespace handoff {

struct CategoryConfig {
  int threshold = 70;  // 0..100
  int min_words = 25;  // fewer words than this is "too thin"
  bool required = true;
  friend bool operator==(const CategoryConfig&, const CategoryConfig&) = default;
};

struct RuleConfig {
  bool off = false;
  std::optional<Severity> severity;  // overrides the rule's default
  friend bool operator==(const RuleConfig&, const RuleConfig&) = default;
};

// What fails a record's gate besides a required category under its threshold.
struct GatePolicy {
  std::optional<Severity> fail_on = Severity::error;  // lowest failing severity; nullopt = never
  int min_score = 0;                                  // overall score a record must reach
  std::optional<int> max_warnings;                    // run-wide cap on unsuppressed warnings
  friend bool operator==(const GatePolicy&, const GatePolicy&) = default;
};

struct Config {
  std::string origin = "built-in";  // the file it came from, for messages
  std::array<CategoryConfig, kCategoryCount> categories{};
  std::map<std::string, RuleConfig, std::less<>> rules;  // by rule code
  LabelTable labels;
  // Named phrase lists used by rules ("placeholder", "generic_motivation", ...). Config files
  // extend a list (`phrases: {placeholder: [...]}`); they never silently replace it.
  std::map<std::string, std::vector<std::string>, std::less<>> phrases;
  Limits limits;
  CsvMapping csv;  // `csv:` section: column mapping for CRM exports
  GatePolicy gate;  // `gate:` section; --fail-on, --min-score, --max-warnings override it

  CategoryConfig& category(Category c) { return categories[index_of(c)]; }
  const CategoryConfig& category(Category c) const { return categories[index_of(c)]; }
  const std::vector<std::string>& phrase_list(std::string_view name) const;  // empty if unknown
  // Every member, so a test can prove the compiled-in defaults equal the parsed YAML.
  friend bool operator==(const Config&, const Config&) = default;
};

struct ConfigError {
  std::string file;
  Position pos;
  std::string message;  // names the key
};

// The compiled-in default configuration text and the Config it yields.
std::string_view default_config_text();
const Config& default_config();

// Applies a YAML config file's text on top of `base`. Unknown keys, wrong types and
// out-of-range values are errors naming the file, line and key.
std::variant<Config, ConfigError> apply_config(const Config& base, std::string_view yaml_text,
                                               const std::string& file_name);

// Finds .handoff-lint.yaml from `start_dir` upward; empty when there is none.
std::string find_config_file(const std::string& start_dir);

// The effective configuration as YAML, for `handoff-lint config`.
std::string dump_config(const Config& cfg);

}  // namespace handoff

// A rule: a stable code, the category it scores, documentation with examples, and a check.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "handoff/config.hpp"
#include "handoff/diagnostic.hpp"
#include "handoff/record.hpp"

namespace handoff {
namespace text {
class PhraseBook;
}

enum class RuleKind : std::uint8_t {
  presence,  // missing / empty / placeholder: when one fires, the category scores 0 and
             // the category's quality rules are not run (they would only add noise)
  quality,   // earns its points when it emits nothing
  policy,    // deal-level: scores no category
};

// What a check sees, and where it reports.
class CheckContext {
 public:
  CheckContext(const Record& record, const Config& config, std::vector<Finding>& out)
      : record_(record), config_(config), out_(out) {}
  const Record& record() const { return record_; }
  const Config& config() const { return config_; }
  // Reports a gap at `pos` with a message in the reader's terms.
  void report(Position pos, std::string message);
  std::size_t reported() const { return reported_; }

  // Set by the engine before each rule runs.
  const struct RuleDef* rule = nullptr;
  Severity severity = Severity::error;
  // The config's phrase lists, compiled once per Engine; checks match through it.
  const text::PhraseBook* phrases = nullptr;

 private:
  const Record& record_;
  const Config& config_;
  std::vector<Finding>& out_;
  std::size_t reported_ = 0;
};

struct RuleDef {
  std::string_view code;  // "HL103"; never renumbered or reused
  std::string_view name;  // kebab-case, e.g. "promises-placeholder"
  std::optional<Category> category;
  Severity severity;  // default
  RuleKind kind;
  int points;  // what passing earns towards the category's score (0 for presence/policy)
  std::string_view summary;    // one line
  std::string_view rationale;  // why it matters to the CSM
  // Examples are complete YAML records (only the relevant field matters); a test loads each
  // and checks that the rule fires on the first and not on the second.
  std::string_view failing_example;
  std::string_view passing_example;
  void (*check)(CheckContext& ctx);
};

// The one explicit table of all rules, in code order.
std::span<const RuleDef> all_rules();
const RuleDef* find_rule(std::string_view code);

}  // namespace handoff

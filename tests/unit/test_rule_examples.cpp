// Every rule's documented examples, through the real YAML loader and engine: the failing
// example must produce the rule's code, the passing example must not.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "handoff/config.hpp"
#include "handoff/engine.hpp"
#include "handoff/load.hpp"
#include "handoff/rule.hpp"

using namespace handoff;

namespace {

// Codes of the unsuppressed findings of every record in `yaml`.
std::vector<std::string> lint_yaml(std::string_view yaml, const Config& config) {
  Source src{"example.yaml", Format::yaml, std::string(yaml)};
  LoadOptions opt{&config.limits, &config.labels};
  Engine engine(config);
  std::vector<std::string> codes;
  load_yaml(src, opt, [&](Loaded&& loaded) {
    for (const Finding& f : engine.run(loaded).findings)
      if (!f.suppressed) codes.push_back(f.rule);
  });
  return codes;
}

bool contains(const std::vector<std::string>& codes, std::string_view code) {
  for (const std::string& c : codes)
    if (c == code) return true;
  return false;
}

// `yaml` with its "  ..." line replaced by `words` words of folded text.
std::string expand_ellipsis(const std::string& yaml, std::size_t words) {
  std::size_t at = yaml.find("  ...\n");
  REQUIRE(at != std::string::npos);
  std::string text;
  for (std::size_t i = 0; i < words; ++i) text += i % 12 == 0 ? "\n  word" : " word";
  return yaml.substr(0, at) + text.substr(1) + "\n" + yaml.substr(at + 6);
}

}  // namespace

TEST_CASE("each rule fires on its failing example and not on its passing one", "[rules]") {
  for (const RuleDef& rule : all_rules()) {
    // HL905's example says so: it needs a lower cap than the default 200.
    Config config = default_config();
    if (rule.code == "HL905") config.limits.max_findings_per_record = 3;
    CAPTURE(rule.code);
    std::string failing(rule.failing_example);
    // HL808's example says so: its "..." stands for more than 2,200 words.
    if (rule.code == "HL808") failing = expand_ellipsis(failing, 2300);
    {
      INFO("failing example:\n" << failing);
      CHECK(contains(lint_yaml(failing, config), rule.code));
    }
    {
      INFO("passing example:\n" << rule.passing_example);
      CHECK_FALSE(contains(lint_yaml(rule.passing_example, config), rule.code));
    }
  }
}

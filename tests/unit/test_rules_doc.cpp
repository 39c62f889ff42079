// docs/rules.md against the rule table. HANDOFF_UPDATE_DOCS=1 rewrites the file from the
// table instead of failing; review the diff before committing.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "handoff/rule.hpp"
#include "rules/rules_doc.hpp"

using namespace handoff;

namespace {

const std::string kDocPath = std::string(HANDOFF_SOURCE_DIR) + "/docs/rules.md";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Codes of the "### HL105 name" headings.
std::set<std::string> documented_codes(const std::string& markdown) {
  std::set<std::string> codes;
  std::istringstream lines(markdown);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("### HL", 0) == 0) codes.insert(line.substr(4, line.find(' ', 4) - 4));
  return codes;
}

}  // namespace

TEST_CASE("docs/rules.md documents exactly the codes in the rule table", "[rules][rules-doc]") {
  if (std::getenv("HANDOFF_UPDATE_DOCS")) {
    std::ofstream(kDocPath, std::ios::binary) << rules::render_rules_markdown();
  }
  std::string doc = read_file(kDocPath);
  REQUIRE_FALSE(doc.empty());
  std::set<std::string> documented = documented_codes(doc);
  std::set<std::string> table;
  for (const RuleDef& rule : all_rules()) {
    table.insert(std::string(rule.code));
    CAPTURE(rule.code);
    CHECK(documented.count(std::string(rule.code)) == 1);
  }
  for (const std::string& code : documented) {
    CAPTURE(code);
    CHECK(table.count(code) == 1);
  }
}

TEST_CASE("docs/rules.md is the rendering of the rule table", "[rules][rules-doc]") {
  std::string doc = read_file(kDocPath);
  std::string rendered = rules::render_rules_markdown();
  INFO("docs/rules.md is stale: run HANDOFF_UPDATE_DOCS=1 handoff_tests \"[rules-doc]\"");
  CHECK(doc == rendered);
}

TEST_CASE("a rule's section has every documented fact and both examples", "[rules][rules-doc]") {
  std::string section = rules::render_rule_markdown(*find_rule("HL305"));
  CHECK(section.rfind("### HL305 promises-run-together\n", 0) == 0);
  CHECK(section.find("- Category: promises_commitments\n") != std::string::npos);
  CHECK(section.find("- Default severity: warning\n") != std::string::npos);
  CHECK(section.find("- Kind: quality, points: 15\n") != std::string::npos);
  CHECK(section.find("- Phrase lists: commitment_words") != std::string::npos);
  CHECK(section.find("**Why it matters.**") != std::string::npos);
  CHECK(section.find("Fails:\n\n```yaml\naccount: Halvorsen Freight\n") != std::string::npos);
  CHECK(section.find("Passes:\n\n```yaml\n") != std::string::npos);
  std::string deal = rules::render_rule_markdown(*find_rule("HL805"));
  CHECK(deal.find("- Category: none (deal level)\n") != std::string::npos);
}

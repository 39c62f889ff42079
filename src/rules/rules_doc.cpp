#include "rules/rules_doc.hpp"

#include <fmt/format.h>

#include "rules/rules.hpp"

namespace handoff::rules {
namespace {

constexpr std::string_view kIntro = R"md(# Rules

Generated from the rule table (`src/rules/registry.cpp`); `tests/unit/test_rules_doc.cpp` fails
when this file and the table disagree. Regenerate with
`HANDOFF_UPDATE_DOCS=1 build/tests/handoff_tests "[rules-doc]"`. Codes are never renumbered or
reused.

## How a record is scored

Each of the seven categories has the same four first rules, then specificity checks:

| Code | Kind | Points | Default severity |
|---|---|---|---|
| HLn01 field missing | presence | 0 | error |
| HLn02 field empty | presence | 0 | error |
| HLn03 placeholder only | presence | 0 | error |
| HLn04 too thin (fewer words than `categories.<key>.min_words`) | quality | 10 | warning |
| HLn05 and up: specificity checks | quality | see each rule | warning |

- When a presence rule fires, the category scores 0 and its quality rules are not run.
- Otherwise each quality rule earns its points when it reports nothing, and the category
  scores `round(100 * earned / possible)` over the enabled quality rules. Each category's
  points add up to 100 and the default threshold is 70, so a category fails when it loses
  more than 30 points. *Essential* checks (the thing the CSM needs: a reason to buy, a named
  champion with a stake, a stance by a named person, a measured outcome, a concrete risk) are
  worth more than 30: failing one fails the category. *Supporting* checks are worth 30 or
  less: failing one alone does not. "Too thin" is worth 10, so a terse field that says what
  the CSM needs passes; see `docs/judgment.md` for the calibration.
- The record's score is the rounded mean of the seven category scores.
- The gate passes when every *required* category reaches its threshold and no unsuppressed
  finding of severity `error` remains. A record that cannot be read gets the gate `error`
  and the single finding HL900.
- Rules of kind `policy` score nothing. HL309 and HL407 belong to a category but only
  inform; HL8xx rules look at the deal as a whole; HL9xx are reported by the loaders and the
  engine. Policy findings are warnings or information by default, so they never fail the
  gate unless a team raises their severity.

## Configuration

In `.handoff-lint.yaml`, `rules: {HL506: off}` stops a rule from running (it is not scored
either) and `rules: {HL104: {severity: error}}` changes its severity. The `phrases:` lists
extend the built-in ones; each specificity check says which lists it reads.

## Suppressions

A comment `handoff-lint: disable=HL105,HL106 -- reason` that belongs to a field (inside its
value, or in YAML on the line right above its key) covers findings of those rules in that
field; one that belongs to no category field (above the header, say) covers the whole record,
including deal-level and loader findings. Codes are case-insensitive. A suppressed finding
stays in the report, marked with its reason, and counts as if the rule had passed: it does not
fail the gate, a suppressed quality finding gives its points back, and a suppressed presence
finding lets the category's quality rules run. A suppression without a reason still applies
but is reported (HL903; make it an error to require reasons); a listed rule that suppressed
nothing is reported (HL904).
)md";

// Which phrase lists a specificity check reads, for users who want to extend them.
std::string_view lists_read_by(std::string_view code) {
  struct Entry {
    std::string_view code, lists;
  };
  static constexpr Entry kEntries[] = {
      {"HL103", "placeholder, deferrals"},
      {"HL203", "placeholder, deferrals"},
      {"HL303", "placeholder, deferrals"},
      {"HL403", "placeholder, deferrals"},
      {"HL503", "placeholder, deferrals"},
      {"HL603", "placeholder, deferrals"},
      {"HL703", "placeholder, deferrals"},
      {"HL304", "no_commitments, no_commitment_exceptions"},
      {"HL105", "triggers, generic_motivation"},
      {"HL106", "time_words, duration_units"},
      {"HL107", "triggers, deadline_markers, time_words, duration_units, generic_motivation"},
      {"HL205", "name_stopwords, role_words, channels, cadences, time_words"},
      {"HL206", "stakes"},
      {"HL207", "role_words, role_verbs, name_stopwords"},
      {"HL305", "commitment_words, no_commitments, no_commitment_exceptions"},
      {"HL306",
       "time_words, duration_units, no_date_statements, no_commitments, no_commitment_exceptions"},
      {"HL307", "vague_promises, time_words, duration_units, no_commitments"},
      {"HL308", "vague_promises, time_words, duration_units, no_commitments"},
      {"HL309", "implied_commitments, no_commitments, placeholder"},
      {"HL405", "handling_words"},
      {"HL406", "role_words, name_stopwords"},
      {"HL407", "no_risks, opposing_stances, role_words, name_stopwords"},
      {"HL408", "generic_risks, name_stopwords, time_words, duration_units"},
      {"HL505", "stances, role_words, name_stopwords"},
      {"HL506", "name_stopwords, role_words"},
      {"HL507", "role_words, name_stopwords"},
      {"HL605", "measure_units, target_words, measure_words, duration_units, generic_outcomes"},
      {"HL606", "time_words, duration_units"},
      {"HL607", "generic_outcomes, measure_units, target_words, measure_words"},
      {"HL608", "baseline_words, measure_units, target_words, measure_words"},
      {"HL705", "channels"},
      {"HL706", "cadences"},
      {"HL707", "meeting_preferences"},
      {"HL708", "noncommittal"},
      {"HL805", "no_handoff_call, placeholder, open_risks, opposing_stances, role_words"},
      {"HL806", "opposing_stances, role_words, name_stopwords"},
      {"HL807", "name_stopwords, role_words"},
  };
  for (const Entry& e : kEntries)
    if (e.code == code) return e.lists;
  return {};
}

std::string_view kind_name(RuleKind k) {
  switch (k) {
    case RuleKind::presence:
      return "presence";
    case RuleKind::quality:
      return "quality";
    case RuleKind::policy:
      return "policy";
  }
  return "policy";
}

// Appends `yaml` as a fenced code block. (Appending, not `"..." + std::string`, which trips
// a GCC 12 -Wrestrict false positive in release builds.)
void append_fenced(std::string& out, std::string_view yaml) {
  out += "```yaml\n";
  out += yaml;
  if (!yaml.empty() && yaml.back() != '\n') out += '\n';
  out += "```\n";
}

// Section headings between the code ranges.
std::string_view group_heading(std::string_view code) {
  if (code.size() < 3) return {};
  switch (code[2]) {
    case '1':
      return "Buying motivation (HL1xx)";
    case '2':
      return "Champion profile (HL2xx)";
    case '3':
      return "Promises and commitments (HL3xx)";
    case '4':
      return "Red flags and risks (HL4xx)";
    case '5':
      return "Political landscape (HL5xx)";
    case '6':
      return "Success criteria (HL6xx)";
    case '7':
      return "Communication style (HL7xx)";
    case '8':
      return "Deal-level facts and policies (HL8xx)";
    case '9':
      return "Load and meta (HL9xx)";
  }
  return {};
}

}  // namespace

std::string render_rule_markdown(const RuleDef& rule) {
  std::string out = fmt::format("### {} {}\n\n", rule.code, rule.name);
  out += fmt::format("- Category: {}\n",
                     rule.category ? category_key(*rule.category) : "none (deal level)");
  out += fmt::format("- Default severity: {}\n", severity_name(rule.severity));
  out += fmt::format("- Kind: {}, points: {}\n", kind_name(rule.kind), rule.points);
  if (auto lists = lists_read_by(rule.code); !lists.empty())
    out += fmt::format("- Phrase lists: {}\n", lists);
  out += fmt::format("\n{}\n\n**Why it matters.** {}\n\n", rule.summary, rule.rationale);
  out += "Fails:\n\n";
  append_fenced(out, rule.failing_example);
  out += "\nPasses:\n\n";
  append_fenced(out, rule.passing_example);
  return out;
}

std::string render_rules_markdown() {
  std::string out(kIntro);
  std::string_view last_group;
  for (const RuleDef& rule : all_rules()) {
    std::string_view group = group_heading(rule.code);
    if (group != last_group) {
      out += fmt::format("\n## {}\n", group);
      last_group = group;
    }
    out += '\n';
    out += render_rule_markdown(rule);
  }
  return out;
}

}  // namespace handoff::rules

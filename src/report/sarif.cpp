// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
// Results are streamed as they come; the tool section (with the rules table) is written at the
// end, so a finding whose code is not in all_rules() (a loader's, say) still gets a descriptor
// and every result can carry a ruleIndex. JSON object key order carries no meaning in SARIF.
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "handoff/rule.hpp"
#include "report/escape.hpp"
#include "report/json_text.hpp"
#include "report/reporters.hpp"

namespace handoff::report {
namespace {

// The engine's line-independent fingerprint (the one baselines use), tied to the record, so
// code scanning keeps tracking a finding when lines above it move.
std::string fingerprint_of(const RecordResult& result, const Finding& finding,
                           std::string_view category) {
  if (!finding.fingerprint.empty()) return stable_hash({result.source, finding.fingerprint});
  return stable_hash({result.source, finding.rule, category, finding.message});
}

constexpr std::string_view kInformationUri = "https://github.com/handoff-lint/handoff-lint";
constexpr std::string_view kSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "note";
  }
  return "error";
}

// A code fence longer than any backtick run in `text`, so examples cannot close it early.
std::string fence_for(std::string_view text) {
  std::size_t longest = 0, run = 0;
  for (char ch : text) {
    run = ch == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

// "\n\nFails:\n\n```yaml\n...\n```", or nothing for an empty example.
std::string example_block(std::string_view label, std::string_view example) {
  while (!example.empty() && example.back() == '\n') example.remove_suffix(1);
  if (example.empty()) return {};
  std::string fence = fence_for(example);
  return fmt::format("\n\n{}:\n\n{}yaml\n{}\n{}", label, fence, example, fence);
}

Json rule_descriptor(const RuleDef& rule) {
  std::string_view full = rule.rationale.empty() ? rule.summary : rule.rationale;
  std::string help = fmt::format("{}\n\n{}", rule.summary, full);
  std::string markdown = help;
  if (rule.category) {
    std::string ask =
        fmt::format("\n\nThe {} field must answer: {}", category_title(*rule.category),
                    category_question(*rule.category));
    help += ask;
    markdown += ask;
  }
  markdown += example_block("Fails", rule.failing_example);
  markdown += example_block("Passes", rule.passing_example);
  std::string tag = rule.category                   ? std::string(category_key(*rule.category))
                    : rule.kind == RuleKind::policy ? "policy"
                                                    : "record";
  return Json{{"id", rule.code},
              {"name", rule.name},
              {"shortDescription", {{"text", rule.summary}}},
              {"fullDescription", {{"text", full}}},
              {"help", {{"text", help}, {"markdown", markdown}}},
              {"defaultConfiguration", {{"level", sarif_level(rule.severity)}}},
              {"properties", {{"tags", Json::array({tag})}}}};
}

// For a code that reached a result but is not in the rule table.
Json unknown_rule_descriptor(const std::string& code) {
  std::string text =
      "Reported by handoff-lint outside its rule table, for example while reading the record.";
  return Json{{"id", code},
              {"shortDescription", {{"text", text}}},
              {"fullDescription", {{"text", text}}},
              {"help", {{"text", text}}},
              {"defaultConfiguration", {{"level", "error"}}},
              {"properties", {{"tags", Json::array({"record"})}}}};
}

class SarifReporter final : public Reporter {
 public:
  SarifReporter(std::ostream& out, const ReportOptions& options)
      : out_(out), version_(tool_version(options)) {}

  void begin() override {
    if (started_) return;
    started_ = true;
    out_ << "{\n  \"$schema\": \"" << kSchemaUri
         << "\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"results\": [";
  }

  void record(const RecordResult& result) override {
    begin();
    for (const Finding& finding : result.findings) {
      out_ << (results_ == 0 ? "\n        " : ",\n        ")
           << indented(result_json(result, finding), "        ");
      ++results_;
    }
  }

  void end(const RunSummary&) override {
    begin();
    Json rules = Json::array();
    for (const RuleDef& rule : all_rules()) rules.push_back(rule_descriptor(rule));
    for (const std::string& code : unknown_codes_) rules.push_back(unknown_rule_descriptor(code));
    Json tool{{"driver",
               {{"name", kToolName},
                {"version", version_},
                {"informationUri", kInformationUri},
                {"rules", std::move(rules)}}}};
    out_ << (results_ == 0 ? "]" : "\n      ]") << ",\n      \"tool\": " << indented(tool, "      ")
         << "\n    }\n  ]\n}\n";
    out_.flush();
  }

 private:
  // Index into the rules array written by end(): the rule table first, then unknown codes.
  std::size_t rule_index(const std::string& code) {
    auto rules = all_rules();
    for (std::size_t i = 0; i < rules.size(); ++i)
      if (rules[i].code == code) return i;
    auto known = std::find(unknown_codes_.begin(), unknown_codes_.end(), code);
    if (known == unknown_codes_.end()) known = unknown_codes_.insert(unknown_codes_.end(), code);
    return rules.size() + static_cast<std::size_t>(known - unknown_codes_.begin());
  }

  Json result_json(const RecordResult& result, const Finding& finding) {
    SourceParts source = split_source(result.source);
    std::string_view category = finding.category ? category_key(*finding.category) : "";
    Json location{
        {"physicalLocation",
         {{"artifactLocation", {{"uri", uri_path(source.path)}, {"uriBaseId", "%SRCROOT%"}}},
          {"region",
           {{"startLine", std::max<std::uint32_t>(1, finding.pos.line)},
            {"startColumn", std::max<std::uint32_t>(1, finding.pos.column)}}}}}};
    if (!source.record.empty())
      location["logicalLocations"] =
          Json::array({Json{{"name", fmt::format("record {}", source.record)},
                            {"fullyQualifiedName", result.source},
                            {"kind", "object"}}});
    std::string message = finding.message.empty() ? "(no message)" : finding.message;
    Json j{{"ruleId", finding.rule},
           {"ruleIndex", rule_index(finding.rule)},
           {"level", sarif_level(finding.severity)},
           {"message", {{"text", message}}},
           {"locations", Json::array({std::move(location)})},
           {"partialFingerprints", {{"handoffLint/v1", fingerprint_of(result, finding, category)}}}};
    // A baselined finding was accepted outside the record, in the baseline file.
    if (finding.suppressed)
      j["suppressions"] = Json::array(
          {Json{{"kind", finding.suppression_kind == SuppressionKind::baseline ? "external"
                                                                               : "inSource"},
                {"justification", finding.justification}}});
    return j;
  }

  std::ostream& out_;
  std::string version_;
  bool started_ = false;
  std::size_t results_ = 0;
  std::vector<std::string> unknown_codes_;  // few: only codes outside the rule table
};

}  // namespace

std::unique_ptr<Reporter> make_sarif_reporter(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<SarifReporter>(out, options);
}

}  // namespace handoff::report

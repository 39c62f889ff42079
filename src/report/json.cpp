// Machine-readable output (shape: docs/output.md, schema: docs/handoff-lint.schema.json).
// Streamed: the envelope is written by hand and each record is one small JSON value, so the
// whole document is byte-identical to dumping it at once with a 2-space indent.
#include "report/escape.hpp"
#include "report/json_text.hpp"
#include "report/reporters.hpp"

namespace handoff::report {
namespace {

Json finding_json(const Finding& finding) {
  Json j;
  j["rule"] = finding.rule;
  j["severity"] = severity_name(finding.severity);
  j["category"] = finding.category ? Json(category_key(*finding.category)) : Json(nullptr);
  j["message"] = finding.message;
  j["line"] = finding.pos.line;
  j["column"] = finding.pos.column;
  if (finding.suppressed) {
    j["suppressed"] = true;
    j["justification"] = finding.justification;
  }
  return j;
}

Json record_json(const RecordResult& result) {
  Json categories = Json::object();
  for (Category c : kAllCategories) {
    const CategoryResult& cat = result.categories[index_of(c)];
    Json checks = Json::array();
    for (const CheckScore& check : cat.checks)
      checks.push_back(
          Json{{"rule", check.rule}, {"earned", check.earned}, {"possible", check.possible}});
    categories[std::string(category_key(c))] = Json{{"score", cat.score},
                                                    {"threshold", cat.threshold},
                                                    {"status", cat.pass ? "pass" : "fail"},
                                                    {"line", cat.pos.line},
                                                    {"checks", std::move(checks)}};
  }
  Json findings = Json::array();
  for (const Finding& finding : result.findings) findings.push_back(finding_json(finding));
  return Json{{"source", result.source},        {"format", result.format},
              {"account", result.account},      {"gate", gate_name(result.gate)},
              {"score", result.score},          {"categories", std::move(categories)},
              {"findings", std::move(findings)}};
}

class JsonReporter final : public Reporter {
 public:
  JsonReporter(std::ostream& out, const ReportOptions& options)
      : out_(out), version_(tool_version(options)) {}

  void begin() override {
    if (started_) return;
    started_ = true;
    Json tool{{"name", kToolName}, {"version", version_}};
    out_ << "{\n  \"tool\": " << indented(tool, "  ") << ",\n  \"records\": [";
  }

  void record(const RecordResult& result) override {
    begin();
    out_ << (records_ == 0 ? "\n    " : ",\n    ") << indented(record_json(result), "    ");
    ++records_;
  }

  void end(const RunSummary& summary) override {
    begin();
    Json totals{{"records", summary.records},
                {"passed", summary.passed},
                {"failed", summary.failed},
                {"errored", summary.errored}};
    out_ << (records_ == 0 ? "]" : "\n  ]") << ",\n  \"summary\": " << indented(totals, "  ")
         << "\n}\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::string version_;
  bool started_ = false;
  std::size_t records_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<JsonReporter>(out, options);
}

}  // namespace handoff::report

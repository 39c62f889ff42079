// Machine-readable output (shape: docs/output.md, schema: docs/handoff-lint.schema.json).
// Streamed: the envelope and each record are written as text (JsonWriter), laid out so that the
// whole document is byte-identical to dumping it at once with a 2-space indent.
#include "report/escape.hpp"
#include "report/json_text.hpp"
#include "report/json_writer.hpp"
#include "report/reporters.hpp"

namespace handoff::report {
namespace {

void write_finding(JsonWriter& w, const Finding& finding) {
  w.begin_object();
  w.key("rule").string(finding.rule);
  w.key("severity").string(severity_name(finding.severity));
  w.key("category");
  if (finding.category)
    w.string(category_key(*finding.category));
  else
    w.null();
  w.key("message").string(finding.message);
  w.key("line").number(static_cast<long long>(finding.pos.line));
  w.key("column").number(static_cast<long long>(finding.pos.column));
  if (finding.suppressed) {
    w.key("suppressed").boolean(true);
    w.key("justification").string(finding.justification);
  }
  w.end_object();
}

// One record as the 2-space-indented JSON text that sits at depth 2 of the document.
std::string record_text(const RecordResult& result) {
  std::string out;
  out.reserve(4096);
  JsonWriter w(out, 4);
  w.begin_object();
  w.key("source").string(result.source);
  w.key("format").string(result.format);
  w.key("account").string(result.account);
  w.key("gate").string(gate_name(result.gate));
  w.key("score").number(result.score);
  w.key("categories").begin_object();
  for (Category c : kAllCategories) {
    const CategoryResult& cat = result.categories[index_of(c)];
    w.key(category_key(c)).begin_object();
    w.key("score").number(cat.score);
    w.key("threshold").number(cat.threshold);
    w.key("status").string(cat.pass ? "pass" : "fail");
    w.key("line").number(static_cast<long long>(cat.pos.line));
    w.key("checks").begin_array();
    for (const CheckScore& check : cat.checks) {
      w.begin_object();
      w.key("rule").string(check.rule);
      w.key("earned").number(check.earned);
      w.key("possible").number(check.possible);
      w.end_object();
    }
    w.end_array().end_object();
  }
  w.end_object();
  w.key("findings").begin_array();
  for (const Finding& finding : result.findings) write_finding(w, finding);
  w.end_array().end_object();
  return out;
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

  void record(const RecordResult& result) override { record_rendered(result, render(result)); }
  bool renders_records() const override { return true; }
  std::string render(const RecordResult& result) const override { return record_text(result); }
  void record_rendered(const RecordResult& /*result*/, std::string&& text) override {
    begin();
    out_ << (records_ == 0 ? "\n    " : ",\n    ") << text;
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

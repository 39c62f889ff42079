// Hand-built RecordResults shared by the reporter tests: a pass, a fail with findings in several
// categories (one suppressed), and an unreadable record.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "handoff/report.hpp"

namespace report_fixtures {

using namespace handoff;

inline CategoryResult category(int score, int line, std::vector<CheckScore> checks = {},
                               bool required = true) {
  CategoryResult c;
  c.score = score;
  c.threshold = 70;
  c.required = required;
  c.pass = score >= 70;
  c.pos = Position{static_cast<std::uint32_t>(line), line > 0 ? 3u : 0u};
  c.checks = std::move(checks);
  return c;
}

inline Finding finding(std::string rule, Severity severity, std::optional<Category> cat,
                       std::string message, std::uint32_t line, std::uint32_t column) {
  Finding f;
  f.rule = std::move(rule);
  f.severity = severity;
  f.category = cat;
  f.message = std::move(message);
  f.pos = Position{line, column};
  return f;
}

inline RecordResult passing_record() {
  RecordResult r;
  r.source = "handoffs/larkspur.md";
  r.format = "markdown";
  r.account = "Larkspur Analytics";
  r.gate = Gate::pass;
  r.score = 88;
  r.categories = {category(90, 8, {{"HL104", 40, 40}, {"HL105", 50, 60}}),
                  category(85, 12),
                  category(100, 16),
                  category(80, 20),
                  category(75, 24),
                  category(95, 28),
                  category(91, 32)};
  return r;
}

inline RecordResult failing_record() {
  RecordResult r;
  r.source = "handoffs/q3-deals.yaml#2";
  r.format = "yaml";
  r.account = "Pinecrest Freight";
  r.gate = Gate::fail;
  r.score = 61;
  r.categories = {category(80, 9),
                  category(72, 11),
                  category(0, 14, {{"HL303", 0, 0}}),
                  category(78, 17),
                  category(40, 20, {{"HL505", 0, 30}, {"HL506", 40, 70}}),
                  category(60, 25, {}, false),
                  category(100, 30)};
  r.findings = {
      finding("HL901", Severity::info, std::nullopt, "unknown key \"deal_size\" is ignored", 5, 6),
      finding("HL303", Severity::error, Category::promises_commitments,
              "promises_commitments says only \"TBD\"", 14, 23),
      finding("HL505", Severity::warning, Category::political_landscape,
              "names no person or role who opposed the deal", 20, 24),
      finding("HL506", Severity::warning, Category::political_landscape,
              "mentions a budget fight but not who lost it", 21, 3),
      finding("HL605", Severity::warning, Category::success_criteria,
              "has no measure with a starting value", 25, 3),
  };
  r.findings[3].suppressed = true;
  r.findings[3].justification = "Procurement ran the whole deal; nobody lost budget";
  return r;
}

inline RecordResult error_record() {
  RecordResult r;
  r.source = "handoffs/broken.md";
  r.format = "markdown";
  r.gate = Gate::error;
  r.findings = {finding("HL900", Severity::error, std::nullopt, "invalid UTF-8 at byte 3", 7, 1)};
  return r;
}

inline std::vector<RecordResult> all_records() {
  return {passing_record(), failing_record(), error_record()};
}

inline RunSummary summarize(const std::vector<RecordResult>& results) {
  RunSummary s;
  for (const RecordResult& r : results) {
    ++s.records;
    if (r.gate == Gate::pass)
      ++s.passed;
    else if (r.gate == Gate::fail)
      ++s.failed;
    else
      ++s.errored;
  }
  return s;
}

// begin, each record in order, end: the way the CLI drives a reporter.
inline std::string render(std::string_view format, const std::vector<RecordResult>& results,
                          ReportOptions options = {}) {
  std::ostringstream out;
  auto reporter = make_reporter(format, out, options);
  if (!reporter) return "<no reporter>";
  reporter->begin();
  for (const RecordResult& r : results) reporter->record(r);
  reporter->end(summarize(results));
  return out.str();
}

}  // namespace report_fixtures

// JUnit XML for CI test tabs: one <testsuite> per run, one <testcase> per record.
// JUnit puts the counts in the opening <testsuite> tag, so this reporter keeps the rendered
// <testcase> text (not the results) until end(); everything else is written as it comes.
#include <fmt/format.h>

#include <sstream>

#include "report/escape.hpp"
#include "report/reporters.hpp"

namespace handoff::report {
namespace {

// The record as the text format shows it (colour off), for <failure>/<error>/<system-out> bodies.
std::string text_block(const RecordResult& result) {
  std::ostringstream block;
  make_text_reporter(block, ReportOptions{})->record(result);
  return block.str();
}

// Each line escaped on its own, so the body keeps real line breaks.
std::string xml_lines(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out += xml_escape(text.substr(start, end - start));
    out += '\n';
    start = end + 1;
  }
  return out;
}

// Record text in an attribute: controls shown as escapes (as in the body), then XML-escaped.
std::string attribute(std::string_view text) { return xml_escape(terminal_safe(text)); }

std::string failure_message(const RecordResult& result) {
  std::string gaps;
  std::size_t count = 0;
  for (Category c : kAllCategories) {
    const CategoryResult& cat = result.categories[index_of(c)];
    if (cat.pass || !cat.required) continue;
    gaps += fmt::format("{}{} {}/{}", count++ == 0 ? "" : ", ", category_title(c), cat.score,
                        cat.threshold);
  }
  std::string scored = fmt::format(
      "{} scored {}/100", result.account.empty() ? "(no account)" : result.account, result.score);
  if (count == 0) return scored + "; failed the handoff gate";
  return fmt::format("{}; {}: {}", scored, counted(count, "gap", "gaps"), gaps);
}

std::string error_message(const RecordResult& result) {
  for (const Finding& finding : result.findings)
    if (!finding.suppressed) return finding.message;
  return "the record could not be read";
}

bool has_visible_findings(const RecordResult& result) {
  for (const Finding& finding : result.findings)
    if (!finding.suppressed) return true;
  return false;
}

class JunitReporter final : public Reporter {
 public:
  JunitReporter(std::ostream& out, const ReportOptions&) : out_(out) {}

  void record(const RecordResult& result) override {
    SourceParts source = split_source(result.source);
    std::string_view folder = folder_of(source.path);
    cases_ +=
        fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"0\"",
                    attribute(folder.empty() ? "." : folder), attribute(file_of(result.source)));
    switch (result.gate) {
      case Gate::pass:
        if (!has_visible_findings(result)) {
          cases_ += "/>\n";
          return;
        }
        cases_ += ">\n      <system-out>" + xml_lines(text_block(result)) + "</system-out>\n";
        break;
      case Gate::fail:
        cases_ += fmt::format(">\n      <failure message=\"{}\" type=\"gate\">{}</failure>\n",
                              attribute(failure_message(result)), xml_lines(text_block(result)));
        break;
      case Gate::error:
        cases_ += fmt::format(">\n      <error message=\"{}\" type=\"unreadable\">{}</error>\n",
                              attribute(error_message(result)), xml_lines(text_block(result)));
        break;
    }
    cases_ += "    </testcase>\n";
  }

  void end(const RunSummary& summary) override {
    std::string counts = fmt::format("tests=\"{}\" failures=\"{}\" errors=\"{}\"", summary.records,
                                     summary.failed, summary.errored);
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         << fmt::format("<testsuites name=\"{}\" {}>\n", kToolName, counts)
         << fmt::format("  <testsuite name=\"{}\" {} skipped=\"0\" time=\"0\">\n", kToolName,
                        counts)
         << cases_ << "  </testsuite>\n</testsuites>\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::string cases_;
};

}  // namespace

std::unique_ptr<Reporter> make_junit_reporter(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<JunitReporter>(out, options);
}

}  // namespace handoff::report

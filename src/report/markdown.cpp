// A short report for a pull-request comment: a table of records with their gaps, the run's
// counts, and the question each gap must answer. Record text is made inert (escape.hpp).
#include <fmt/format.h>

#include <array>

#include "report/escape.hpp"
#include "report/reporters.hpp"

namespace handoff::report {
namespace {

class MarkdownReporter final : public Reporter {
 public:
  MarkdownReporter(std::ostream& out, const ReportOptions&) : out_(out) {}

  void begin() override {
    if (started_) return;
    started_ = true;
    out_ << "### handoff-lint\n\n"
            "| Record | Account | Gate | Score | Gaps |\n"
            "| --- | --- | --- | ---: | --- |\n";
  }

  void record(const RecordResult& result) override {
    begin();
    for (const Finding& finding : result.findings)
      if (finding.suppressed) ++suppressed_;
    std::string account = markdown_text(result.account);
    out_ << "| " << markdown_text(result.source) << " | " << account << " | ";
    if (result.gate == Gate::error) {
      out_ << "**error** | – | " << markdown_text(first_message(result)) << " |\n";
      return;
    }
    out_ << (result.gate == Gate::pass ? "pass" : "**FAIL**") << " | " << result.score << " | "
         << gaps_cell(result) << " |\n";
  }

  void end(const RunSummary& summary) override {
    begin();
    out_ << fmt::format("\n**{}: {} passed, {} failed, {}**",
                        counted(summary.records, "record", "records"), summary.passed,
                        summary.failed, counted(summary.errored, "error", "errors"));
    if (suppressed_ > 0)
      out_ << fmt::format(" ({} suppressed)", counted(suppressed_, "finding", "findings"));
    out_ << '\n';
    bool any_gap = false;
    for (Category c : kAllCategories) {
      if (!gapped_[index_of(c)]) continue;
      if (!any_gap) out_ << "\nWhat each gap needs:\n\n";
      any_gap = true;
      out_ << fmt::format("- **{}**: {}\n", category_title(c), category_question(c));
    }
    out_.flush();
  }

 private:
  static std::string first_message(const RecordResult& result) {
    for (const Finding& finding : result.findings)
      if (!finding.suppressed) return finding.message;
    return "could not be read";
  }

  // "Promises and commitments 0/70; Political landscape 40/70 (optional)"
  std::string gaps_cell(const RecordResult& result) {
    std::string cell;
    for (Category c : kAllCategories) {
      const CategoryResult& cat = result.categories[index_of(c)];
      if (cat.pass) continue;
      gapped_[index_of(c)] = true;
      cell += fmt::format("{}{} {}/{}{}", cell.empty() ? "" : "; ", category_title(c), cat.score,
                          cat.threshold, cat.required ? "" : " (optional)");
    }
    return cell;
  }

  std::ostream& out_;
  bool started_ = false;
  std::size_t suppressed_ = 0;
  std::array<bool, kCategoryCount> gapped_{};  // which questions the footer must list
};

}  // namespace

std::unique_ptr<Reporter> make_markdown_reporter(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<MarkdownReporter>(out, options);
}

}  // namespace handoff::report

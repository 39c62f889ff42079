// GitHub Actions workflow commands: each finding becomes an annotation on the PR diff.
// The step summary (Markdown) is rendered by summary_markdown.cpp and written by the CLI.
#include <fmt/format.h>

#include <array>

#include "report/escape.hpp"
#include "report/reporters.hpp"

namespace handoff::report {
namespace {

std::string_view command_for(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "notice";
  }
  return "error";
}

std::string record_suffix(const SourceParts& source) {
  return source.record.empty() ? std::string() : fmt::format(" (record {})", source.record);
}

class GithubReporter final : public Reporter {
 public:
  GithubReporter(std::ostream& out, const ReportOptions&) : out_(out) {}

  void record(const RecordResult& result) override {
    SourceParts source = split_source(result.source);
    if (result.gate == Gate::fail) write_gate_failure(result, source);
    std::array<bool, kCategoryCount> asked{};
    for (const Finding& finding : result.findings) {
      if (finding.suppressed) {
        ++suppressed_;
        continue;
      }
      std::string title = finding.rule;
      std::string message = terminal_safe(finding.message);
      if (finding.category) {
        std::size_t i = index_of(*finding.category);
        title += fmt::format(" {}", category_title(*finding.category));
        // The first finding of a gap says what the field must answer (annotations may span lines).
        if (result.gate != Gate::error && !result.categories[i].pass && !asked[i]) {
          message += fmt::format("\nAnswer this: {}", category_question(*finding.category));
          asked[i] = true;
        }
      }
      write_command(command_for(finding.severity), source, finding.pos,
                    title + record_suffix(source), message);
    }
  }

  void end(const RunSummary& summary) override {
    out_ << fmt::format("handoff-lint: {}: {} passed, {} failed, {}",
                        counted(summary.records, "record", "records"), summary.passed,
                        summary.failed, counted(summary.errored, "error", "errors"));
    if (suppressed_ > 0) out_ << fmt::format(", {} suppressed", suppressed_);
    out_ << '\n';
    out_.flush();
  }

 private:
  void write_gate_failure(const RecordResult& result, const SourceParts& source) {
    std::string gaps;
    for (Category c : kAllCategories) {
      const CategoryResult& cat = result.categories[index_of(c)];
      if (cat.pass || !cat.required) continue;
      gaps += fmt::format("{}{} {}/{}", gaps.empty() ? "" : ", ", category_title(c), cat.score,
                          cat.threshold);
    }
    std::string account = result.account.empty() ? "(no account)" : terminal_safe(result.account);
    std::string message = fmt::format("{} scored {}/100", account, result.score);
    if (!gaps.empty()) message += fmt::format("; gaps: {}", gaps);
    write_command("error", source, Position{}, "Handoff gate failed" + record_suffix(source),
                  message);
  }

  void write_command(std::string_view command, const SourceParts& source, Position pos,
                     std::string_view title, std::string_view message) {
    out_ << "::" << command << " file=" << github_property(terminal_safe(source.path));
    if (pos.line > 0) {
      out_ << ",line=" << pos.line;
      if (pos.column > 0) out_ << ",col=" << pos.column;
    }
    out_ << ",title=" << github_property(title) << "::" << github_data(message) << '\n';
  }

  std::ostream& out_;
  std::size_t suppressed_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_github_reporter(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<GithubReporter>(out, options);
}

}  // namespace handoff::report

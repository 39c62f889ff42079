// The default, human-readable format: a scorecard per record, then its findings as
// `path:line:col: severity [rule] category: message`, which editors and terminals can jump to.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iterator>

#include "report/escape.hpp"
#include "report/reporters.hpp"

namespace handoff::report {
namespace {

constexpr std::string_view kRed = "\x1b[31m", kYellow = "\x1b[33m", kGreen = "\x1b[32m",
                           kReset = "\x1b[0m";

std::size_t title_width() {
  std::size_t width = 0;
  for (Category c : kAllCategories) width = std::max(width, category_title(c).size());
  return width;
}

// "path:line:col:", dropping the parts that are unknown (0).
std::string location(std::string_view path, Position pos) {
  if (pos.line == 0) return fmt::format("{}:", path);
  if (pos.column == 0) return fmt::format("{}:{}:", path, pos.line);
  return fmt::format("{}:{}:{}:", path, pos.line, pos.column);
}

class TextReporter final : public Reporter {
 public:
  TextReporter(std::ostream& out, const ReportOptions& options) : out_(out), options_(options) {}

  void record(const RecordResult& result) override { record_rendered(result, render(result)); }
  bool renders_records() const override { return true; }
  std::string render(const RecordResult& result) const override {
    std::string out;
    write_header(out, result);
    if (result.gate != Gate::error) write_categories(out, result);
    write_findings(out, result);
    return out;
  }
  void record_rendered(const RecordResult& result, std::string&& text) override {
    if (records_seen_++ > 0) out_ << '\n';
    out_ << text;
    for (const Finding& finding : result.findings) suppressed_ += finding.suppressed ? 1 : 0;
  }

  void end(const RunSummary& summary) override {
    if (records_seen_ > 0) out_ << '\n';
    out_ << fmt::format("{}: {} passed, {} failed, {}",
                        counted(summary.records, "record", "records"), summary.passed,
                        summary.failed, counted(summary.errored, "error", "errors"));
    if (suppressed_ > 0) out_ << fmt::format(", {} suppressed", suppressed_);
    out_ << '\n';
    out_.flush();
  }

 private:
  std::string paint(std::string_view text, std::string_view colour) const {
    if (!options_.color || colour.empty()) return std::string(text);
    return fmt::format("{}{}{}", colour, text, kReset);
  }

  std::string severity_word(Severity severity) const {
    std::string_view colour = severity == Severity::error     ? kRed
                              : severity == Severity::warning ? kYellow
                                                              : std::string_view{};
    return paint(severity_name(severity), colour);
  }

  void write_header(std::string& out, const RecordResult& result) const {
    std::string account = result.account.empty() ? "(no account)" : terminal_safe(result.account);
    out += terminal_safe(result.source);
    out += "  ";
    out += account;
    out += "  ";
    switch (result.gate) {
      case Gate::pass:
        out += paint("PASS", kGreen);
        break;
      case Gate::fail:
        out += paint("FAIL", kRed);
        break;
      case Gate::error:
        out += paint("ERROR", kRed);
        out += '\n';
        return;  // no meaningful score
    }
    fmt::format_to(std::back_inserter(out), "  score {}/100\n", result.score);
  }

  void write_categories(std::string& out, const RecordResult& result) const {
    static const std::size_t width = title_width();
    for (Category c : kAllCategories) {
      const CategoryResult& cat = result.categories[index_of(c)];
      std::string status = cat.pass       ? std::string("ok")
                           : cat.required ? paint("GAP", kRed)
                                          : paint("gap", kYellow) + " (optional)";
      fmt::format_to(std::back_inserter(out), "  {:<{}}  {:>7}  {}\n", category_title(c), width,
                     fmt::format("{}/{}", cat.score, cat.threshold), status);
      if (!options_.explain) continue;
      for (const CheckScore& check : cat.checks)
        fmt::format_to(std::back_inserter(out), "      {}  {}/{}\n", terminal_safe(check.rule),
                       check.earned, check.possible);
    }
  }

  static void write_question(std::string& out, Category c) {
    out += "    answer this: ";
    out += category_question(c);
    out += '\n';
  }

  void write_findings(std::string& out, const RecordResult& result) const {
    const std::string path = terminal_safe(split_source(result.source).path);
    std::array<bool, kCategoryCount> asked{};
    for (const Finding& finding : result.findings) {
      if (finding.suppressed) continue;
      fmt::format_to(std::back_inserter(out), "{} {} [{}] ", location(path, finding.pos),
                     severity_word(finding.severity), terminal_safe(finding.rule));
      if (finding.category) {
        out += category_key(*finding.category);
        out += ": ";
      }
      out += terminal_safe(finding.message);
      out += '\n';
      if (!finding.category || result.gate == Gate::error) continue;
      std::size_t i = index_of(*finding.category);
      if (!result.categories[i].pass && !asked[i]) {
        write_question(out, *finding.category);
        asked[i] = true;
      }
    }
    if (result.gate == Gate::error) return;
    // A gap whose findings were all suppressed (or that only scored low) still needs its question.
    for (Category c : kAllCategories) {
      const CategoryResult& cat = result.categories[index_of(c)];
      if (cat.pass || asked[index_of(c)]) continue;
      fmt::format_to(std::back_inserter(out), "{} note: {}: scores {}, below its threshold of {}\n",
                     location(path, cat.pos), category_key(c), cat.score, cat.threshold);
      write_question(out, c);
    }
  }

  std::ostream& out_;
  ReportOptions options_;
  std::size_t records_seen_ = 0;
  std::size_t suppressed_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<TextReporter>(out, options);
}

}  // namespace handoff::report

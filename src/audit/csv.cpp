// `audit --format csv`: one row per record per category, streamed as results arrive (nothing is
// aggregated), RFC 4180 with CRLF line ends, for a spreadsheet or a BI tool.
#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <sstream>

#include "audit/support.hpp"
#include "handoff/audit.hpp"
#include "report/escape.hpp"

namespace handoff {
namespace {

constexpr std::string_view kHeader =
    "source,account,ae,csm,close_date,month,acv,segment,gate,score,category,category_score,threshold,pass,rules";

// Record text as a cell: a leading = + - @ would make a spreadsheet run it as a formula, so it
// gets a leading apostrophe; quoted when it holds a delimiter, quote or line break.
void write_text_cell(std::ostream& out, std::string_view text) {
  std::string value = report::terminal_safe(text);
  if (!value.empty() && std::string_view("=+-@").find(value.front()) != std::string_view::npos)
    value.insert(value.begin(), '\'');
  bool quote = value.find_first_of(",\"\n\r") != std::string::npos || (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) {
    out << value;
    return;
  }
  out << '"';
  for (char ch : value) {
    if (ch == '"') out << '"';
    out << ch;
  }
  out << '"';
}

class AuditCsvReporter : public Reporter {
 public:
  AuditCsvReporter(std::ostream& out, AuditOptions options) : out_(out), options_(std::move(options)) {}

  void begin() override { out_ << kHeader << "\r\n"; }

  void record(const RecordResult& r) override {
    const bool redact = options_.redact;
    std::string ae, csm;
    audit::normalize_name(r.ae, ae);
    audit::normalize_name(r.csm, csm);
    if (redact && !ae.empty()) ae = audit_hash("ae-", ae);
    if (redact && !csm.empty()) csm = audit_hash("csm-", csm);
    auto band = audit_segment_band(r.acv, options_.segment_bounds);
    // The record-level cells, shared by its seven rows.
    std::string prefix;
    {
      std::ostringstream cells;
      write_text_cell(cells, audit_source_label(r.source, redact));
      cells << ',';
      write_text_cell(cells, audit::trim(r.account).empty() ? "" : audit::account_label(r.account, redact));
      cells << ',';
      write_text_cell(cells, ae);
      cells << ',';
      write_text_cell(cells, csm);
      cells << ',';
      write_text_cell(cells, audit::trim(r.close_date));
      std::string month = audit_month_key(r.close_date);
      cells << ',' << (month == audit::kNoDate ? "" : month) << ',';
      if (r.acv) cells << fmt::format("{}", *r.acv);
      cells << ',';
      if (band) write_text_cell(cells, audit_segment_label(*band, options_.segment_bounds));
      cells << ',' << gate_name(r.gate) << ',';
      if (r.gate != Gate::error) cells << r.score;
      prefix = cells.str();
    }
    for (Category c : kAllCategories) {
      const CategoryResult& cat = r.categories[index_of(c)];
      out_ << prefix << ',' << category_key(c) << ',';
      if (r.gate != Gate::error) out_ << cat.score;
      out_ << ',' << cat.threshold << ',';
      if (r.gate != Gate::error) out_ << (cat.pass ? "yes" : "no");
      out_ << ',' << rules_in(r, c) << "\r\n";
    }
  }

  void end(const RunSummary&) override { out_.flush(); }

 private:
  // The codes of the category's unsuppressed findings, each once, in code order.
  static std::string rules_in(const RecordResult& r, Category c) {
    std::vector<std::string_view> codes;
    for (const Finding& f : r.findings)
      if (!f.suppressed && f.category == c) codes.push_back(f.rule);
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    std::string out;
    for (std::string_view code : codes) {
      if (!out.empty()) out += ' ';
      out += code;
    }
    return out;
  }

  std::ostream& out_;
  AuditOptions options_;
};

}  // namespace

std::unique_ptr<Reporter> make_audit_csv_reporter(std::ostream& out, const AuditOptions& options) {
  return std::make_unique<AuditCsvReporter>(out, options);
}

}  // namespace handoff

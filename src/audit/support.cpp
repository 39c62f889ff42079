// Figures and names every audit format shares.
#include "audit/support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "handoff/rule.hpp"
#include "report/escape.hpp"

namespace handoff {

std::string_view audit_dimension_name(AuditDimension d) {
  switch (d) {
    case AuditDimension::ae: return "ae";
    case AuditDimension::csm: return "csm";
    case AuditDimension::month: return "month";
    case AuditDimension::quarter: return "quarter";
    case AuditDimension::segment: return "segment";
  }
  return "ae";
}

std::string_view audit_dimension_title(AuditDimension d) {
  switch (d) {
    case AuditDimension::ae: return "AE";
    case AuditDimension::csm: return "CSM";
    case AuditDimension::month: return "Month";
    case AuditDimension::quarter: return "Quarter";
    case AuditDimension::segment: return "Segment";
  }
  return "AE";
}

std::optional<AuditDimension> audit_dimension_from_name(std::string_view name) {
  for (AuditDimension d : kAllAuditDimensions)
    if (audit_dimension_name(d) == name) return d;
  return std::nullopt;
}

double AuditStats::pass_rate() const {
  return records ? static_cast<double>(passed) / static_cast<double>(records) : 0.0;
}
double AuditStats::mean_score() const {
  return scored() ? static_cast<double>(score_sum) / static_cast<double>(scored()) : 0.0;
}
double AuditStats::mean_score(Category c) const {
  return scored() ? static_cast<double>(categories[index_of(c)].score_sum) / static_cast<double>(scored()) : 0.0;
}
double AuditStats::gap_rate(Category c) const {
  return scored() ? static_cast<double>(categories[index_of(c)].gaps) / static_cast<double>(scored()) : 0.0;
}

namespace audit {

std::string percent(double rate) { return fmt::format("{:.1f}%", std::round(rate * 1000.0) / 10.0); }
std::string one_decimal(double value) { return fmt::format("{:.1f}", std::round(value * 10.0) / 10.0); }
double round_rate(double rate) { return std::round(rate * 10000.0) / 10000.0; }
double round_mean(double mean) { return std::round(mean * 10.0) / 10.0; }

std::string_view category_short(Category c) {
  switch (c) {
    case Category::buying_motivation: return "Motivation";
    case Category::champion_profile: return "Champion";
    case Category::promises_commitments: return "Promises";
    case Category::red_flags_risks: return "Risks";
    case Category::political_landscape: return "Politics";
    case Category::success_criteria: return "Success";
    case Category::communication_style: return "Comms";
  }
  return "";
}

std::string account_label(std::string_view account, bool redact) {
  if (trim(account).empty()) return "(no account)";
  if (redact) return audit_hash("acct-", account);
  std::string name;
  normalize_name(account, name);
  return name;
}

std::vector<Category> most_skipped(const AuditStats& stats) {
  std::vector<Category> out;
  for (Category c : kAllCategories)
    if (stats.categories[index_of(c)].skipped() > 0) out.push_back(c);
  std::stable_sort(out.begin(), out.end(), [&](Category a, Category b) {
    return stats.categories[index_of(a)].skipped() > stats.categories[index_of(b)].skipped();
  });
  return out;
}

std::vector<std::pair<std::string, AuditRuleTally>> rules_by_count(const AuditStats& stats) {
  std::vector<std::pair<std::string, AuditRuleTally>> out(stats.rules.begin(), stats.rules.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    if (a.second.records != b.second.records) return a.second.records > b.second.records;
    return a.second.findings > b.second.findings;
  });
  return out;
}

std::string_view rule_name(std::string_view code) {
  const RuleDef* rule = find_rule(code);
  return rule ? rule->name : std::string_view();
}

std::string counts_line(const AuditStats& s) {
  return fmt::format("{}: {} passed, {} failed, {}", report::counted(s.records, "record", "records"), s.passed,
                     s.failed, report::counted(s.errored, "error", "errors"));
}

std::vector<AuditDimension> shown_dimensions(const AuditOptions& options) {
  std::vector<AuditDimension> out;
  for (AuditDimension d : options.group_by)
    if (std::find(out.begin(), out.end(), d) == out.end()) out.push_back(d);
  return out;
}

}  // namespace audit
}  // namespace handoff

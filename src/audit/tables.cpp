// The audit's tables in plain text; redaction is applied here, once, for every table format.
#include "audit/tables.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "audit/support.hpp"
#include "report/escape.hpp"

namespace handoff::audit {
namespace {

std::string count(std::size_t n) { return std::to_string(n); }

std::string feeds_text(const std::string& use) {
  if (use == "notes") return "notes: label lines, any field";
  return use;
}

// The seven fields no column feeds, by canonical key.
std::vector<std::string> unfed_fields(const AuditColumnMapping& m) {
  std::vector<std::string> out;
  for (Category c : kAllCategories) {
    std::string_view key = category_key(c);
    bool fed = std::any_of(m.columns.begin(), m.columns.end(), [&](const auto& col) { return col.second == key; });
    if (!fed) out.emplace_back(key);
  }
  return out;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    i += report::decode_utf8(text, i).length;
    ++width;
  }
  return width;
}

std::vector<std::pair<std::string, std::string>> headline(const AuditReport& report) {
  const AuditStats& s = report.overall;
  return {{"Records", count(s.records)},
          {"Passed", count(s.passed)},
          {"Failed", count(s.failed)},
          {"Errors", count(s.errored)},
          {"Pass rate", percent(s.pass_rate())},
          {"Mean score", s.scored() ? one_decimal(s.mean_score()) : "-"}};
}

std::vector<Table> column_mapping_tables(const AuditReport& report) {
  std::vector<Table> out;
  for (std::size_t i = 0; i < report.column_mappings.size(); ++i) {
    const AuditColumnMapping& m = report.column_mappings[i];
    Table t;
    t.id = "columns-" + std::to_string(i + 1);
    t.title = "CSV columns";
    t.caption = "File: " + audit_source_label(m.file, report.options.redact);
    t.head = {"Column", "Feeds"};
    t.numeric = {false, false};
    for (const auto& [header, use] : m.columns) t.rows.push_back({header, feeds_text(use)});
    t.empty_text = m.note.empty() ? "no readable header row" : m.note;
    if (!m.columns.empty()) {
      bool has_notes = std::any_of(m.columns.begin(), m.columns.end(), [](const auto& c) { return c.second == "notes"; });
      std::vector<std::string> unfed = unfed_fields(m);
      if (!unfed.empty())
        t.notes.push_back("No column feeds " + joined(unfed) +
                          (has_notes ? " (only the notes column can supply them)." : ": every row scores them as missing."));
    }
    out.push_back(std::move(t));
  }
  return out;
}

Table category_table(const AuditReport& report) {
  const AuditStats& s = report.overall;
  Table t;
  t.id = "categories";
  t.title = "Categories";
  t.caption = "Mean score and gap rate (under threshold) over " + report::counted(s.scored(), "scored record", "scored records") + ".";
  t.head = {"Category", "Mean score", "Gap rate", "Gaps"};
  t.numeric = {false, true, true, true};
  t.heat = {false, true, false, false};
  for (Category c : kAllCategories)
    t.rows.push_back({std::string(category_title(c)), s.scored() ? one_decimal(s.mean_score(c)) : "-",
                      s.scored() ? percent(s.gap_rate(c)) : "-",
                      count(s.categories[index_of(c)].gaps)});
  return t;
}

Table skipped_table(const AuditReport& report) {
  const AuditStats& s = report.overall;
  Table t;
  t.id = "skipped";
  t.title = "Most-skipped fields";
  t.caption = "Records where the field is missing, empty, or a placeholder (rules HLx01, HLx02, HLx03).";
  t.head = {"Field", "Skipped", "Missing", "Empty", "Placeholder"};
  t.numeric = {false, true, true, true, true};
  for (Category c : most_skipped(s)) {
    const AuditCategoryTally& cat = s.categories[index_of(c)];
    t.rows.push_back({std::string(category_title(c)), count(cat.skipped()), count(cat.missing), count(cat.empty),
                      count(cat.placeholder)});
  }
  t.empty_text = "No field was skipped.";
  return t;
}

Table rules_table(const AuditReport& report) {
  Table t;
  t.id = "rules";
  t.title = "Rules fired";
  t.caption = "Unsuppressed findings; a record counts once per rule.";
  t.head = {"Rule", "Name", "Records", "Findings"};
  t.numeric = {false, false, true, true};
  for (const auto& [code, tally] : rules_by_count(report.overall))
    t.rows.push_back({code, std::string(rule_name(code)), count(tally.records), count(tally.findings)});
  t.empty_text = "No rule fired.";
  return t;
}

Table group_table(const AuditReport& report, AuditDimension d) {
  Table t;
  t.id = "by-" + std::string(audit_dimension_name(d));
  t.title = "By " + std::string(audit_dimension_title(d));
  t.caption = "Category columns are mean scores over scored records.";
  t.head = {std::string(audit_dimension_title(d)), "Records", "Pass rate", "Mean"};
  t.numeric = {false, true, true, true};
  t.heat = {false, false, false, false};
  for (Category c : kAllCategories) {
    t.head.emplace_back(category_short(c));
    t.numeric.push_back(true);
    t.heat.push_back(true);
  }
  t.head.emplace_back("Most skipped");
  t.numeric.push_back(false);
  t.heat.push_back(false);
  for (const AuditGroup& g : report.by(d)) {
    const AuditStats& s = g.stats;
    std::vector<std::string> row = {g.label, count(s.records), percent(s.pass_rate()),
                                    s.scored() ? one_decimal(s.mean_score()) : "-"};
    for (Category c : kAllCategories) row.push_back(s.scored() ? one_decimal(s.mean_score(c)) : "-");
    std::vector<Category> skipped = most_skipped(s);
    row.push_back(skipped.empty() ? "-"
                                  : fmt::format("{} ({})", category_short(skipped.front()),
                                                s.categories[index_of(skipped.front())].skipped()));
    t.rows.push_back(std::move(row));
  }
  t.empty_text = "No records.";
  return t;
}

Table worst_table(const AuditReport& report) {
  Table t;
  t.id = "worst";
  t.title = "Worst records";
  t.caption = fmt::format("The {} lowest scores (ties by source).", report.overall.worst.size());
  t.head = {"Source", "Account", "Score", "Gate", "Gaps"};
  t.numeric = {false, false, true, false, true};
  const bool redact = report.options.redact;
  for (const AuditWorstRecord& w : report.overall.worst)
    t.rows.push_back({audit_source_label(w.source, redact), account_label(w.account, redact), count(w.score),
                      std::string(gate_name(w.gate)), fmt::format("{}/7", w.gaps)});
  t.empty_text = "No scored records.";
  return t;
}

Table errors_table(const AuditReport& report) {
  Table t;
  t.id = "errors";
  t.title = "Records that could not be read";
  const AuditStats& s = report.overall;
  t.caption = s.errored > s.errors.size()
                  ? fmt::format("The first {} of {} (by source); handoff-lint check says why.", s.errors.size(), s.errored)
                  : "handoff-lint check on them says why.";
  t.head = {"Source"};
  t.numeric = {false};
  for (const std::string& e : s.errors) t.rows.push_back({audit_source_label(e, report.options.redact)});
  t.empty_text = fmt::format("{} (none listed with --worst 0).", report::counted(s.errored, "record", "records"));
  return t;
}

std::vector<Table> all_tables(const AuditReport& report) {
  std::vector<Table> out = column_mapping_tables(report);
  out.push_back(category_table(report));
  out.push_back(skipped_table(report));
  out.push_back(rules_table(report));
  for (AuditDimension d : shown_dimensions(report.options)) out.push_back(group_table(report, d));
  out.push_back(worst_table(report));
  if (report.overall.errored > 0) out.push_back(errors_table(report));
  return out;
}

}  // namespace handoff::audit

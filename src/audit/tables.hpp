// Internal to the audit: the report laid out once as titled tables of plain (unescaped) text,
// so text, Markdown and HTML print the same rows; each format escapes the cells its own way.
#pragma once

#include <string>
#include <vector>

#include "handoff/audit.hpp"

namespace handoff::audit {

struct Table {
  std::string id;       // stable anchor: "categories", "by-ae", "columns-1", ...
  std::string title;    // section heading
  std::string caption;  // a line under the heading, or ""
  std::vector<std::string> head;
  std::vector<bool> numeric;  // right-aligned columns
  std::vector<bool> heat;     // columns of mean scores (HTML tints them); empty = none
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> notes;  // lines after the table
  std::string empty_text;          // shown instead of an empty table
};

// "12 records: 7 passed, 4 failed, 1 error" and the headline figures, as label/value pairs.
std::vector<std::pair<std::string, std::string>> headline(const AuditReport& report);

std::vector<Table> column_mapping_tables(const AuditReport& report);
Table category_table(const AuditReport& report);
Table skipped_table(const AuditReport& report);
Table rules_table(const AuditReport& report);
Table group_table(const AuditReport& report, AuditDimension d);
Table worst_table(const AuditReport& report);
Table errors_table(const AuditReport& report);

// Every table in report order: mappings, categories, skipped, rules, groups, worst, errors.
std::vector<Table> all_tables(const AuditReport& report);

// The width a terminal gives text: one column per code point (CJK width is not modelled).
std::size_t display_width(std::string_view text);

}  // namespace handoff::audit

// Internal to the audit: group-key helpers and the number formatting every audit format shares,
// so text, Markdown, JSON and HTML always print the same figures.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "handoff/audit.hpp"

namespace handoff::audit {

inline constexpr std::size_t kMaxKeyBytes = 80;  // group keys are cut here (bounded memory)
inline constexpr std::string_view kNone = "(none)";
inline constexpr std::string_view kNoDate = "(no date)";
inline constexpr std::string_view kNoAcv = "(no ACV)";

std::string_view trim(std::string_view s);
// Trimmed, runs of blanks as one space, cut to kMaxKeyBytes at a UTF-8 boundary.
void normalize_name(std::string_view text, std::string& out);
// "f.csv#2" before "f.csv#10": path, then record number.
bool source_less(std::string_view a, std::string_view b);

// 0.4667 -> "46.7%"; figures are rounded once, here.
std::string percent(double rate);
// 68.25 -> "68.3"
std::string one_decimal(double value);
// A rate or mean rounded for JSON: 4 and 1 decimals.
double round_rate(double rate);
double round_mean(double mean);

// Short column heads for the seven categories: "Motivation", "Champion", ...
std::string_view category_short(Category c);

// What reports print for an account: the name, "(no account)", or its hash under --redact.
std::string account_label(std::string_view account, bool redact);

// The categories by most skipped (missing + empty + placeholder), then canonical order;
// only those skipped at least once.
std::vector<Category> most_skipped(const AuditStats& stats);

// The rules by records affected, then findings, then code.
std::vector<std::pair<std::string, AuditRuleTally>> rules_by_count(const AuditStats& stats);

// The rule's kebab-case name, or "" for a code the table does not know.
std::string_view rule_name(std::string_view code);

// "12 records: 7 passed, 4 failed, 1 error"
std::string counts_line(const AuditStats& stats);

// The dimensions the report shows, in the order given, without repeats.
std::vector<AuditDimension> shown_dimensions(const AuditOptions& options);

}  // namespace handoff::audit

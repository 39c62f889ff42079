// Shared by the rule and engine tests: records built field by field in C++, and a lint()
// that runs the real engine with the built-in configuration.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "handoff/config.hpp"
#include "handoff/engine.hpp"
#include "handoff/load.hpp"
#include "handoff/record.hpp"

namespace handoff::testing {

// A prose field: one item per paragraph (blank-line separated), starting at `line`.
inline Field prose(const std::string& text, std::uint32_t line = 10) {
  Field f;
  f.present = true;
  f.pos = {line, 3};
  f.text = text;
  std::size_t start = 0;
  std::uint32_t item_line = line;
  while (start <= text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    std::string para = text.substr(start, end - start);
    if (!para.empty()) f.items.push_back({para, {item_line, 3}});
    item_line += static_cast<std::uint32_t>(std::count(para.begin(), para.end(), '\n') + 2);
    start = end + 2;
  }
  return f;
}

// A list field: one item per entry, one line each, starting at `line` + 1.
inline Field bullets(const std::vector<std::string>& entries, std::uint32_t line = 10) {
  Field f;
  f.present = true;
  f.is_list = true;
  f.pos = {line + 1, 5};
  for (std::size_t i = 0; i < entries.size(); ++i) {
    f.items.push_back({entries[i], {line + 1 + static_cast<std::uint32_t>(i), 5}});
    if (i) f.text += '\n';
    f.text += entries[i];
  }
  return f;
}

inline HeaderValue header(const std::string& text, std::uint32_t line) {
  return {true, text, {line, 6}};
}

// A record every rule passes: the baseline each test changes one thing in.
inline Record good_record() {
  Record r;
  r.source = "good.yaml";
  r.format = "yaml";
  r.header.account = header("Halvorsen Freight", 1);
  r.header.acv = header("$38,500", 2);
  r.header.acv_amount = 38500;
  r.header.close_date = header("2026-03-17", 3);
  r.header.ae = header("Oskar Lindqvist", 4);
  r.header.csm = header("Noor Haddad", 5);
  r.field(Category::buying_motivation) = prose(
      "Their dispatch board crashed during the November peak and two retail clients threatened "
      "to leave. The COO gave Ines Calloway until the end of Q2 to get on-time delivery back "
      "above 95%.",
      10);
  r.field(Category::champion_profile) = prose(
      "Ines Calloway, VP Operations, built the business case and fought the CFO for budget. She "
      "is personally on the hook: her bonus this year is tied to on-time delivery.",
      20);
  r.field(Category::promises_commitments) =
      bullets({"Promised a sandbox tenant with their routing data loaded by 2026-04-10.",
               "Agreed that our solutions architect joins the kickoff call in week one."},
              30);
  r.field(Category::red_flags_risks) = bullets(
      {"Hugo Tanaka, the IT manager, worries about the SSO rollout; a joint review is scheduled "
       "for week two and still open.",
       "Finance pushed back on the per-seat price; handled with a 12-month term instead of 24."},
      40);
  r.field(Category::political_landscape) = prose(
      "The CFO, Tomasz Wren, was skeptical and lost the budget argument to Ines; he will watch "
      "every change order. Hugo Tanaka in IT is neutral but was overruled on the vendor choice.",
      50);
  r.field(Category::success_criteria) = prose(
      "Ines wants on-time deliveries back from 88% to 95% by the end of Q2, and the dispatch "
      "team fully off the old board by 2026-06-30.",
      60);
  r.field(Category::communication_style) = prose(
      "Ines prefers Slack for quick questions and a weekly 20-minute check-in on Tuesdays; she "
      "dislikes long status decks. Email only for anything contractual.",
      70);
  return r;
}

inline RecordResult lint(const Record& record, const Config& config = default_config()) {
  Loaded loaded;
  loaded.record = record;
  return Engine(config).run(loaded);
}

// Rule codes of the unsuppressed findings, in report order.
inline std::vector<std::string> codes(const RecordResult& result) {
  std::vector<std::string> out;
  for (const Finding& f : result.findings)
    if (!f.suppressed) out.push_back(f.rule);
  return out;
}

inline bool fires(const RecordResult& result, std::string_view code) {
  return std::any_of(result.findings.begin(), result.findings.end(),
                     [&](const Finding& f) { return f.rule == code && !f.suppressed; });
}

// The first finding of `code`; the test stops here if there is none, so callers may use the
// pointer at once (a null pointer used after a failed CHECK is undefined behaviour).
inline const Finding* finding(const RecordResult& result, std::string_view code) {
  for (const Finding& f : result.findings)
    if (f.rule == code) return &f;
  FAIL("no " << code << " finding");
  return nullptr;
}

inline int score(const RecordResult& result, Category c) {
  return result.categories[index_of(c)].score;
}

// Lints a record whose `c` field is replaced by `f`.
inline RecordResult lint_field(Category c, Field f) {
  Record r = good_record();
  r.field(c) = std::move(f);
  return lint(r);
}

}  // namespace handoff::testing

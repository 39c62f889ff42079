// Hand-built RecordResults for the audit tests: every figure they lead to is worked out by hand.
#pragma once

#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include "handoff/audit.hpp"

namespace audit_fixtures {

using namespace handoff;

struct Spec {
  std::string source, account, ae, csm, close_date;
  std::optional<double> acv;
  Gate gate = Gate::fail;
  std::array<int, kCategoryCount> scores{};
  std::initializer_list<const char*> rules = {};  // unsuppressed findings, one per entry
};

inline RecordResult make(const Spec& s) {
  RecordResult r;
  r.source = s.source;
  r.format = "csv";
  r.account = s.account;
  r.ae = s.ae;
  r.csm = s.csm;
  r.close_date = s.close_date;
  r.acv = s.acv;
  r.gate = s.gate;
  int total = 0;
  for (std::size_t i = 0; i < kCategoryCount; ++i) {
    r.categories[i].score = s.scores[i];
    r.categories[i].threshold = 70;
    r.categories[i].pass = s.gate != Gate::error && s.scores[i] >= 70;
    total += s.scores[i];
  }
  r.score = (2 * total + 7) / 14;  // the engine's rounded mean
  for (const char* code : s.rules) {
    Finding f;
    f.rule = code;
    f.severity = Severity::error;
    if (auto def = std::string(code); def.size() == 5 && def[2] >= '1' && def[2] <= '7')
      f.category = kAllCategories[static_cast<std::size_t>(def[2] - '1')];
    f.message = "hand-built";
    r.findings.push_back(std::move(f));
  }
  return r;
}

// Six records, three AEs, three months, all three ACV bands, one error.
//   score: mean of the seven scores, rounded as the engine does.
inline std::vector<RecordResult> sample() {
  return {
      // Priya: pass, 2026-01, SMB. Mean 80.
      make({"crm.csv#1", "Acme Pumps", "Priya Raman", "Ines Dahl", "2026-01-14", 12000, Gate::pass,
            {80, 80, 80, 80, 80, 80, 80}, {"HL105"}}),
      // Priya: fail, 2026-02, mid-market. Champion missing, politics placeholder. Mean (90+0+70+70+0+70+60)/7 = 51.4 -> 51.
      make({"crm.csv#2", "Borealis Tiles", "Priya Raman", "Ines Dahl", "2026-02-03", 25000, Gate::fail,
            {90, 0, 70, 70, 0, 70, 60}, {"HL201", "HL503", "HL704", "HL705", "HL705"}}),
      // Omar: fail, 2026-02, enterprise. Success empty. Mean (60*6+0)/7 = 51.4 -> 51.
      make({"crm.csv#10", "Calder Mills", "Omar Haddad", "", "2026-02-27", 100000, Gate::fail,
            {60, 60, 60, 60, 60, 0, 60}, {"HL602", "HL104", "HL204", "HL205"}}),
      // Omar: pass, 2026-03 (with a time), no ACV. Mean 100.
      make({"crm.csv#3", "Dunmore Glass", "  Omar   Haddad ", "Ines Dahl", "2026-03-02T10:00:00Z", std::nullopt,
            Gate::pass, {100, 100, 100, 100, 100, 100, 100}}),
      // No AE, no date: fail. Champion missing, promises placeholder. Mean (70+0+0+70+70+70+70)/7 = 50.
      make({"other.jsonl#1", "", "", "", "", 50000, Gate::fail, {70, 0, 0, 70, 70, 70, 70},
            {"HL201", "HL303", "HL801"}}),
      // A broken row: error, counted but not scored.
      make({"crm.csv#4", "", "", "", "", std::nullopt, Gate::error, {}, {"HL900"}}),
  };
}

}  // namespace audit_fixtures

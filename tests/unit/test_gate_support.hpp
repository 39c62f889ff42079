// Shared by the gate and baseline tests: one real YAML record that passes every rule, edits
// of it, and a check() that runs the real YAML loader and engine on the text.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "handoff/baseline.hpp"
#include "handoff/config.hpp"
#include "handoff/engine.hpp"
#include "handoff/load.hpp"

namespace handoff::gate_testing {

inline const std::string kLarkspur = R"(account: Larkspur Veterinary Group
acv: $36,000
close_date: 2026-05-14
ae: Rosalind Achebe
csm: Felix Duarte
buying_motivation: |
  Two of their eleven clinics lost appointment data in a March outage of the old
  scheduling server, and the regional director gave Amara Osei until 2026-08-01 to move
  every clinic onto a hosted system before the lease on the server room ends.
champion_profile: |
  Amara Osei, Head of Clinic Operations, wrote the proposal and defended it against a
  cheaper bid. Her annual review this year depends on the migration landing on time.
promises_commitments:
  - We promised a data import of their 2019-2025 appointment history by 2026-06-15.
  - We agreed to train the front-desk leads at each clinic during the first two weeks.
red_flags_risks:
  - Dr. Lena Marsh, the chief veterinarian, objected to the reminder wording; we agreed to review the templates with her in week one, still open.
  - Their IT contractor, Paul Brandt, questioned the uptime guarantee; handled by sharing our status history, and he accepted it.
political_landscape: |
  The finance lead, Omar Castell, backed the cheaper bid and was overruled; he is skeptical
  and will count every support ticket. Dr. Lena Marsh is neutral but influential with staff.
success_criteria: |
  Amara will judge success by all eleven clinics booking through the new system by
  2026-08-01 and no-show rates falling from 14% to under 9% by the end of Q4.
communication_style: |
  Amara prefers email for anything written and a biweekly 30-minute video call on Mondays;
  she dislikes long slide decks.
)";

// The edits below are chosen so that the tests do not hang on rule weights: a "weak" field
// fails every quality rule of its category (or nearly), far under any sensible threshold; a
// missing AE is one record-level warning that scores nothing.
inline const std::string kMotivationBefore =
    R"(  Two of their eleven clinics lost appointment data in a March outage of the old
  scheduling server, and the regional director gave Amara Osei until 2026-08-01 to move
  every clinic onto a hosted system before the lease on the server room ends.
)";
inline const std::string kStyleBefore =
    "  Amara prefers email for anything written and a biweekly 30-minute video call on Mondays;\n"
    "  she dislikes long slide decks.\n";
inline const std::string kStakeBefore =
    "cheaper bid. Her annual review this year depends on the migration landing on time.";
// `text` with `from` replaced by `to`; `from` must occur exactly once.
inline std::string edited(const std::string& text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return text.substr(0, at) + to + text.substr(at + from.size());
}

// A motivation of 12 words with trigger and date: HL104 (too thin) is what fires.
inline std::string thin_motivation(const std::string& text = kLarkspur) {
  return edited(text, kMotivationBefore,
                "  Their scheduling server lost data in March; clinics must move by 2026-08-01.\n");
}
// A motivation with no trigger, stake, date or substance: a gap.
inline std::string weak_motivation(const std::string& text = kLarkspur) {
  return edited(text, kMotivationBefore, "  They wanted better software for the clinics.\n");
}
// A communication style with no channel, cadence or meeting habits: a gap.
inline std::string weak_style(const std::string& text = kLarkspur) {
  return edited(text, kStyleBefore, "  She is easy to work with.\n");
}
// The champion's personal stake removed: HL206.
inline std::string no_stake(const std::string& text = kLarkspur) {
  return edited(text, kStakeBefore,
                "cheaper bid in front of the regional board and the clinic managers last spring.");
}
// No AE: the record-level warning HL804, which scores no category.
inline std::string no_ae(const std::string& text = kLarkspur) {
  return edited(text, "ae: Rosalind Achebe\n", "");
}
// A suppression comment for `codes` on the line above `key` (so it covers that field).
inline std::string suppressed_above(const std::string& text, const std::string& key,
                                    const std::vector<std::string>& codes,
                                    const std::string& reason) {
  std::string list;
  for (const auto& code : codes) list += (list.empty() ? "" : ",") + code;
  return edited(text, key + ": |\n",
                "# handoff-lint: disable=" + list + " -- " + reason + "\n" + key + ": |\n");
}

// Loads `text` as one YAML record named `source` and runs the engine on it.
inline RecordResult check(const std::string& text, const Config& config = default_config(),
                          const Baseline* baseline = nullptr,
                          const std::string& source = "handoffs/larkspur.yaml") {
  Source src;
  src.name = source;
  src.format = Format::yaml;
  src.text = text;
  LoadOptions opt;
  opt.limits = &config.limits;
  opt.labels = &config.labels;
  std::vector<RecordResult> results;
  Engine engine(config, baseline);
  load_yaml(src, opt, [&](Loaded&& loaded) { results.push_back(engine.run(loaded)); });
  REQUIRE(results.size() == 1);
  return results.front();
}

// Rule codes of the unsuppressed findings, in report order.
inline std::vector<std::string> open_codes(const RecordResult& result) {
  std::vector<std::string> out;
  for (const Finding& f : result.findings)
    if (!f.suppressed) out.push_back(f.rule);
  return out;
}

inline const Finding* find(const RecordResult& result, std::string_view rule) {
  for (const Finding& f : result.findings)
    if (f.rule == rule) return &f;
  return nullptr;
}

inline const CategoryResult& category(const RecordResult& result, Category c) {
  return result.categories[index_of(c)];
}

// The categories of the unsuppressed findings (nullopt for record-level ones).
inline std::vector<std::optional<Category>> open_categories(const RecordResult& result) {
  std::vector<std::optional<Category>> out;
  for (const Finding& f : result.findings)
    if (!f.suppressed) out.push_back(f.category);
  return out;
}

}  // namespace handoff::gate_testing

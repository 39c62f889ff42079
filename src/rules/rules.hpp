// Internal to src/rules/: the check functions and rule texts that registry.cpp puts in the
// table. Each family file holds its rules' checks next to their documentation.
#pragma once

#include <string_view>

#include "handoff/rule.hpp"

namespace handoff::rules {

// A rule's documentation: examples are complete YAML records (see RuleDef).
struct RuleText {
  std::string_view summary, rationale, failing_example, passing_example;
};

// Scoring shares: "too thin" is worth 40 and each category's two specificity checks share 60,
// so thin alone scores 60 (fails the default threshold of 70) and one missed specificity
// check scores 70 (passes).
inline constexpr int kThinPoints = 40;
inline constexpr int kSpecificPoints = 30;

// presence.cpp: missing, empty, placeholder and too-thin, one implementation for all seven
// categories (the category comes from the running rule).
void check_missing(CheckContext& ctx);
void check_empty(CheckContext& ctx);
void check_placeholder(CheckContext& ctx);
void check_thin(CheckContext& ctx);

// One function per specificity check, in the category's family file.
void check_motivation_trigger(CheckContext& ctx);     // HL105
void check_motivation_timeframe(CheckContext& ctx);   // HL106
void check_champion_named(CheckContext& ctx);         // HL205
void check_champion_stake(CheckContext& ctx);         // HL206
void check_promises_run_together(CheckContext& ctx);  // HL305
void check_promises_when(CheckContext& ctx);          // HL306
void check_risk_handling(CheckContext& ctx);          // HL405
void check_risk_source(CheckContext& ctx);            // HL406
void check_politics_stance(CheckContext& ctx);        // HL505
void check_politics_named(CheckContext& ctx);         // HL506
void check_success_measure(CheckContext& ctx);        // HL605
void check_success_deadline(CheckContext& ctx);       // HL606
void check_comm_channel(CheckContext& ctx);           // HL705
void check_comm_cadence(CheckContext& ctx);           // HL706
// deal.cpp
void check_account(CheckContext& ctx);        // HL801
void check_acv(CheckContext& ctx);            // HL802
void check_close_date(CheckContext& ctx);     // HL803
void check_ae(CheckContext& ctx);             // HL804
void check_handoff_call(CheckContext& ctx);   // HL805

// The handoff-call policy's triggers, shared with its documentation.
inline constexpr double kHandoffCallAcv = 50000;
inline constexpr std::size_t kHandoffCallStakeholders = 2;

// Rule texts, defined next to each family's checks.
extern const RuleText kHL101, kHL102, kHL103, kHL104, kHL105, kHL106;
extern const RuleText kHL201, kHL202, kHL203, kHL204, kHL205, kHL206;
extern const RuleText kHL301, kHL302, kHL303, kHL304, kHL305, kHL306;
extern const RuleText kHL401, kHL402, kHL403, kHL404, kHL405, kHL406;
extern const RuleText kHL501, kHL502, kHL503, kHL504, kHL505, kHL506;
extern const RuleText kHL601, kHL602, kHL603, kHL604, kHL605, kHL606;
extern const RuleText kHL701, kHL702, kHL703, kHL704, kHL705, kHL706;
extern const RuleText kHL801, kHL802, kHL803, kHL804, kHL805;
extern const RuleText kHL900, kHL901, kHL902, kHL903, kHL904, kHL905;

}  // namespace handoff::rules

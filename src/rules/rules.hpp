// Internal to src/rules/: the check functions and rule texts that registry.cpp puts in the
// table. Each family file holds its rules' checks next to their documentation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handoff/rule.hpp"
#include "text/tokens.hpp"

namespace handoff::rules {

// A rule's documentation: examples are complete YAML records (see RuleDef).
struct RuleText {
  std::string_view summary, rationale, failing_example, passing_example;
};

// Scoring shares. Each category's quality points add up to 100 and the default threshold is
// 70, so a category fails when it loses more than 30 points. "Too thin" is worth little: a
// terse field that says what the CSM needs passes. Each category has one or two essential
// checks worth more than 30 (failing one fails the category) and supporting checks worth 30
// or less (failing one alone does not). docs/judgment.md gives the reasoning.
inline constexpr int kThinPoints = 10;
// buying_motivation: a reason (trigger, stake or deadline) is essential.
inline constexpr int kMotivationTrigger = 15, kMotivationTimeframe = 15, kMotivationReason = 60;
// champion_profile: a named person and their stake are essential.
inline constexpr int kChampionNamed = 35, kChampionStake = 35, kChampionRole = 20;
// promises_commitments: every item vague (HL308, always with HL307: 50 together) fails.
inline constexpr int kPromisesSeparate = 15, kPromisesWhen = 25, kPromiseVague = 20,
                     kPromisesAllVague = 30;
// red_flags_risks: boilerplate risks are essential; handling and source support.
inline constexpr int kRiskHandled = 25, kRiskSource = 30, kRiskGeneric = 35;
// political_landscape: a stance and a named person are essential.
inline constexpr int kPoliticsStance = 35, kPoliticsNamed = 35, kPoliticsRole = 20;
// success_criteria: a generic outcome without a measure is essential.
inline constexpr int kSuccessMeasure = 25, kSuccessDate = 20, kSuccessGeneric = 35,
                     kSuccessBaseline = 10;
// communication_style: no single essential check; "Email." fails on the sum.
inline constexpr int kCommChannel = 25, kCommCadence = 25, kCommMeetings = 20,
                     kCommNoncommittal = 20;

// presence.cpp: missing, empty, placeholder and too-thin, one implementation for all seven
// categories (the category comes from the running rule).
void check_missing(CheckContext& ctx);
void check_empty(CheckContext& ctx);
void check_placeholder(CheckContext& ctx);
void check_thin(CheckContext& ctx);

// One function per specificity check, in the category's family file.
void check_motivation_trigger(CheckContext& ctx);     // HL105
void check_motivation_timeframe(CheckContext& ctx);   // HL106
void check_motivation_reason(CheckContext& ctx);      // HL107
void check_champion_named(CheckContext& ctx);         // HL205
void check_champion_stake(CheckContext& ctx);         // HL206
void check_champion_role(CheckContext& ctx);          // HL207
void check_promises_run_together(CheckContext& ctx);  // HL305
void check_promises_when(CheckContext& ctx);          // HL306
void check_promise_vague(CheckContext& ctx);          // HL307
void check_promises_all_vague(CheckContext& ctx);     // HL308
void check_promise_implied(CheckContext& ctx);        // HL309 (policy, info)
void check_risk_handling(CheckContext& ctx);          // HL405
void check_risk_source(CheckContext& ctx);            // HL406
void check_risks_deny_politics(CheckContext& ctx);    // HL407 (policy)
void check_risk_generic(CheckContext& ctx);           // HL408
void check_politics_stance(CheckContext& ctx);        // HL505
void check_politics_named(CheckContext& ctx);         // HL506
void check_politics_role(CheckContext& ctx);          // HL507
void check_success_measure(CheckContext& ctx);        // HL605
void check_success_deadline(CheckContext& ctx);       // HL606
void check_success_generic(CheckContext& ctx);        // HL607
void check_success_baseline(CheckContext& ctx);       // HL608
void check_comm_channel(CheckContext& ctx);           // HL705
void check_comm_cadence(CheckContext& ctx);           // HL706
void check_comm_meetings(CheckContext& ctx);          // HL707
void check_comm_noncommittal(CheckContext& ctx);      // HL708
// deal.cpp
void check_account(CheckContext& ctx);               // HL801
void check_acv(CheckContext& ctx);                   // HL802
void check_close_date(CheckContext& ctx);            // HL803
void check_ae(CheckContext& ctx);                    // HL804
void check_handoff_call(CheckContext& ctx);          // HL805
void check_acv_positive(CheckContext& ctx);          // HL810
void check_close_date_plausible(CheckContext& ctx);  // HL811
// policies.cpp
void check_enrichment(CheckContext& ctx);             // HL806
void check_contacts_cover_people(CheckContext& ctx);  // HL807
void check_reading_time(CheckContext& ctx);           // HL808
void check_one_sentence_fields(CheckContext& ctx);    // HL809

// The handoff-call policy's triggers, shared with its documentation.
inline constexpr double kHandoffCallAcv = 50000;
inline constexpr std::size_t kHandoffCallStakeholders = 2;
// "Significant red flags": at least this many risk items still open.
inline constexpr std::size_t kHandoffCallOpenRisks = 2;
// "Political complexity": at least this many sentences tie a person or role to resistance.
inline constexpr std::size_t kHandoffCallResistance = 3;
// Enrichment (HL806) is expected from the same ACV as the handoff call.
inline constexpr double kEnrichmentAcv = kHandoffCallAcv;
// Reading time (HL808): words a minute, and the most a CSM reads before kickoff.
inline constexpr int kReadingWordsPerMinute = 220;
inline constexpr int kReadingMinutes = 10;
// One-sentence summaries (HL809): a field of one sentence under this many words is a
// summary; the record is flagged when at least kSummaryFields of the seven are.
inline constexpr std::size_t kSummaryWords = 15;
inline constexpr std::size_t kSummaryFields = 6;
// Close-date plausibility (HL811): years past the newest year the record mentions.
inline constexpr int kCloseDateLeadYears = 2;

// Commitments as the AE stated them: explicitly ("I promised", "I told") or implied ("I
// implied", "I mentioned", "on the roadmap"). HL309 reports the implied ones.
enum class CommitmentKind : std::uint8_t { explicit_, implied };
CommitmentKind commitment_kind(const CheckContext& ctx, const std::vector<text::Token>& tokens);

// deal.cpp: the ACV as an amount (as the loader parsed it, or from its text), and for display.
std::optional<double> acv_amount(const Header& h);
std::string format_amount(double amount);  // 72500 -> "72,500"

// HL805's and HL806's complexity signals.
std::size_t open_risk_items(const CheckContext& ctx);
std::size_t resistance_sentences(const CheckContext& ctx);

// Rule texts, defined next to each family's checks.
extern const RuleText kHL101, kHL102, kHL103, kHL104, kHL105, kHL106, kHL107;
extern const RuleText kHL201, kHL202, kHL203, kHL204, kHL205, kHL206, kHL207;
extern const RuleText kHL301, kHL302, kHL303, kHL304, kHL305, kHL306, kHL307, kHL308, kHL309;
extern const RuleText kHL401, kHL402, kHL403, kHL404, kHL405, kHL406, kHL407, kHL408;
extern const RuleText kHL501, kHL502, kHL503, kHL504, kHL505, kHL506, kHL507;
extern const RuleText kHL601, kHL602, kHL603, kHL604, kHL605, kHL606, kHL607, kHL608;
extern const RuleText kHL701, kHL702, kHL703, kHL704, kHL705, kHL706, kHL707, kHL708;
extern const RuleText kHL801, kHL802, kHL803, kHL804, kHL805, kHL806, kHL807, kHL808, kHL809,
    kHL810, kHL811;
extern const RuleText kHL900, kHL901, kHL902, kHL903, kHL904, kHL905;

}  // namespace handoff::rules

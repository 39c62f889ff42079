// THE table of all rules, in code order. Adding a rule = one row here + its check and text in
// the family file. Codes are never renumbered or reused. No self-registering statics: the
// linker drops unreferenced objects from a static library, and order would be unspecified.
#include <algorithm>
#include <vector>

#include "rules/rules.hpp"

namespace handoff {
namespace {

using rules::RuleText;
using Check = void (*)(CheckContext&);
constexpr auto kBM = Category::buying_motivation;
constexpr auto kCP = Category::champion_profile;
constexpr auto kPC = Category::promises_commitments;
constexpr auto kRF = Category::red_flags_risks;
constexpr auto kPL = Category::political_landscape;
constexpr auto kSC = Category::success_criteria;
constexpr auto kCS = Category::communication_style;
constexpr auto kError = Severity::error;
constexpr auto kWarning = Severity::warning;
constexpr auto kInfo = Severity::info;
constexpr auto kPresence = RuleKind::presence;
constexpr auto kQuality = RuleKind::quality;
constexpr auto kPolicy = RuleKind::policy;
constexpr int kThin = rules::kThinPoints;

RuleDef row(std::string_view code, std::string_view name, std::optional<Category> category,
            Severity severity, RuleKind kind, int points, const RuleText& text, Check check) {
  return RuleDef{code,
                 name,
                 category,
                 severity,
                 kind,
                 points,
                 text.summary,
                 text.rationale,
                 text.failing_example,
                 text.passing_example,
                 check};
}

std::vector<RuleDef> build_table() {
  using namespace rules;
  return {
      // HL1xx buying_motivation
      row("HL101", "motivation-missing", kBM, kError, kPresence, 0, kHL101, check_missing),
      row("HL102", "motivation-empty", kBM, kError, kPresence, 0, kHL102, check_empty),
      row("HL103", "motivation-placeholder", kBM, kError, kPresence, 0, kHL103, check_placeholder),
      row("HL104", "motivation-thin", kBM, kWarning, kQuality, kThin, kHL104, check_thin),
      row("HL105", "motivation-no-trigger", kBM, kWarning, kQuality, kMotivationTrigger, kHL105,
          check_motivation_trigger),
      row("HL106", "motivation-no-timeframe", kBM, kWarning, kQuality, kMotivationTimeframe, kHL106,
          check_motivation_timeframe),
      row("HL107", "motivation-no-reason", kBM, kWarning, kQuality, kMotivationReason, kHL107,
          check_motivation_reason),
      // HL2xx champion_profile
      row("HL201", "champion-missing", kCP, kError, kPresence, 0, kHL201, check_missing),
      row("HL202", "champion-empty", kCP, kError, kPresence, 0, kHL202, check_empty),
      row("HL203", "champion-placeholder", kCP, kError, kPresence, 0, kHL203, check_placeholder),
      row("HL204", "champion-thin", kCP, kWarning, kQuality, kThin, kHL204, check_thin),
      row("HL205", "champion-unnamed", kCP, kWarning, kQuality, kChampionNamed, kHL205,
          check_champion_named),
      row("HL206", "champion-no-stake", kCP, kWarning, kQuality, kChampionStake, kHL206,
          check_champion_stake),
      row("HL207", "champion-no-role", kCP, kWarning, kQuality, kChampionRole, kHL207,
          check_champion_role),
      // HL3xx promises_commitments
      row("HL301", "promises-missing", kPC, kError, kPresence, 0, kHL301, check_missing),
      row("HL302", "promises-empty", kPC, kError, kPresence, 0, kHL302, check_empty),
      row("HL303", "promises-placeholder", kPC, kError, kPresence, 0, kHL303, check_placeholder),
      row("HL304", "promises-thin", kPC, kWarning, kQuality, kThin, kHL304, check_thin),
      row("HL305", "promises-run-together", kPC, kWarning, kQuality, kPromisesSeparate, kHL305,
          check_promises_run_together),
      row("HL306", "promises-no-date", kPC, kWarning, kQuality, kPromisesWhen, kHL306,
          check_promises_when),
      row("HL307", "promise-vague", kPC, kWarning, kQuality, kPromiseVague, kHL307,
          check_promise_vague),
      row("HL308", "promises-all-vague", kPC, kWarning, kQuality, kPromisesAllVague, kHL308,
          check_promises_all_vague),
      row("HL309", "promise-implied", kPC, kInfo, kPolicy, 0, kHL309, check_promise_implied),
      // HL4xx red_flags_risks
      row("HL401", "risks-missing", kRF, kError, kPresence, 0, kHL401, check_missing),
      row("HL402", "risks-empty", kRF, kError, kPresence, 0, kHL402, check_empty),
      row("HL403", "risks-placeholder", kRF, kError, kPresence, 0, kHL403, check_placeholder),
      row("HL404", "risks-thin", kRF, kWarning, kQuality, kThin, kHL404, check_thin),
      row("HL405", "risk-not-handled", kRF, kWarning, kQuality, kRiskHandled, kHL405,
          check_risk_handling),
      row("HL406", "risk-no-source", kRF, kWarning, kQuality, kRiskSource, kHL406,
          check_risk_source),
      row("HL407", "risks-deny-politics", kRF, kWarning, kPolicy, 0, kHL407,
          check_risks_deny_politics),
      row("HL408", "risk-generic", kRF, kWarning, kQuality, kRiskGeneric, kHL408,
          check_risk_generic),
      // HL5xx political_landscape
      row("HL501", "politics-missing", kPL, kError, kPresence, 0, kHL501, check_missing),
      row("HL502", "politics-empty", kPL, kError, kPresence, 0, kHL502, check_empty),
      row("HL503", "politics-placeholder", kPL, kError, kPresence, 0, kHL503, check_placeholder),
      row("HL504", "politics-thin", kPL, kWarning, kQuality, kThin, kHL504, check_thin),
      row("HL505", "politics-no-stance", kPL, kWarning, kQuality, kPoliticsStance, kHL505,
          check_politics_stance),
      row("HL506", "politics-roles-only", kPL, kWarning, kQuality, kPoliticsNamed, kHL506,
          check_politics_named),
      row("HL507", "politics-no-role", kPL, kWarning, kQuality, kPoliticsRole, kHL507,
          check_politics_role),
      // HL6xx success_criteria
      row("HL601", "success-missing", kSC, kError, kPresence, 0, kHL601, check_missing),
      row("HL602", "success-empty", kSC, kError, kPresence, 0, kHL602, check_empty),
      row("HL603", "success-placeholder", kSC, kError, kPresence, 0, kHL603, check_placeholder),
      row("HL604", "success-thin", kSC, kWarning, kQuality, kThin, kHL604, check_thin),
      row("HL605", "success-no-measure", kSC, kWarning, kQuality, kSuccessMeasure, kHL605,
          check_success_measure),
      row("HL606", "success-no-date", kSC, kWarning, kQuality, kSuccessDate, kHL606,
          check_success_deadline),
      row("HL607", "success-generic", kSC, kWarning, kQuality, kSuccessGeneric, kHL607,
          check_success_generic),
      row("HL608", "success-no-baseline", kSC, kWarning, kQuality, kSuccessBaseline, kHL608,
          check_success_baseline),
      // HL7xx communication_style
      row("HL701", "communication-missing", kCS, kError, kPresence, 0, kHL701, check_missing),
      row("HL702", "communication-empty", kCS, kError, kPresence, 0, kHL702, check_empty),
      row("HL703", "communication-placeholder", kCS, kError, kPresence, 0, kHL703,
          check_placeholder),
      row("HL704", "communication-thin", kCS, kWarning, kQuality, kThin, kHL704, check_thin),
      row("HL705", "communication-no-channel", kCS, kWarning, kQuality, kCommChannel, kHL705,
          check_comm_channel),
      row("HL706", "communication-no-cadence", kCS, kWarning, kQuality, kCommCadence, kHL706,
          check_comm_cadence),
      row("HL707", "communication-no-meeting-style", kCS, kWarning, kQuality, kCommMeetings, kHL707,
          check_comm_meetings),
      row("HL708", "communication-noncommittal", kCS, kWarning, kQuality, kCommNoncommittal, kHL708,
          check_comm_noncommittal),
      // HL8xx deal-level facts and policies
      row("HL801", "account-missing", std::nullopt, kWarning, kPolicy, 0, kHL801, check_account),
      row("HL802", "acv-missing", std::nullopt, kWarning, kPolicy, 0, kHL802, check_acv),
      row("HL803", "close-date-not-iso", std::nullopt, kWarning, kPolicy, 0, kHL803,
          check_close_date),
      row("HL804", "ae-missing", std::nullopt, kWarning, kPolicy, 0, kHL804, check_ae),
      row("HL805", "handoff-call-needed", std::nullopt, kWarning, kPolicy, 0, kHL805,
          check_handoff_call),
      row("HL806", "enrichment-expected", std::nullopt, kWarning, kPolicy, 0, kHL806,
          check_enrichment),
      row("HL807", "contacts-missing-people", std::nullopt, kInfo, kPolicy, 0, kHL807,
          check_contacts_cover_people),
      row("HL808", "too-long-to-read", std::nullopt, kWarning, kPolicy, 0, kHL808,
          check_reading_time),
      row("HL809", "one-sentence-summaries", std::nullopt, kWarning, kPolicy, 0, kHL809,
          check_one_sentence_fields),
      row("HL810", "acv-not-positive", std::nullopt, kWarning, kPolicy, 0, kHL810,
          check_acv_positive),
      row("HL811", "close-date-implausible", std::nullopt, kWarning, kPolicy, 0, kHL811,
          check_close_date_plausible),
      // HL9xx load and meta: emitted by loaders and the engine, not by a check
      row("HL900", "load-error", std::nullopt, kError, kPolicy, 0, kHL900, nullptr),
      row("HL901", "unknown-key", std::nullopt, kWarning, kPolicy, 0, kHL901, nullptr),
      row("HL902", "duplicate-field", std::nullopt, kWarning, kPolicy, 0, kHL902, nullptr),
      row("HL903", "suppression-without-reason", std::nullopt, kWarning, kPolicy, 0, kHL903,
          nullptr),
      row("HL904", "unused-suppression", std::nullopt, kWarning, kPolicy, 0, kHL904, nullptr),
      row("HL905", "findings-capped", std::nullopt, kInfo, kPolicy, 0, kHL905, nullptr),
  };
}

}  // namespace

std::span<const RuleDef> all_rules() {
  static const std::vector<RuleDef> table = build_table();
  return table;
}

const RuleDef* find_rule(std::string_view code) {
  auto table = all_rules();
  auto found =
      std::find_if(table.begin(), table.end(), [&](const RuleDef& r) { return r.code == code; });
  return found == table.end() ? nullptr : &*found;
}

}  // namespace handoff

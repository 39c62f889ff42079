// HL6xx success_criteria: how the champion will judge success, measured, by when.
#include <fmt/format.h>

#include <string>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace handoff::rules {

namespace {

// "None of the 3 criteria has a measure", "The criterion has no measure": counted as a reader
// would count them.
std::string no_measure_in(const Field& f) {
  std::size_t n = criteria(f).size();
  return n == 1 ? std::string("The criterion has no measure")
                : fmt::format("None of the {} criteria has a measure", n);
}

}  // namespace

void check_success_measure(CheckContext& ctx) {
  const Field& f = field(ctx);
  if (has_measure(ctx, text::tokens_of(f.text))) return;
  ctx.report(f.pos, fmt::format("{}: add a number with a unit, or a target to reach from today's "
                                "value.",
                                no_measure_in(f)));
}

void check_success_generic(CheckContext& ctx) {
  const Field& f = field(ctx);
  const Tokens& tokens = text::tokens_of(f.text);
  if (has_measure(ctx, tokens)) return;
  auto generic = phrases(ctx, lists::generic_outcomes).find_first(tokens);
  if (!generic) return;
  ctx.report(f.pos, fmt::format("\"{}\" is an outcome every deal has: say how the champion will "
                                "measure it, from what, to what, by when.",
                                matched_text(f.text, tokens, *generic)));
}

void check_success_baseline(CheckContext& ctx) {
  const Field& f = field(ctx);
  const Tokens& tokens = text::tokens_of(f.text);
  // Without a measure there is no baseline to ask for; HL605 asks for the measure.
  if (!has_measure(ctx, tokens) || phrases(ctx, lists::baseline_words).find_first(tokens)) return;
  ctx.report(f.pos,
             "Say where each measure starts today (\"from 3 weeks to under 10 days\"), so "
             "progress can be shown.");
}

void check_success_deadline(CheckContext& ctx) {
  const Field& f = field(ctx);
  if (has_time_reference(ctx, text::tokens_of(f.text))) return;
  ctx.report(f.pos, "Add the date or deadline by which the champion will judge success.");
}

namespace {
constexpr std::string_view kGoodSuccess = R"yaml(account: Halvorsen Freight
success_criteria: >
  Ines wants on-time deliveries back from 88% to 95% by the end of Q2, and the
  dispatch team fully off the old board by 2026-06-30.
)yaml";
}  // namespace

const RuleText kHL601 = {
    "The record has no success criteria field.",
    "Without the champion's own definition of success, the success plan tracks generic product "
    "milestones and the first review reveals the wrong things were measured.",
    R"yaml(account: Halvorsen Freight
buying_motivation: Their dispatch board crashed during the November peak.
)yaml",
    kGoodSuccess,
};

const RuleText kHL602 = {
    "The success criteria field is there but holds no text.",
    "The 90-day plan is built on these criteria; an empty field leaves the plan guessing.",
    R"yaml(account: Halvorsen Freight
success_criteria: ""
)yaml",
    kGoodSuccess,
};

const RuleText kHL603 = {
    "The success criteria are only a placeholder (TBD, same as above, a template prompt...).",
    "\"Same as above\" usually points at the buying motivation, which says why they bought, "
    "not how they will judge the result.",
    R"yaml(account: Halvorsen Freight
success_criteria: Same as above.
)yaml",
    kGoodSuccess,
};

const RuleText kHL604 = {
    "The success criteria have fewer words than categories.success_criteria.min_words.",
    "A measurable criterion has a metric, a baseline, a target and a date; that takes more "
    "than a few words.",
    R"yaml(account: Halvorsen Freight
success_criteria: Faster dispatching.
)yaml",
    kGoodSuccess,
};

const RuleText kHL605 = {
    "The success criteria hold no measure: no number with a unit, no target.",
    "\"Faster\" cannot be checked at a review; \"from 88% to 95%\" can, and it tells the CSM "
    "how far there is to go.",
    R"yaml(account: Halvorsen Freight
success_criteria: >
  Ines will call it a success when dispatchers stop using the old board and the
  COO gets a live delivery dashboard by the end of Q2.
)yaml",
    kGoodSuccess,
};

const RuleText kHL606 = {
    "The success criteria give no date or deadline.",
    "The champion judges success at a moment they have in mind; the CSM has to plan backwards "
    "from it.",
    R"yaml(account: Halvorsen Freight
success_criteria: >
  Ines wants on-time deliveries back from 88% to 95% and dispatch overtime cut by
  a third.
)yaml",
    kGoodSuccess,
};

const RuleText kHL607 = {
    "The success criteria are generic outcomes (\"adoption\", \"ROI\", \"go live\", \"happy "
    "customer\") with no measure anywhere. A digit alone is not a measure: \"2 goals\" counts "
    "nothing, and neither does \"100% adoption\".",
    "Every deal wants adoption and ROI; the champion judges this one by something specific. "
    "Without it the 90-day plan tracks product milestones and the first review measures the "
    "wrong thing.",
    R"yaml(account: Halvorsen Freight
success_criteria: >
  2 goals: good adoption across the dispatch team and a clear return on
  investment, with a smooth go-live and a happy customer.
)yaml",
    kGoodSuccess,
};

const RuleText kHL608 = {
    "The success criteria have a measure but no starting point: no \"from\", \"today\", "
    "\"currently\" or other baseline.",
    "\"Under 10 days\" is a target; \"from 3 weeks to under 10 days\" is also the size of "
    "the gap, which tells the CSM how ambitious the target is and lets them show progress.",
    R"yaml(account: Halvorsen Freight
success_criteria: >
  Ines wants on-time deliveries at 95% or better by the end of Q2, and the dispatch
  team fully off the old board by 2026-06-30.
)yaml",
    kGoodSuccess,
};

}  // namespace handoff::rules

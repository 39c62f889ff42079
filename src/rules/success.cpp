// HL6xx success_criteria: how the champion will judge success, measured, by when.
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace handoff::rules {

void check_success_measure(CheckContext& ctx) {
  const Field& f = field(ctx);
  if (has_measure(ctx, text::tokenize(f.text))) return;
  ctx.report(f.pos, "Add a measure: a number with a unit, or a target to reach from today's value.");
}

void check_success_deadline(CheckContext& ctx) {
  const Field& f = field(ctx);
  if (has_time_reference(ctx, text::tokenize(f.text))) return;
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

}  // namespace handoff::rules

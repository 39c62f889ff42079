// HL9xx load and meta findings. The loaders and the engine emit these directly (their rows in
// the table have no check); the texts here document them for `rules`, `explain` and docs.
#include "rules/rules.hpp"

namespace handoff::rules {
namespace {

constexpr std::string_view kCleanRecord = R"yaml(account: Halvorsen Freight
acv: $38,500
close_date: 2026-03-17
ae: Oskar Lindqvist
csm: Noor Haddad
buying_motivation: >
  Their dispatch board crashed during the November peak and two retail clients
  threatened to leave. The COO gave Ines Calloway until the end of Q2 to get on-time
  delivery back above 95%.
champion_profile: >
  Ines Calloway, VP Operations, built the business case and fought the CFO for
  budget. She is personally on the hook: her bonus this year is tied to on-time
  delivery.
promises_commitments:
  - Promised a sandbox tenant with their routing data loaded by 2026-04-10.
  - Agreed that our solutions architect joins the kickoff call in week one.
red_flags_risks:
  - Hugo Tanaka, the IT manager, worries about the SSO rollout; a joint review is
    scheduled for week two and still open.
  - Finance pushed back on the per-seat price; handled with a 12-month term instead of 24.
political_landscape: >
  The CFO, Tomasz Wren, was skeptical and lost the budget argument to Ines; he will
  watch every change order. Hugo Tanaka in IT is neutral but was overruled on the
  vendor choice.
success_criteria: >
  Ines wants on-time deliveries back from 88% to 95% by the end of Q2, and the
  dispatch team fully off the old board by 2026-06-30.
communication_style: >
  Ines prefers Slack for quick questions and a weekly 20-minute check-in on Tuesdays;
  she dislikes long status decks. Email only for anything contractual.
)yaml";

}  // namespace

const RuleText kHL900 = {
    "The record could not be read (malformed input, a size limit, invalid UTF-8...). Its gate "
    "is \"error\" and no other rule runs.",
    "A record that cannot be read cannot be judged; the message names the line to fix.",
    R"yaml(account: Halvorsen Freight
buying_motivation: [Their dispatch board crashed during the November peak
)yaml",
    kCleanRecord,
};

const RuleText kHL901 = {
    "A key, heading or label does not name any known field (see `aliases` in the config).",
    "Text under an unknown label is not checked; a typo can hide a whole answer from the "
    "linter and from the CSM's template.",
    R"yaml(account: Halvorsen Freight
deal_vibes: Warm, they liked the demo.
)yaml",
    kCleanRecord,
};

const RuleText kHL902 = {
    "The same field is given twice (directly or through two aliases); the first value is kept.",
    "Two answers to one question disagree sooner or later, and the reader sees only one.",
    R"yaml(account: Halvorsen Freight
motivation: Their dispatch board crashed during the November peak.
buying_motivation: Two retail clients threatened to leave.
)yaml",
    kCleanRecord,
};

const RuleText kHL903 = {
    "A `handoff-lint: disable=...` comment gives no reason after `--`. It still suppresses; "
    "set HL903 to error to require reasons.",
    "A suppression is a decision someone has to be able to review later; the reason is that "
    "review.",
    R"yaml(# handoff-lint: disable=HL804
account: Halvorsen Freight
acv: $38,500
close_date: 2026-03-17
)yaml",
    R"yaml(# handoff-lint: disable=HL804 -- the AE left; the sales manager answers questions
account: Halvorsen Freight
acv: $38,500
close_date: 2026-03-17
)yaml",
};

const RuleText kHL904 = {
    "A suppression names a rule that did not fire in its scope (or is not a rule code).",
    "Stale suppressions outlive the problem they covered and would silently hide the next one.",
    R"yaml(# handoff-lint: disable=HL804 -- the AE left; the sales manager answers questions
account: Halvorsen Freight
acv: $38,500
close_date: 2026-03-17
ae: Oskar Lindqvist
)yaml",
    R"yaml(# handoff-lint: disable=HL804 -- the AE left; the sales manager answers questions
account: Halvorsen Freight
acv: $38,500
close_date: 2026-03-17
)yaml",
};

const RuleText kHL905 = {
    "The record has more findings than limits.max_findings_per_record; the rest are counted, "
    "not shown.",
    "A record with hundreds of findings needs rewriting, not reading; the count says how far "
    "it is from done. The gate still counts every finding.",
    R"yaml(# With `limits: {max_findings_per_record: 3}` in .handoff-lint.yaml:
account: Halvorsen Freight
)yaml",
    kCleanRecord,
};

}  // namespace handoff::rules

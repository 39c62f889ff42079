// HL1xx buying_motivation: the real reason they bought now.
#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace handoff::rules {

void check_motivation_trigger(CheckContext& ctx) {
  const Field& f = field(ctx);
  const Tokens& tokens = text::tokens_of(f.text);
  if (phrases(ctx, lists::triggers).find_first(tokens)) return;
  if (auto generic = phrases(ctx, lists::generic_motivation).find_first(tokens)) {
    ctx.report(f.pos, fmt::format("\"{}\" is a generic goal: name the event that made it urgent, "
                                  "or what is at stake if nothing changes.",
                                  matched_text(f.text, tokens, *generic)));
    return;
  }
  ctx.report(f.pos,
             "Name the event that triggered the purchase, or what is at stake if nothing changes.");
}

void check_motivation_reason(CheckContext& ctx) {
  const Field& f = field(ctx);
  const Tokens& tokens = text::tokens_of(f.text);
  const text::PhraseMatcher& triggers = phrases(ctx, lists::triggers);
  // A reason is stated, not labelled: "Regulatory requirement." names a topic, not an event.
  // A full date ("loses support on 2026-08-31") is an event or a deadline either way.
  for (const text::Span& s : text::sentences(tokens)) {
    if (s.end - s.begin < kStatementWords) continue;
    if (triggers.find_first(tokens, s.begin, s.end) || has_deadline(ctx, tokens, s.begin, s.end) ||
        has_full_date(tokens, s.begin, s.end))
      return;
  }
  if (auto generic = phrases(ctx, lists::generic_motivation).find_first(tokens)) {
    ctx.report(f.pos, fmt::format("\"{}\" is the stated use case, not the reason they bought: "
                                  "say what happened, what deadline they face, or what is at "
                                  "stake.",
                                  matched_text(f.text, tokens, *generic)));
    return;
  }
  ctx.report(f.pos,
             "This says what they bought, not why now: add the event, the deadline or what is at "
             "stake that made them buy.");
}

void check_motivation_timeframe(CheckContext& ctx) {
  const Field& f = field(ctx);
  if (has_time_reference(ctx, text::tokens_of(f.text))) return;
  ctx.report(f.pos, "Add the time frame: the deadline or date that makes this urgent.");
}

const RuleText kHL101 = {
    "The record has no buying motivation field.",
    "Without the real reason they bought, the CSM plans the kickoff around the stated use case "
    "and misses what the customer is trying to protect or prove.",
    R"yaml(account: Halvorsen Freight
champion_profile: Ines Calloway, VP Operations, is personally on the hook for on-time delivery.
)yaml",
    R"yaml(account: Halvorsen Freight
buying_motivation: >
  Their dispatch board crashed during the November peak and two retail clients
  threatened to leave. The COO gave Ines Calloway until the end of Q2 to get on-time
  delivery back above 95%.
)yaml",
};

const RuleText kHL102 = {
    "The buying motivation field is there but holds no text.",
    "An empty answer looks filled in at a glance; the CSM only finds the gap on the call.",
    R"yaml(account: Halvorsen Freight
buying_motivation: ""
)yaml",
    R"yaml(account: Halvorsen Freight
buying_motivation: >
  Their dispatch board crashed during the November peak and two retail clients
  threatened to leave. The COO gave Ines Calloway until the end of Q2 to get on-time
  delivery back above 95%.
)yaml",
};

const RuleText kHL103 = {
    "The buying motivation is only a placeholder (TBD, see CRM, a template prompt...).",
    "\"I'll tell them on the call\" defers the context to a call that happens weeks later, "
    "from a faded memory; the record is the only copy that survives.",
    R"yaml(account: Halvorsen Freight
buying_motivation: TBD - will cover on the call
)yaml",
    R"yaml(account: Halvorsen Freight
buying_motivation: >
  Their dispatch board crashed during the November peak and two retail clients
  threatened to leave. The COO gave Ines Calloway until the end of Q2 to get on-time
  delivery back above 95%.
)yaml",
};

const RuleText kHL104 = {
    "The buying motivation has fewer words than categories.buying_motivation.min_words.",
    "A one-line motivation is almost always the official use case; the trigger, the deadline "
    "and the stakes take a few sentences.",
    R"yaml(account: Halvorsen Freight
buying_motivation: Dispatch board kept crashing during peak.
)yaml",
    R"yaml(account: Halvorsen Freight
buying_motivation: >
  Their dispatch board crashed during the November peak and two retail clients
  threatened to leave. The COO gave Ines Calloway until the end of Q2 to get on-time
  delivery back above 95%.
)yaml",
};

const RuleText kHL105 = {
    "The buying motivation names no trigger event or stake, only generic goals.",
    "\"Improve efficiency\" fits every deal. The event that forced the purchase, and what is "
    "lost if nothing changes, tell the CSM what the customer needs to see first.",
    R"yaml(account: Halvorsen Freight
buying_motivation: >
  They want to improve efficiency and streamline processes across the dispatch
  team, and leadership sees this as part of a wider digital transformation effort
  starting next quarter.
)yaml",
    R"yaml(account: Halvorsen Freight
buying_motivation: >
  Their dispatch board crashed during the November peak and two retail clients
  threatened to leave. The COO gave Ines Calloway until the end of Q2 to get on-time
  delivery back above 95%.
)yaml",
};

const RuleText kHL107 = {
    "The buying motivation gives no reason at all: no trigger event, no stake and no deadline "
    "in any sentence, only the stated use case.",
    "\"Streamline processes\" is what the CRM already says. The CSM needs what the customer is "
    "trying to protect or prove: the event that forced the purchase, the date they face, or "
    "what is lost if nothing changes. Without one of them the kickoff is planned around the "
    "wrong goal. A label (\"Regulatory requirement.\") does not count: the reason has to be "
    "stated in a sentence.",
    R"yaml(account: Halvorsen Freight
buying_motivation: >
  Halvorsen wants to streamline processes and improve visibility across the
  dispatch team as part of a wider digital transformation effort this year.
)yaml",
    R"yaml(account: Halvorsen Freight
buying_motivation: >
  Their dispatch board crashed during the November peak and two retail clients
  threatened to leave. The COO gave Ines Calloway until the end of Q2 to get on-time
  delivery back above 95%.
)yaml",
};

const RuleText kHL106 = {
    "The buying motivation gives no time frame: no date, quarter, milestone or duration.",
    "The deadline sets the pace of onboarding; a CSM who does not know it plans a standard "
    "rollout for a customer who needed results by a fixed date.",
    R"yaml(account: Halvorsen Freight
buying_motivation: >
  Their dispatch board crashed twice under peak load and two retail clients
  threatened to leave, so the COO wants a replacement the dispatchers trust.
)yaml",
    R"yaml(account: Halvorsen Freight
buying_motivation: >
  Their dispatch board crashed during the November peak and two retail clients
  threatened to leave. The COO gave Ines Calloway until the end of Q2 to get on-time
  delivery back above 95%.
)yaml",
};

}  // namespace handoff::rules

// HL4xx red_flags_risks: objections overcome but not resolved, who raised them, how handled.
#include <unordered_set>

#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace handoff::rules {

void check_risk_handling(CheckContext& ctx) {
  const text::PhraseMatcher& handling = phrases(ctx, lists::handling_words);
  for (const TextItem& item : text::field_items(field(ctx))) {
    if (handling.find_first(text::tokenize(item.text))) continue;
    ctx.report(item.pos, fmt::format("Say how \"{}\" was handled or where it stands now.",
                                     text::excerpt(item.text)));
  }
}

void check_risk_source(CheckContext& ctx) {
  std::unordered_set<std::string> known;
  text::NameRules names = name_rules(ctx, known);
  for (const TextItem& item : text::field_items(field(ctx))) {
    Tokens tokens = text::tokenize(item.text);
    if (names_person_or_role(ctx, tokens, 0, tokens.size(), names)) continue;
    ctx.report(item.pos, fmt::format("Say who raised \"{}\": a name or a role.",
                                     text::excerpt(item.text)));
  }
}

namespace {
constexpr std::string_view kGoodRisks = R"yaml(account: Halvorsen Freight
red_flags_risks:
  - Hugo Tanaka, the IT manager, worries about the SSO rollout; a joint review is
    scheduled for week two and still open.
  - Finance pushed back on the per-seat price; handled with a 12-month term instead of 24.
)yaml";
}  // namespace

const RuleText kHL401 = {
    "The record has no red flags and risks field.",
    "Objections that were overcome but not resolved come back at the first snag; the CSM who "
    "knows them can address them before the customer raises them again.",
    R"yaml(account: Halvorsen Freight
buying_motivation: Their dispatch board crashed during the November peak.
)yaml",
    kGoodRisks,
};

const RuleText kHL402 = {
    "The red flags and risks field is there but holds no text.",
    "Every deal has objections; an empty field means they were not written down, not that "
    "there were none.",
    R"yaml(account: Halvorsen Freight
red_flags_risks: ""
)yaml",
    kGoodRisks,
};

const RuleText kHL403 = {
    "The red flags field is only a placeholder (TBD, N/A, a template prompt...).",
    "A placeholder hides exactly the concerns that will resurface during implementation.",
    R"yaml(account: Halvorsen Freight
red_flags_risks:
  - <Concern, who holds it, how it was handled or what to watch for>
)yaml",
    kGoodRisks,
};

const RuleText kHL404 = {
    "The red flags field has fewer words than categories.red_flags_risks.min_words.",
    "\"Pricing concerns\" names a topic; the CSM also needs who raised it and how it was left.",
    R"yaml(account: Halvorsen Freight
red_flags_risks: Pricing concerns from finance.
)yaml",
    kGoodRisks,
};

const RuleText kHL405 = {
    "A risk does not say how it was handled or where it stands now.",
    "\"Resolved\" in a sales cycle often means \"they signed anyway\"; the state of each "
    "objection tells the CSM whether to expect it again.",
    R"yaml(account: Halvorsen Freight
red_flags_risks:
  - Hugo Tanaka, the IT manager, worries about the SSO rollout and how it fits their directory.
)yaml",
    kGoodRisks,
};

const RuleText kHL406 = {
    "A risk does not say who raised it: no name and no role.",
    "An objection belongs to a person; the CSM has to know whom to reassure and who will be "
    "watching.",
    R"yaml(account: Halvorsen Freight
red_flags_risks:
  - Concern about the SSO rollout; a joint review is scheduled for week two.
)yaml",
    kGoodRisks,
};

}  // namespace handoff::rules

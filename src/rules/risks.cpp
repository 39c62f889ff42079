// HL4xx red_flags_risks: objections overcome but not resolved, who raised them, how handled.
#include <fmt/format.h>

#include <unordered_set>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace handoff::rules {

void check_risk_handling(CheckContext& ctx) {
  const text::PhraseMatcher& handling = phrases(ctx, lists::handling_words);
  for (const text::ItemView& item : text::field_items(field(ctx))) {
    const Tokens& tokens = text::tokens_of(item);
    // "updating it by February": a date it will be dealt with by is a state too.
    if (handling.find_first(tokens) || has_deadline(ctx, tokens, 0, tokens.size())) continue;
    ctx.report(item.pos, fmt::format("Say how \"{}\" was handled or where it stands now.",
                                     text::excerpt(item.text)));
  }
}

void check_risk_source(CheckContext& ctx) {
  const text::NameRules& names = record_name_rules(ctx);
  for (const text::ItemView& item : text::field_items(field(ctx))) {
    const Tokens& tokens = text::tokens_of(item);
    if (names_person_or_role(ctx, tokens, 0, tokens.size(), names)) continue;
    ctx.report(item.pos,
               fmt::format("Say who raised \"{}\": a name or a role.", text::excerpt(item.text)));
  }
}

void check_risk_generic(CheckContext& ctx) {
  const text::NameRules& names = record_name_rules(ctx);
  const text::PhraseMatcher& generic = phrases(ctx, lists::generic_risks);
  for (const text::ItemView& item : text::field_items(field(ctx))) {
    const Tokens& tokens = text::tokens_of(item);
    if (!generic.find_first(tokens) || text::has_name(tokens, 0, tokens.size(), names) ||
        has_checkable_detail(ctx, tokens))
      continue;
    ctx.report(item.pos, fmt::format("\"{}\" fits any deal: name the actual concern, who holds "
                                     "it, and where it stands.",
                                     text::excerpt(item.text)));
  }
}

void check_risks_deny_politics(CheckContext& ctx) {
  const Record& rec = ctx.record();
  const Field& risks = rec.field(Category::red_flags_risks);
  if (!risks.present || is_blank(risks)) return;  // HL401 and HL402 speak for these
  const Tokens& said = text::tokens_of(text::strip_angle_prompts(risks.text));
  if (said.empty() || phrases(ctx, lists::no_risks).longest_at(said, 0) == 0) return;
  const Field& politics = rec.field(Category::political_landscape);
  const text::NameRules& names = record_name_rules(ctx);
  const text::PhraseMatcher& opposing = phrases(ctx, lists::opposing_stances);
  const Tokens& tokens = text::tokens_of(politics.text);
  for (const text::Span& s : text::sentences(tokens)) {
    if (!opposing.find_first(tokens, s.begin, s.end) ||
        !names_person_or_role(ctx, tokens, s.begin, s.end, names))
      continue;
    const Token& first = tokens[s.begin];
    std::string_view sentence = std::string_view(politics.text).substr(first.offset);
    ctx.report(risks.pos, fmt::format("Red flags say there are none, but the political landscape "
                                      "names resistance (\"{}\"): list it here, with how it is "
                                      "handled.",
                                      text::excerpt(sentence, 60)));
    return;
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

const RuleText kHL407 = {
    "Red flags say there are none (\"None\", \"No real risks\"...) while the political "
    "landscape names someone skeptical, opposed, overruled or blocking. A deal-level "
    "consistency finding: it scores nothing, the other red-flag rules score the field.",
    "A skeptic who lost the argument is the most likely source of trouble in implementation. "
    "\"No risks\" next to a named opponent tells the CSM the field was not thought through.",
    R"yaml(account: Halvorsen Freight
red_flags_risks: None.
political_landscape: >
  The CFO, Tomasz Wren, was skeptical and lost the budget argument to Ines; he will
  watch every change order.
)yaml",
    R"yaml(account: Halvorsen Freight
red_flags_risks:
  - The CFO, Tomasz Wren, lost the budget argument and will watch every change order;
    we agreed to send him a monthly cost summary.
political_landscape: >
  The CFO, Tomasz Wren, was skeptical and lost the budget argument to Ines; he will
  watch every change order.
)yaml",
};

const RuleText kHL408 = {
    "A risk is boilerplate (\"as with any project, some adoption risk\", \"the usual change "
    "management\"): a generic concern with no person, date or figure. Reported at its line.",
    "Every rollout has adoption risk; the CSM needs the concern this customer raised, who "
    "raised it, and how it was left, to walk into kickoff ready for it.",
    R"yaml(account: Halvorsen Freight
red_flags_risks:
  - As with any new system there is some adoption risk, and the team will need
    to manage change carefully; we will keep an eye on it together.
)yaml",
    kGoodRisks,
};

}  // namespace handoff::rules

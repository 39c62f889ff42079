// HL2xx champion_profile: who drove the deal and what they personally stake on it.
#include <unordered_set>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace handoff::rules {

void check_champion_named(CheckContext& ctx) {
  const Field& f = field(ctx);
  const text::NameRules& names = record_name_rules(ctx);
  const Tokens& tokens = text::tokens_of(f.text);
  if (text::has_name(tokens, 0, tokens.size(), names)) return;
  ctx.report(f.pos, "Name the champion as a person (first and last name), not only by title.");
}

void check_champion_stake(CheckContext& ctx) {
  const Field& f = field(ctx);
  if (phrases(ctx, lists::stakes).find_first(text::tokens_of(f.text))) return;
  ctx.report(f.pos,
             "Say what the champion personally stakes on this deal: a goal, a target, "
             "their credibility.");
}

void check_champion_role(CheckContext& ctx) {
  const Field& f = field(ctx);
  const Tokens& tokens = text::tokens_of(f.text);
  if (phrases(ctx, lists::role_words).find_first(tokens) ||
      phrases(ctx, lists::role_verbs).find_first(tokens))
    return;
  // "Paz Ferreira, studio manager": whatever follows the name after a comma is its title.
  const text::NameRules& names = record_name_rules(ctx);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::size_t len = text::name_at(tokens, i, names);
    if (len == 0) continue;
    const Token& last = tokens[i + len - 1];
    if ((last.next_char == ',' || last.next_char == '(') && i + len < tokens.size()) return;
    i += len - 1;
  }
  ctx.report(f.pos, "Give the champion's title or role: what they run or answer for.");
}

namespace {
constexpr std::string_view kGoodChampion = R"yaml(account: Halvorsen Freight
champion_profile: >
  Ines Calloway, VP Operations, built the business case and fought the CFO for
  budget. She is personally on the hook: her bonus this year is tied to on-time
  delivery.
)yaml";
}  // namespace

const RuleText kHL201 = {
    "The record has no champion profile field.",
    "The champion is the CSM's first ally; without a name and a stake the CSM cannot protect "
    "them or even find them.",
    R"yaml(account: Halvorsen Freight
buying_motivation: Their dispatch board crashed during the November peak.
)yaml",
    kGoodChampion,
};

const RuleText kHL202 = {
    "The champion profile field is there but holds no text.",
    "An empty champion field means the CSM meets the most important person on the account "
    "as a stranger.",
    R"yaml(account: Halvorsen Freight
champion_profile: ""
)yaml",
    kGoodChampion,
};

const RuleText kHL203 = {
    "The champion profile is only a placeholder (TBD, see CRM, a template prompt...).",
    "\"See CRM\" points to a contact record that holds a title, not what the person is "
    "fighting for.",
    R"yaml(account: Halvorsen Freight
champion_profile: See CRM
)yaml",
    kGoodChampion,
};

const RuleText kHL204 = {
    "The champion profile has fewer words than categories.champion_profile.min_words.",
    "A name and a title fit in five words; what the champion risks and wants does not.",
    R"yaml(account: Halvorsen Freight
champion_profile: Ines Calloway, VP Operations.
)yaml",
    kGoodChampion,
};

const RuleText kHL205 = {
    "The champion profile names no person, only a title or a team.",
    "\"The VP\" cannot be greeted on a kickoff call or found in an org chart after a "
    "reorganisation; a name can.",
    R"yaml(account: Halvorsen Freight
champion_profile: >
  The VP of Operations drove the purchase and fought the CFO for budget; she is
  personally on the hook for on-time delivery this year.
)yaml",
    kGoodChampion,
};

const RuleText kHL206 = {
    "The champion profile does not say what the champion personally stakes on the deal.",
    "A champion under pressure needs early, visible wins; knowing their stake tells the CSM "
    "which win to deliver first.",
    R"yaml(account: Halvorsen Freight
champion_profile: >
  Ines Calloway, VP Operations, ran the evaluation and chose us over two other
  vendors after the pilot.
)yaml",
    kGoodChampion,
};

const RuleText kHL207 = {
    "The champion profile gives no title or role for the champion.",
    "The same name means different things as \"office manager\" and as \"COO\": the role says "
    "what the champion can decide, whom they answer to, and which wins they can show.",
    R"yaml(account: Halvorsen Freight
champion_profile: >
  Ines Calloway drove the purchase and fought hard for the budget. She is
  personally on the hook: her bonus this year is tied to on-time delivery.
)yaml",
    kGoodChampion,
};

}  // namespace handoff::rules

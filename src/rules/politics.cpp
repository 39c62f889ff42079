// HL5xx political_landscape: who lost the budget battle, who is skeptical or blocking.
#include <unordered_set>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace handoff::rules {

void check_politics_stance(CheckContext& ctx) {
  const Field& f = field(ctx);
  const text::NameRules& names = record_name_rules(ctx);
  const text::PhraseMatcher& stances = phrases(ctx, lists::stances);
  // The person and the stance must share a sentence: "the CFO was skeptical".
  for (const text::ItemView& item : text::field_items(f)) {
    const Tokens& tokens = text::tokens_of(item);
    for (const text::Span& s : text::sentences(tokens))
      if (stances.find_first(tokens, s.begin, s.end) &&
          names_person_or_role(ctx, tokens, s.begin, s.end, names))
        return;
  }
  ctx.report(f.pos,
             "Say who stands where, by name or role: skeptical, opposed, overruled, "
             "neutral or supportive.");
}

void check_politics_named(CheckContext& ctx) {
  const Field& f = field(ctx);
  const text::NameRules& names = record_name_rules(ctx);
  const Tokens& tokens = text::tokens_of(f.text);
  if (text::has_name(tokens, 0, tokens.size(), names)) return;
  ctx.report(f.pos, "Name the people behind the roles, not only their titles.");
}

void check_politics_role(CheckContext& ctx) {
  const Field& f = field(ctx);
  const text::NameRules& names = record_name_rules(ctx);
  std::unordered_set<std::string> with_roles = people_with_roles(ctx);
  bool named = false;
  for (const text::ItemView& item : text::field_items(f)) {
    const Tokens& tokens = text::tokens_of(item);
    for (const text::Span& s : text::sentences(tokens))
      for (std::size_t i = s.begin; i < s.end; ++i) {
        std::size_t len = text::name_at(tokens, i, names);
        if (len == 0) continue;
        if (name_has_role(ctx, tokens, i, len, s, with_roles)) return;
        named = true;
        i += len - 1;
      }
  }
  if (!named) return;  // no one is named at all: HL506 says so
  ctx.report(f.pos,
             "Give the role of the people named (\"Tomasz Wren, CFO\"): what they "
             "control tells the CSM what their stance can block.");
}

namespace {
constexpr std::string_view kGoodPolitics = R"yaml(account: Halvorsen Freight
political_landscape: >
  The CFO, Tomasz Wren, was skeptical and lost the budget argument to Ines; he will
  watch every change order. Hugo Tanaka in IT is neutral but was overruled on the
  vendor choice.
)yaml";
}  // namespace

const RuleText kHL501 = {
    "The record has no political landscape field.",
    "The people who lost the internal argument are still there and still influential; the CSM "
    "needs to know where friction will come from.",
    R"yaml(account: Halvorsen Freight
buying_motivation: Their dispatch board crashed during the November peak.
)yaml",
    kGoodPolitics,
};

const RuleText kHL502 = {
    "The political landscape field is there but holds no text.",
    "An empty answer leaves the CSM to discover the skeptics when they push back in a "
    "steering meeting.",
    R"yaml(account: Halvorsen Freight
political_landscape: ""
)yaml",
    kGoodPolitics,
};

const RuleText kHL503 = {
    "The political landscape is only a placeholder (TBD, as discussed, a template prompt...).",
    "\"As discussed\" refers to a conversation the CSM was not part of.",
    R"yaml(account: Halvorsen Freight
political_landscape: As discussed
)yaml",
    kGoodPolitics,
};

const RuleText kHL504 = {
    "The political landscape has fewer words than categories.political_landscape.min_words.",
    "A few sentences are enough, but \"CFO skeptical\" leaves out what the skepticism is about "
    "and what it will block.",
    R"yaml(account: Halvorsen Freight
political_landscape: CFO Tomasz Wren skeptical.
)yaml",
    kGoodPolitics,
};

const RuleText kHL505 = {
    "No sentence ties a person or role to a stance (skeptical, opposed, overruled, neutral, "
    "supportive...).",
    "A list of names says who was in the room, not who will help or resist during the "
    "implementation.",
    R"yaml(account: Halvorsen Freight
political_landscape: >
  The CFO, Tomasz Wren, and the IT manager, Hugo Tanaka, sat on the evaluation
  committee together with Ines for the whole cycle.
)yaml",
    kGoodPolitics,
};

const RuleText kHL506 = {
    "The political landscape names roles only, no person.",
    "Titles change hands and teams have several directors; a name is what lets the CSM reach "
    "out to the skeptic early.",
    R"yaml(account: Halvorsen Freight
political_landscape: >
  The CFO was skeptical and lost the budget argument; the IT manager is neutral but
  was overruled on the vendor choice.
)yaml",
    kGoodPolitics,
};

const RuleText kHL507 = {
    "People are named in the political landscape, but none with a role: no title next to a "
    "name, no role word in the sentence, and not a key contact or the champion.",
    "A stance matters through what the person controls: a skeptical CFO holds change orders, "
    "a skeptical team lead holds adoption. A bare name does not tell the CSM which.",
    R"yaml(account: Halvorsen Freight
political_landscape: >
  Tomasz Wren was skeptical and lost the budget argument; he will watch every
  change order. Hugo Tanaka is neutral but was overruled on the choice of tool.
)yaml",
    kGoodPolitics,
};

}  // namespace handoff::rules

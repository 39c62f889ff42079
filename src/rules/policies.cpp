// HL806-HL809 deal-level policies: what a bigger or more political deal should add, and
// whether the record can be read before kickoff. Warnings (HL807 info) by default: they
// describe the record as a whole and never fail the gate unless a team raises them.
#include <fmt/format.h>

#include <string>
#include <unordered_set>
#include <vector>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace handoff::rules {

std::size_t open_risk_items(const CheckContext& ctx) {
  const text::PhraseMatcher& open = phrases(ctx, lists::open_risks);
  std::size_t count = 0;
  for (const text::ItemView& item :
       text::field_items(ctx.record().field(Category::red_flags_risks)))
    if (open.find_first(text::tokens_of(item))) ++count;
  return count;
}

std::size_t resistance_sentences(const CheckContext& ctx) {
  const text::NameRules& names = record_name_rules(ctx);
  const text::PhraseMatcher& opposing = phrases(ctx, lists::opposing_stances);
  std::size_t count = 0;
  for (const text::ItemView& item :
       text::field_items(ctx.record().field(Category::political_landscape))) {
    const Tokens& tokens = text::tokens_of(item);
    for (const text::Span& s : text::sentences(tokens))
      if (opposing.find_first(tokens, s.begin, s.end) &&
          names_person_or_role(ctx, tokens, s.begin, s.end, names))
        ++count;
  }
  return count;
}

void check_enrichment(CheckContext& ctx) {
  const Record& rec = ctx.record();
  std::optional<double> acv = acv_amount(rec.header);
  bool big = acv && *acv > kEnrichmentAcv;
  bool complex_people = resistance_sentences(ctx) >= kHandoffCallResistance;
  if (!big && !complex_people) return;
  std::vector<std::string_view> missing;
  if (rec.key_contacts.empty()) missing.push_back("key contacts");
  if (is_blank(rec.competitive_context)) missing.push_back("competitive context");
  if (is_blank(rec.relationship_history)) missing.push_back("relationship history");
  if (missing.empty()) return;
  std::string why =
      big ? fmt::format("ACV {} is over {}", format_amount(*acv), format_amount(kEnrichmentAcv))
          : std::string("the political landscape names several opponents");
  ctx.report(big ? rec.header.acv.pos : rec.field(Category::political_landscape).pos,
             fmt::format("Add {} ({}): a deal like this needs more than the seven fields.",
                         fmt::join(missing, ", "), why));
}

void check_contacts_cover_people(CheckContext& ctx) {
  const Record& rec = ctx.record();
  if (rec.key_contacts.empty()) return;  // no list to complete; HL806 asks for one
  std::unordered_set<std::string> listed;
  for (const Contact& c : rec.key_contacts) text::add_name_words(c.name, listed);
  // The champion is the person the contacts go "beyond".
  std::unordered_set<std::string> champion;
  text::add_name_words(text::tokens_of(rec.field(Category::champion_profile).text), champion);
  const text::NameRules& names = record_name_rules(ctx);
  std::vector<std::string> absent;  // in the order the record names them
  std::unordered_set<std::string> seen;
  for (Category c : {Category::red_flags_risks, Category::political_landscape}) {
    const Field& f = rec.field(c);
    const Tokens& tokens = text::tokens_of(f.text);
    for (const std::string& name : text::full_names(f.text, tokens, names)) {
      bool covered = false;
      for (const Token& w : text::tokens_of(name))
        covered =
            covered || listed.count(std::string(w.lower)) || champion.count(std::string(w.lower));
      if (!covered && seen.insert(name).second) absent.push_back(name);
    }
  }
  if (absent.empty()) return;
  ctx.report(rec.key_contacts_pos,
             fmt::format("Add to key contacts the people named in red flags or politics: {}.",
                         fmt::join(absent, ", ")));
}

void check_reading_time(CheckContext& ctx) {
  const Record& rec = ctx.record();
  std::size_t words = 0;
  for (const Field& f : rec.fields) words += text::words_of(f.text);
  for (const Field* f : {&rec.competitive_context, &rec.relationship_history, &rec.handoff_call})
    words += text::words_of(f->text);
  for (const Contact& c : rec.key_contacts) words += text::count_words(c.name + " " + c.role);
  auto limit = static_cast<std::size_t>(kReadingWordsPerMinute * kReadingMinutes);
  if (words <= limit) return;
  std::size_t minutes = (words + kReadingWordsPerMinute - 1) / kReadingWordsPerMinute;
  ctx.report({}, fmt::format("About {} minutes to read ({} words at {} a minute): too long to "
                             "read before kickoff. Keep what the CSM must act on.",
                             minutes, words, kReadingWordsPerMinute));
}

void check_one_sentence_fields(CheckContext& ctx) {
  const Record& rec = ctx.record();
  std::size_t summaries = 0;
  for (const Field& f : rec.fields) {
    if (!f.present || is_blank(f)) continue;
    const Tokens& tokens = text::tokens_of(f.text);
    if (tokens.size() < kSummaryWords && text::sentences(tokens).size() <= 1) ++summaries;
  }
  if (summaries < kSummaryFields) return;
  ctx.report({}, fmt::format("{} of the 7 fields are one-sentence summaries: the CSM will have "
                             "to ask the customer what the AE already knows.",
                             summaries));
}

namespace {
constexpr std::string_view kCleanHeader = R"yaml(account: Halvorsen Freight
acv: $38,500
close_date: 2026-03-17
ae: Oskar Lindqvist
)yaml";
}  // namespace

const RuleText kHL806 = {
    "A deal over 50,000 ACV, or whose political landscape names resistance in three or more "
    "sentences, lacks key contacts, competitive context or relationship history.",
    "Bigger and more political deals involve more people and more history than the seven "
    "fields hold: who else attends kickoff, which competitor's claims the customer will quote, "
    "what happened with us before.",
    R"yaml(account: Halvorsen Freight
acv: $84,000
close_date: 2026-03-17
ae: Oskar Lindqvist
)yaml",
    R"yaml(account: Halvorsen Freight
acv: $84,000
close_date: 2026-03-17
ae: Oskar Lindqvist
key_contacts:
  - {name: Ines Calloway, role: VP Operations}
competitive_context: They also looked at RouteWise, which promised a two-week rollout.
relationship_history: First purchase; Ines used our product at her previous company.
)yaml",
};

const RuleText kHL807 = {
    "People named (first and last name) in red flags or the political landscape are missing "
    "from key contacts. Information only; the champion is not expected in the list.",
    "The skeptic in the politics and the person who raised an objection are the ones the CSM "
    "must reach early; a key contacts list without them sends the CSM to the wrong people.",
    R"yaml(account: Halvorsen Freight
political_landscape: >
  The CFO, Tomasz Wren, was skeptical and lost the budget argument; he will watch
  every change order.
key_contacts:
  - {name: Ines Calloway, role: VP Operations}
)yaml",
    R"yaml(account: Halvorsen Freight
political_landscape: >
  The CFO, Tomasz Wren, was skeptical and lost the budget argument; he will watch
  every change order.
key_contacts:
  - {name: Ines Calloway, role: VP Operations}
  - {name: Tomasz Wren, role: CFO}
)yaml",
};

const RuleText kHL808 = {
    "The record takes more than 10 minutes to read, at 220 words a minute (over 2,200 words).",
    "A record the CSM cannot read before kickoff is skimmed, and the one commitment that "
    "mattered is missed. Length is not thoroughness.",
    R"yaml(# Any record of more than 2,200 words in its fields, for instance a pasted call
# transcript in buying_motivation.
account: Halvorsen Freight
buying_motivation: >
  ...
)yaml",
    kCleanHeader,
};

const RuleText kHL809 = {
    "At least 6 of the 7 fields are one-sentence summaries (one sentence, under 15 words).",
    "One-line answers are what an AE writes in two minutes at close: each may pass on its own, "
    "but together they hand the CSM a summary, not the context.",
    R"yaml(account: Halvorsen Freight
buying_motivation: They want better dispatch visibility.
champion_profile: Ines Calloway, VP Operations.
promises_commitments: Sandbox by April.
red_flags_risks: IT worried about SSO.
political_landscape: CFO was skeptical.
success_criteria: On-time delivery above 95%.
communication_style: Slack, weekly.
)yaml",
    kCleanHeader,
};

}  // namespace handoff::rules

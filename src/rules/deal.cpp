// HL8xx deal-level facts and policies: the header a CSM needs to find the account, and the
// internal handoff call that larger or more political deals require.
#include <fmt/format.h>

#include <cmath>
#include <string>
#include <vector>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace handoff::rules {
namespace {

// Absent, empty, or still the template's <...> prompt.
bool header_blank(const HeaderValue& h) {
  return !h.present || text::has_no_words(text::strip_angle_prompts(h.text));
}

// The field says no call is needed or planned: blank, a placeholder, or it starts with a
// phrase from `no_handoff_call` ("no", "not yet", "skipped"...).
bool call_declined(const CheckContext& ctx, const Field& call) {
  if (!call.present || is_blank(call)) return true;
  const Tokens& tokens = text::tokens_of(text::strip_angle_prompts(call.text));
  if (tokens.empty()) return true;
  if (phrases(ctx, lists::placeholder).covers(tokens, 0, tokens.size())) return true;
  return phrases(ctx, lists::no_handoff_call).longest_at(tokens, 0) > 0;
}

}  // namespace

// 72500 -> "72,500"; 1234.5 -> "1,234.50".
std::string format_amount(double amount) {
  auto cents = static_cast<long long>(std::llround(std::fabs(amount) * 100));
  std::string whole = std::to_string(cents / 100);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  if (cents % 100 != 0) grouped += fmt::format(".{:02}", cents % 100);
  return (amount < 0 ? "-" : "") + grouped;
}

std::optional<double> acv_amount(const Header& h) {
  if (h.acv_amount) return h.acv_amount;
  if (header_blank(h.acv)) return std::nullopt;
  return parse_money(h.acv.text);
}

void check_account(CheckContext& ctx) {
  if (header_blank(ctx.record().header.account))
    ctx.report(ctx.record().header.account.pos, "Add the account name.");
}

void check_acv(CheckContext& ctx) {
  const Header& h = ctx.record().header;
  if (header_blank(h.acv)) {
    ctx.report(h.acv.pos, "Add the ACV (annual contract value) as an amount, such as 48,000.");
    return;
  }
  if (!acv_amount(h))
    ctx.report(h.acv.pos, fmt::format("Write the ACV as an amount such as 48,000 or $48k; \"{}\" "
                                      "is not one.",
                                      text::excerpt(h.acv.text)));
}

void check_close_date(CheckContext& ctx) {
  const HeaderValue& date = ctx.record().header.close_date;
  if (header_blank(date)) {
    ctx.report(date.pos, "Add the close date as YYYY-MM-DD.");
    return;
  }
  if (!is_iso_date(text::trim(date.text)))
    ctx.report(date.pos, fmt::format("Write the close date as YYYY-MM-DD; \"{}\" is not.",
                                     text::excerpt(date.text)));
}

void check_ae(CheckContext& ctx) {
  if (header_blank(ctx.record().header.ae))
    ctx.report(ctx.record().header.ae.pos, "Name the AE who closed the deal.");
}

namespace {

// "a, b and c".
std::string join_reasons(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

}  // namespace

void check_handoff_call(CheckContext& ctx) {
  const Record& rec = ctx.record();
  if (!call_declined(ctx, rec.handoff_call)) return;
  std::optional<double> acv = acv_amount(rec.header);
  bool big = acv && *acv > kHandoffCallAcv;
  bool crowded = rec.key_contacts.size() > kHandoffCallStakeholders;
  std::size_t open = open_risk_items(ctx);
  std::size_t resistance = resistance_sentences(ctx);
  std::vector<std::string> why;
  if (big)
    why.push_back(
        fmt::format("ACV {} is over {}", format_amount(*acv), format_amount(kHandoffCallAcv)));
  if (crowded)
    why.push_back(fmt::format("{} customer stakeholders are named", rec.key_contacts.size()));
  if (open >= kHandoffCallOpenRisks)
    why.push_back(fmt::format("{} red flags are still open", open));
  if (resistance >= kHandoffCallResistance)
    why.push_back(fmt::format("the political landscape names resistance in {} places", resistance));
  if (why.empty()) return;
  Position pos = rec.handoff_call.present        ? rec.handoff_call.pos
                 : big                           ? rec.header.acv.pos
                 : crowded                       ? rec.key_contacts_pos
                 : open >= kHandoffCallOpenRisks ? rec.field(Category::red_flags_risks).pos
                                                 : rec.field(Category::political_landscape).pos;
  ctx.report(pos, fmt::format("Hold an internal AE-to-CSM handoff call and record it under "
                              "handoff_call: {}.",
                              join_reasons(why)));
}

void check_acv_positive(CheckContext& ctx) {
  const Header& h = ctx.record().header;
  std::optional<double> acv = acv_amount(h);
  if (!acv || *acv > 0) return;
  ctx.report(h.acv.pos, fmt::format("The ACV must be a positive amount; \"{}\" is not.",
                                    text::excerpt(h.acv.text)));
}

void check_close_date_plausible(CheckContext& ctx) {
  const Record& rec = ctx.record();
  std::string_view date = text::trim(rec.header.close_date.text);
  if (!rec.header.close_date.present || !is_iso_date(date)) return;
  std::optional<int> newest = newest_year_mentioned(rec);
  int year =
      (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
  if (!newest || year <= *newest + kCloseDateLeadYears) return;
  ctx.report(rec.header.close_date.pos,
             fmt::format("Close date {} is more than {} years after the newest date the record "
                         "mentions ({}); check it for a typo.",
                         date, kCloseDateLeadYears, *newest));
}

namespace {
constexpr std::string_view kGoodHeader = R"yaml(account: Halvorsen Freight
acv: $38,500
close_date: 2026-03-17
ae: Oskar Lindqvist
csm: Noor Haddad
)yaml";
}  // namespace

const RuleText kHL801 = {
    "The record does not name the account.",
    "Records are filed, searched and audited by account; an unnamed record gets lost.",
    R"yaml(acv: $38,500
close_date: 2026-03-17
ae: Oskar Lindqvist
)yaml",
    kGoodHeader,
};

const RuleText kHL802 = {
    "The ACV is missing or is not an amount (\"67200\", \"$67,200\", \"67.2k\", \"USD 67,200\").",
    "The ACV decides the onboarding track and whether an internal handoff call is required "
    "(HL805); text that is not an amount decides nothing.",
    R"yaml(account: Halvorsen Freight
acv: about sixty thousand
close_date: 2026-03-17
ae: Oskar Lindqvist
)yaml",
    kGoodHeader,
};

const RuleText kHL803 = {
    "The close date is missing or not a real YYYY-MM-DD date.",
    "\"3/4/26\" is March in one office and April in another; an ISO date sorts, compares and "
    "means the same everywhere.",
    R"yaml(account: Halvorsen Freight
acv: $38,500
close_date: March 17th
ae: Oskar Lindqvist
)yaml",
    kGoodHeader,
};

const RuleText kHL804 = {
    "The record does not name the AE.",
    "The CSM's questions go to the AE who closed the deal; the record has to say who that is.",
    R"yaml(account: Halvorsen Freight
acv: $38,500
close_date: 2026-03-17
)yaml",
    kGoodHeader,
};

const RuleText kHL805 = {
    "An internal AE-to-CSM handoff call is required and handoff_call is missing, empty or says "
    "no. Required when the ACV is over 50,000, more than two customer stakeholders are in "
    "key_contacts, at least two red flags are still open (unresolved, deferred, pending...), "
    "or the political landscape ties people to resistance (skeptical, opposed, overruled...) "
    "in at least three sentences. The finding names the conditions that apply.",
    "Larger and more political deals carry context a form cannot hold: the tone of the "
    "relationship, what to stress, the champion's state of mind. Record the call's date and "
    "who attended.",
    R"yaml(account: Halvorsen Freight
acv: $38,000
close_date: 2026-03-17
ae: Oskar Lindqvist
red_flags_risks:
  - Hugo Tanaka in IT worries about SSO; deferred to implementation, unresolved.
  - Finance wants a price review after six months; still open.
handoff_call: not yet
)yaml",
    R"yaml(account: Halvorsen Freight
acv: $72,000
close_date: 2026-03-17
ae: Oskar Lindqvist
handoff_call: Held 2026-03-19 with Oskar Lindqvist and Noor Haddad, 30 minutes.
)yaml",
};

const RuleText kHL810 = {
    "The ACV parses as an amount but is zero or negative.",
    "A zero ACV is usually a field left at its default; the onboarding track and the handoff "
    "call policy both depend on the real figure.",
    R"yaml(account: Halvorsen Freight
acv: 0
close_date: 2026-03-17
ae: Oskar Lindqvist
)yaml",
    kGoodHeader,
};

const RuleText kHL811 = {
    "The close date is more than two years after the newest year the record mentions anywhere "
    "(commitments, criteria, the handoff call...). Records carry no clock, so the check compares "
    "the record with itself; a record that mentions no year is not checked.",
    "A close date years after every date in the deal is almost always a typo (2062 for 2026), "
    "and it breaks every report that sorts or groups by it.",
    R"yaml(account: Halvorsen Freight
acv: $38,500
close_date: 2062-03-17
ae: Oskar Lindqvist
promises_commitments:
  - Promised a sandbox tenant with their routing data loaded by 2026-04-10.
)yaml",
    R"yaml(account: Halvorsen Freight
acv: $38,500
close_date: 2026-03-17
ae: Oskar Lindqvist
promises_commitments:
  - Promised a sandbox tenant with their routing data loaded by 2026-04-10.
)yaml",
};

}  // namespace handoff::rules

// HL7xx communication_style: the champion's channel, cadence and meeting preferences.
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace handoff::rules {

void check_comm_channel(CheckContext& ctx) {
  const Field& f = field(ctx);
  if (phrases(ctx, lists::channels).find_first(text::tokenize(f.text))) return;
  ctx.report(f.pos, "Name the channel the champion prefers: Slack, email, phone, Teams...");
}

void check_comm_cadence(CheckContext& ctx) {
  const Field& f = field(ctx);
  if (phrases(ctx, lists::cadences).find_first(text::tokenize(f.text))) return;
  ctx.report(f.pos, "Name the cadence the champion expects: weekly, biweekly, monthly...");
}

namespace {
constexpr std::string_view kGoodCommunication = R"yaml(account: Halvorsen Freight
communication_style: >
  Ines prefers Slack for quick questions and a weekly 20-minute check-in on Tuesdays;
  she dislikes long status decks. Email only for anything contractual.
)yaml";
}  // namespace

const RuleText kHL701 = {
    "The record has no communication style field.",
    "The first weeks set the rhythm of the relationship; the wrong channel or cadence makes a "
    "responsive vendor look slow.",
    R"yaml(account: Halvorsen Freight
buying_motivation: Their dispatch board crashed during the November peak.
)yaml",
    kGoodCommunication,
};

const RuleText kHL702 = {
    "The communication style field is there but holds no text.",
    "The AE has learnt how the champion likes to work; an empty field throws that away.",
    R"yaml(account: Halvorsen Freight
communication_style: ""
)yaml",
    kGoodCommunication,
};

const RuleText kHL703 = {
    "The communication style is only a placeholder (TBD, ask the AE, a template prompt...).",
    "\"Ask the AE\" stops working the day the AE moves on to the next deal.",
    R"yaml(account: Halvorsen Freight
communication_style: Ask the AE
)yaml",
    kGoodCommunication,
};

const RuleText kHL704 = {
    "The communication style has fewer words than categories.communication_style.min_words.",
    "\"Slack\" alone says where, not how often or in what kind of meeting.",
    R"yaml(account: Halvorsen Freight
communication_style: Slack.
)yaml",
    kGoodCommunication,
};

const RuleText kHL705 = {
    "The communication style names no channel (Slack, email, phone, Teams...).",
    "A champion who answers Slack in minutes and email in days will read a slow email thread "
    "as silence.",
    R"yaml(account: Halvorsen Freight
communication_style: >
  Ines likes a short weekly check-in with a clear agenda and written follow-ups;
  she dislikes long status decks.
)yaml",
    kGoodCommunication,
};

const RuleText kHL706 = {
    "The communication style names no cadence (weekly, biweekly, monthly...).",
    "Too many meetings annoy a busy champion and too few look like neglect; the cadence they "
    "asked for is the safe start.",
    R"yaml(account: Halvorsen Freight
communication_style: >
  Ines prefers Slack for quick questions and email for anything contractual; keep
  meetings short with a clear agenda.
)yaml",
    kGoodCommunication,
};

}  // namespace handoff::rules

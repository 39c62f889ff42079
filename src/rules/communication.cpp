// HL7xx communication_style: the champion's channel, cadence and meeting preferences.
#include <fmt/format.h>

#include <string_view>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace handoff::rules {

void check_comm_channel(CheckContext& ctx) {
  const Field& f = field(ctx);
  if (phrases(ctx, lists::channels).find_first(text::tokens_of(f.text))) return;
  ctx.report(f.pos, "Name the channel the champion prefers: Slack, email, phone, Teams...");
}

void check_comm_cadence(CheckContext& ctx) {
  const Field& f = field(ctx);
  if (phrases(ctx, lists::cadences).find_first(text::tokens_of(f.text))) return;
  ctx.report(f.pos, "Name the cadence the champion expects: weekly, biweekly, monthly...");
}

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "30-minute", "20 minutes", "1 hour", "9am", "6 pm", "7:30": a length or a time of day.
bool has_length_or_time(const Tokens& tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (!text::is_number(t)) continue;
    if (ends_with(t.lower, "am") || ends_with(t.lower, "pm") || ends_with(t.lower, "min") ||
        ends_with(t.lower, "mins") || t.next_char == ':')
      return true;
    if (i + 1 == tokens.size()) continue;
    std::string_view unit = tokens[i + 1].lower;
    for (std::string_view u : {"minute", "minutes", "min", "mins", "hour", "hours", "am", "pm"})
      if (unit == u) return true;
  }
  return false;
}

}  // namespace

void check_comm_meetings(CheckContext& ctx) {
  const Field& f = field(ctx);
  const Tokens& tokens = text::tokens_of(f.text);
  if (phrases(ctx, lists::meeting_preferences).find_first(tokens) || has_length_or_time(tokens))
    return;
  ctx.report(f.pos,
             "Say how the champion likes meetings run: length, live or async, agenda, "
             "time of day.");
}

void check_comm_noncommittal(CheckContext& ctx) {
  const Field& f = field(ctx);
  const Tokens& tokens = text::tokens_of(f.text);
  auto open = phrases(ctx, lists::noncommittal).find_first(tokens);
  if (!open) return;
  ctx.report(f.pos, fmt::format("\"{}\" leaves the working agreement open: write what the "
                                "champion actually prefers.",
                                matched_text(f.text, tokens, *open)));
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

const RuleText kHL707 = {
    "The communication style says nothing about how meetings should run: no length, no live or "
    "async, no agenda or decision focus, no time of day.",
    "A champion who wants 20 decision-focused minutes before clinic opens will read an hour-long "
    "status call as a vendor that did not listen.",
    R"yaml(account: Halvorsen Freight
communication_style: >
  Ines prefers Slack for questions and email for anything contractual, with a
  check-in every week during rollout and every month after that.
)yaml",
    kGoodCommunication,
};

const RuleText kHL708 = {
    "The communication style leaves the choice open (\"Slack or email, whichever\", \"as "
    "needed\", \"flexible\").",
    "\"Whichever\" is not a working agreement: the champion does have a preference, and the "
    "CSM learns it by getting it wrong.",
    R"yaml(account: Halvorsen Freight
communication_style: >
  Slack or email, whichever is easier; a weekly 20-minute check-in on Tuesdays
  with a short agenda.
)yaml",
    kGoodCommunication,
};

}  // namespace handoff::rules

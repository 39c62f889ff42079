// Specificity checks about what was said: HL105/106 motivation, HL305/306 promises,
// HL605/606 success criteria, HL705/706 communication style.
#include <catch2/catch.hpp>

#include "test_rules_support.hpp"

using namespace handoff;
using namespace handoff::testing;

namespace {
using Codes = std::vector<std::string>;
constexpr auto kMotivation = Category::buying_motivation;
constexpr auto kPromises = Category::promises_commitments;
constexpr auto kSuccess = Category::success_criteria;
constexpr auto kStyle = Category::communication_style;
}  // namespace

TEST_CASE("HL105 and HL107 fire on a generic motivation and quote the generic phrase", "[rules]") {
  // "next quarter" is when, not a deadline: nothing here says why they bought.
  RecordResult r = lint_field(
      kMotivation, prose("They want to improve efficiency and streamline processes across the "
                         "dispatch team as part of a wider digital transformation next quarter."));
  CHECK(codes(r) == Codes{"HL105", "HL107"});
  CHECK(finding(r, "HL105")->message ==
        "\"improve efficiency\" is a generic goal: name the event that made it urgent, or what is "
        "at stake if nothing changes.");
  CHECK(finding(r, "HL107")->message ==
        "\"improve efficiency\" is the stated use case, not the reason they bought: say what "
        "happened, what deadline they face, or what is at stake.");
  CHECK(score(r, kMotivation) == 25);  // 100 - 15 - 60: the essential check fails the category
  CHECK(r.gate == Gate::fail);
}

TEST_CASE("HL105 without generic phrases asks for the trigger", "[rules]") {
  RecordResult r = lint_field(
      kMotivation, prose("The team evaluated four vendors over the summer and picked us for the "
                         "routing screen, which the dispatchers liked, before next quarter."));
  CHECK(finding(r, "HL105")->message ==
        "Name the event that triggered the purchase, or what is at stake if nothing changes.");
}

TEST_CASE("HL105 passes on a trigger or a stake even next to generic words", "[rules]") {
  CHECK_FALSE(fires(
      lint_field(kMotivation, prose("To improve efficiency after the November outage cost them "
                                    "two retail clients, with the COO demanding a fix by Q2.")),
      "HL105"));
}

TEST_CASE("HL106 fires when the motivation has no time frame", "[rules]") {
  RecordResult r = lint_field(
      kMotivation, prose("Their dispatch board crashed twice under peak load and two retail "
                         "clients threatened to leave, so the COO wants a replacement the team "
                         "trusts."));
  CHECK(codes(r) == Codes{"HL106"});
  CHECK(score(r, kMotivation) == 85);  // a supporting check: the category still passes
  CHECK(finding(r, "HL106")->message ==
        "Add the time frame: the deadline or date that makes this urgent.");
  CHECK(finding(r, "HL106")->pos.line == 10);
}

TEST_CASE("HL106 accepts dates, years, quarters and durations", "[rules]") {
  const char* frames[] = {"by 2026-05-01", "before Q3", "within 60 days",
                          "in two weeks",  "in 2027",   "by the end of the quarter",
                          "before kickoff"};
  for (const char* frame : frames) {
    CAPTURE(frame);
    std::string text = std::string(
                           "Their dispatch board crashed and two retail clients threatened "
                           "to leave; the COO wants it fixed ") +
                       frame + ".";
    CHECK_FALSE(fires(lint_field(kMotivation, prose(text)), "HL106"));
  }
}

TEST_CASE("a motivation with no trigger, no time and no reason scores 10", "[rules]") {
  RecordResult r =
      lint_field(kMotivation,
                 prose("They want to improve efficiency and streamline processes across the "
                       "dispatch team as part of a wider digital transformation effort overall."));
  CHECK(codes(r) == Codes{"HL105", "HL106", "HL107"});
  CHECK(score(r, kMotivation) == 10);
}

TEST_CASE("HL305 flags several commitments in one paragraph", "[rules]") {
  RecordResult r = lint_field(
      kPromises, prose("I promised a sandbox with their routing data by 2026-04-10. I also told "
                       "them our architect would join the kickoff call in week one."));
  CHECK(codes(r) == Codes{"HL305"});
  CHECK(finding(r, "HL305")->message ==
        "Split these 2 commitments into separate list items, one per promise.");
}

TEST_CASE("HL305 accepts one commitment per item or an inline (1) (2) list", "[rules]") {
  CHECK_FALSE(fires(lint_field(kPromises, prose("I promised a sandbox by 2026-04-10. They will "
                                                "expect it before the kickoff call.")),
                    "HL305"));
  CHECK_FALSE(fires(
      lint_field(kPromises, prose("(1) I promised a sandbox by 2026-04-10, (2) I told them our "
                                  "architect would join the kickoff in week one.")),
      "HL305"));
  RecordResult two_paragraphs = lint_field(
      kPromises, prose("I promised a sandbox by 2026-04-10.\n\nI also told them the architect "
                       "joins the kickoff call in week one."));
  CHECK_FALSE(fires(two_paragraphs, "HL305"));
}

TEST_CASE("HL306 reports each commitment without a date at its own line", "[rules]") {
  RecordResult r = lint_field(kPromises, bullets({"Promised a sandbox tenant with routing data.",
                                                  "Agreed the architect joins in week one.",
                                                  "Offered a reference call with a customer."},
                                                 30));
  std::vector<std::uint32_t> lines;
  for (const Finding& f : r.findings)
    if (f.rule == "HL306") lines.push_back(f.pos.line);
  CHECK(lines == std::vector<std::uint32_t>{31, 33});
  CHECK(finding(r, "HL306")->message ==
        "Say by when \"Promised a sandbox tenant with routing...\" is due: a date, a week or a "
        "milestone.");
  CHECK(score(r, kPromises) == 75);  // the points are lost once, however many items miss
}

TEST_CASE("HL306 checks each piece of an inline enumeration", "[rules]") {
  RecordResult r = lint_field(
      kPromises, prose("(1) A sandbox with their routing data by 2026-04-10, (2) a reference call "
                       "with another logistics customer."));
  CHECK(codes(r) == Codes{"HL306"});
  CHECK(finding(r, "HL306")->message.find("(2) a reference call") != std::string::npos);
}

TEST_CASE("HL605 fires when success has no measure", "[rules]") {
  RecordResult r = lint_field(
      kSuccess, prose("Ines will call it a success when dispatchers stop using the old board and "
                      "the COO gets a live delivery dashboard by the end of Q2."));
  CHECK(codes(r) == Codes{"HL605"});
  CHECK(finding(r, "HL605")->message ==
        "The criterion has no measure: add a number with a unit, or a target to reach from "
        "today's value.");
  CHECK(score(r, kSuccess) == 75);  // specific without a figure: a supporting miss only
}

TEST_CASE("HL605 accepts a number with a unit or a target", "[rules]") {
  const char* measures[] = {"onboarding under 10 business days",
                            "on-time rate at 95%",
                            "ticket backlog down to 40",
                            "save $20k a month",
                            "3x faster quotes",
                            "all 120 reps logging calls",
                            "zero missed pickups"};
  for (const char* m : measures) {
    CAPTURE(m);
    std::string text = std::string("Ines will call it a success with ") + m +
                       ", reviewed with the COO by the end of Q2 at the business review.";
    CHECK_FALSE(fires(lint_field(kSuccess, prose(text)), "HL605"));
  }
  // A date alone is not a measure.
  CHECK(fires(lint_field(kSuccess, prose("Ines will call it a success when the old board is "
                                         "switched off on 2026-06-30 and nobody complains.")),
              "HL605"));
}

TEST_CASE("HL606 fires when success has no date", "[rules]") {
  RecordResult r = lint_field(kSuccess, prose("Ines wants on-time deliveries back from 88% to 95% "
                                              "and dispatch overtime cut by a third."));
  CHECK(codes(r) == Codes{"HL606"});
  CHECK(finding(r, "HL606")->message ==
        "Add the date or deadline by which the champion will judge success.");
}

TEST_CASE("HL705 and HL706 need a channel and a cadence", "[rules]") {
  RecordResult no_channel =
      lint_field(kStyle, prose("Ines likes a short weekly check-in with a clear agenda and written "
                               "follow-ups; she dislikes long status decks."));
  CHECK(codes(no_channel) == Codes{"HL705"});
  CHECK(finding(no_channel, "HL705")->message ==
        "Name the channel the champion prefers: Slack, email, phone, Teams...");
  RecordResult no_cadence = lint_field(
      kStyle, prose("Ines prefers Slack for quick questions and email for anything contractual; "
                    "keep meetings short with a clear agenda."));
  CHECK(codes(no_cadence) == Codes{"HL706"});
  CHECK(finding(no_cadence, "HL706")->message ==
        "Name the cadence the champion expects: weekly, biweekly, monthly...");
  RecordResult neither = lint_field(
      kStyle, prose("Ines is direct and likes short meetings that end with a decision and a "
                    "named owner for each action."));
  CHECK(codes(neither) == Codes{"HL705", "HL706"});
  CHECK(score(neither, kStyle) == 50);
}

TEST_CASE("channels and cadences match as whole words in any case", "[rules]") {
  CHECK(codes(lint_field(kStyle, prose("Prefers MS Teams over e-mail; a short bi-weekly review "
                                       "with the ops leads and nothing on Fridays.")))
            .empty());
  // "teamsters" and "weeklyish" are not channel or cadence words.
  CHECK(codes(lint_field(kStyle, prose("Talks to the teamsters in weeklyish bursts, mostly "
                                       "in person at the depot."))) == Codes{"HL706"});
}

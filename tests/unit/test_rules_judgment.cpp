// The judgment checks: whether a field says what a CSM needs, not whether text is there.
// Table-driven: each row is real field text, the rule, and whether it must fire.
#include <catch2/catch.hpp>

#include "test_rules_support.hpp"

using namespace handoff;
using namespace handoff::testing;

namespace {
using Codes = std::vector<std::string>;
constexpr auto kMotivation = Category::buying_motivation;
constexpr auto kChampion = Category::champion_profile;
constexpr auto kPromises = Category::promises_commitments;
constexpr auto kSuccess = Category::success_criteria;
constexpr auto kStyle = Category::communication_style;

struct Row {
  const char* code;
  Category category;
  Field field;
  bool fires;
};

void check_rows(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    CAPTURE(row.code, row.field.text);
    CHECK(fires(lint_field(row.category, row.field), row.code) == row.fires);
  }
}

std::vector<std::uint32_t> lines_of(const RecordResult& r, std::string_view code) {
  std::vector<std::uint32_t> lines;
  for (const Finding& f : r.findings)
    if (f.rule == code) lines.push_back(f.pos.line);
  return lines;
}
}  // namespace

TEST_CASE("HL107 needs a trigger, a stake or a deadline stated in a sentence",
          "[rules][judgment]") {
  check_rows({
      // The stated use case, however fluent, is not a reason.
      {"HL107", kMotivation,
       prose("They want to modernise intake and streamline processes across three offices, "
             "with better visibility for the partners."),
       true},
      // A story with no reason: how they chose, not why they bought.
      {"HL107", kMotivation,
       prose("They evaluated four vendors over the summer and liked our demo; the timing worked "
             "out for them this quarter."),
       true},
      // Digits are not a reason: "5 priorities", "2x", a year range.
      {"HL107", kMotivation,
       prose("They have 5 strategic priorities for 2026 and 2 goals: efficiency by 2x and "
             "visibility across 100% of operations, in line with their 2026-2028 plan."),
       true},
      // A label names a topic, not an event.
      {"HL107", kMotivation, prose("Regulatory requirement."), true},
      // A trigger event.
      {"HL107", kMotivation,
       prose("Their distributor dropped them after two wrong deliveries to its largest account."),
       false},
      // A stake, with no date.
      {"HL107", kMotivation,
       prose("The contract goes to tender unless penalties drop, and it is a fifth of revenue."),
       false},
      // A deadline alone: a time reference after "by", "before", "within"...
      {"HL107", kMotivation,
       prose("The board wants every clinic on the new system before the lease ends in March."),
       false},
      // A full date is an event or a deadline either way.
      {"HL107", kMotivation,
       prose("Their dispensing software loses vendor support on 2026-08-31, and the health board "
             "will not renew their contract on it."),
       false},
  });
}

TEST_CASE("HL107 quotes the generic phrase, or asks for the reason", "[rules][judgment]") {
  RecordResult story = lint_field(
      kMotivation, prose("They evaluated four vendors over the summer and liked our demo best "
                         "of all, and the timing worked out for them."));
  CHECK(finding(story, "HL107")->message ==
        "This says what they bought, not why now: add the event, the deadline or what is at "
        "stake that made them buy.");
  CHECK(score(story, kMotivation) < 70);
}

TEST_CASE("HL205-HL207: a named champion with a role and a personal stake", "[rules][judgment]") {
  check_rows({
      // A title is not a name.
      {"HL205", kChampion,
       prose("The Chief of Staff to the COO, very engaged; her bonus depends on it."), true},
      {"HL205", kChampion,
       prose("Hye-jin Park, COO; the examiners' finding landed on her desk and she must fix it."),
       false},
      {"HL205", kChampion,
       prose("Piet van der Berg, plant manager, promised the owners a clean audit."), false},
      {"HL205", kChampion,
       prose("José Ángel Ibáñez, Director of Transportation, will resign if it fails again."),
       false},
      // Enthusiasm is not a stake.
      {"HL206", kChampion,
       prose("Harriet Nkemelu, Programme Coordinator, loved the demo, is very enthusiastic and "
             "excited to get started."),
       true},
      {"HL206", kChampion,
       prose("Beatrix Cole, partner, ran the evaluation and chose us after the trial."), true},
      // Stakes in several shapes: a promise upward, a consequence, a career step, exposure.
      {"HL206", kChampion,
       prose("Paz Ferreira, studio manager; she promised the founders it would cost nothing."),
       false},
      {"HL206", kChampion,
       prose("Aoife Brannock, production manager: if the season slips, an outside manager is "
             "hired over her."),
       false},
      {"HL206", kChampion,
       prose("Eilidh MacLeod, Head of Buying, is up for a director title in the autumn."), false},
      {"HL206", kChampion,
       prose("Rania Haddad runs the group; the incident happened on her watch."), false},
      // The role: a role word, a role verb, or an apposition after the name.
      {"HL207", kChampion,
       prose("Ines Calloway drove the purchase; her bonus is tied to on-time delivery."), true},
      {"HL207", kChampion,
       prose("Rania Haddad runs the whole group; the owners made her accountable."), false},
      {"HL207", kChampion,
       prose("Mags Doherty, brewer and boss, is personally on the hook for the summer."), false},
  });
  RecordResult r = lint_field(kChampion, prose("Ines Calloway drove the purchase and fought for "
                                               "the budget; her bonus is tied to delivery."));
  CHECK(codes(r) == Codes{"HL207"});
  CHECK(finding(r, "HL207")->message ==
        "Give the champion's title or role: what they run or answer for.");
  CHECK(score(r, kChampion) == 80);  // a supporting check
  CHECK(score(lint_field(kChampion, prose("Ines Calloway, VP Operations, ran the evaluation "
                                          "and chose us over two other vendors after a "
                                          "three-week pilot.")),
              kChampion) == 65);  // no stake: the essential check fails the category
}

TEST_CASE("HL307 flags each vague commitment at its own line", "[rules][judgment]") {
  RecordResult r = lint_field(
      kPromises, bullets({"Promised a sandbox tenant with their routing data by 2026-04-10.",
                          "Great support whenever they need it.",
                          "Agreed the architect joins the kickoff call in week one.",
                          "We'll take really good care of them."},
                         30));
  CHECK(lines_of(r, "HL307") == std::vector<std::uint32_t>{32, 34});
  CHECK(finding(r, "HL307")->message ==
        "\"Great support whenever they need it.\" is not a commitment anyone can check: write "
        "what exactly the customer was told, and by when.");
  CHECK_FALSE(fires(r, "HL306"));  // a vague item is not also asked for its date
  CHECK_FALSE(fires(r, "HL308"));  // two items are concrete
  CHECK(score(r, kPromises) == 80);
  CHECK(r.gate == Gate::pass);
}

TEST_CASE("HL307 and HL308: vague words with a date, or naming a deliverable, are concrete",
          "[rules][judgment]") {
  check_rows({
      {"HL307", kPromises,
       bullets({"White-glove onboarding: our SE joins all 3 sessions in March."}), false},
      {"HL307", kPromises,
       bullets({"I implied, without promising, that we could help produce the performance reports "
                "in the format the federal reviewers use; decide early whether we do it."}),
       false},
      {"HL307", kPromises, bullets({"Will help them get set up."}), true},
      {"HL308", kPromises,
       bullets({"We will make sure onboarding is smooth and seamless.",
                "Ongoing support to help them get the most out of the portal.",
                "Work closely with their team to ensure success."}),
       true},
      {"HL308", kPromises,
       prose("Standard onboarding per the contract. We said we'd be flexible and supportive."),
       true},
  });
  RecordResult all_vague = lint_field(
      kPromises, bullets({"We will make sure onboarding is smooth and seamless.",
                          "Ongoing support to help them get the most out of the portal."}));
  CHECK(codes(all_vague) == Codes{"HL307", "HL308", "HL307"});  // by line: the field starts at 11
  CHECK(score(all_vague, kPromises) == 50);
  CHECK(finding(all_vague, "HL308")->message ==
        "None of this is a concrete commitment: list what the customer was told, item by item, "
        "or write \"No commitments beyond the signed order form\".");
}

TEST_CASE("HL306 accepts an item that says it has no date yet", "[rules][judgment]") {
  check_rows({
      {"HL306", kPromises,
       bullets({"I mentioned a member page might come later. Not contracted, not dated."}), false},
      {"HL306", kPromises,
       bullets({"Our partner handles the rollout in Győr; the start is not fixed yet."}), false},
      {"HL306", kPromises, bullets({"Offered a reference call with another customer."}), true},
  });
}

TEST_CASE("HL309 reports each implied commitment as information, explicit ones not",
          "[rules][judgment]") {
  RecordResult r = lint_field(
      kPromises,
      bullets({"I told them the sandbox would be ready within the first 10 business days.",
               "I implied the mobile app would get offline sync within 90 days.",
               "I mentioned (not in the contract) that reports would be configured by November.",
               "The SAP connector is on the roadmap for H1."},
              30));
  CHECK(lines_of(r, "HL309") == std::vector<std::uint32_t>{32, 33, 34});
  const Finding* f = finding(r, "HL309");
  CHECK(f->severity == Severity::info);
  CHECK(f->message ==
        "Implied commitment: \"I implied the mobile app would get offline sync within 90...\". "
        "The customer may count on it; confirm with the AE what was said before kickoff.");
  CHECK(score(r, kPromises) == 100);  // information: it scores nothing
  // Nothing to report for the explicit none, a placeholder or an absent field.
  CHECK_FALSE(
      fires(lint_field(kPromises, prose("No commitments beyond the signed order form.")), "HL309"));
  CHECK_FALSE(fires(lint_field(kPromises, prose("TBD")), "HL309"));
  CHECK_FALSE(fires(lint_field(kPromises, Field{}), "HL309"));
}

TEST_CASE("HL607 flags generic outcomes without a measure; a digit is not a measure",
          "[rules][judgment]") {
  check_rows({
      {"HL607", kSuccess,
       prose("The firm wants the platform widely adopted across all offices and a clear return "
             "on investment by the end of the year."),
       true},
      {"HL607", kSuccess,
       prose("2 goals: better visibility and more efficiency, reviewed at the end of Q4."), true},
      {"HL607", kSuccess,
       prose("Success is measured by 3 KPIs: 100% adoption, 2x efficiency and 1 single "
             "dashboard, all within 12 months."),
       true},
      {"HL607", kSuccess, prose("Go live on time and good adoption by the team; improve ROI."),
       true},
      // A measure anywhere answers it.
      {"HL607", kSuccess,
       prose("Adoption: 40 of 45 reps logging calls daily by March, from 12 today."), false},
      // Specific with no digits: no generic outcome, so no gap here.
      {"HL607", kSuccess,
       prose("The CFO sees churn by cohort in the board deck before the annual planning cycle."),
       false},
  });
  RecordResult r = lint_field(
      kSuccess, prose("Success is measured by 3 KPIs: 100% adoption, 2x efficiency and 1 single "
                      "dashboard, all within 12 months."));
  CHECK(codes(r) == Codes{"HL605", "HL607"});
  CHECK(finding(r, "HL607")->message ==
        "\"adoption\" is an outcome every deal has: say how the champion will measure it, from "
        "what, to what, by when.");
  CHECK(finding(r, "HL605")->message ==
        "The criterion has no measure: add a number with a unit, or a target to reach from "
        "today's value.");
  CHECK_FALSE(r.categories[index_of(kSuccess)].pass);
}

TEST_CASE("specific success criteria without digits pass", "[rules][judgment]") {
  RecordResult r = lint_field(
      kSuccess, prose("The CFO sees churn by cohort in the board deck before the annual "
                      "planning cycle, and no branch manager asks finance for the numbers."));
  CHECK(codes(r) == Codes{"HL605"});
  CHECK(r.categories[index_of(kSuccess)].pass);
}

TEST_CASE("HL605 counts the criteria it found none measured in", "[rules][judgment]") {
  RecordResult r = lint_field(
      kSuccess, bullets({"Dispatchers trust the routes without checking them.",
                         "The COO stops asking for the morning spreadsheet by the end of Q2.",
                         "No retail client complains about a missed window this season."}));
  CHECK(finding(r, "HL605")->message ==
        "None of the 3 criteria has a measure: add a number with a unit, or a target to reach "
        "from today's value.");
}

TEST_CASE("HL608 asks where a measure starts", "[rules][judgment]") {
  check_rows({
      {"HL608", kSuccess,
       prose("On-time deliveries at 95% or better by the end of Q2 for both grocery clients."),
       true},
      {"HL608", kSuccess,
       prose("On-time deliveries from 88% to 95% by the end of Q2 for both grocery clients."),
       false},
      {"HL608", kSuccess,
       prose("Under 10 complaint calls a week by October (today about 45 a week)."), false},
      // No measure: HL605 asks for one, HL608 stays quiet.
      {"HL608", kSuccess,
       prose("Dispatchers trust the routes and the COO stops asking for the spreadsheet by Q2."),
       false},
  });
}

TEST_CASE("HL707 and HL708: meeting habits, and no open-ended working agreement",
          "[rules][judgment]") {
  check_rows({
      {"HL707", kStyle,
       prose("Ines prefers Slack for questions and email for anything contractual, with a "
             "check-in every week during rollout."),
       true},
      {"HL707", kStyle, prose("Email; monthly 20-minute call, first Tuesday, 9am."), false},
      {"HL707", kStyle, prose("Texts after 6 pm, a call every Monday at 7:30."), false},
      {"HL707", kStyle, prose("Teams, weekly, with a written agenda the day before."), false},
      {"HL708", kStyle, prose("Slack or email, whichever. They're easy-going."), true},
      {"HL708", kStyle,
       prose("They are flexible and open to whatever works best; email updates as needed."), true},
      {"HL708", kStyle, prose("Slack for quick items, a weekly 20-minute call on Tuesdays."),
       false},
  });
  RecordResult r = lint_field(kStyle, prose("Slack or email, whichever. They're easy-going."));
  CHECK(codes(r) == Codes{"HL704", "HL706", "HL707", "HL708"});
  CHECK(finding(r, "HL708")->message ==
        "\"whichever\" leaves the working agreement open: write what the champion actually "
        "prefers.");
  CHECK_FALSE(r.categories[index_of(kStyle)].pass);
}

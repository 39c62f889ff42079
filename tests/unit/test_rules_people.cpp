// Specificity checks about people: HL205/206 champion, HL405/406 risks, HL505/506 politics.
#include <catch2/catch.hpp>

#include "test_rules_support.hpp"

using namespace handoff;
using namespace handoff::testing;

namespace {
using Codes = std::vector<std::string>;
constexpr auto kChampion = Category::champion_profile;
constexpr auto kRisks = Category::red_flags_risks;
constexpr auto kPolitics = Category::political_landscape;
}  // namespace

TEST_CASE("HL205 fires when the champion is only a title", "[rules]") {
  RecordResult r = lint_field(
      kChampion, prose("The VP of Operations drove the purchase and fought the CFO for budget; "
                       "she is personally on the hook for on-time delivery this year."));
  CHECK(codes(r) == Codes{"HL205"});
  CHECK(finding(r, "HL205")->message ==
        "Name the champion as a person (first and last name), not only by title.");
}

TEST_CASE("HL205 accepts First Last, First L. and a key contact's first name", "[rules]") {
  CHECK_FALSE(fires(lint_field(kChampion, prose("Ines C., VP Operations, drove it and is "
                                                "personally on the hook for delivery.")),
                    "HL205"));
  Record rec = good_record();
  rec.field(kChampion) = prose(
      "Ines (VP Operations) drove the purchase and is personally on the "
      "hook for on-time delivery this year.");
  CHECK(fires(lint(rec), "HL205"));
  rec.key_contacts.push_back({"Ines Calloway", "VP Operations", {80, 5}});
  CHECK_FALSE(fires(lint(rec), "HL205"));
}

TEST_CASE("HL205 reads a surname that starts with a hyphenated particle", "[rules]") {
  for (const char* name : {"Samira El-Amin", "Noura Al-Sayed", "Piet van der Berg"}) {
    CAPTURE(name);
    CHECK_FALSE(fires(lint_field(kChampion, prose(std::string(name) +
                                                  ", Head of Dispatch, staked her bonus on "
                                                  "the rollout finishing before peak.")),
                      "HL205"));
  }
}

TEST_CASE("HL205 is not fooled by capitalised products, months or titles", "[rules]") {
  CHECK(fires(lint_field(kChampion, prose("Head of Customer Operations; prefers Weekly Slack "
                                          "updates and is personally on the hook since March.")),
              "HL205"));
}

TEST_CASE("HL206 fires when the champion's stake is missing", "[rules]") {
  RecordResult r = lint_field(kChampion, prose("Ines Calloway, VP Operations, ran the evaluation "
                                               "and chose us over two other vendors after the "
                                               "pilot."));
  CHECK(codes(r) == Codes{"HL206"});
  CHECK(finding(r, "HL206")->message ==
        "Say what the champion personally stakes on this deal: a goal, a target, their "
        "credibility.");
  CHECK(score(r, kChampion) == 65);  // the stake is essential: the category fails
}

TEST_CASE("HL405 reports each risk without handling or state at its line", "[rules]") {
  RecordResult r =
      lint_field(kRisks, bullets({"Hugo Tanaka, the IT manager, worries about the SSO rollout.",
                                  "The CFO pushed back on price; handled with a 12-month term."},
                                 40));
  CHECK(codes(r) == Codes{"HL405"});
  const Finding* f = finding(r, "HL405");
  CHECK(f->pos.line == 41);
  CHECK(f->message ==
        "Say how \"Hugo Tanaka, the IT manager, worries...\" was handled or where it "
        "stands now.");
}

TEST_CASE("HL406 reports a risk that does not say who raised it", "[rules]") {
  RecordResult r = lint_field(
      kRisks, bullets({"Concern about the SSO rollout; a joint review is scheduled for week two.",
                       "Procurement pushed back on price; handled with a 12-month term."},
                      40));
  CHECK(codes(r) == Codes{"HL406"});
  CHECK(finding(r, "HL406")->pos.line == 41);
  CHECK(finding(r, "HL406")->message ==
        "Say who raised \"Concern about the SSO rollout; a joint...\": a name or a role.");
}

TEST_CASE("a risk paragraph is one item", "[rules]") {
  RecordResult r = lint_field(kRisks, prose("Integration with their billing system worries the "
                                            "IT manager; deferred to the implementation phase, "
                                            "still open."));
  CHECK(codes(r).empty());
}

TEST_CASE("HL505 needs a person or role and a stance in the same sentence", "[rules]") {
  RecordResult r = lint_field(
      kPolitics, prose("The CFO, Tomasz Wren, and the IT manager, Hugo Tanaka, sat on the "
                       "evaluation committee together with Ines for the whole cycle."));
  CHECK(codes(r) == Codes{"HL505"});
  CHECK(finding(r, "HL505")->message ==
        "Say who stands where, by name or role: skeptical, opposed, overruled, neutral or "
        "supportive.");
  // The stance is in another sentence than any person or role.
  CHECK(fires(lint_field(kPolitics, prose("Tomasz Wren chairs the finance committee. Budget was "
                                          "the hard part of the whole cycle for everyone.")),
              "HL505"));
  CHECK_FALSE(fires(lint_field(kPolitics, prose("Tomasz Wren chairs the committee. He was "
                                                "skeptical, and procurement stayed neutral.")),
                    "HL505"));
}

TEST_CASE("HL506 fires when only roles are named", "[rules]") {
  RecordResult r = lint_field(kPolitics, prose("The CFO was skeptical and lost the budget "
                                               "argument; the IT manager is neutral but was "
                                               "overruled on the vendor choice."));
  CHECK(codes(r) == Codes{"HL506"});
  CHECK(finding(r, "HL506")->message == "Name the people behind the roles, not only their titles.");
}

TEST_CASE("the champion named elsewhere counts as a person in politics", "[rules]") {
  // Good record: the champion field names Ines Calloway, so "Ines" alone is a person here.
  CHECK(codes(lint_field(kPolitics, prose("Ines was overruled once by procurement on the "
                                          "payment terms and is wary of finance.")))
            .empty());
}

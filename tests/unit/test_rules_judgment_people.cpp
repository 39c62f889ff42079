// The judgment checks about people: risks with an owner and a state, politics with named
// people, roles and stances. Table-driven like test_rules_judgment.cpp.
#include <catch2/catch.hpp>

#include "test_rules_support.hpp"

using namespace handoff;
using namespace handoff::testing;

namespace {
using Codes = std::vector<std::string>;
constexpr auto kRisks = Category::red_flags_risks;
constexpr auto kPolitics = Category::political_landscape;

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

TEST_CASE("HL407 reports red flags of None when the politics name resistance",
          "[rules][judgment]") {
  // The good record's politics: a skeptical CFO, an overruled IT manager.
  for (const char* none : {"None.", "No real risks here, it was a smooth deal.", "N/A",
                           "No known risks at this stage."}) {
    CAPTURE(none);
    RecordResult r = lint_field(kRisks, prose(none, 40));
    const Finding* f = finding(r, "HL407");
    REQUIRE(f);
    CHECK(f->pos.line == 40);
    CHECK(f->message ==
          "Red flags say there are none, but the political landscape names resistance (\"The "
          "CFO, Tomasz Wren, was skeptical and lost the budget...\"): list it here, with how it "
          "is handled.");
  }
  Record calm = good_record();
  calm.field(kPolitics) = prose("Ines decides alone; the owner, Sol Baines, is supportive.", 50);
  calm.field(kRisks) = prose("None.", 40);
  CHECK_FALSE(fires(lint(calm), "HL407"));
  CHECK_FALSE(fires(lint(good_record()), "HL407"));
}

TEST_CASE("HL408 flags boilerplate risks one by one", "[rules][judgment]") {
  RecordResult r = lint_field(
      kRisks,
      bullets({"As with any new system there may be some adoption challenges; we will watch it.",
               "Hugo Tanaka in IT worries about SSO; a joint review is scheduled for week two.",
               "Timeline is tight, the usual change management applies; we will monitor."},
              40));
  CHECK(lines_of(r, "HL408") == std::vector<std::uint32_t>{41, 43});
  CHECK(finding(r, "HL408")->message ==
        "\"As with any new system there may be some...\" fits any deal: name the actual "
        "concern, who holds it, and where it stands.");
  CHECK_FALSE(r.categories[index_of(kRisks)].pass);
  check_rows({
      // A named person or a date makes a common concern specific.
      {"HL408", kRisks,
       bullets({"Adoption: night-shift aides change often, Marisela Quintanilla plans monthly "
                "refreshers."}),
       false},
      {"HL408", kRisks, bullets({"Timeline: data delivery slipped twice; due 2026-11-15."}), false},
  });
}

TEST_CASE("HL405 and HL406 accept an answer given and an institution as the who",
          "[rules][judgment]") {
  check_rows({
      {"HL405", kRisks,
       bullets({"The treasurer, Helen Marsh, asked about year-two pricing; I said it is capped "
                "at 5%."}),
       false},
      {"HL405", kRisks,
       bullets({"Their GIS data is out of date; the analyst, Pooja Iyer, is updating it by "
                "February."}),
       false},
      {"HL406", kRisks,
       bullets({"The council's budget vote for year two is in June; watch progress by then."}),
       false},
  });
}

TEST_CASE("HL507 wants a role for the people named in the politics", "[rules][judgment]") {
  check_rows({
      {"HL507", kPolitics,
       prose("Tomasz Wren was skeptical and lost the budget argument. Hugo Tanaka is neutral "
             "but was overruled on the choice of tool."),
       true},
      {"HL507", kPolitics, prose("Tomasz Wren, the CFO, was skeptical and lost the argument."),
       false},
      {"HL507", kPolitics, prose("Tomasz Wren (finance) was skeptical and lost the argument."),
       false},
      // Roles only is HL506's finding, not HL507's.
      {"HL507", kPolitics, prose("The CFO was skeptical and lost the budget argument."), false},
  });
  // A key contact listed with a role needs no role in the politics.
  Record r = good_record();
  r.field(kPolitics) = prose("Tomasz Wren was skeptical and lost the budget argument.", 50);
  CHECK(fires(lint(r), "HL507"));
  r.key_contacts = {{"Tomasz Wren", "CFO", {91, 5}}};
  CHECK_FALSE(fires(lint(r), "HL507"));
}

TEST_CASE("HL505 and HL506 read names the record gave in full, and lower-case writing",
          "[rules][judgment]") {
  // "Rubén" alone counts once "Rubén Treviño" was named in the field.
  CHECK_FALSE(fires(lint_field(kPolitics, prose("Marisol and her husband, Rubén Treviño, decide "
                                                "together; Rubén is skeptical of software.")),
                    "HL505"));
  // Typed without capitals: the champion's name still counts as a person.
  Record r = good_record();
  r.field(kPolitics) = prose("ines decides; tomasz in finance is wary but quiet about it now.");
  RecordResult lower = lint(r);
  CHECK_FALSE(fires(lower, "HL506"));
  CHECK_FALSE(fires(lower, "HL505"));
  // With capitals elsewhere, a lower-case word is never taken for a known name.
  r.field(kPolitics) = prose("The CFO was skeptical; ines decides and tomasz is wary.");
  CHECK(fires(lint(r), "HL506"));
}

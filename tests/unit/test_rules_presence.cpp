// HLn01-HLn04 for every category, and the explicit "no commitments" answer.
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "handoff/rule.hpp"
#include "test_rules_support.hpp"

using namespace handoff;
using namespace handoff::testing;

namespace {

std::string code(Category c, int n) { return fmt::format("HL{}0{}", index_of(c) + 1, n); }

// How many quality rules the table gives category `c`.
std::size_t quality_rules(Category c) {
  std::size_t n = 0;
  for (const RuleDef& rule : all_rules())
    if (rule.category == c && rule.kind == RuleKind::quality) ++n;
  return n;
}

}  // namespace

TEST_CASE("the good baseline record passes every rule", "[rules]") {
  RecordResult r = lint(good_record());
  CHECK(codes(r).empty());
  for (Category c : kAllCategories) CHECK(score(r, c) == 100);
  CHECK(r.score == 100);
  CHECK(r.gate == Gate::pass);
}

TEST_CASE("a missing field fires HLn01 only, at line 0, and zeroes the category", "[rules]") {
  for (Category c : kAllCategories) {
    CAPTURE(category_key(c));
    Record rec = good_record();
    rec.field(c) = Field{};
    RecordResult r = lint(rec);
    CHECK(codes(r) == std::vector<std::string>{code(c, 1)});
    const Finding* f = finding(r, code(c, 1));
    REQUIRE(f);
    CHECK(f->severity == Severity::error);
    CHECK(f->category == c);
    CHECK(f->pos.line == 0);
    CHECK(score(r, c) == 0);
    // The quality rules are listed but earn nothing.
    const auto& checks = r.categories[index_of(c)].checks;
    REQUIRE(checks.size() == quality_rules(c));
    CHECK(checks[0].rule == code(c, 4));
    CHECK(checks[0].earned == 0);
    CHECK(checks[0].possible == 10);
  }
}

TEST_CASE("HL101 tells the reader which field to add", "[rules]") {
  Record rec = good_record();
  rec.field(Category::buying_motivation) = Field{};
  CHECK(finding(lint(rec), "HL101")->message ==
        "Add the buying motivation field; this record has none.");
}

TEST_CASE("a present but blank field fires HLn02, not HLn01 or HLn03", "[rules]") {
  for (Category c : kAllCategories) {
    CAPTURE(category_key(c));
    Field blank;
    blank.present = true;
    blank.pos = {12, 1};
    blank.text = "  \n ";
    RecordResult r = lint_field(c, blank);
    CHECK(codes(r) == std::vector<std::string>{code(c, 2)});
    CHECK(finding(r, code(c, 2))->pos.line == 12);
    CHECK(score(r, c) == 0);
  }
  RecordResult r = lint_field(Category::success_criteria, prose(""));
  CHECK(finding(r, "HL602")->message == "Fill in the success criteria field; it is empty.");
}

TEST_CASE("placeholder-only text fires HLn03 in every category", "[rules]") {
  const char* placeholders[] = {"TBD",
                                "N/A",
                                "n/a",
                                "-",
                                "--",
                                "?",
                                "none yet",
                                "See CRM.",
                                "see Salesforce",
                                "in CRM",
                                "TBD - will cover on the call",
                                "I'll tell them on the call",
                                "Ask the AE",
                                "same as above",
                                "As discussed",
                                "TODO",
                                "xxx",
                                "Lorem ipsum",
                                "<what made them buy now?>",
                                "TBC, see CRM"};
  // Politics without resistance, so that a red flags "N/A" is not also an inconsistency (HL407).
  Record calm = good_record();
  calm.field(Category::political_landscape) = prose(
      "Ines decides alone on this purchase; the owner, Sol Baines, is supportive and "
      "signs off on the budget.",
      50);
  for (Category c : kAllCategories)
    for (const char* text : placeholders) {
      CAPTURE(category_key(c), text);
      Record rec = calm;
      rec.field(c) = prose(text);
      RecordResult r = lint(rec);
      CHECK(codes(r) == std::vector<std::string>{code(c, 3)});
      CHECK(score(r, c) == 0);
    }
}

TEST_CASE("a category's own question left in as the answer is a placeholder", "[rules]") {
  RecordResult r = lint_field(Category::red_flags_risks,
                              prose(std::string(category_question(Category::red_flags_risks))));
  CHECK(fires(r, "HL403"));
}

TEST_CASE("placeholder words next to real content are not a placeholder", "[rules]") {
  RecordResult r = lint_field(Category::buying_motivation,
                              prose("TBD on the exact date, but their dispatch board crashed in "
                                    "March and the COO set a deadline at the end of Q2."));
  CHECK_FALSE(fires(r, "HL103"));
}

TEST_CASE("the placeholder message quotes the text or names the template prompt", "[rules]") {
  CHECK(finding(lint_field(Category::champion_profile, prose("TBD")), "HL203")->message ==
        "Replace \"TBD\" with the real answer.");
  CHECK(finding(lint_field(Category::champion_profile, prose("<Name and title>")), "HL203")
            ->message == "Replace the template prompt with the real answer.");
  CHECK(finding(lint_field(Category::promises_commitments, prose("None")), "HL303")->message ==
        "Replace \"None\" with each commitment and its date, or write \"No commitments beyond the "
        "signed order form\".");
}

TEST_CASE("a terse field that says what is needed loses only HLn04 and still passes", "[rules]") {
  // Each text passes every specificity check of its category, so only "thin" (10) is lost:
  // terse but specific is not a gap.
  struct Case {
    Category c;
    Field field;
  } cases[] = {
      {Category::buying_motivation, prose("Board crashed in March; COO deadline end of Q2.")},
      {Category::champion_profile, prose("Ines Calloway, VP Ops, personally on the hook.")},
      {Category::promises_commitments, bullets({"Sandbox by 2026-04-10."})},
      {Category::red_flags_risks, bullets({"CFO doubts price; handled with discount."})},
      {Category::political_landscape, prose("CFO Tomasz Wren is skeptical.")},
      {Category::success_criteria, prose("On-time from 88% to 95% by Q2.")},
      {Category::communication_style, prose("Slack, weekly, 20 minutes.")},
  };
  for (auto& [c, field] : cases) {
    CAPTURE(category_key(c));
    RecordResult r = lint_field(c, field);
    CHECK(codes(r) == std::vector<std::string>{code(c, 4)});
    CHECK(score(r, c) == 90);
    CHECK(r.categories[index_of(c)].pass);
    CHECK(r.gate == Gate::pass);
  }
  RecordResult r = lint_field(Category::buying_motivation,
                              prose("Board crashed in March; COO deadline end of Q2."));
  const Finding* f = finding(r, "HL104");
  CHECK(f->message == "Say more: 9 words here, at least 20 expected.");
  CHECK(f->severity == Severity::warning);
  CHECK(f->pos.line == 10);
}

TEST_CASE("a deferral after a placeholder is still a placeholder", "[rules]") {
  const char* deferred[] = {"TBD, will go through these on the call.", "N/A - will share later",
                            "Pending, will follow up next week."};
  for (const char* text : deferred) {
    CAPTURE(text);
    CHECK(codes(lint_field(Category::promises_commitments, prose(text))) ==
          std::vector<std::string>{"HL303"});
  }
  // A placeholder word that leads into real content, or a figure, is not.
  CHECK_FALSE(fires(lint_field(Category::promises_commitments,
                               prose("TBD: the sandbox date, promised for week 2 on the call.")),
                    "HL303"));
}

TEST_CASE("min_words comes from the configuration", "[rules]") {
  Config config = default_config();
  config.category(Category::communication_style).min_words = 2;
  Record rec = good_record();
  rec.field(Category::communication_style) = prose("Slack, weekly.");
  CHECK_FALSE(fires(lint(rec, config), "HL704"));
}

TEST_CASE("an explicit no-commitments statement is a complete answer", "[rules]") {
  const char* statements[] = {"No commitments beyond the signed order form.",
                              "Nothing promised outside the contract.", "None beyond the MSA.",
                              "No informal commitments were made during the cycle."};
  for (const char* text : statements) {
    CAPTURE(text);
    RecordResult r = lint_field(Category::promises_commitments, prose(text));
    CHECK(codes(r).empty());
    CHECK(score(r, Category::promises_commitments) == 100);
  }
}

TEST_CASE("a bare None is a placeholder and an exception breaks the explicit none", "[rules]") {
  CHECK(fires(lint_field(Category::promises_commitments, prose("None")), "HL303"));
  CHECK(fires(lint_field(Category::promises_commitments, prose("N/A")), "HL303"));
  RecordResult r = lint_field(Category::promises_commitments,
                              prose("No commitments beyond the MSA, except a free SSO connector."));
  CHECK(fires(r, "HL306"));
  // "No commitments" with nothing more is neither a placeholder nor the explicit statement.
  RecordResult bare = lint_field(Category::promises_commitments, prose("No commitments."));
  CHECK(finding(bare, "HL304")->message ==
        "Say more: 2 words here, at least 10 expected; if nothing was promised, write \"No "
        "commitments beyond the signed order form\".");
}

#include <catch2/catch.hpp>

#include "report/summary_markdown.hpp"
#include "test_report_fixtures.hpp"

using namespace report_fixtures;

TEST_CASE("github: findings become workflow-command annotations", "[report]") {
  const std::string expected =
      "::error file=handoffs/q3-deals.yaml,title=Handoff gate failed (record 2)::Pinecrest "
      "Freight scored 61/100; gaps: Promises and commitments 0/70, Political landscape 40/70\n"
      "::notice file=handoffs/q3-deals.yaml,line=5,col=6,title=HL901 (record 2)::unknown key "
      "\"deal_size\" is ignored\n"
      "::error file=handoffs/q3-deals.yaml,line=14,col=23,title=HL303 Promises and commitments "
      "(record 2)::promises_commitments says only \"TBD\"%0AAnswer this: What was promised outside "
      "the contract, item by item, and by when? If nothing, say so.\n"
      "::warning file=handoffs/q3-deals.yaml,line=20,col=24,title=HL505 Political landscape "
      "(record 2)::names no person or role who opposed the deal%0AAnswer this: Who lost the budget "
      "battle, who is skeptical or blocking, by name and role?\n"
      "::warning file=handoffs/q3-deals.yaml,line=25,col=3,title=HL605 Success criteria (record "
      "2)::has no measure with a starting value%0AAnswer this: How will the champion judge "
      "success: which measures, from what to what, by when?\n"
      "::error file=handoffs/broken.md,line=7,col=1,title=HL900::invalid UTF-8 at byte 3\n"
      "handoff-lint: 3 records: 1 passed, 1 failed, 1 error, 1 suppressed\n";
  CHECK(render("github", all_records()) == expected);
}

TEST_CASE("github: record text cannot inject a second command or break a property", "[report]") {
  RecordResult r = error_record();
  r.source = "deals/a,b: c%.md";
  r.findings[0].message = "50% off\r\n::error file=x::forged\x1b[31m";
  r.findings[0].pos = Position{};
  std::string out = render("github", {r});
  CHECK(out ==
        "::error file=deals/a%2Cb%3A c%25.md,title=HL900::50%25 off\\x0d\\x0a::error "
        "file=x::forged\\x1b[31m\n"
        "handoff-lint: 1 record: 0 passed, 0 failed, 1 error\n");
}

TEST_CASE("github: step summary counts the run and names the worst categories", "[report]") {
  handoff::report::SummaryTally tally;
  for (const RecordResult& r : all_records()) tally.add(r);
  RecordResult second_fail = failing_record();
  second_fail.categories[index_of(Category::political_landscape)].score = 65;
  tally.add(second_fail);
  CHECK(handoff::report::render_summary_markdown(tally) ==
        "### handoff-lint\n\n"
        "| Records | Passed | Failed | Errors |\n| ---: | ---: | ---: | ---: |\n"
        "| 4 | 1 | 2 | 1 |\n"
        "\n| Worst categories | Records with a gap | Average score |\n| --- | ---: | ---: |\n"
        "| Promises and commitments | 2 | 33 |\n"
        "| Political landscape | 2 | 60 |\n"
        "| Success criteria | 2 | 72 |\n");
}

TEST_CASE("github: step summary for a clean run", "[report]") {
  handoff::report::SummaryTally tally;
  tally.add(passing_record());
  CHECK(handoff::report::render_summary_markdown(tally) ==
        "### handoff-lint\n\n"
        "| Records | Passed | Failed | Errors |\n| ---: | ---: | ---: | ---: |\n"
        "| 1 | 1 | 0 | 0 |\n"
        "\nNo category gaps.\n");
}

TEST_CASE("github: the step-summary reporter writes the same table at end()", "[report]") {
  std::ostringstream out;
  auto reporter = handoff::report::make_step_summary_reporter(out);
  handoff::report::SummaryTally tally;
  reporter->begin();
  for (const RecordResult& r : all_records()) {
    reporter->record(r);
    tally.add(r);
  }
  CHECK(out.str().empty());  // nothing before the run ends
  reporter->end(summarize(all_records()));
  CHECK(out.str() == handoff::report::render_summary_markdown(tally));
  CHECK(out.str().find("| 3 | 1 | 1 | 1 |\n") != std::string::npos);
  CHECK(out.str().find("| Promises and commitments | 1 | 50 |\n") != std::string::npos);
}

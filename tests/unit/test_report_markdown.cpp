#include <catch2/catch.hpp>

#include "test_report_fixtures.hpp"

using namespace report_fixtures;

TEST_CASE("markdown: a table of records, the counts, and what each gap needs", "[report]") {
  const std::string expected =
      "### handoff-lint\n"
      "\n"
      "| Record | Account | Gate | Score | Gaps |\n"
      "| --- | --- | --- | ---: | --- |\n"
      "| handoffs/larkspur.md | Larkspur Analytics | pass | 88 |  |\n"
      "| handoffs/q3-deals.yaml\\#2 | Pinecrest Freight | **FAIL** | 61 | Promises and "
      "commitments 0/70; Political landscape 40/70; Success criteria 60/70 (optional) |\n"
      "| handoffs/broken.md |  | **error** | – | invalid UTF-8 at byte 3 |\n"
      "\n"
      "**3 records: 1 passed, 1 failed, 1 error** (1 finding suppressed)\n"
      "\n"
      "What each gap needs:\n"
      "\n"
      "- **Promises and commitments**: What was promised outside the contract, item by item, and "
      "by when? If nothing, say so.\n"
      "- **Political landscape**: Who lost the budget battle, who is skeptical or blocking, by "
      "name and role?\n"
      "- **Success criteria**: How will the champion judge success: which measures, from what to "
      "what, by when?\n";
  CHECK(render("markdown", all_records()) == expected);
}

TEST_CASE("markdown: record text cannot break the table or inject HTML", "[report]") {
  RecordResult r = passing_record();
  r.source = "in|box/<b>x</b>.md";
  r.account = "Pipe | Co <img src=x onerror=alert(1)> `tick` [go](javascript:x) @team\nsecond";
  std::string out = render("markdown", {r});
  CHECK(out.find("| in\\|box/&lt;b&gt;x&lt;/b&gt;.md | Pipe \\| Co &lt;img src=x "
                 "onerror=alert(1)&gt; \\`tick\\` \\[go\\](javascript:x) @\xE2\x80\x8Bteam second "
                 "| pass | 88 |  |\n") != std::string::npos);
  CHECK(out.find('<') == std::string::npos);
  CHECK(out.find("What each gap needs") == std::string::npos);
}

TEST_CASE("markdown: an empty run", "[report]") {
  CHECK(render("markdown", {}) ==
        "### handoff-lint\n\n| Record | Account | Gate | Score | Gaps |\n"
        "| --- | --- | --- | ---: | --- |\n\n**0 records: 0 passed, 0 failed, 0 errors**\n");
}

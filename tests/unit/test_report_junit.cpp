#include <catch2/catch.hpp>

#include "report/escape.hpp"
#include "test_report_fixtures.hpp"

using namespace report_fixtures;

namespace {

std::size_t count_of(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("junit: one suite per run, one case per record, failure and error bodies", "[report]") {
  const std::string expected =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"handoff-lint\" tests=\"3\" failures=\"1\" errors=\"1\">\n"
      "  <testsuite name=\"handoff-lint\" tests=\"3\" failures=\"1\" errors=\"1\" skipped=\"0\" "
      "time=\"0\">\n"
      "    <testcase classname=\"handoffs\" name=\"larkspur.md\" time=\"0\"/>\n"
      "    <testcase classname=\"handoffs\" name=\"q3-deals.yaml#2\" time=\"0\">\n"
      "      <failure message=\"Pinecrest Freight scored 61/100; 2 gaps: Promises and "
      "commitments 0/70, Political landscape 40/70\" type=\"gate\">"
      "handoffs/q3-deals.yaml#2  Pinecrest Freight  FAIL  score 61/100\n"
      "  Buying motivation           80/70  ok\n"
      "  Champion profile            72/70  ok\n"
      "  Promises and commitments     0/70  GAP\n"
      "  Red flags and risks         78/70  ok\n"
      "  Political landscape         40/70  GAP\n"
      "  Success criteria            60/70  gap (optional)\n"
      "  Communication style        100/70  ok\n"
      "handoffs/q3-deals.yaml:5:6: info [HL901] unknown key &quot;deal_size&quot; is ignored\n"
      "handoffs/q3-deals.yaml:14:23: error [HL303] promises_commitments: promises_commitments "
      "says only &quot;TBD&quot;\n"
      "    answer this: What was promised outside the contract, item by item, and by when? If "
      "nothing, say so.\n"
      "handoffs/q3-deals.yaml:20:24: warning [HL505] political_landscape: names no person or role "
      "who opposed the deal\n"
      "    answer this: Who lost the budget battle, who is skeptical or blocking, by name and "
      "role?\n"
      "handoffs/q3-deals.yaml:25:3: warning [HL605] success_criteria: has no measure with a "
      "starting value\n"
      "    answer this: How will the champion judge success: which measures, from what to what, "
      "by when?\n"
      "</failure>\n"
      "    </testcase>\n"
      "    <testcase classname=\"handoffs\" name=\"broken.md\" time=\"0\">\n"
      "      <error message=\"invalid UTF-8 at byte 3\" type=\"unreadable\">"
      "handoffs/broken.md  (no account)  ERROR\n"
      "handoffs/broken.md:7:1: error [HL900] invalid UTF-8 at byte 3\n"
      "</error>\n"
      "    </testcase>\n"
      "  </testsuite>\n"
      "</testsuites>\n";
  CHECK(render("junit", all_records()) == expected);
}

TEST_CASE("junit: a passing record with warnings shows them in system-out", "[report]") {
  RecordResult r = passing_record();
  r.source = "top.md";
  r.findings = {finding("HL706", Severity::warning, Category::communication_style,
                        "names a channel but no cadence", 32, 5)};
  std::string out = render("junit", {r});
  CHECK(out.find("<testcase classname=\".\" name=\"top.md\" time=\"0\">\n      <system-out>") !=
        std::string::npos);
  CHECK(out.find("top.md:32:5: warning [HL706] communication_style: names a channel but no "
                 "cadence\n</system-out>\n    </testcase>\n") != std::string::npos);
  CHECK(out.find("tests=\"1\" failures=\"0\" errors=\"0\"") != std::string::npos);
}

TEST_CASE("junit: hostile record text stays inert, well-formed XML", "[report]") {
  RecordResult r = failing_record();
  r.source = "evil/<x>&\"'.yaml#4";
  r.account = "Acme]]></failure></testcase><script>alert(1)</script>\x01\x1b";
  r.findings[1].message = "<![CDATA[ ]]> </testcase> \xFF\xFE bad bytes \xEF\xBF\xBF";
  std::string out = render("junit", {r});
  CHECK(count_of(out, "<testcase") == 1);
  CHECK(count_of(out, "</testcase>") == 1);
  CHECK(count_of(out, "</failure>") == 1);
  CHECK(out.find("<script>") == std::string::npos);
  CHECK(out.find("]]>") == std::string::npos);
  CHECK(out.find("<![CDATA[") == std::string::npos);
  CHECK(out.find("classname=\"evil\" name=\"&lt;x&gt;&amp;&quot;&apos;.yaml#4\"") !=
        std::string::npos);
  CHECK(out.find("message=\"Acme]]&gt;&lt;/failure&gt;&lt;/testcase&gt;&lt;script&gt;alert(1)"
                 "&lt;/script&gt;\\x01\\x1b scored 61/100; 2 gaps: ") != std::string::npos);
  // Every byte is legal XML 1.0 and the whole document is valid UTF-8.
  std::size_t illegal = 0;
  for (std::size_t i = 0; i < out.size();) {
    auto step = handoff::report::decode_utf8(out, i);
    bool legal = step.valid && (step.code_point >= 0x20 || step.code_point == '\n') &&
                 step.code_point != 0xFFFE && step.code_point != 0xFFFF;
    if (!legal) ++illegal;
    i += step.length;
  }
  CHECK(illegal == 0);
}

TEST_CASE("junit: an empty run is an empty suite", "[report]") {
  CHECK(render("junit", {}) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"handoff-lint\" tests=\"0\" failures=\"0\" errors=\"0\">\n"
        "  <testsuite name=\"handoff-lint\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\" "
        "time=\"0\">\n"
        "  </testsuite>\n"
        "</testsuites>\n");
}

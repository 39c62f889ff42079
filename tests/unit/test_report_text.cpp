#include <catch2/catch.hpp>

#include "test_report_fixtures.hpp"

using namespace report_fixtures;

TEST_CASE("text: a pass, a fail and an error render as a scorecard with findings", "[report]") {
  const std::string expected =
      "handoffs/larkspur.md  Larkspur Analytics  PASS  score 88/100\n"
      "  Buying motivation           90/70  ok\n"
      "  Champion profile            85/70  ok\n"
      "  Promises and commitments   100/70  ok\n"
      "  Red flags and risks         80/70  ok\n"
      "  Political landscape         75/70  ok\n"
      "  Success criteria            95/70  ok\n"
      "  Communication style         91/70  ok\n"
      "\n"
      "handoffs/q3-deals.yaml#2  Pinecrest Freight  FAIL  score 61/100\n"
      "  Buying motivation           80/70  ok\n"
      "  Champion profile            72/70  ok\n"
      "  Promises and commitments     0/70  GAP\n"
      "  Red flags and risks         78/70  ok\n"
      "  Political landscape         40/70  GAP\n"
      "  Success criteria            60/70  gap (optional)\n"
      "  Communication style        100/70  ok\n"
      "handoffs/q3-deals.yaml:5:6: info [HL901] unknown key \"deal_size\" is ignored\n"
      "handoffs/q3-deals.yaml:14:23: error [HL303] promises_commitments: promises_commitments "
      "says only \"TBD\"\n"
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
      "\n"
      "handoffs/broken.md  (no account)  ERROR\n"
      "handoffs/broken.md:7:1: error [HL900] invalid UTF-8 at byte 3\n"
      "\n"
      "3 records: 1 passed, 1 failed, 1 error, 1 suppressed\n";
  CHECK(render("text", all_records()) == expected);
}

TEST_CASE("text: the suppressed finding is hidden but counted", "[report]") {
  std::string out = render("text", {failing_record()});
  CHECK(out.find("HL506") == std::string::npos);
  CHECK(out.find("nobody lost budget") == std::string::npos);
  CHECK(out.ends_with("1 record: 0 passed, 1 failed, 0 errors, 1 suppressed\n"));
}

TEST_CASE("text: explain lists each category's checks", "[report]") {
  ReportOptions options;
  options.explain = true;
  std::string out = render("text", {passing_record(), failing_record()}, options);
  CHECK(out.find("  Buying motivation           90/70  ok\n"
                 "      HL104  40/40\n"
                 "      HL105  50/60\n"
                 "  Champion profile            85/70  ok\n") != std::string::npos);
  CHECK(out.find("  Political landscape         40/70  GAP\n"
                 "      HL505  0/30\n"
                 "      HL506  40/70\n") != std::string::npos);
  CHECK(render("text", {passing_record()}).find("HL104") == std::string::npos);
}

TEST_CASE("text: colour only when asked", "[report]") {
  CHECK(render("text", all_records()).find('\x1b') == std::string::npos);
  ReportOptions options;
  options.color = true;
  std::string out = render("text", all_records(), options);
  CHECK(out.find("Larkspur Analytics  \x1b[32mPASS\x1b[0m  score 88/100\n") != std::string::npos);
  CHECK(out.find("Pinecrest Freight  \x1b[31mFAIL\x1b[0m  score 61/100\n") != std::string::npos);
  CHECK(out.find("(no account)  \x1b[31mERROR\x1b[0m\n") != std::string::npos);
  CHECK(out.find(":14:23: \x1b[31merror\x1b[0m [HL303]") != std::string::npos);
  CHECK(out.find(":20:24: \x1b[33mwarning\x1b[0m [HL505]") != std::string::npos);
  CHECK(out.find(":5:6: info [HL901]") != std::string::npos);
  CHECK(out.find("0/70  \x1b[31mGAP\x1b[0m\n") != std::string::npos);
}

TEST_CASE("text: terminal control characters in record text are made visible", "[report]") {
  RecordResult r = failing_record();
  r.account = "Evil\x1b[2J\x1b]0;pwned\x07 Co";
  r.source = "handoffs/\x1b[31mred.md";
  r.findings[1].message = "bell\x07 cr\r del\x7f c1\xC2\x9B raw\x9B rlo\xE2\x80\xAE tab\tok";
  ReportOptions options;
  options.color = true;
  std::string out = render("text", {r}, options);
  CHECK(out.find("handoffs/\\x1b[31mred.md  Evil\\x1b[2J\\x1b]0;pwned\\x07 Co  ") !=
        std::string::npos);
  CHECK(out.find("bell\\x07 cr\\x0d del\\x7f c1\\u009b raw\\x9b rlo\\u202e tab\tok") !=
        std::string::npos);
  // The only escape sequences left are the reporter's own colours.
  for (std::size_t at = out.find('\x1b'); at != std::string::npos; at = out.find('\x1b', at + 1)) {
    std::string_view sequence = std::string_view(out).substr(at, 5);
    bool own_colour = sequence.starts_with("\x1b[0m") || sequence == "\x1b[31m" ||
                      sequence == "\x1b[32m" || sequence == "\x1b[33m";
    CHECK(own_colour);
  }
  for (char forbidden : {'\x07', '\x7f', '\r', '\x9b'})
    CHECK(out.find(forbidden) == std::string::npos);
}

TEST_CASE("text: a gap with no visible finding still gets its question", "[report]") {
  RecordResult r = failing_record();
  r.findings.erase(r.findings.begin() + 2);  // HL505; only the suppressed HL506 is left in politics
  std::string out = render("text", {r});
  CHECK(out.find("handoffs/q3-deals.yaml:20:3: note: political_landscape: scores 40, below its "
                 "threshold of 70\n"
                 "    answer this: Who lost the budget battle, who is skeptical or blocking, by "
                 "name and role?\n") != std::string::npos);
}

TEST_CASE("text: unknown positions are left out of the location", "[report]") {
  RecordResult r = error_record();
  r.findings = {finding("HL900", Severity::error, std::nullopt, "file is empty", 0, 0),
                finding("HL901", Severity::warning, std::nullopt, "line too long", 9, 0)};
  std::string out = render("text", {r});
  CHECK(out.find("\nhandoffs/broken.md: error [HL900] file is empty\n") != std::string::npos);
  CHECK(out.find("\nhandoffs/broken.md:9: warning [HL901] line too long\n") != std::string::npos);
}

TEST_CASE("text: an empty run still prints the summary", "[report]") {
  CHECK(render("text", {}) == "0 records: 0 passed, 0 failed, 0 errors\n");
}

TEST_CASE("make_reporter knows the six formats and nothing else", "[report]") {
  std::ostringstream out;
  for (std::string_view name : {"text", "json", "sarif", "junit", "github", "markdown"})
    CHECK(make_reporter(name, out, {}) != nullptr);
  CHECK(make_reporter("html", out, {}) == nullptr);
  CHECK(make_reporter("", out, {}) == nullptr);
  CHECK(make_reporter("TEXT", out, {}) == nullptr);
  CHECK(std::string(kToolName) == "handoff-lint");
  CHECK(std::string(kToolVersion) == "0.1.0");
}

// HL8xx deal-level rules: header facts and the internal handoff-call policy.
#include <catch2/catch.hpp>

#include "test_rules_support.hpp"

using namespace handoff;
using namespace handoff::testing;

namespace {
using Codes = std::vector<std::string>;

Record with_acv(const std::string& text, std::optional<double> amount) {
  Record r = good_record();
  r.header.acv = header(text, 2);
  r.header.acv_amount = amount;
  return r;
}

Contact contact(const std::string& name, const std::string& role, std::uint32_t line) {
  return {name, role, {line, 5}};
}
}  // namespace

TEST_CASE("HL801 and HL804 fire when the account or the AE is missing or a prompt", "[rules]") {
  Record r = good_record();
  r.header.account = {};
  r.header.ae = header("<Account executive>", 4);
  RecordResult result = lint(r);
  CHECK(codes(result) == Codes{"HL801", "HL804"});
  CHECK(finding(result, "HL801")->message == "Add the account name.");
  CHECK(finding(result, "HL804")->message == "Name the AE who closed the deal.");
  CHECK(finding(result, "HL804")->pos.line == 4);
  CHECK(finding(result, "HL804")->severity == Severity::warning);
  CHECK_FALSE(finding(result, "HL804")->category);
  // Warnings only: the gate still passes.
  CHECK(result.gate == Gate::pass);
}

TEST_CASE("HL802 fires when the ACV is missing or not an amount", "[rules]") {
  Record missing = good_record();
  missing.header.acv = {};
  missing.header.acv_amount.reset();
  CHECK(finding(lint(missing), "HL802")->message ==
        "Add the ACV (annual contract value) as an amount, such as 48,000.");
  RecordResult words = lint(with_acv("about sixty thousand", std::nullopt));
  CHECK(finding(words, "HL802")->message ==
        "Write the ACV as an amount such as 48,000 or $48k; \"about sixty thousand\" is not one.");
  CHECK(finding(words, "HL802")->pos.line == 2);
  // A loader that did not fill acv_amount still gets the amount parsed.
  CHECK_FALSE(fires(lint(with_acv("USD 38,500", std::nullopt)), "HL802"));
}

TEST_CASE("HL803 fires when the close date is missing or not a real ISO date", "[rules]") {
  Record r = good_record();
  r.header.close_date = header("03/17/2026", 3);
  CHECK(finding(lint(r), "HL803")->message ==
        "Write the close date as YYYY-MM-DD; \"03/17/2026\" is not.");
  r.header.close_date = header("2026-02-30", 3);
  CHECK(fires(lint(r), "HL803"));
  r.header.close_date = {};
  CHECK(finding(lint(r), "HL803")->message == "Add the close date as YYYY-MM-DD.");
  r.header.close_date = header(" 2026-03-17 ", 3);
  CHECK_FALSE(fires(lint(r), "HL803"));
}

TEST_CASE("HL805 requires a handoff call above 50,000 ACV", "[rules]") {
  Record r = with_acv("$72,500", 72500);
  RecordResult result = lint(r);
  CHECK(codes(result) == Codes{"HL805"});
  const Finding* f = finding(result, "HL805");
  CHECK(f->message ==
        "Hold an internal AE-to-CSM handoff call and record it under handoff_call: ACV 72,500 is "
        "over 50,000.");
  CHECK(f->pos.line == 2);  // no handoff_call field: points at the ACV
  CHECK_FALSE(fires(lint(with_acv("$50,000", 50000)), "HL805"));  // over, not at
}

TEST_CASE("HL805 requires a handoff call for more than two stakeholders", "[rules]") {
  Record r = good_record();
  r.key_contacts_present = true;
  r.key_contacts_pos = {90, 1};
  r.key_contacts = {contact("Ines Calloway", "VP Operations", 91),
                    contact("Tomasz Wren", "CFO", 92)};
  CHECK_FALSE(fires(lint(r), "HL805"));
  r.key_contacts.push_back(contact("Hugo Tanaka", "IT manager", 93));
  RecordResult result = lint(r);
  CHECK(finding(result, "HL805")->message ==
        "Hold an internal AE-to-CSM handoff call and record it under handoff_call: 3 customer "
        "stakeholders are named.");
  CHECK(finding(result, "HL805")->pos.line == 90);
}

TEST_CASE("HL805 names both conditions and points at a declining handoff_call", "[rules]") {
  Record r = with_acv("67.2k", 67200);
  r.key_contacts = {contact("A Person", "", 91), contact("B Person", "", 92),
                    contact("C Person", "", 93), contact("D Person", "", 94)};
  r.handoff_call = prose("No, the AE is on leave until May.", 100);
  RecordResult result = lint(r);
  CHECK(finding(result, "HL805")->message ==
        "Hold an internal AE-to-CSM handoff call and record it under handoff_call: ACV 67,200 is "
        "over 50,000 and 4 customer stakeholders are named.");
  CHECK(finding(result, "HL805")->pos.line == 100);
}

TEST_CASE("HL805 treats blank, placeholder and negative handoff_call values as no call", "[rules]") {
  const char* declined[] = {"", "no", "No.", "not yet", "TBD", "n/a", "<Date of the call>",
                            "Skipped - async only", "false"};
  for (const char* text : declined) {
    CAPTURE(text);
    Record r = with_acv("$72,500", 72500);
    r.handoff_call = prose(text, 100);
    CHECK(fires(lint(r), "HL805"));
  }
  const char* held[] = {"Held 2026-03-19 with Oskar and Noor, 30 minutes.", "yes",
                        "Scheduled for Thursday 2026-03-26"};
  for (const char* text : held) {
    CAPTURE(text);
    Record r = with_acv("$72,500", 72500);
    r.handoff_call = prose(text, 100);
    CHECK_FALSE(fires(lint(r), "HL805"));
  }
}

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
  CHECK(codes(result) == Codes{"HL805", "HL806"});  // a deal this size also expects enrichment
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

TEST_CASE("HL805 treats blank, placeholder and negative handoff_call values as no call",
          "[rules]") {
  const char* declined[] = {
      "",     "no", "No.", "not yet", "TBD", "n/a", "<Date of the call>", "Skipped - async only",
      "false"};
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

TEST_CASE("HL805 also requires a call for open red flags or political resistance", "[rules]") {
  Record r = good_record();  // ACV 38,500, no key contacts
  r.field(Category::red_flags_risks) =
      bullets({"Hugo Tanaka in IT worries about SSO; deferred to implementation, unresolved.",
               "Finance wants a price review after six months; still open.",
               "Dispatchers fear being measured; Ines reassured them, settled."},
              40);
  RecordResult open = lint(r);
  CHECK(finding(open, "HL805")->message ==
        "Hold an internal AE-to-CSM handoff call and record it under handoff_call: 2 red flags "
        "are still open.");
  CHECK(finding(open, "HL805")->pos.line == 41);  // no call, no big ACV: points at the risks

  Record political = good_record();
  political.field(Category::political_landscape) = prose(
      "The CFO, Tomasz Wren, was skeptical and lost the budget argument. Hugo Tanaka in IT was "
      "overruled on the vendor. The head of dispatch, Lars Moe, opposed the project openly.",
      50);
  RecordResult resisted = lint(political);
  CHECK(finding(resisted, "HL805")->message ==
        "Hold an internal AE-to-CSM handoff call and record it under handoff_call: the political "
        "landscape names resistance in 3 places.");
  // Two resistant sentences (the good record's own politics) are ordinary, not complex.
  CHECK_FALSE(fires(lint(good_record()), "HL805"));
  political.handoff_call = prose("Held 2026-03-19, 30 minutes.", 100);
  CHECK_FALSE(fires(lint(political), "HL805"));
}

TEST_CASE("HL806 lists the enrichment a big or political deal lacks", "[rules]") {
  Record r = with_acv("$84,000", 84000);
  r.handoff_call = prose("Held 2026-03-19, 30 minutes.", 100);
  RecordResult result = lint(r);
  CHECK(codes(result) == Codes{"HL806"});
  CHECK(finding(result, "HL806")->message ==
        "Add key contacts, competitive context, relationship history (ACV 84,000 is over "
        "50,000): a deal like this needs more than the seven fields.");
  r.key_contacts = {contact("Ines Calloway", "VP Operations", 91)};
  r.competitive_context = prose("RouteWise promised a two-week rollout.", 95);
  CHECK(finding(lint(r), "HL806")->message ==
        "Add relationship history (ACV 84,000 is over 50,000): a deal like this needs more "
        "than the seven fields.");
  r.relationship_history = prose("First purchase.", 96);
  CHECK_FALSE(fires(lint(r), "HL806"));
  CHECK_FALSE(fires(lint(good_record()), "HL806"));  // 38,500 and ordinary politics
}

TEST_CASE("HL807 lists people named in risks or politics but not in key contacts", "[rules]") {
  Record r = good_record();
  r.key_contacts_present = true;
  r.key_contacts_pos = {90, 1};
  r.key_contacts = {contact("Hugo Tanaka", "IT manager", 91)};
  RecordResult result = lint(r);
  const Finding* f = finding(result, "HL807");
  REQUIRE(f);
  CHECK(f->severity == Severity::info);
  CHECK(f->message ==
        "Add to key contacts the people named in red flags or politics: Tomasz Wren.");
  CHECK(f->pos.line == 90);
  // Listed by first name only still counts; the champion (Ines) is never asked for.
  r.key_contacts.push_back(contact("Tomasz", "CFO", 92));
  CHECK_FALSE(fires(lint(r), "HL807"));
  // No key contacts at all: nothing to complete (HL806 asks for the list on bigger deals).
  CHECK_FALSE(fires(lint(good_record()), "HL807"));
}

TEST_CASE("HL808 warns past ten minutes of reading at 220 words a minute", "[rules]") {
  Record r = good_record();
  std::string words;
  for (int i = 0; i < 2300; ++i) words += "word ";
  r.competitive_context = prose(words, 90);
  RecordResult result = lint(r);
  const Finding* f = finding(result, "HL808");
  REQUIRE(f);
  CHECK(f->message.rfind("About 12 minutes to read (", 0) == 0);
  CHECK(f->pos.line == 0);
  CHECK(result.gate == Gate::pass);  // a warning: it never fails the gate by default
  CHECK_FALSE(fires(lint(good_record()), "HL808"));
}

TEST_CASE("HL809 flags a record of one-sentence summaries as a whole", "[rules]") {
  Record r = good_record();
  const char* summaries[] = {"They want better dispatch visibility.",
                             "Ines Calloway, VP Operations.",
                             "Sandbox by April.",
                             "IT worried about SSO.",
                             "CFO was skeptical.",
                             "On-time delivery above 95%.",
                             "Slack, weekly."};
  for (Category c : kAllCategories) r.field(c) = prose(summaries[index_of(c)]);
  RecordResult result = lint(r);
  CHECK(finding(result, "HL809")->message ==
        "7 of the 7 fields are one-sentence summaries: the CSM will have to ask the customer "
        "what the AE already knows.");
  // Five summaries are not "nearly all".
  Record mixed = good_record();
  for (Category c :
       {Category::buying_motivation, Category::champion_profile, Category::promises_commitments,
        Category::red_flags_risks, Category::political_landscape})
    mixed.field(c) = prose(summaries[index_of(c)]);
  CHECK_FALSE(fires(lint(mixed), "HL809"));
}

TEST_CASE("HL810 and HL811 check that the ACV is positive and the close date plausible",
          "[rules]") {
  CHECK(finding(lint(with_acv("0", 0)), "HL810")->message ==
        "The ACV must be a positive amount; \"0\" is not.");
  CHECK_FALSE(fires(lint(good_record()), "HL810"));

  Record r = good_record();  // mentions 2026 (promises, success criteria)
  r.header.close_date = header("2062-03-17", 3);
  CHECK(finding(lint(r), "HL811")->message ==
        "Close date 2062-03-17 is more than 2 years after the newest date the record mentions "
        "(2026); check it for a typo.");
  r.header.close_date = header("2028-12-31", 3);
  CHECK_FALSE(fires(lint(r), "HL811"));  // two years on is still plausible
  // A record that mentions no year gives nothing to compare with.
  Record undated = good_record();
  undated.header.close_date = header("2062-03-17", 3);
  for (Category c : kAllCategories) undated.field(c).text.clear(), undated.field(c).items.clear();
  CHECK_FALSE(fires(lint(undated), "HL811"));
}

// The plain-text loader: label lines, header facts, paragraphs and bullets, with exact positions.
#include <catch2/catch.hpp>

#include "load/sections.hpp"
#include "section_loader_support.hpp"

using namespace handoff;
using handoff::test::at;
using handoff::test::LC;
using handoff::test::load_text_one;

namespace {

// Line numbers are in the comments; columns count bytes ("•" is three).
const char* const kSample =
    "Deal notes for the internal handoff\n"                          // 1
    "Account: Fernhill Robotics\n"                                   // 2
    "ACV: $48,500\n"                                                 // 3
    "Close date: 2026-03-17\n"                                       // 4
    "Products: Parts Ledger + Vendor Portal\n"                       // 5
    "AE: Rosa Lindqvist\n"                                           // 6
    "CSM assigned: Kwame Osei\n"                                     // 7
    "\n"                                                             // 8
    "Field 1: Buying motivation (real reason they bought)\n"         // 9
    "Their parts reorders run on spreadsheets and a stockout\n"      // 10
    "stopped line 3 for two days in January.\n"                      // 11
    "\n"                                                             // 12
    "  The plant manager gave them until the Q3 audit to fix it.\n"  // 13
    "\n"                                                             // 14
    "Champion: Odile Brandt, Director of Operations; ran the pilot.\n"  // 15
    "\n"                                                             // 16
    "3) Promises\n"                                                  // 17
    "- Sandbox within 48 hours of signature\n"                       // 18
    "\xE2\x80\xA2 Two extra admin seats until renewal,\n"            // 19
    "  confirmed by email on March 2\n"                              // 20
    "* Weekly check-in during the first month\n"                     // 21
    "\n"                                                             // 22
    "RED FLAGS & RISKS -\n"                                          // 23
    "Note: the CFO asked twice about the exit clause.\n"             // 24
    "\n"                                                             // 25
    "Political landscape:\n"                                         // 26
    "\n"                                                             // 27
    "Key contacts:\n"                                                // 28
    "- Tobias Wren, CFO\n"                                           // 29
    "Lena Park (IT lead)\n"                                          // 30
    "\n"                                                             // 31
    "Why they bought: a second answer that must not win\n";          // 32

}  // namespace

TEST_CASE("text: header facts map through the alias table with positions", "[text]") {
  Loaded l = load_text_one(kSample);
  REQUIRE_FALSE(l.error);
  const Header& h = l.record.header;
  CHECK(l.record.format == "text");
  CHECK(h.account.text == "Fernhill Robotics");
  CHECK(at(h.account.pos) == LC{2, 10});
  CHECK(h.acv.text == "$48,500");
  REQUIRE(h.acv_amount);
  CHECK(*h.acv_amount == 48500.0);
  CHECK(h.close_date.text == "2026-03-17");
  CHECK(at(h.close_date.pos) == LC{4, 13});
  REQUIRE(h.products.size() == 2);
  CHECK(h.products[0].text == "Parts Ledger");
  CHECK(h.products[1].text == "Vendor Portal");
  CHECK(h.ae.text == "Rosa Lindqvist");
  CHECK(h.csm.text == "Kwame Osei");
  CHECK(at(h.csm.pos) == LC{7, 15});
}

TEST_CASE("text: paragraphs, bullets and continuation lines become items", "[text]") {
  Loaded l = load_text_one(kSample);
  REQUIRE_FALSE(l.error);

  const Field& bm = l.record.field(Category::buying_motivation);
  REQUIRE(bm.present);
  CHECK_FALSE(bm.is_list);
  REQUIRE(bm.items.size() == 2);
  CHECK(bm.items[0].text ==
        "Their parts reorders run on spreadsheets and a stockout stopped line 3 for two days in January.");
  CHECK(at(bm.items[0].pos) == LC{10, 1});
  CHECK(bm.items[1].text == "The plant manager gave them until the Q3 audit to fix it.");
  CHECK(at(bm.items[1].pos) == LC{13, 3});
  CHECK(at(bm.pos) == LC{10, 1});
  CHECK(bm.text == bm.items[0].text + "\n" + bm.items[1].text);

  const Field& champ = l.record.field(Category::champion_profile);
  CHECK(champ.text == "Odile Brandt, Director of Operations; ran the pilot.");
  CHECK(at(champ.pos) == LC{15, 11});

  const Field& promises = l.record.field(Category::promises_commitments);
  CHECK(promises.is_list);
  REQUIRE(promises.items.size() == 3);
  CHECK(promises.items[0].text == "Sandbox within 48 hours of signature");
  CHECK(at(promises.items[0].pos) == LC{18, 3});
  CHECK(promises.items[1].text == "Two extra admin seats until renewal, confirmed by email on March 2");
  CHECK(at(promises.items[1].pos) == LC{19, 5});
  CHECK(promises.items[2].text == "Weekly check-in during the first month");
  CHECK(at(promises.items[2].pos) == LC{21, 3});
}

TEST_CASE("text: a sentence with a colon stays content; an empty label is present", "[text]") {
  Loaded l = load_text_one(kSample);
  const Field& risks = l.record.field(Category::red_flags_risks);
  REQUIRE(risks.present);
  CHECK(risks.text == "Note: the CFO asked twice about the exit clause.");
  CHECK(at(risks.pos) == LC{24, 1});

  const Field& politics = l.record.field(Category::political_landscape);
  CHECK(politics.present);
  CHECK(politics.text.empty());
  CHECK(politics.items.empty());
  CHECK(at(politics.pos) == LC{26, 1});

  CHECK_FALSE(l.record.field(Category::success_criteria).present);
  CHECK_FALSE(l.record.field(Category::communication_style).present);
}

TEST_CASE("text: key contacts are one per bullet or line", "[text]") {
  Loaded l = load_text_one(kSample);
  REQUIRE(l.record.key_contacts_present);
  REQUIRE(l.record.key_contacts.size() == 2);
  CHECK(l.record.key_contacts[0].name == "Tobias Wren");
  CHECK(l.record.key_contacts[0].role == "CFO");
  CHECK(at(l.record.key_contacts[0].pos) == LC{29, 3});
  CHECK(l.record.key_contacts[1].name == "Lena Park");
  CHECK(l.record.key_contacts[1].role == "IT lead");
  CHECK(at(l.record.key_contacts[1].pos) == LC{30, 1});
}

TEST_CASE("text: a duplicate label keeps the first value and warns HL902 with both lines", "[text]") {
  Loaded l = load_text_one(kSample);
  REQUIRE(l.warnings.size() == 1);
  const Finding& w = l.warnings[0];
  CHECK(w.rule == "HL902");
  CHECK(w.severity == Severity::warning);
  CHECK(w.category == Category::buying_motivation);
  CHECK(at(w.pos) == LC{32, 1});
  CHECK(w.message == "duplicate field 'Buying motivation' at line 32 (first given at line 9); the first is kept");
  CHECK(l.record.field(Category::buying_motivation).items.size() == 2);
}

TEST_CASE("text: inline value continues on the next lines", "[text]") {
  Loaded l = load_text_one(
      "Why they bought: their auditor flagged the manual\n"
      "reorder process, twice.\n"
      "Success criteria:\n"
      "  Stockouts down to zero by September\n");
  REQUIRE_FALSE(l.error);
  const Field& bm = l.record.field(Category::buying_motivation);
  REQUIRE(bm.items.size() == 1);
  CHECK(bm.text == "their auditor flagged the manual reorder process, twice.");
  CHECK(at(bm.pos) == LC{1, 18});
  const Field& sc = l.record.field(Category::success_criteria);
  CHECK(sc.text == "Stockouts down to zero by September");
  CHECK(at(sc.pos) == LC{4, 3});
}

TEST_CASE("text: numbered labels, numbered content and header bullets", "[text]") {
  Loaded l = load_text_one(
      "- Account: Larkspur Dental Group\n"                       // 1
      "- ACV: 31.5k\n"                                            // 2
      "1. Why they bought: three clinics merged and billing broke\n"  // 3
      "2. Champion: Amara Quist, practice director\n"             // 4
      "Section 6 - Success criteria (how they will judge it)\n"   // 5
      "1. Goals: claims paid within 14 days\n"                    // 6
      "2. Denials under 4 percent\n"                              // 7
      "   by the end of Q2\n");                                   // 8
  REQUIRE_FALSE(l.error);
  CHECK(l.record.header.account.text == "Larkspur Dental Group");
  CHECK(at(l.record.header.account.pos) == LC{1, 12});
  REQUIRE(l.record.header.acv_amount);
  CHECK(*l.record.header.acv_amount == 31500.0);
  CHECK(l.record.field(Category::buying_motivation).text == "three clinics merged and billing broke");
  CHECK(at(l.record.field(Category::buying_motivation).pos) == LC{3, 21});
  CHECK(l.record.field(Category::champion_profile).text == "Amara Quist, practice director");
  const Field& sc = l.record.field(Category::success_criteria);
  CHECK(sc.is_list);
  REQUIRE(sc.items.size() == 2);
  CHECK(sc.items[0].text == "Goals: claims paid within 14 days");  // seen already: content
  CHECK(at(sc.items[0].pos) == LC{6, 4});
  CHECK(sc.items[1].text == "Denials under 4 percent by the end of Q2");
  CHECK(l.warnings.empty());
}

TEST_CASE("text: files without labels or without content are error records", "[text]") {
  struct Case {
    const char* text;
    const char* message_start;
  };
  const Case cases[] = {
      {"", "file has no content"},
      {"  \n\t\n\n", "file has no content"},
      {"Call went well.\nThey asked about pricing: we said no discount.\n", "no handoff fields found:"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    Loaded l = load_text_one(c.text);
    REQUIRE(l.error);
    CHECK(l.error->message.starts_with(c.message_start));
    CHECK(l.record.source == "deal.txt");
    CHECK(l.record.format == "text");
  }
}

TEST_CASE("text: suppressions scope to their field or the whole record", "[text]") {
  Loaded l = load_text_one(
      "<!-- handoff-lint: disable HL501 -- header checked by hand -->\n"  // 1
      "Champion: Odile Brandt\n"                                          // 2
      "  <!-- handoff-lint: disable=HL301,HL302 -->\n"                    // 3
      "is the sponsor.\n"                                                 // 4
      "Account: Fernhill Robotics\n"                                      // 5
      "<!-- handoff-lint: disable HL999 -- after a header fact -->\n"     // 6
      "<!-- an ordinary comment -->\n");                                  // 7
  REQUIRE_FALSE(l.error);
  const auto& s = l.record.suppressions;
  REQUIRE(s.size() == 3);
  CHECK(s[0].rules == std::vector<std::string>{"HL501"});
  CHECK(s[0].reason == "header checked by hand");
  CHECK_FALSE(s[0].scope);
  CHECK(at(s[0].pos) == LC{1, 1});
  CHECK(s[1].rules == std::vector<std::string>{"HL301", "HL302"});
  CHECK(s[1].scope == Category::champion_profile);
  CHECK(at(s[1].pos) == LC{3, 3});
  CHECK_FALSE(s[2].scope);
  // The comment is not part of the value, and does not split the paragraph.
  CHECK(l.record.field(Category::champion_profile).text == "Odile Brandt is the sponsor.");
}

TEST_CASE("text: a field longer than the limit is an error naming its label line", "[text]") {
  Limits limits;
  limits.max_field_bytes = 40;
  Loaded l = load_text_one(
      "Account: Fernhill Robotics\n"
      "Promises:\n"
      "- a sandbox within two days of signature\n"
      "- two admin seats\n",
      limits);
  REQUIRE(l.error);
  CHECK(l.error->message == "field 'Promises and commitments' is longer than 40 bytes (limits.max_field_bytes)");
  CHECK(at(l.error->pos) == LC{2, 1});
}

TEST_CASE("text: read_labelled_text places a CRM notes cell inside its file", "[text]") {
  Limits limits;
  SectionBuilder b(limits, "crm.csv#3", "csv");
  read_labelled_text("Champion: Odile Brandt\nRisks:\n- CFO wants an exit clause", {7, 15},
                     handoff::test::test_labels(), b);
  Loaded l = b.finish(true);
  REQUIRE_FALSE(l.error);
  CHECK(at(l.record.field(Category::champion_profile).pos) == LC{7, 25});
  CHECK(at(l.record.field(Category::red_flags_risks).items[0].pos) == LC{9, 3});
}

TEST_CASE("text: duplicate warnings stop at max_findings_per_record", "[text]") {
  Limits limits;
  limits.max_findings_per_record = 3;
  std::string doc;
  for (int i = 0; i < 10; ++i) doc += "Champion: candidate " + std::to_string(i) + "\n";
  Loaded l = load_text_one(doc, limits);
  REQUIRE_FALSE(l.error);
  CHECK(l.warnings.size() == 3);
  CHECK(at(l.warnings.back().pos) == LC{4, 1});
  CHECK(l.record.field(Category::champion_profile).text == "candidate 0");
}

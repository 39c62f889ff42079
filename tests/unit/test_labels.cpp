// Label-line recognition, bullet markers and suppression comments (src/load/sections.cpp).
#include <array>
#include <catch2/catch.hpp>

#include "load/sections.hpp"
#include "section_loader_support.hpp"

using namespace handoff;
using handoff::test::test_labels;

TEST_CASE("label lines map to their field and say where the inline value starts",
          "[text][markdown]") {
  struct Case {
    const char* line;
    FieldKey key;
    std::size_t value_offset;  // 0 = the label fills the line
  };
  const Case cases[] = {
      {"Field 1: Buying motivation (real reason they bought)", FieldKey::buying_motivation, 0},
      {"Field 1: Buying motivation (real reason they bought): they had to",
       FieldKey::buying_motivation, 54},
      {"Champion:", FieldKey::champion_profile, 0},
      {"CHAMPION PROFILE", FieldKey::champion_profile, 0},
      {"3) Promises", FieldKey::promises_commitments, 0},
      {"2. Promises and commitments:", FieldKey::promises_commitments, 0},
      {"Red flags & risks -", FieldKey::red_flags_risks, 0},
      {"Section 5 - Political landscape", FieldKey::political_landscape, 0},
      {"## Success criteria", FieldKey::success_criteria, 0},
      {"Why they bought: text continues on the same line", FieldKey::buying_motivation, 17},
      {"Why they bought:    spaced", FieldKey::buying_motivation, 20},
      {"**Champion:** Odile Brandt", FieldKey::champion_profile, 14},
      {"Account: Fernhill Robotics", FieldKey::account, 9},
      {"ACV: $48,500", FieldKey::acv, 5},
      {"Close date: 2026-03-17", FieldKey::close_date, 12},
      {"CSM assigned: Kwame Osei", FieldKey::csm, 14},
      {"Communication style and cadence preferences (how they like to work):",
       FieldKey::communication_style, 0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    std::string_view line = c.line;
    auto m = match_label_line(line, test_labels());
    REQUIRE(m);
    CHECK(m->key == c.key);
    CHECK(m->value_offset == (c.value_offset == 0 ? line.size() : c.value_offset));
  }
}

TEST_CASE("sentences that contain a colon are not labels", "[text][markdown]") {
  for (const char* line :
       {"The main risk: their budget is approved for one year only",
        "Note: the champion is new in role", "Time: 10:30 on Tuesdays", "https://example.com/deal",
        ":", "", "Champions of the rollout were named", "Risks are low according to the AE",
        "We promised: nothing in writing"}) {
    CAPTURE(line);
    CHECK_FALSE(match_label_line(line, test_labels()));
  }
}

TEST_CASE("bullet markers of every kind", "[text][markdown]") {
  struct Case {
    const char* line;
    std::size_t text_offset;
    bool numbered;
  };
  const Case bullets[] = {
      {"- item", 2, false},
      {"* item", 2, false},
      {"\xE2\x80\xA2 item", 4, false},
      {"\xE2\x80\x93 item", 4, false},
      {"1. item", 3, true},
      {"12) item", 4, true},
      {"a) item", 3, true},
      {"-   spaced", 4, false},
      {"-\titem", 2, false},
  };
  for (const auto& c : bullets) {
    CAPTURE(c.line);
    auto b = match_bullet(c.line);
    REQUIRE(b);
    CHECK(b->text_offset == c.text_offset);
    CHECK(b->numbered == c.numbered);
  }
  for (const char* line :
       {"-5% churn since May", "1.5 million rows", "e.g. this one", "---", "*emphasis*",
        "2026. was the year", "ab) two letters", "plain text", "-", "1."}) {
    CAPTURE(line);
    CHECK_FALSE(match_bullet(line));
  }
}

TEST_CASE("suppression comments in both spellings", "[text][markdown]") {
  auto s = parse_suppression(
      "<!-- handoff-lint: disable HL301 HL302 -- champion left, see notes -->", {4, 1});
  REQUIRE(s);
  CHECK(s->rules == std::vector<std::string>{"HL301", "HL302"});
  CHECK(s->reason == "champion left, see notes");
  CHECK(s->pos.line == 4);
  CHECK_FALSE(s->scope);

  s = parse_suppression("  <!--handoff-lint: disable=HL301,hl507-->  ", {1, 3});
  REQUIRE(s);
  CHECK(s->rules == std::vector<std::string>{"HL301", "HL507"});
  CHECK(s->reason.empty());

  for (const char* not_one : {"<!-- just a note -->", "<!-- handoff-lint: disable -- no codes -->",
                              "<!-- handoff-lint: enable HL301 -->", "handoff-lint: disable HL301",
                              "<!-- handoff-lint: disableHL301 -->"}) {
    CAPTURE(not_one);
    CHECK_FALSE(parse_suppression(not_one, {1, 1}));
  }
}

TEST_CASE("LabelTable matches up to its longest alias, however it was built", "[text]") {
  LabelTable added;
  added.add("Why they bought", FieldKey::buying_motivation);
  added.add("Champion", FieldKey::champion_profile);
  const LabelTable prebuilt(
      {{"why they bought", FieldKey::buying_motivation}, {"champion", FieldKey::champion_profile}});
  CHECK(added == prebuilt);
  for (const LabelTable* table : std::array<const LabelTable*, 2>{&added, &prebuilt}) {
    CHECK(table->match("3) WHY THEY BOUGHT (the real reason):") == FieldKey::buying_motivation);
    CHECK(table->match("**Champion**") == FieldKey::champion_profile);
    // Normalizing stops early once the text outgrows every alias; it still must not match.
    CHECK_FALSE(table->match("Why they bought it all"));
    CHECK_FALSE(table->match(std::string(150, 'a')));
  }
}

// The JSON Lines loader: one object per line, errors per line, warnings for unknown keys.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "handoff/config.hpp"
#include "handoff/load.hpp"

using namespace handoff;

namespace {

std::vector<Loaded> load_lines(const std::string& text, const Limits& limits = Limits{}) {
  Source src{"deals.jsonl", Format::jsonl, text};
  LoadOptions opt{&limits, &default_config().labels, nullptr};
  std::vector<Loaded> out;
  load_jsonl(src, opt, [&](Loaded&& l) { out.push_back(std::move(l)); });
  return out;
}

}  // namespace

TEST_CASE("JSON Lines: one record per line, named by its line", "[jsonl]") {
  const std::string text =
      R"({"account": "Greyhaven Mills", "acv": 84500, "close_date": "2026-08-03", "products": ["Loom Planner", "Yarn API"], )"
      R"("champion_profile": "Odalys Ferreira, VP Production.\n\nShe argued for us against the CFO.", )"
      R"("promises_commitments": ["Sandbox by 2026-08-20", "Weekly call until go-live"], )"
      R"("key_contacts": [{"name": "Odalys Ferreira", "role": "VP Production"}, "Bram Visser, CFO"], )"
      R"("handoff_call": true, "red_flags_risks": null})"
      "\n"
      "   \n"
      R"({"account": "Kilnworth Pottery", "motivation": "Their kiln supplier closed in May."})"
      "\n";
  auto recs = load_lines(text);
  REQUIRE(recs.size() == 2);
  const Loaded& a = recs[0];
  REQUIRE_FALSE(a.error);
  CHECK(a.warnings.empty());
  CHECK(a.record.source == "deals.jsonl#1");
  CHECK(a.record.format == "jsonl");
  CHECK(a.record.header.account.text == "Greyhaven Mills");
  CHECK(a.record.header.acv.text == "84500");
  CHECK(a.record.header.acv_amount == 84500.0);
  REQUIRE(a.record.header.products.size() == 2);
  CHECK(a.record.header.products[1].text == "Yarn API");
  const Field& champion = a.record.field(Category::champion_profile);
  REQUIRE(champion.items.size() == 2);  // paragraphs
  CHECK(champion.items[1].text == "She argued for us against the CFO.");
  CHECK((champion.pos.line == 1 && champion.pos.column == 1));
  const Field& promises = a.record.field(Category::promises_commitments);
  CHECK(promises.is_list);
  CHECK(promises.text == "Sandbox by 2026-08-20\nWeekly call until go-live");
  REQUIRE(a.record.key_contacts.size() == 2);
  CHECK(a.record.key_contacts[0].role == "VP Production");
  CHECK(a.record.key_contacts[1].name == "Bram Visser");
  CHECK(a.record.key_contacts[1].role == "CFO");
  CHECK(a.record.handoff_call.text == "yes");
  CHECK(a.record.field(Category::red_flags_risks).present);  // null: present, empty
  CHECK(a.record.field(Category::red_flags_risks).text.empty());
  CHECK_FALSE(a.record.field(Category::success_criteria).present);

  // Line 2 is blank and skipped; the record keeps its line number. Aliases work as keys.
  CHECK(recs[1].record.source == "deals.jsonl#3");
  CHECK(recs[1].record.field(Category::buying_motivation).text == "Their kiln supplier closed in May.");
  CHECK(recs[1].record.field(Category::buying_motivation).pos.line == 3);
}

TEST_CASE("JSON Lines: an invalid line is an error record and reading goes on", "[jsonl]") {
  auto recs = load_lines(
      "{\"account\": \"Alderbank\", \"champion_profile\": \"Yara Nolan\"}\n"
      "{\"account\": \"Bellwether\", \"champion_profile\": \"Ines\",}\n"
      "{\"account\": \"Copperleaf\", \"champion_profile\": \"Tariq Haddad\"}\n");
  REQUIRE(recs.size() == 3);
  CHECK_FALSE(recs[0].error);
  REQUIRE(recs[1].error);
  CHECK(recs[1].record.source == "deals.jsonl#2");
  CHECK(recs[1].error->pos.line == 2);
  CHECK(recs[1].error->pos.column == 54);  // the '}' after the trailing comma
  CHECK(recs[1].error->message.find("invalid JSON: syntax error") == 0);
  CHECK(recs[1].error->message.find("parse_error") == std::string::npos);
  CHECK_FALSE(recs[2].error);
  CHECK(recs[2].record.field(Category::champion_profile).text == "Tariq Haddad");

  recs = load_lines("[\"not\", \"an object\"]\n");
  REQUIRE(recs.size() == 1);
  REQUIRE(recs[0].error);
  CHECK(recs[0].error->message.find("expected a JSON object") == 0);
  CHECK(recs[0].error->message.find("got a list") != std::string::npos);
}

TEST_CASE("JSON Lines: wrong value types are errors naming the key", "[jsonl]") {
  auto recs = load_lines(
      "{\"champion_profile\": {\"name\": \"Lea Strand\"}}\n"
      "{\"success_criteria\": 42}\n"
      "{\"acv\": [\"$10,000\"]}\n"
      "{\"promises_commitments\": [\"ok\", 7]}\n"
      "{\"products\": 3}\n");
  REQUIRE(recs.size() == 5);
  for (const auto& r : recs) REQUIRE(r.error);
  CHECK(recs[0].error->message == "champion_profile: expected text or a list of text, got an object");
  CHECK(recs[1].error->message == "success_criteria: expected text or a list of text, got the number 42");
  CHECK(recs[1].error->pos.line == 2);
  CHECK(recs[2].error->message == "acv: expected text or a number, got a list");
  CHECK(recs[3].error->message ==
        "promises_commitments: expected text or a list of text, got the number 7 in the list");
  CHECK(recs[4].error->message.find("products: expected") == 0);
}

TEST_CASE("JSON Lines: unknown and repeated keys are warnings", "[jsonl]") {
  auto recs = load_lines(
      "{\"account\": \"Dovecote Farms\", \"deal_vibes\": \"warm\", \"champion\": \"Ana\", "
      "\"champion_profile\": \"Bea\", \"account\": \"Other\"}\n");
  REQUIRE(recs.size() == 1);
  const Loaded& l = recs[0];
  REQUIRE_FALSE(l.error);
  REQUIRE(l.warnings.size() == 3);
  CHECK(l.warnings[0].rule == "HL902");  // the second "account", seen while parsing
  CHECK(l.warnings[0].message.find("\"account\"") != std::string::npos);
  CHECK(l.warnings[1].rule == "HL901");
  CHECK(l.warnings[1].severity == Severity::warning);
  CHECK(l.warnings[1].message == "unknown key \"deal_vibes\" is ignored");
  CHECK((l.warnings[1].pos.line == 1 && l.warnings[1].pos.column == 1));
  CHECK(l.warnings[2].rule == "HL902");  // "champion_profile" after its alias "champion"
  CHECK(l.record.header.account.text == "Dovecote Farms");
  CHECK(l.record.field(Category::champion_profile).text == "Ana");
}

TEST_CASE("JSON Lines: nesting deeper than the limit is refused before parsing", "[jsonl]") {
  Limits limits;
  limits.max_yaml_depth = 8;
  std::string deep = "{\"red_flags_risks\": " + std::string(20, '[') + std::string(20, ']') + "}";
  std::string shallow_in_string = "{\"red_flags_risks\": \"" + std::string(20, '[') + "\"}";
  auto recs = load_lines(deep + "\n" + shallow_in_string + "\n", limits);
  REQUIRE(recs.size() == 2);
  REQUIRE(recs[0].error);
  CHECK(recs[0].error->message == "nesting deeper than 8 levels (limits.max_yaml_depth)");
  CHECK(recs[0].error->pos.column == 28);  // the ninth opening bracket
  // Brackets inside a string are text, not nesting.
  REQUIRE_FALSE(recs[1].error);
  CHECK(recs[1].record.field(Category::red_flags_risks).text == std::string(20, '['));

  // The default depth, far past it: no crash, one error.
  recs = load_lines("{\"a\": " + std::string(100000, '[') + "\n");
  REQUIRE(recs.size() == 1);
  REQUIRE(recs[0].error);
  CHECK(recs[0].error->message.find("max_yaml_depth") != std::string::npos);
}

TEST_CASE("JSON Lines: empty input and the record limit", "[jsonl]") {
  auto recs = load_lines("\n  \n");
  REQUIRE(recs.size() == 1);
  REQUIRE(recs[0].error);
  CHECK(recs[0].record.source == "deals.jsonl");
  CHECK(recs[0].error->message.find("no content") == 0);

  Limits limits;
  limits.max_records_per_file = 1;
  recs = load_lines("{\"account\": \"A\"}\n{\"account\": \"B\"}\n{\"account\": \"C\"}\n", limits);
  REQUIRE(recs.size() == 2);
  REQUIRE(recs[1].error);
  CHECK(recs[1].record.source == "deals.jsonl#2");
  CHECK(recs[1].error->message.find("max_records_per_file") != std::string::npos);
}

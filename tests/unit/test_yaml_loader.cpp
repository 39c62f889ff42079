// load_yaml(): YAML text in, records with values, positions, warnings and errors out.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "handoff/config.hpp"
#include "handoff/load.hpp"

using namespace handoff;

namespace {

std::vector<Loaded> load(const std::string& text, const std::string& name = "deals/halvorsen.yaml",
                         const Limits* limits = nullptr) {
  Source src;
  src.name = name;
  src.format = Format::yaml;
  src.text = text;
  LoadOptions opt;
  opt.limits = limits ? limits : &default_config().limits;
  opt.labels = &default_config().labels;
  std::vector<Loaded> out;
  load_yaml(src, opt, [&](Loaded&& l) { out.push_back(std::move(l)); });
  return out;
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

const Finding* warning_with(const Loaded& l, std::string_view rule) {
  for (const auto& w : l.warnings)
    if (w.rule == rule) return &w;
  return nullptr;
}

const char* const kFullRecord =
    "account: Halvorsen Freight\n"                                              // 1
    "acv: $84,000\n"                                                            // 2
    "close_date: 2026-03-31\n"                                                  // 3
    "ae: Rosa Lind\n"                                                           // 4
    "csm: Kei Tanaka\n"                                                         // 5
    "products: [Route Planner, Fleet Ledger]\n"                                 // 6
    "key_contacts:\n"                                                           // 7
    "  - {name: Ines Okafor, role: VP Operations}\n"                            // 8
    "  - Paul Brandt, IT Director\n"                                            // 9
    "buying_motivation: |\n"                                                    // 10
    "  Fuel costs rose 18% and the board asked for a plan by June.\n"           // 11
    "\n"                                                                        // 12
    "  The old routing tool loses a day a week to manual fixes.\n"              // 13
    "champion_profile: Ines Okafor, VP Operations, owns the savings target.\n"  // 14
    "promises_commitments:\n"                                                   // 15
    "  - Telematics import working by 2026-05-15\n"                             // 16
    "  - Two extra admin seats at no cost\n"                                    // 17
    "red_flags_risks:\n"                                                        // 18
    "political_landscape: >\n"                                                  // 19
    "  Finance wanted a cheaper tool\n"                                         // 20
    "  and lost the vote.\n"                                                    // 21
    "success_criteria: Cut empty miles from 14% to 9% by Q4.\n"                 // 22
    "communication_style: Weekly 20-minute call, Slack for blockers.\n"         // 23
    "handoff_call: {scheduled: 2026-04-02}\n";                                  // 24

}  // namespace

TEST_CASE("a full YAML record fills every field with positions", "[yaml]") {
  auto out = load(kFullRecord);
  REQUIRE(out.size() == 1);
  const Loaded& l = out[0];
  REQUIRE_FALSE(l.error);
  CHECK(l.warnings.empty());
  const Record& r = l.record;
  CHECK(r.source == "deals/halvorsen.yaml");
  CHECK(r.format == "yaml");
  CHECK(r.header.account.text == "Halvorsen Freight");
  CHECK(r.header.account.pos.line == 1);
  CHECK(r.header.account.pos.column == 10);
  REQUIRE(r.header.acv_amount);
  CHECK(*r.header.acv_amount == 84000.0);
  CHECK(r.header.close_date.text == "2026-03-31");
  CHECK(r.header.ae.text == "Rosa Lind");
  CHECK(r.header.csm.pos.line == 5);
  REQUIRE(r.header.products.size() == 2);
  CHECK(r.header.products[1].text == "Fleet Ledger");
  CHECK(r.header.products[1].pos.line == 6);

  REQUIRE(r.key_contacts_present);
  REQUIRE(r.key_contacts.size() == 2);
  CHECK(r.key_contacts[0].name == "Ines Okafor");
  CHECK(r.key_contacts[0].role == "VP Operations");
  CHECK(r.key_contacts[0].pos.line == 8);
  CHECK(r.key_contacts[1].name == "Paul Brandt");
  CHECK(r.key_contacts[1].role == "IT Director");
  CHECK(r.key_contacts[1].pos.line == 9);

  const Field& motivation = r.field(Category::buying_motivation);
  CHECK(motivation.present);
  CHECK_FALSE(motivation.is_list);
  REQUIRE(motivation.items.size() == 2);
  CHECK(motivation.items[0].text == "Fuel costs rose 18% and the board asked for a plan by June.");
  CHECK(motivation.items[0].pos.line == 11);
  CHECK(motivation.items[0].pos.column == 3);
  CHECK(motivation.items[1].pos.line == 13);
  CHECK(motivation.pos.line == 10);

  const Field& champion = r.field(Category::champion_profile);
  REQUIRE(champion.items.size() == 1);
  CHECK(champion.text == "Ines Okafor, VP Operations, owns the savings target.");
  CHECK(champion.pos.line == 14);
  CHECK(champion.pos.column == 19);

  const Field& promises = r.field(Category::promises_commitments);
  CHECK(promises.is_list);
  REQUIRE(promises.items.size() == 2);
  CHECK(promises.items[0].text == "Telematics import working by 2026-05-15");
  CHECK(promises.items[0].pos.line == 16);
  CHECK(promises.items[0].pos.column == 5);
  CHECK(promises.items[1].pos.line == 17);

  // An empty value: present, no text, positioned at its key.
  const Field& risks = r.field(Category::red_flags_risks);
  CHECK(risks.present);
  CHECK(risks.text.empty());
  CHECK(risks.items.empty());
  CHECK(risks.pos.line == 18);
  CHECK(risks.pos.column == 1);

  const Field& politics = r.field(Category::political_landscape);
  REQUIRE(politics.items.size() == 1);
  CHECK(politics.items[0].text == "Finance wanted a cheaper tool and lost the vote.");
  CHECK(politics.items[0].pos.line == 20);

  CHECK(r.field(Category::success_criteria).text == "Cut empty miles from 14% to 9% by Q4.");
  CHECK(r.field(Category::communication_style).pos.line == 23);
  CHECK(r.handoff_call.present);
  CHECK(r.handoff_call.text == "scheduled: 2026-04-02");
}

TEST_CASE("labels a person would write are accepted as keys", "[yaml]") {
  auto out = load(
      "Account Name: Tidewater Analytics\n"
      "Champion: Marit Solberg, Head of Data\n"
      "Why they bought: Their warehouse bill doubled in a year.\n"
      "Red Flags: []\n");
  REQUIRE(out.size() == 1);
  REQUIRE_FALSE(out[0].error);
  const Record& r = out[0].record;
  CHECK(r.header.account.text == "Tidewater Analytics");
  CHECK(r.field(Category::champion_profile).text == "Marit Solberg, Head of Data");
  CHECK(r.field(Category::buying_motivation).text == "Their warehouse bill doubled in a year.");
  CHECK(r.field(Category::red_flags_risks).present);
  CHECK(r.field(Category::red_flags_risks).is_list);
  CHECK(out[0].warnings.empty());
}

TEST_CASE("unknown keys are an HL901 warning and are ignored", "[yaml]") {
  auto out = load("account: Quarry Lane\nfavourite_color: teal\n");
  REQUIRE(out.size() == 1);
  CHECK_FALSE(out[0].error);
  const Finding* w = warning_with(out[0], "HL901");
  REQUIRE(w);
  CHECK(w->severity == Severity::warning);
  CHECK(w->message == "unknown key \"favourite_color\" is ignored");
  CHECK(w->pos.line == 2);
  CHECK_FALSE(w->category);
}

TEST_CASE("duplicate keys are an HL902 warning naming both lines; the first wins", "[yaml]") {
  auto out = load("account: Quarry Lane\nae: Rosa Lind\naccount: Other Name\n");
  REQUIRE(out.size() == 1);
  const Finding* w = warning_with(out[0], "HL902");
  REQUIRE(w);
  CHECK(w->message == "duplicate key \"account\" (first at line 1); the first value is kept");
  CHECK(w->pos.line == 3);
  CHECK(out[0].record.header.account.text == "Quarry Lane");

  // Two different spellings of one field.
  auto spelled = load("champion_profile: Ada Park, COO\nnotes: x\nChampion: Someone Else\n");
  const Finding* w2 = warning_with(spelled[0], "HL902");
  REQUIRE(w2);
  CHECK(w2->pos.line == 3);
  CHECK(contains(w2->message, "already given at line 1"));
  CHECK(spelled[0].record.field(Category::champion_profile).text == "Ada Park, COO");
}

TEST_CASE("multi-document files name records name#N; a single document keeps the name", "[yaml]") {
  auto many = load("account: One\n---\naccount: Two\n---\naccount: Three\n", "batch.yaml");
  REQUIRE(many.size() == 3);
  CHECK(many[0].record.source == "batch.yaml#1");
  CHECK(many[1].record.source == "batch.yaml#2");
  CHECK(many[2].record.source == "batch.yaml#3");
  CHECK(many[2].record.header.account.text == "Three");
  CHECK(many[2].record.header.account.pos.line == 5);

  auto single = load("---\naccount: Solo\n---\n", "one.yaml");
  REQUIRE(single.size() == 1);
  CHECK(single[0].record.source == "one.yaml");
}

TEST_CASE("a parse error in document N yields an error record for name#N and stops", "[yaml]") {
  auto out = load("account: Good\n---\naccount: [unclosed\n---\naccount: Never\n", "b.yaml");
  REQUIRE(out.size() == 2);
  CHECK(out[0].record.source == "b.yaml#1");
  CHECK_FALSE(out[0].error);
  CHECK(out[1].record.source == "b.yaml#2");
  REQUIRE(out[1].error);
  CHECK(out[1].record.format == "yaml");

  // An error in the first of several documents still says #1.
  auto first = load("account: *nope\n---\naccount: Later\n", "c.yaml");
  REQUIRE(first.size() == 1);
  CHECK(first[0].record.source == "c.yaml#1");
  CHECK(first[0].error->message == "YAML aliases (*name) are not supported in handoff records");
}

TEST_CASE("wrong value types are errors for that record, with the line", "[yaml]") {
  struct Case {
    const char* text;
    std::uint32_t line;
    const char* message;
  };
  const Case cases[] = {
      {"account: A\nacv:\n  - 100\n", 3, "acv: expected a single value, got a list"},
      {"account: A\nacv: {amount: 100}\n", 2, "acv: expected a single value, got a mapping"},
      {"account: A\nbuying_motivation:\n  reason: audit\n", 3,
       "buying_motivation: expected text or a list of items"},
      {"account: A\nproducts: 42\n", 2,
       "products: expected a product name or a list of them, got the number 42"},
      {"account: A\nproducts: {main: Core}\n", 2,
       "products: expected a product name or a list of them, got a mapping"},
      {"- account: A\n- account: B\n", 1,
       "expected a mapping of keys such as account: and buying_motivation:, got a list"},
      {"just a sentence\n", 1,
       "expected a mapping of keys such as account: and buying_motivation:, got text"},
      {"account: A\nred_flags_risks:\n  - - nested\n", 3,
       "red_flags_risks: expected list items that are text, got a list"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto out = load(c.text);
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].error);
    CHECK(contains(out[0].error->message, c.message));
    CHECK(out[0].error->pos.line == c.line);
  }
}

TEST_CASE("an empty file or one with only whitespace has no content", "[yaml]") {
  for (const char* text : {"", "   \n\n", "# just a comment\n", "---\n"}) {
    INFO(text);
    auto out = load(text, "empty.yaml");
    REQUIRE(out.size() == 1);
    CHECK(out[0].record.source == "empty.yaml");
    REQUIRE(out[0].error);
    CHECK(out[0].error->message == "file has no content");
  }
}

TEST_CASE("safety refusals become error records, quickly", "[yaml]") {
  auto cycle = load("account: Loop\nred_flags_risks: &x [*x]\n");
  REQUIRE(cycle.size() == 1);
  REQUIRE(cycle[0].error);
  CHECK(cycle[0].error->pos.line == 2);

  auto deep = load("account: Deep\nrisks: " + std::string(10000, '[') + "\n");
  REQUIRE(deep.size() == 1);
  CHECK(contains(deep[0].error->message, "max_yaml_depth"));

  auto quote = load("account: Open\nae: 'Rosa\ncsm: Kei\n");
  REQUIRE(quote.size() == 1);
  CHECK(contains(quote[0].error->message, "unterminated"));
  CHECK(quote[0].error->pos.line == 2);
}

TEST_CASE("field size is capped by max_field_bytes", "[yaml]") {
  Limits limits;
  limits.max_field_bytes = 20;
  auto out =
      load("account: Big\nbuying_motivation: " + std::string(30, 'x') + "\n", "big.yaml", &limits);
  REQUIRE(out[0].error);
  CHECK(out[0].error->message == "buying_motivation is longer than 20 bytes (max_field_bytes)");
  CHECK(out[0].error->pos.line == 2);
}

TEST_CASE("key_contacts and handoff_call accept the shapes people write", "[yaml]") {
  auto out = load(
      "key_contacts:\n"
      "  - Lena Voss: Procurement Lead\n"
      "  - name: Omar Haddad\n"
      "    title: Controller\n"
      "handoff_call: yes\n"
      "products: Core platform + CRM module\n");
  REQUIRE_FALSE(out[0].error);
  const Record& r = out[0].record;
  REQUIRE(r.key_contacts.size() == 2);
  CHECK(r.key_contacts[0].name == "Lena Voss");
  CHECK(r.key_contacts[0].role == "Procurement Lead");
  CHECK(r.key_contacts[1].name == "Omar Haddad");
  CHECK(r.key_contacts[1].role == "Controller");
  CHECK(r.key_contacts[1].pos.line == 3);
  CHECK(r.handoff_call.text == "yes");
  REQUIRE(r.header.products.size() == 2);
  CHECK(r.header.products[0].text == "Core platform");
}

TEST_CASE("a list item written as 'text: more' reads as text, not an error", "[yaml]") {
  auto out = load("promises_commitments:\n  - SSO by May: promised on the last call\n");
  REQUIRE_FALSE(out[0].error);
  const Field& f = out[0].record.field(Category::promises_commitments);
  REQUIRE(f.items.size() == 1);
  CHECK(f.items[0].text == "SSO by May: promised on the last call");
  CHECK(f.items[0].pos.line == 2);
}

TEST_CASE("suppression comments are collected with their scope", "[yaml]") {
  auto out = load(
      "# handoff-lint: disable=HL701 -- pilot deal, no ACV yet\n"                      // 1
      "account: Pilot Co\n"                                                            // 2
      "champion_profile: TBD  # handoff-lint: disable=HL201,HL202 -- champion left\n"  // 3
      "red_flags_risks:\n"                                                             // 4
      "  - Legal review pending\n"                                                     // 5
      "  # handoff-lint: disable=HL402\n"                                              // 6
      "  - Budget owner changed\n"                                                     // 7
      "# handoff-lint: disable=HL601 -- agreed with the CSM lead\n"                    // 8
      "success_criteria: Faster month-end close\n"                                     // 9
      "# an ordinary comment\n");                                                      // 10
  REQUIRE(out.size() == 1);
  const auto& s = out[0].record.suppressions;
  REQUIRE(s.size() == 4);
  CHECK(s[0].rules == std::vector<std::string>{"HL701"});
  CHECK(s[0].reason == "pilot deal, no ACV yet");
  CHECK_FALSE(s[0].scope);
  CHECK(s[0].pos.line == 1);

  CHECK(s[1].rules == std::vector<std::string>{"HL201", "HL202"});
  CHECK(s[1].reason == "champion left");
  CHECK(s[1].scope == Category::champion_profile);
  CHECK(s[1].pos.line == 3);
  CHECK(s[1].pos.column == 24);

  CHECK(s[2].rules == std::vector<std::string>{"HL402"});
  CHECK(s[2].reason.empty());
  CHECK(s[2].scope == Category::red_flags_risks);

  // An unindented comment right above a key belongs to that key.
  CHECK(s[3].scope == Category::success_criteria);
  CHECK(s[3].pos.line == 8);
}

TEST_CASE("suppressions stay with their own document", "[yaml]") {
  auto out = load(
      "account: One\n"
      "# handoff-lint: disable=HL301 -- first\n"
      "promises_commitments: none\n"
      "---\n"
      "# handoff-lint: disable=HL999 -- second record only\n"
      "account: Two\n");
  REQUIRE(out.size() == 2);
  REQUIRE(out[0].record.suppressions.size() == 1);
  CHECK(out[0].record.suppressions[0].reason == "first");
  CHECK(out[0].record.suppressions[0].scope == Category::promises_commitments);
  REQUIRE(out[1].record.suppressions.size() == 1);
  CHECK(out[1].record.suppressions[0].rules[0] == "HL999");
  CHECK_FALSE(out[1].record.suppressions[0].scope);
}

TEST_CASE("suppression comments use the same grammar as Markdown comments", "[yaml]") {
  auto out = load("account: Lowercase Co\nsuccess_criteria: x  # handoff-lint: disable hl601 hl602\n");
  REQUIRE(out[0].record.suppressions.size() == 1);
  CHECK(out[0].record.suppressions[0].rules == std::vector<std::string>{"HL601", "HL602"});
  CHECK(out[0].record.suppressions[0].scope == Category::success_criteria);
}

TEST_CASE("input that makes yaml-cpp loop becomes one error record", "[yaml]") {
  auto out = load(",", "comma.yaml");
  REQUIRE(out.size() == 1);
  CHECK(out[0].record.source == "comma.yaml");
  REQUIRE(out[0].error);
  CHECK(out[0].error->message == "YAML syntax error: the parser cannot continue here");
}

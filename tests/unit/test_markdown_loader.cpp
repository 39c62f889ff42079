// The Markdown loader: label headings, bold labels, label lines, pipe-table header facts,
// markup stripping, exact positions, and the pre-scan guards in front of cmark.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "load/markdown_guard.hpp"
#include "load/markdown_text.hpp"
#include "section_loader_support.hpp"

using namespace handoff;
using handoff::test::at;
using handoff::test::LC;
using handoff::test::load_markdown_one;

namespace {

const char* const kSample =
    "# Handoff: Fernhill Robotics\n"                                                            // 1
    "\n"                                                                                        // 2
    "| Field | Value |\n"                                                                       // 3
    "|---|---|\n"                                                                               // 4
    "| Account | Fernhill Robotics |\n"                                                        // 5
    "| **ACV** | $48,500 |\n"                                                                   // 6
    "\n"                                                                                        // 7
    "**Close date:** 2026-03-17\n"                                                              // 8
    "- AE: Rosa Lindqvist\n"                                                                    // 9
    "- CSM: Kwame Osei\n"                                                                       // 10
    "\n"                                                                                        // 11
    "## Buying motivation\n"                                                                    // 12
    "\n"                                                                                        // 13
    "Their *parts reorders* run on spreadsheets; see [the audit memo](https://example.com/memo)\n"  // 14
    "and the `reorder_v2` sheet.\n"                                                             // 15
    "\n"                                                                                        // 16
    "### Background\n"                                                                          // 17
    "\n"                                                                                        // 18
    "A stockout stopped line 3 for two days.\n"                                                 // 19
    "\n"                                                                                        // 20
    "**Champion:** Odile Brandt, Director of Operations\n"                                      // 21
    "who ran the pilot.\n"                                                                      // 22
    "\n"                                                                                        // 23
    "Field 3: Promises and commitments (what CS must honor)\n"                                  // 24
    "\n"                                                                                        // 25
    "- Sandbox within 48 hours\n"                                                               // 26
    "  - confirmed by Rosa\n"                                                                   // 27
    "- Two extra admin seats\n"                                                                 // 28
    "\n"                                                                                        // 29
    "Red flags\n"                                                                               // 30
    "---------\n"                                                                               // 31
    "\n"                                                                                        // 32
    "> The CFO asked twice about the exit clause.\n"                                            // 33
    "\n"                                                                                        // 34
    "<!-- handoff-lint: disable HL301 -- reviewed with Kwame -->\n"                             // 35
    "\n"                                                                                        // 36
    "###### Political landscape\n"                                                              // 37
    "\n"                                                                                        // 38
    "__Success criteria:__ reorders automated by Q3\n";                                         // 39

}  // namespace

TEST_CASE("markdown: header facts from a pipe table, bold labels and bullets", "[markdown]") {
  Loaded l = load_markdown_one(kSample);
  REQUIRE_FALSE(l.error);
  CHECK(l.record.format == "markdown");
  const Header& h = l.record.header;
  CHECK(h.account.text == "Fernhill Robotics");
  CHECK(at(h.account.pos) == LC{5, 13});
  CHECK(h.acv.text == "$48,500");
  CHECK(at(h.acv.pos) == LC{6, 13});
  REQUIRE(h.acv_amount);
  CHECK(*h.acv_amount == 48500.0);
  CHECK(h.close_date.text == "2026-03-17");
  CHECK(at(h.close_date.pos) == LC{8, 17});
  CHECK(h.ae.text == "Rosa Lindqvist");
  CHECK(at(h.ae.pos) == LC{9, 7});
  CHECK(h.csm.text == "Kwame Osei");
  CHECK(at(h.csm.pos) == LC{10, 8});
  CHECK(l.warnings.empty());
}

TEST_CASE("markdown: a field's blocks become plain-text items", "[markdown]") {
  Loaded l = load_markdown_one(kSample);
  const Field& bm = l.record.field(Category::buying_motivation);
  REQUIRE(bm.present);
  REQUIRE(bm.items.size() == 3);
  CHECK(bm.items[0].text ==
        "Their parts reorders run on spreadsheets; see the audit memo and the reorder_v2 sheet.");
  CHECK(at(bm.items[0].pos) == LC{14, 1});
  CHECK(bm.items[1].text == "Background");  // a heading that is not a label is content
  CHECK(at(bm.items[1].pos) == LC{17, 5});
  CHECK(bm.items[2].text == "A stockout stopped line 3 for two days.");
  CHECK(at(bm.pos) == LC{14, 1});
  CHECK_FALSE(bm.is_list);

  const Field& champ = l.record.field(Category::champion_profile);
  CHECK(champ.text == "Odile Brandt, Director of Operations who ran the pilot.");
  CHECK(at(champ.pos) == LC{21, 15});

  const Field& promises = l.record.field(Category::promises_commitments);
  CHECK(promises.is_list);
  REQUIRE(promises.items.size() == 2);
  CHECK(promises.items[0].text == "Sandbox within 48 hours confirmed by Rosa");  // nested item folded
  CHECK(at(promises.items[0].pos) == LC{26, 3});
  CHECK(promises.items[1].text == "Two extra admin seats");
  CHECK(at(promises.items[1].pos) == LC{28, 3});

  const Field& risks = l.record.field(Category::red_flags_risks);  // setext heading
  CHECK(risks.text == "The CFO asked twice about the exit clause.");
  CHECK(at(risks.pos) == LC{33, 3});

  const Field& politics = l.record.field(Category::political_landscape);
  CHECK(politics.present);
  CHECK(politics.text.empty());
  CHECK(at(politics.pos) == LC{37, 1});

  const Field& sc = l.record.field(Category::success_criteria);
  CHECK(sc.text == "reorders automated by Q3");
  CHECK(at(sc.pos) == LC{39, 23});
}

TEST_CASE("markdown: suppression comments scope to the field they sit in", "[markdown]") {
  Loaded l = load_markdown_one(kSample);
  REQUIRE(l.record.suppressions.size() == 1);
  const Suppression& s = l.record.suppressions[0];
  CHECK(s.rules == std::vector<std::string>{"HL301"});
  CHECK(s.reason == "reviewed with Kwame");
  CHECK(s.scope == Category::red_flags_risks);
  CHECK(at(s.pos) == LC{35, 1});

  Loaded top = load_markdown_one(
      "<!-- handoff-lint: disable=HL501,HL502 -- header is in the CRM -->\n\n## Champion\n\nOdile\n");
  REQUIRE(top.record.suppressions.size() == 1);
  CHECK_FALSE(top.record.suppressions[0].scope);
  CHECK(top.record.suppressions[0].rules == std::vector<std::string>{"HL501", "HL502"});
}

TEST_CASE("markdown: the title names the account when no Account label does", "[markdown]") {
  const std::string fields = "\n## Champion\n\nAmara Quist, COO.\n";
  struct Case {
    const char* title;
    const char* account;  // "" = left unset
  };
  for (Case c : {Case{"# Handoff: Larkspur Dental", "Larkspur Dental"},
                 Case{"# Larkspur Dental - CS handoff", "Larkspur Dental"},
                 Case{"# Larkspur Dental: sales to CS handoff", "Larkspur Dental"},
                 Case{"# Larkspur Dental \xE2\x80\x94 handover notes", "Larkspur Dental"},
                 Case{"# Larkspur Dental", "Larkspur Dental"},
                 Case{"# Sales handoff record", ""},
                 Case{"# Larkspur: Dental group", ""}}) {
    CAPTURE(c.title);
    Loaded l = load_markdown_one(std::string(c.title) + "\n" + fields);
    REQUIRE_FALSE(l.error);
    CHECK(l.record.header.account.text == c.account);
    if (*c.account) CHECK(at(l.record.header.account.pos) == LC{1, 3});
  }
  // An Account label wins over the title; a level-2 title or one after a field is not one.
  CHECK(load_markdown_one("# Handoff: Larkspur\n\n- Account: Larkspur Dental Group\n" + fields)
            .record.header.account.text == "Larkspur Dental Group");
  CHECK(load_markdown_one("## Larkspur Dental\n" + fields).record.header.account.text.empty());
  // A title alone is not a record.
  CHECK(load_markdown_one("# Handoff: Larkspur Dental\n\nNotes to follow.\n").error);
}

TEST_CASE("markdown: label headings of levels 1 to 6, ATX and setext", "[markdown]") {
  for (int level = 1; level <= 6; ++level) {
    CAPTURE(level);
    std::string doc = "# Handoff: Larkspur Dental\n\n" + std::string(level, '#') +
                      " Champion profile\n\nAmara Quist runs the billing team.\n";
    Loaded l = load_markdown_one(doc);
    REQUIRE_FALSE(l.error);
    const Field& f = l.record.field(Category::champion_profile);
    CHECK(f.text == "Amara Quist runs the billing team.");
    CHECK(at(f.pos) == LC{5, 1});
  }
  Loaded setext = load_markdown_one("Champion\n========\n\nAmara Quist\n");
  CHECK(setext.record.field(Category::champion_profile).text == "Amara Quist");
  CHECK(at(setext.record.field(Category::champion_profile).pos) == LC{4, 1});
}

TEST_CASE("markdown: markup is stripped from values", "[markdown]") {
  Loaded l = load_markdown_one(
      "## Success criteria\n\n"
      "Cut *denied* claims **in half**, per the [Q2 plan](https://example.com/plan) and "
      "![chart](c.png) `denials_by_payer`; escaped \\*stars\\* &amp; entities stay text.\n\n"
      "```\nreport --weekly\n```\n");
  REQUIRE_FALSE(l.error);
  const Field& sc = l.record.field(Category::success_criteria);
  REQUIRE(sc.items.size() == 2);
  CHECK(sc.items[0].text ==
        "Cut denied claims in half, per the Q2 plan and chart denials_by_payer; escaped *stars* & "
        "entities stay text.");
  CHECK(sc.items[1].text == "report --weekly");
  CHECK(at(sc.items[1].pos) == LC{6, 1});
}

TEST_CASE("markdown: label lines inside a paragraph, with exact value columns", "[markdown]") {
  Loaded l = load_markdown_one(
      "Account: Larkspur \\& Sons\n"       // 1
      "ACV: 31.5k\n"                       // 2
      "Why they bought: billing *broke* after the merger\n"  // 3
      "   and claims piled up.\n"          // 4
      "Goals: claims paid in 14 days\n"    // 5
      "**Risks**: the CFO doubts the ROI\n");  // 6
  REQUIRE_FALSE(l.error);
  CHECK(l.record.header.account.text == "Larkspur & Sons");
  CHECK(at(l.record.header.account.pos) == LC{1, 10});
  CHECK(at(l.record.header.acv.pos) == LC{2, 6});
  const Field& bm = l.record.field(Category::buying_motivation);
  CHECK(bm.text == "billing broke after the merger and claims piled up.");
  CHECK(at(bm.pos) == LC{3, 18});
  CHECK(at(l.record.field(Category::success_criteria).pos) == LC{5, 8});
  CHECK(l.record.field(Category::red_flags_risks).text == "the CFO doubts the ROI");
  CHECK(at(l.record.field(Category::red_flags_risks).pos) == LC{6, 12});
}

TEST_CASE("markdown: indented continuation lines keep the column of their text", "[markdown]") {
  Loaded l = load_markdown_one(
      "## Champion\n\nAmara Quist\n\n"  // 1-4
      "Key contacts:\n"                   // 5
      "   Tobias Wren, CFO\n"             // 6
      "  Lena Park (IT lead)\n");         // 7
  REQUIRE_FALSE(l.error);
  REQUIRE(l.record.key_contacts.size() == 2);
  CHECK(l.record.key_contacts[0].name == "Tobias Wren");
  CHECK(at(l.record.key_contacts[0].pos) == LC{6, 4});
  CHECK(l.record.key_contacts[1].role == "IT lead");
  CHECK(at(l.record.key_contacts[1].pos) == LC{7, 3});
}

TEST_CASE("markdown: pasted bullets and front-matter style facts", "[markdown]") {
  Loaded l = load_markdown_one(
      "---\n"                                      // 1
      "Account: Larkspur Dental\n"                 // 2
      "Close date: 2026-02-09\n"                   // 3
      "---\n"                                      // 4
      "\n"                                         // 5
      "Promises:\n"                                // 6
      "\xE2\x80\xA2 onboarding in two weeks\n"      // 7
      "\xE2\x80\xA2 a billing health check\n"       // 8
      "  in May\n"                                 // 9
      "b) a named escalation contact\n");         // 10
  REQUIRE_FALSE(l.error);
  CHECK(l.record.header.account.text == "Larkspur Dental");
  CHECK(at(l.record.header.close_date.pos) == LC{3, 13});
  const Field& p = l.record.field(Category::promises_commitments);
  CHECK(p.is_list);
  REQUIRE(p.items.size() == 3);
  CHECK(p.items[0].text == "onboarding in two weeks");
  CHECK(at(p.items[0].pos) == LC{7, 5});
  CHECK(p.items[1].text == "a billing health check in May");
  CHECK(p.items[2].text == "a named escalation contact");
  CHECK(at(p.items[2].pos) == LC{10, 4});
}

TEST_CASE("markdown: bulleted bold labels and plain bullets inside fields", "[markdown]") {
  Loaded l = load_markdown_one(
      "- **Champion:** Amara Quist\n"           // 1
      "- **Promises:**\n"                       // 2
      "  - onboarding in two weeks\n"           // 3
      "  - a billing health check in May\n"     // 4
      "\n"                                      // 5
      "## Success criteria\n"                   // 6
      "\n"                                      // 7
      "- Goals: claims paid in 14 days\n"       // 8
      "- Account: not a header fact here\n");   // 9
  REQUIRE_FALSE(l.error);
  CHECK(l.record.field(Category::champion_profile).text == "Amara Quist");
  CHECK(at(l.record.field(Category::champion_profile).pos) == LC{1, 17});
  const Field& p = l.record.field(Category::promises_commitments);
  CHECK(p.is_list);
  REQUIRE(p.items.size() == 2);
  CHECK(p.items[1].text == "a billing health check in May");
  CHECK(at(p.items[1].pos) == LC{4, 5});
  const Field& sc = l.record.field(Category::success_criteria);
  REQUIRE(sc.items.size() == 2);
  CHECK(sc.items[0].text == "Goals: claims paid in 14 days");
  CHECK(sc.items[1].text == "Account: not a header fact here");
  CHECK_FALSE(l.record.header.account.present);
}

TEST_CASE("markdown: duplicate headings warn HL902; empty and label-less files are errors", "[markdown]") {
  Loaded dup = load_markdown_one("## Champion\n\nAmara\n\n## Risks\n\nnone\n\n## Champion profile\n\nNot kept\n");
  REQUIRE(dup.warnings.size() == 1);
  CHECK(dup.warnings[0].rule == "HL902");
  CHECK(at(dup.warnings[0].pos) == LC{9, 1});
  CHECK(dup.warnings[0].message ==
        "duplicate field 'Champion profile' at line 9 (first given at line 1); the first is kept");
  CHECK(dup.record.field(Category::champion_profile).text == "Amara");
  CHECK(dup.record.field(Category::red_flags_risks).text == "none");

  Loaded none = load_markdown_one("# Weekly notes\n\nWe talked about: pricing, dates.\n");
  REQUIRE(none.error);
  CHECK(none.error->message.starts_with("no handoff fields found:"));
  Loaded empty = load_markdown_one("\n   \n");
  REQUIRE(empty.error);
  CHECK(empty.error->message == "file has no content");
}

namespace {

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string nested_list(std::size_t depth) {
  std::string out;
  for (std::size_t i = 0; i < depth; ++i) out += std::string(2 * i, ' ') + "- level\n";
  return out;
}

double seconds_to_load(const std::string& doc, Loaded& out) {
  auto t0 = std::chrono::steady_clock::now();
  out = load_markdown_one(doc);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST_CASE("markdown: pathological inputs are rejected before cmark sees them", "[markdown]") {
  Limits limits;
  Loaded l;
  SECTION("too many brackets") {
    std::string doc = "## Champion\n\n" + repeat("![[]()", limits.max_markdown_brackets / 2 + 1);
    CHECK(seconds_to_load(doc, l) < 1.0);
    REQUIRE(l.error);
    CHECK(l.error->message.starts_with("more than " + std::to_string(limits.max_markdown_brackets) +
                                       " '[' characters in Markdown"));
    CHECK(l.error->pos.line == 3);
  }
  SECTION("nesting deeper than the limit, at the offending line") {
    std::string doc = "## Champion\n\n" + nested_list(limits.max_markdown_nesting + 1) + repeat("\n", 1000);
    CHECK(seconds_to_load(doc, l) < 1.0);
    REQUIRE(l.error);
    CHECK(l.error->message ==
          "Markdown list or quote nesting deeper than 32 levels (limits.max_markdown_nesting)");
    CHECK(at(l.error->pos) == LC{3 + 32, 1});
  }
  SECTION("quotes and markers on one line count as nesting") {
    std::string doc = "## Champion\n\n" + repeat("> ", 20) + repeat("- ", 20) + "deep\n";
    seconds_to_load(doc, l);
    REQUIRE(l.error);
    CHECK(l.error->pos.line == 3);
  }
  SECTION("markup-heavy text beyond the node budget") {
    std::string doc = "## Champion\n\n" + repeat("_*", limits.max_markdown_nodes / 2 + 1);
    CHECK(seconds_to_load(doc, l) < 1.0);
    REQUIRE(l.error);
    CHECK(l.error->message.starts_with("Markdown too large to parse safely"));
  }
  SECTION("nesting at the limit is still read") {
    std::string doc = "## Champion\n\n" + nested_list(limits.max_markdown_nesting) + repeat("\n", 1000);
    CHECK(seconds_to_load(doc, l) < 1.0);
    REQUIRE_FALSE(l.error);
    CHECK(l.record.field(Category::champion_profile).items.size() == 1);
  }
}

TEST_CASE("markdown: nesting estimate is an upper bound that ignores plain indentation", "[markdown]") {
  CHECK(markdown_line_nesting("plain text") == 0);
  CHECK(markdown_line_nesting("                                                                  code") == 0);
  CHECK(markdown_line_nesting("- a") == 1);
  CHECK(markdown_line_nesting("      - a") == 4);  // three parents at columns 0, 2, 4
  CHECK(markdown_line_nesting("> > 1. a") == 4);   // two quotes, one list, two spaces
  CHECK(markdown_line_nesting("---") == 0);        // a thematic break, not a marker
  CHECK_FALSE(check_markdown_limits(nested_list(32), Limits{}));
  CHECK(check_markdown_limits(nested_list(33), Limits{}));
}

TEST_CASE("markdown: pipe rows split into cells with their columns", "[markdown]") {
  auto cells = pipe_cells("  | **Close date** | `2026-02-09` | a \\| b");
  REQUIRE(cells);
  REQUIRE(cells->size() == 3);
  CHECK((*cells)[0].text == "Close date");
  CHECK((*cells)[0].offset == 6);
  CHECK((*cells)[1].text == "2026-02-09");
  CHECK((*cells)[1].offset == 22);
  CHECK((*cells)[2].text == "a \\| b");  // an escaped pipe does not split
  CHECK_FALSE(pipe_cells("Account | Acme"));
  CHECK(pipe_cells("|---|---|")->size() == 2);
}

TEST_CASE("markdown: source columns survive escapes, entities and indentation", "[markdown]") {
  // literal "a*b & c" from source "a\\*b &amp; c": byte 6 ('c') is source column 12.
  CHECK(raw_column("a\\*b &amp; c", 1, "a*b & c", 6) == 12);
  CHECK(raw_column("   continued", 1, "continued", 0) == 4);
  CHECK(raw_column("x &eacute; y", 1, "x \xC3\xA9 y", 5) == 12);
}

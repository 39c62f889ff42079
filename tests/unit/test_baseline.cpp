// Baselines: fingerprints that ignore line numbers, the JSON file, and matching inside the
// engine (a baselined finding is suppressed, gives its points back, and never fails the gate).
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "test_gate_support.hpp"

using namespace handoff;
using namespace handoff::gate_testing;

namespace {
using Codes = std::vector<std::string>;
constexpr auto kMotivation = Category::buying_motivation;

Baseline baseline_of(const std::vector<RecordResult>& results) {
  Baseline b;
  for (const RecordResult& r : results) b.add(r);
  return b;
}

// Through the file format, as the CLI does it.
Baseline reread(const Baseline& b) {
  auto parsed = Baseline::parse(b.to_json());
  REQUIRE(std::holds_alternative<Baseline>(parsed));
  return std::get<Baseline>(std::move(parsed));
}

std::string parse_error(std::string_view json) {
  auto parsed = Baseline::parse(json);
  REQUIRE(std::holds_alternative<std::string>(parsed));
  return std::get<std::string>(parsed);
}

// Three lines of new header material: every later finding moves down three lines.
std::string shifted(const std::string& text) {
  return "# Handoff for the CSM team\n# reviewed 2026-05-20\n# owner: Rosalind Achebe\n" + text;
}

const std::string kExtraRisk =
    "  - The Eastfield front-desk team dislikes the new booking screen layout.\n";
std::string with_risk(const std::string& text, int copies = 1) {
  std::string risks;
  for (int i = 0; i < copies; ++i) risks += kExtraRisk;
  return edited(text, "and he accepted it.\n", "and he accepted it.\n" + risks);
}
}  // namespace

TEST_CASE("a fingerprint ignores lines and whitespace but not the text it is about", "[baseline]") {
  RecordResult original = check(thin_motivation());
  const Finding* f = find(original, "HL104");
  REQUIRE(f);
  CHECK(f->fingerprint.size() == 16);
  CHECK(f->fingerprint.find_first_not_of("0123456789abcdef") == std::string::npos);

  RecordResult moved = check(shifted(thin_motivation()));
  CHECK(find(moved, "HL104")->pos.line == f->pos.line + 3);
  CHECK(find(moved, "HL104")->fingerprint == f->fingerprint);

  RecordResult rewrapped = check(
      edited(thin_motivation(), "lost data in March; clinics", "lost data in March;\n  clinics"));
  CHECK(find(rewrapped, "HL104")->fingerprint == f->fingerprint);

  RecordResult reworded = check(edited(thin_motivation(), "lost data", "lost records"));
  CHECK(find(reworded, "HL104")->fingerprint != f->fingerprint);
}

TEST_CASE("a finding on one list item is fingerprinted by that item", "[baseline]") {
  RecordResult r = check(with_risk(kLarkspur));
  REQUIRE(open_codes(r) == Codes{"HL405"});
  std::string item_print = find(r, "HL405")->fingerprint;
  // Rewording another risk keeps it; rewording this one changes it.
  RecordResult other = check(edited(with_risk(kLarkspur), "still open", "not settled yet"));
  CHECK(find(other, "HL405")->fingerprint == item_print);
  RecordResult same_item =
      check(edited(with_risk(kLarkspur), "booking screen layout", "booking screen colours"));
  CHECK(find(same_item, "HL405")->fingerprint != item_print);
}

TEST_CASE("record-level findings are fingerprinted by rule and message", "[baseline]") {
  RecordResult r = check(edited(kLarkspur, "ae: Rosalind Achebe\n", ""));
  const Finding* f = find(r, "HL804");
  REQUIRE(f);
  CHECK_FALSE(f->category);
  RecordResult moved = check(shifted(edited(kLarkspur, "ae: Rosalind Achebe\n", "")));
  CHECK(find(moved, "HL804")->fingerprint == f->fingerprint);
  CHECK(f->fingerprint != find(check(thin_motivation()), "HL104")->fingerprint);
}

TEST_CASE("a baselined gap no longer fails and gives its points back", "[baseline]") {
  std::string gap = weak_motivation();
  RecordResult before = check(gap);
  REQUIRE(before.gate == Gate::fail);
  Baseline baseline = reread(baseline_of({before}));
  REQUIRE(baseline.size() == open_codes(before).size());

  RecordResult r = check(gap, default_config(), &baseline);
  REQUIRE(r.findings.size() == baseline.size());
  for (const Finding& f : r.findings) {
    CAPTURE(f.rule);
    CHECK(f.suppressed);
    CHECK(f.suppression_kind == SuppressionKind::baseline);
    CHECK(f.justification == "baseline");
  }
  CHECK(category(r, kMotivation).score == 100);
  CHECK(r.gate == Gate::pass);
  CHECK(r.warnings == 0);
  // The same record under another name is not covered.
  CHECK(check(gap, default_config(), &baseline, "handoffs/other.yaml").gate == Gate::fail);
  // "./handoffs//larkspur.yaml" names the same source.
  CHECK(check(gap, default_config(), &baseline, "./handoffs//larkspur.yaml").gate == Gate::pass);
}

TEST_CASE("a new gap fails despite a baseline", "[baseline]") {
  Baseline baseline = reread(baseline_of({check(weak_motivation())}));
  RecordResult r = check(weak_style(weak_motivation()), default_config(), &baseline);
  for (const Finding& f : r.findings) {
    CAPTURE(f.rule);
    CHECK(f.suppressed == (f.category == kMotivation));
  }
  CHECK(category(r, kMotivation).pass);
  CHECK_FALSE(category(r, Category::communication_style).pass);
  CHECK(r.gate == Gate::fail);
  // A new warning alone: passes by default, fails with fail_on warning; the baselined
  // warnings do not count.
  RecordResult warned = check(no_ae(weak_motivation()), default_config(), &baseline);
  CHECK(open_codes(warned) == Codes{"HL804"});
  CHECK(warned.gate == Gate::pass);
  Config strict = default_config();
  strict.gate.fail_on = Severity::warning;
  CHECK(check(weak_motivation(), strict, &baseline).gate == Gate::pass);
  CHECK(check(no_ae(weak_motivation()), strict, &baseline).gate == Gate::fail);
}

TEST_CASE("editing an unrelated field or moving lines leaves the baseline matched", "[baseline]") {
  Baseline baseline = reread(baseline_of({check(weak_motivation())}));
  std::string edited_elsewhere = shifted(edited(weak_motivation(), "she dislikes long slide decks.",
                                                "she dislikes long slide decks and\n  "
                                                "late-evening emails."));
  RecordResult r = check(edited_elsewhere, default_config(), &baseline);
  CHECK_FALSE(r.findings.empty());
  CHECK(open_codes(r).empty());
  CHECK(r.gate == Gate::pass);
  // Editing the gap's own text makes its findings new.
  RecordResult touched = check(edited(weak_motivation(), "better software", "better tools"),
                               default_config(), &baseline);
  CHECK(open_codes(touched) == open_codes(check(weak_motivation())));
  CHECK(touched.gate == Gate::fail);
}

TEST_CASE("each baseline entry covers one finding", "[baseline]") {
  Baseline one = reread(baseline_of({check(with_risk(kLarkspur, 1))}));
  RecordResult two = check(with_risk(kLarkspur, 2), default_config(), &one);
  REQUIRE(two.findings.size() == 2);
  CHECK(two.findings[0].suppressed);
  CHECK_FALSE(two.findings[1].suppressed);
  CHECK(two.findings[1].pos.line == two.findings[0].pos.line + 1);
  Baseline both = reread(baseline_of({check(with_risk(kLarkspur, 2))}));
  CHECK(both.size() == 2);
  CHECK(open_codes(check(with_risk(kLarkspur, 2), default_config(), &both)).empty());
}

TEST_CASE("a comment suppression wins over the baseline and is not written to it", "[baseline]") {
  std::string text = edited(thin_motivation(), "buying_motivation: |\n",
                            "# handoff-lint: disable=HL104 -- details come after kickoff\n"
                            "buying_motivation: |\n");
  Baseline baseline = reread(baseline_of({check(thin_motivation())}));
  RecordResult r = check(text, default_config(), &baseline);
  const Finding* f = find(r, "HL104");
  CHECK(f->suppression_kind == SuppressionKind::in_source);
  CHECK(f->justification == "details come after kickoff");
  CHECK(find(r, "HL904") == nullptr);  // the comment was used
  CHECK(baseline_of({r}).size() == 0);
}

TEST_CASE("everything() baselines a presence gap and the quality findings it unblocks",
          "[baseline]") {
  std::string placeholder = edited(kLarkspur, kMotivationBefore, "  TBD\n");
  RecordResult plain = check(placeholder);
  REQUIRE(open_codes(plain) == Codes{"HL103"});  // presence blocks the quality rules
  Baseline all = Baseline::everything();
  RecordResult recorded = check(placeholder, default_config(), &all);
  CHECK(open_codes(recorded).empty());
  Baseline written = reread(baseline_of({recorded}));
  CHECK(written.size() == recorded.findings.size());
  CHECK(written.size() > 1);  // HL103 and the quality rules it no longer blocks
  // The written file is a fixed point: it suppresses exactly what was recorded.
  RecordResult again = check(placeholder, default_config(), &written);
  CHECK(open_codes(again).empty());
  CHECK(again.findings.size() == recorded.findings.size());
  CHECK(again.gate == Gate::pass);
}

TEST_CASE("the baseline file is sorted and deterministic", "[baseline]") {
  RecordResult a = check(thin_motivation(), default_config(), nullptr, "handoffs/b-first.yaml");
  RecordResult b = check(no_stake(no_ae()), default_config(), nullptr, "handoffs/a-second.yaml");
  REQUIRE(open_codes(a) == Codes{"HL104"});
  REQUIRE(open_codes(b) == Codes{"HL804", "HL206"});
  std::string json = baseline_of({a, b}).to_json();
  CHECK(json == baseline_of({b, a}).to_json());
  CHECK(json == reread(baseline_of({a, b})).to_json());
  auto entry = [](const char* source, const Finding* f) {
    return fmt::format(R"(    {{
      "source": "{}",
      "rule": "{}",
      "fingerprint": "{}",
      "message": "{}"
    }})",
                       source, f->rule, f->fingerprint, f->message);
  };
  // Sorted by source, then rule: a-second's HL206 before its HL804, then b-first.
  std::string expected =
      "{\n  \"tool\": \"handoff-lint\",\n  \"version\": 1,\n  \"findings\": [\n" +
      entry("handoffs/a-second.yaml", find(b, "HL206")) + ",\n" +
      entry("handoffs/a-second.yaml", find(b, "HL804")) + ",\n" +
      entry("handoffs/b-first.yaml", find(a, "HL104")) + "\n  ]\n}\n";
  CHECK(json == expected);
  CHECK(Baseline().to_json() ==
        "{\n  \"tool\": \"handoff-lint\",\n  \"version\": 1,\n  \"findings\": []\n}\n");
}

TEST_CASE("a malformed baseline file is an error message, not an exception", "[baseline]") {
  CHECK(parse_error("{\"findings\": [") == "not valid JSON");
  CHECK(parse_error("[]") == "expected an object with a \"findings\" list");
  CHECK(parse_error("{\"version\": 2, \"findings\": []}") ==
        "unsupported baseline version (this handoff-lint reads version 1)");
  CHECK(parse_error("{\"findings\": [7]}") == "findings entry 1 is not an object");
  CHECK(parse_error(R"({"findings": [{"source": "a.yaml", "rule": "HL104"}]})") ==
        "findings entry 1 needs \"source\", \"rule\" and \"fingerprint\" strings");
  auto ok = Baseline::parse(
      R"({"findings": [{"source": "./a.yaml", "rule": "HL104", "fingerprint": "00ff"}]})");
  REQUIRE(std::holds_alternative<Baseline>(ok));
  CHECK(std::get<Baseline>(ok).entries().at(0).source == "a.yaml");
}

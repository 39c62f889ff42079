// Engine::run: scoring, gate, configuration, loader warnings, suppressions, order and cap.
#include <catch2/catch.hpp>

#include "handoff/rule.hpp"
#include "test_rules_support.hpp"

using namespace handoff;
using namespace handoff::testing;

namespace {
using Codes = std::vector<std::string>;
constexpr auto kMotivation = Category::buying_motivation;

// Trigger and time frame, but thin: only HL104 fires (score 90).
Field thin_motivation() { return prose("Board crashed in March; COO deadline end of Q2.", 10); }
// Only generic goals: HL105 (no trigger or stake) and HL107 (no reason at all) fire (score 25).
Field generic_motivation() {
  return prose(
      "They want to improve efficiency and streamline processes across the dispatch "
      "team as part of a wider digital transformation next quarter.",
      10);
}

Suppression suppress(std::vector<std::string> rules, std::string reason,
                     std::optional<Category> scope, std::uint32_t line) {
  Suppression s;
  s.rules = std::move(rules);
  s.reason = std::move(reason);
  s.scope = scope;
  s.pos = {line, 1};
  return s;
}

Finding loader_warning(std::string rule, std::uint32_t line, std::string message) {
  Finding f;
  f.rule = std::move(rule);
  f.severity = Severity::warning;
  f.pos = {line, 1};
  f.message = std::move(message);
  return f;
}
}  // namespace

TEST_CASE("gate_name spells each gate", "[engine]") {
  CHECK(gate_name(Gate::pass) == "pass");
  CHECK(gate_name(Gate::fail) == "fail");
  CHECK(gate_name(Gate::error) == "error");
}

TEST_CASE("a load error gives the gate error and the single finding HL900", "[engine]") {
  Loaded loaded;
  loaded.record.source = "bad.yaml";
  loaded.record.format = "yaml";
  loaded.error = LoadError{"unclosed flow sequence", {4, 20}};
  loaded.warnings.push_back(loader_warning("HL901", 2, "unknown key"));
  RecordResult r = Engine(default_config()).run(loaded);
  CHECK(r.gate == Gate::error);
  CHECK(r.source == "bad.yaml");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].rule == "HL900");
  CHECK(r.findings[0].severity == Severity::error);
  CHECK(r.findings[0].message == "unclosed flow sequence");
  CHECK(r.findings[0].pos.line == 4);
  CHECK(r.findings[0].pos.column == 20);
}

TEST_CASE("results carry the header facts and each category's settings", "[engine]") {
  Config config = default_config();
  config.category(Category::success_criteria).threshold = 85;
  config.category(Category::success_criteria).required = false;
  RecordResult r = lint(good_record(), config);
  CHECK(r.account == "Halvorsen Freight");
  CHECK(r.ae == "Oskar Lindqvist");
  CHECK(r.csm == "Noor Haddad");
  CHECK(r.close_date == "2026-03-17");
  CHECK(r.acv == 38500);
  const CategoryResult& sc = r.categories[index_of(Category::success_criteria)];
  CHECK(sc.threshold == 85);
  CHECK_FALSE(sc.required);
  CHECK(sc.pos.line == 60);
  CHECK(sc.checks.size() == 5);
  CHECK(sc.checks[1].rule == "HL605");
  CHECK(sc.checks[1].earned == 25);
  CHECK(sc.checks[1].possible == 25);
}

TEST_CASE("a short but specific field passes; a field that gives no reason fails", "[engine]") {
  RecordResult thin = lint_field(kMotivation, thin_motivation());
  CHECK(codes(thin) == Codes{"HL104"});
  CHECK(score(thin, kMotivation) == 90);
  CHECK(thin.gate == Gate::pass);
  CHECK(thin.score == 99);  // (6 * 100 + 90) / 7 = 98.6
  RecordResult generic = lint_field(kMotivation, generic_motivation());
  CHECK(codes(generic) == Codes{"HL105", "HL107"});
  CHECK(score(generic, kMotivation) == 25);
  CHECK(generic.gate == Gate::fail);
  CHECK(generic.score == 89);  // (6 * 100 + 25) / 7 = 89.3
}

TEST_CASE("the threshold comes from the configuration", "[engine]") {
  Config config = default_config();
  config.category(kMotivation).threshold = 20;
  Record rec = good_record();
  rec.field(kMotivation) = generic_motivation();
  CHECK(lint(rec, config).gate == Gate::pass);
  config.category(kMotivation).threshold = 30;
  CHECK(lint(rec, config).gate == Gate::fail);
}

TEST_CASE("a rule switched off is neither run nor scored", "[engine]") {
  Config config = default_config();
  config.rules["HL105"].off = true;
  config.rules["HL107"].off = true;
  Record rec = good_record();
  rec.field(kMotivation) = generic_motivation();
  RecordResult r = lint(rec, config);
  CHECK(codes(r).empty());
  CHECK(score(r, kMotivation) == 100);
  CHECK(r.categories[index_of(kMotivation)].checks.size() == 2);
}

TEST_CASE("a severity override changes the finding and can fail the gate", "[engine]") {
  Config config = default_config();
  config.rules["HL105"].severity = Severity::error;
  config.rules["HL107"].off = true;
  config.category(kMotivation).threshold = 50;
  Record rec = good_record();
  rec.field(kMotivation) = generic_motivation();
  RecordResult r = lint(rec, config);
  CHECK(finding(r, "HL105")->severity == Severity::error);
  CHECK(score(r, kMotivation) == 63);  // 25 of 40 points: the category passes its threshold...
  CHECK(r.gate == Gate::fail);         // ...but an error remains
}

TEST_CASE("an optional category never fails the gate on its score", "[engine]") {
  Config config = default_config();
  config.category(kMotivation).required = false;
  config.rules["HL101"].severity = Severity::warning;
  Record rec = good_record();
  rec.field(kMotivation) = Field{};
  RecordResult r = lint(rec, config);
  CHECK(score(r, kMotivation) == 0);
  CHECK_FALSE(r.categories[index_of(kMotivation)].pass);
  CHECK(r.gate == Gate::pass);
  // With HL101 left an error, the error alone fails the gate.
  config.rules.erase("HL101");
  CHECK(lint(rec, config).gate == Gate::fail);
}

TEST_CASE("switching off every quality rule of a category leaves presence only", "[engine]") {
  Config config = default_config();
  for (const char* code : {"HL104", "HL105", "HL106", "HL107"}) config.rules[code].off = true;
  Record rec = good_record();
  rec.field(kMotivation) = generic_motivation();
  CHECK(score(lint(rec, config), kMotivation) == 100);
  rec.field(kMotivation) = prose("TBD");
  CHECK(score(lint(rec, config), kMotivation) == 0);
}

TEST_CASE("loader warnings join the findings and follow the rule config", "[engine]") {
  Loaded loaded;
  loaded.record = good_record();
  loaded.warnings.push_back(loader_warning("HL901", 7, "Unknown key \"deal_vibes\"."));
  loaded.warnings.push_back(loader_warning("HL902", 9, "Duplicate field."));
  Config config = default_config();
  config.rules["HL902"].off = true;
  config.rules["HL901"].severity = Severity::error;
  RecordResult r = Engine(config).run(loaded);
  CHECK(codes(r) == Codes{"HL901"});
  CHECK(r.findings[0].message == "Unknown key \"deal_vibes\".");
  CHECK(r.findings[0].severity == Severity::error);
  CHECK(r.gate == Gate::fail);
}

TEST_CASE("a suppression in the field marks the finding and gives its points back", "[engine]") {
  Record rec = good_record();
  rec.field(kMotivation) = generic_motivation();
  rec.suppressions.push_back(
      suppress({"HL105", "HL107"}, "trigger is confidential", kMotivation, 11));
  RecordResult r = lint(rec);
  const Finding* f = finding(r, "HL105");
  REQUIRE(f);
  CHECK(f->suppressed);
  CHECK(f->justification == "trigger is confidential");
  CHECK(codes(r).empty());
  CHECK(score(r, kMotivation) == 100);
}

TEST_CASE("a suppressed presence finding lets the quality rules run", "[engine]") {
  Record rec = good_record();
  rec.field(kMotivation) = prose("TBD");
  rec.suppressions.push_back(
      suppress({"hl103"}, "customer asked us not to write it down", std::nullopt, 1));
  RecordResult r = lint(rec);
  CHECK(finding(r, "HL103")->suppressed);
  CHECK(codes(r) == Codes{"HL104", "HL105", "HL106", "HL107"});
  CHECK(score(r, kMotivation) == 0);
}

TEST_CASE("a suppression only covers its own field, or the whole record", "[engine]") {
  Record rec = good_record();
  rec.field(kMotivation) = generic_motivation();
  rec.header.ae = {};
  rec.suppressions.push_back(suppress({"HL105"}, "wrong field", Category::champion_profile, 21));
  rec.suppressions.push_back(suppress({"HL804"}, "the AE left", std::nullopt, 1));
  RecordResult r = lint(rec);
  CHECK(fires(r, "HL105"));
  CHECK(finding(r, "HL804")->suppressed);
  const Finding* unused = finding(r, "HL904");
  REQUIRE(unused);
  CHECK(unused->pos.line == 21);
  CHECK(unused->message ==
        "HL105 did not fire in the champion profile field; remove it from this suppression.");
}

TEST_CASE("suppressions without a reason or that cover nothing are reported", "[engine]") {
  Record rec = good_record();
  rec.header.ae = {};
  rec.suppressions.push_back(suppress({"HL804"}, "  ", std::nullopt, 2));
  rec.suppressions.push_back(suppress({"HL999", "HL801"}, "tidy", std::nullopt, 3));
  RecordResult r = lint(rec);
  CHECK(finding(r, "HL804")->suppressed);  // a reason-less suppression still applies
  CHECK(codes(r) == Codes{"HL903", "HL904", "HL904"});
  CHECK(finding(r, "HL903")->message == "Give a reason after \"--\" for this suppression.");
  CHECK(finding(r, "HL903")->pos.line == 2);
  std::vector<std::string> messages;
  for (const Finding& f : r.findings)
    if (f.rule == "HL904") messages.push_back(f.message);
  CHECK(messages == std::vector<std::string>{
                        "HL999 is not a rule code; remove it from this suppression.",
                        "HL801 did not fire in this record; remove it from this suppression."});
  CHECK(r.gate == Gate::pass);
}

TEST_CASE("findings are sorted by line, column, then rule", "[engine]") {
  Record rec = good_record();
  rec.field(Category::communication_style) = prose("Likes short meetings.", 70);
  rec.field(Category::champion_profile) = prose("The VP.", 20);
  rec.header.account = {};
  RecordResult r = lint(rec);
  CHECK(codes(r) == Codes{"HL801", "HL204", "HL205", "HL206", "HL704", "HL705", "HL706"});
  for (std::size_t i = 1; i < r.findings.size(); ++i)
    CHECK(r.findings[i - 1].pos.line <= r.findings[i].pos.line);
}

TEST_CASE("findings are capped with one HL905 and the gate still sees them all", "[engine]") {
  Config config = default_config();
  config.limits.max_findings_per_record = 3;
  Record rec;
  rec.header.account = header("Halvorsen Freight", 1);
  RecordResult r = lint(rec, config);
  // 7 missing fields + HL802, HL803, HL804 = 10 findings, 3 shown.
  REQUIRE(r.findings.size() == 4);
  CHECK(r.findings[3].rule == "HL905");
  CHECK(r.findings[3].severity == Severity::info);
  CHECK(r.findings[3].message == "7 more findings not shown.");
  CHECK(r.gate == Gate::fail);
  config.limits.max_findings_per_record = 0;  // no cap
  CHECK(lint(rec, config).findings.size() == 10);
}

TEST_CASE("one engine serves many records, and copies share the phrase book", "[engine]") {
  Engine engine(default_config());
  Engine copy = engine;
  Loaded good;
  good.record = good_record();
  Loaded thin;
  thin.record = good_record();
  thin.record.field(kMotivation) = generic_motivation();
  CHECK(engine.run(good).gate == Gate::pass);
  CHECK(copy.run(thin).gate == Gate::fail);
  CHECK(engine.run(good).gate == Gate::pass);
}

TEST_CASE("an engine without phrase lists still runs every rule", "[engine]") {
  Config bare = default_config();
  bare.phrases.clear();
  RecordResult r = lint(good_record(), bare);
  // Nothing matches any list: every phrase-based check reports, nothing crashes.
  CHECK(fires(r, "HL105"));
  CHECK(fires(r, "HL705"));
  CHECK(r.gate == Gate::fail);
}

TEST_CASE("the table is in code order with unique codes and complete texts", "[engine]") {
  auto rules = all_rules();
  REQUIRE(rules.size() == 71);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const RuleDef& rule = rules[i];
    CAPTURE(rule.code);
    if (i) CHECK(rules[i - 1].code < rule.code);
    CHECK(find_rule(rule.code) == &rule);
    CHECK_FALSE(rule.summary.empty());
    CHECK_FALSE(rule.rationale.empty());
    CHECK_FALSE(rule.failing_example.empty());
    CHECK_FALSE(rule.passing_example.empty());
    bool meta = rule.code.starts_with("HL9");
    CHECK((rule.check == nullptr) == meta);
    if (rule.kind == RuleKind::quality)
      CHECK(rule.points > 0);
    else
      CHECK(rule.points == 0);
  }
  CHECK(find_rule("HL999") == nullptr);
}

TEST_CASE("each category's quality points add up to 100", "[engine]") {
  for (Category c : kAllCategories) {
    int points = 0;
    for (const RuleDef& rule : all_rules())
      if (rule.category == c && rule.kind == RuleKind::quality) points += rule.points;
    CAPTURE(category_key(c));
    CHECK(points == 100);
  }
}

TEST_CASE("the engine copes with arbitrary bytes in every field", "[engine]") {
  std::uint32_t state = 777;
  auto next = [&] {
    state = state * 1103515245u + 12345u;
    return static_cast<char>((state >> 16) & 0xFF);
  };
  Engine engine(default_config());
  for (int round = 0; round < 50; ++round) {
    Loaded loaded;
    loaded.record = good_record();
    for (Category c : kAllCategories) {
      std::string text;
      for (int i = 0; i < 80; ++i) text += (i % 5 == 0) ? ' ' : next();
      loaded.record.field(c) = round % 2 ? prose(text) : bullets({text, text});
    }
    loaded.record.handoff_call = prose(std::string(1, next()));
    RecordResult r = engine.run(loaded);
    CHECK(r.gate != Gate::error);
    for (const CategoryResult& cat : r.categories) CHECK((cat.score >= 0 && cat.score <= 100));
  }
}

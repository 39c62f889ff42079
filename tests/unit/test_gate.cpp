// The gate policy (Config::gate): fail_on, min_score, the warning count, and inline
// suppressions taking a finding out of the gate.
#include <catch2/catch.hpp>

#include "test_gate_support.hpp"

using namespace handoff;
using namespace handoff::gate_testing;

namespace {
using Codes = std::vector<std::string>;
constexpr auto kMotivation = Category::buying_motivation;

Config with_gate(std::optional<Severity> fail_on, int min_score = 0) {
  Config config = default_config();
  config.gate.fail_on = fail_on;
  config.gate.min_score = min_score;
  return config;
}

// Every open finding of `r` is in the buying motivation; there is at least one.
bool only_motivation_open(const RecordResult& r) {
  auto cats = open_categories(r);
  return !cats.empty() && std::all_of(cats.begin(), cats.end(), [](auto c) {
    return c == std::optional<Category>(kMotivation);
  });
}
}  // namespace

TEST_CASE("the record under test passes every rule", "[gate]") {
  RecordResult r = check(kLarkspur);
  CHECK(open_codes(r).empty());
  CHECK(r.score == 100);
  CHECK(r.gate == Gate::pass);
  CHECK(r.warnings == 0);
}

TEST_CASE("by default an unsuppressed warning does not fail; with fail_on warning it does",
          "[gate]") {
  std::string text = no_ae();
  RecordResult by_default = check(text);
  CHECK(open_codes(by_default) == Codes{"HL804"});
  CHECK(by_default.findings[0].severity == Severity::warning);
  CHECK(by_default.score == 100);
  CHECK(by_default.gate == Gate::pass);
  CHECK(by_default.warnings == 1);

  CHECK(check(text, with_gate(Severity::warning)).gate == Gate::fail);
  CHECK(check(text, with_gate(Severity::error)).gate == Gate::pass);
  // fail_on info: anything unsuppressed at info or above fails.
  CHECK(check(text, with_gate(Severity::info)).gate == Gate::fail);
}

TEST_CASE("fail_on never: findings alone never fail, a gap under its threshold still does",
          "[gate]") {
  Config config = default_config();
  config.rules["HL804"].severity = Severity::error;
  std::string text = no_ae();
  CHECK(check(text, config).gate == Gate::fail);
  config.gate.fail_on = std::nullopt;
  RecordResult never = check(text, config);
  CHECK(open_codes(never) == Codes{"HL804"});
  CHECK(never.findings[0].severity == Severity::error);
  CHECK(never.gate == Gate::pass);

  RecordResult gap = check(weak_motivation(), with_gate(std::nullopt));
  CHECK(only_motivation_open(gap));
  CHECK_FALSE(category(gap, kMotivation).pass);
  CHECK(gap.gate == Gate::fail);
}

TEST_CASE("min_score fails a record whose overall score is below it", "[gate]") {
  // The motivation's threshold at 0: it never fails, only its score counts.
  Config config = default_config();
  config.category(kMotivation).threshold = 0;
  RecordResult r = check(weak_motivation(), config);
  REQUIRE(r.gate == Gate::pass);
  REQUIRE(r.score < 100);
  config.gate.min_score = r.score;
  CHECK(check(weak_motivation(), config).gate == Gate::pass);
  config.gate.min_score = r.score + 1;
  CHECK(check(weak_motivation(), config).gate == Gate::fail);
  // Even with fail_on never, the score still gates.
  config.gate.fail_on = std::nullopt;
  CHECK(check(weak_motivation(), config).gate == Gate::fail);
  CHECK(check(kLarkspur, with_gate(Severity::error, 100)).gate == Gate::pass);
}

TEST_CASE("a category threshold decides its gap", "[gate]") {
  Config config = default_config();
  int score = category(check(weak_motivation()), kMotivation).score;
  config.category(kMotivation).threshold = score;
  CHECK(check(weak_motivation(), config).gate == Gate::pass);
  config.category(kMotivation).threshold = score + 1;
  CHECK(check(weak_motivation(), config).gate == Gate::fail);
  config.category(kMotivation).required = false;  // an optional category never fails
  CHECK(check(weak_motivation(), config).gate == Gate::pass);
}

TEST_CASE("a suppressed gap no longer fails the gate and gives its points back", "[gate]") {
  std::string gap = weak_motivation();
  RecordResult failing = check(gap);
  REQUIRE(failing.gate == Gate::fail);
  REQUIRE(only_motivation_open(failing));
  Codes fired = open_codes(failing);
  CHECK(failing.warnings == fired.size());

  std::string suppressed = suppressed_above(gap, "buying_motivation", fired,
                                            "the AE is adding detail after the kickoff call");
  RecordResult r = check(suppressed);
  REQUIRE(r.findings.size() == fired.size());
  for (const Finding& f : r.findings) {
    CAPTURE(f.rule);
    CHECK(f.suppressed);
    CHECK(f.suppression_kind == SuppressionKind::in_source);
    CHECK(f.justification == "the AE is adding detail after the kickoff call");
  }
  CHECK(category(r, kMotivation).score == 100);
  CHECK(r.gate == Gate::pass);
  CHECK(r.warnings == 0);
  // The suppressed warnings do not fail fail_on warning either.
  CHECK(check(suppressed, with_gate(Severity::warning)).gate == Gate::pass);
}

TEST_CASE("a suppression in another field leaves the gap failing", "[gate]") {
  std::string text =
      suppressed_above(thin_motivation(), "champion_profile", {"HL104"}, "wrong field");
  RecordResult r = check(text);
  CHECK(open_codes(r) == Codes{"HL104", "HL904"});
  CHECK(find(r, "HL904")->pos.line == 8);  // the comment, above champion_profile
  CHECK(r.warnings == 2);
}

TEST_CASE("the warning count sees findings beyond the display cap", "[gate]") {
  Config config = default_config();
  config.limits.max_findings_per_record = 1;
  RecordResult r = check(no_stake(no_ae()), config);
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[1].rule == "HL905");
  CHECK(r.warnings == 2);
}

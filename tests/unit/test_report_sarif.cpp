#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "handoff/rule.hpp"
#include "test_report_fixtures.hpp"

using namespace report_fixtures;
using Json = nlohmann::json;

namespace {

const Json* result_for(const Json& results, std::string_view rule) {
  for (const Json& r : results)
    if (r["ruleId"] == rule) return &r;
  return nullptr;
}

std::string level_of(Severity s) {
  return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

}  // namespace

TEST_CASE("sarif: a 2.1.0 log with one run, the rule table and one result per finding",
          "[report]") {
  const Json log = Json::parse(render("sarif", all_records()));
  CHECK(log["version"] == "2.1.0");
  CHECK(log["$schema"].get<std::string>().ends_with("sarif-schema-2.1.0.json"));
  REQUIRE(log["runs"].size() == 1);
  const Json& run = log["runs"][0];
  const Json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "handoff-lint");
  CHECK(driver["version"] == "0.1.0");
  CHECK(driver["informationUri"] == "https://github.com/handoff-lint/handoff-lint");

  // Every rule of the table, in table order, then any code the table does not know.
  const Json& rules = driver["rules"];
  auto table = all_rules();
  REQUIRE(rules.size() >= table.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    const RuleDef& def = table[i];
    const Json& d = rules[i];
    CHECK(d["id"] == def.code);
    CHECK(d["name"] == def.name);
    CHECK(d["shortDescription"]["text"] == def.summary);
    CHECK(!d["fullDescription"]["text"].get<std::string>().empty());
    CHECK(d["help"]["text"].get<std::string>().starts_with(std::string(def.summary)));
    CHECK(d["defaultConfiguration"]["level"] == level_of(def.severity));
    std::string tag = def.category                   ? std::string(category_key(*def.category))
                      : def.kind == RuleKind::policy ? "policy"
                                                     : "record";
    CHECK(d["properties"]["tags"] == Json::array({tag}));
  }
  std::set<std::string> unknown;
  for (const RecordResult& r : all_records())
    for (const Finding& f : r.findings)
      if (!find_rule(f.rule)) unknown.insert(f.rule);
  CHECK(rules.size() == table.size() + unknown.size());

  // Five findings in the failed record (one suppressed) and one in the error record.
  const Json& results = run["results"];
  REQUIRE(results.size() == 6);
  for (const Json& r : results) {
    CHECK(rules[r["ruleIndex"].get<std::size_t>()]["id"] == r["ruleId"]);
    CHECK(r["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>() >= 1);
    CHECK(r["locations"][0]["physicalLocation"]["region"]["startColumn"].get<int>() >= 1);
    CHECK(r["partialFingerprints"]["handoffLint/v1"].get<std::string>().size() == 16);
  }

  const Json* promises = result_for(results, "HL303");
  REQUIRE(promises);
  CHECK((*promises)["level"] == "error");
  CHECK((*promises)["message"]["text"] == "promises_commitments says only \"TBD\"");
  const Json& location = (*promises)["locations"][0];
  CHECK(location["physicalLocation"]["artifactLocation"] ==
        Json{{"uri", "handoffs/q3-deals.yaml"}, {"uriBaseId", "%SRCROOT%"}});
  CHECK(location["physicalLocation"]["region"] == Json{{"startLine", 14}, {"startColumn", 23}});
  CHECK(location["logicalLocations"][0]["name"] == "record 2");
  CHECK(location["logicalLocations"][0]["fullyQualifiedName"] == "handoffs/q3-deals.yaml#2");
  // FNV-1a 64 of source, rule, category and message, NUL-separated: stable across runs.
  CHECK((*promises)["partialFingerprints"]["handoffLint/v1"] == "1cdf54539ead2143");
  CHECK_FALSE(promises->contains("suppressions"));

  const Json* acv = result_for(results, "HL901");
  REQUIRE(acv);
  CHECK((*acv)["level"] == "note");

  const Json* suppressed = result_for(results, "HL506");
  REQUIRE(suppressed);
  CHECK(
      (*suppressed)["suppressions"] ==
      Json::array({Json{{"kind", "inSource"},
                        {"justification", "Procurement ran the whole deal; nobody lost budget"}}}));

  const Json* unreadable = result_for(results, "HL900");
  REQUIRE(unreadable);
  CHECK((*unreadable)["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "handoffs/broken.md");
  CHECK_FALSE((*unreadable)["locations"][0].contains("logicalLocations"));
}

TEST_CASE("sarif: unknown positions become line 1, column 1; odd paths are URI-encoded",
          "[report]") {
  RecordResult r = error_record();
  r.source = "deals/Q3 review#notes.md";
  r.findings[0].pos = Position{};
  const Json log = Json::parse(render("sarif", {r}));
  const Json& physical = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
  CHECK(physical["region"] == Json{{"startLine", 1}, {"startColumn", 1}});
  CHECK(physical["artifactLocation"]["uri"] == "deals/Q3%20review%23notes.md");
}

TEST_CASE("sarif: fingerprints depend on the finding, not on its position", "[report]") {
  RecordResult a = failing_record(), b = failing_record();
  for (Finding& f : b.findings) f.pos.line += 10;  // lines moved by an edit above
  const Json la = Json::parse(render("sarif", {a})), lb = Json::parse(render("sarif", {b}));
  for (std::size_t i = 0; i < la["runs"][0]["results"].size(); ++i)
    CHECK(la["runs"][0]["results"][i]["partialFingerprints"] ==
          lb["runs"][0]["results"][i]["partialFingerprints"]);
  RecordResult c = failing_record();
  c.source = "handoffs/q3-deals.yaml#3";
  const Json lc = Json::parse(render("sarif", {c}));
  CHECK(la["runs"][0]["results"][0]["partialFingerprints"] !=
        lc["runs"][0]["results"][0]["partialFingerprints"]);
}

TEST_CASE("sarif: a baselined finding is suppressed as external and keeps the engine's fingerprint",
          "[report]") {
  RecordResult r = failing_record();
  REQUIRE(r.findings.size() >= 2);
  r.findings[0].fingerprint = "0123456789abcdef";
  r.findings[0].suppressed = true;
  r.findings[0].suppression_kind = SuppressionKind::baseline;
  r.findings[0].justification = "in the baseline";
  const Json log = Json::parse(render("sarif", {r}));
  const Json& first = log["runs"][0]["results"][0];
  CHECK(first["suppressions"] ==
        Json::array({Json{{"kind", "external"}, {"justification", "in the baseline"}}}));
  // The engine's fingerprint decides: another message with the same fingerprint matches.
  RecordResult reworded = r;
  reworded.findings[0].message = "Reworded in a later release.";
  const Json again = Json::parse(render("sarif", {reworded}));
  CHECK(again["runs"][0]["results"][0]["partialFingerprints"] == first["partialFingerprints"]);
  CHECK_FALSE(log["runs"][0]["results"][1].contains("suppressions"));
}

TEST_CASE("sarif: an empty run is still a complete log", "[report]") {
  const Json log = Json::parse(render("sarif", {}));
  CHECK(log["runs"][0]["results"] == Json::array());
  CHECK(log["runs"][0]["tool"]["driver"]["rules"].size() == all_rules().size());
}

TEST_CASE("sarif: a code outside the rule table gets one descriptor after the table", "[report]") {
  REQUIRE(find_rule("HL999") == nullptr);
  RecordResult r = error_record();
  r.findings.push_back(finding("HL999", Severity::warning, std::nullopt, "first", 8, 1));
  r.findings.push_back(finding("HL999", Severity::warning, std::nullopt, "second", 9, 1));
  const Json log = Json::parse(render("sarif", {r}));
  const Json& rules = log["runs"][0]["tool"]["driver"]["rules"];
  const Json& results = log["runs"][0]["results"];
  const std::size_t table = all_rules().size();
  REQUIRE(rules.size() == table + 1);
  CHECK(rules[table]["id"] == "HL999");
  CHECK(rules[table]["defaultConfiguration"]["level"] == "error");
  CHECK(results[1]["ruleIndex"] == table);
  CHECK(results[2]["ruleIndex"] == table);
  CHECK((results[0]["ruleIndex"] < table) == (find_rule("HL900") != nullptr));
}

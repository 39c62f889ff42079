// AuditAggregator on hand-built results: every figure below is worked out by hand in
// test_audit_support.hpp's comments.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <sstream>

#include "test_audit_support.hpp"

using namespace handoff;
using audit_fixtures::sample;

namespace {

AuditReport audit_of(const std::vector<RecordResult>& results, AuditOptions options = {}) {
  AuditAggregator agg(std::move(options));
  for (const auto& r : results) agg.record(r);
  return agg.finish("test");
}

const AuditGroup& group(const AuditReport& report, AuditDimension d, std::string_view key) {
  const auto& groups = report.by(d);
  auto it = std::find_if(groups.begin(), groups.end(), [&](const AuditGroup& g) { return g.key == key; });
  REQUIRE(it != groups.end());
  return *it;
}

std::vector<std::string> keys(const AuditReport& report, AuditDimension d) {
  std::vector<std::string> out;
  for (const auto& g : report.by(d)) out.push_back(g.label);
  return out;
}

std::string json_of(const AuditReport& report) {
  std::ostringstream out;
  REQUIRE(write_audit_report("json", report, out));
  return out.str();
}

}  // namespace

TEST_CASE("audit: overall counts, pass rate and mean score", "[audit]") {
  AuditReport report = audit_of(sample());
  const AuditStats& s = report.overall;
  CHECK(s.records == 6);
  CHECK(s.passed == 2);
  CHECK(s.failed == 3);
  CHECK(s.errored == 1);
  CHECK(s.scored() == 5);
  CHECK(s.pass_rate() == Approx(2.0 / 6.0));
  CHECK(s.score_sum == 80 + 51 + 51 + 100 + 50);
  CHECK(s.mean_score() == Approx(66.4));
}

TEST_CASE("audit: per-category mean score, gaps and skipped fields", "[audit]") {
  const AuditStats s = audit_of(sample()).overall;
  auto mean = [&](Category c) { return s.mean_score(c); };
  CHECK(mean(Category::buying_motivation) == Approx(80.0));
  CHECK(mean(Category::champion_profile) == Approx(48.0));
  CHECK(mean(Category::promises_commitments) == Approx(62.0));
  CHECK(mean(Category::red_flags_risks) == Approx(76.0));
  CHECK(mean(Category::political_landscape) == Approx(62.0));
  CHECK(mean(Category::success_criteria) == Approx(64.0));
  CHECK(mean(Category::communication_style) == Approx(74.0));
  CHECK(s.categories[index_of(Category::champion_profile)].gaps == 3);
  CHECK(s.gap_rate(Category::champion_profile) == Approx(0.6));
  CHECK(s.gap_rate(Category::success_criteria) == Approx(0.2));
  CHECK(s.gap_rate(Category::communication_style) == Approx(0.4));

  const auto& cp = s.categories[index_of(Category::champion_profile)];
  CHECK(cp.missing == 2);
  CHECK(cp.empty == 0);
  CHECK(cp.placeholder == 0);
  CHECK(s.categories[index_of(Category::success_criteria)].empty == 1);
  CHECK(s.categories[index_of(Category::political_landscape)].placeholder == 1);
  CHECK(s.categories[index_of(Category::promises_commitments)].placeholder == 1);
  CHECK(s.categories[index_of(Category::buying_motivation)].skipped() == 0);
}

TEST_CASE("audit: rules count records once and every finding", "[audit]") {
  const AuditStats s = audit_of(sample()).overall;
  REQUIRE(s.rules.count("HL705") == 1);
  CHECK(s.rules.at("HL705").records == 1);
  CHECK(s.rules.at("HL705").findings == 2);
  CHECK(s.rules.at("HL201").records == 2);
  CHECK(s.rules.at("HL201").findings == 2);
  CHECK(s.rules.at("HL900").records == 1);
  CHECK(s.rules.size() == 12);
  CHECK(s.rules.count("HL101") == 0);
}

TEST_CASE("audit: a suppressed finding is not counted", "[audit]") {
  RecordResult r = audit_fixtures::make({"a.md", "Acme Pumps", "Priya Raman", "", "", std::nullopt, Gate::fail,
                                         {0, 80, 80, 80, 80, 80, 80}, {"HL101", "HL104"}});
  r.findings[1].suppressed = true;
  const AuditStats s = audit_of({r}).overall;
  CHECK(s.rules.count("HL101") == 1);
  CHECK(s.rules.count("HL104") == 0);
  CHECK(s.categories[index_of(Category::buying_motivation)].missing == 1);
}

TEST_CASE("audit: groups by AE, CSM, month, quarter and segment", "[audit]") {
  AuditReport report = audit_of(sample());
  // Names are trimmed and blank runs collapsed, so "  Omar   Haddad " joins "Omar Haddad".
  CHECK(keys(report, AuditDimension::ae) == std::vector<std::string>{"Omar Haddad", "Priya Raman", "(none)"});
  const AuditStats& omar = group(report, AuditDimension::ae, "Omar Haddad").stats;
  CHECK(omar.records == 2);
  CHECK(omar.passed == 1);
  CHECK(omar.mean_score() == Approx((51 + 100) / 2.0));
  CHECK(omar.categories[index_of(Category::success_criteria)].empty == 1);
  const AuditStats& none = group(report, AuditDimension::ae, "(none)").stats;
  CHECK(none.records == 2);
  CHECK(none.errored == 1);
  CHECK(none.pass_rate() == 0.0);

  CHECK(keys(report, AuditDimension::csm) == std::vector<std::string>{"Ines Dahl", "(none)"});
  CHECK(group(report, AuditDimension::csm, "Ines Dahl").stats.records == 3);

  CHECK(keys(report, AuditDimension::month) ==
        std::vector<std::string>{"2026-01", "2026-02", "2026-03", "(no date)"});
  const AuditStats& feb = group(report, AuditDimension::month, "2026-02").stats;
  CHECK(feb.records == 2);
  CHECK(feb.passed == 0);
  CHECK(feb.categories[index_of(Category::champion_profile)].missing == 1);
  CHECK(group(report, AuditDimension::month, "2026-03").stats.passed == 1);

  CHECK(keys(report, AuditDimension::quarter) == std::vector<std::string>{"2026-Q1", "(no date)"});
  CHECK(group(report, AuditDimension::quarter, "2026-Q1").stats.records == 4);

  // Bands sort by size, not by name; 25000 is the first mid-market amount.
  CHECK(keys(report, AuditDimension::segment) ==
        std::vector<std::string>{"SMB (< $25K)", "Mid-market ($25K-$100K)", "Enterprise (>= $100K)", "(no ACV)"});
  CHECK(group(report, AuditDimension::segment, "Mid-market ($25K-$100K)").stats.records == 2);
  CHECK(group(report, AuditDimension::segment, "(no ACV)").stats.records == 2);
}

TEST_CASE("audit: configurable segment bounds", "[audit]") {
  AuditOptions options;
  options.segment_bounds = {10000, 50000, 250000};
  AuditReport report = audit_of(sample(), options);
  CHECK(keys(report, AuditDimension::segment) ==
        std::vector<std::string>{"$10K-$50K", "$50K-$250K", "(no ACV)"});
  CHECK(group(report, AuditDimension::segment, "$10K-$50K").stats.records == 2);
  CHECK(audit_segment_label(0, {1500000}) == "< $1.5M");
  CHECK(audit_segment_label(1, {1500000}) == ">= $1.5M");
  CHECK(audit_segment_label(0, {750}) == "< $750");
}

TEST_CASE("audit: worst records are the lowest scores, ties by natural source order", "[audit]") {
  AuditOptions options;
  options.worst_count = 2;
  AuditReport report = audit_of(sample(), options);
  const auto& worst = report.overall.worst;
  REQUIRE(worst.size() == 2);
  CHECK(worst[0].source == "other.jsonl#1");
  CHECK(worst[0].score == 50);
  CHECK(worst[0].gaps == 2);
  // crm.csv#2 and crm.csv#10 tie on 51: #2 comes first, and #10 falls off the bounded list.
  CHECK(worst[1].source == "crm.csv#2");
  CHECK(worst[1].account == "Borealis Tiles");
  CHECK(worst[1].gaps == 3);
  CHECK(report.overall.errors == std::vector<std::string>{"crm.csv#4"});
  // Per group too: Priya's worst is her failing record.
  const auto& priya = group(report, AuditDimension::ae, "Priya Raman").stats.worst;
  REQUIRE(priya.size() == 2);
  CHECK(priya[0].source == "crm.csv#2");
  CHECK(priya[1].source == "crm.csv#1");
}

TEST_CASE("audit: the report does not depend on the order of results, merged or not", "[audit]") {
  std::vector<RecordResult> results = sample();
  const std::string expected = json_of(audit_of(results));
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(results.begin(), results.end(), rng);
    CHECK(json_of(audit_of(results)) == expected);
    // Two halves aggregated apart and merged, as parallel workers would.
    AuditAggregator left(AuditOptions{}), right(AuditOptions{});
    for (std::size_t i = 0; i < results.size(); ++i) (i % 2 ? left : right).record(results[i]);
    left.merge(right);
    CHECK(json_of(left.finish("test")) == expected);
  }
}

TEST_CASE("audit: --redact hashes accounts, people and sources", "[audit]") {
  AuditOptions options;
  options.redact = true;
  AuditReport report = audit_of(sample(), options);
  CHECK(keys(report, AuditDimension::ae) == std::vector<std::string>{"ae-b2ba9c9c", "ae-f7b88a6a", "(none)"});
  CHECK(group(report, AuditDimension::ae, "Priya Raman").label == "ae-b2ba9c9c");
  CHECK(audit_hash("acct-", "Acme Pumps") == "acct-e7e24604");
  CHECK(audit_hash("acct-", "  Acme   Pumps ") == "acct-e7e24604");
  CHECK(audit_source_label("crm.csv#12", true) == "src-5e465f23.csv#12");
  CHECK(audit_source_label("crm.csv#12", false) == "crm.csv#12");
  CHECK(audit_source_label("<stdin>", true) == "<stdin>");

  std::string json = json_of(report);
  for (const char* name : {"Priya", "Omar", "Ines", "Acme", "Borealis", "Calder", "Dunmore", "crm.csv", "other.jsonl"})
    CHECK(json.find(name) == std::string::npos);
  CHECK(json.find("acct-0ccbdeff") != std::string::npos);  // Borealis Tiles, among the worst
}

TEST_CASE("audit: month and quarter keys from close dates", "[audit]") {
  CHECK(audit_month_key("2026-03-14") == "2026-03");
  CHECK(audit_month_key(" 2026/11/02 ") == "2026-11");
  CHECK(audit_month_key("2026-03-14 09:30") == "2026-03");
  CHECK(audit_month_key("03/14/2026") == "(no date)");  // day or month first: not guessed
  CHECK(audit_month_key("2026-02-30") == "(no date)");
  CHECK(audit_month_key("2026-03-14x") == "(no date)");
  CHECK(audit_month_key("") == "(no date)");
  CHECK(audit_quarter_key("2026-03-31") == "2026-Q1");
  CHECK(audit_quarter_key("2026-04-01") == "2026-Q2");
  CHECK(audit_quarter_key("2025-12-09") == "2025-Q4");
}

TEST_CASE("audit: segment bands at their bounds", "[audit]") {
  const std::vector<double> bounds{25000, 100000};
  CHECK(audit_segment_band(24999.99, bounds) == 0u);
  CHECK(audit_segment_band(25000, bounds) == 1u);
  CHECK(audit_segment_band(99999, bounds) == 1u);
  CHECK(audit_segment_band(100000, bounds) == 2u);
  CHECK_FALSE(audit_segment_band(std::nullopt, bounds).has_value());
}

TEST_CASE("audit: group keys are bounded in length", "[audit]") {
  std::string long_name(300, 'x');
  long_name += "\xC3\xA9";  // a two-byte character beyond the cut
  AuditReport report = audit_of({audit_fixtures::make({"a.md", "", long_name, "", "", std::nullopt, Gate::pass,
                                                       {80, 80, 80, 80, 80, 80, 80}})});
  REQUIRE(report.by(AuditDimension::ae).size() == 1);
  CHECK(report.by(AuditDimension::ae)[0].key == std::string(80, 'x'));
}

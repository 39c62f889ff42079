// The audit's output formats on the hand-built sample: exact lines and cells, escaping, redaction.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_audit_support.hpp"

using namespace handoff;
using audit_fixtures::make;
using audit_fixtures::sample;

namespace {

AuditReport report_of(const std::vector<RecordResult>& results, AuditOptions options = {}) {
  AuditAggregator agg(std::move(options));
  for (const auto& r : results) agg.record(r);
  AuditReport report = agg.finish("9.9.9");
  report.column_mappings.push_back({"crm.csv", {{"Deal Name", "account"}, {"Champion", "champion_profile"},
                                                {"Notes", "notes"}, {"Region", "ignored"}}, ""});
  return report;
}

std::string render(std::string_view format, const AuditReport& report) {
  std::ostringstream out;
  REQUIRE(write_audit_report(format, report, out));
  return out.str();
}

std::string stream_csv(const std::vector<RecordResult>& results, AuditOptions options = {}) {
  std::ostringstream out;
  auto reporter = make_audit_csv_reporter(out, options);
  reporter->begin();
  for (const auto& r : results) reporter->record(r);
  reporter->end({});
  return out.str();
}

bool has_line(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos;
}

std::size_t count(const std::string& text, std::string_view needle) {
  std::size_t n = 0;
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("audit text: headline and aligned tables", "[audit]") {
  std::string text = render("text", report_of(sample()));
  CHECK(text.rfind("handoff-lint audit 9.9.9\n6 records: 2 passed, 3 failed, 1 error\nPass rate 33.3%, mean score 66.4\n", 0) == 0);
  CHECK(has_line(text, "  File: crm.csv"));
  CHECK(has_line(text, "  Deal Name  account"));
  CHECK(has_line(text, "  Notes      notes: label lines, any field"));
  CHECK(has_line(text, "  No column feeds buying_motivation, promises_commitments, red_flags_risks, political_landscape, "
                       "success_criteria, communication_style (only the notes column can supply them)."));
  CHECK(has_line(text, "  Category                  Mean score  Gap rate  Gaps"));
  CHECK(has_line(text, "  Champion profile                48.0     60.0%     3"));
  CHECK(has_line(text, "  Field                     Skipped  Missing  Empty  Placeholder"));
  CHECK(has_line(text, "  Champion profile                2        2      0            0"));
  CHECK(has_line(text, "  HL201  champion-missing                2         2"));
  CHECK(has_line(text, "  HL705  communication-no-channel        1         2"));
  // By AE: Omar's records score 51 and 100; his success criteria was empty once.
  CHECK(has_line(text, "  Omar Haddad        2      50.0%  75.5        80.0      80.0      80.0   80.0      80.0     50.0   "
                       "80.0  Success (1)"));
  CHECK(has_line(text, "  (none)             2       0.0%  50.0        70.0       0.0       0.0   70.0      70.0     70.0   "
                       "70.0  Champion (1)"));
  CHECK(has_line(text, "  2026-02          2       0.0%   51.0        75.0      30.0      65.0   65.0      30.0     35.0   "
                       "60.0  Champion (1)"));
  CHECK(has_line(text, "  other.jsonl#1  (no account)       50  fail   2/7"));
  CHECK(has_line(text, "  crm.csv#10     Calder Mills       51  fail   7/7"));
  CHECK(has_line(text, "  2026-03          1     100.0%  100.0       100.0     100.0     100.0  100.0     100.0    100.0  "
                       "100.0  -"));
  CHECK(text.find("Records that could not be read\n  handoff-lint check on them says why.\n  Source\n  crm.csv#4\n") !=
        std::string::npos);
}

TEST_CASE("audit text: record text cannot drive the terminal", "[audit]") {
  auto r = make({"a.csv#1", "Evil\x1b[2JCorp", "Mal\xE2\x80\xAEory", "", "", std::nullopt, Gate::fail,
                 {0, 0, 0, 0, 0, 0, 0}});
  std::string text = render("text", report_of({r}));
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("Evil\\x1b[2JCorp") != std::string::npos);
  CHECK(text.find("Mal\\u202eory") != std::string::npos);
}

TEST_CASE("audit markdown: tables with escaped cells", "[audit]") {
  auto pipe = make({"a.csv#1", "Pipe | Works", "Ann *Bold* <b>", "", "2026-05-01", 30000, Gate::fail,
                    {50, 50, 50, 50, 50, 50, 50}});
  std::string md = render("markdown", report_of({pipe}));
  CHECK(md.rfind("# Handoff audit\n\n1 record: 0 passed, 1 failed, 0 errors\n\n| Figure | Value |\n| --- | ---: |\n", 0) == 0);
  CHECK(md.find("| Pass rate | 0.0% |") != std::string::npos);
  CHECK(md.find("## Worst records") != std::string::npos);
  CHECK(md.find("| a.csv\\#1 | Pipe \\| Works | 50 | fail | 7/7 |") != std::string::npos);
  CHECK(md.find("| Ann \\*Bold\\* &lt;b&gt; | 1 | 0.0% | 50.0 |") != std::string::npos);
  CHECK(md.find("| Category | Mean score | Gap rate | Gaps |\n| --- | ---: | ---: | ---: |") != std::string::npos);
  CHECK(md.find("<b>") == std::string::npos);
}

TEST_CASE("audit json: figures rounded, only the groups asked for", "[audit]") {
  AuditOptions options;
  options.group_by = {AuditDimension::segment};
  auto doc = nlohmann::json::parse(render("json", report_of(sample(), options)));
  CHECK(doc["tool"]["version"] == "9.9.9");
  CHECK(doc["options"]["group_by"] == nlohmann::json::array({"segment"}));
  CHECK(doc["overall"]["records"] == 6);
  CHECK(doc["overall"]["pass_rate"] == 0.3333);
  CHECK(doc["overall"]["mean_score"] == 66.4);
  CHECK(doc["overall"]["categories"][1]["category"] == "champion_profile");
  CHECK(doc["overall"]["categories"][1]["gap_rate"] == 0.6);
  CHECK(doc["overall"]["categories"][1]["missing"] == 2);
  CHECK(doc["overall"]["most_skipped"][0] == nlohmann::json({{"category", "champion_profile"}, {"skipped", 2}}));
  CHECK(doc["overall"]["rules"][0] ==
        nlohmann::json({{"code", "HL201"}, {"name", "champion-missing"}, {"records", 2}, {"findings", 2}}));
  CHECK(doc["overall"]["worst"][0]["source"] == "other.jsonl#1");
  CHECK(doc["overall"]["worst"][0]["account"] == "(no account)");
  CHECK(doc["overall"]["error_sources"] == nlohmann::json::array({"crm.csv#4"}));
  CHECK(doc["groups"].size() == 1);
  CHECK(doc["groups"]["segment"][0]["key"] == "SMB (< $25K)");
  CHECK(doc["groups"]["segment"][0]["records"] == 1);
  CHECK(doc["column_mappings"][0]["columns"][1] == nlohmann::json({{"header", "Champion"}, {"feeds", "champion_profile"}}));
}

TEST_CASE("audit html: self-contained, escaped, three charts", "[audit]") {
  auto hostile = make({"x.csv#1", "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "", "2026-04-02", 5000,
                       Gate::fail, {40, 40, 40, 40, 40, 40, 40}});
  std::vector<RecordResult> results = sample();
  results.push_back(hostile);
  std::string html = render("html", report_of(results));
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
  CHECK(count(html, "<svg") == 3);
  CHECK(html.find("id=\"chart-gaps\"") != std::string::npos);
  CHECK(html.find("id=\"chart-heat\"") != std::string::npos);
  CHECK(html.find("id=\"chart-months\"") != std::string::npos);
  // Gap bars 2 x 7 + 2 legend; heat map (all + 4 AE rows) x 7 + 21 legend; 5 month bars.
  CHECK(count(html, "<rect") == 16 + 5 * 7 + 21 + 5);
  CHECK(html.find("https://") == std::string::npos);
}

TEST_CASE("audit html: a mapping that leaves fields to no column and no notes is flagged at the top", "[audit]") {
  AuditReport report = report_of(sample());
  report.column_mappings = {{"bad.csv", {{"Deal Name", "account"}, {"Champion", "champion_profile"}}, ""}};
  std::string html = render("html", report);
  auto warn = html.find("<p class=\"warn\"><strong>File: bad.csv.</strong> No column feeds buying_motivation");
  REQUIRE(warn != std::string::npos);
  CHECK(warn < html.find("id=\"chart-gaps\""));
}

TEST_CASE("audit csv: one row per record per category, spreadsheet-safe", "[audit]") {
  auto risky = make({"deals.csv#3", "=HYPERLINK(\"http://x\"), Inc", "Zoe \"Z\" Park", "", "2026-05-04", 67200.5,
                     Gate::fail, {90, 0, 70, 70, 0, 70, 60}, {"HL201", "HL503", "HL705", "HL705", "HL704"}});
  auto broken = make({"deals.csv#4", "", "", "", "", std::nullopt, Gate::error, {}, {"HL900"}});
  std::string csv = stream_csv({risky, broken});
  std::istringstream in(csv);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() == 1 + 14);
  CHECK(lines[0] ==
        "source,account,ae,csm,close_date,month,acv,segment,gate,score,category,category_score,threshold,pass,rules\r");
  CHECK(lines[1] == "deals.csv#3,\"'=HYPERLINK(\"\"http://x\"\"), Inc\",\"Zoe \"\"Z\"\" Park\",,2026-05-04,2026-05,67200.5,"
                    "Mid-market ($25K-$100K),fail,51,buying_motivation,90,70,yes,\r");
  CHECK(lines[2].substr(lines[2].find(",fail,")) == ",fail,51,champion_profile,0,70,no,HL201\r");
  CHECK(lines[7].substr(lines[7].find(",fail,")) == ",fail,51,communication_style,60,70,no,HL704 HL705\r");
  CHECK(lines[8] == "deals.csv#4,,,,,,,,error,,buying_motivation,,70,,\r");

  AuditOptions redact;
  redact.redact = true;
  std::string hidden = stream_csv({risky}, redact);
  CHECK(hidden.find("HYPERLINK") == std::string::npos);
  CHECK(hidden.find("Zoe") == std::string::npos);
  CHECK(hidden.find("deals.csv") == std::string::npos);
  CHECK(hidden.find(",ae-") != std::string::npos);
  CHECK(hidden.find(",acct-") != std::string::npos);
}

TEST_CASE("audit: unknown report format is refused", "[audit]") {
  std::ostringstream out;
  CHECK_FALSE(write_audit_report("sarif", report_of(sample()), out));
  CHECK(out.str().empty());
}

TEST_CASE("audit: with no scored record, means are undefined, not zero", "[audit]") {
  auto broken = make({"deals.csv#1", "", "", "", "", std::nullopt, Gate::error, {}, {"HL900"}});
  AuditReport report = report_of({broken});
  auto doc = nlohmann::json::parse(render("json", report));
  CHECK(doc["overall"]["mean_score"].is_null());
  CHECK(doc["overall"]["categories"][0]["gap_rate"].is_null());
  CHECK(doc["overall"]["pass_rate"] == 0.0);
  std::string text = render("text", report);
  CHECK(text.find("\nPass rate 0.0%, mean score -\n") != std::string::npos);
  CHECK(has_line(text, "  Buying motivation                  -         -     0"));
}

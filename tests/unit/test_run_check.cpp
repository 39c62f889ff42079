// run_check with worker threads: the reporters see the same results in the same order, and the
// same bytes come out of a real reporter, whatever the number of jobs.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "handoff/run.hpp"
#include "temp_dir.hpp"

using namespace handoff;
namespace fs = std::filesystem;
using handoff::test::TempDir;

namespace {

std::string yaml_record(int i, bool complete) {
  std::ostringstream out;
  out << "account: Account " << i << "\nacv: " << 20000 + 1000 * i << "\nclose_date: 2026-03-"
      << 10 + i % 18 << "\nae: Mara Quinn\ncsm: Theo Park\n";
  if (!complete) return out.str() + "buying_motivation: TBD\n";
  out << "buying_motivation: Their billing outage on 2026-02-02 cost two clients; the CFO wants "
         "a fix before the June renewal cycle.\n"
         "champion_profile: Dana Ruiz, VP Finance, promised the board clean invoices by Q3.\n"
         "promises_commitments:\n  - Weekly status email until go-live on 2026-06-01\n"
         "red_flags_risks:\n  - IT lead Sam Cole doubts the API limits; we shared the load test "
         "and it is still open.\n"
         "political_landscape: Sam Cole (IT lead) lost the budget to Finance and is skeptical.\n"
         "success_criteria: Invoice errors from 4% today to under 1% by 2026-09-30.\n"
         "communication_style: Dana prefers Slack, a 30-minute call every Tuesday, agenda "
         "first.\n";
  return out.str();
}

// A folder whose inputs differ in cost and in the number of records they hold, so that the
// workers finish out of order: single records, a multi-document file, a broken file, and a
// CSV export with more rows than a worker may buffer ahead of its turn.
void fill(const TempDir& f) {
  for (int i = 0; i < 30; ++i)
    f.write("records/r" + std::to_string(100 + i) + ".yaml", yaml_record(i, i % 3 != 0));
  f.write("records/multi.yaml",
          yaml_record(1, true) + "---\n" + yaml_record(2, false) + "---\n" + yaml_record(3, true));
  f.write("records/broken.yaml", "account: [unclosed\n");
  std::string csv = "Account,ACV,Champion,Success Criteria\n";
  for (int i = 0; i < 700; ++i)
    csv += "Row " + std::to_string(i) + "," + std::to_string(30000 + i) +
           ",\"Lee Ames, COO, staked her bonus on it\"," +
           (i % 2 ? "TBD" : "Churn from 9% to 5% by 2026-12-31") + "\n";
  f.write("records/export.csv", csv);
  f.write("records/zz-last.md", "# Last Account\n\n## Buying motivation\n\nTBD\n");
}

struct Collector final : Reporter {
  std::vector<std::string> lines;
  RunSummary summary;
  void record(const RecordResult& r) override {
    std::string line =
        r.source + " " + std::string(gate_name(r.gate)) + " " + std::to_string(r.score);
    for (const Finding& f : r.findings) line += " " + f.rule;
    lines.push_back(std::move(line));
  }
  void end(const RunSummary& s) override { summary = s; }
};

struct Run {
  std::vector<std::string> lines;
  RunSummary summary;
  std::string json;
  int exit = 0;
};

Run run_with(const fs::path& root, std::size_t jobs) {
  ConfigResolver configs(default_config());
  RunOptions options;
  options.jobs = jobs;
  Collector collector;
  std::ostringstream json;
  auto reporter = make_reporter("json", json, ReportOptions{});
  std::vector<InputItem> inputs = expand_inputs({root.string()});
  RunOutcome outcome = run_check(inputs, configs, options, {&collector, reporter.get()});
  return {collector.lines, collector.summary, json.str(), exit_code_for(outcome)};
}

}  // namespace

TEST_CASE("run_check reports in input order and the same bytes for any number of jobs", "[run]") {
  TempDir folder;
  fill(folder);
  Run one = run_with(folder.path, 1);
  // 30 single records + 3 in multi.yaml + 1 broken + 700 CSV rows + 1 Markdown record.
  REQUIRE(one.lines.size() == 735);
  CHECK(one.summary.records == 735);
  CHECK(one.summary.errored == 1);
  CHECK(one.summary.passed + one.summary.failed == 734);
  CHECK(one.exit == 2);
  CHECK(one.lines.front().starts_with((folder.path / "records/broken.yaml").string() + " error"));
  CHECK(one.lines.back().starts_with((folder.path / "records/zz-last.md").string() + " fail"));
  for (std::size_t jobs : {2, 3, 8}) {
    CAPTURE(jobs);
    Run many = run_with(folder.path, jobs);
    CHECK(many.lines == one.lines);
    CHECK(many.json == one.json);
    CHECK(many.exit == one.exit);
  }
}

TEST_CASE("run_check with more jobs than inputs, and with no inputs", "[run]") {
  TempDir folder;
  folder.write("a.yaml", yaml_record(1, true));
  Run r = run_with(folder.path, 16);
  REQUIRE(r.lines.size() == 1);
  CHECK(r.summary.passed + r.summary.failed == 1);

  ConfigResolver configs(default_config());
  RunOptions options;
  options.jobs = 4;
  Collector collector;
  RunOutcome empty = run_check({}, configs, options, {&collector});
  CHECK(collector.lines.empty());
  CHECK(empty.summary.records == 0);
  CHECK(exit_code_for(empty) == 0);
}

// run_check with worker threads: the reporters see the same results in the same order, and the
// same bytes come out of a real reporter, whatever the number of jobs.
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

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

// A CSV export of `rows` rows, half of them failing their gate.
std::string csv_export(int rows) {
  std::string csv = "Account,ACV,Champion,Success Criteria\n";
  for (int i = 0; i < rows; ++i)
    csv += "Row " + std::to_string(i) + "," + std::to_string(30000 + i) +
           ",\"Lee Ames, COO, staked her bonus on it\"," +
           (i % 2 ? "TBD" : "Churn from 9% to 5% by 2026-12-31") + "\n";
  return csv;
}

// A JSON Lines export of `rows` records; every 500th line is not JSON (an error record).
std::string jsonl_export(int rows) {
  std::string jsonl;
  for (int i = 0; i < rows; ++i) {
    if (i % 500 == 250) {
      jsonl += "{\"account\": \"Broken " + std::to_string(i) + "\"\n";
      continue;
    }
    jsonl += "{\"account\": \"Line " + std::to_string(i) +
             "\", \"acv\": " + std::to_string(40000 + i) +
             ", \"champion_profile\": \"Dana Ruiz, VP Finance, promised the board clean invoices\""
             ", \"success_criteria\": \"" +
             (i % 3 ? "TBD" : "Invoice errors under 1% by 2026-09-30") + "\"}\n";
  }
  return jsonl;
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
  std::string text;
  int exit = 0;
};

Run run_with(const fs::path& root, std::size_t jobs) {
  ConfigResolver configs(default_config());
  RunOptions options;
  options.jobs = jobs;
  Collector collector;
  std::ostringstream json, text;
  auto json_reporter = make_reporter("json", json, ReportOptions{});
  auto text_reporter = make_reporter("text", text, ReportOptions{});
  std::vector<InputItem> inputs = expand_inputs({root.string()});
  RunOutcome outcome =
      run_check(inputs, configs, options, {&collector, json_reporter.get(), text_reporter.get()});
  return {collector.lines, collector.summary, json.str(), text.str(), exit_code_for(outcome)};
}

// The run of `root` with each of `jobs` workers gives exactly `one`'s records, reports and exit.
void check_same_for_jobs(const fs::path& root, const Run& one,
                         std::initializer_list<std::size_t> jobs) {
  for (std::size_t n : jobs) {
    CAPTURE(n);
    Run many = run_with(root, n);
    CHECK(many.lines == one.lines);
    CHECK(many.json == one.json);
    CHECK(many.text == one.text);
    CHECK(many.exit == one.exit);
  }
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
  check_same_for_jobs(folder.path, one, {2, 3, 8});
}

TEST_CASE("run_check reports the records of large exports in load order for any number of jobs",
          "[run]") {
  TempDir folder;
  fill(folder);
  folder.write("records/big.csv", csv_export(3000));
  folder.write("records/big.jsonl", jsonl_export(2000));
  folder.write("records/yy-after.yaml", yaml_record(7, true));
  Run one = run_with(folder.path, 1);
  // fill()'s 735 records, 3000 CSV rows, 2000 JSON lines and one more YAML record.
  REQUIRE(one.lines.size() == 5736);
  CHECK(one.summary.errored == 1 + 4);  // broken.yaml and four lines that are not JSON
  CHECK(one.lines[1].starts_with((folder.path / "records/big.csv").string()));
  CHECK(one.exit == 2);
  check_same_for_jobs(folder.path, one, {2, 4});

  TempDir alone;  // one export is one input: no other input to keep the workers busy
  alone.write("export.jsonl", jsonl_export(3000));
  Run alone_one = run_with(alone.path, 1);
  REQUIRE(alone_one.lines.size() == 3000);
  check_same_for_jobs(alone.path, alone_one, {2, 4});
}

namespace {

// Renders a record only once two threads are rendering at the same time (after 30 seconds it
// gives up waiting): with two jobs, the records of a single export must be checked on both.
struct WaitsForTwoRenderers final : Reporter {
  mutable std::mutex mutex;
  mutable std::condition_variable changed;
  mutable std::set<std::thread::id> inside;
  mutable bool met = false;
  mutable bool gave_up = false;

  bool renders_records() const override { return true; }
  std::string render(const RecordResult& r) const override {
    std::unique_lock lock(mutex);
    inside.insert(std::this_thread::get_id());
    if (inside.size() >= 2) met = true;
    changed.notify_all();
    if (!changed.wait_for(lock, std::chrono::seconds(30), [&] { return met || gave_up; }))
      gave_up = true;
    inside.erase(std::this_thread::get_id());
    return r.source;
  }
  void record(const RecordResult&) override {}
  void end(const RunSummary&) override {}
};

// Throws from record() or render() at the `at`th record.
struct ThrowsAt final : Reporter {
  int at;
  bool in_render;
  mutable std::atomic<int> seen{0};
  ThrowsAt(int at_record, bool from_render) : at(at_record), in_render(from_render) {}

  bool renders_records() const override { return true; }
  std::string render(const RecordResult&) const override {
    if (in_render && ++seen == at) throw std::runtime_error("render failed");
    return "x";
  }
  void record_rendered(const RecordResult&, std::string&&) override {
    if (!in_render && ++seen == at) throw std::runtime_error("record failed");
  }
  void record(const RecordResult&) override {}
  void end(const RunSummary&) override {}
};

}  // namespace

TEST_CASE("run_check checks the records of one export on several workers", "[run]") {
  TempDir folder;
  const std::string path = folder.write("export.csv", csv_export(600));
  ConfigResolver configs(default_config());
  RunOptions options;
  options.jobs = 2;
  WaitsForTwoRenderers reporter;
  RunOutcome outcome = run_check(expand_inputs({path}), configs, options, {&reporter});
  CHECK(outcome.summary.records == 600);
  CHECK(reporter.met);
}

TEST_CASE("run_check ends with a reporter's exception thrown in the middle of an export", "[run]") {
  TempDir folder;
  folder.write("a.yaml", yaml_record(1, true));
  folder.write("export.csv", csv_export(2000));
  folder.write("export.jsonl", jsonl_export(2000));
  folder.write("z.yaml", yaml_record(2, false));
  const std::vector<InputItem> inputs = expand_inputs({folder.path.string()});
  for (bool in_render : {false, true}) {
    for (std::size_t jobs : {1, 2, 4}) {
      CAPTURE(in_render, jobs);
      ConfigResolver configs(default_config());
      RunOptions options;
      options.jobs = jobs;
      ThrowsAt reporter(1000, in_render);
      CHECK_THROWS_WITH(run_check(inputs, configs, options, {&reporter}),
                        in_render ? "render failed" : "record failed");
    }
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

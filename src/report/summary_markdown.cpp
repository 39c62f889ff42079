#include "report/summary_markdown.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace handoff::report {

void SummaryTally::add(const RecordResult& result) {
  ++records;
  switch (result.gate) {
    case Gate::pass:
      ++passed;
      break;
    case Gate::fail:
      ++failed;
      break;
    case Gate::error:
      ++errored;
      return;  // an unreadable record has no category scores
  }
  for (Category c : kAllCategories) {
    const CategoryResult& cat = result.categories[index_of(c)];
    CategoryTally& tally = categories[index_of(c)];
    tally.score_total += cat.score;
    ++tally.scored;
    if (!cat.pass) ++tally.gaps;
  }
}

std::string render_summary_markdown(const SummaryTally& tally) {
  std::string out = "### handoff-lint\n\n";
  out += "| Records | Passed | Failed | Errors |\n| ---: | ---: | ---: | ---: |\n";
  out += fmt::format("| {} | {} | {} | {} |\n", tally.records, tally.passed, tally.failed,
                     tally.errored);

  auto average = [&](Category c) {
    const auto& t = tally.categories[index_of(c)];
    return t.scored == 0 ? 0L : std::lround(static_cast<double>(t.score_total) / t.scored);
  };
  std::vector<Category> worst;
  for (Category c : kAllCategories)
    if (tally.categories[index_of(c)].gaps > 0) worst.push_back(c);
  // Most gaps first, then the lower average, then canonical order: deterministic.
  std::stable_sort(worst.begin(), worst.end(), [&](Category a, Category b) {
    std::size_t gaps_a = tally.categories[index_of(a)].gaps,
                gaps_b = tally.categories[index_of(b)].gaps;
    if (gaps_a != gaps_b) return gaps_a > gaps_b;
    return average(a) < average(b);
  });
  if (worst.size() > 3) worst.resize(3);

  if (worst.empty()) {
    if (tally.records > tally.errored) out += "\nNo category gaps.\n";
    return out;
  }
  out += "\n| Worst categories | Records with a gap | Average score |\n| --- | ---: | ---: |\n";
  for (Category c : worst)
    out += fmt::format("| {} | {} | {} |\n", category_title(c), tally.categories[index_of(c)].gaps,
                       average(c));
  return out;
}

namespace {
class StepSummaryReporter final : public Reporter {
 public:
  explicit StepSummaryReporter(std::ostream& out) : out_(out) {}
  void record(const RecordResult& result) override { tally_.add(result); }
  void end(const RunSummary&) override {
    out_ << render_summary_markdown(tally_);
    out_.flush();
  }

 private:
  std::ostream& out_;
  SummaryTally tally_;
};
}  // namespace

std::unique_ptr<Reporter> make_step_summary_reporter(std::ostream& out) {
  return std::make_unique<StepSummaryReporter>(out);
}

}  // namespace handoff::report

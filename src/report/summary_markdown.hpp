// The GitHub step summary: a short Markdown table of the run, for $GITHUB_STEP_SUMMARY.
// The CLI either adds make_step_summary_reporter() (on a stream opened in append mode on
// $GITHUB_STEP_SUMMARY) next to its other reporters, or feeds a SummaryTally itself and appends
// render_summary_markdown(); nothing here touches the filesystem or the environment.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <ostream>
#include <string>

#include "handoff/report.hpp"

namespace handoff::report {

// Counts a run without keeping its results.
class SummaryTally {
 public:
  struct CategoryTally {
    std::size_t gaps = 0;  // scored records where the category is below its threshold
    long long score_total = 0;
    std::size_t scored = 0;  // records that were scored (not errors)
  };

  void add(const RecordResult& result);

  std::size_t records = 0, passed = 0, failed = 0, errored = 0;
  std::array<CategoryTally, kCategoryCount> categories{};
};

// "### handoff-lint", a counts table and the (up to three) categories with the most gaps.
// Only numbers and category titles: no record text reaches it, so nothing needs escaping.
std::string render_summary_markdown(const SummaryTally& tally);

// A Reporter that tallies each record and writes render_summary_markdown() at end().
std::unique_ptr<Reporter> make_step_summary_reporter(std::ostream& out);

}  // namespace handoff::report

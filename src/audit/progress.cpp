// A progress line on stderr for long audits: records done, rate, and the file being read.
// Redrawn at most ~8 times a second; the clock is read only every 64 records.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ostream>

#include "handoff/audit.hpp"
#include "report/escape.hpp"

namespace handoff {
namespace {

using Clock = std::chrono::steady_clock;

class ProgressReporter : public Reporter {
 public:
  ProgressReporter(std::ostream& err, std::size_t files) : err_(err), files_(files) {}

  void begin() override { start_ = last_draw_ = Clock::now(); }

  void record(const RecordResult& r) override {
    ++records_;
    std::string_view path = report::split_source(r.source).path;
    if (path != current_file_) {
      current_file_.assign(path);
      ++file_number_;
    }
    if (records_ % 64 != 0) return;
    Clock::time_point now = Clock::now();
    if (now - last_draw_ < std::chrono::milliseconds(125)) return;
    last_draw_ = now;
    draw(now);
  }

  void end(const RunSummary&) override {
    if (records_ == 0) return;
    draw(Clock::now());
    err_ << "\n";
    err_.flush();
  }

 private:
  void draw(Clock::time_point now) {
    double seconds = std::chrono::duration<double>(now - start_).count();
    double rate = seconds > 0 ? static_cast<double>(records_) / seconds : 0.0;
    // "\x1b[K" clears what a longer previous line left behind.
    err_ << fmt::format("\raudit: {} records, {:.0f}/s, file {}/{}\x1b[K", records_, rate,
                        std::min(file_number_, files_), files_);
    err_.flush();
  }

  std::ostream& err_;
  std::size_t files_;
  std::size_t records_ = 0, file_number_ = 0;
  std::string current_file_;
  Clock::time_point start_, last_draw_;
};

}  // namespace

std::unique_ptr<Reporter> make_audit_progress_reporter(std::ostream& err, std::size_t files) {
  return std::make_unique<ProgressReporter>(err, files);
}

}  // namespace handoff

// The rule engine: Record + Config -> RecordResult (scores, findings, gate).
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "handoff/config.hpp"
#include "handoff/diagnostic.hpp"
#include "handoff/load.hpp"
#include "handoff/record.hpp"

namespace handoff {
namespace text {
class PhraseBook;
}
class Baseline;

enum class Gate : std::uint8_t { pass, fail, error };
std::string_view gate_name(Gate g);  // "pass", "fail", "error"

struct CheckScore {
  std::string rule;
  int earned = 0;
  int possible = 0;
};

struct CategoryResult {
  int score = 0;  // 0..100
  int threshold = 70;
  bool required = true;
  bool pass = false;  // score >= threshold (an optional category never fails the gate)
  Position pos;       // where the field starts (0 when missing)
  std::vector<CheckScore> checks;
};

// Everything a reporter needs about one record; no pointers back into the Record.
struct RecordResult {
  std::string source;
  std::string format;
  std::string account;
  std::string ae, csm, close_date;  // header facts, for audit grouping
  std::optional<double> acv;
  Gate gate = Gate::error;
  int score = 0;  // mean of the seven category scores, rounded
  std::array<CategoryResult, kCategoryCount> categories{};
  std::vector<Finding> findings;  // sorted by line, then column, then rule
  std::size_t warnings = 0;       // unsuppressed warnings, counted before the cap (--max-warnings)
};

class Engine {
 public:
  // Compiles the config's phrase lists once; `config` (and `baseline`, when given) must
  // outlive the Engine. Findings the baseline holds count as suppressed (kind baseline).
  explicit Engine(const Config& config, const Baseline* baseline = nullptr);
  // Runs every enabled rule, scores the categories, applies suppressions, decides the gate.
  RecordResult run(const Loaded& loaded) const;
  const Config& config() const { return config_; }

 private:
  const Config& config_;
  const Baseline* baseline_ = nullptr;
  std::shared_ptr<const text::PhraseBook> phrases_;  // shared: Engine stays copyable
};

}  // namespace handoff

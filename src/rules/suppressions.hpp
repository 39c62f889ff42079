// Inline suppressions (`handoff-lint: disable=HL105 -- reason`): which findings they cover,
// and what is wrong with the suppressions themselves (HL903, HL904).
#pragma once

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "handoff/diagnostic.hpp"
#include "handoff/record.hpp"

namespace handoff::rules {

class SuppressionIndex {
 public:
  // `suppressions` must outlive the index.
  explicit SuppressionIndex(const std::vector<Suppression>& suppressions);

  // Marks `finding` suppressed (with the suppression's reason) when a suppression lists its
  // rule and sits in its category's field or covers the whole record. Constant time per call.
  void apply(Finding& finding);

  // HL903 for each suppression without a reason, HL904 for each listed code that suppressed
  // nothing. Call after every finding went through apply().
  std::vector<Finding> problems() const;

 private:
  static constexpr std::size_t kWholeRecord = kCategoryCount;
  struct Entry {
    std::size_t suppression = 0;
    std::string code;
    bool used = false;
  };
  struct Slot {
    std::vector<std::size_t> entries;  // into entries_, in source order
    std::string reason;                // the first non-empty reason among them
    bool marked = false;               // entries already marked used
  };
  void mark_used(Slot& slot);

  const std::vector<Suppression>& suppressions_;
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::array<Slot, kCategoryCount + 1>> slots_;  // by rule code
};

}  // namespace handoff::rules

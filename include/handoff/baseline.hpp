// Baselines: today's findings recorded in a file so that a later run fails only on new ones.
// An entry is keyed by source, rule and fingerprint (never by line), so editing other fields
// or moving text around keeps it matched; editing the text a finding is about unmatches it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include "handoff/diagnostic.hpp"
#include "handoff/engine.hpp"
#include "handoff/record.hpp"

namespace handoff {

// Finding::fingerprint for `finding` in `record`: FNV-1a 64 over rule, category and the
// whitespace-normalised text the finding is about (the list item or paragraph it points into,
// else the whole field); rule and message for findings outside the seven fields.
std::string finding_fingerprint(const Record& record, const Finding& finding);

// "./a//b.md" and "a/b.md" name the same source: lexically normalised, no leading "./".
std::string baseline_source_key(std::string_view source);

struct BaselineEntry {
  std::string source;  // normalised (baseline_source_key)
  std::string rule;
  std::string fingerprint;
  std::string message;  // for people reading the file; not used for matching
};

class Baseline {
 public:
  // Parses a baseline file's JSON; an error message naming what is wrong, never an exception.
  static std::variant<Baseline, std::string> parse(std::string_view json_text);
  // Matches every finding: the run behind --write-baseline, so that a baselined presence gap
  // lets its category's quality rules run and their findings are recorded too (the file is
  // then a fixed point: checking the same records against it suppresses exactly the same).
  static Baseline everything();

  // Records a result's findings that no comment suppressed (baselined ones included).
  void add(const RecordResult& result);
  // Sorted, two-space indented JSON ending in a newline: the same findings give the same bytes.
  std::string to_json() const;
  std::size_t size() const { return entries_.size(); }
  const std::vector<BaselineEntry>& entries() const { return entries_; }

  // One record's view of the baseline: each entry matches at most one finding, so a record
  // with one more finding of the same rule in the same text than the baseline holds fails.
  class Matcher {
   public:
    // Marks `finding` suppressed (kind baseline, justification "baseline") when an unused
    // entry has its rule and fingerprint. Logarithmic in the record's entries.
    void apply(Finding& finding);

   private:
    friend class Baseline;
    bool everything_ = false;
    std::map<std::pair<std::string, std::string>, std::size_t, std::less<>> remaining_;
  };
  Matcher matcher_for(std::string_view source) const;

 private:
  bool everything_ = false;
  std::vector<BaselineEntry> entries_;
  // (source, rule, fingerprint) -> count, built on parse for matcher_for.
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t, std::less<>> counts_;
};

}  // namespace handoff

// The RevOps audit: every RecordResult of a run folded into counters (overall and per group)
// in bounded memory, then written as a scorecard in one of five formats.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "handoff/engine.hpp"
#include "handoff/report.hpp"

namespace handoff {

// What records are grouped by. Every dimension is always counted (the HTML report needs the
// AE and month views whatever --by says); --by picks which groupings a report shows.
enum class AuditDimension : std::uint8_t { ae, csm, month, quarter, segment };
inline constexpr std::size_t kAuditDimensionCount = 5;
inline constexpr std::array<AuditDimension, kAuditDimensionCount> kAllAuditDimensions = {
    AuditDimension::ae, AuditDimension::csm, AuditDimension::month, AuditDimension::quarter,
    AuditDimension::segment};
std::string_view audit_dimension_name(AuditDimension d);   // "ae", "csm", "month", ...
std::string_view audit_dimension_title(AuditDimension d);  // "AE", "CSM", "Month", ...
std::optional<AuditDimension> audit_dimension_from_name(std::string_view name);

struct AuditOptions {
  std::vector<AuditDimension> group_by = {AuditDimension::ae, AuditDimension::month};
  // Upper bounds of the ACV bands, ascending: [25000, 100000] gives SMB < $25K,
  // mid-market < $100K, enterprise at or above.
  std::vector<double> segment_bounds = {25000, 100000};
  std::size_t worst_count = 10;  // worst records kept, overall and per group
  bool redact = false;           // hash accounts, people and sources in every output
};

// One of the N lowest-scoring records: only what the worst-records table shows.
struct AuditWorstRecord {
  std::string source;
  std::string account;
  int score = 0;
  Gate gate = Gate::fail;
  int gaps = 0;  // categories under their threshold
};

struct AuditCategoryTally {
  std::int64_t score_sum = 0;  // over scored (pass or fail) records
  std::size_t gaps = 0;        // scored records where the category is under its threshold
  std::size_t missing = 0, empty = 0, placeholder = 0;  // HLx01, HLx02, HLx03 fired
  std::size_t skipped() const { return missing + empty + placeholder; }
};

struct AuditRuleTally {
  std::size_t records = 0;   // records where the rule fired at least once (unsuppressed)
  std::size_t findings = 0;  // unsuppressed findings in all
};

// The counters for one group, or for the whole run.
struct AuditStats {
  std::size_t records = 0, passed = 0, failed = 0, errored = 0;
  std::int64_t score_sum = 0;  // over scored records
  std::array<AuditCategoryTally, kCategoryCount> categories{};
  std::map<std::string, AuditRuleTally, std::less<>> rules;  // by code
  std::vector<AuditWorstRecord> worst;  // lowest score first once finished; at most worst_count
  std::vector<std::string> errors;      // sources of error records: the first worst_count by source

  std::size_t scored() const { return passed + failed; }
  double pass_rate() const;                 // passed / records (an error record does not pass)
  double mean_score() const;                // over scored records; 0 when none
  double mean_score(Category c) const;      // over scored records
  double gap_rate(Category c) const;        // gaps / scored
};

struct AuditGroup {
  std::string key;    // the raw key ("Priya Raman", "2026-03", "SMB"), never shown redacted
  std::string label;  // what reports print: the key, or its hash under --redact
  AuditStats stats;
};

// Which CSV column fed which field, for one CSV input.
struct AuditColumnMapping {
  std::string file;
  std::vector<std::pair<std::string, std::string>> columns;  // header -> key, "notes", "ignored"
  std::string note;  // why there is no mapping (unreadable header, stdin), else empty
};

// A finished audit: what every audit reporter renders.
struct AuditReport {
  AuditOptions options;
  std::string version;
  AuditStats overall;
  std::array<std::vector<AuditGroup>, kAuditDimensionCount> groups;  // sorted, per dimension
  std::vector<AuditColumnMapping> column_mappings;                   // sorted by file

  const std::vector<AuditGroup>& by(AuditDimension d) const {
    return groups[static_cast<std::size_t>(d)];
  }
};

// Folds results in as they stream from run_check(). Results can arrive in any order and
// aggregators can be merged: the finished report does not depend on either.
class AuditAggregator : public Reporter {
 public:
  explicit AuditAggregator(AuditOptions options);
  ~AuditAggregator() override;
  AuditAggregator(AuditAggregator&&) noexcept;
  AuditAggregator& operator=(AuditAggregator&&) noexcept;

  void record(const RecordResult& result) override;
  void end(const RunSummary&) override {}
  void merge(const AuditAggregator& other);
  // The groups sorted (by band for segments, else by label; "(none)" last), worst lists
  // sorted, labels hashed under --redact.
  AuditReport finish(std::string version) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Group keys, exposed for tests and the CSV reporter.
std::string audit_month_key(std::string_view close_date);    // "2026-03", or "(no date)"
std::string audit_quarter_key(std::string_view close_date);  // "2026-Q1", or "(no date)"
// The band index of an ACV (bounds.size() bands + 1), or nullopt without an ACV.
std::optional<std::size_t> audit_segment_band(std::optional<double> acv, const std::vector<double>& bounds);
std::string audit_segment_label(std::size_t band, const std::vector<double>& bounds);  // "SMB (< $25K)"
// FNV-1a (64-bit) of the text, 8 hex digits, after `prefix`: "acct-3f2a9c01".
std::string audit_hash(std::string_view prefix, std::string_view text);
// What a report shows for a source: as given, or "src-<hash>.csv#12" under --redact.
std::string audit_source_label(std::string_view source, bool redact);

// Formats of the finished report (not csv, which streams): "text", "json", "markdown", "html".
bool write_audit_report(std::string_view format, const AuditReport& report, std::ostream& out);

// `--format csv`: one row per record per category, written as results arrive.
std::unique_ptr<Reporter> make_audit_csv_reporter(std::ostream& out, const AuditOptions& options);

// A one-line progress display (records, rate, files) redrawn on `err` at most ~8 times a second.
std::unique_ptr<Reporter> make_audit_progress_reporter(std::ostream& err, std::size_t files);

}  // namespace handoff

// Reporters: finished results in, one output stream out. A reporter never sees the config,
// the clock or absolute paths, so its output is deterministic and golden-testable.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "handoff/engine.hpp"

namespace handoff {

struct RunSummary {
  std::size_t records = 0, passed = 0, failed = 0, errored = 0;
};

struct ReportOptions {
  bool color = false;    // ANSI colour (text format only)
  bool explain = false;  // per-category check breakdown (text format)
  std::string version;   // tool version for the report header
};

// {begin, one call per record in input order, end}: streamed, never holds the whole run.
class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void begin() {}
  virtual void record(const RecordResult& result) = 0;
  virtual void end(const RunSummary& summary) = 0;

  // A reporter whose text for a record depends on that record alone may split record() in
  // two, so that the costly half runs on the worker threads: render() (const, touching no
  // shared state) formats the record, then record_rendered() gets that text in input order
  // in place of record().
  virtual bool renders_records() const { return false; }
  virtual std::string render(const RecordResult& /*result*/) const { return {}; }
  virtual void record_rendered(const RecordResult& result, std::string&& /*text*/) {
    record(result);
  }
};

// nullptr for an unknown format name.
std::unique_ptr<Reporter> make_reporter(std::string_view format, std::ostream& out,
                                        const ReportOptions& options);

extern const char* const kToolName;     // "handoff-lint"
extern const char* const kToolVersion;  // "0.1.0"

}  // namespace handoff

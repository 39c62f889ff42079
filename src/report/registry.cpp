// make_reporter(): the one table from format name to reporter.
#include "report/reporters.hpp"

namespace handoff {

const char* const kToolName = "handoff-lint";
const char* const kToolVersion = "0.1.0";

std::unique_ptr<Reporter> make_reporter(std::string_view format, std::ostream& out,
                                        const ReportOptions& options) {
  using Factory = std::unique_ptr<Reporter> (*)(std::ostream&, const ReportOptions&);
  struct Entry {
    std::string_view name;
    Factory make;
  };
  static constexpr Entry kEntries[] = {
      {"text", report::make_text_reporter},     {"json", report::make_json_reporter},
      {"sarif", report::make_sarif_reporter},   {"junit", report::make_junit_reporter},
      {"github", report::make_github_reporter}, {"markdown", report::make_markdown_reporter},
  };
  static_assert(std::size(kEntries) == report::kFormatNames.size());
  for (const Entry& entry : kEntries)
    if (entry.name == format) return entry.make(out, options);
  return nullptr;
}

namespace report {
std::string_view tool_version(const ReportOptions& options) {
  return options.version.empty() ? std::string_view(kToolVersion)
                                 : std::string_view(options.version);
}
}  // namespace report

}  // namespace handoff

// The reporters behind make_reporter(), one per output format (src/report/<format>.cpp).
#pragma once

#include <array>
#include <memory>
#include <ostream>
#include <string_view>

#include "handoff/report.hpp"

namespace handoff::report {

// Every name make_reporter() accepts, for the CLI's --format check and help text.
inline constexpr std::array<std::string_view, 6> kFormatNames = {"text",  "json",   "sarif",
                                                                 "junit", "github", "markdown"};

std::unique_ptr<Reporter> make_text_reporter(std::ostream& out, const ReportOptions& options);
std::unique_ptr<Reporter> make_json_reporter(std::ostream& out, const ReportOptions& options);
std::unique_ptr<Reporter> make_sarif_reporter(std::ostream& out, const ReportOptions& options);
std::unique_ptr<Reporter> make_junit_reporter(std::ostream& out, const ReportOptions& options);
std::unique_ptr<Reporter> make_github_reporter(std::ostream& out, const ReportOptions& options);
std::unique_ptr<Reporter> make_markdown_reporter(std::ostream& out, const ReportOptions& options);

// The version a report names: options.version when set, else kToolVersion.
std::string_view tool_version(const ReportOptions& options);

}  // namespace handoff::report

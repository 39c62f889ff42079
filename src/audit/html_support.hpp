// Internal to the HTML audit report: escaping, the colour scales and the three inline SVG charts.
#pragma once

#include <string>
#include <string_view>

#include "handoff/audit.hpp"

namespace handoff::audit {

// Text for HTML content or a quoted attribute: & < > " ' as entities; controls, bidi overrides
// and invalid UTF-8 made visible first (report::terminal_safe), so nothing can reorder the page.
std::string html_escape(std::string_view text);

// Colour-blind-safe colours (Okabe-Ito for series, ColorBrewer PuOr for the heat map).
inline constexpr std::string_view kBlue = "#0072B2";
inline constexpr std::string_view kVermillion = "#D55E00";
inline constexpr std::string_view kOrange = "#E69F00";
inline constexpr std::string_view kGrey = "#8C8C8C";
inline constexpr std::string_view kInk = "#1F2328";
inline constexpr std::string_view kMuted = "#57606A";
inline constexpr std::string_view kRule = "#D0D7DE";

// A mean score as a heat-map fill: orange below the default threshold (70), white at it,
// purple above; and the text colour that stays readable on it.
std::string score_fill(double score);
std::string_view score_ink(double score);

// The charts, each one <svg> element with a <title>; empty groups give a short note instead.
std::string gap_rate_chart(const AuditReport& report);
std::string ae_heat_map(const AuditReport& report);
std::string month_pass_chart(const AuditReport& report);

}  // namespace handoff::audit

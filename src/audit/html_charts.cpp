// The HTML report's inline SVG charts. Pure functions of the finished report: integer or fixed
// one-decimal coordinates, so the same report always gives the same bytes.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "audit/html_support.hpp"
#include "audit/support.hpp"
#include "audit/tables.hpp"
#include "report/escape.hpp"

namespace handoff::audit {
namespace {

struct Rgb {
  double r, g, b;
};

// ColorBrewer PuOr (colour-blind safe), centred on the default threshold of 70.
constexpr std::array<std::pair<double, Rgb>, 5> kScoreStops = {{
    {0, {179, 88, 6}},
    {35, {241, 163, 64}},
    {70, {247, 247, 247}},
    {85, {153, 142, 195}},
    {100, {84, 39, 136}},
}};

Rgb score_rgb(double score) {
  score = std::clamp(score, 0.0, 100.0);
  for (std::size_t i = 1; i < kScoreStops.size(); ++i) {
    if (score > kScoreStops[i].first) continue;
    const auto& [x0, a] = kScoreStops[i - 1];
    const auto& [x1, b] = kScoreStops[i];
    double t = (score - x0) / (x1 - x0);
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
  }
  return kScoreStops.back().second;
}

std::string num(double v) { return fmt::format("{:.1f}", std::round(v * 10.0) / 10.0); }

// Long labels are cut for the chart; the full text stays in the element's <title>.
std::string short_label(const std::string& text, std::size_t max_chars) {
  if (display_width(text) <= max_chars) return text;
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size() && chars + 1 < max_chars; ++chars) {
    std::size_t len = report::decode_utf8(text, i).length;
    out.append(text, i, len);
    i += len;
  }
  return out + "\u2026";
}

std::string svg_open(int width, int height, std::string_view id, std::string_view title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"{0}\" width=\"{1}\" height=\"{2}\" "
      "viewBox=\"0 0 {1} {2}\" role=\"img\" aria-labelledby=\"{0}-title\"><title id=\"{0}-title\">{3}</title>\n",
      id, width, height, html_escape(title));
}

std::string text_el(double x, double y, std::string_view anchor, std::string_view cls, std::string_view content) {
  return fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" class=\"{}\">{}</text>\n", num(x), num(y), anchor, cls,
                     content);
}

std::string rect_el(double x, double y, double w, double h, std::string_view fill, std::string_view tip) {
  return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}</title></rect>\n", num(x),
                     num(y), num(w), num(h), fill, html_escape(tip));
}

std::string no_data(std::string_view what) {
  return fmt::format("<p class=\"empty\">{}</p>\n", html_escape(what));
}

}  // namespace

std::string score_fill(double score) {
  Rgb c = score_rgb(score);
  return fmt::format("#{:02X}{:02X}{:02X}", static_cast<int>(std::lround(c.r)), static_cast<int>(std::lround(c.g)),
                     static_cast<int>(std::lround(c.b)));
}

std::string_view score_ink(double score) {
  Rgb c = score_rgb(score);
  double luminance = (0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b) / 255.0;
  return luminance < 0.5 ? "#FFFFFF" : kInk;
}

std::string gap_rate_chart(const AuditReport& report) {
  const AuditStats& s = report.overall;
  if (s.scored() == 0) return no_data("No scored records.");
  constexpr int kLabelW = 190, kBarW = 290, kTop = 34, kRowH = 30, kBarH = 18;
  const int width = kLabelW + kBarW + 70, height = kTop + 7 * kRowH + 26;
  const double scored = static_cast<double>(s.scored());
  std::string svg = svg_open(width, height, "chart-gaps", "Gap rate by field: share of scored records under the threshold");
  // Legend.
  svg += rect_el(kLabelW, 6, 12, 12, kVermillion, "Skipped: missing, empty or placeholder");
  svg += text_el(kLabelW + 17, 16, "start", "legend", "skipped");
  svg += rect_el(kLabelW + 90, 6, 12, 12, kOrange, "Written but under the threshold");
  svg += text_el(kLabelW + 107, 16, "start", "legend", "written, under threshold");
  const int plot_bottom = kTop + 7 * kRowH;
  for (int pct = 0; pct <= 100; pct += 25) {
    double x = kLabelW + kBarW * pct / 100.0;
    svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" class=\"grid\"/>\n", num(x), kTop - 6, plot_bottom);
    svg += text_el(x, plot_bottom + 16, "middle", "axis", fmt::format("{}%", pct));
  }
  int row = 0;
  for (Category c : kAllCategories) {
    const AuditCategoryTally& t = s.categories[index_of(c)];
    std::size_t skipped = std::min(t.skipped(), t.gaps);
    std::size_t weak = t.gaps - skipped;
    double y = kTop + row * kRowH;
    double w_skipped = kBarW * static_cast<double>(skipped) / scored;
    double w_weak = kBarW * static_cast<double>(weak) / scored;
    std::string title(category_title(c));
    svg += text_el(kLabelW - 8, y + kBarH - 4, "end", "label", html_escape(title));
    svg += rect_el(kLabelW, y, std::max(w_skipped, 0.0), kBarH, kVermillion,
                   fmt::format("{}: {} of {} records skipped the field", title, skipped, s.scored()));
    svg += rect_el(kLabelW + w_skipped, y, std::max(w_weak, 0.0), kBarH, kOrange,
                   fmt::format("{}: {} of {} records wrote it but scored under the threshold", title, weak, s.scored()));
    svg += text_el(kLabelW + w_skipped + w_weak + 6, y + kBarH - 4, "start", "value", percent(s.gap_rate(c)));
    ++row;
  }
  return svg + "</svg>\n";
}

std::string ae_heat_map(const AuditReport& report) {
  constexpr std::size_t kMaxRows = 60;
  const auto& groups = report.by(AuditDimension::ae);
  if (report.overall.scored() == 0) return no_data("No scored records.");
  constexpr int kLabelW = 190, kCountW = 56, kCellW = 86, kHeadH = 30, kRowH = 26;
  const std::size_t shown = std::min(groups.size(), kMaxRows);
  const int rows = static_cast<int>(shown) + 1;
  const int width = kLabelW + kCountW + 7 * kCellW + 4;
  const int height = kHeadH + rows * kRowH + 46;
  std::string svg = svg_open(width, height, "chart-heat", "Mean score by AE and category");
  svg += text_el(kLabelW + kCountW - 8, 20, "end", "head", "Records");
  int col = 0;
  for (Category c : kAllCategories) {
    svg += text_el(kLabelW + kCountW + col * kCellW + kCellW / 2.0, 20, "middle", "head",
                   html_escape(category_short(c)));
    ++col;
  }
  auto draw_row = [&](int r, const std::string& label, const AuditStats& st, bool total) {
    double y = kHeadH + r * kRowH;
    std::string cls = total ? "label strong" : "label";
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"{}\">{}<title>{}</title></text>\n",
                       kLabelW - 8, num(y + 17), cls, html_escape(short_label(label, 26)), html_escape(label));
    svg += text_el(kLabelW + kCountW - 8, y + 17, "end", "value", std::to_string(st.records));
    for (std::size_t i = 0; i < kCategoryCount; ++i) {
      Category c = kAllCategories[i];
      double x = kLabelW + kCountW + static_cast<double>(i) * kCellW;
      if (st.scored() == 0) {
        svg += rect_el(x + 1, y + 1, kCellW - 2, kRowH - 2, "#EEEEEE", label + ": no scored records");
        svg += text_el(x + kCellW / 2.0, y + 17, "middle", "cell muted", "n/a");
        continue;
      }
      double mean = st.mean_score(c);
      svg += rect_el(x + 1, y + 1, kCellW - 2, kRowH - 2, score_fill(mean),
                     fmt::format("{}, {}: mean {} over {} records, gap rate {}", label, category_title(c),
                                 one_decimal(mean), st.scored(), percent(st.gap_rate(c))));
      svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"cell\" style=\"fill:{}\">{}</text>\n",
                         num(x + kCellW / 2.0), num(y + 17), score_ink(mean), one_decimal(mean));
    }
  };
  draw_row(0, "All records", report.overall, true);
  for (std::size_t g = 0; g < shown; ++g) draw_row(static_cast<int>(g) + 1, groups[g].label, groups[g].stats, false);
  // Legend: the scale in steps, with the threshold marked.
  double ly = kHeadH + rows * kRowH + 14;
  double lx = kLabelW + kCountW;
  for (int step = 0; step <= 20; ++step) {
    double score = step * 5.0;
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"10\" fill=\"{}\"/>\n", num(lx + step * 14), num(ly),
                       score_fill(score));
  }
  svg += text_el(lx, ly + 24, "start", "axis", "0");
  svg += text_el(lx + 14 * 14 + 7, ly + 24, "middle", "axis", "70 (threshold)");
  svg += text_el(lx + 21 * 14, ly + 24, "end", "axis", "100");
  svg += "</svg>\n";
  if (groups.size() > shown)
    svg += fmt::format("<p class=\"note\">Showing the first {} of {} AEs by name; the JSON report has them all.</p>\n",
                       shown, groups.size());
  return svg;
}

std::string month_pass_chart(const AuditReport& report) {
  const auto& months = report.by(AuditDimension::month);
  if (months.empty()) return no_data("No records.");
  constexpr int kLeft = 46, kTop = 24, kPlotH = 180, kPlotW = 460;
  const int n = static_cast<int>(months.size());
  const int slot = std::clamp(kPlotW / std::max(n, 1), 30, 115);
  const bool rotate = slot < 60;
  const int bottom_space = rotate ? 70 : 44;
  const int width = kLeft + std::max(n * slot, kPlotW) + 16;
  const int height = kTop + kPlotH + bottom_space;
  std::string svg = svg_open(width, height, "chart-months", "Pass rate by close month");
  for (int pct = 0; pct <= 100; pct += 25) {
    double y = kTop + kPlotH - kPlotH * pct / 100.0;
    svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" class=\"grid\"/>\n", kLeft, num(y), width - 8);
    svg += text_el(kLeft - 6, y + 4, "end", "axis", fmt::format("{}%", pct));
  }
  for (int i = 0; i < n; ++i) {
    const AuditGroup& g = months[static_cast<std::size_t>(i)];
    const AuditStats& st = g.stats;
    double rate = st.pass_rate();
    double bar_w = std::min(slot * 0.62, 56.0);
    double x = kLeft + i * slot + (slot - bar_w) / 2.0;
    double h = kPlotH * rate;
    double y = kTop + kPlotH - h;
    bool undated = g.key == kNoDate;
    svg += rect_el(x, y, bar_w, std::max(h, 0.0), undated ? kGrey : kBlue,
                   fmt::format("{}: {} of {} records passed ({})", g.label, st.passed, st.records, percent(rate)));
    svg += text_el(x + bar_w / 2.0, y - 5, "middle", "value",
                   slot >= 48 ? percent(rate) : fmt::format("{:.0f}%", std::round(rate * 100.0)));
    double cx = x + bar_w / 2.0, ly = kTop + kPlotH + 15;
    if (rotate)
      svg += fmt::format("<text x=\"{0}\" y=\"{1}\" text-anchor=\"end\" class=\"axis\" transform=\"rotate(-40 {0} {1})\">{2}</text>\n",
                         num(cx + 4), num(ly), html_escape(g.label));
    else
      svg += text_el(cx, ly, "middle", "axis", html_escape(g.label));
    if (!rotate) svg += text_el(cx, ly + 15, "middle", "axis muted", fmt::format("n={}", st.records));
  }
  svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" class=\"baseline\"/>\n", kLeft, kTop + kPlotH, width - 8);
  return svg + "</svg>\n";
}

}  // namespace handoff::audit

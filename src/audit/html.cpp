// `audit --format html`: one self-contained page (inline CSS and SVG, no scripts, fonts or
// images; a Content-Security-Policy forbids loading anything), every piece of text escaped.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <ostream>

#include "audit/html_support.hpp"
#include "audit/render.hpp"
#include "audit/support.hpp"
#include "audit/tables.hpp"
#include "report/escape.hpp"

namespace handoff::audit {
namespace {

constexpr std::string_view kStyle = R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #F6F8FA; color: #1F2328;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
main { max-width: 1200px; margin: 0 auto; padding: 28px 32px 40px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 0 0 4px; }
p.sub, p.caption, p.note, figcaption { color: #57606A; margin: 0 0 10px; }
td.muted { color: #8C959F; }
p.empty { color: #57606A; font-style: italic; }
.cards { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; margin: 18px 0 22px; }
.card { background: #FFF; border: 1px solid #D0D7DE; border-radius: 8px; padding: 12px 14px; }
.card .k { color: #57606A; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .v { font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; }
.panel { background: #FFF; border: 1px solid #D0D7DE; border-radius: 8px; padding: 16px 18px; margin: 0 0 18px;
  overflow-x: auto; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
.warn { background: #FFF8C5; border: 1px solid #D4A72C; border-radius: 8px; padding: 10px 14px; margin: 0 0 18px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 5px 9px; border-bottom: 1px solid #E4E8EC; text-align: left; vertical-align: top; }
th { font-size: 12px; color: #57606A; font-weight: 600; border-bottom: 2px solid #D0D7DE; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
tbody tr:nth-child(even) td { background: #FAFBFC; }
.chip { display: inline-block; min-width: 44px; padding: 0 6px; border-radius: 4px; text-align: right; }
td.src { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; word-break: break-all; }
.gate { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; font-weight: 600; }
.gate-fail { background: #FBE3D6; color: #8A3300; }
.gate-pass { background: #DCEBF7; color: #004E7C; }
.gate-error { background: #EAEAEA; color: #333; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg text { font-family: inherit; fill: #1F2328; font-size: 12px; }
svg text.axis, svg text.legend { fill: #57606A; font-size: 11px; }
svg text.muted { fill: #8C959F; }
svg text.head { font-weight: 600; fill: #57606A; }
svg text.strong { font-weight: 700; }
svg text.value { font-variant-numeric: tabular-nums; }
svg text.cell { font-size: 12px; font-weight: 600; font-variant-numeric: tabular-nums; }
svg line.grid { stroke: #E4E8EC; stroke-width: 1; }
svg line.baseline { stroke: #8C959F; stroke-width: 1; }
details { margin-top: 6px; }
summary { cursor: pointer; color: #0969DA; padding: 4px 0; }
footer { color: #57606A; font-size: 12px; margin-top: 24px; }
)css";

constexpr std::size_t kRulesShown = 12;  // the rest fold into a <details>
constexpr std::size_t kErrorsShown = 10;

std::string e(std::string_view text) { return html_escape(text); }

std::string cell_html(const Table& t, std::size_t col, const std::string& text) {
  std::string cls;
  if (col < t.numeric.size() && t.numeric[col]) cls = "num";
  if (t.id == "worst" && col == 0) cls = "src";
  if (t.id == "errors") cls = "src";
  if (t.id.rfind("columns-", 0) == 0 && col == 1 && text == "ignored") cls = "muted";
  if (t.id == "worst" && col == 3) return fmt::format("<td><span class=\"gate gate-{0}\">{0}</span></td>", e(text));
  bool heat = col < t.heat.size() && t.heat[col] && text != "-";
  if (heat) {
    double score = std::strtod(text.c_str(), nullptr);
    return fmt::format("<td class=\"num\"><span class=\"chip\" style=\"background:{};color:{}\">{}</span></td>",
                       score_fill(score), score_ink(score), e(text));
  }
  return cls.empty() ? "<td>" + e(text) + "</td>" : fmt::format("<td class=\"{}\">{}</td>", cls, e(text));
}

void write_rows(std::ostream& out, const Table& t, std::size_t from, std::size_t to) {
  out << "<table>\n<thead><tr>";
  for (std::size_t c = 0; c < t.head.size(); ++c)
    out << (t.numeric[c] ? "<th class=\"num\">" : "<th>") << e(t.head[c]) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (std::size_t r = from; r < to; ++r) {
    out << "<tr>";
    for (std::size_t c = 0; c < t.rows[r].size(); ++c) out << cell_html(t, c, t.rows[r][c]);
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

// A titled panel with the table; past `fold` rows the rest sits in a <details> (no script needed).
void write_table(std::ostream& out, const Table& t, std::size_t fold = 0) {
  out << "<section class=\"panel\" id=\"" << e(t.id) << "\">\n<h2>" << e(t.title) << "</h2>\n";
  if (!t.caption.empty()) out << "<p class=\"caption\">" << e(t.caption) << "</p>\n";
  if (t.rows.empty()) {
    out << "<p class=\"empty\">" << e(t.empty_text) << "</p>\n</section>\n";
    return;
  }
  std::size_t shown = fold > 0 ? std::min(fold, t.rows.size()) : t.rows.size();
  write_rows(out, t, 0, shown);
  if (shown < t.rows.size()) {
    out << "<details><summary>" << t.rows.size() - shown << " more</summary>\n";
    write_rows(out, t, shown, t.rows.size());
    out << "</details>\n";
  }
  for (const auto& note : t.notes) out << "<p class=\"note\">" << e(note) << "</p>\n";
  out << "</section>\n";
}

void write_cards(std::ostream& out, const AuditReport& report) {
  out << "<section class=\"cards\">\n";
  for (const auto& [label, value] : headline(report))
    out << "<div class=\"card\"><div class=\"k\">" << e(label) << "</div><div class=\"v\">" << e(value)
        << "</div></div>\n";
  out << "</section>\n";
}

// A mapping that leaves fields unfed and has no notes column scores them missing in every row:
// say so at the top, where nobody can miss it.
void write_mapping_warnings(std::ostream& out, const std::vector<Table>& mappings) {
  for (const Table& t : mappings) {
    for (const auto& note : t.notes) {
      if (note.find("every row scores them as missing") == std::string::npos) continue;
      out << "<p class=\"warn\"><strong>" << e(t.caption) << ".</strong> " << e(note) << " See CSV columns below.</p>\n";
    }
  }
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string safe = report::terminal_safe(text);
  std::string out;
  out.reserve(safe.size());
  for (char ch : safe) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

void write_html(const AuditReport& report, std::ostream& out) {
  const AuditStats& s = report.overall;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "img-src data:\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<link rel=\"icon\" href=\"data:,\">\n"
         "<title>Handoff audit</title>\n<style>"
      << kStyle << "</style>\n</head>\n<body>\n<main>\n";
  out << "<header><h1>Handoff audit</h1><p class=\"sub\">" << e(counts_line(s))
      << (report.options.redact ? " &middot; redacted: accounts, people and sources are hashed" : "")
      << "</p></header>\n";
  write_cards(out, report);
  std::vector<Table> mappings = column_mapping_tables(report);
  write_mapping_warnings(out, mappings);

  out << "<div class=\"row\">\n<section class=\"panel\" id=\"gaps\"><h2>Gap rate by field</h2>\n"
         "<p class=\"caption\">Share of scored records where the field is under its threshold.</p>\n"
      << gap_rate_chart(report) << "</section>\n";
  out << "<section class=\"panel\" id=\"months\"><h2>Pass rate by close month</h2>\n"
         "<p class=\"caption\">Records that pass the gate, by the month of their close date.</p>\n"
      << month_pass_chart(report) << "</section>\n</div>\n";
  out << "<section class=\"panel\" id=\"heat\"><h2>Mean score by AE and category</h2>\n"
         "<p class=\"caption\">Orange: under the default threshold of 70; purple: above it.</p>\n"
      << ae_heat_map(report) << "</section>\n";

  write_table(out, worst_table(report));
  out << "<div class=\"row\">\n";
  write_table(out, category_table(report));
  write_table(out, skipped_table(report));
  out << "</div>\n";
  for (AuditDimension d : shown_dimensions(report.options)) write_table(out, group_table(report, d));
  write_table(out, rules_table(report), kRulesShown);
  if (s.errored > 0) write_table(out, errors_table(report), kErrorsShown);
  if (!mappings.empty()) out << "<div class=\"row\">\n";
  for (const Table& mapping : mappings) write_table(out, mapping);
  if (!mappings.empty()) out << "</div>\n";
  out << "<footer>handoff-lint " << e(report.version) << "</footer>\n</main>\n</body>\n</html>\n";
}

}  // namespace handoff::audit

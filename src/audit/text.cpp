// `audit --format text` and `--format markdown`: the shared tables, aligned for a terminal or
// as GitHub-flavoured Markdown tables.
#include <ostream>

#include "audit/render.hpp"
#include "audit/support.hpp"
#include "audit/tables.hpp"
#include "report/escape.hpp"

namespace handoff::audit {
namespace {

void pad(std::ostream& out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out << ' ';
}

void write_text_table(std::ostream& out, const Table& t) {
  out << t.title << "\n";
  if (!t.caption.empty()) out << "  " << report::terminal_safe(t.caption) << "\n";
  if (t.rows.empty()) {
    out << "  " << t.empty_text << "\n\n";
    return;
  }
  // Cells made terminal-safe first, so widths are measured on what is printed.
  std::vector<std::vector<std::string>> cells;
  cells.push_back(t.head);
  for (const auto& row : t.rows) {
    std::vector<std::string> safe;
    for (const auto& cell : row) safe.push_back(report::terminal_safe(cell));
    cells.push_back(std::move(safe));
  }
  std::vector<std::size_t> width(t.head.size(), 0);
  for (const auto& row : cells)
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) width[c] = std::max(width[c], display_width(row[c]));
  for (const auto& row : cells) {
    out << "  ";
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) {
      std::size_t gap = width[c] - display_width(row[c]);
      bool last = c + 1 == row.size();
      if (t.numeric[c]) pad(out, gap);
      out << row[c];
      if (!t.numeric[c] && !last) pad(out, gap);
      if (!last) out << "  ";
    }
    out << "\n";
  }
  for (const auto& note : t.notes) out << "  " << report::terminal_safe(note) << "\n";
  out << "\n";
}

void write_markdown_table(std::ostream& out, const Table& t, std::string_view previous_title) {
  if (t.title != previous_title) out << "## " << report::markdown_text(t.title) << "\n\n";
  if (!t.caption.empty()) out << report::markdown_text(t.caption) << "\n\n";
  if (t.rows.empty()) {
    out << report::markdown_text(t.empty_text) << "\n\n";
    return;
  }
  out << "|";
  for (const auto& h : t.head) out << " " << report::markdown_text(h) << " |";
  out << "\n|";
  for (std::size_t c = 0; c < t.head.size(); ++c) out << (t.numeric[c] ? " ---: |" : " --- |");
  out << "\n";
  for (const auto& row : t.rows) {
    out << "|";
    for (const auto& cell : row) out << " " << report::markdown_text(cell) << " |";
    out << "\n";
  }
  out << "\n";
  for (const auto& note : t.notes) out << report::markdown_text(note) << "\n\n";
}

}  // namespace

void write_text(const AuditReport& report, std::ostream& out) {
  out << "handoff-lint audit " << report.version << (report.options.redact ? " (redacted)" : "") << "\n";
  out << counts_line(report.overall) << "\n";
  const AuditStats& s = report.overall;
  out << "Pass rate " << percent(s.pass_rate()) << ", mean score "
      << (s.scored() ? one_decimal(s.mean_score()) : "-") << "\n\n";
  for (const Table& t : all_tables(report)) write_text_table(out, t);
}

void write_markdown(const AuditReport& report, std::ostream& out) {
  out << "# Handoff audit\n\n";
  out << report::markdown_text(counts_line(report.overall)) << (report.options.redact ? " (redacted)" : "") << "\n\n";
  out << "| Figure | Value |\n| --- | ---: |\n";
  for (const auto& [label, value] : headline(report))
    out << "| " << report::markdown_text(label) << " | " << report::markdown_text(value) << " |\n";
  out << "\n";
  std::string previous;
  for (const Table& t : all_tables(report)) {
    write_markdown_table(out, t, previous);
    previous = t.title;
  }
  out << "_handoff-lint " << report::markdown_text(report.version) << "_\n";
}

}  // namespace handoff::audit

#include "load/csv_reader.hpp"

#include <cstring>

namespace handoff::csv {

Reader::Reader(std::string_view text, char delimiter, std::size_t max_cell_bytes)
    : text_(text), delimiter_(delimiter), max_cell_bytes_(max_cell_bytes) {}

Cell& Reader::start_cell(Row& row) {
  if (row.count == row.cells.size()) row.cells.emplace_back();
  Cell& cell = row.cells[row.count++];
  cell.text.clear();
  cell.pos = here();
  cell.quoted = false;
  cell.too_long = false;
  cell.bytes = 0;
  return cell;
}

// Keeps at most max_cell_bytes_ of a cell so one huge cell cannot hold the whole file twice;
// `bytes` still counts all of it for the error message.
void Reader::append(Cell& cell, std::string_view bytes) {
  cell.bytes += bytes.size();
  if (cell.too_long) return;
  std::size_t room = max_cell_bytes_ - cell.text.size();
  if (bytes.size() > room) {
    cell.text.append(bytes.substr(0, room));
    cell.too_long = true;
    return;
  }
  cell.text.append(bytes);
}

void Reader::read_unquoted(Cell& cell) {
  std::size_t end = at_;
  while (end < text_.size() && text_[end] != delimiter_ && text_[end] != '\n') ++end;
  append(cell, text_.substr(at_, end - at_));
  at_ = end;
}

bool Reader::read_quoted(Row& row, Cell& cell) {
  const Position quote = here();
  ++at_;  // the opening quote
  cell.quoted = true;
  cell.pos = here();
  for (;;) {
    const char* base = text_.data();
    const void* hit = std::memchr(base + at_, '"', text_.size() - at_);
    std::size_t close = hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - base)
                            : text_.size();
    // Newlines inside the quotes still advance the file's line count.
    for (std::size_t nl = at_;;) {
      const void* n = std::memchr(base + nl, '\n', close - nl);
      if (!n) break;
      nl = static_cast<std::size_t>(static_cast<const char*>(n) - base);
      new_line_at(nl);
      ++nl;
    }
    append(cell, text_.substr(at_, close - at_));
    if (!hit) {
      at_ = text_.size();
      row.problem = "unterminated quote";
      row.problem_pos = quote;
      return false;
    }
    if (close + 1 < text_.size() && text_[close + 1] == '"') {  // "" inside quotes is one "
      append(cell, "\"");
      at_ = close + 2;
      continue;
    }
    at_ = close + 1;
    return true;
  }
}

void Reader::skip_blank_lines() {
  while (at_ < text_.size()) {
    std::size_t i = at_;
    while (i < text_.size() && (text_[i] == ' ' || (text_[i] == '\t' && delimiter_ != '\t'))) ++i;
    if (i == text_.size()) {
      at_ = i;
      return;
    }
    if (text_[i] != '\n') return;
    new_line_at(i);
    at_ = i + 1;
  }
}

ReadStatus Reader::next(Row& row) {
  skip_blank_lines();
  if (at_ >= text_.size()) return ReadStatus::end;
  row.count = 0;
  row.problem.clear();
  row.problem_pos = {};
  row.line = line_;
  for (;;) {
    Cell& cell = start_cell(row);
    if (at_ < text_.size() && text_[at_] == '"') {
      if (!read_quoted(row, cell)) return ReadStatus::unterminated;
      if (at_ < text_.size() && text_[at_] != delimiter_ && text_[at_] != '\n') {
        // `"abc"def`: keep the rest as text so the row still splits where it should.
        if (row.problem.empty()) {
          row.problem = "text after the closing quote of a quoted cell";
          row.problem_pos = here();
        }
        read_unquoted(cell);
      }
    } else {
      read_unquoted(cell);
    }
    if (at_ >= text_.size()) return ReadStatus::row;
    if (text_[at_] == '\n') {
      new_line_at(at_);
      ++at_;
      return ReadStatus::row;
    }
    ++at_;  // the delimiter; a delimiter at the end of a line starts one more (empty) cell
  }
}

char sniff_delimiter(std::string_view text) {
  std::size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;  // "" inside quotes toggles twice: no effect
    if (quoted) continue;
    if (c == '\n') break;
    if (c == ',') ++commas;
    else if (c == ';') ++semicolons;
    else if (c == '\t') ++tabs;
  }
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

}  // namespace handoff::csv

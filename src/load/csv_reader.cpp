#include "load/csv_reader.hpp"

#include <algorithm>
#include <cstring>

namespace handoff::csv {

Reader::Reader(BlockReader& blocks, char delimiter, std::size_t max_cell_bytes)
    : blocks_(blocks), delimiter_(delimiter), max_cell_bytes_(max_cell_bytes) {}

bool Reader::more() {
  buf_.erase(0, at_);
  offset_ += at_;
  at_ = 0;
  if (!blocks_.read(buf_)) return false;
  high_water_ = std::max(high_water_, buf_.size());
  return true;
}

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
  do {
    std::size_t end = at_;
    while (end < buf_.size() && buf_[end] != delimiter_ && buf_[end] != '\n') ++end;
    append(cell, std::string_view(buf_).substr(at_, end - at_));
    at_ = end;
  } while (at_ == buf_.size() && more());  // the cell goes on in the next block
}

bool Reader::read_quoted(Row& row, Cell& cell) {
  const Position quote = here();
  ++at_;  // the opening quote
  cell.quoted = true;
  cell.pos = here();
  for (;;) {
    const char* base = buf_.data();
    const void* hit = std::memchr(base + at_, '"', buf_.size() - at_);
    std::size_t close = hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - base)
                            : buf_.size();
    // Newlines inside the quotes still advance the file's line count.
    for (std::size_t nl = at_;;) {
      const void* n = std::memchr(base + nl, '\n', close - nl);
      if (!n) break;
      nl = static_cast<std::size_t>(static_cast<const char*>(n) - base);
      new_line_at(nl);
      ++nl;
    }
    append(cell, std::string_view(buf_).substr(at_, close - at_));
    at_ = close;
    if (!hit) {
      if (more()) continue;  // the cell goes on in the next block
      row.problem = "unterminated quote";
      row.problem_pos = quote;
      return false;
    }
    ++at_;
    if (has_byte() && buf_[at_] == '"') {  // "" inside quotes is one "
      append(cell, "\"");
      ++at_;
      continue;
    }
    return true;
  }
}

void Reader::skip_blank_lines() {
  // Nothing is dropped until the line proves blank: its blanks may start the first cell.
  for (std::size_t i = at_;;) {
    if (i == buf_.size()) {
      const std::size_t ahead = i - at_;
      if (!more()) {  // only blanks to the end
        at_ = buf_.size();
        return;
      }
      i = at_ + ahead;
    }
    char c = buf_[i];
    if (c == ' ' || (c == '\t' && delimiter_ != '\t')) {
      ++i;
    } else if (c == '\n') {
      new_line_at(i);
      at_ = ++i;
    } else {
      return;
    }
  }
}

ReadStatus Reader::next(Row& row) {
  ReadStatus status = read_row(row);
  return blocks_.error() ? ReadStatus::end : status;  // the caller reports the error
}

ReadStatus Reader::read_row(Row& row) {
  skip_blank_lines();
  if (!has_byte()) return ReadStatus::end;
  row.count = 0;
  row.problem.clear();
  row.problem_pos = {};
  row.line = line_;
  for (;;) {
    Cell& cell = start_cell(row);
    if (has_byte() && buf_[at_] == '"') {
      if (!read_quoted(row, cell)) return ReadStatus::unterminated;
      if (has_byte() && buf_[at_] != delimiter_ && buf_[at_] != '\n') {
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
    if (!has_byte()) return ReadStatus::row;
    if (buf_[at_] == '\n') {
      new_line_at(at_);
      ++at_;
      return ReadStatus::row;
    }
    ++at_;  // the delimiter; a delimiter at the end of a line starts one more (empty) cell
  }
}

void DelimiterSniffer::feed(std::string_view text) {
  for (char c : text) {
    if (done_) return;
    if (c == '"') quoted_ = !quoted_;  // "" inside quotes toggles twice: no effect
    if (quoted_) continue;
    if (c == '\n') done_ = true;
    else if (c == ',') ++commas_;
    else if (c == ';') ++semicolons_;
    else if (c == '\t') ++tabs_;
  }
}

char DelimiterSniffer::delimiter() const {
  if (semicolons_ > commas_ && semicolons_ >= tabs_) return ';';
  if (tabs_ > commas_ && tabs_ > semicolons_) return '\t';
  return ',';
}

char sniff_delimiter(std::string_view text) {
  DelimiterSniffer sniffer;
  sniffer.feed(text);
  return sniffer.delimiter();
}

FirstLook first_look(BlockReader& blocks) {
  FirstLook look;
  DelimiterSniffer sniffer;
  std::string block;
  while ((look.blank || !sniffer.done()) && blocks.read(block)) {
    if (look.blank) look.blank = block.find_first_not_of(" \t\n") == std::string::npos;
    sniffer.feed(block);
    block.clear();
  }
  look.delimiter = sniffer.delimiter();
  return look;
}

}  // namespace handoff::csv

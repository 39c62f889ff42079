// A streaming RFC 4180 reader: one row at a time from normalized text ('\n' line ends),
// quoted cells holding delimiters, newlines and doubled quotes, every cell with the file
// position where its content starts. Linear in the input; no whole-file row vector.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "handoff/record.hpp"

namespace handoff::csv {

struct Cell {
  std::string text;      // unquoted, doubled quotes undone; capped at the reader's cell limit
  Position pos;          // first content byte (after an opening quote); 1-based byte column
  bool quoted = false;
  bool too_long = false;  // the cell held more than the cell limit; `text` is truncated
  std::size_t bytes = 0;  // the cell's full unquoted size, even when truncated
};

struct Row {
  // Cells are reused between rows (their strings keep their capacity): read `size()`
  // cells, not `cells.size()`.
  std::vector<Cell> cells;
  std::size_t count = 0;
  std::uint32_t line = 0;      // line of the row's first byte
  std::string problem;         // non-empty: the row's structure is broken (text after a quote)
  Position problem_pos;

  std::size_t size() const { return count; }
  const Cell& operator[](std::size_t i) const { return cells[i]; }
};

enum class ReadStatus {
  row,           // `row` holds the next row (check row.problem)
  end,           // no more rows
  unterminated,  // a quote opened at row.problem_pos is never closed: the rest of the file
                 // was swallowed, nothing more can be read
};

class Reader {
 public:
  Reader(std::string_view text, char delimiter, std::size_t max_cell_bytes);

  // Reads the next row, skipping blank lines between rows.
  ReadStatus next(Row& row);

 private:
  Cell& start_cell(Row& row);
  void append(Cell& cell, std::string_view bytes);
  bool read_quoted(Row& row, Cell& cell);  // false: unterminated
  void read_unquoted(Cell& cell);
  void skip_blank_lines();
  void new_line_at(std::size_t newline_offset) {
    ++line_;
    line_start_ = newline_offset + 1;
  }
  Position here() const {
    return {line_, static_cast<std::uint32_t>(at_ - line_start_ + 1)};
  }

  std::string_view text_;
  char delimiter_;
  std::size_t max_cell_bytes_;
  std::size_t at_ = 0;
  std::size_t line_start_ = 0;
  std::uint32_t line_ = 1;
};

// ',' ';' or '\t', whichever occurs most often outside quotes on the first row (',' on a tie
// or when none occurs: a one-column file).
char sniff_delimiter(std::string_view text);

}  // namespace handoff::csv

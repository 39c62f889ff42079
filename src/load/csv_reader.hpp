// A streaming RFC 4180 reader: one row at a time from normalized text ('\n' line ends),
// quoted cells holding delimiters, newlines and doubled quotes, every cell with the file
// position where its content starts. Linear in the input; no whole-file row vector. The text
// comes a block at a time: what is read goes into the row's cells (capped), so the reader holds
// one block plus, at most, the blank start of a line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "handoff/record.hpp"
#include "load/blocks.hpp"

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
  Reader(BlockReader& blocks, char delimiter, std::size_t max_cell_bytes);

  // Reads the next row, skipping blank lines between rows. When the text cannot be read on
  // (blocks.error()), that is the end.
  ReadStatus next(Row& row);
  bool failed() const { return blocks_.error().has_value(); }
  std::size_t high_water() const { return high_water_; }  // most text bytes held at once

 private:
  ReadStatus read_row(Row& row);
  bool more();  // drops what is read, appends the next block: false at the end of the text
  bool has_byte() { return at_ < buf_.size() || more(); }
  Cell& start_cell(Row& row);
  void append(Cell& cell, std::string_view bytes);
  bool read_quoted(Row& row, Cell& cell);  // false: unterminated
  void read_unquoted(Cell& cell);
  void skip_blank_lines();
  void new_line_at(std::size_t newline_at) {  // an index into buf_
    ++line_;
    line_start_ = offset_ + newline_at + 1;
  }
  Position here() const {
    return {line_, static_cast<std::uint32_t>(offset_ + at_ - line_start_ + 1)};
  }

  BlockReader& blocks_;
  char delimiter_;
  std::size_t max_cell_bytes_;
  std::string buf_;             // text from the current position on
  std::size_t at_ = 0;          // the current position in buf_
  std::size_t offset_ = 0;      // buf_[0]'s offset in the text
  std::size_t line_start_ = 0;  // offset in the text
  std::uint32_t line_ = 1;
  std::size_t high_water_ = 0;
};

// ',' ';' or '\t', whichever occurs most often outside quotes on the first row (',' on a tie
// or when none occurs: a one-column file). Fed block by block until done().
class DelimiterSniffer {
 public:
  void feed(std::string_view text);
  bool done() const { return done_; }
  char delimiter() const;

 private:
  std::size_t commas_ = 0, semicolons_ = 0, tabs_ = 0;
  bool quoted_ = false;
  bool done_ = false;
};
char sniff_delimiter(std::string_view text);

// What the start of a CSV text says before any row is read: whether it holds anything but
// blanks, and its sniffed delimiter. Reads only as far as it must (normally the first line).
struct FirstLook {
  bool blank = true;
  char delimiter = ',';
};
FirstLook first_look(BlockReader& blocks);

}  // namespace handoff::csv

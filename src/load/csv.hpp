// Internal to the CSV and JSONL loaders: how CSV headers map to record keys (for `audit`),
// how one free-text value becomes field items, and how a cell's positions become the file's.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "handoff/load.hpp"
#include "handoff/record.hpp"

namespace handoff {

// For a CSV source: each header (in file order) with what feeds from it: a canonical key
// ("champion_profile", "acv", ...), "notes" (parsed as a plain-text record) or "ignored".
// Empty when the file has no readable header row.
std::vector<std::pair<std::string, std::string>> csv_column_mapping(const Source& src,
                                                                    const LoadOptions& opt);

// Splits a multi-line value into items: one per bullet ("- ", "* ", "• ", "1. ", "1) ") when
// it has bullets, else one per paragraph. `start` is where the value's first byte sits in the
// file; later lines count from it when `track_lines` (a CSV cell), else every item gets
// `start` (a JSON string, whose newlines are escapes on one line).
struct ValueItems {
  std::vector<TextItem> items;
  bool is_list = false;
};
ValueItems split_value_items(std::string_view text, Position start, bool track_lines);

// One item per line (bullet markers dropped), and per `separator` piece within a line when
// `separator` is not 0: for products and key contacts, which people write one per line or
// "A; B". Positions as for split_value_items.
std::vector<TextItem> split_value_lines(std::string_view text, Position start, bool track_lines,
                                        char separator);

// Moves every position in a Loaded produced from a value embedded in a file (a CSV notes
// cell given to load_text) from value-relative to file-relative: line 1 of the value is at
// `origin` (so its columns shift too), later lines shift by origin.line - 1. A position left
// unknown (line 0) becomes `origin`.
void shift_positions(Loaded& loaded, Position origin);

}  // namespace handoff

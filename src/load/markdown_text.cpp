#include "load/markdown_text.hpp"

#include <cctype>

namespace handoff {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// "&amp;" / "&#8212;" at the start of `s`: its length, or 0.
std::size_t entity_length(std::string_view s) {
  std::size_t i = 1;
  if (i < s.size() && s[i] == '#') ++i;
  std::size_t start = i;
  while (i < s.size() && i - start < 32 && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
  return (i > start && i < s.size() && s[i] == ';') ? i + 1 : 0;
}

std::size_t utf8_length(char lead) {
  auto c = static_cast<unsigned char>(lead);
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

}  // namespace

std::uint32_t raw_column(std::string_view raw, std::uint32_t start_col, std::string_view literal,
                         std::size_t k) {
  std::size_t r = start_col > 0 ? start_col - 1 : 0;
  // cmark places a paragraph's continuation lines at their indentation, not at their text.
  if (!literal.empty() && !is_blank(literal[0]))
    while (r < raw.size() && is_blank(raw[r])) ++r;
  std::size_t j = 0;
  while (j < k && j < literal.size() && r < raw.size()) {
    if (raw[r] == '\\' && r + 1 < raw.size() && raw[r + 1] == literal[j] &&
        std::ispunct(static_cast<unsigned char>(literal[j]))) {
      r += 2;
      j += 1;
      continue;
    }
    if (raw[r] == '&') {
      std::size_t len = entity_length(raw.substr(r));
      if (len > 0 && literal.substr(j, len) != raw.substr(r, len)) {
        r += len;
        j += utf8_length(literal[j]);
        continue;
      }
    }
    ++r;
    ++j;
  }
  return static_cast<std::uint32_t>(r + 1);
}


namespace {

// A cell's text without padding and wrapping markup, and where it starts.
PipeCell cell_text(std::string_view raw, std::size_t begin, std::size_t end) {
  auto trim = [&] {
    while (begin < end && is_blank(raw[begin])) ++begin;
    while (end > begin && is_blank(raw[end - 1])) --end;
  };
  trim();
  for (std::string_view wrap : {"**", "__", "`", "*", "_"}) {
    std::string_view s = raw.substr(begin, end - begin);
    if (s.size() > 2 * wrap.size() && s.starts_with(wrap) && s.ends_with(wrap)) {
      begin += wrap.size();
      end -= wrap.size();
      trim();
    }
  }
  return {raw.substr(begin, end - begin), begin};
}

}  // namespace

std::optional<std::vector<PipeCell>> pipe_cells(std::string_view raw) {
  std::size_t i = 0;
  while (i < raw.size() && is_blank(raw[i])) ++i;
  if (i == raw.size() || raw[i] != '|') return std::nullopt;
  std::vector<PipeCell> cells;
  std::size_t cell = i + 1;
  for (std::size_t j = i + 1; j < raw.size(); ++j) {
    if (raw[j] == '\\') {
      ++j;
    } else if (raw[j] == '|') {
      cells.push_back(cell_text(raw, cell, j));
      cell = j + 1;
    }
  }
  // A last cell without a closing pipe still counts.
  if (cell < raw.size()) {
    PipeCell last = cell_text(raw, cell, raw.size());
    if (!last.text.empty()) cells.push_back(last);
  }
  return cells;
}

}  // namespace handoff

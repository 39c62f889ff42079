#include "load/markdown_guard.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstdint>

namespace handoff {
namespace {

// The characters cmark's inline parser stops at; each run of them becomes at least one node.
bool is_inline_mark(char c) {
  switch (c) {
    case '\\': case '`': case '&': case '<': case '*': case '_': case '[': case ']': case '!':
      return true;
    default: return false;
  }
}

bool ends_marker(std::string_view line, std::size_t i) {
  return i == line.size() || line[i] == ' ' || line[i] == '\t';
}

}  // namespace

std::size_t markdown_line_nesting(std::string_view line) {
  std::size_t i = 0, blank_columns = 0, markers = 0;
  while (i < line.size()) {
    char c = line[i];
    if (c == ' ') {
      ++blank_columns;
      ++i;
    } else if (c == '\t') {
      blank_columns += 4;  // a tab stop is at most four columns
      ++i;
    } else if (c == '>') {
      ++markers;
      ++i;
    } else if ((c == '-' || c == '+' || c == '*') && ends_marker(line, i + 1)) {
      ++markers;
      ++i;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      std::size_t j = i;
      while (j < line.size() && j - i < 10 && std::isdigit(static_cast<unsigned char>(line[j]))) ++j;
      if (j == line.size() || (line[j] != '.' && line[j] != ')') || !ends_marker(line, j + 1)) break;
      ++markers;
      i = j + 1;
    } else {
      break;
    }
  }
  // A line without a container marker opens nothing, however far it is indented.
  return markers == 0 ? 0 : markers + blank_columns / 2;
}

std::optional<LoadError> check_markdown_limits(std::string_view text, const Limits& limits) {
  std::size_t brackets = 0, nodes = 0;
  std::uint32_t line_no = 1;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    Position at{line_no, 1};

    std::size_t nesting = markdown_line_nesting(line);
    if (nesting > limits.max_markdown_nesting)
      return LoadError{fmt::format("Markdown list or quote nesting deeper than {} levels "
                                   "(limits.max_markdown_nesting)",
                                   limits.max_markdown_nesting),
                       at};
    nodes += 1 + nesting;
    for (std::size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (!is_inline_mark(c)) continue;
      ++nodes;
      if (c == '[' && ++brackets > limits.max_markdown_brackets)
        return LoadError{fmt::format("more than {} '[' characters in Markdown "
                                     "(limits.max_markdown_brackets); the Markdown parser is "
                                     "quadratic on them: split the file or use YAML",
                                     limits.max_markdown_brackets),
                         {line_no, static_cast<std::uint32_t>(i + 1)}};
    }
    if (nodes > limits.max_markdown_nodes)
      return LoadError{fmt::format("Markdown too large to parse safely: more than {} lines, list "
                                   "markers and markup characters (limits.max_markdown_nodes); "
                                   "split the file or use YAML",
                                   limits.max_markdown_nodes),
                       at};
    if (end == text.size()) break;
    begin = end + 1;
    ++line_no;
  }
  return std::nullopt;
}

}  // namespace handoff

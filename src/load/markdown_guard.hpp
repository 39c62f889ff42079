// A linear pre-scan that keeps input away from cmark 0.30.2's slow paths before it parses.
#pragma once

#include <optional>
#include <string_view>

#include "handoff/diagnostic.hpp"
#include "handoff/load.hpp"

namespace handoff {

// Rejects, naming the line, Markdown with more '[' than limits.max_markdown_brackets (the
// `![[]()` pattern is quadratic), list/quote nesting deeper than limits.max_markdown_nesting
// (each blank line walks every open container), or more lines + container markers + inline
// markup characters than limits.max_markdown_nodes (cmark's node cost in time and memory).
std::optional<LoadError> check_markdown_limits(std::string_view text, const Limits& limits);

// An upper bound on the list/quote nesting a line can open: each '>' or list marker is one
// level, and each list level matched by indentation takes at least two columns.
std::size_t markdown_line_nesting(std::string_view line);

}  // namespace handoff

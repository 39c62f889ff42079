// Source-level helpers for the Markdown loader: where a piece of cmark's plain text sits in the
// source line, and pipe-table rows, which cmark 0.30 leaves as paragraph text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace handoff {

// The 1-based source column of byte `k` of a text node's literal, the node starting at
// `start_col` of the source line `raw`: backslash escapes and entities are longer in the
// source than in the literal, and cmark reports continuation lines at their indentation.
std::uint32_t raw_column(std::string_view raw, std::uint32_t start_col, std::string_view literal,
                         std::size_t k);

struct PipeCell {
  std::string_view text;  // padding and wrapping `**`, `__`, `*`, `_` or backticks removed
  std::size_t offset;     // where `text` starts in the line
};

// The cells of `| Account | Acme |` (leading pipe required, `\|` escapes a pipe), or nullopt
// when the line is not a table row.
std::optional<std::vector<PipeCell>> pipe_cells(std::string_view raw);

}  // namespace handoff

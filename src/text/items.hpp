// Item and sentence helpers: how a field's value splits into the units the rules judge.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "handoff/record.hpp"
#include "text/tokens.hpp"

namespace handoff::text {

// A unit of a field's content as the rules judge it (an item, a piece of an inline
// enumeration, a sentence): a view into the Record, which outlives the checks.
struct ItemView {
  std::string_view text;
  Position pos;
  std::string_view whole = {};  // the field's text when `text` lies inside it, else empty
};

// The item's tokens, cut from its field's (tokens_of_part): items are not tokenized again.
inline const std::vector<Token>& tokens_of(const ItemView& item) {
  return tokens_of_part(item.whole, item.text);
}

// The field's items (bullets, or paragraphs of prose) that hold any text. A Field built
// without items (only `text`) yields its whole text as one item at the field's position.
std::vector<ItemView> field_items(const Field& field);

// Splits an item written as an inline enumeration, "(1) ... (2) ..." or "1) ... 2) ...",
// into one piece per number. Returns the item itself when it has fewer than two markers.
// Pieces keep the item's position: loaders do not map offsets inside a value back to columns.
std::vector<ItemView> split_enumerated(const ItemView& item);

// The text with every <...> template prompt removed; an unclosed '<' is kept as text.
std::string strip_angle_prompts(std::string_view text);

// The first line of `text`, trimmed and cut to at most `max_chars` bytes at a word (or at
// least a UTF-8) boundary, with "..." when cut: for quoting the user's words in a message.
std::string excerpt(std::string_view text, std::size_t max_chars = 40);

// Whitespace trimmed from both ends.
std::string_view trim(std::string_view s);

}  // namespace handoff::text

// Fills a Record from (key, value items) pairs the same way for every input format, so
// formats differ only in how they find labels and values.
#pragma once

#include <string>
#include <vector>

#include "handoff/record.hpp"

namespace handoff {

struct FieldValue {
  std::vector<TextItem> items;  // bullets or paragraphs, each with its position; may be empty
  bool is_list = false;
  Position pos;  // where the value starts; the label's position when the value is empty
};

// Returns false when `key` was already set in `record` (the caller reports the duplicate;
// the first value is kept, matching what a reader sees first).
bool set_field(Record& record, FieldKey key, FieldValue value);

// "Dana Ortiz, VP Finance" / "Dana Ortiz - VP Finance" / "Dana Ortiz (VP Finance)".
Contact parse_contact(const TextItem& item);

// Whitespace trimmed from both ends.
std::string trim_copy(std::string_view s);

}  // namespace handoff

// Dumping one JSON value inside a document that is being streamed by hand.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace handoff::report {

using Json = nlohmann::ordered_json;  // keys in the documented order, not sorted

// The value with a 2-space indent, each continuation line prefixed by `prefix` so it nests at
// that depth. Invalid UTF-8 in record text becomes U+FFFD instead of throwing.
inline std::string indented(const Json& value, std::string_view prefix) {
  std::string text = value.dump(2, ' ', false, Json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  // String values never hold a raw newline, so every '\n' is a line break of the layout.
  for (std::size_t from = 0; from < text.size();) {
    std::size_t eol = text.find('\n', from);
    if (eol == std::string::npos) {
      out.append(text, from, std::string::npos);
      break;
    }
    out.append(text, from, eol + 1 - from);
    out += prefix;
    from = eol + 1;
  }
  return out;
}

}  // namespace handoff::report

// Escaping and small helpers shared by the reporters. Every function here is linear in its
// input and never throws on malformed UTF-8: a bad byte is escaped or replaced, never trusted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "handoff/engine.hpp"

namespace handoff::report {

// One step of UTF-8 decoding at `i`: the code point and its length in bytes. An invalid,
// truncated, overlong or surrogate sequence yields valid = false and length 1.
struct Utf8Step {
  char32_t code_point = 0;
  std::size_t length = 1;
  bool valid = false;
};
Utf8Step decode_utf8(std::string_view text, std::size_t i);

// Record text made safe for a terminal: C0 controls except tab, DEL, C1 controls, invalid
// bytes and bidirectional overrides become visible escapes ("\x1b", "\u009b", "\u202e").
std::string terminal_safe(std::string_view text);

// XML 1.0 character data / attribute values: &<>"' as entities, tab/LF/CR as character
// references (so attributes keep them), characters illegal in XML 1.0 dropped, invalid
// UTF-8 replaced with U+FFFD.
std::string xml_escape(std::string_view text);

// `text` as a JSON string literal, quotes included: the escapes nlohmann writes (\" \\ \b \f
// \n \r \t, other controls as \u00xx); invalid UTF-8 bytes become U+FFFD, one per byte.
void append_json_string(std::string& out, std::string_view text);

// GitHub Actions workflow commands: a property value (file=, title=) and the message data.
std::string github_property(std::string_view text);
std::string github_data(std::string_view text);

// Text for a Markdown table cell or paragraph: inert (no HTML, links, emphasis, code spans,
// @mentions), on one line.
std::string markdown_text(std::string_view text);

// A relative path as a URI reference: unreserved characters and '/' kept, the rest %XX.
std::string uri_path(std::string_view path);

// "dir/file.yaml#2" -> {"dir/file.yaml", "2"}; no "#digits" suffix -> {source, ""}.
struct SourceParts {
  std::string_view path;
  std::string_view record;  // the N of "#N", empty when the source is the whole file
};
SourceParts split_source(std::string_view source);
// The folder part of a path ("" when it has none) and the last component.
std::string_view folder_of(std::string_view path);
std::string_view file_of(std::string_view path);

// FNV-1a 64-bit over the given parts, each followed by a NUL separator; 16 lowercase hex digits.
std::string stable_hash(std::initializer_list<std::string_view> parts);

// "1 record", "3 records".
std::string counted(std::size_t n, std::string_view singular, std::string_view plural);

}  // namespace handoff::report

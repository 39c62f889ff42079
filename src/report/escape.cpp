#include "report/escape.hpp"

#include <fmt/format.h>

namespace handoff::report {
namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

bool is_bidi_control(char32_t cp) {
  // Embeddings, overrides and isolates reorder what the reader sees ("Trojan Source").
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// The visible escape for a code point or raw byte a terminal must not interpret.
void append_visible_escape(std::string& out, const Utf8Step& step, unsigned char byte) {
  if (!step.valid || step.code_point < 0x80)
    out += fmt::format("\\x{:02x}", step.valid ? static_cast<unsigned>(step.code_point) : byte);
  else
    out += fmt::format("\\u{:04x}", static_cast<unsigned>(step.code_point));
}

bool needs_visible_escape(const Utf8Step& step) {
  if (!step.valid) return true;
  char32_t cp = step.code_point;
  return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) || is_bidi_control(cp);
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.reserve(out.size() + text.size() + 2);
  out += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    // Copy the run of bytes that need no escape in one go.
    std::size_t run = i;
    while (run < text.size()) {
      auto byte = static_cast<unsigned char>(text[run]);
      if (byte < 0x20 || byte == '"' || byte == '\\' || byte >= 0x80) break;
      ++run;
    }
    out.append(text, i, run - i);
    if (run == text.size()) break;
    i = run;
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x80) {
      Utf8Step step = decode_utf8(text, i);
      if (step.valid)
        out.append(text, i, step.length);
      else
        out += "\xEF\xBF\xBD";  // U+FFFD
      i += step.length;
      continue;
    }
    ++i;
    switch (byte) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[byte >> 4];
        out += kHex[byte & 0xF];
    }
  }
  out += '"';
}

Utf8Step decode_utf8(std::string_view text, std::size_t i) {
  auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t length = 0;
  char32_t cp = 0;
  unsigned char second_min = 0x80, second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, cp = lead & 0x0F;
    if (lead == 0xE0) second_min = 0xA0;  // overlong
    if (lead == 0xED) second_max = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, cp = lead & 0x07;
    if (lead == 0xF0) second_min = 0x90;  // overlong
    if (lead == 0xF4) second_max = 0x8F;  // above U+10FFFF
  } else {
    return {};
  }
  if (i + length > text.size()) return {};
  auto second = static_cast<unsigned char>(text[i + 1]);
  if (second < second_min || second > second_max) return {};
  for (std::size_t k = 1; k < length; ++k) {
    auto byte = static_cast<unsigned char>(text[i + k]);
    if (!is_continuation(byte)) return {};
    cp = (cp << 6) | (byte & 0x3F);
  }
  return {cp, length, true};
}

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    Utf8Step step = decode_utf8(text, i);
    if (needs_visible_escape(step))
      append_visible_escape(out, step, static_cast<unsigned char>(text[i]));
    else
      out.append(text.substr(i, step.length));
    i += step.length;
  }
  return out;
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    Utf8Step step = decode_utf8(text, i);
    char32_t cp = step.code_point;
    if (!step.valid) {
      out += "\xEF\xBF\xBD";  // U+FFFD
    } else if (cp == '\t' || cp == '\n' || cp == '\r') {
      out += fmt::format("&#{};", static_cast<unsigned>(cp));
    } else if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) {
      // Not allowed anywhere in an XML 1.0 document, not even as a character reference.
    } else if (cp == '&') {
      out += "&amp;";
    } else if (cp == '<') {
      out += "&lt;";
    } else if (cp == '>') {
      out += "&gt;";
    } else if (cp == '"') {
      out += "&quot;";
    } else if (cp == '\'') {
      out += "&apos;";
    } else {
      out.append(text.substr(i, step.length));
    }
    i += step.length;
  }
  return out;
}

std::string github_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    if (ch == '%')
      out += "%25";
    else if (ch == '\r')
      out += "%0D";
    else if (ch == '\n')
      out += "%0A";
    else
      out += ch;
  }
  return out;
}

std::string github_property(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : github_data(text)) {
    if (ch == ':')
      out += "%3A";
    else if (ch == ',')
      out += "%2C";
    else
      out += ch;
  }
  return out;
}

std::string markdown_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    Utf8Step step = decode_utf8(text, i);
    char32_t cp = step.code_point;
    if (step.valid && (cp == '\n' || cp == '\r' || cp == '\t')) {
      out += ' ';  // a table cell is one line
    } else if (needs_visible_escape(step)) {
      out += '\\';  // so the escape's own backslash renders
      append_visible_escape(out, step, static_cast<unsigned char>(text[i]));
    } else if (cp == '&') {
      out += "&amp;";
    } else if (cp == '<') {
      out += "&lt;";
    } else if (cp == '>') {
      out += "&gt;";
    } else if (cp == '@') {
      out += "@\xE2\x80\x8B";  // U+200B: no @mention pings from record text
    } else if (cp == '|' || cp == '`' || cp == '\\' || cp == '*' || cp == '_' || cp == '[' ||
               cp == ']' || cp == '~' || cp == '!' || cp == '#') {
      out += '\\';
      out += static_cast<char>(cp);
    } else {
      out.append(text.substr(i, step.length));
    }
    i += step.length;
  }
  return out;
}

std::string uri_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (char ch : path) {
    auto byte = static_cast<unsigned char>(ch);
    bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                      (byte >= '0' && byte <= '9') || ch == '-' || ch == '.' || ch == '_' ||
                      ch == '~' || ch == '/';
    if (unreserved)
      out += ch;
    else
      out += fmt::format("%{:02X}", static_cast<unsigned>(byte));
  }
  return out;
}

SourceParts split_source(std::string_view source) {
  auto hash = source.rfind('#');
  if (hash == std::string_view::npos || hash + 1 == source.size()) return {source, {}};
  std::string_view digits = source.substr(hash + 1);
  for (char ch : digits)
    if (ch < '0' || ch > '9') return {source, {}};
  return {source.substr(0, hash), digits};
}

std::string_view folder_of(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

std::string_view file_of(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string stable_hash(std::initializer_list<std::string_view> parts) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  auto mix = [&hash](unsigned char byte) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  };
  for (std::string_view part : parts) {
    for (char ch : part) mix(static_cast<unsigned char>(ch));
    mix(0);
  }
  return fmt::format("{:016x}", hash);
}


std::string counted(std::size_t n, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", n, n == 1 ? singular : plural);
}

}  // namespace handoff::report

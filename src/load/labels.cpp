// The alias table and format names. The alias entries themselves are data: templates/
// default-config.yaml `aliases:`, extended by a user's config.
#include <algorithm>
#include <cctype>

#include "handoff/load.hpp"

namespace handoff {
namespace {

bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Drops "Field 3:", "3.", "3)", "#3", "Section 2 -" style numbering at the start.
std::string_view strip_numbering(std::string_view s) {
  auto skip_spaces = [&] {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  };
  skip_spaces();
  for (std::string_view word : {"field", "section", "part", "q"}) {
    if (s.size() > word.size() && std::isdigit(static_cast<unsigned char>(s[word.size()])) == 0 &&
        s[word.size()] != ' ')
      continue;
    bool match = s.size() > word.size();
    for (std::size_t i = 0; match && i < word.size(); ++i)
      match = std::tolower(static_cast<unsigned char>(s[i])) == word[i];
    if (!match) continue;
    std::string_view rest = s.substr(word.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest.front()))) {
      s = rest;
      break;
    }
  }
  if (!s.empty() && s.front() == '#') s.remove_prefix(1);
  std::size_t digits = 0;
  while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
  if (digits > 0 && digits <= 2) {
    std::string_view rest = s.substr(digits);
    if (!rest.empty() && (rest.front() == '.' || rest.front() == ')' || rest.front() == ':' ||
                          rest.front() == '-')) {
      s = rest.substr(1);
    } else if (!rest.empty() && rest.front() == ' ') {
      s = rest;
    }
  }
  skip_spaces();
  return s;
}

}  // namespace

namespace {

// normalize() into `out`; false as soon as the result would exceed `limit` bytes (a line of
// prose is never an alias, and most lines a loader tries are prose).
bool normalize_into(std::string_view label, std::string& out, std::size_t limit) {
  out.clear();
  std::string_view s = strip_numbering(label);
  // A trailing parenthetical explains the field; it is not part of its name.
  while (!s.empty() && (s.back() == ' ' || s.back() == ':' || s.back() == '*')) s.remove_suffix(1);
  if (!s.empty() && s.back() == ')') {
    if (auto open = s.rfind('('); open != std::string_view::npos && open > 0) s = s.substr(0, open);
  }
  bool pending_space = false;
  for (unsigned char c : s) {
    if (is_ascii_alnum(c) || c >= 0x80) {
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    } else if (c == '&') {
      if (!out.empty()) out += " and";
      pending_space = true;
    } else if (c == '\'') {
      // "AE's" -> "aes", not "ae s"
    } else {
      pending_space = true;
    }
    if (out.size() > limit) return false;
  }
  return true;
}

}  // namespace

std::string LabelTable::normalize(std::string_view label) {
  std::string out;
  out.reserve(label.size());
  normalize_into(label, out, std::string::npos);
  return out;
}

LabelTable::LabelTable(std::unordered_map<std::string, FieldKey> normalized)
    : map_(std::move(normalized)) {
  for (const auto& entry : map_) longest_ = std::max(longest_, entry.first.size());
}

void LabelTable::add(std::string_view alias, FieldKey key) {
  std::string normalized = normalize(alias);
  longest_ = std::max(longest_, normalized.size());
  map_[std::move(normalized)] = key;
}

std::optional<FieldKey> LabelTable::match(std::string_view label) const {
  if (label.size() > 200) return std::nullopt;  // a label is a short line, never a paragraph
  thread_local std::string normalized;          // reused: loaders try this on every line
  if (!normalize_into(label, normalized, longest_)) return std::nullopt;
  auto it = map_.find(normalized);
  if (it == map_.end()) return std::nullopt;
  return it->second;
}

std::string_view format_name(Format f) {
  switch (f) {
    case Format::yaml:
      return "yaml";
    case Format::markdown:
      return "markdown";
    case Format::text:
      return "text";
    case Format::csv:
      return "csv";
    case Format::jsonl:
      return "jsonl";
    case Format::unknown:
      break;
  }
  return "unknown";
}

std::optional<Format> format_from_name(std::string_view n) {
  if (n == "yaml" || n == "yml" || n == "json") return Format::yaml;
  if (n == "markdown" || n == "md") return Format::markdown;
  if (n == "text" || n == "txt") return Format::text;
  if (n == "csv") return Format::csv;
  if (n == "jsonl" || n == "ndjson") return Format::jsonl;
  return std::nullopt;
}

Format format_from_extension(std::string_view path) {
  auto dot = path.rfind('.');
  auto slash = path.find_last_of("/\\");
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
    return Format::unknown;
  std::string ext;
  for (char c : path.substr(dot + 1))
    ext += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == "yaml" || ext == "yml" || ext == "json") return Format::yaml;
  if (ext == "md" || ext == "markdown") return Format::markdown;
  if (ext == "txt" || ext == "text") return Format::text;
  if (ext == "csv" || ext == "tsv") return Format::csv;
  if (ext == "jsonl" || ext == "ndjson") return Format::jsonl;
  return Format::unknown;
}

Format sniff_format(std::string_view text) {
  // Look at the first non-blank line only: cheap and predictable.
  std::size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
  std::string_view first =
      text.substr(i, text.find('\n', i) == std::string_view::npos ? std::string_view::npos
                                                                  : text.find('\n', i) - i);
  if (first.starts_with("---") || first.starts_with("%YAML")) return Format::yaml;
  if (first.starts_with("{")) {
    // One JSON object per line is JSON Lines; one object over many lines is YAML's JSON subset.
    return first.ends_with("}") ? Format::jsonl : Format::yaml;
  }
  if (first.starts_with("#") || first.starts_with("**") || first.starts_with("|"))
    return Format::markdown;
  // "key: value" with a canonical-looking key (snake_case, no spaces) reads as YAML.
  if (auto colon = first.find(':'); colon != std::string_view::npos && colon > 0) {
    std::string_view key = first.substr(0, colon);
    bool yaml_key = true;
    for (char c : key)
      if (!(std::islower(static_cast<unsigned char>(c)) || c == '_')) yaml_key = false;
    if (yaml_key) return Format::yaml;
  }
  return Format::text;
}

}  // namespace handoff

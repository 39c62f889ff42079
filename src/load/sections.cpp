#include "load/sections.hpp"

#include <fmt/format.h>

#include <cctype>

namespace handoff {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (is_blank(s.front()) || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

std::size_t skip_blanks(std::string_view s, std::size_t i) {
  while (i < s.size() && is_blank(s[i])) ++i;
  return i;
}

// After "**Champion:**" the colon sits inside the emphasis; the closing marker is not value.
std::size_t skip_closing_emphasis(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && (s[j] == '*' || s[j] == '_') && j - i < 3) ++j;
  if (j > i && (j == s.size() || is_blank(s[j]))) return skip_blanks(s, j);
  return i;
}

std::string key_display_name(FieldKey key) {
  if (auto cat = category_of(key)) return std::string(category_title(*cat));
  return std::string(field_key_name(key));
}

bool starts_with_icase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

}  // namespace

std::optional<LabelLine> match_label_line(std::string_view line, const LabelTable& labels) {
  line = trim_view(line);
  if (line.empty()) return std::nullopt;
  // The label before a colon. The second colon covers "Field 1: Buying motivation: text".
  std::size_t search = 0;
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::size_t colon = line.find(':', search);
    if (colon == std::string_view::npos || colon == 0) break;
    if (auto key = labels.match(line.substr(0, colon))) {
      std::size_t value = skip_closing_emphasis(line, skip_blanks(line, colon + 1));
      return LabelLine{*key, value};
    }
    search = colon + 1;
  }
  // A label alone on its line: "CHAMPION PROFILE", "3) Promises", "Red flags & risks -".
  if (auto key = labels.match(line)) return LabelLine{*key, line.size()};
  return std::nullopt;
}

std::optional<BulletMarker> match_bullet(std::string_view line) {
  std::size_t marker = 0;
  bool numbered = false;
  if (line.starts_with("\xE2\x80\xA2") || line.starts_with("\xE2\x80\x93")) {  // • and –
    marker = 3;
  } else if (!line.empty() && (line[0] == '-' || line[0] == '*')) {
    marker = 1;
  } else {
    std::size_t digits = 0;
    while (digits < line.size() && digits < 4 && std::isdigit(static_cast<unsigned char>(line[digits])))
      ++digits;
    if (digits >= 1 && digits <= 3) {
      marker = digits;
    } else if (!line.empty() && std::isalpha(static_cast<unsigned char>(line[0]))) {
      marker = 1;  // "a)" only: "a." would catch "e.g." and initials
      if (line.size() < 2 || line[1] != ')') return std::nullopt;
    } else {
      return std::nullopt;
    }
    if (marker >= line.size() || (line[marker] != '.' && line[marker] != ')')) return std::nullopt;
    if (std::isalpha(static_cast<unsigned char>(line[0])) && line[marker] != ')') return std::nullopt;
    ++marker;
    numbered = true;
  }
  if (marker >= line.size() || !is_blank(line[marker])) return std::nullopt;
  return BulletMarker{skip_blanks(line, marker), numbered};
}

bool is_comment_line(std::string_view trimmed_line) {
  return trimmed_line.size() >= 7 && trimmed_line.starts_with("<!--") && trimmed_line.ends_with("-->");
}

std::optional<Suppression> parse_suppression(std::string_view line, Position pos) {
  line = trim_view(line);
  if (!is_comment_line(line)) return std::nullopt;
  std::string_view inner = trim_view(line.substr(4, line.size() - 7));
  if (!starts_with_icase(inner, "handoff-lint:")) return std::nullopt;
  inner = trim_view(inner.substr(13));
  if (!starts_with_icase(inner, "disable")) return std::nullopt;
  inner.remove_prefix(7);
  if (inner.empty() || !(inner[0] == '=' || is_blank(inner[0]))) return std::nullopt;
  inner.remove_prefix(1);

  Suppression s;
  s.pos = pos;
  std::string_view codes = inner;
  if (auto dashes = inner.find("--"); dashes != std::string_view::npos) {
    codes = inner.substr(0, dashes);
    s.reason = std::string(trim_view(inner.substr(dashes + 2)));
  }
  std::size_t i = 0;
  while (i < codes.size()) {
    while (i < codes.size() && (is_blank(codes[i]) || codes[i] == ',' || codes[i] == '=')) ++i;
    std::size_t start = i;
    while (i < codes.size() && !is_blank(codes[i]) && codes[i] != ',') ++i;
    if (i == start) continue;
    std::string code;
    for (char c : codes.substr(start, i - start))
      code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    s.rules.push_back(std::move(code));
  }
  if (s.rules.empty()) return std::nullopt;
  return s;
}

bool is_single_value_key(FieldKey key) {
  switch (key) {
    case FieldKey::account:
    case FieldKey::acv:
    case FieldKey::close_date:
    case FieldKey::ae:
    case FieldKey::csm: return true;
    default: return false;
  }
}

SectionBuilder::SectionBuilder(const Limits& limits, std::string source, std::string format)
    : limits_(limits) {
  out_.record.source = std::move(source);
  out_.record.format = std::move(format);
}

void SectionBuilder::flush() {
  if (current_ && !dropped_) {
    value_.pos = value_.items.empty() ? label_pos_ : value_.items.front().pos;
    set_field(out_.record, *current_, std::move(value_));
  }
  value_ = FieldValue{};
  current_.reset();
  closed_ = dropped_ = item_open_ = item_is_bullet_ = false;
  value_bytes_ = 0;
}

void SectionBuilder::start(FieldKey key, Position label_pos) {
  flush();
  any_label_ = true;
  current_ = key;
  label_pos_ = label_pos;
  auto& first = first_label_[static_cast<std::size_t>(key)];
  if (!first) {
    first = label_pos;
    return;
  }
  dropped_ = true;
  // A file of repeated labels must not become a flood of identical warnings.
  if (out_.warnings.size() >= limits_.max_findings_per_record) return;
  Finding f;
  f.rule = "HL902";
  f.severity = Severity::warning;
  f.category = category_of(key);
  f.message = fmt::format("duplicate field '{}' at line {} (first given at line {}); the first is kept",
                          key_display_name(key), label_pos.line, first->line);
  f.pos = label_pos;
  out_.warnings.push_back(std::move(f));
}

void SectionBuilder::add_item(std::string_view text, Position pos, bool bullet) {
  text = trim_view(text);
  if (!in_content() || dropped_ || text.empty()) return;
  value_bytes_ += text.size() + 1;
  if (value_bytes_ > limits_.max_field_bytes) {
    fail({fmt::format("field '{}' is longer than {} bytes (limits.max_field_bytes)",
                      key_display_name(*current_), limits_.max_field_bytes),
          label_pos_});
    dropped_ = true;
    return;
  }
  value_.items.push_back({std::string(text), pos});
  value_.is_list = value_.is_list || bullet;
  item_open_ = true;
  item_is_bullet_ = bullet;
  if (is_single_value_key(*current_)) closed_ = true;
}

void SectionBuilder::add_inline(std::string_view text, Position pos) {
  add_item(text, pos, false);
  // "Products: A + B" is the whole list; prose after it is not more products.
  if (current_ == FieldKey::products && !trim_view(text).empty()) closed_ = true;
}

void SectionBuilder::add_bullet(std::string_view text, Position pos) { add_item(text, pos, true); }

void SectionBuilder::add_block(std::string_view text, Position pos, bool bullet) {
  add_item(text, pos, bullet);
  item_open_ = false;
}

void SectionBuilder::add_line(std::string_view text, Position pos, bool indented) {
  text = trim_view(text);
  if (!in_content() || dropped_ || text.empty()) return;
  bool one_per_line = current_ == FieldKey::key_contacts || current_ == FieldKey::products;
  bool joins = item_open_ && !value_.items.empty() && (!one_per_line || (indented && item_is_bullet_));
  if (!joins) {
    add_item(text, pos, false);
    return;
  }
  value_bytes_ += text.size() + 1;
  if (value_bytes_ > limits_.max_field_bytes) {
    add_item(text, pos, false);  // reports the limit
    return;
  }
  std::string& item = value_.items.back().text;
  item += ' ';
  item += text;
}

void SectionBuilder::add_suppression(Suppression s) {
  s.scope = (current_ && !closed_) ? category_of(*current_) : std::nullopt;
  out_.record.suppressions.push_back(std::move(s));
}

void SectionBuilder::fail(LoadError error) {
  if (!out_.error) out_.error = std::move(error);
}

Loaded SectionBuilder::finish(bool has_text) {
  flush();
  if (!has_text) {
    fail({"file has no content", {}});
  } else if (!any_label_) {
    fail({"no handoff fields found: expected labels such as 'Buying motivation:', 'Champion:' or "
          "'## Success criteria' at the start of a line",
          {}});
  }
  return std::move(out_);
}

}  // namespace handoff

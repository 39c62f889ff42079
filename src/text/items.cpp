#include "text/items.hpp"

#include "text/tokens.hpp"

namespace handoff::text {
namespace {

bool is_blank_char(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// An enumeration marker at s[i]: "(12)" or, after a blank or at the start, "12)".
// Returns the marker's length, 0 when there is none.
std::size_t marker_at(std::string_view s, std::size_t i) {
  std::size_t j = i;
  bool open = j < s.size() && s[j] == '(';
  if (open)
    ++j;
  else if (i > 0 && !is_blank_char(s[i - 1]))
    return 0;
  std::size_t digits = j;
  while (j < s.size() && is_digit(s[j]) && j - digits < 3) ++j;
  if (j == digits || j >= s.size() || s[j] != ')') return 0;
  return j + 1 - i;
}

}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank_char(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank_char(s.back())) s.remove_suffix(1);
  return s;
}

namespace {

// True when `text` is the items joined with '\n', as every loader builds a field.
bool joins_items(const Field& field) {
  std::string_view rest = field.text;
  for (std::size_t k = 0; k < field.items.size(); ++k) {
    if (k > 0 && !rest.starts_with('\n')) return false;
    if (k > 0) rest.remove_prefix(1);
    if (!rest.starts_with(field.items[k].text)) return false;
    rest.remove_prefix(field.items[k].text.size());
  }
  return rest.empty();
}

}  // namespace

std::vector<ItemView> field_items(const Field& field) {
  std::vector<ItemView> out;
  // Views into the field's text when it joins the items, so their tokens come from its own.
  std::string_view whole = joins_items(field) ? std::string_view(field.text) : std::string_view();
  std::size_t at = 0;
  for (const TextItem& item : field.items) {
    std::string_view text = whole.empty() ? item.text : whole.substr(at, item.text.size());
    at += item.text.size() + 1;
    if (!trim(text).empty()) out.push_back({text, item.pos, whole});
  }
  if (field.items.empty() && !trim(field.text).empty())
    out.push_back({field.text, field.pos, field.text});
  return out;
}

std::vector<ItemView> split_enumerated(const ItemView& item) {
  std::string_view s = item.text;
  if (s.find(')') == std::string_view::npos) return {item};  // every marker ends with ')'
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (std::size_t len = marker_at(s, i)) {
      starts.push_back(i);
      i += len - 1;
    }
  if (starts.size() < 2) return {item};
  std::vector<ItemView> pieces;
  // Text before the first marker ("Three things: (1) ...") belongs to the first piece.
  for (std::size_t k = 0; k < starts.size(); ++k) {
    std::size_t begin = k == 0 ? 0 : starts[k];
    std::size_t end = k + 1 < starts.size() ? starts[k + 1] : s.size();
    std::string_view piece = trim(s.substr(begin, end - begin));
    if (!piece.empty()) pieces.push_back({piece, item.pos, item.whole});
  }
  return pieces;
}

std::string strip_angle_prompts(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t open = text.find('<', i);
    std::size_t close = open == std::string_view::npos ? open : text.find('>', open + 1);
    if (close == std::string_view::npos) {
      out.append(text, i, std::string_view::npos);
      break;
    }
    out.append(text, i, open - i);
    out += ' ';
    i = close + 1;
  }
  return out;
}

std::string excerpt(std::string_view text, std::size_t max_chars) {
  std::string_view s = trim(text);
  if (auto nl = s.find('\n'); nl != std::string_view::npos) s = trim(s.substr(0, nl));
  if (s.size() <= max_chars) return std::string(s);
  std::size_t cut = max_chars;
  // Back up to the start of a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  // And to the end of the last whole word, when there is one.
  if (!is_blank_char(s[cut]))
    if (auto space = s.substr(0, cut).find_last_of(" \t");
        space != std::string_view::npos && space > 0)
      cut = space;
  return std::string(trim(s.substr(0, cut))) + "...";
}

}  // namespace handoff::text

// Shared by the CSV and JSONL loaders: a free-text value split into items, and the position
// shift that places a notes cell's record in its file.
#include <optional>

#include "load/csv.hpp"

namespace handoff {
namespace {

// Length of a bullet or list number at the start of `s` ("- ", "* ", "• ", "12. ", "3) "),
// including the spaces after it; 0 when `s` does not start with one.
std::size_t bullet_length(std::string_view s) {
  std::size_t n = 0;
  if (s.starts_with("- ") || s.starts_with("* ")) {
    n = 2;
  } else if (s.starts_with("\xE2\x80\xA2")) {  // •
    n = 3;
  } else {
    while (n < s.size() && n < 3 && s[n] >= '0' && s[n] <= '9') ++n;
    if (n == 0 || n == 3 || n + 1 >= s.size() || (s[n] != '.' && s[n] != ')') || s[n + 1] != ' ')
      return 0;
    n += 2;
  }
  while (n < s.size() && (s[n] == ' ' || s[n] == '\t')) ++n;
  return n;
}

struct Line {
  std::string_view content;  // indentation and trailing blanks removed
  Position pos;              // where `content` starts
};

std::string_view trim_line(std::string_view s, std::size_t& indent) {
  indent = 0;
  while (indent < s.size() && (s[indent] == ' ' || s[indent] == '\t')) ++indent;
  s.remove_prefix(indent);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

Position offset_pos(Position p, std::size_t by) {
  return {p.line, p.column + static_cast<std::uint32_t>(by)};
}

}  // namespace

ValueItems split_value_items(std::string_view text, Position start, bool track_lines) {
  std::vector<Line> lines;
  bool has_bullets = false;
  std::size_t at = 0;
  for (std::uint32_t k = 0; at <= text.size(); ++k) {
    std::size_t eol = text.find('\n', at);
    if (eol == std::string_view::npos) eol = text.size();
    std::size_t indent = 0;
    std::string_view content = trim_line(text.substr(at, eol - at), indent);
    Position pos = start;
    if (track_lines)
      pos = k == 0 ? offset_pos(start, indent) : Position{start.line + k, static_cast<std::uint32_t>(indent + 1)};
    lines.push_back({content, pos});
    has_bullets = has_bullets || bullet_length(content) > 0;
    at = eol + 1;
  }

  ValueItems out;
  out.is_list = has_bullets;
  std::optional<TextItem> open;
  auto close = [&] {
    if (open && !open->text.empty()) out.items.push_back(std::move(*open));
    open.reset();
  };
  bool after_blank = true;
  for (const Line& line : lines) {
    if (line.content.empty()) {
      close();
      after_blank = true;
      continue;
    }
    std::size_t bullet = has_bullets ? bullet_length(line.content) : 0;
    if (bullet > 0) {
      close();
      open = TextItem{std::string(line.content.substr(bullet)),
                      track_lines ? offset_pos(line.pos, bullet) : start};
    } else if (open && !after_blank) {
      open->text += '\n';  // a wrapped line continues its item
      open->text += line.content;
    } else {
      close();
      open = TextItem{std::string(line.content), line.pos};
    }
    after_blank = false;
  }
  close();
  return out;
}

std::vector<TextItem> split_value_lines(std::string_view text, Position start, bool track_lines,
                                        char separator) {
  std::vector<TextItem> out;
  std::size_t at = 0;
  for (std::uint32_t k = 0; at <= text.size(); ++k) {
    std::size_t eol = text.find('\n', at);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(at, eol - at);
    Position line_pos = !track_lines ? start
                        : k == 0     ? start
                                     : Position{start.line + k, 1};
    std::size_t piece_at = 0;
    while (piece_at <= line.size()) {
      std::size_t end = separator ? line.find(separator, piece_at) : std::string_view::npos;
      if (end == std::string_view::npos) end = line.size();
      std::size_t indent = 0;
      std::string_view piece = trim_line(line.substr(piece_at, end - piece_at), indent);
      std::size_t bullet = bullet_length(piece);
      piece.remove_prefix(bullet);
      if (!piece.empty())
        out.push_back({std::string(piece),
                       track_lines ? offset_pos(line_pos, piece_at + indent + bullet) : start});
      piece_at = end + 1;
    }
    at = eol + 1;
  }
  return out;
}

void shift_positions(Loaded& loaded, Position origin) {
  auto shift = [&](Position& p) {
    if (p.line == 0) {
      p = origin;
    } else if (p.line == 1) {
      p = {origin.line, origin.column + (p.column == 0 ? 0 : p.column - 1)};
    } else {
      p.line += origin.line - 1;
    }
  };
  auto shift_items = [&](std::vector<TextItem>& items) {
    for (auto& item : items) shift(item.pos);
  };
  auto shift_field = [&](Field& f) {
    shift(f.pos);
    shift_items(f.items);
  };
  Record& r = loaded.record;
  for (Field& f : r.fields) shift_field(f);
  shift_field(r.competitive_context);
  shift_field(r.relationship_history);
  shift_field(r.handoff_call);
  for (HeaderValue* h : {&r.header.account, &r.header.acv, &r.header.close_date, &r.header.ae,
                         &r.header.csm})
    shift(h->pos);
  shift(r.header.products_pos);
  shift_items(r.header.products);
  shift(r.key_contacts_pos);
  for (Contact& c : r.key_contacts) shift(c.pos);
  for (Suppression& s : r.suppressions) shift(s.pos);
  for (Finding& f : loaded.warnings) shift(f.pos);
  if (loaded.error) shift(loaded.error->pos);
}

}  // namespace handoff

// Plain-text handoffs: label lines ("Champion:", "3) Promises", "CHAMPION PROFILE") start fields,
// the lines under a label are its value. One record per file.
#include <exception>

#include "handoff/load.hpp"
#include "load/sections.hpp"

namespace handoff {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool has_visible_text(std::string_view text) {
  for (char c : text)
    if (!is_blank(c) && c != '\n') return true;
  return false;
}

// One line: a label, a suppression comment, a bullet, or prose.
void read_line(std::string_view raw, Position at, const LabelTable& labels, SectionBuilder& b) {
  std::size_t indent = 0;
  while (indent < raw.size() && is_blank(raw[indent])) ++indent;
  std::string_view body = raw.substr(indent);
  while (!body.empty() && is_blank(body.back())) body.remove_suffix(1);
  at.column += static_cast<std::uint32_t>(indent);
  auto column_of = [&](std::size_t offset) {
    return Position{at.line, at.column + static_cast<std::uint32_t>(offset)};
  };

  if (body.empty()) {
    b.end_paragraph();
    return;
  }
  if (is_comment_line(body)) {
    if (auto s = parse_suppression(body, at)) b.add_suppression(std::move(*s));
    return;  // a comment is never content
  }
  auto bullet = match_bullet(body);
  if (!bullet || bullet->numbered) {
    // Numbered lines are labels when the whole line is one ("3) Promises"), or when they
    // introduce a field not seen yet ("1. Why they bought: ..."); "2. Goals: ..." inside
    // success criteria stays content.
    if (auto label = match_label_line(body, labels)) {
      bool inline_value = label->value_offset < body.size();
      if (!bullet || !inline_value || !b.seen(label->key)) {
        b.start(label->key, at);
        if (inline_value) b.add_inline(body.substr(label->value_offset), column_of(label->value_offset));
        return;
      }
    }
  }
  if (bullet) {
    std::string_view item = body.substr(bullet->text_offset);
    // "- Account: Acme" before the first field is a header fact, not a stray bullet.
    if (!bullet->numbered && !b.in_content()) {
      if (auto label = match_label_line(item, labels);
          label && label->value_offset < item.size() && !b.seen(label->key)) {
        b.start(label->key, column_of(bullet->text_offset));
        b.add_inline(item.substr(label->value_offset),
                     column_of(bullet->text_offset + label->value_offset));
        return;
      }
    }
    b.add_bullet(item, column_of(bullet->text_offset));
    return;
  }
  b.add_line(body, at, indent > 0);
}

}  // namespace

void read_labelled_text(std::string_view text, Position origin, const LabelTable& labels,
                        SectionBuilder& builder) {
  std::size_t begin = 0;
  Position at = origin;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    read_line(text.substr(begin, end - begin), at, labels, builder);
    if (end == text.size()) break;
    begin = end + 1;
    ++at.line;
    at.column = 1;
  }
  builder.end_paragraph();
}

void load_text(const Source& src, const LoadOptions& opt, const RecordSink& sink) {
  Loaded result;
  try {
    if (opt.limits == nullptr || opt.labels == nullptr) {
      result.record.source = src.name;
      result.record.format = "text";
      result.error = LoadError{"internal error: text loader called without limits or labels", {}};
    } else {
      SectionBuilder builder(*opt.limits, src.name, "text");
      read_labelled_text(src.text, {1, 1}, *opt.labels, builder);
      result = builder.finish(has_visible_text(src.text));
    }
  } catch (const std::exception& e) {
    result = Loaded{};
    result.record.source = src.name;
    result.record.format = "text";
    result.error = LoadError{std::string("internal error while reading text: ") + e.what(), {}};
  }
  sink(std::move(result));
}

}  // namespace handoff

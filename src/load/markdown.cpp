// Markdown handoffs, parsed by cmark: label headings, bold labels ("**Champion:** ...") and label
// lines start fields; the blocks under them become the value as plain text. The tree is walked
// with loops over siblings and cmark_iter only: recursion would follow input-controlled depth.
#include <cmark.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <exception>
#include <memory>
#include <vector>

#include "handoff/load.hpp"
#include "load/markdown_guard.hpp"
#include "load/markdown_text.hpp"
#include "load/sections.hpp"

namespace handoff {
namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::size_t first_visible(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i)
    if (!is_blank(s[i]) && s[i] != '\n') return i;
  return npos;
}

std::uint32_t to_u32(int v) { return v > 0 ? static_cast<std::uint32_t>(v) : 0; }
Position node_start(cmark_node* n) {
  return {to_u32(cmark_node_get_start_line(n)), to_u32(cmark_node_get_start_column(n))};
}
std::string_view literal_of(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? std::string_view(s) : std::string_view();
}

struct IterDeleter {
  void operator()(cmark_iter* it) const { cmark_iter_free(it); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

// One source line of a paragraph or heading, markup stripped, with where its pieces came from.
struct Anchor {
  std::size_t offset;  // into MdLine::text
  Position pos;
  bool is_text;  // a text node: its literal maps onto the source byte for byte, bar escapes
};
struct MdLine {
  std::string text;
  std::vector<Anchor> anchors;
  std::size_t lead_emphasis_end = npos;  // the line opens with **bold**/_emph_ ending here
  std::uint32_t line() const { return anchors.empty() ? 0 : anchors.front().pos.line; }
};

// A finished block as one line of plain text: what list items, quotes and code become.
struct Flat {
  std::string text;
  Position pos;
};

struct LabelHit {
  FieldKey key;
  std::size_t value_offset;  // into the line's text; >= size when there is no inline value
  bool bold = false;
};

class MarkdownReader {
 public:
  MarkdownReader(std::string_view text, const LabelTable& labels, SectionBuilder& builder)
      : text_(text), labels_(labels), b_(builder) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_.push_back(i + 1);
  }

  void block(cmark_node* n) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HEADING: return heading(n);
      case CMARK_NODE_PARAGRAPH: return paragraph(n);
      case CMARK_NODE_LIST: return list(n);
      case CMARK_NODE_HTML_BLOCK: return html_block(n);
      case CMARK_NODE_BLOCK_QUOTE:
      case CMARK_NODE_CODE_BLOCK: {
        Flat f = flatten(n);
        b_.add_block(f.text, f.pos, false);
        return;
      }
      default: b_.end_paragraph(); return;
    }
  }

 private:
  std::string_view raw_line(std::uint32_t line) const {
    if (line == 0 || line > line_starts_.size()) return {};
    std::size_t begin = line_starts_[line - 1];
    std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
    return text_.substr(begin, end - begin);
  }

  Position position_at(const MdLine& l, std::size_t offset) const {
    if (l.anchors.empty()) return {};
    auto after = std::upper_bound(l.anchors.begin(), l.anchors.end(), offset,
                                  [](std::size_t o, const Anchor& a) { return o < a.offset; });
    const Anchor& a = after == l.anchors.begin() ? l.anchors.front() : *(after - 1);
    std::size_t k = offset > a.offset ? offset - a.offset : 0;
    if (!a.is_text) return {a.pos.line, a.pos.column + static_cast<std::uint32_t>(k)};
    std::size_t literal_end = after == l.anchors.end() ? l.text.size() : after->offset;
    std::string_view literal = std::string_view(l.text).substr(a.offset, literal_end - a.offset);
    return {a.pos.line, raw_column(raw_line(a.pos.line), a.pos.column, literal, k)};
  }

  // Where a line of a top-level paragraph starts in the source (its first visible byte).
  Position line_start(std::uint32_t line) const {
    std::size_t i = first_visible(raw_line(line));
    return {line, static_cast<std::uint32_t>(i == npos ? 1 : i + 1)};
  }

  // Splits a paragraph's or heading's inlines into source lines of plain text.
  std::vector<MdLine> lines_of(cmark_node* container) const {
    std::vector<MdLine> lines(1);
    cmark_node* lead = nullptr;
    bool lead_possible = true;
    IterPtr it(cmark_iter_new(container));
    for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
      cmark_node* n = cmark_iter_get_node(it.get());
      MdLine& l = lines.back();
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_STRONG:
        case CMARK_NODE_EMPH:
          if (ev == CMARK_EVENT_ENTER && lead_possible && lead == nullptr) lead = n;
          if (ev == CMARK_EVENT_EXIT && n == lead) {
            l.lead_emphasis_end = l.text.size();
            lead = nullptr;
            lead_possible = false;
          }
          break;
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE: {
          bool is_text = cmark_node_get_type(n) == CMARK_NODE_TEXT;
          Position pos = node_start(n);
          if (!is_text) {  // point past the opening backticks
            std::string_view raw = raw_line(pos.line);
            std::size_t r = pos.column > 0 ? pos.column - 1 : 0;
            while (r < raw.size() && raw[r] == '`') ++r;
            pos.column = static_cast<std::uint32_t>(r + 1);
          }
          l.anchors.push_back({l.text.size(), pos, is_text});
          l.text += literal_of(n);
          if (lead == nullptr) lead_possible = false;
          break;
        }
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          lines.emplace_back();
          lead = nullptr;
          lead_possible = true;
          break;
        default: break;  // links and images keep their text; inline HTML is dropped
      }
    }
    std::erase_if(lines, [](const MdLine& l) { return l.anchors.empty(); });
    return lines;
  }

  // The plain text of a whole block; suppression comments inside it are collected on the way.
  Flat flatten(cmark_node* root) {
    Flat f;
    bool pending_space = false;
    auto append = [&](std::string_view s) {
      for (char c : s) {
        if (is_blank(c) || c == '\n') {
          pending_space = true;
          continue;
        }
        if (pending_space && !f.text.empty()) f.text += ' ';
        pending_space = false;
        f.text += c;
      }
    };
    IterPtr it(cmark_iter_new(root));
    for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
      if (ev != CMARK_EVENT_ENTER) continue;
      cmark_node* n = cmark_iter_get_node(it.get());
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
          if (f.pos.line == 0) f.pos = node_start(n);
          pending_space = true;
          break;
        case CMARK_NODE_CODE_BLOCK:
          if (f.pos.line == 0) {
            f.pos = node_start(n);
            std::string_view raw = raw_line(f.pos.line);
            std::size_t at = first_visible(raw);
            if (at != npos && (raw.substr(at).starts_with("```") || raw.substr(at).starts_with("~~~")))
              ++f.pos.line;  // a fenced block's text starts after the fence
          }
          pending_space = true;
          append(literal_of(n));
          break;
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE: append(literal_of(n)); break;
        case CMARK_NODE_HTML_BLOCK: html_block(n); break;
        default: pending_space = true; break;
      }
    }
    return f;
  }

  std::optional<LabelHit> label_of(const MdLine& l) const {
    std::size_t start = first_visible(l.text);
    if (start == npos) return std::nullopt;
    std::size_t end = l.lead_emphasis_end;
    if (end != npos && end > start) {  // **Champion:** text / **Champion**: text / __Champion__
      std::string_view label = std::string_view(l.text).substr(start, end - start);
      std::size_t r = end;
      while (r < l.text.size() && is_blank(l.text[r])) ++r;
      bool colon = label.find_last_not_of(" \t") != npos && label[label.find_last_not_of(" \t")] == ':';
      if (!colon && r < l.text.size() && l.text[r] == ':') {
        colon = true;
        ++r;
        while (r < l.text.size() && is_blank(l.text[r])) ++r;
      }
      if (colon || r == l.text.size())
        if (auto key = labels_.match(label)) return LabelHit{*key, r, true};
    }
    if (auto m = match_label_line(std::string_view(l.text).substr(start), labels_))
      return LabelHit{m->key, start + m->value_offset, false};
    return std::nullopt;
  }

  void start_field(const MdLine& l, const LabelHit& hit, Position label_pos) {
    b_.start(hit.key, label_pos);
    if (hit.value_offset < l.text.size())
      b_.add_inline(std::string_view(l.text).substr(hit.value_offset), position_at(l, hit.value_offset));
  }

  void heading(cmark_node* n) {
    std::vector<MdLine> lines = lines_of(n);
    if (lines.empty()) return;
    // A setext heading of several lines is a paragraph that met a "---" line: front matter
    // ("---\naccount: ...\nacv: ...\n---") or facts, read line by line.
    if (lines.size() > 1) return paragraph_lines(n, lines);
    if (auto hit = label_of(lines.front())) return start_field(lines.front(), *hit, node_start(n));
    Flat f = flatten(n);  // a heading inside a field is part of its text
    if (cmark_node_get_heading_level(n) == 1 && !b_.any_label() && !title_)
      title_ = Title{f.text, position_at(lines.front(), first_visible(lines.front().text))};
    b_.add_block(f.text, position_at(lines.front(), first_visible(lines.front().text)), false);
  }

  void paragraph(cmark_node* n) { paragraph_lines(n, lines_of(n)); }

  void paragraph_lines(cmark_node* n, const std::vector<MdLine>& lines) {
    bool in_table = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const MdLine& l = lines[i];
      std::size_t start = first_visible(l.text);
      if (start == npos) continue;
      Position at = i == 0 ? node_start(n) : line_start(l.line());
      if ((in_table || !b_.in_content()) && pipe_row(l.line())) {
        in_table = true;
        continue;
      }
      if (auto hit = label_of(l)) {
        start_field(l, *hit, at);
        continue;
      }
      // "• item" and "a) item" pasted from a document are bullets to a reader, not to cmark.
      std::string_view text = std::string_view(l.text).substr(start);
      if (auto bullet = match_bullet(text)) {
        b_.add_bullet(text.substr(bullet->text_offset), position_at(l, start + bullet->text_offset));
        continue;
      }
      b_.add_line(text, position_at(l, start), false);
    }
    b_.end_paragraph();
  }

  // `| Account | Acme |` near the top: cmark 0.30 has no tables, so rows arrive as paragraph
  // lines. Returns false when the line is not a table row.
  bool pipe_row(std::uint32_t line_no) {
    auto cells = pipe_cells(raw_line(line_no));
    if (!cells) return false;
    if (cells->size() != 2) return true;  // a row, but not "label | value"
    const PipeCell& label = (*cells)[0];
    const PipeCell& value = (*cells)[1];
    auto key = labels_.match(label.text);
    if (!key || b_.seen(*key)) return true;
    b_.start(*key, {line_no, static_cast<std::uint32_t>(label.offset + 1)});
    b_.add_inline(value.text, {line_no, static_cast<std::uint32_t>(value.offset + 1)});
    return true;
  }

  // Each top-level item is one entry; nested items fold into their parent's text. An item that
  // opens with a label ("- **Champion:** ...", "- Account: Acme") starts a field instead.
  void list(cmark_node* list_node) {
    bool ordered = cmark_node_get_list_type(list_node) == CMARK_ORDERED_LIST;
    for (cmark_node* item = cmark_node_first_child(list_node); item; item = cmark_node_next(item)) {
      if (!labelled_item(item, ordered)) {
        Flat f = flatten(item);
        b_.add_block(f.text, f.pos, true);
      }
    }
    b_.end_paragraph();
  }

  bool labelled_item(cmark_node* item, bool ordered) {
    cmark_node* first = cmark_node_first_child(item);
    if (first == nullptr || cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH) return false;
    std::vector<MdLine> lines = lines_of(first);
    if (lines.empty()) return false;
    auto hit = label_of(lines.front());
    if (!hit || b_.seen(hit->key)) return false;
    bool has_value = hit->value_offset < lines.front().text.size();
    // A plain "Key: value" bullet inside a field is content ("- Goals: ..." under success criteria).
    if (!hit->bold && !ordered && (b_.in_content() || !has_value)) return false;
    start_field(lines.front(), *hit, node_start(first));
    for (std::size_t i = 1; i < lines.size(); ++i) {
      std::size_t start = first_visible(lines[i].text);
      if (start != npos)
        b_.add_line(std::string_view(lines[i].text).substr(start), position_at(lines[i], start), false);
    }
    b_.end_paragraph();
    for (cmark_node* child = cmark_node_next(first); child; child = cmark_node_next(child)) {
      if (cmark_node_get_type(child) != CMARK_NODE_LIST) {
        Flat f = flatten(child);
        b_.add_block(f.text, f.pos, false);
        continue;
      }
      for (cmark_node* sub = cmark_node_first_child(child); sub; sub = cmark_node_next(sub)) {
        Flat f = flatten(sub);
        b_.add_block(f.text, f.pos, true);
      }
    }
    return true;
  }

  // Suppression comments; any other HTML is not handoff text.
  void html_block(cmark_node* n) {
    Position at = node_start(n);
    std::string_view html = literal_of(n);
    std::size_t begin = 0;
    for (std::uint32_t i = 0; begin < html.size(); ++i) {
      std::size_t end = std::min(html.find('\n', begin), html.size());
      if (auto s = parse_suppression(html.substr(begin, end - begin), {at.line + i, at.column}))
        b_.add_suppression(std::move(*s));
      begin = end + 1;
    }
  }

  std::string_view text_;
  const LabelTable& labels_;
  SectionBuilder& b_;
  std::vector<std::size_t> line_starts_;

 public:
  // "# Handoff: Acme Corp" names the account when no Account label does.
  struct Title {
    std::string text;
    Position pos;
  };
  std::optional<Title> title_;
};

// The account in a record's title: the part of "Handoff: Acme", "Acme - CS handoff" or "Acme"
// that is not about the handoff itself. Empty when that part is not clear.
std::string account_from_title(std::string_view title) {
  auto about_handoff = [](std::string_view part) {
    std::string lower;
    for (char c : part) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::string_view word : {"handoff", "hand-off", "hand off", "handover", "transition"})
      if (lower.find(word) != std::string::npos) return true;
    return false;
  };
  auto trim = [](std::string_view t) {
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    return t;
  };
  std::vector<std::string_view> parts;
  std::size_t from = 0;
  for (std::size_t i = 0; i < title.size(); ++i) {
    std::size_t sep = 0;
    if (title[i] == ':' || title[i] == '|') sep = 1;
    else if (title.substr(i, 3) == " - ") sep = 3;
    else if (title.substr(i, 5) == " \xE2\x80\x93 " || title.substr(i, 5) == " \xE2\x80\x94 ") sep = 5;
    if (!sep) continue;
    parts.push_back(trim(title.substr(from, i - from)));
    from = i + sep;
    i = from - 1;
  }
  parts.push_back(trim(title.substr(from)));
  std::string_view account;
  for (std::string_view part : parts) {
    if (part.empty() || about_handoff(part)) continue;
    if (!account.empty()) return {};  // two candidates: do not guess
    account = part;
  }
  return std::string(account);
}

bool has_visible_text(std::string_view text) { return first_visible(text) != npos; }

Loaded read_markdown(const Source& src, const LoadOptions& opt) {
  SectionBuilder builder(*opt.limits, src.name, "markdown");
  if (auto err = check_markdown_limits(src.text, *opt.limits)) {
    builder.fail(std::move(*err));
    return builder.finish(true);
  }
  std::unique_ptr<cmark_node, NodeDeleter> doc(
      cmark_parse_document(src.text.data(), src.text.size(), CMARK_OPT_SOURCEPOS));
  if (!doc) {
    builder.fail({"the Markdown parser failed on this file", {}});
    return builder.finish(true);
  }
  MarkdownReader reader(src.text, *opt.labels, builder);
  for (cmark_node* n = cmark_node_first_child(doc.get()); n; n = cmark_node_next(n)) reader.block(n);
  if (reader.title_ && builder.any_label() && !builder.seen(FieldKey::account)) {
    std::string account = account_from_title(reader.title_->text);
    if (!account.empty()) {
      builder.start(FieldKey::account, reader.title_->pos);
      builder.add_inline(account, reader.title_->pos);
    }
  }
  return builder.finish(has_visible_text(src.text));
}

}  // namespace

void load_markdown(const Source& src, const LoadOptions& opt, const RecordSink& sink) {
  Loaded result;
  try {
    if (opt.limits == nullptr || opt.labels == nullptr) {
      result.error = LoadError{"internal error: Markdown loader called without limits or labels", {}};
    } else {
      result = read_markdown(src, opt);
    }
  } catch (const std::exception& e) {
    result = Loaded{};
    result.error = LoadError{std::string("internal error while reading Markdown: ") + e.what(), {}};
  }
  result.record.source = src.name;
  result.record.format = "markdown";
  sink(std::move(result));
}

}  // namespace handoff

// Label lines and section assembly shared by the plain-text and Markdown loaders (and CRM
// notes cells): which line starts a field, and how the content under it becomes a Field.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "handoff/load.hpp"
#include "load/record_builder.hpp"

namespace handoff {

// A label at the start of a line of plain text.
struct LabelLine {
  FieldKey key;
  std::size_t value_offset = 0;  // where the inline value starts; == line size when there is none
};

// "Champion:", "Why they bought: text...", "Field 1: Buying motivation (real reason)",
// "CHAMPION PROFILE", "3) Promises", "Red flags & risks -". The label is the part before the
// first (or, after "Field 1:" numbering, the second) colon, or the whole short line. Ordinary
// sentences that contain a colon do not match. `line` must not start with whitespace.
std::optional<LabelLine> match_label_line(std::string_view line, const LabelTable& labels);

// A list marker at the start of `line`: "•", "-", "*", "–", "1.", "2)", "a)" and a space.
struct BulletMarker {
  std::size_t text_offset = 0;  // where the item's text starts
  bool numbered = false;        // "1." / "2)" / "a)"
};
std::optional<BulletMarker> match_bullet(std::string_view line);

// `<!-- handoff-lint: disable HL301 HL302 -- reason -->` or `... disable=HL301,HL302 ...` as a
// whole (trimmed) line. The scope is left unset; the caller knows which field it sits in.
std::optional<Suppression> parse_suppression(std::string_view line, Position pos);

// True for a line that is only an HTML comment (never content, whatever it says).
bool is_comment_line(std::string_view trimmed_line);

// Header facts that are one value ("Account: Acme"), not a block of text.
bool is_single_value_key(FieldKey key);

// Fills one Record section by section. A loader reports what it sees, in source order: a
// label starts a section, content goes to the open section, text before the first label is
// dropped. Duplicates, size limits and the "no labels" error are handled here, once.
class SectionBuilder {
 public:
  SectionBuilder(const Limits& limits, std::string source, std::string format);

  // A label: closes the open section and opens `key`. A key seen before is reported (HL902,
  // both lines) and what follows it is dropped until the next label.
  void start(FieldKey key, Position label_pos);
  // The value written on the label's own line.
  void add_inline(std::string_view text, Position pos);
  // A bullet item: always a new item; the value becomes a list.
  void add_bullet(std::string_view text, Position pos);
  // A line of prose: joins the open item with a space, or starts a paragraph item. In key
  // contacts and products every unindented line is its own item.
  void add_line(std::string_view text, Position pos, bool indented);
  // A finished block (Markdown quote, code block, heading, list item) as one item.
  void add_block(std::string_view text, Position pos, bool bullet);
  // A blank line or block boundary: the next prose line starts a new item.
  void end_paragraph() { item_open_ = false; }
  // Scoped to the open field's category; before the first field (or in a header fact), the record.
  void add_suppression(Suppression s);
  // Keeps the first error; the record's gate becomes "error".
  void fail(LoadError error);

  // True while content goes to a section (after a label, unless a one-line header fact closed it).
  bool in_content() const { return current_.has_value() && !closed_; }
  bool seen(FieldKey key) const { return first_label_[static_cast<std::size_t>(key)].has_value(); }
  bool any_label() const { return any_label_; }

  // The record, or an error record: "file has no content" when `has_text` is false, "no
  // handoff fields found" when no label was seen.
  Loaded finish(bool has_text);

 private:
  void add_item(std::string_view text, Position pos, bool bullet);
  void flush();

  static constexpr std::size_t kKeyCount = 17;
  const Limits& limits_;
  Loaded out_;
  std::optional<FieldKey> current_;
  Position label_pos_;
  bool closed_ = false;    // a one-line header fact got its value; the rest is dropped
  bool dropped_ = false;   // duplicate label or size limit: content is not kept
  bool item_open_ = false;
  bool item_is_bullet_ = false;
  bool any_label_ = false;
  std::size_t value_bytes_ = 0;
  FieldValue value_;
  std::array<std::optional<Position>, kKeyCount> first_label_{};
};

// Reads labelled plain text (a .txt handoff, or a CRM notes cell) into `builder`. `origin` is
// where the text's first byte sits in its file; every later line starts at column 1.
void read_labelled_text(std::string_view text, Position origin, const LabelTable& labels,
                        SectionBuilder& builder);

}  // namespace handoff

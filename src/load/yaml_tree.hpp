// A small, safe YAML document tree shared by the record loader and the config loader.
//
// yaml-cpp 0.7 is used only through its event API, one document at a time, behind a linear
// pre-scan of the text. Together they refuse what yaml-cpp handles badly: deep nesting (its
// own guard throws a bare "bad file"), aliases (shared nodes make cycles and alias bombs),
// huge flow collections (tokenised whole, ~240 bytes of memory per input byte), unterminated
// quotes (accepted, swallowing the rest of the file) and tab indentation. Duplicate mapping
// keys keep the first value and are reported. A text in the plain subset most records use is
// read by the fast path (yaml_fast.hpp) instead, into the same tree builder, behind the same
// pre-scan.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handoff/diagnostic.hpp"
#include "handoff/load.hpp"
#include "handoff/record.hpp"

namespace handoff::yaml {

enum class NodeKind : std::uint8_t { null, scalar, sequence, mapping };
enum class ScalarStyle : std::uint8_t { plain, single_quoted, double_quoted, literal, folded };

struct Node {
  NodeKind kind = NodeKind::null;
  ScalarStyle style = ScalarStyle::plain;  // scalars only
  Position pos;                            // 1-based; for a block scalar, its '|' or '>'
  std::size_t offset = 0;                  // byte offset of `pos` in the text
  std::string value;                       // scalars only
  std::vector<Node> children;              // sequence: items; mapping: key, value, key, value...

  Node() = default;
  Node(Node&&) noexcept = default;
  Node& operator=(Node&&) noexcept = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;
  // Destruction recurses once per nesting level; the parser never builds a tree deeper than
  // Limits::max_yaml_depth, and config caps that well below yaml-cpp's own guard of 500.
  ~Node() = default;

  bool is_null() const { return kind == NodeKind::null; }
  bool is_scalar() const { return kind == NodeKind::scalar; }
  bool is_sequence() const { return kind == NodeKind::sequence; }
  bool is_mapping() const { return kind == NodeKind::mapping; }
  bool is_plain() const { return is_scalar() && style == ScalarStyle::plain; }
  bool is_block() const {
    return is_scalar() && (style == ScalarStyle::literal || style == ScalarStyle::folded);
  }

  std::size_t entry_count() const { return is_mapping() ? children.size() / 2 : 0; }
  const Node& entry_key(std::size_t i) const { return children[2 * i]; }
  const Node& entry_value(std::size_t i) const { return children[2 * i + 1]; }
};

// "a scalar", "a list", "a mapping", "an empty value": for messages.
std::string_view kind_phrase(const Node& node);

struct DuplicateKey {
  std::string key;
  Position first;   // the key that is kept
  Position second;  // the key whose value was dropped
};

struct Document {
  Node root;
  Position start;  // the document's first line ("---" or its first token)
  std::size_t start_offset = 0;
  std::vector<DuplicateKey> duplicates;
};

// A '#' comment outside quotes and block scalars, found by the pre-scan.
struct Comment {
  Position pos;                         // of the '#'
  std::string_view text;                // after the '#', to the end of the line (a view of the
                                        // text given to the reader: valid while that text is)
  bool own_line = false;                // nothing but spaces before it on its line
  std::uint32_t next_content_line = 0;  // own-line comments: the next line with content (0: none)
};

// Reads the documents of one YAML stream in order. The pre-scan runs in the constructor;
// a problem it finds is reported after the documents that precede it have been read.
class DocumentReader {
 public:
  DocumentReader(std::string_view text, const Limits& limits);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Fills `doc` with the next document. Returns false at the end of the stream or on an
  // error; error() tells which. Never throws.
  bool next(Document& doc);
  const std::optional<LoadError>& error() const { return error_; }
  // True when a "---" document marker starts a line after the error's position: the
  // failed document was not the only one in the file.
  bool more_documents_after_error() const;

  const std::vector<Comment>& comments() const { return comments_; }

 private:
  struct Impl;
  std::string_view text_;
  const Limits& limits_;
  std::vector<Comment> comments_;
  std::optional<LoadError> prescan_error_;
  std::size_t prescan_error_offset_ = 0;
  std::size_t parse_end_ = 0;  // yaml-cpp sees text_[0, parse_end_) only
  std::optional<LoadError> error_;
  std::size_t error_offset_ = 0;
  std::unique_ptr<Impl> impl_;
  std::optional<std::size_t> last_start_offset_;  // to notice yaml-cpp making no progress
  bool done_ = false;
  // The fast path (yaml_fast.hpp) is tried once, on a text the pre-scan passed whole.
  bool read_simple(Document& doc) const;
  bool fast_tried_ = false;
  bool fast_done_ = false;
};

// The linear byte pre-scan (yaml_prescan.cpp). Collects comments; on a problem sets `error`,
// `error_offset` and `safe_prefix` (the offset of the "---" line that starts the document
// holding the problem, or 0), so the documents before it can still be parsed.
struct PrescanResult {
  std::vector<Comment> comments;
  std::optional<LoadError> error;
  std::size_t error_offset = 0;
  std::size_t safe_prefix = 0;
};
PrescanResult prescan(std::string_view text, const Limits& limits);

// True when `offset` is followed, at the start of some later line, by a "---" marker.
bool document_marker_after(std::string_view text, std::size_t offset);

// The paragraphs of a block scalar ('|' or '>'), split on blank lines, each with the line and
// column where its text starts. `owner_column` is the 1-based column of the key or "- " that
// owns the scalar (0 at document level). Any other node yields its trimmed value as one item.
std::vector<TextItem> block_paragraphs(std::string_view text, const Node& node,
                                       std::uint32_t owner_column);

// Booleans as YAML 1.1 and 1.2 spell them in plain scalars: true/false/yes/no/on/off.
std::optional<bool> plain_bool(const Node& node);
// A plain scalar that reads as a number (42, -3.5, 1e6, 0x1F).
bool is_plain_number(const Node& node);

}  // namespace handoff::yaml

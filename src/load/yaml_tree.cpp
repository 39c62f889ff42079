// Builds yaml::Document trees from yaml-cpp's event API (see yaml_tree.hpp).
#include "load/yaml_tree.hpp"

#include "load/yaml_fast.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cassert>
#include <cctype>
#include <charconv>
#include <istream>
#include <new>
#include <streambuf>
#include <string>
#include <unordered_map>

namespace handoff::yaml {
namespace {

// yaml-cpp's DepthGuard throws at this nesting; the tree can never be deeper.
[[maybe_unused]] constexpr std::size_t kYamlCppDepthGuard = 500;

Position position_of(const YAML::Mark& mark) {
  if (mark.is_null() || mark.line < 0 || mark.column < 0) return {};
  return {static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1)};
}

// An istream over a string_view, so yaml-cpp reads the source without a copy.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // read-only: no put area is set
    setg(begin, begin, begin + text.size());
  }
};

// Thrown by the event handler to stop yaml-cpp once it has recorded an error.
struct AbortParse {};

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, const Limits& limits, Document& doc)
      : text_(text), limits_(limits), doc_(doc) {}

  std::optional<LoadError> error;
  std::size_t error_offset = 0;

  void OnDocumentStart(const YAML::Mark& mark) override {
    doc_.start = position_of(mark);
    doc_.start_offset = mark.pos > 0 ? static_cast<std::size_t>(mark.pos) : 0;
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    place(make(NodeKind::null, mark), false);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    fail(make(NodeKind::null, mark), "YAML aliases (*name) are not supported in handoff records");
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    Node node = make(NodeKind::scalar, mark);
    node.style = tag == "?" ? ScalarStyle::plain : style_at(node.offset);
    node.value = value;
    place(std::move(node), false);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    place(make(NodeKind::sequence, mark), true);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    place(make(NodeKind::mapping, mark), true);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    Node* node;
    bool expect_key = true;
    bool drop_value = false;  // the key was a duplicate: its value is built, then dropped
    std::unordered_map<std::string, Position> keys;
  };

  static Node make(NodeKind kind, const YAML::Mark& mark) {
    Node node;
    node.kind = kind;
    node.pos = position_of(mark);
    node.offset = mark.pos > 0 ? static_cast<std::size_t>(mark.pos) : 0;
    return node;
  }

  // yaml-cpp only says "plain" or "not plain"; the character at the node, after any anchor
  // or tag, says which kind of quote or block it is.
  ScalarStyle style_at(std::size_t p) const {
    while (p < text_.size() && (text_[p] == '&' || text_[p] == '!')) {
      while (p < text_.size() && !std::isspace(static_cast<unsigned char>(text_[p]))) ++p;
      while (p < text_.size() && std::isspace(static_cast<unsigned char>(text_[p]))) ++p;
    }
    if (p >= text_.size()) return ScalarStyle::plain;
    switch (text_[p]) {
      case '\'':
        return ScalarStyle::single_quoted;
      case '"':
        return ScalarStyle::double_quoted;
      case '|':
        return ScalarStyle::literal;
      case '>':
        return ScalarStyle::folded;
      default:
        return ScalarStyle::plain;
    }
  }

  void place(Node node, bool container) {
    if (++node_count_ > limits_.max_yaml_nodes)
      fail(node, "the document has more than " + std::to_string(limits_.max_yaml_nodes) +
                     " YAML values (max_yaml_nodes)");
    if (container && stack_.size() + 1 > limits_.max_yaml_depth)
      fail(node, "YAML nesting is deeper than " + std::to_string(limits_.max_yaml_depth) +
                     " levels (max_yaml_depth)");
    Node* placed = nullptr;
    if (stack_.empty()) {
      doc_.root = std::move(node);
      placed = &doc_.root;
    } else {
      // Only the innermost open node grows, so the Node* of every open ancestor stays valid.
      auto& siblings = stack_.back().node->children;
      siblings.push_back(std::move(node));
      placed = &siblings.back();
    }
    if (container) {
      stack_.push_back(Frame{placed, true, false, {}});
      assert(stack_.size() < kYamlCppDepthGuard);
    } else {
      child_done();
    }
  }

  void close() {
    if (!stack_.empty()) stack_.pop_back();
    child_done();
  }

  // A child of the innermost open node is complete: track mapping keys and duplicates.
  void child_done() {
    if (stack_.empty() || !stack_.back().node->is_mapping()) return;
    Frame& frame = stack_.back();
    auto& children = frame.node->children;
    if (!frame.expect_key) {
      frame.expect_key = true;
      if (frame.drop_value) children.pop_back();
      frame.drop_value = false;
      return;
    }
    frame.expect_key = false;
    const Node& key = children.back();
    if (!key.is_scalar()) return;
    auto [first, inserted] = frame.keys.try_emplace(key.value, key.pos);
    if (inserted) return;
    doc_.duplicates.push_back({key.value, first->second, key.pos});
    children.pop_back();
    frame.drop_value = true;
  }

  [[noreturn]] void fail(const Node& at, std::string message) {
    error = LoadError{std::move(message), at.pos};
    error_offset = at.offset;
    throw AbortParse{};
  }

  std::string_view text_;
  const Limits& limits_;
  Document& doc_;
  std::vector<Frame> stack_;
  std::size_t node_count_ = 0;
};

std::string syntax_message(const std::string& msg) {
  std::string out = "YAML syntax error: " + msg;
  if (msg == "illegal map value")
    out += " (a value that contains \": \" must be quoted, or start on its own line)";
  return out;
}

}  // namespace

struct DocumentReader::Impl {
  explicit Impl(std::string_view text) : buffer(text), stream(&buffer), parser(stream) {}
  ViewBuffer buffer;
  std::istream stream;
  YAML::Parser parser;
};

DocumentReader::DocumentReader(std::string_view text, const Limits& limits)
    : text_(text), limits_(limits) {
  PrescanResult scan = prescan(text, limits);
  comments_ = std::move(scan.comments);
  prescan_error_ = std::move(scan.error);
  prescan_error_offset_ = scan.error_offset;
  parse_end_ = prescan_error_ ? scan.safe_prefix : text.size();
}

DocumentReader::~DocumentReader() = default;

bool DocumentReader::next(Document& doc) {
  if (done_) return false;
  doc = Document{};
  auto finish = [&](std::optional<LoadError> err, std::size_t offset) {
    done_ = true;
    impl_.reset();
    error_ = std::move(err);
    error_offset_ = offset;
    return false;
  };
  auto finish_stream = [&] { return finish(prescan_error_, prescan_error_offset_); };
  if (parse_end_ == 0 || fast_done_) return finish_stream();
  if (!fast_tried_ && parse_end_ == text_.size()) {
    fast_tried_ = true;
    if (read_simple(doc)) {
      fast_done_ = true;
      return true;
    }
    doc = Document{};
  }
  std::optional<TreeBuilder> builder;
  try {
    if (!impl_) impl_ = std::make_unique<Impl>(text_.substr(0, parse_end_));
    builder.emplace(text_, limits_, doc);
    if (!impl_->parser.HandleNextDocument(*builder)) return finish_stream();
    // yaml-cpp 0.7 can return the same empty document forever on some malformed input
    // (e.g. a tab inside a flow mapping): a document must start after the previous one.
    if (last_start_offset_ && doc.start_offset <= *last_start_offset_)
      return finish(LoadError{"YAML syntax error: the parser cannot continue here", doc.start},
                    doc.start_offset);
    last_start_offset_ = doc.start_offset;
    return true;
  } catch (const AbortParse&) {
    if (builder && builder->error) return finish(builder->error, builder->error_offset);
    return finish(LoadError{"YAML parse stopped", {}}, 0);
  } catch (const YAML::DeepRecursion& e) {
    return finish(LoadError{"YAML nesting is too deep for the parser", position_of(e.mark)},
                  e.mark.pos > 0 ? static_cast<std::size_t>(e.mark.pos) : 0);
  } catch (const YAML::ParserException& e) {
    return finish(LoadError{syntax_message(e.msg), position_of(e.mark)},
                  e.mark.pos > 0 ? static_cast<std::size_t>(e.mark.pos) : 0);
  } catch (const std::bad_alloc&) {
    return finish(LoadError{"out of memory while reading the YAML document", {}}, 0);
  } catch (const std::exception& e) {
    return finish(LoadError{std::string("YAML error: ") + e.what(), {}}, 0);
  }
}

bool DocumentReader::read_simple(Document& doc) const {
  try {
    TreeBuilder builder(text_, limits_, doc);
    return emit_simple_document(text_, builder, limits_.max_yaml_depth);
  } catch (...) {
    return false;  // a limit the tree enforces: yaml-cpp reads it again and reports it
  }
}

bool DocumentReader::more_documents_after_error() const {
  return document_marker_after(text_, error_offset_);
}

std::string_view kind_phrase(const Node& node) {
  switch (node.kind) {
    case NodeKind::null:
      return "an empty value";
    case NodeKind::scalar:
      return "text";
    case NodeKind::sequence:
      return "a list";
    case NodeKind::mapping:
      return "a mapping";
  }
  return "a value";
}

namespace {

bool is_space_only(std::string_view s) {
  return s.find_first_not_of(" \t") == std::string_view::npos;
}

std::string trimmed(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\n");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\n");
  return std::string(s.substr(b, e - b + 1));
}

// The value's paragraphs: a literal block keeps its line breaks, so paragraphs are runs of
// non-blank lines; a folded block has already joined each paragraph into one line.
struct ValueParagraph {
  std::string text;
  std::uint32_t first_line = 0;  // 0-based line of the value it starts on
};
std::vector<ValueParagraph> value_paragraphs(std::string_view value, bool literal) {
  std::vector<ValueParagraph> out;
  bool in_paragraph = false;
  std::uint32_t line = 0;
  std::size_t at = 0;
  while (at <= value.size()) {
    std::size_t eol = value.find('\n', at);
    if (eol == std::string_view::npos) eol = value.size();
    std::string_view text = value.substr(at, eol - at);
    if (is_space_only(text)) {
      in_paragraph = false;
    } else if (literal && in_paragraph) {
      out.back().text += '\n';
      out.back().text += text;
    } else {
      out.push_back({std::string(text), line});
      in_paragraph = true;
    }
    at = eol + 1;
    ++line;
  }
  for (auto& p : out) p.text = trimmed(p.text);
  return out;
}

}  // namespace

std::vector<TextItem> block_paragraphs(std::string_view text, const Node& node,
                                       std::uint32_t owner_column) {
  if (!node.is_block()) {
    std::string value = trimmed(node.value);
    if (value.empty()) return {};
    return {TextItem{std::move(value), node.pos}};
  }
  // Find the indicator line's end, past any anchor or tag.
  std::uint32_t line = node.pos.line;
  std::size_t p = node.offset;
  while (p < text.size() && text[p] != '|' && text[p] != '>') {
    if (text[p] == '\n') ++line;
    ++p;
  }
  std::size_t at = text.find('\n', p);
  // The body: blank lines, and lines indented like its first line (deeper than the owner).
  std::vector<Position> starts;
  long indent = -1;
  bool after_blank = true;
  while (at != std::string_view::npos && at < text.size()) {
    ++at;
    ++line;
    std::size_t eol = text.find('\n', at);
    std::string_view body_line = text.substr(at, eol == std::string_view::npos ? eol : eol - at);
    at = eol;
    std::size_t spaces = body_line.find_first_not_of(' ');
    if (spaces == std::string_view::npos || is_space_only(body_line)) {
      after_blank = true;
      continue;
    }
    auto this_indent = static_cast<long>(spaces);
    if (indent < 0) {
      if (this_indent < static_cast<long>(owner_column)) break;
      indent = this_indent;
    }
    if (this_indent < indent) break;
    if (after_blank) starts.push_back({line, static_cast<std::uint32_t>(indent + 1)});
    after_blank = false;
  }
  bool literal = node.style == ScalarStyle::literal;
  auto paragraphs = value_paragraphs(node.value, literal);
  std::vector<TextItem> items;
  std::uint32_t first_body_line = node.pos.line + 1;
  std::uint32_t column = indent < 0 ? 1 : static_cast<std::uint32_t>(indent + 1);
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    Position pos;
    if (literal) {
      // A literal block keeps every line, so the value's line count is the source's.
      pos = {first_body_line + paragraphs[i].first_line, column};
    } else if (paragraphs.size() == starts.size()) {
      pos = starts[i];
    } else {
      pos = starts.empty() ? Position{first_body_line, column}
                           : starts[std::min(i, starts.size() - 1)];
    }
    items.push_back({std::move(paragraphs[i].text), pos});
  }
  return items;
}

std::optional<bool> plain_bool(const Node& node) {
  if (!node.is_plain()) return std::nullopt;
  std::string lower;
  for (char c : node.value) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "true" || lower == "yes" || lower == "on") return true;
  if (lower == "false" || lower == "no" || lower == "off") return false;
  return std::nullopt;
}

bool is_plain_number(const Node& node) {
  if (!node.is_plain() || node.value.empty() || node.value.size() > 64) return false;
  std::string_view v = node.value;
  if (v.starts_with("0x") || v.starts_with("0o")) {
    v.remove_prefix(2);
    if (v.empty()) return false;
    for (char c : v)
      if (std::isxdigit(static_cast<unsigned char>(c)) == 0) return false;
    return true;
  }
  if (v.starts_with('+')) v.remove_prefix(1);
  std::string_view digits = v.starts_with('-') || v.starts_with('.') ? v.substr(1) : v;
  if (digits.empty() || std::isdigit(static_cast<unsigned char>(digits.front())) == 0) return false;
  double parsed = 0;
  auto res = std::from_chars(v.data(), v.data() + v.size(), parsed);
  return res.ec == std::errc() && res.ptr == v.data() + v.size();
}

}  // namespace handoff::yaml

// The linear byte pre-scan that runs before yaml-cpp sees a YAML stream (see yaml_tree.hpp).
//
// It is not a YAML parser: it tracks just enough state (quotes, flow brackets, block scalar
// bodies, the columns of block indicators) to find comments and to refuse, with a line
// number, what yaml-cpp would crash on, swallow, or blow up in memory. Where it has to guess
// it errs on the side of letting the text through: the event pass enforces the exact limits.
#include <string>

#include "load/yaml_tree.hpp"

namespace handoff::yaml {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// "---" or "..." at the start of a line, followed by nothing or whitespace.
bool is_marker(std::string_view line, std::string_view marker) {
  return line.starts_with(marker) && (line.size() == 3 || is_blank(line[3]) || line[3] == '\n');
}

class Prescanner {
 public:
  Prescanner(std::string_view text, const Limits& limits) : text_(text), limits_(limits) {}

  PrescanResult run() {
    std::size_t at = 0;
    while (at < text_.size() && !result_.error) {
      std::size_t eol = text_.find('\n', at);
      if (eol == std::string_view::npos) eol = text_.size();
      line_start_ = at;
      line_has_content_ = false;
      std::string_view line = text_.substr(at, eol - at);
      if (quote_ != 0) {
        line_has_content_ = true;
        scan(line, 0);
      } else if (!(in_block_scalar_ && block_body_line(line))) {
        scan_line(line);
      }
      if (line_has_content_) resolve_pending_comments();
      if (flow_depth_ > 0) check_flow_bytes(eol);
      at = eol + 1;
      ++line_;
    }
    if (!result_.error && quote_ != 0) {
      fail(quote_pos_, quote_offset_,
           std::string("unterminated quoted value: the ") + (quote_ == '"' ? "\"" : "'") +
               " opened here is never closed, so the rest of the file would be read as part "
               "of this value");
    }
    if (!result_.error && flow_depth_ > 0) check_flow_bytes(text_.size());
    return std::move(result_);
  }

 private:
  // A line outside quotes and block scalar bodies.
  void scan_line(std::string_view line) {
    std::size_t p = 0;
    if (flow_depth_ == 0) {
      if (line.starts_with("%")) return;  // a directive such as %YAML 1.2
      if (is_marker(line, "---") || is_marker(line, "...")) {
        block_columns_.clear();
        if (line.starts_with("---")) last_marker_offset_ = line_start_;
        line_has_content_ = true;
        value_start_ = line.starts_with("---");
        scan(line, 3);
        return;
      }
      while (p < line.size() && line[p] == ' ') ++p;
      std::size_t first = p;
      while (first < line.size() && is_blank(line[first])) ++first;
      bool has_token = first < line.size() && line[first] != '#';
      if (has_token && first > p) {
        fail({line_, static_cast<std::uint32_t>(p + 1)}, line_start_ + p,
             "a tab is used for indentation; YAML indents with spaces only");
        return;
      }
      // A more-indented line after an unfinished plain value continues that value: a quote
      // or dash at its start is text, not a new node.
      bool continuation =
          has_token && in_plain_ && (block_columns_.empty() || p > block_columns_.back());
      if (!continuation) {
        value_start_ = true;
        in_plain_ = false;
      }
    }
    scan(line, p);
  }

  // Characters from `p` to the end of the line, in whatever state the previous line left.
  void scan(std::string_view line, std::size_t p) {
    while (p < line.size() && !result_.error) {
      char c = line[p];
      if (quote_ != 0) {
        p = scan_quoted(line, p);
        continue;
      }
      if (is_blank(c)) {
        ++p;
        continue;
      }
      if (c == '#' && (p == 0 || is_blank(line[p - 1]))) {
        add_comment(line, p);
        in_plain_ = false;  // a comment ends a plain value
        return;
      }
      line_has_content_ = true;
      char next = p + 1 < line.size() ? line[p + 1] : '\n';
      if (value_start_) {
        token_column_ = p;
        if (c == '\'' || c == '"') {
          in_plain_ = false;
          quote_ = c;
          quote_pos_ = {line_, static_cast<std::uint32_t>(p + 1)};
          quote_offset_ = line_start_ + p;
          value_start_ = false;
          ++p;
          continue;
        }
        if (c == '*') {
          fail({line_, static_cast<std::uint32_t>(p + 1)}, line_start_ + p,
               "YAML aliases (*name) are not supported in handoff records");
          return;
        }
        if (c == '&' || c == '!') {  // an anchor or a tag: the value follows it
          while (p < line.size() && !is_blank(line[p])) ++p;
          continue;
        }
        if (flow_depth_ == 0 && (c == '|' || c == '>')) {
          start_block_scalar(line, p);
          return;
        }
        if (flow_depth_ == 0 && (c == '-' || c == '?' || c == ':') && is_blank_or_end(next)) {
          in_plain_ = false;
          if (c != ':') open_block(p);
          ++p;
          continue;
        }
        if (c != '[' && c != '{') {
          value_start_ = false;
          after_quote_ = false;
          in_plain_ = true;
        }
      }
      if (c == '[' || c == '{') {
        if (flow_depth_ > 0 || value_start_) {
          open_flow(p);
          value_start_ = true;
          in_plain_ = false;
        }
      } else if (flow_depth_ > 0 && (c == ']' || c == '}')) {
        close_flow(p);
        value_start_ = false;
        in_plain_ = false;
        after_quote_ = true;  // "]:" and "}:" in flow read like a quoted key
        ++p;
        continue;
      } else if (flow_depth_ > 0 && c == ',') {
        value_start_ = true;
        in_plain_ = false;
      } else if (c == ':') {
        bool indicator =
            is_blank_or_end(next) ||
            (flow_depth_ > 0 && (after_quote_ || next == ',' || next == ']' || next == '}'));
        if (indicator) {
          if (flow_depth_ == 0) open_block(token_column_);  // a mapping key starts there
          value_start_ = true;
          in_plain_ = false;
        }
      }
      after_quote_ = false;
      ++p;
    }
  }

  static bool is_blank_or_end(char c) { return c == ' ' || c == '\t' || c == '\n'; }

  std::size_t scan_quoted(std::string_view line, std::size_t p) {
    char c = line[p];
    if (quote_ == '\'' && c == '\'') {
      if (p + 1 < line.size() && line[p + 1] == '\'') return p + 2;  // '' is an escaped quote
      return close_quote(p);
    }
    if (quote_ == '"') {
      if (c == '\\') return p + 2;  // an escape, possibly of the line break
      if (c == '"') return close_quote(p);
    }
    return p + 1;
  }

  std::size_t close_quote(std::size_t p) {
    quote_ = 0;
    after_quote_ = true;
    return p + 1;
  }

  void start_block_scalar(std::string_view line, std::size_t p) {
    in_block_scalar_ = true;
    block_parent_ = block_columns_.empty() ? -1 : static_cast<long>(block_columns_.back());
    block_indent_ = -1;
    value_start_ = false;
    for (std::size_t q = p + 1; q < line.size(); ++q)
      if (line[q] == '#' && is_blank(line[q - 1])) {
        add_comment(line, q);
        break;
      }
  }

  // True when `line` belongs to the body of the block scalar being read.
  bool block_body_line(std::string_view line) {
    if (is_marker(line, "---") || is_marker(line, "...")) {
      in_block_scalar_ = false;
      return false;
    }
    std::size_t spaces = 0;
    while (spaces < line.size() && line[spaces] == ' ') ++spaces;
    if (spaces == line.size()) return true;  // blank lines belong to the body
    auto indent = static_cast<long>(spaces);
    if (block_indent_ < 0 && indent > block_parent_) block_indent_ = indent;
    if (block_indent_ >= 0 && indent >= block_indent_) {
      line_has_content_ = true;
      return true;
    }
    in_block_scalar_ = false;
    return false;
  }

  // A block collection (sequence entry or mapping key) at `column` of this line.
  void open_block(std::size_t column) {
    auto col = static_cast<std::uint32_t>(column);
    while (!block_columns_.empty() && block_columns_.back() > col) block_columns_.pop_back();
    if (block_columns_.empty() || block_columns_.back() < col) {
      block_columns_.push_back(col);
      check_depth(column);
    }
  }

  void open_flow(std::size_t p) {
    if (flow_depth_ == 0) {
      flow_start_offset_ = line_start_ + p;
      flow_start_pos_ = {line_, static_cast<std::uint32_t>(p + 1)};
    }
    ++flow_depth_;
    check_depth(p);
  }

  void close_flow(std::size_t p) {
    --flow_depth_;
    if (flow_depth_ == 0) check_flow_bytes(line_start_ + p + 1);
  }

  void check_depth(std::size_t column) {
    std::size_t depth = block_columns_.size() + flow_depth_;
    if (depth <= limits_.max_yaml_depth) return;
    fail({line_, static_cast<std::uint32_t>(column + 1)}, line_start_ + column,
         "YAML nesting is deeper than " + std::to_string(limits_.max_yaml_depth) +
             " levels (max_yaml_depth)");
  }

  void check_flow_bytes(std::size_t end_offset) {
    if (result_.error || end_offset - flow_start_offset_ <= limits_.max_yaml_flow_bytes) return;
    fail(flow_start_pos_, flow_start_offset_,
         "a flow collection ([...] or {...}) starting here is longer than " +
             std::to_string(limits_.max_yaml_flow_bytes) +
             " bytes (max_yaml_flow_bytes); write it as an indented list or mapping");
  }

  void add_comment(std::string_view line, std::size_t p) {
    std::size_t first = 0;
    while (first < p && is_blank(line[first])) ++first;
    Comment comment;
    comment.pos = {line_, static_cast<std::uint32_t>(p + 1)};
    comment.text = line.substr(p + 1);
    comment.own_line = first == p;
    result_.comments.push_back(comment);
  }

  void resolve_pending_comments() {
    for (; pending_comment_ < result_.comments.size(); ++pending_comment_) {
      Comment& c = result_.comments[pending_comment_];
      if (c.own_line && c.pos.line != line_) c.next_content_line = line_;
    }
  }

  void fail(Position pos, std::size_t offset, std::string message) {
    if (result_.error) return;
    result_.error = LoadError{std::move(message), pos};
    result_.error_offset = offset;
    result_.safe_prefix = last_marker_offset_;
  }

  std::string_view text_;
  const Limits& limits_;
  PrescanResult result_;

  std::uint32_t line_ = 1;
  std::size_t line_start_ = 0;
  bool line_has_content_ = false;
  std::size_t pending_comment_ = 0;
  std::size_t last_marker_offset_ = 0;

  bool value_start_ = true;   // the next token may start a node (quote, bracket, indicator)
  bool after_quote_ = false;  // the last token was a quoted scalar or a closed bracket
  bool in_plain_ = false;     // inside a plain (unquoted) value that may continue
  std::size_t token_column_ = 0;
  std::vector<std::uint32_t> block_columns_;  // columns of open block collections

  std::size_t flow_depth_ = 0;
  std::size_t flow_start_offset_ = 0;
  Position flow_start_pos_;

  char quote_ = 0;
  Position quote_pos_;
  std::size_t quote_offset_ = 0;

  bool in_block_scalar_ = false;
  long block_parent_ = -1;  // column of the collection that owns the block scalar
  long block_indent_ = -1;  // its body's indentation, once known
};

}  // namespace

PrescanResult prescan(std::string_view text, const Limits& limits) {
  return Prescanner(text, limits).run();
}

bool document_marker_after(std::string_view text, std::size_t offset) {
  for (std::size_t at = text.find('\n', offset); at != std::string_view::npos;
       at = text.find('\n', at + 1)) {
    if (is_marker(text.substr(at + 1, 4), "---")) return true;
  }
  return false;
}

}  // namespace handoff::yaml

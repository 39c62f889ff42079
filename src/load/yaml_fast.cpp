// The YAML fast path (see yaml_fast.hpp). A line-oriented recursive reader: each construct
// checks that what it sees is exactly what it handles and throws NotSimple otherwise, so the
// subset is defined by what is accepted here, and yaml-cpp decides everything else.
#include "load/yaml_fast.hpp"

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/emitterstyle.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <string>

namespace handoff::yaml {
namespace {

struct NotSimple {};

// yaml-cpp's tags for a plain scalar (and any collection) and for a quoted or block scalar.
const std::string kPlainTag = "?";
const std::string kNonPlainTag = "!";

// Bytes that make the whole text a case for yaml-cpp: tabs, CR and other control characters,
// and the Unicode line and byte-order marks (NEL, LS, PS, BOM) that YAML 1.1 readers treat
// specially.
bool has_unusual_bytes(std::string_view t) {
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  const std::size_t n = t.size();
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  for (std::size_t i = 0; i < n; ++i) {
    // Eight printable ASCII bytes at a time: no byte below 0x20, none 0x7F or above.
    while (i + 8 <= n) {
      std::uint64_t w = 0;
      std::memcpy(&w, p + i, 8);
      std::uint64_t below_space = (w - 0x20 * kOnes) & ~w & kHigh;
      std::uint64_t x = w ^ (0x7F * kOnes);
      std::uint64_t del = (x - kOnes) & ~x & kHigh;
      if ((below_space | del | (w & kHigh)) != 0) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c >= 0x20 && c < 0x7F) continue;
    if (c == '\n') continue;
    if (c < 0x20 || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < n && p[i + 1] == 0x85) return true;
    if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9))
      return true;
    if (c == 0xEF && i + 2 < n && p[i + 1] == 0xBB && p[i + 2] == 0xBF) return true;
  }
  return false;
}

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_key_start(char c) {
  return is_alnum(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool is_key_char(char c) {
  return is_key_start(c) || c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' ||
         c == '$' || c == '?';
}
// Characters a plain scalar inside [ ] or { } may hold here (besides its terminators).
bool is_flow_char(char c) {
  return is_key_start(c) || c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' ||
         c == '\'' || c == '$' || c == '+' || c == '&' || c == '@' || c == '~';
}
// Characters that may not start a plain scalar here (YAML's indicators, and the flow ones).
bool is_indicator(char c) { return c != '\0' && std::strchr("&*!|>'\"%@`,[]{}#", c) != nullptr; }

// Longest key accepted: YAML caps implicit keys at 1,024 characters.
constexpr std::size_t kMaxKeyLength = 128;
// Deepest nesting read here, whatever the configured limit (up to 400): a bound on this
// reader's recursion on a worker thread's stack. Records nest two or three levels.
constexpr std::size_t kMaxOwnDepth = 128;

class SimpleReader {
 public:
  SimpleReader(std::string_view text, YAML::EventHandler& handler, std::size_t max_depth)
      : t_(text), h_(handler), max_depth_(std::min(max_depth, kMaxOwnDepth)) {
    le_ = line_end(0);
    eof_ = t_.empty();
  }

  void document() {
    skip_to_content();
    if (eof_) throw NotSimple{};
    YAML::Mark start = mark(ls_ + indent_);
    if (indent_ == 0 && t_.substr(ls_, 3) == "---") {
      std::size_t after = ls_ + 3;
      if (after < le_ && t_[after] != ' ') throw NotSimple{};
      expect_line_end(after);
      advance();
      skip_to_content();
      if (eof_) throw NotSimple{};
    }
    if (indent_ != 0) throw NotSimple{};
    h_.OnDocumentStart(start);
    block_mapping(ls_, 0);
    skip_to_content();
    if (!eof_) throw NotSimple{};
    h_.OnDocumentEnd();
  }

 private:
  // --- lines ---------------------------------------------------------------------------

  std::size_t line_end(std::size_t from) const {
    const void* nl = std::memchr(t_.data() + from, '\n', t_.size() - from);
    return nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - t_.data()) : t_.size();
  }

  void advance() {
    if (eof_) return;
    if (le_ >= t_.size()) {
      eof_ = true;
      return;
    }
    ls_ = le_ + 1;
    ++line_;
    if (ls_ >= t_.size()) {
      eof_ = true;
      le_ = ls_ = t_.size();
      return;
    }
    le_ = line_end(ls_);
  }

  // Offset of the first non-space byte of the current line, or le_.
  std::size_t first_non_space() const {
    std::size_t i = ls_;
    while (i < le_ && t_[i] == ' ') ++i;
    return i;
  }

  // Moves past blank and comment lines; sets indent_ for the content line reached.
  void skip_to_content() {
    while (!eof_) {
      std::size_t f = first_non_space();
      if (f < le_ && t_[f] != '#') {
        indent_ = f - ls_;
        return;
      }
      advance();
    }
  }

  // After a complete value: only spaces, then the line end or a comment.
  void expect_line_end(std::size_t i) const {
    std::size_t j = i;
    while (j < le_ && t_[j] == ' ') ++j;
    if (j == le_) return;
    if (t_[j] == '#' && j > i) return;
    throw NotSimple{};
  }

  YAML::Mark mark(std::size_t offset) const {
    YAML::Mark m;
    m.pos = static_cast<int>(offset);
    m.line = static_cast<int>(line_);
    m.column = eof_ ? 0 : static_cast<int>(offset - ls_);
    return m;
  }

  // Where a value that is missing is marked: the next content, or the end of the text. At an
  // end without a final newline, yaml-cpp's column depends on what its scanner consumed last.
  YAML::Mark next_token_mark() const {
    if (!eof_) return mark(ls_ + indent_);
    if (t_.back() != '\n') throw NotSimple{};
    return mark(t_.size());
  }

  bool is_seq_entry(std::size_t s) const {
    return s < le_ && t_[s] == '-' && (s + 1 == le_ || t_[s + 1] == ' ');
  }

  // The end of a key starting at s ("name" in "name: x"), or npos when s starts no key.
  std::size_t key_end(std::size_t s) const {
    if (s >= le_ || !is_key_start(t_[s])) return std::string_view::npos;
    std::size_t e = s;
    while (e < le_ && is_key_char(t_[e])) ++e;
    if (e >= le_ || t_[e] != ':' || t_[e - 1] == ' ' || e - s > kMaxKeyLength)
      return std::string_view::npos;
    if (e + 1 < le_ && t_[e + 1] != ' ') return std::string_view::npos;
    return e;
  }

  void enter() {
    if (++depth_ > max_depth_) throw NotSimple{};
  }
  void leave() { --depth_; }

  void scalar(const YAML::Mark& m, const std::string& tag, const std::string& value) {
    h_.OnScalar(m, tag, YAML::NullAnchor, value);
  }
  // yaml-cpp reports the plain scalars ~, null, Null and NULL as nulls.
  void plain_scalar(const YAML::Mark& m, const std::string& value) {
    if (value == "~" || value == "null" || value == "Null" || value == "NULL")
      h_.OnNull(m, YAML::NullAnchor);
    else
      h_.OnScalar(m, kPlainTag, YAML::NullAnchor, value);
  }

  // --- collections ---------------------------------------------------------------------

  // A block mapping whose first key starts at `first_key` on the current line; its keys sit
  // at column `indent`.
  void block_mapping(std::size_t first_key, std::size_t indent) {
    enter();
    h_.OnMapStart(mark(first_key), kPlainTag, YAML::NullAnchor, YAML::EmitterStyle::Block);
    std::size_t k = first_key;
    for (;;) {
      std::size_t colon = key_end(k);
      if (colon == std::string_view::npos) throw NotSimple{};
      plain_scalar(mark(k), std::string(t_.substr(k, colon - k)));
      value(colon + 1, indent, true);
      skip_to_content();
      if (eof_ || indent_ < indent) break;
      if (indent_ > indent) throw NotSimple{};
      k = ls_ + indent;
    }
    h_.OnMapEnd();
    leave();
  }

  // A block sequence whose "-" entries sit at column `indent`; the current line is one.
  void block_sequence(std::size_t indent) {
    enter();
    h_.OnSequenceStart(mark(ls_ + indent), kPlainTag, YAML::NullAnchor, YAML::EmitterStyle::Block);
    for (;;) {
      sequence_item(ls_ + indent + 1, indent);
      skip_to_content();
      if (eof_ || indent_ < indent) break;
      if (indent_ > indent) throw NotSimple{};
      if (!is_seq_entry(ls_ + indent)) break;  // the next key of a mapping at this column
    }
    h_.OnSequenceEnd();
    leave();
  }

  void sequence_item(std::size_t q, std::size_t indent) {
    while (q < le_ && t_[q] == ' ') ++q;
    if (q < le_ && t_[q] != '#') {
      if (key_end(q) != std::string_view::npos) {
        block_mapping(q, q - ls_);  // "- name: x" starts a mapping at the key's column
        return;
      }
      if (is_seq_entry(q)) throw NotSimple{};  // "- - x"
    }
    value(q, indent, false);
  }

  // --- values --------------------------------------------------------------------------

  // The value after "key:" or "- " at offset q of the current line. `parent` is the column of
  // the collection it belongs to; a sequence may sit at that same column only under a key.
  void value(std::size_t q, std::size_t parent, bool under_key) {
    while (q < le_ && t_[q] == ' ') ++q;
    if (q == le_ || t_[q] == '#') {
      advance();
      value_on_next_lines(parent, under_key);
      return;
    }
    switch (t_[q]) {
      case '|':
      case '>':
        block_scalar(q, parent);
        return;
      case '\'':
      case '"':
        quoted(q);
        return;
      case '[':
      case '{':
        flow_collection(q);
        return;
      default:
        plain(q, parent);
    }
  }

  void value_on_next_lines(std::size_t parent, bool under_key) {
    skip_to_content();
    if (eof_ || indent_ < parent ||
        (indent_ == parent && !(under_key && is_seq_entry(ls_ + parent)))) {
      h_.OnNull(next_token_mark(), YAML::NullAnchor);
      return;
    }
    std::size_t s = ls_ + indent_;
    if (is_seq_entry(s))
      block_sequence(indent_);
    else if (key_end(s) != std::string_view::npos)
      block_mapping(s, indent_);
    else
      plain(s, parent);
  }

  // Checks a plain scalar's first character; a scalar starting "- ", "? " or ": " is syntax.
  void check_plain_start(std::size_t s) const {
    char c = t_[s];
    if (is_indicator(c)) throw NotSimple{};
    if ((c == '-' || c == '?' || c == ':') && (s + 1 == le_ || t_[s + 1] == ' ')) throw NotSimple{};
  }

  // One line of a plain scalar from s: returns its end (trailing spaces dropped) and whether
  // a comment follows. ": " or a final ':' inside would be a key, which yaml-cpp refuses here.
  std::size_t plain_line_end(std::size_t s, bool& comment) const {
    std::size_t e = s;
    comment = false;
    for (; e < le_; ++e) {
      char c = t_[e];
      if (c == ':' && (e + 1 == le_ || t_[e + 1] == ' ')) throw NotSimple{};
      if (c == '#' && e > s && t_[e - 1] == ' ') {
        comment = true;
        break;
      }
    }
    while (e > s && t_[e - 1] == ' ') --e;
    return e;
  }

  // A plain scalar from s, folded over continuation lines indented deeper than `parent`.
  void plain(std::size_t s, std::size_t parent) {
    check_plain_start(s);
    YAML::Mark m = mark(s);
    bool comment = false;
    std::size_t e = plain_line_end(s, comment);
    std::string out(t_.substr(s, e - s));
    advance();
    while (!comment) {
      std::size_t blanks = 0;
      std::size_t f = 0;
      while (!eof_ && (f = first_non_space()) == le_) {
        ++blanks;
        advance();
      }
      if (eof_ || f - ls_ <= parent || t_[f] == '#') break;
      check_plain_start(f);
      if (t_[f] == '-' || t_[f] == '?' || t_[f] == ':') throw NotSimple{};
      e = plain_line_end(f, comment);
      if (comment) throw NotSimple{};
      if (blanks == 0)
        out += ' ';
      else
        out.append(blanks, '\n');
      out.append(t_.substr(f, e - f));
      advance();
    }
    plain_scalar(m, out);
  }

  // A one-line quoted scalar; '' in single quotes and \" \\ in double quotes.
  void quoted(std::size_t q) {
    const char quote = t_[q];
    YAML::Mark m = mark(q);
    std::string out;
    std::size_t i = q + 1;
    for (;;) {
      if (i >= le_) throw NotSimple{};  // continues on the next line
      char c = t_[i];
      if (c == quote) {
        if (quote == '\'' && i + 1 < le_ && t_[i + 1] == '\'') {
          out += '\'';
          i += 2;
          continue;
        }
        break;
      }
      if (quote == '"' && c == '\\') {
        if (i + 1 >= le_ || (t_[i + 1] != '"' && t_[i + 1] != '\\')) throw NotSimple{};
        out += t_[i + 1];
        i += 2;
        continue;
      }
      out += c;
      ++i;
    }
    expect_line_end(i + 1);
    scalar(m, kNonPlainTag, out);
    advance();
  }

  // A '|' or '>' block scalar (clip or strip chomping, indentation found from its first line).
  void block_scalar(std::size_t q, std::size_t parent) {
    const bool literal = t_[q] == '|';
    YAML::Mark m = mark(q);
    std::size_t i = q + 1;
    bool strip = false;
    if (i < le_ && t_[i] == '-') {
      strip = true;
      ++i;
    }
    if (i < le_ && t_[i] != ' ') throw NotSimple{};  // '+', an indentation digit, or more
    expect_line_end(i);
    if (le_ >= t_.size()) throw NotSimple{};
    advance();
    std::string out;
    std::size_t indent = 0;
    std::size_t blanks = 0;
    bool any = false;
    bool ended_by_newline = false;
    while (!eof_) {
      if (ls_ == le_) {
        ++blanks;
        advance();
        continue;
      }
      std::size_t f = first_non_space();
      if (f == le_) throw NotSimple{};  // a line of spaces: its meaning depends on their count
      std::size_t this_indent = f - ls_;
      if (!any) {
        if (this_indent <= parent) break;
        indent = this_indent;
      }
      if (this_indent < indent) break;
      if (!literal && this_indent > indent) throw NotSimple{};  // folding rules differ there
      if (!any)
        out.append(blanks, '\n');
      else if (literal)
        out.append(blanks + 1, '\n');
      else if (blanks == 0)
        out += ' ';
      else
        out.append(blanks, '\n');
      out.append(t_.substr(ls_ + indent, le_ - ls_ - indent));
      any = true;
      blanks = 0;
      ended_by_newline = le_ < t_.size();
      advance();
    }
    if (!any) throw NotSimple{};
    if (!strip && ended_by_newline) out += '\n';
    scalar(m, kNonPlainTag, out);
  }

  // --- one-line flow collections of plain scalars ---------------------------------------

  // A plain scalar inside [ ] or { } from i: returns its end; stops at ',' ']' '}' or, for a
  // key, at ": ".
  std::size_t flow_scalar_end(std::size_t i, bool key) const {
    if (i >= le_) throw NotSimple{};
    check_plain_start(i);
    std::size_t e = i;
    for (; e < le_; ++e) {
      char c = t_[e];
      if (c == ',' || c == ']' || c == '}' || c == '[' || c == '{') break;
      if (c == ':') {
        if (key && e + 1 < le_ && t_[e + 1] == ' ') break;
        throw NotSimple{};
      }
      if (!is_flow_char(c)) throw NotSimple{};  // yaml-cpp reads '?', '#' and more its own way here
    }
    if (e >= le_ || t_[e] == '[' || t_[e] == '{') throw NotSimple{};
    if (key != (t_[e] == ':')) throw NotSimple{};
    while (e > i && t_[e - 1] == ' ') --e;
    if (e == i) throw NotSimple{};
    return e;
  }

  std::size_t skip_spaces(std::size_t i) const {
    while (i < le_ && t_[i] == ' ') ++i;
    return i;
  }

  // A one-line [ ] or { } of plain scalars.
  void flow_collection(std::size_t q) {
    const bool mapping = t_[q] == '{';
    const char close = mapping ? '}' : ']';
    enter();
    if (mapping)
      h_.OnMapStart(mark(q), kPlainTag, YAML::NullAnchor, YAML::EmitterStyle::Flow);
    else
      h_.OnSequenceStart(mark(q), kPlainTag, YAML::NullAnchor, YAML::EmitterStyle::Flow);
    std::size_t i = skip_spaces(q + 1);
    bool at_close = i < le_ && t_[i] == close;
    while (!at_close) {
      if (mapping) {
        std::size_t key_end = flow_scalar_end(i, true);
        plain_scalar(mark(i), std::string(t_.substr(i, key_end - i)));
        i = skip_spaces(skip_spaces(key_end) + 1);  // past ':'
      }
      std::size_t e = flow_scalar_end(i, false);
      plain_scalar(mark(i), std::string(t_.substr(i, e - i)));
      i = skip_spaces(e);
      at_close = t_[i] == close;
      if (!at_close && t_[i] != ',') throw NotSimple{};
      if (!at_close) i = skip_spaces(i + 1);
    }
    expect_line_end(i + 1);
    if (mapping)
      h_.OnMapEnd();
    else
      h_.OnSequenceEnd();
    leave();
    advance();
  }

  std::string_view t_;
  YAML::EventHandler& h_;
  std::size_t max_depth_;
  std::size_t depth_ = 0;
  std::size_t ls_ = 0;      // the current line's first byte
  std::size_t le_ = 0;      // its '\n', or the end of the text
  std::size_t line_ = 0;    // its 0-based number
  std::size_t indent_ = 0;  // set by skip_to_content()
  bool eof_ = false;
};

}  // namespace

bool emit_simple_document(std::string_view text, YAML::EventHandler& handler,
                          std::size_t max_depth) {
  if (text.size() >= static_cast<std::size_t>(INT_MAX) || has_unusual_bytes(text)) return false;
  try {
    SimpleReader(text, handler, max_depth).document();
    return true;
  } catch (const NotSimple&) {
    return false;
  }
}

}  // namespace handoff::yaml

// The one byte-level pass every loader relies on, in pieces (BytePass) or whole (normalize_text).
#include "load/byte_pass.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace handoff {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool printable_ascii(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x20 && u < 0x80;
}

// All eight bytes at `p` are printable ASCII: no high bit, and none below 0x20 (subtracting
// 0x20 from such a byte sets its high bit; a borrow only follows a byte that already failed).
bool printable_ascii8(const char* p) {
  constexpr std::uint64_t kOnes = 0x0101010101010101, kHighs = 0x8080808080808080;
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return ((w | (w - 0x20 * kOnes)) & kHighs) == 0;
}

}  // namespace

char* BytePass::feed(std::string_view bytes, char* o) {
  if (error_) return o;
  if (!started_) {  // a BOM is only a BOM as the first three bytes, which may come in pieces
    std::size_t take = std::min(bytes.size(), kBom.size() - head_.size());
    head_.append(bytes.substr(0, take));
    bytes.remove_prefix(take);
    if (head_.size() == kBom.size()) {
      started_ = true;
      if (head_ != kBom) o = run(head_, o);
    }
  }
  return error_ ? o : run(bytes, o);
}

char* BytePass::finish(char* o) {
  if (error_) return o;
  if (!started_) {  // under three bytes in all: no BOM
    started_ = true;
    o = run(head_, o);
  }
  if (!error_ && seq_len_) fail("invalid UTF-8: truncated multi-byte sequence");
  if (!error_ && line_bytes_ > limits_.max_line_bytes) fail_line_too_long();
  return o;
}

char* BytePass::run(std::string_view bytes, char* o) {
  const char* p = bytes.data();
  const char* const end = p + bytes.size();
  while (p < end) {
    if (seq_len_) {  // a sequence is judged whole, so an error names the same fault as unsplit
      seq_[seq_have_++] = static_cast<unsigned char>(*p++);
      if (seq_have_ == seq_len_) o = end_sequence(o);
      if (error_) return o;
      continue;
    }
    auto c = static_cast<unsigned char>(*p);
    if (after_cr_) {
      after_cr_ = false;
      if (c == '\n') {  // the LF of a CRLF: the CR already ended the line
        ++p;
        continue;
      }
    }
    if (printable_ascii(*p)) {  // the common case, copied in runs
      const char* q = p + 1;
      while (end - q >= 8 && printable_ascii8(q)) q += 8;
      while (q < end && printable_ascii(*q)) ++q;
      std::memcpy(o, p, static_cast<std::size_t>(q - p));
      o += q - p;
      line_bytes_ += static_cast<std::size_t>(q - p);
      p = q;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (line_bytes_ > limits_.max_line_bytes) {
        fail_line_too_long();
        return o;
      }
      *o++ = '\n';
      ++line_;
      line_bytes_ = 0;
      after_cr_ = c == '\r';
      ++p;
      continue;
    }
    if (c == 0) {
      fail("NUL byte: this looks like a binary file, not a handoff record");
      return o;
    }
    if (c < 0x80) {  // tab and other controls pass; reporters neutralise them on output
      *o++ = *p++;
      ++line_bytes_;
      continue;
    }
    // Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
    if (c >= 0xC2 && c <= 0xDF) seq_len_ = 2;
    else if (c >= 0xE0 && c <= 0xEF) seq_len_ = 3;
    else if (c >= 0xF0 && c <= 0xF4) seq_len_ = 4;
    else {
      fail(fmt::format("invalid UTF-8 byte 0x{:02X}", c));
      return o;
    }
    seq_[0] = c;
    seq_have_ = 1;
    ++p;
  }
  if (eager_line_cap_ && line_bytes_ > limits_.max_line_bytes) fail_line_too_long();
  return o;
}

char* BytePass::end_sequence(char* o) {
  const std::size_t len = seq_len_;
  std::uint32_t cp = seq_[0] & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < len; ++k) {
    if ((seq_[k] & 0xC0) != 0x80) {
      fail("invalid UTF-8: bad continuation byte");
      return o;
    }
    cp = (cp << 6) | (seq_[k] & 0x3F);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) fail("invalid UTF-8: overlong encoding");
  else if (cp >= 0xD800 && cp <= 0xDFFF) fail("invalid UTF-8: encoded surrogate");
  else if (cp > 0x10FFFF) fail("invalid UTF-8: code point above U+10FFFF");
  if (error_) return o;
  std::memcpy(o, seq_, len);
  line_bytes_ += len;
  seq_len_ = seq_have_ = 0;
  return o + len;
}

void BytePass::fail(std::string message) {
  error_ = LoadError{std::move(message), {line_, static_cast<std::uint32_t>(line_bytes_ + 1)}};
}

void BytePass::fail_line_too_long() {
  error_ = LoadError{fmt::format("line is over the {}-byte limit (limits.max_line_bytes)",
                                 limits_.max_line_bytes),
                     {line_, 1}};
}

std::optional<LoadError> normalize_text(std::string& s, const Limits& limits) {
  BytePass pass(limits);
  std::string out(s.size() + BytePass::kHeldBytes, '\0');
  char* end = pass.finish(pass.feed(s, out.data()));
  if (pass.error()) return pass.error();
  out.resize(static_cast<std::size_t>(end - out.data()));
  s = std::move(out);
  return std::nullopt;
}

}  // namespace handoff

// The byte-level pass (see normalize_text in handoff/load.hpp) fed in pieces, so that a large
// export can be checked and normalized one block at a time. Its output and its errors are the
// same wherever the pieces are cut: a CRLF, a BOM or a multi-byte UTF-8 sequence may be split.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "handoff/load.hpp"

namespace handoff {

class BytePass {
 public:
  // `eager_line_cap`: refuse a line as soon as it passes max_line_bytes, not at its end, so a
  // reader buffering lines never holds more. It can change which error a line gets (a bad byte
  // after the cap), so it is only for a second pass over bytes the first pass accepted.
  explicit BytePass(const Limits& limits, bool eager_line_cap = false)
      : limits_(limits), eager_line_cap_(eager_line_cap) {}

  // Bytes held back from one piece (a BOM-sized start, part of a sequence) come out later.
  static constexpr std::size_t kHeldBytes = 8;

  // Writes the normalized form of `bytes` to `out`, which has room for bytes.size() +
  // kHeldBytes, and returns the end of what it wrote. After an error (error()), nothing more
  // is read or written.
  char* feed(std::string_view bytes, char* out);
  // The end of the input: a sequence cut short is an error; so is an over-long last line.
  char* finish(char* out);
  const std::optional<LoadError>& error() const { return error_; }

 private:
  char* run(std::string_view bytes, char* out);  // sets error_ on a problem
  char* end_sequence(char* out);
  void fail(std::string message);  // at the current output column
  void fail_line_too_long();

  const Limits& limits_;
  bool eager_line_cap_;
  std::optional<LoadError> error_;
  std::string head_;           // the first bytes, until we know whether they are a BOM
  bool started_ = false;       // head_ is decided
  bool after_cr_ = false;      // the last byte was a CR: a '\n' next is part of it
  unsigned char seq_[4] = {};  // a multi-byte sequence being collected
  std::size_t seq_have_ = 0, seq_len_ = 0;
  std::uint32_t line_ = 1;
  std::size_t line_bytes_ = 0;  // output bytes on the current line
};

}  // namespace handoff

// Reading a source's normalized text a block at a time, so that a large export is never held
// whole: a CSV or JSONL file from open_source is read from disk and takes the byte-level pass
// again block by block; any other Source hands out its `text` in blocks of the same size.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handoff/load.hpp"
#include "load/byte_pass.hpp"

namespace handoff {

// An export open_source has checked whole and left on disk, open for reading.
struct SourceFile {
  SourceFile(int fd, std::size_t size) : fd(fd), size(size) {}
  ~SourceFile();
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;

  int fd;
  std::size_t size;  // the bytes the first pass accepted: reading stops there
};

class BlockReader {
 public:
  BlockReader(const Source& src, const Limits& limits, std::size_t block_bytes);

  // Appends the next block of normalized text to `out`: false at the end of the text, or when
  // it could not be read (error() says why; the file changed since open_source, or I/O failed).
  bool read(std::string& out);
  const std::optional<LoadError>& error() const { return error_; }

 private:
  const Source& src_;
  std::size_t block_bytes_;
  std::size_t offset_ = 0;  // into src_.text, or into the file
  BytePass pass_;
  std::vector<char> raw_, normalized_;
  bool finished_ = false;
  std::optional<LoadError> error_;
};

// The lines of a BlockReader, without their '\n'. Holds one line and one block at most.
class BlockLines {
 public:
  explicit BlockLines(BlockReader& blocks) : blocks_(blocks) {}

  // The next line, valid until the next call; nullopt at the end. A final line without a '\n'
  // is a line; a final '\n' does not start another.
  std::optional<std::string_view> next();
  std::size_t high_water() const { return high_water_; }  // most bytes held at once

 private:
  BlockReader& blocks_;
  std::string buf_;
  std::size_t at_ = 0;  // buf_[at_..] is not handed out yet
  std::size_t high_water_ = 0;
};

// The whole normalized text of `src` (a Source from open_source may be on disk).
std::optional<LoadError> read_whole(const Source& src, const Limits& limits, std::string& out);

}  // namespace handoff

#include "load/blocks.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace handoff {

SourceFile::~SourceFile() { ::close(fd); }

BlockReader::BlockReader(const Source& src, const Limits& limits, std::size_t block_bytes)
    : src_(src), block_bytes_(std::max<std::size_t>(block_bytes, 1)), pass_(limits, true) {
  if (src_.file) {  // a small file needs no full-size buffers
    raw_.resize(std::min(block_bytes_, src_.file->size));
    normalized_.resize(raw_.size() + BytePass::kHeldBytes);
  }
}

bool BlockReader::read(std::string& out) {
  if (error_ || finished_) return false;
  if (!src_.file) {  // already normalized: hand it out as it is
    if (offset_ >= src_.text.size()) return false;
    std::size_t n = std::min(block_bytes_, src_.text.size() - offset_);
    out.append(src_.text, offset_, n);
    offset_ += n;
    return true;
  }
  const std::size_t before = out.size();
  while (out.size() == before) {  // a block may be all held bytes (a BOM, a split sequence)
    std::size_t want = std::min(raw_.size(), src_.file->size - offset_);
    ssize_t n = want == 0 ? 0 : ::pread(src_.file->fd, raw_.data(), want, static_cast<off_t>(offset_));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error_ = LoadError{fmt::format("read failed: {}", std::strerror(errno)), {}};
      return false;
    }
    offset_ += static_cast<std::size_t>(n);
    finished_ = n == 0;  // the end (the file may also have shrunk since it was checked)
    char* end = finished_ ? pass_.finish(normalized_.data())
                          : pass_.feed({raw_.data(), static_cast<std::size_t>(n)}, normalized_.data());
    error_ = pass_.error();
    if (error_) return false;
    out.append(normalized_.data(), static_cast<std::size_t>(end - normalized_.data()));
    if (finished_) break;
  }
  return out.size() > before;
}

std::optional<std::string_view> BlockLines::next() {
  for (std::size_t scanned = at_;;) {
    std::size_t nl = buf_.find('\n', scanned);
    if (nl != std::string::npos) {
      std::string_view line(buf_.data() + at_, nl - at_);
      at_ = nl + 1;
      return line;
    }
    buf_.erase(0, at_);  // keep only the line begun
    at_ = 0;
    scanned = buf_.size();
    if (!blocks_.read(buf_)) {
      if (buf_.empty()) return std::nullopt;
      at_ = buf_.size();
      return std::string_view(buf_);
    }
    high_water_ = std::max(high_water_, buf_.size());
  }
}

std::optional<LoadError> read_whole(const Source& src, const Limits& limits, std::string& out) {
  if (!src.file) {
    out = src.text;
    return std::nullopt;
  }
  out.reserve(src.file->size);
  BlockReader blocks(src, limits, kExportBlockBytes);
  while (blocks.read(out)) {
  }
  return blocks.error();
}

}  // namespace handoff

// Reading a source safely; the byte-level pass itself is in byte_pass.cpp.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "handoff/load.hpp"
#include "load/blocks.hpp"
#include "load/byte_pass.hpp"

namespace handoff {
namespace {

std::string describe_file_type(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

std::string errno_text(int err) {
  switch (err) {
    case ENOENT: return "no such file";
    case EACCES: return "permission denied";
    case ELOOP: return "too many levels of symbolic links (a symlink loop?)";
    case ENOTDIR: return "a component of the path is not a directory";
    default: return std::strerror(err);
  }
}

constexpr std::size_t kPieceBytes = 1 << 16;  // read_source's read size

// The size cap for a file: CRM exports (CSV, JSONL) hold many records, so they get their own.
struct SizeCap {
  std::size_t bytes;
  const char* setting;
};

SizeCap size_cap(Format format, const Limits& limits) {
  if (format == Format::csv || format == Format::jsonl)
    return {limits.max_export_bytes, "limits.max_export_bytes"};
  return {limits.max_file_bytes, "limits.max_file_bytes"};
}

LoadError too_big(std::size_t size, SizeCap cap) {
  return {fmt::format("file is {} bytes, over the {}-byte limit ({})", size, cap.bytes, cap.setting),
          {}};
}

struct Opened {
  int fd;
  std::size_t size;  // at open; the file may still grow
};

// Opens a regular file for reading, refusing anything else and a size over `cap`.
std::variant<Opened, LoadError> open_regular(const std::string& path, SizeCap cap) {
  // Stat first: a FIFO would block a plain open/read forever, a directory reads as empty.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return LoadError{errno_text(errno), {}};
  if (!S_ISREG(st.st_mode))
    return LoadError{fmt::format("{}, not a handoff record", describe_file_type(st.st_mode)), {}};
  if (static_cast<std::size_t>(st.st_size) > cap.bytes)
    return too_big(static_cast<std::size_t>(st.st_size), cap);
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return LoadError{errno_text(errno), {}};
  // Re-check the opened file: the path may have been swapped since stat.
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return LoadError{"not a regular file", {}};
  }
  return Opened{fd, static_cast<std::size_t>(st.st_size)};
}

// Reads to the end in pieces of `piece_bytes`, handing each to `take`; stops at cap+1 bytes so
// an oversized stream is detected without reading it all.
template <typename Take>
std::optional<LoadError> read_fd(int fd, SizeCap cap, std::size_t piece_bytes, Take&& take) {
  std::vector<char> buf(piece_bytes);
  std::size_t total = 0;
  for (;;) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return LoadError{fmt::format("read failed: {}", errno_text(errno)), {}};
    }
    if (n == 0) return std::nullopt;
    total += static_cast<std::size_t>(n);
    if (total > cap.bytes) return too_big(total, cap);
    take(std::string_view(buf.data(), static_cast<std::size_t>(n)));
  }
}

}  // namespace

std::variant<Source, LoadError> read_source(const std::string& path, const Limits& limits) {
  Source src;
  src.name = path == "-" ? "<stdin>" : path;
  src.format = path == "-" ? Format::unknown : format_from_extension(path);
  const SizeCap cap = size_cap(src.format, limits);
  std::string bytes;
  auto append = [&](std::string_view piece) { bytes.append(piece); };
  if (path == "-") {
    if (auto err = read_fd(STDIN_FILENO, cap, kPieceBytes, append)) return *err;
  } else {
    auto opened = open_regular(path, cap);
    if (auto* err = std::get_if<LoadError>(&opened)) return *err;
    const auto [fd, size] = std::get<Opened>(opened);
    bytes.reserve(size);
    // A piece just over the size at open reads a small file in one call, without zeroing 64 KiB.
    auto err = read_fd(fd, cap, std::clamp<std::size_t>(size + 1, 4096, kPieceBytes), append);
    ::close(fd);
    if (err) return *err;
  }
  if (auto err = normalize_text(bytes, limits)) return *err;
  src.text = std::move(bytes);
  if (src.format == Format::unknown) src.format = sniff_format(src.text);
  return src;
}

std::variant<Source, LoadError> open_source(const std::string& path, const Limits& limits,
                                            std::size_t block_bytes) {
  const Format format = path == "-" ? Format::unknown : format_from_extension(path);
  if (format != Format::csv && format != Format::jsonl) return read_source(path, limits);
  const SizeCap cap = size_cap(format, limits);
  auto opened = open_regular(path, cap);
  if (auto* err = std::get_if<LoadError>(&opened)) return *err;
  auto file = std::make_shared<SourceFile>(std::get<Opened>(opened).fd, 0);  // closes it
  // The byte pass over every block, its output dropped. A byte error is kept until the end so
  // that, as in read_source, a file that grew over the cap is reported as that.
  block_bytes = std::max<std::size_t>(block_bytes, 1);
  BytePass pass(limits);
  std::vector<char> scratch(block_bytes + BytePass::kHeldBytes);
  auto check = [&](std::string_view piece) {
    file->size += piece.size();
    pass.feed(piece, scratch.data());
  };
  if (auto err = read_fd(file->fd, cap, block_bytes, check)) return *err;
  pass.finish(scratch.data());
  if (pass.error()) return *pass.error();
  return Source{path, format, {}, std::move(file)};
}

}  // namespace handoff

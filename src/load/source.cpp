// Reading a source safely; the byte-level pass itself is in byte_pass.cpp.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include <fmt/format.h>

#include "handoff/load.hpp"

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

// Reads up to cap+1 bytes so an oversized stream is detected without reading it all.
std::optional<LoadError> read_fd(int fd, SizeCap cap, std::string& out) {
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return LoadError{fmt::format("read failed: {}", errno_text(errno)), {}};
    }
    if (n == 0) return std::nullopt;
    out.append(buf, static_cast<std::size_t>(n));
    if (out.size() > cap.bytes) return too_big(out.size(), cap);
  }
}

}  // namespace

std::variant<Source, LoadError> read_source(const std::string& path, const Limits& limits) {
  Source src;
  src.name = path == "-" ? "<stdin>" : path;
  src.format = path == "-" ? Format::unknown : format_from_extension(path);
  const SizeCap cap = size_cap(src.format, limits);
  std::string bytes;
  if (path == "-") {
    if (auto err = read_fd(STDIN_FILENO, cap, bytes)) return *err;
  } else {
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
    bytes.reserve(static_cast<std::size_t>(st.st_size));
    auto err = read_fd(fd, cap, bytes);
    ::close(fd);
    if (err) return *err;
  }
  if (auto err = normalize_text(bytes, limits)) return *err;
  src.text = std::move(bytes);
  if (src.format == Format::unknown) src.format = sniff_format(src.text);
  return src;
}

}  // namespace handoff

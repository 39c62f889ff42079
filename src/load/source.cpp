// Reading a source safely, then the one byte-level pass every loader relies on.
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

std::optional<LoadError> normalize_text(std::string& s, const Limits& limits) {
  std::size_t in = 0, out = 0;
  if (s.size() >= 3 && s.compare(0, 3, "\xEF\xBB\xBF") == 0) in = 3;
  std::uint32_t line = 1;
  std::size_t line_start_out = 0;  // for the column of an error and the line-length cap
  auto error_here = [&](std::string what) {
    auto col = static_cast<std::uint32_t>(out - line_start_out + 1);
    return LoadError{std::move(what), {line, col}};
  };
  auto line_too_long = [&] {
    return LoadError{fmt::format("line is over the {}-byte limit (limits.max_line_bytes)",
                                 limits.max_line_bytes),
                     {line, 1}};
  };
  const std::size_t n = s.size();
  while (in < n) {
    auto c = static_cast<unsigned char>(s[in]);
    if (c >= 0x20 && c < 0x80) {  // printable ASCII: the common case
      s[out++] = s[in++];
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (out - line_start_out > limits.max_line_bytes) return line_too_long();
      in += (c == '\r' && in + 1 < n && s[in + 1] == '\n') ? 2 : 1;
      s[out++] = '\n';
      ++line;
      line_start_out = out;
      continue;
    }
    if (c == 0) return error_here("NUL byte: this looks like a binary file, not a handoff record");
    if (c < 0x80) {  // tab and other controls pass; reporters neutralise them on output
      s[out++] = s[in++];
      continue;
    }
    // Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
    else return error_here(fmt::format("invalid UTF-8 byte 0x{:02X}", c));
    if (in + len > n) return error_here("invalid UTF-8: truncated multi-byte sequence");
    for (std::size_t k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[in + k]);
      if ((cc & 0xC0) != 0x80) return error_here("invalid UTF-8: bad continuation byte");
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000))
      return error_here("invalid UTF-8: overlong encoding");
    if (cp >= 0xD800 && cp <= 0xDFFF) return error_here("invalid UTF-8: encoded surrogate");
    if (cp > 0x10FFFF) return error_here("invalid UTF-8: code point above U+10FFFF");
    for (std::size_t k = 0; k < len; ++k) s[out++] = s[in++];
  }
  if (out - line_start_out > limits.max_line_bytes) return line_too_long();
  s.resize(out);
  return std::nullopt;
}

}  // namespace handoff

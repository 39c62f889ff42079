#include "cli/output_file.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

namespace handoff::cli {
namespace fs = std::filesystem;

std::optional<std::string> AtomicFile::open(const std::string& path) {
  path_ = path;
  fs::path target(path);
  std::string dir = target.parent_path().string();
  std::string pattern = (dir.empty() ? std::string(".") : dir) + "/." +
                        target.filename().string() + ".tmp-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  int fd = ::mkstemp(buf.data());
  if (fd < 0) return "cannot create a temporary file beside " + path + ": " + std::strerror(errno);
  ::close(fd);
  temp_ = buf.data();
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) return "cannot write " + temp_;
  return std::nullopt;
}

std::optional<std::string> AtomicFile::commit() {
  out_.flush();
  bool ok = static_cast<bool>(out_);
  out_.close();
  if (!ok) return "writing " + path_ + " failed";
  // mkstemp creates 0600; a report is an ordinary file.
  std::error_code ec;
  fs::permissions(temp_, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                             fs::perms::others_read, ec);
  if (std::rename(temp_.c_str(), path_.c_str()) != 0)
    return "cannot rename the report into place at " + path_ + ": " + std::strerror(errno);
  committed_ = true;
  return std::nullopt;
}

AtomicFile::~AtomicFile() {
  if (!temp_.empty() && !committed_) {
    out_.close();
    std::remove(temp_.c_str());
  }
}

bool same_file_as_any(const std::string& output, const std::vector<std::string>& inputs) {
  std::error_code ec;
  fs::path out_abs = fs::weakly_canonical(output, ec);
  for (const auto& in : inputs) {
    if (in == "-") continue;
    std::error_code ec2;
    if (fs::equivalent(output, in, ec2)) return true;
    fs::path in_abs = fs::weakly_canonical(in, ec2);
    if (!ec && !ec2 && in_abs == out_abs) return true;
  }
  return false;
}

}  // namespace handoff::cli

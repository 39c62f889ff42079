#include "handoff/run.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace handoff {
namespace fs = std::filesystem;
namespace {

bool supported_extension(const fs::path& p) {
  return format_from_extension(p.string()) != Format::unknown;
}

// As in .gitignore: a pattern without '/' ("*.md", "drafts") matches any one path component;
// a pattern with '/' matches the whole path.
bool excluded(std::string_view path, const std::vector<std::string>& exclude) {
  if (path.starts_with("./")) path.remove_prefix(2);
  for (const auto& pattern : exclude) {
    if (pattern.find('/') != std::string::npos) {
      if (glob_match(pattern, path)) return true;
      continue;
    }
    for (std::size_t at = 0; at <= path.size();) {
      std::size_t slash = std::min(path.find('/', at), path.size());
      if (slash > at && glob_match(pattern, path.substr(at, slash - at))) return true;
      at = slash + 1;
    }
  }
  return false;
}

// Iterative walk; directory symlinks are not followed (they can loop), file symlinks are.
void walk_directory(const std::string& root, const std::vector<std::string>& exclude,
                    std::vector<InputItem>& out) {
  std::vector<std::string> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out.push_back({root, LoadError{fmt::format("cannot read directory: {}", ec.message()), {}}});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::directory_entry& entry = *it;
    std::string path = entry.path().generic_string();
    // Hidden entries (.git/, .github/, .handoff-lint.yaml, a .handoff-baseline.json) are
    // tooling, not records; a hidden file named on the command line is still checked.
    if (entry.path().filename().string().starts_with(".") || excluded(path, exclude)) {
      if (entry.is_directory(ec) && !entry.is_symlink(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!supported_extension(entry.path())) continue;
    // A directory named like a record, a FIFO, a broken link or a link loop is kept: read_source
    // turns it into a clear error for that path instead of silently skipping it.
    found.push_back(std::move(path));
  }
  if (ec) out.push_back({root, LoadError{fmt::format("error walking directory: {}", ec.message()), {}}});
  std::sort(found.begin(), found.end());
  for (auto& p : found) out.push_back({std::move(p), std::nullopt});
}

}  // namespace

bool glob_match(std::string_view pat, std::string_view s) {
  // Iterative wildcard match. Two backtrack points: the latest "*" (never crosses '/') and the
  // latest "**" (crosses it); a failed "*" falls back to the "**". O(pattern * path), never
  // exponential.
  constexpr auto npos = std::string_view::npos;
  std::size_t p = 0, i = 0;
  std::size_t star_p = npos, star_i = 0;    // after the latest "*", and where it started
  std::size_t dstar_p = npos, dstar_i = 0;  // the same for the latest "**"
  bool dstar_slash = false;                 // it was "**/": it stops only after a '/'
  while (i < s.size()) {
    if (p < pat.size() && pat[p] == '*') {
      bool crosses = p + 1 < pat.size() && pat[p + 1] == '*';
      p += crosses ? 2 : 1;
      if (crosses) {
        dstar_slash = p < pat.size() && pat[p] == '/';
        if (dstar_slash) ++p;  // "**/" also matches nothing
        dstar_p = p;
        dstar_i = i;
        star_p = npos;
      } else {
        star_p = p;
        star_i = i;
      }
    } else if (p < pat.size() && (pat[p] == '?' ? s[i] != '/' : pat[p] == s[i])) {
      ++p;
      ++i;
    } else if (star_p != npos && s[star_i] != '/') {
      p = star_p;
      i = ++star_i;
    } else if (dstar_p != npos) {
      std::size_t next = dstar_slash ? s.find('/', dstar_i) : dstar_i;
      if (next == npos) return false;
      dstar_i = next + 1;
      p = dstar_p;
      i = dstar_i;
      star_p = npos;
    } else {
      return false;
    }
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

std::vector<InputItem> expand_inputs(const std::vector<std::string>& args,
                                     const std::vector<std::string>& exclude) {
  std::vector<InputItem> out;
  for (const auto& arg : args) {
    std::error_code ec;
    if (arg != "-" && fs::is_directory(arg, ec)) {
      walk_directory(arg, exclude, out);
    } else if (!excluded(arg, exclude)) {
      out.push_back({arg, std::nullopt});
    }
  }
  return out;
}

ConfigResolver::ConfigResolver(std::optional<Config> fixed, std::function<void(Config&)> adjust)
    : adjust_(std::move(adjust)), fixed_(std::move(fixed)) {
  if (!adjust_) return;
  if (fixed_)
    adjust_(*fixed_);
  else
    adjust_(adjusted_default_.emplace(default_config()));
}

std::variant<const Config*, ConfigError> ConfigResolver::for_path(const std::string& path) {
  if (fixed_) return &*fixed_;
  std::string dir = path == "-" ? "." : fs::path(path).parent_path().string();
  if (dir.empty()) dir = ".";
  auto known = file_for_dir_.find(dir);
  if (known == file_for_dir_.end()) known = file_for_dir_.emplace(dir, find_config_file(dir)).first;
  const std::string& file = known->second;
  if (file.empty()) return adjusted_default_ ? &*adjusted_default_ : &default_config();
  auto cached = by_file_.find(file);
  if (cached == by_file_.end()) {
    auto src = read_source(file, default_config().limits);
    std::variant<Config, ConfigError> loaded =
        std::holds_alternative<LoadError>(src)
            ? std::variant<Config, ConfigError>(ConfigError{file, std::get<LoadError>(src).pos,
                                                            std::get<LoadError>(src).message})
            : apply_config(default_config(), std::get<Source>(src).text, file);
    if (auto* cfg = std::get_if<Config>(&loaded); cfg && adjust_) adjust_(*cfg);
    cached = by_file_.emplace(file, std::move(loaded)).first;
  }
  if (auto* err = std::get_if<ConfigError>(&cached->second)) return *err;
  return &std::get<Config>(cached->second);
}

int exit_code_for(const RunOutcome& outcome) {
  if (outcome.config_error || outcome.summary.errored > 0) return 2;
  if (outcome.summary.failed > 0) return 1;
  return 0;
}

}  // namespace handoff

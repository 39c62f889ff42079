// Group keys (month, quarter, ACV band), stable hashes for --redact, and source labels.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "audit/support.hpp"
#include "handoff/audit.hpp"
#include "report/escape.hpp"

namespace handoff {
namespace {

// "2026-03-14", "2026/03/14", "2026-03-14T09:00:00Z", "2026-03-14 09:00" -> "2026-03-14".
// Day-first and month-first forms ("03/14/2026") are ambiguous, so they are not guessed at.
std::optional<std::string> iso_date_prefix(std::string_view text) {
  text = audit::trim(text);
  if (text.size() < 10) return std::nullopt;
  std::string date(text.substr(0, 10));
  if (date[4] == '/' && date[7] == '/') date[4] = date[7] = '-';
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  if (!is_iso_date(date)) return std::nullopt;
  return date;
}

// "$25K", "$1.5M", "$900": the short form people use for deal sizes.
std::string short_money(double amount) {
  auto trimmed = [](double v) {
    std::string s = fmt::format("{:.2f}", v);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
  };
  if (std::fabs(amount) >= 1e6) return "$" + trimmed(amount / 1e6) + "M";
  if (std::fabs(amount) >= 1e3) return "$" + trimmed(amount / 1e3) + "K";
  return "$" + trimmed(amount);
}

std::uint32_t fnv1a_folded(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char ch : text) {
    hash ^= static_cast<unsigned char>(ch);
    hash *= 0x100000001b3ULL;
  }
  return static_cast<std::uint32_t>(hash ^ (hash >> 32));
}

}  // namespace

namespace audit {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

void normalize_name(std::string_view text, std::string& out) {
  out.clear();
  bool space = false;
  for (char ch : trim(text)) {
    bool blank = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
    if (blank) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  if (out.size() > kMaxKeyBytes) {
    std::size_t cut = kMaxKeyBytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
    out.resize(cut);
  }
}

bool source_less(std::string_view a, std::string_view b) {
  report::SourceParts pa = report::split_source(a), pb = report::split_source(b);
  if (pa.path != pb.path) return pa.path < pb.path;
  if (pa.record.size() != pb.record.size()) return pa.record.size() < pb.record.size();
  return pa.record < pb.record;
}

}  // namespace audit

std::string audit_month_key(std::string_view close_date) {
  auto date = iso_date_prefix(close_date);
  return date ? date->substr(0, 7) : std::string(audit::kNoDate);
}

std::string audit_quarter_key(std::string_view close_date) {
  auto date = iso_date_prefix(close_date);
  if (!date) return std::string(audit::kNoDate);
  int month = ((*date)[5] - '0') * 10 + ((*date)[6] - '0');
  return date->substr(0, 4) + "-Q" + std::to_string((month - 1) / 3 + 1);
}

std::optional<std::size_t> audit_segment_band(std::optional<double> acv, const std::vector<double>& bounds) {
  if (!acv || !std::isfinite(*acv)) return std::nullopt;
  std::size_t band = 0;
  while (band < bounds.size() && *acv >= bounds[band]) ++band;
  return band;
}

std::string audit_segment_label(std::size_t band, const std::vector<double>& bounds) {
  if (bounds.empty()) return "All";
  std::string range;
  if (band == 0)
    range = "< " + short_money(bounds.front());
  else if (band >= bounds.size())
    range = ">= " + short_money(bounds.back());
  else
    range = short_money(bounds[band - 1]) + "-" + short_money(bounds[band]);
  if (bounds.size() == 2) {
    static constexpr std::array<std::string_view, 3> kNames = {"SMB", "Mid-market", "Enterprise"};
    return fmt::format("{} ({})", kNames[std::min<std::size_t>(band, 2)], range);
  }
  return range;
}

std::string audit_hash(std::string_view prefix, std::string_view text) {
  std::string name;
  audit::normalize_name(text, name);
  return fmt::format("{}{:08x}", prefix, fnv1a_folded(name));
}

std::string audit_source_label(std::string_view source, bool redact) {
  if (!redact || source == "<stdin>") return std::string(source);
  report::SourceParts parts = report::split_source(source);
  std::string_view file = report::file_of(parts.path);
  std::string ext;
  auto dot = file.rfind('.');
  if (dot != std::string_view::npos && dot > 0 && file.size() - dot <= 6) ext = std::string(file.substr(dot));
  std::string label = fmt::format("src-{:08x}{}", fnv1a_folded(parts.path), report::terminal_safe(ext));
  if (!parts.record.empty()) label += "#" + std::string(parts.record);
  return label;
}

}  // namespace handoff

#include "handoff/record.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

#include "handoff/diagnostic.hpp"

namespace handoff {
namespace {

struct CategoryText {
  std::string_view key, title, question;
};
constexpr CategoryText kCategoryText[kCategoryCount] = {
    {"buying_motivation", "Buying motivation",
     "What really made them buy now: the trigger, the deadline, and what is at stake if nothing "
     "changes?"},
    {"champion_profile", "Champion profile",
     "Who drove the deal inside the customer (name and title), and what do they personally stake "
     "on it?"},
    {"promises_commitments", "Promises and commitments",
     "What was promised outside the contract, item by item, and by when? If nothing, say so."},
    {"red_flags_risks", "Red flags and risks",
     "Which objections were overcome but not resolved: who raised them, what, and how were they "
     "handled?"},
    {"political_landscape", "Political landscape",
     "Who lost the budget battle, who is skeptical or blocking, by name and role?"},
    {"success_criteria", "Success criteria",
     "How will the champion judge success: which measures, from what to what, by when?"},
    {"communication_style", "Communication style",
     "Which channel, what cadence, and what kind of meetings does the champion want?"},
};

constexpr std::string_view kFieldKeyNames[] = {
    "buying_motivation", "champion_profile", "promises_commitments", "red_flags_risks",
    "political_landscape", "success_criteria", "communication_style", "account",
    "acv", "close_date", "products", "ae",
    "csm", "key_contacts", "competitive_context", "relationship_history",
    "handoff_call",
};

bool iequals_prefix(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

}  // namespace

std::string_view category_key(Category c) { return kCategoryText[index_of(c)].key; }
std::string_view category_title(Category c) { return kCategoryText[index_of(c)].title; }
std::string_view category_question(Category c) { return kCategoryText[index_of(c)].question; }

std::optional<Category> category_from_key(std::string_view key) {
  for (Category c : kAllCategories)
    if (category_key(c) == key) return c;
  return std::nullopt;
}

std::string_view field_key_name(FieldKey k) { return kFieldKeyNames[static_cast<std::size_t>(k)]; }

std::optional<FieldKey> field_key_from_name(std::string_view canonical) {
  for (std::size_t i = 0; i < std::size(kFieldKeyNames); ++i)
    if (kFieldKeyNames[i] == canonical) return static_cast<FieldKey>(i);
  return std::nullopt;
}

std::optional<Category> category_of(FieldKey k) {
  auto i = static_cast<std::size_t>(k);
  if (i < kCategoryCount) return static_cast<Category>(i);
  return std::nullopt;
}

std::optional<double> parse_money(std::string_view text) {
  auto trim = [](std::string_view& s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  };
  std::string_view s = text;
  trim(s);
  // Currency codes and symbols, before or after the number.
  for (std::string_view code : {"usd", "eur", "gbp", "cad", "aud"}) {
    if (iequals_prefix(s, code)) s.remove_prefix(code.size());
    if (s.size() >= code.size() && iequals_prefix(s.substr(s.size() - code.size()), code))
      s.remove_suffix(code.size());
    trim(s);
  }
  for (std::string_view sym : {"$", "\xE2\x82\xAC", "\xC2\xA3"}) {  // $, €, £
    if (s.starts_with(sym)) s.remove_prefix(sym.size());
    trim(s);
  }
  std::string digits;
  double scale = 1;
  bool seen_point = false, seen_digit = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char ch = s[i];
    if (std::isdigit(static_cast<unsigned char>(ch))) {
      digits += ch;
      seen_digit = true;
    } else if (ch == ',') {
      // A thousands separator must be followed by exactly three digits.
      auto digit_at = [&](std::size_t j) {
        return j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]));
      };
      if (!seen_digit || seen_point || !digit_at(i + 1) || !digit_at(i + 2) || !digit_at(i + 3) ||
          digit_at(i + 4))
        return std::nullopt;
    } else if (ch == '.') {
      if (seen_point) return std::nullopt;
      seen_point = true;
      digits += '.';
    } else {
      std::string_view rest = s.substr(i);
      trim(rest);
      if (rest == "k" || rest == "K") scale = 1e3;
      else if (rest == "m" || rest == "M" || rest == "mm" || rest == "MM") scale = 1e6;
      else return std::nullopt;
      break;
    }
  }
  if (!seen_digit) return std::nullopt;
  double value = 0;
  auto res = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (res.ec != std::errc() || res.ptr != digits.data() + digits.size()) return std::nullopt;
  value *= scale;
  if (!std::isfinite(value)) return std::nullopt;
  return std::round(value * 100) / 100;
}

bool is_iso_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  auto num = [&](std::size_t pos, std::size_t len, int& out) {
    auto r = std::from_chars(t.data() + pos, t.data() + pos + len, out);
    return r.ec == std::errc() && r.ptr == t.data() + pos + len;
  };
  int y = 0, m = 0, d = 0;
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max_day = kDays[m - 1] + ((m == 2 && leap) ? 1 : 0);
  return d <= max_day;
}

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::optional<Severity> severity_from_name(std::string_view name) {
  if (name == "info") return Severity::info;
  if (name == "warning") return Severity::warning;
  if (name == "error") return Severity::error;
  return std::nullopt;
}

}  // namespace handoff

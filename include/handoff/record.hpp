// The handoff record: header facts, the seven fields and optional enrichment,
// every value carrying the line and column where it starts.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace handoff {

// The seven scored categories, in canonical order. The numeric value is the index
// into Record::fields and into every per-category array.
enum class Category : std::uint8_t {
  buying_motivation,
  champion_profile,
  promises_commitments,
  red_flags_risks,
  political_landscape,
  success_criteria,
  communication_style,
};
inline constexpr std::size_t kCategoryCount = 7;
inline constexpr std::array<Category, kCategoryCount> kAllCategories = {
    Category::buying_motivation,   Category::champion_profile,    Category::promises_commitments,
    Category::red_flags_risks,     Category::political_landscape, Category::success_criteria,
    Category::communication_style,
};

std::string_view category_key(Category c);       // "buying_motivation"
std::string_view category_title(Category c);     // "Buying motivation"
std::string_view category_question(Category c);  // the question a CSM needs answered
std::optional<Category> category_from_key(std::string_view key);
inline std::size_t index_of(Category c) { return static_cast<std::size_t>(c); }

// Every key a loader may map a label, heading, YAML key or CSV column to.
enum class FieldKey : std::uint8_t {
  buying_motivation,
  champion_profile,
  promises_commitments,
  red_flags_risks,
  political_landscape,
  success_criteria,
  communication_style,
  account,
  acv,
  close_date,
  products,
  ae,
  csm,
  key_contacts,
  competitive_context,
  relationship_history,
  handoff_call,
};
std::string_view field_key_name(FieldKey k);  // canonical YAML key, e.g. "close_date"
std::optional<FieldKey> field_key_from_name(std::string_view canonical);
std::optional<Category> category_of(FieldKey k);  // the seven map to their category

// 1-based line and column; 0 means "unknown / whole file".
struct Position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

struct TextItem {
  std::string text;
  Position pos;
};

// One of the seven fields or a free-text enrichment field.
struct Field {
  bool present = false;  // the key, heading or label was seen
  Position pos;          // where the value starts (the label's position when the value is empty)
  std::string text;      // the whole value; items joined with '\n'
  std::vector<TextItem> items;  // one per bullet / list entry, or per paragraph of prose
  bool is_list = false;         // the value was written as a list (YAML sequence or bullets)
};

struct HeaderValue {
  bool present = false;
  std::string text;
  Position pos;
};

struct Header {
  HeaderValue account, acv, close_date, ae, csm;
  bool products_present = false;
  Position products_pos;
  std::vector<TextItem> products;
  std::optional<double> acv_amount;  // parse_money(acv.text) when it parses
};

struct Contact {
  std::string name;
  std::string role;
  Position pos;
};

// An inline suppression comment found by a loader (`handoff-lint: disable=HL301 -- reason`).
struct Suppression {
  std::vector<std::string> rules;
  std::string reason;
  Position pos;
  std::optional<Category> scope;  // the field it sits in; nullopt = whole record
};

struct Finding;

struct Record {
  std::string source;  // display name: "dir/file.md" or "dir/file.yaml#2"
  std::string format;  // "yaml", "markdown", "text", "csv", "jsonl"
  Header header;
  std::array<Field, kCategoryCount> fields;
  bool key_contacts_present = false;
  Position key_contacts_pos;
  std::vector<Contact> key_contacts;
  Field competitive_context, relationship_history, handoff_call;
  std::vector<Suppression> suppressions;

  Field& field(Category c) { return fields[index_of(c)]; }
  const Field& field(Category c) const { return fields[index_of(c)]; }
};

// Money as people write it: "67200", "$67,200", "$67,200.00", "67.2k", "USD 67,200", "1.2M".
std::optional<double> parse_money(std::string_view text);

// "2026-04-28" -> true when it is a real calendar date.
bool is_iso_date(std::string_view text);

}  // namespace handoff

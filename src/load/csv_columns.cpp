// Which CSV column feeds which record key: the user's mapping, then the header names CRMs
// write (Salesforce reports and Data Loader, HubSpot deal exports), then the alias table.
#include <algorithm>
#include <array>
#include <cctype>

#include "load/csv.hpp"
#include "load/csv_columns.hpp"

namespace handoff::csv {
namespace {

struct BuiltinName {
  std::string_view header;
  FieldKey key;
};

// Order matters where two names give one key: "Account Name" beats "Opportunity Name" when a
// report has both, because it names the customer rather than the deal.
constexpr std::array<BuiltinName, 15> kCrmNames = {{
    {"Account Name", FieldKey::account},
    {"Opportunity Name", FieldKey::account},
    {"Deal Name", FieldKey::account},
    {"ACV", FieldKey::acv},
    {"Annual Contract Value", FieldKey::acv},
    {"Amount", FieldKey::acv},
    {"Close Date", FieldKey::close_date},
    {"Opportunity Owner", FieldKey::ae},
    {"Deal Owner", FieldKey::ae},
    {"AE", FieldKey::ae},
    {"Account Executive", FieldKey::ae},
    {"CSM", FieldKey::csm},
    {"Customer Success Manager", FieldKey::csm},
    {"Products", FieldKey::products},
    {"Product", FieldKey::products},
}};

constexpr std::array<std::string_view, 4> kDefaultNotes = {"Handoff Notes", "Handoff_Notes__c",
                                                           "Description", "Notes"};

// Ranks: the user's mapping first, then CRM names in table order, then aliases.
constexpr int kRankExplicit = 0;
constexpr int kRankCrm = 1000;
constexpr int kRankAlias = 2000;

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// "Champion_Profile__c" -> "Champion_Profile": a Salesforce custom field's API name. The
// alias table's normalisation already reads '_' as a space.
std::string_view strip_custom_suffix(std::string_view header) {
  if (header.size() > 3 && iequals(header.substr(header.size() - 3), "__c"))
    return header.substr(0, header.size() - 3);
  return header;
}

std::optional<std::pair<FieldKey, int>> crm_name(std::string_view header) {
  const std::string norm = LabelTable::normalize(header);
  for (std::size_t i = 0; i < kCrmNames.size(); ++i)
    if (norm == LabelTable::normalize(kCrmNames[i].header))
      return std::pair{kCrmNames[i].key, kRankCrm + static_cast<int>(i)};
  return std::nullopt;
}

bool is_notes_column(std::string_view header, const CsvMapping& mapping) {
  if (!mapping.notes_columns.empty()) {
    return std::any_of(mapping.notes_columns.begin(), mapping.notes_columns.end(),
                       [&](const std::string& n) { return iequals(trim_view(n), header); });
  }
  return std::any_of(kDefaultNotes.begin(), kDefaultNotes.end(),
                     [&](std::string_view n) { return iequals(n, header); });
}

Column classify(std::string_view raw_header, const CsvMapping& mapping, const LabelTable& labels) {
  Column col;
  col.header = std::string(trim_view(raw_header));
  const std::string_view header = col.header;
  for (const auto& [name, key] : mapping.columns) {
    if (iequals(trim_view(name), header)) {
      col.use = ColumnUse::field;
      col.key = key;
      col.rank = kRankExplicit;
      return col;
    }
  }
  if (is_notes_column(header, mapping)) {
    col.use = ColumnUse::notes;
    return col;
  }
  const std::string_view base = strip_custom_suffix(header);
  for (std::string_view name : {header, base}) {
    if (auto crm = crm_name(name)) {
      col.use = ColumnUse::field;
      col.key = crm->first;
      col.rank = crm->second;
      return col;
    }
  }
  for (std::string_view name : {header, base}) {
    if (auto key = labels.match(name)) {
      col.use = ColumnUse::field;
      col.key = *key;
      col.rank = kRankAlias;
      return col;
    }
  }
  return col;
}

}  // namespace

ColumnPlan plan_columns(const Row& header, const CsvMapping& mapping, const LabelTable& labels) {
  ColumnPlan plan;
  plan.columns.reserve(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    Column col = classify(header[i].text, mapping, labels);
    if (col.use == ColumnUse::field) {
      plan.field_order.push_back(i);
      if (category_of(col.key)) plan.any_category = true;
    } else if (col.use == ColumnUse::notes) {
      plan.notes.push_back(i);
    }
    plan.columns.push_back(std::move(col));
  }
  // Columns giving one key are tried best first; the first non-empty cell wins.
  std::stable_sort(plan.field_order.begin(), plan.field_order.end(), [&](std::size_t a, std::size_t b) {
    return plan.columns[a].rank < plan.columns[b].rank;
  });
  return plan;
}

}  // namespace handoff::csv

namespace handoff {

std::vector<std::pair<std::string, std::string>> csv_column_mapping(const Source& src,
                                                                    const LoadOptions& opt) {
  static const CsvMapping kNoMapping;
  const CsvMapping& mapping = opt.csv ? *opt.csv : kNoMapping;
  BlockReader start(src, *opt.limits, opt.block_bytes);
  const char delimiter = mapping.delimiter ? mapping.delimiter : csv::first_look(start).delimiter;
  BlockReader blocks(src, *opt.limits, opt.block_bytes);
  csv::Reader reader(blocks, delimiter, opt.limits->max_field_bytes);
  csv::Row header;
  if (reader.next(header) != csv::ReadStatus::row || !header.problem.empty()) return {};
  csv::ColumnPlan plan = csv::plan_columns(header, mapping, *opt.labels);
  std::vector<std::pair<std::string, std::string>> out;
  for (const csv::Column& col : plan.columns) {
    std::string use = "ignored";
    if (col.use == csv::ColumnUse::notes) use = "notes";
    if (col.use == csv::ColumnUse::field) use = std::string(field_key_name(col.key));
    out.emplace_back(col.header, std::move(use));
  }
  return out;
}

}  // namespace handoff

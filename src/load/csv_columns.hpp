// Internal to the CSV loader: the column plan worked out once from the header row.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "handoff/load.hpp"
#include "load/csv_reader.hpp"

namespace handoff::csv {

enum class ColumnUse { ignored, field, notes };

struct Column {
  std::string header;  // trimmed
  ColumnUse use = ColumnUse::ignored;
  FieldKey key = FieldKey::account;  // when use == field
  int rank = 0;                      // lower is preferred among columns giving the same key
};

struct ColumnPlan {
  std::vector<Column> columns;           // one per header cell, in file order
  std::vector<std::size_t> field_order;  // field columns, preferred first
  std::vector<std::size_t> notes;        // notes columns, in file order
  bool any_category = false;             // some column feeds one of the seven fields
};

ColumnPlan plan_columns(const Row& header, const CsvMapping& mapping, const LabelTable& labels);

}  // namespace handoff::csv

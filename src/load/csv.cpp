// The CSV loader: CRM exports, one record per data row, named `file#ROW`, every position in
// file terms. Rows are read one at a time; a broken row is an error record and reading goes on.
#include <array>
#include <optional>
#include <string>

#include "handoff/load.hpp"
#include "load/blocks.hpp"
#include "load/csv.hpp"
#include "load/csv_columns.hpp"
#include "load/csv_reader.hpp"
#include "load/record_builder.hpp"
#include "text/items.hpp"

namespace handoff {
namespace {

constexpr std::size_t kFieldKeyCount = static_cast<std::size_t>(FieldKey::handoff_call) + 1;
constexpr std::size_t kNoColumn = static_cast<std::size_t>(-1);
constexpr std::size_t kHeadersListed = 20;
constexpr const char* kEmptyFile =
    "no content: the CSV file is empty (expected a header row, then one row per record)";

Finding loader_warning(std::string rule, std::string message, Position pos) {
  Finding f;
  f.rule = std::move(rule);
  f.severity = Severity::warning;
  f.message = std::move(message);
  f.pos = pos;
  return f;
}

std::string quote_text(std::string_view s) { return "\"" + text::excerpt(s, 40) + "\""; }

std::string delimiter_name(char d) {
  if (d == '\t') return "tab";
  return std::string("'") + d + "'";
}

bool is_blank(std::string_view s) { return text::trim(s).empty(); }

// Where a cell's text starts once leading blanks are skipped (single-line values).
Position first_text_pos(const csv::Cell& cell) {
  Position p = cell.pos;
  for (char c : cell.text) {
    if (c == '\n') {
      ++p.line;
      p.column = 1;
    } else if (c == ' ' || c == '\t') {
      ++p.column;
    } else {
      break;
    }
  }
  return p;
}

FieldValue cell_value(FieldKey key, const csv::Cell& cell) {
  FieldValue v;
  switch (key) {
    case FieldKey::account:
    case FieldKey::acv:
    case FieldKey::close_date:
    case FieldKey::ae:
    case FieldKey::csm:
      v.pos = first_text_pos(cell);
      v.items.push_back({std::string(text::trim(cell.text)), v.pos});
      return v;
    case FieldKey::products:
    case FieldKey::key_contacts: {
      // Salesforce multi-select picklists export as "A;B"; people write one per line.
      v.items = split_value_lines(cell.text, cell.pos, true, ';');
      v.is_list = v.items.size() > 1;
      break;
    }
    default: {
      ValueItems split = split_value_items(cell.text, cell.pos, true);
      v.items = std::move(split.items);
      v.is_list = split.is_list;
      break;
    }
  }
  v.pos = v.items.empty() ? cell.pos : v.items.front().pos;
  return v;
}

// Takes from a notes cell's record what the dedicated columns left unset.
void fill_missing(Record& into, Record&& from) {
  for (std::size_t i = 0; i < kCategoryCount; ++i)
    if (!into.fields[i].present && from.fields[i].present) into.fields[i] = std::move(from.fields[i]);
  for (Field Record::*f : {&Record::competitive_context, &Record::relationship_history, &Record::handoff_call})
    if (!(into.*f).present && (from.*f).present) into.*f = std::move(from.*f);
  Header& h = into.header;
  for (HeaderValue Header::*v : {&Header::account, &Header::close_date, &Header::ae, &Header::csm})
    if (!(h.*v).present && (from.header.*v).present) h.*v = std::move(from.header.*v);
  if (!h.acv.present && from.header.acv.present) {
    h.acv = std::move(from.header.acv);
    h.acv_amount = from.header.acv_amount;
  }
  if (!h.products_present && from.header.products_present) {
    h.products_present = true;
    h.products_pos = from.header.products_pos;
    h.products = std::move(from.header.products);
  }
  if (!into.key_contacts_present && from.key_contacts_present) {
    into.key_contacts_present = true;
    into.key_contacts_pos = from.key_contacts_pos;
    into.key_contacts = std::move(from.key_contacts);
  }
  for (auto& s : from.suppressions) into.suppressions.push_back(std::move(s));
}

bool is_empty_row(const csv::Row& row) {
  if (!row.problem.empty()) return false;
  for (std::size_t i = 0; i < row.size(); ++i)
    if (!is_blank(row[i].text)) return false;
  return true;
}

std::string cells(std::size_t n) { return std::to_string(n) + (n == 1 ? " cell" : " cells"); }

bool has_any_value(const Record& r) {
  for (const Field& f : r.fields)
    if (f.present) return true;
  const Header& h = r.header;
  return h.account.present || h.acv.present || h.close_date.present || h.ae.present ||
         h.csm.present || h.products_present || r.key_contacts_present ||
         r.competitive_context.present || r.relationship_history.present || r.handoff_call.present;
}

class CsvLoader {
 public:
  CsvLoader(const Source& src, const LoadOptions& opt, const RecordSink& sink)
      : src_(src), opt_(opt), sink_(sink), mapping_(opt.csv ? *opt.csv : default_mapping()) {}

  void run() {
    // A first look at the start, then the rows from the start again: the text is read in
    // blocks and never held whole.
    BlockReader start(src_, *opt_.limits, opt_.block_bytes);
    const csv::FirstLook look = csv::first_look(start);
    if (read_failed(start)) return;
    if (look.blank) {
      emit_error(src_.name, kEmptyFile, {});
      return;
    }
    delimiter_ = mapping_.delimiter ? mapping_.delimiter : look.delimiter;
    BlockReader blocks(src_, *opt_.limits, opt_.block_bytes);
    csv::Reader reader(blocks, delimiter_, opt_.limits->max_field_bytes);
    csv::Row header;
    if (!read_header(reader, header)) {
      read_failed(blocks);
      return;
    }
    plan_ = csv::plan_columns(header, mapping_, *opt_.labels);
    if (!plan_.any_category && plan_.notes.empty()) {
      emit_error(src_.name, no_mapping_message(), {header.line, 1});
      return;
    }
    csv::Row row;
    std::size_t number = 0;
    for (;;) {
      csv::ReadStatus status = reader.next(row);
      if (status == csv::ReadStatus::end) {
        if (read_failed(blocks)) return;
        break;
      }
      if (status == csv::ReadStatus::row && is_empty_row(row)) continue;  // ",,,," left by spreadsheets
      std::string name = src_.name + "#" + std::to_string(++number);
      if (number > opt_.limits->max_records_per_file) {
        emit_error(name, "more than " + std::to_string(opt_.limits->max_records_per_file) +
                             " data rows in one file (limits.max_records_per_file); this row and the rest were not read",
                   {row.line, 1});
        return;
      }
      if (status == csv::ReadStatus::unterminated) {
        emit_error(name, "the quote opened here is never closed, so the rest of the file (from line " +
                             std::to_string(row.problem_pos.line) +
                             ") reads as one cell: no more rows could be read; close the quote or double it (\"\") inside a quoted cell",
                   row.problem_pos);
        return;
      }
      if (auto problem = row_problem(row)) {
        emit_error(name, std::move(problem->message), problem->pos);
        continue;
      }
      emit_row(std::move(name), row);
    }
    if (number == 0)
      emit_error(src_.name, "the CSV file has a header row but no data rows", {header.line, 1});
  }

 private:
  static const CsvMapping& default_mapping() {
    static const CsvMapping kDefault;
    return kDefault;
  }

  // An export on disk that changed since open_source checked it, or a failed read: reported
  // as the file's error once the rows read so far are out.
  bool read_failed(const BlockReader& blocks) {
    if (!blocks.error()) return false;
    emit_error(src_.name, blocks.error()->message, blocks.error()->pos);
    return true;
  }

  // False when there is no usable header row (reported, unless the text could not be read).
  bool read_header(csv::Reader& reader, csv::Row& header) {
    switch (reader.next(header)) {
      case csv::ReadStatus::end:
        if (!reader.failed()) emit_error(src_.name, kEmptyFile, {});
        return false;
      case csv::ReadStatus::unterminated:
        emit_error(src_.name, "the header row has a quote that is never closed; no rows could be read",
                   header.problem_pos);
        return false;
      case csv::ReadStatus::row: break;
    }
    if (!header.problem.empty()) {
      emit_error(src_.name, "header row: " + header.problem, header.problem_pos);
      return false;
    }
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i].too_long) {
        emit_error(src_.name, "a header cell is over limits.max_field_bytes", header[i].pos);
        return false;
      }
    }
    return true;
  }

  std::string no_mapping_message() const {
    std::string headers;
    for (std::size_t i = 0; i < plan_.columns.size() && i < kHeadersListed; ++i)
      headers += (i ? ", " : "") + quote_text(plan_.columns[i].header);
    if (plan_.columns.size() > kHeadersListed)
      headers += " and " + std::to_string(plan_.columns.size() - kHeadersListed) + " more";
    return "no column maps to one of the seven handoff fields and there is no notes column; headers found: " +
           headers +
           ". Name the columns like the fields (\"Champion\", \"Buying Motivation\", ...) or map them in "
           ".handoff-lint.yaml: csv: {columns: {\"My Header\": champion_profile}, notes_columns: [\"My Notes\"]}";
  }

  std::optional<LoadError> row_problem(const csv::Row& row) const {
    if (!row.problem.empty()) return LoadError{"broken row: " + row.problem, row.problem_pos};
    if (row.size() != plan_.columns.size())
      return LoadError{"this row has " + cells(row.size()) + " but the header has " +
                           std::to_string(plan_.columns.size()) + "; a cell holding the delimiter (" +
                           delimiter_name(delimiter_) + ") or a line break must be in double quotes",
                       {row.line, 1}};
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row[i].too_long)
        return LoadError{"the cell in column " + quote_text(plan_.columns[i].header) + " is " +
                             std::to_string(row[i].bytes) + " bytes, over limits.max_field_bytes (" +
                             std::to_string(opt_.limits->max_field_bytes) + ")",
                         row[i].pos};
    }
    return std::nullopt;
  }

  void emit_row(std::string name, const csv::Row& row) {
    Loaded out;
    out.record.source = std::move(name);
    out.record.format = "csv";
    std::array<std::size_t, kFieldKeyCount> given_by;
    given_by.fill(kNoColumn);
    // Dedicated columns first, best column first; notes fill what they left unset.
    for (std::size_t col : plan_.field_order) {
      const csv::Cell& cell = row[col];
      if (is_blank(cell.text)) continue;
      FieldKey key = plan_.columns[col].key;
      auto& first = given_by[static_cast<std::size_t>(key)];
      if (set_field(out.record, key, cell_value(key, cell))) {
        first = col;
      } else if (category_of(key)) {
        out.warnings.push_back(loader_warning(
            "HL902",
            "column " + quote_text(plan_.columns[col].header) + " repeats " + std::string(field_key_name(key)) +
                ", already given by column " + quote_text(plan_.columns[first].header) + "; the first value is kept",
            cell.pos));
      }
    }
    for (std::size_t col : plan_.notes) fill_from_notes(out, col, row[col]);
    // An empty cell under a field's own column is an empty answer, not a missing one.
    for (std::size_t col : plan_.field_order) {
      FieldKey key = plan_.columns[col].key;
      if (category_of(key) && is_blank(row[col].text) && !out.record.field(*category_of(key)).present)
        set_field(out.record, key, FieldValue{{}, false, row[col].pos});
    }
    sink_(std::move(out));
  }

  void fill_from_notes(Loaded& out, std::size_t col, const csv::Cell& cell) {
    if (is_blank(cell.text)) return;
    Source notes{out.record.source, Format::text, cell.text};
    std::optional<Loaded> parsed;
    load_text(notes, opt_, [&](Loaded&& l) {
      if (!parsed) parsed = std::move(l);
    });
    if (!parsed) return;
    shift_positions(*parsed, cell.pos);
    const std::string column = quote_text(plan_.columns[col].header);
    if (parsed->error) {
      out.warnings.push_back(loader_warning(
          "HL901", "notes in column " + column + " were not checked: " + parsed->error->message,
          parsed->error->pos));
      return;
    }
    if (!has_any_value(parsed->record))
      out.warnings.push_back(loader_warning(
          "HL901",
          "notes in column " + column +
              " have no field labels (such as \"Champion:\" or \"Field 1: Buying motivation\"), so none of their text was checked",
          cell.pos));
    fill_missing(out.record, std::move(parsed->record));
    for (auto& w : parsed->warnings) out.warnings.push_back(std::move(w));
  }

  void emit_error(const std::string& name, std::string message, Position pos) {
    Loaded bad;
    bad.record.source = name;
    bad.record.format = "csv";
    bad.error = LoadError{std::move(message), pos};
    sink_(std::move(bad));
  }

  const Source& src_;
  const LoadOptions& opt_;
  const RecordSink& sink_;
  const CsvMapping& mapping_;
  char delimiter_ = ',';
  csv::ColumnPlan plan_;
};

}  // namespace

void load_csv(const Source& src, const LoadOptions& opt, const RecordSink& sink) {
  CsvLoader(src, opt, sink).run();
}

}  // namespace handoff

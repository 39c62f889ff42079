// Sources and loaders: bytes in, Records (or per-record errors) out.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "handoff/diagnostic.hpp"
#include "handoff/record.hpp"

namespace handoff {

// Hard limits; each exceeded limit is a clear error for that record, never a crash.
struct Limits {
  std::size_t max_file_bytes = 5u << 20;        // 5 MiB: one record file
  std::size_t max_export_bytes = 512u << 20;    // 512 MiB: one CSV or JSONL export (by extension)
  std::size_t max_line_bytes = 1u << 20;        // one line of text
  std::size_t max_field_bytes = 256u << 10;     // one field's text
  std::size_t max_yaml_depth = 64;              // nesting of YAML collections
  std::size_t max_yaml_nodes = 200000;          // nodes in one YAML document
  std::size_t max_yaml_flow_bytes = 64u << 10;  // bytes inside flow collections ([...] / {...})
  std::size_t max_markdown_nesting = 32;        // list / quote nesting
  std::size_t max_markdown_brackets = 20000;    // '[' and '![' per file (cmark 0.30 is quadratic on them)
  // Lines + list/quote markers + inline markup characters (\ ` & < * _ [ ] !) per file: each
  // costs cmark 0.30 a node (~150-200 bytes, ~1.5 us), so this bounds its time and memory.
  std::size_t max_markdown_nodes = 200000;
  std::size_t max_records_per_file = 1000000;
  std::size_t max_findings_per_record = 200;
  friend bool operator==(const Limits&, const Limits&) = default;
};

enum class Format { unknown, yaml, markdown, text, csv, jsonl };
std::string_view format_name(Format f);  // "yaml", "markdown", "text", "csv", "jsonl"
std::optional<Format> format_from_name(std::string_view name);  // also accepts "md", "txt", "yml"
Format format_from_extension(std::string_view path);            // unknown when not recognised
Format sniff_format(std::string_view text);                     // for stdin and unknown extensions

// Maps labels, headings, YAML keys and CSV headers to canonical keys. Matching ignores case,
// punctuation, leading numbering ("1.", "Field 3:", "3)") and a trailing parenthetical.
class LabelTable {
 public:
  LabelTable() = default;
  // Entries whose aliases are already normalized (the compiled-in defaults).
  explicit LabelTable(std::unordered_map<std::string, FieldKey> normalized);
  void add(std::string_view alias, FieldKey key);
  std::optional<FieldKey> match(std::string_view label) const;
  static std::string normalize(std::string_view label);
  std::size_t size() const { return map_.size(); }
  // Normalized alias -> key, for `handoff-lint config` (unordered: sort before printing).
  const std::unordered_map<std::string, FieldKey>& entries() const { return map_; }
  friend bool operator==(const LabelTable&, const LabelTable&) = default;

 private:
  std::unordered_map<std::string, FieldKey> map_;
  std::size_t longest_ = 0;  // the longest normalized alias
};

// How CSV columns map to record keys. Headers not listed here are matched through the
// LabelTable and the built-in CRM header names; notes columns hold label-line text.
struct CsvMapping {
  std::vector<std::pair<std::string, FieldKey>> columns;  // header text -> key
  std::vector<std::string> notes_columns;                 // headers parsed as plain-text records
  char delimiter = 0;                                     // 0 = sniff ',' or ';' (or '\t')
  friend bool operator==(const CsvMapping&, const CsvMapping&) = default;
};

// How much of an export on disk is read at once (the CSV and JSONL loaders, open_source).
inline constexpr std::size_t kExportBlockBytes = 1u << 20;

struct LoadOptions {
  const Limits* limits = nullptr;      // required
  const LabelTable* labels = nullptr;  // required
  const CsvMapping* csv = nullptr;     // optional; defaults when null
  std::size_t block_bytes = kExportBlockBytes;  // a Source's text is read in blocks this size
};

struct SourceFile;  // an export left on disk (src/load/blocks.hpp)

// A source after the byte-level pass: valid UTF-8, no BOM, no NUL, '\n' line ends only.
struct Source {
  std::string name;  // display name (relative path as given, or "<stdin>")
  Format format = Format::unknown;
  std::string text;  // empty when `file` is set
  // Set by open_source for a CSV or JSONL export: the text stays on disk and loaders read it
  // in blocks, taking the byte-level pass again as they go.
  std::shared_ptr<const SourceFile> file = nullptr;
};

// Reads a regular file (stat first: refuses FIFOs, devices, directories; size cap), or stdin
// for "-", then runs the byte-level pass. Never blocks on a FIFO.
std::variant<Source, LoadError> read_source(const std::string& path, const Limits& limits);

// As read_source, with the same errors, but a .csv or .jsonl file (by extension: the exports
// that may be large) is only checked here, by the byte-level pass in blocks, and left on disk
// in `file`: memory does not grow with the export. Other paths are read whole.
std::variant<Source, LoadError> open_source(const std::string& path, const Limits& limits,
                                            std::size_t block_bytes = kExportBlockBytes);

// The byte-level pass on raw bytes: strips a UTF-8 BOM, rejects NUL and invalid/overlong UTF-8
// (naming the line), enforces the line-length cap, and turns CRLF and lone CR into LF.
std::optional<LoadError> normalize_text(std::string& bytes, const Limits& limits);

// One loaded unit: a record, or the reason one record (or the whole source) failed.
struct Loaded {
  Record record;                   // source and format always set
  std::optional<LoadError> error;  // set => the record's gate is "error"
  std::vector<Finding> warnings;   // loader warnings: unknown key, duplicate key, ...
};
using RecordSink = std::function<void(Loaded&&)>;

// Each loader streams what it finds to the sink, in source order.
void load_yaml(const Source& src, const LoadOptions& opt, const RecordSink& sink);
void load_markdown(const Source& src, const LoadOptions& opt, const RecordSink& sink);
void load_text(const Source& src, const LoadOptions& opt, const RecordSink& sink);
void load_csv(const Source& src, const LoadOptions& opt, const RecordSink& sink);
void load_jsonl(const Source& src, const LoadOptions& opt, const RecordSink& sink);
void load_source(const Source& src, const LoadOptions& opt, const RecordSink& sink);  // dispatch on format

}  // namespace handoff

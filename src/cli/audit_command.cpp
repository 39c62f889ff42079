// `handoff-lint audit`: run every record through run_check() into an AuditAggregator (or the
// streaming CSV reporter), then write the scorecard. Exit status: 0 when the audit ran, even
// with failing or broken records (they are what it reports); 2 for a usage or configuration
// error, or when an input as a whole could not be read (its records would silently be missing).
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <set>

#include "cli/commands.hpp"
#include "cli/output_file.hpp"
#include "cli/subcommand.hpp"
#include "handoff/audit.hpp"
#include "handoff/run.hpp"
#include "load/csv.hpp"
#include "report/escape.hpp"

namespace handoff::cli {
namespace {

constexpr std::size_t kMaxInputErrorsShown = 10;

struct AuditFlags {
  std::vector<std::string> paths;
  std::vector<std::string> exclude;
  std::vector<std::string> by;
  std::vector<std::string> segments;
  std::string format = "text";
  std::string output;
  std::string config;
  std::string input_format;
  std::size_t worst = 10;
  bool redact = false;
  bool quiet = false;
  std::size_t jobs = 0;  // 0: one per core
};

// Notices whole inputs that failed (a source with no "#N": unreadable, not UTF-8, a CSV
// with no usable header), keeping the first few messages for stderr.
class InputErrorWatch : public Reporter {
 public:
  void record(const RecordResult& r) override {
    if (r.gate != Gate::error || !report::split_source(r.source).record.empty()) return;
    ++count;
    if (messages.size() >= kMaxInputErrorsShown) return;
    std::string why = r.findings.empty() ? "could not be read" : r.findings.front().message;
    messages.push_back(report::terminal_safe(r.source) + ": " + report::terminal_safe(why));
  }
  void end(const RunSummary&) override {}
  std::size_t count = 0;
  std::vector<std::string> messages;
};

// "ae,month" and repeated flags alike (CLI11's delimiter would also swallow the paths after it).
std::vector<std::string> comma_list(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& value : values) {
    std::size_t start = 0;
    for (;;) {
      std::size_t comma = value.find(',', start);
      std::string item = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!item.empty()) out.push_back(std::move(item));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

std::optional<AuditOptions> parse_options(const AuditFlags& f) {
  AuditOptions o;
  o.redact = f.redact;
  o.worst_count = f.worst;
  if (!f.by.empty()) {
    o.group_by.clear();
    for (const auto& name : comma_list(f.by)) {
      auto d = audit_dimension_from_name(name);
      if (!d) {
        std::cerr << "handoff-lint: unknown --by " << name << " (ae, csm, month, quarter, segment)\n";
        return std::nullopt;
      }
      o.group_by.push_back(*d);
    }
  }
  if (!f.segments.empty()) {
    o.segment_bounds.clear();
    for (const auto& text : comma_list(f.segments)) {
      auto amount = parse_money(text);
      if (!amount || *amount <= 0 || (!o.segment_bounds.empty() && *amount <= o.segment_bounds.back())) {
        std::cerr << "handoff-lint: --segments expects ascending positive amounts, e.g. 25000,100000 (got "
                  << text << ")\n";
        return std::nullopt;
      }
      o.segment_bounds.push_back(*amount);
    }
  }
  return o;
}

// Which CSV column feeds which field, for each CSV input: printed so a mis-mapped export
// cannot pass as clean. Checked once more here; the loader reads the file on its own.
std::vector<AuditColumnMapping> column_mappings(const std::vector<InputItem>& inputs, Format forced,
                                                ConfigResolver& configs) {
  std::vector<AuditColumnMapping> out;
  std::set<std::string> seen;
  for (const auto& input : inputs) {
    if (input.error || !seen.insert(input.path).second) continue;
    Format format = forced != Format::unknown ? forced : format_from_extension(input.path);
    if (format != Format::csv) continue;
    AuditColumnMapping m;
    m.file = input.path;
    if (input.path == "-") {
      m.file = "<stdin>";
      m.note = "not shown for stdin, which can be read only once";
      out.push_back(std::move(m));
      continue;
    }
    auto cfg = configs.for_path(input.path);
    if (std::holds_alternative<ConfigError>(cfg)) continue;  // reported by the run itself
    const Config& config = *std::get<const Config*>(cfg);
    auto src = open_source(input.path, config.limits);  // checked in blocks, never held whole
    if (auto* err = std::get_if<LoadError>(&src)) {
      m.note = "could not be read: " + err->message;
    } else {
      LoadOptions opt{&config.limits, &config.labels, &config.csv};
      m.columns = csv_column_mapping(std::get<Source>(src), opt);
    }
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.file < b.file; });
  return out;
}

void print_mappings(const std::vector<AuditColumnMapping>& mappings, bool redact, std::ostream& err) {
  for (const auto& m : mappings) {
    err << "CSV columns of " << report::terminal_safe(audit_source_label(m.file, redact)) << ":\n";
    if (m.columns.empty()) err << "  " << (m.note.empty() ? "no readable header row" : m.note) << "\n";
    for (const auto& [header, use] : m.columns)
      err << "  " << report::terminal_safe(header) << " -> " << use << "\n";
  }
}

int run(const AuditFlags& f) {
  static const std::set<std::string, std::less<>> kFormats = {"text", "csv", "json", "markdown", "html"};
  if (!kFormats.count(f.format)) {
    std::cerr << "handoff-lint: unknown audit format " << f.format << " (text, csv, json, markdown, html)\n";
    return 2;
  }
  auto options = parse_options(f);
  if (!options) return 2;
  std::optional<Config> fixed;
  if (!f.config.empty()) {
    fixed = load_config_file(f.config, std::cerr);
    if (!fixed) return 2;
  }
  RunOptions run_options;
  if (!f.input_format.empty()) {
    auto fmt = format_from_name(f.input_format);
    if (!fmt) {
      std::cerr << "handoff-lint: unknown --input-format " << f.input_format << "\n";
      return 2;
    }
    run_options.forced_format = *fmt;
  }
  run_options.jobs = jobs_or_default(f.jobs);
  std::vector<InputItem> inputs = expand_inputs(f.paths, f.exclude);
  std::vector<std::string> input_paths;
  for (const auto& in : inputs) input_paths.push_back(in.path);

  AtomicFile file;
  std::ostream* out = &std::cout;
  if (!f.output.empty()) {
    if (same_file_as_any(f.output, input_paths)) {
      std::cerr << "handoff-lint: refusing to write a report over an input: " << f.output << "\n";
      return 2;
    }
    if (auto err = file.open(f.output)) {
      std::cerr << "handoff-lint: " << *err << "\n";
      return 2;
    }
    out = &file.stream();
  }

  ConfigResolver configs(std::move(fixed));
  std::vector<AuditColumnMapping> mappings = column_mappings(inputs, run_options.forced_format, configs);
  const bool streamed = f.format == "csv";
  if (streamed && !f.quiet) print_mappings(mappings, options->redact, std::cerr);

  AuditAggregator aggregator(*options);
  std::unique_ptr<Reporter> csv = streamed ? make_audit_csv_reporter(*out, *options) : nullptr;
  std::unique_ptr<Reporter> progress;
  if (!f.quiet && ::isatty(STDERR_FILENO) == 1) progress = make_audit_progress_reporter(std::cerr, inputs.size());
  InputErrorWatch input_errors;
  std::vector<Reporter*> reporters{streamed ? csv.get() : &aggregator, &input_errors};
  if (progress) reporters.push_back(progress.get());

  RunOutcome outcome = run_check(inputs, configs, run_options, reporters);
  if (!streamed) {
    AuditReport report = aggregator.finish(kToolVersion);
    report.column_mappings = std::move(mappings);
    write_audit_report(f.format, report, *out);
  }
  int status = outcome.config_error || input_errors.count > 0 ? 2 : 0;
  if (outcome.summary.records == 0) {
    std::cerr << "handoff-lint: nothing to audit: no records in the paths given (folders are searched for "
                 ".csv, .tsv, .jsonl, .ndjson, .yaml, .yml, .json, .md, .txt files)\n";
    status = 2;
  }
  for (const auto& message : input_errors.messages) std::cerr << "handoff-lint: cannot audit " << message << "\n";
  if (input_errors.count > input_errors.messages.size())
    std::cerr << "handoff-lint: " << input_errors.count - input_errors.messages.size() << " more inputs could not be read\n";
  if (!f.output.empty()) {
    if (auto err = file.commit()) {
      std::cerr << "handoff-lint: " << *err << "\n";
      status = 2;
    }
  }
  std::cout.flush();
  return status;
}

}  // namespace

Subcommand add_audit_command(CLI::App& parent) {
  auto flags = std::make_shared<AuditFlags>();
  auto* cmd = parent.add_subcommand(
      "audit", "Score a batch of records (CRM exports, folders) into a scorecard by AE, month or segment");
  cmd->add_option("paths", flags->paths, "CSV or JSONL exports, records, folders (walked recursively), or -")
      ->required();
  cmd->add_option("-f,--format", flags->format, "Output format: text, csv, json, markdown, html")
      ->capture_default_str();
  cmd->add_option("-o,--output", flags->output, "Write the report to FILE (whole or not at all)");
  cmd->add_option("--by", flags->by, "Group by ae, csm, month, quarter, segment (repeatable or comma-separated; "
                                     "default ae,month)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--segments", flags->segments,
                  "ACV band bounds for --by segment, ascending (default 25000,100000: SMB, mid-market, enterprise)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--worst", flags->worst, "How many worst records to list, overall and per group")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000));
  cmd->add_flag("--redact", flags->redact,
                "Hash account names, AEs, CSMs and sources; quote no record text");
  cmd->add_option("-c,--config", flags->config, "Configuration file (default: nearest .handoff-lint.yaml)");
  cmd->add_option("--input-format", flags->input_format, "Force the input format: yaml, md, txt, csv, jsonl");
  one_value_each(cmd->add_option("--exclude", flags->exclude, "Skip paths matching a glob (repeatable)"));
  cmd->add_flag("-q,--quiet", flags->quiet, "No progress line and no column listing on stderr");
  add_jobs_option(cmd, flags->jobs);
  cmd->footer(
      "Exit status: 0 the audit ran (failing and broken records are counted in it),\n"
      "2 a usage or configuration error, or an input that could not be read at all.");
  return {cmd, [flags] { return run(*flags); }};
}

}  // namespace handoff::cli

// `handoff-lint check`: flags -> run_check -> reporters -> exit status.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <limits>
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/output_file.hpp"
#include "cli/subcommand.hpp"
#include "handoff/baseline.hpp"
#include "handoff/report.hpp"
#include "handoff/run.hpp"
#include "report/summary_markdown.hpp"

namespace handoff::cli {
namespace {

struct CheckFlags {
  std::vector<std::string> paths;
  std::vector<std::string> exclude;
  std::vector<std::string> reports;  // FORMAT=FILE
  std::string format = "text";
  std::string output;
  std::string config;
  std::string input_format;
  bool no_color = false;
  bool explain = false;
  // Gate overrides; unset ones leave each record's configuration alone.
  std::string fail_on;                  // error, warning, never
  int min_score = -1;                   // 0..100
  std::vector<std::string> thresholds;  // CATEGORY=N
  int max_warnings = -1;
  std::string baseline;
  std::string write_baseline;
  std::size_t jobs = 0;  // 0: one per core
};

// What the gate flags change in every configuration a record is checked with.
struct GateOverrides {
  std::optional<std::optional<Severity>> fail_on;  // outer: given; inner nullopt: never
  std::optional<int> min_score;
  std::vector<std::pair<Category, int>> thresholds;
  std::optional<int> max_warnings;
  bool uncapped = false;  // --write-baseline: the baseline must hold every finding
};

// The run-wide warning cap: the flag, else the lowest `gate.max_warnings` of the
// configurations that applied.
struct WarningCap {
  std::optional<std::size_t> limit;
  std::string origin;
};

std::optional<GateOverrides> parse_gate_flags(const CheckFlags& f) {
  GateOverrides o;
  if (f.fail_on == "never")
    o.fail_on.emplace(std::nullopt);
  else if (!f.fail_on.empty())
    o.fail_on.emplace(severity_from_name(f.fail_on));  // CLI11 lets only these through
  if (f.min_score >= 0) o.min_score = f.min_score;
  if (f.max_warnings >= 0) o.max_warnings = f.max_warnings;
  for (const std::string& spec : f.thresholds) {
    auto eq = spec.find('=');
    std::optional<Category> category =
        eq == std::string::npos ? std::nullopt : category_from_key(spec.substr(0, eq));
    int value = -1;
    if (eq != std::string::npos) {
      std::string digits = spec.substr(eq + 1);
      bool numeric = !digits.empty() && digits.size() <= 3 &&
                     digits.find_first_not_of("0123456789") == std::string::npos;
      if (numeric) value = std::stoi(digits);
    }
    if (!category || value < 0 || value > 100) {
      std::string keys;
      for (Category c : kAllCategories)
        keys += fmt::format("{}{}", keys.empty() ? "" : ", ", category_key(c));
      std::cerr << fmt::format(
          "handoff-lint: --threshold expects CATEGORY=N with N from 0 to 100, got \"{}\"{}\n", spec,
          category ? "" : fmt::format(" (categories: {})", keys));
      return std::nullopt;
    }
    o.thresholds.emplace_back(*category, value);
  }
  o.uncapped = !f.write_baseline.empty();
  return o;
}

void apply_overrides(const GateOverrides& o, Config& cfg, WarningCap& cap) {
  if (o.fail_on) cfg.gate.fail_on = *o.fail_on;
  if (o.min_score) cfg.gate.min_score = *o.min_score;
  for (const auto& [category, value] : o.thresholds) cfg.category(category).threshold = value;
  if (o.max_warnings) cfg.gate.max_warnings = *o.max_warnings;
  // The largest cap rather than 0: the engine reads 0 as "no cap", but a loader capping its
  // own warnings would read it as "none".
  if (o.uncapped) cfg.limits.max_findings_per_record = std::numeric_limits<std::size_t>::max();
  if (o.max_warnings) {
    cap = {static_cast<std::size_t>(*o.max_warnings), "--max-warnings"};
  } else if (cfg.gate.max_warnings && *cfg.gate.max_warnings >= 0 &&
             (!cap.limit || static_cast<std::size_t>(*cfg.gate.max_warnings) < *cap.limit)) {
    cap = {static_cast<std::size_t>(*cfg.gate.max_warnings),
           fmt::format("gate.max_warnings in {}", cfg.origin)};
  }
}

// Sums each record's unsuppressed warnings and, with --write-baseline, collects its findings.
class GateTally final : public Reporter {
 public:
  explicit GateTally(Baseline* collect) : collect_(collect) {}
  void record(const RecordResult& result) override {
    warnings_ += result.warnings;
    if (collect_) collect_->add(result);
  }
  void end(const RunSummary&) override {}
  std::size_t warnings() const { return warnings_; }

 private:
  Baseline* collect_;
  std::size_t warnings_ = 0;
};

std::optional<Baseline> read_baseline(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    std::cerr << "handoff-lint: cannot read baseline " << path << "\n";
    return std::nullopt;
  }
  auto parsed = Baseline::parse(text.str());
  if (auto* err = std::get_if<std::string>(&parsed)) {
    std::cerr << "handoff-lint: baseline " << path << ": " << *err << "\n";
    return std::nullopt;
  }
  return std::get<Baseline>(std::move(parsed));
}

// Written whole or not at all; an error message on failure.
std::optional<std::string> write_baseline_file(const std::string& path, const Baseline& baseline) {
  AtomicFile file;
  if (auto err = file.open(path)) return err;
  file.stream() << baseline.to_json();
  return file.commit();
}

bool want_color(const CheckFlags& f) {
  if (f.no_color || !f.output.empty()) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return ::isatty(STDOUT_FILENO) == 1 && f.format == "text";
}

// One report destination: the console or a file written whole or not at all.
struct Destination {
  std::unique_ptr<AtomicFile> file;
  std::unique_ptr<Reporter> reporter;
};

int run(const CheckFlags& f) {
  std::optional<Config> fixed;
  if (!f.config.empty()) {
    fixed = load_config_file(f.config, std::cerr);
    if (!fixed) return 2;
  }
  RunOptions options;
  if (!f.input_format.empty()) {
    auto fmt = format_from_name(f.input_format);
    if (!fmt) {
      std::cerr << "handoff-lint: unknown --input-format " << f.input_format << "\n";
      return 2;
    }
    options.forced_format = *fmt;
  }
  std::optional<GateOverrides> overrides = parse_gate_flags(f);
  if (!overrides) return 2;
  // Writing a baseline records every finding as baselined (the file is then a fixed point);
  // an existing --baseline only matters when not rewriting it.
  std::optional<Baseline> baseline;
  if (!f.write_baseline.empty()) {
    baseline = Baseline::everything();
  } else if (!f.baseline.empty()) {
    baseline = read_baseline(f.baseline);
    if (!baseline) return 2;
  }
  if (baseline) options.baseline = &*baseline;
  options.jobs = jobs_or_default(f.jobs);
  std::vector<InputItem> inputs = expand_inputs(f.paths, f.exclude);
  std::vector<std::string> input_paths;
  for (const auto& in : inputs) input_paths.push_back(in.path);
  if (!f.write_baseline.empty() && same_file_as_any(f.write_baseline, input_paths)) {
    std::cerr << "handoff-lint: refusing to write a baseline over an input: " << f.write_baseline
              << "\n";
    return 2;
  }

  // (format, file or "" for stdout)
  std::vector<std::pair<std::string, std::string>> wanted{{f.format, f.output}};
  for (const auto& spec : f.reports) {
    auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      std::cerr << "handoff-lint: --report expects FORMAT=FILE, got " << spec << "\n";
      return 2;
    }
    wanted.emplace_back(spec.substr(0, eq), spec.substr(eq + 1));
  }
  std::vector<Destination> destinations;
  for (const auto& [format, path] : wanted) {
    Destination d;
    std::ostream* out = &std::cout;
    if (!path.empty()) {
      if (same_file_as_any(path, input_paths)) {
        std::cerr << "handoff-lint: refusing to write a report over an input: " << path << "\n";
        return 2;
      }
      d.file = std::make_unique<AtomicFile>();
      if (auto err = d.file->open(path)) {
        std::cerr << "handoff-lint: " << *err << "\n";
        return 2;
      }
      out = &d.file->stream();
    }
    ReportOptions ropts{path.empty() && want_color(f), f.explain, kToolVersion};
    d.reporter = make_reporter(format, *out, ropts);
    if (!d.reporter) {
      std::cerr << "handoff-lint: unknown report format " << format
                << " (text, json, sarif, junit, github, markdown)\n";
      return 2;
    }
    destinations.push_back(std::move(d));
  }
  // GitHub Actions: a Markdown summary table for the job page, appended as the runner expects.
  std::ofstream step_summary;
  std::unique_ptr<Reporter> summary_reporter;
  const char* summary_path = std::getenv("GITHUB_STEP_SUMMARY");
  if (f.format == "github" && summary_path && *summary_path) {
    step_summary.open(summary_path, std::ios::app);
    if (step_summary) summary_reporter = report::make_step_summary_reporter(step_summary);
  }

  std::vector<Reporter*> reporters;
  for (auto& d : destinations) reporters.push_back(d.reporter.get());
  if (summary_reporter) reporters.push_back(summary_reporter.get());

  Baseline written;
  GateTally tally(f.write_baseline.empty() ? nullptr : &written);
  reporters.push_back(&tally);

  WarningCap cap;
  ConfigResolver configs(std::move(fixed),
                         [&](Config& cfg) { apply_overrides(*overrides, cfg, cap); });
  RunOutcome outcome = run_check(inputs, configs, options, reporters);
  int status = exit_code_for(outcome);
  if (cap.limit && tally.warnings() > *cap.limit) {
    std::cerr << fmt::format(
        "handoff-lint: gate failed: {} unsuppressed warnings, more than the {} allowed by {}\n",
        tally.warnings(), *cap.limit, cap.origin);
    if (status == 0) status = 1;
  }
  if (!f.write_baseline.empty()) {
    if (auto err = write_baseline_file(f.write_baseline, written)) {
      std::cerr << "handoff-lint: " << *err << "\n";
      status = 2;
    } else {
      std::cerr << fmt::format("handoff-lint: wrote {} ({} findings)\n", f.write_baseline,
                               written.size());
    }
  }
  for (auto& d : destinations) {
    if (!d.file) continue;
    if (auto err = d.file->commit()) {
      std::cerr << "handoff-lint: " << *err << "\n";
      status = 2;
    }
  }
  std::cout.flush();
  return status;
}

const char* const kCheckExitCodesHelp =
    "Exit status: 0 every record passes its gate, 1 at least one record fails its gate (a\n"
    "required category under its threshold, an unsuppressed finding at or above --fail-on, a\n"
    "score under --min-score) or more than --max-warnings warnings remain, 2 a usage,\n"
    "configuration or input error (unreadable or invalid record, unreadable baseline).";

}  // namespace

// Accepts anything (the command checks the value itself, with its own message) but shows the
// usual values in --help, the man page and the bash completion.
CLI::Validator usual_values(const std::string& braced_list) {
  return CLI::Validator([](std::string&) { return std::string(); }, braced_list);
}

Subcommand add_check_command(CLI::App& parent) {
  auto flags = std::make_shared<CheckFlags>();
  auto* cmd =
      parent.add_subcommand("check", "Check records and gate them (files, folders, - for stdin)");
  cmd->add_option("paths", flags->paths, "Records, folders (walked recursively), or - for stdin")
      ->required();
  cmd->add_option("-f,--format", flags->format, "Console output format")
      ->check(usual_values("{text,json,sarif,junit,github,markdown}"))
      ->capture_default_str();
  cmd->add_option("-o,--output", flags->output, "Write the report to FILE (whole or not at all)")
      ->option_text("FILE");
  one_value_each(cmd->add_option("--report", flags->reports,
                  "Also write a report in FORMAT to FILE (repeatable), e.g. sarif=out.sarif"))
      ->option_text("FORMAT=FILE");
  cmd->add_option("-c,--config", flags->config,
                  "Configuration file (default: nearest .handoff-lint.yaml)")
      ->option_text("FILE");
  cmd->add_option("--input-format", flags->input_format, "Force the input format")
      ->check(usual_values("{yaml,md,txt,csv,jsonl}"));
  one_value_each(cmd->add_option("--exclude", flags->exclude, "Skip paths matching a glob (repeatable)"))
      ->option_text("GLOB");
  cmd->add_flag("--no-color", flags->no_color,
                "Never colour the output (NO_COLOR is honoured too)");
  cmd->add_flag("--explain", flags->explain, "Show where each category's score came from");
  add_jobs_option(cmd, flags->jobs);
  cmd->add_option("--fail-on", flags->fail_on,
                  "Lowest unsuppressed finding severity that fails a record (default: the "
                  "config's gate.fail_on, error)")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  cmd->add_option("--min-score", flags->min_score, "Fail a record whose overall score is below N")
      ->check(CLI::Range(0, 100))
      ->option_text("N");
  one_value_each(cmd->add_option("--threshold", flags->thresholds,
                  "Set a category's threshold, N from 0 to 100 (repeatable), e.g. "
                  "success_criteria=80"))
      ->option_text("CATEGORY=N");
  cmd->add_option("--max-warnings", flags->max_warnings,
                  "Fail the run (exit 1) when more than N unsuppressed warnings remain in all")
      ->check(CLI::NonNegativeNumber)
      ->option_text("N");
  cmd->add_option("--baseline", flags->baseline,
                  "Findings recorded in FILE count as suppressed: only new findings fail")
      ->option_text("FILE");
  cmd->add_option("--write-baseline", flags->write_baseline,
                  "Record the unsuppressed findings in FILE (JSON) for --baseline")
      ->option_text("FILE");
  cmd->footer(kCheckExitCodesHelp);
  return {cmd, [flags] { return run(*flags); }};
}

}  // namespace handoff::cli

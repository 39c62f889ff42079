// What the fuzz harnesses do with an input, header-only so that the normal unit-test build can
// replay saved regression inputs through exactly the same code (tests/unit/
// test_fuzz_regressions.cpp) without libFuzzer.
//
// A loader input takes the byte-level pass exactly as read_source runs it (inputs it rejects
// are skipped), one loader with the built-in limits and labels, the rule engine on every
// record, and the reporters on every result. Besides crashes and sanitizer reports, it checks
// properties a reporter must keep on any input: JSON and SARIF output parse, and plain text
// output carries no raw terminal control character.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "handoff/config.hpp"
#include "handoff/engine.hpp"
#include "handoff/load.hpp"
#include "handoff/report.hpp"
#include "../unit/yaml_event_log.hpp"

namespace handoff::fuzz {

using Loader = void (*)(const Source&, const LoadOptions&, const RecordSink&);
using Problem = std::optional<std::string>;  // what broke, or nullopt when the input was fine

// The bytes as a Source of `format`, or nullopt when read_source would reject them.
// Format::unknown is resolved by sniff_format, as read_source does for stdin.
inline std::optional<Source> make_source(std::string_view bytes, Format format, std::string name) {
  const Limits& limits = default_config().limits;
  // read_source refuses a file over the size cap before the byte pass sees it.
  if (bytes.size() > limits.max_file_bytes) return std::nullopt;
  std::string text(bytes);
  if (normalize_text(text, limits)) return std::nullopt;
  Source src{std::move(name), format, std::move(text)};
  if (src.format == Format::unknown) src.format = sniff_format(src.text);
  return src;
}

// A terminal acts on C0 controls other than tab and newline, DEL, C1 controls (U+0080..U+009F,
// UTF-8 C2 80..C2 9F) and reorders text on bidirectional overrides and isolates (U+202A..U+202E,
// U+2066..U+2069). The offset of the first one in `s`, or npos.
inline std::size_t first_terminal_control(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return i;
    if (c == 0xC2 && i + 1 < s.size()) {
      auto d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0x9F) return i;
    }
    if (c == 0xE2 && i + 2 < s.size()) {
      auto d = static_cast<unsigned char>(s[i + 1]), e = static_cast<unsigned char>(s[i + 2]);
      if (d == 0x80 && e >= 0xAA && e <= 0xAE) return i;
      if (d == 0x81 && e >= 0xA6 && e <= 0xA9) return i;
    }
  }
  return std::string_view::npos;
}

// Loads `src`, runs the engine on every Loaded and feeds the reporters. SARIF is optional: its
// end() writes the whole rule catalogue, which would dominate a small input's time, so only the
// `source` harness (which reaches every loader) includes it, on a quarter of its inputs.
inline Problem check_reports(const Source& src, Loader load, bool with_sarif) {
  const Config& config = default_config();
  static const Engine engine(config);
  // Small blocks, so the CSV and JSONL readers resume across many block ends on every input.
  const LoadOptions options{&config.limits, &config.labels, &config.csv, 61};

  ReportOptions plain;
  plain.explain = true;
  ReportOptions coloured = plain;
  coloured.color = true;
  std::ostringstream json_out, sarif_out, text_out, discard;
  std::vector<std::unique_ptr<Reporter>> reporters;
  reporters.push_back(make_reporter("json", json_out, plain));
  reporters.push_back(make_reporter("text", text_out, plain));
  reporters.push_back(make_reporter("text", discard, coloured));
  for (const char* name : {"junit", "github", "markdown"})
    reporters.push_back(make_reporter(name, discard, plain));
  if (with_sarif) reporters.push_back(make_reporter("sarif", sarif_out, plain));
  for (auto& reporter : reporters)
    if (!reporter) return "make_reporter returned nullptr for a documented format";

  RunSummary summary;
  Problem problem;
  for (auto& reporter : reporters) reporter->begin();
  load(src, options, [&](Loaded&& loaded) {
    if (loaded.record.source.empty() && !problem)
      problem = "a loader emitted a record with no source";
    RecordResult result = engine.run(loaded);
    ++summary.records;
    if (result.gate == Gate::pass) ++summary.passed;
    else if (result.gate == Gate::fail) ++summary.failed;
    else ++summary.errored;
    for (auto& reporter : reporters) reporter->record(result);
    discard.str({});  // keep memory flat on inputs with many records
  });
  for (auto& reporter : reporters) reporter->end(summary);
  if (problem) return problem;

  if (!nlohmann::json::accept(json_out.str()))
    return "json reporter wrote text that is not valid JSON:\n" + json_out.str().substr(0, 2000);
  if (with_sarif && !nlohmann::json::accept(sarif_out.str()))
    return "sarif reporter wrote text that is not valid JSON";
  const std::string text = text_out.str();
  if (auto at = first_terminal_control(text); at != std::string_view::npos)
    return "text reporter wrote a raw terminal control character at byte " + std::to_string(at) +
           ":\n" + text.substr(at >= 200 ? at - 200 : 0, 400);
  return std::nullopt;
}

// What every loader relies on after the byte pass: no CR, no NUL, valid UTF-8, short lines.
// Running the pass again must accept its own output and (but for a second BOM) not change it.
inline Problem check_normalized(const std::string& text) {
  if (text.find('\r') != std::string::npos || text.find('\0') != std::string::npos)
    return "normalize_text left a CR or NUL in its output";
  std::string again = text;
  if (auto err = normalize_text(again, default_config().limits))
    return "normalize_text rejects its own output: line " + std::to_string(err->pos.line) + ": " +
           err->message;
  if (again != text && text.rfind("\xEF\xBB\xBF", 0) != 0)
    return "normalize_text is not idempotent";
  return std::nullopt;
}

// Two small records the fuzzed labels, phrases, thresholds and rule settings act on.
inline constexpr std::string_view kConfigProbeYaml =
    "account: Kestrel Anodising\nacv: \"$48,300\"\nclose_date: 2026-09-14\nae: Ilse Brandvold\n"
    "buying_motivation: Their plating line failed two customer audits in Q2.\n"
    "champion_profile: Tomasz Reyes, Quality Lead; he wrote the evaluation plan.\n"
    "promises_commitments:\n  - Audit-trail export by 2026-10-01\n"
    "red_flags_risks: TBD\npolitical_landscape: The plant director signs; finance is neutral.\n"
    "success_criteria: Zero audit findings on traceability by March.\n"
    "communication_style: Short emails; no calls on Mondays.\n"
    "  # handoff-lint: disable=HL701 -- agreed with the CSM\n";
inline constexpr std::string_view kConfigProbeText =
    "Account: Kestrel Anodising\nMotivation: audits failed\nChampion: Tomasz Reyes\n"
    "Promises: TBD\nRisks: none\nPolitics: unknown\nSuccess: fewer findings\nStyle: email\n";

// A .handoff-lint.yaml through apply_config on top of the built-in config. An accepted config
// must also be usable: the engine compiles its phrase lists and checks two records with its
// labels and limits, and `handoff-lint config`'s dump of it must read back as a valid config.
inline Problem check_config(const std::string& text) {
  auto result = apply_config(default_config(), text, "fuzz.yaml");
  const auto* cfg = std::get_if<Config>(&result);
  if (cfg == nullptr) return std::nullopt;  // a ConfigError is a fine answer
  Engine engine(*cfg);
  const LoadOptions options{&cfg->limits, &cfg->labels, &cfg->csv};
  auto run = [&](Loaded&& loaded) { (void)engine.run(loaded); };
  load_yaml({"kestrel.yaml", Format::yaml, std::string(kConfigProbeYaml)}, options, run);
  load_text({"kestrel.txt", Format::text, std::string(kConfigProbeText)}, options, run);

  const std::string dumped = dump_config(*cfg);
  auto again = apply_config(default_config(), dumped, "dumped.yaml");
  if (const auto* err = std::get_if<ConfigError>(&again))
    return "dump_config output does not read back: line " + std::to_string(err->pos.line) + ": " +
           err->message + "\n" + dumped.substr(0, 4000);
  return std::nullopt;
}

// The YAML fast path against yaml-cpp: whenever the fast path accepts a text, both must emit
// the same events with the same marks (src/load/yaml_fast.hpp).
inline Problem check_yaml_fast(const std::string& text) {
  std::vector<std::string> fast;
  if (!test::fast_events(text, fast)) return std::nullopt;
  std::vector<std::string> reference = test::yaml_cpp_events(text);
  if (fast == reference) return std::nullopt;
  std::size_t i = 0;
  while (i < fast.size() && i < reference.size() && fast[i] == reference[i]) ++i;
  auto at = [&](const std::vector<std::string>& events) {
    return i < events.size() ? events[i] : std::string("(no more events)");
  };
  return "the YAML fast path and yaml-cpp disagree at event " + std::to_string(i) +
         ":\n  fast:     " + at(fast) + "\n  yaml-cpp: " + at(reference);
}

// The harness names (folders under tests/fuzz/corpus and tests/fuzz/regressions).
inline constexpr std::string_view kHarnesses[] = {"yaml", "jsonl",  "markdown", "text",
                                                  "csv",  "config", "source",   "yaml_fast"};

// One input through the named harness.
inline Problem check_input(std::string_view harness, std::string_view bytes) {
  struct Entry {
    std::string_view harness;
    Format format;
    const char* name;
    Loader load;
  };
  static constexpr Entry kLoaders[] = {
      {"yaml", Format::yaml, "fuzz.yaml", &load_yaml},
      {"markdown", Format::markdown, "fuzz.md", &load_markdown},
      {"text", Format::text, "fuzz.txt", &load_text},
      {"csv", Format::csv, "fuzz.csv", &load_csv},
      {"jsonl", Format::jsonl, "fuzz.jsonl", &load_jsonl},
  };
  if (harness == "config") {
    auto src = make_source(bytes, Format::yaml, "fuzz.yaml");
    return src ? check_config(src->text) : std::nullopt;
  }
  if (harness == "yaml_fast") {
    auto src = make_source(bytes, Format::yaml, "fuzz.yaml");
    return src ? check_yaml_fast(src->text) : std::nullopt;
  }
  if (harness == "source") {
    auto src = make_source(bytes, Format::unknown, "<stdin>");
    if (!src) return std::nullopt;
    if (auto problem = check_normalized(src->text)) return problem;
    // SARIF's fixed rule catalogue costs ~10x a small input's own work: check it on a
    // deterministic quarter of the inputs, so a reproducer replays the same way.
    return check_reports(*src, &load_source, bytes.size() % 4 == 0);
  }
  for (const Entry& entry : kLoaders) {
    if (entry.harness != harness) continue;
    auto src = make_source(bytes, entry.format, entry.name);
    return src ? check_reports(*src, entry.load, false) : std::nullopt;
  }
  return "unknown harness " + std::string(harness);
}

}  // namespace handoff::fuzz

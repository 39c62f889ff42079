#include "handoff/baseline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace handoff {
namespace {

constexpr int kFormatVersion = 1;

bool is_space(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

class Fnv1a64 {
 public:
  void add(std::string_view part) {
    for (char ch : part) mix(static_cast<unsigned char>(ch));
    mix(0);  // separator: ("ab", "c") and ("a", "bc") differ
  }
  // Runs of whitespace count as one space, none at either end: re-wrapping a paragraph or
  // re-indenting a YAML block keeps the hash. Streams: no copy of the text.
  void add_normalised(std::string_view part) {
    bool pending_space = false, started = false;
    for (char ch : part) {
      if (is_space(ch)) {
        pending_space = started;
        continue;
      }
      if (pending_space) mix(' ');
      pending_space = false;
      started = true;
      mix(static_cast<unsigned char>(ch));
    }
    mix(0);
  }
  std::string hex() const { return fmt::format("{:016x}", hash_); }

 private:
  void mix(unsigned char byte) {
    hash_ ^= byte;
    hash_ *= 1099511628211ULL;
  }
  std::uint64_t hash_ = 14695981039346656037ULL;
};

bool before_or_at(Position a, Position b) {
  return std::tie(a.line, a.column) <= std::tie(b.line, b.column);
}

// The text a field finding is about: the whole field when it points at the field's start,
// else the list item or paragraph it points into.
std::string_view subject_text(const Field& field, Position pos) {
  bool at_field = pos.line == 0 || (pos.line == field.pos.line && pos.column == field.pos.column);
  if (at_field) return field.text;
  const TextItem* containing = nullptr;
  for (const TextItem& item : field.items) {
    if (!before_or_at(item.pos, pos)) break;
    containing = &item;
  }
  return containing ? std::string_view(containing->text) : std::string_view(field.text);
}

std::string text_of(const nlohmann::json& entry, const char* key) {
  auto found = entry.find(key);
  return found != entry.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

std::string finding_fingerprint(const Record& record, const Finding& finding) {
  Fnv1a64 hash;
  hash.add(finding.rule);
  if (finding.category) {
    hash.add(category_key(*finding.category));
    hash.add_normalised(subject_text(record.field(*finding.category), finding.pos));
  } else {
    hash.add("");
    hash.add_normalised(finding.message);
  }
  return hash.hex();
}

std::string baseline_source_key(std::string_view source) {
  if (source.empty()) return {};
  std::string key = std::filesystem::path(source).lexically_normal().generic_string();
  while (key.size() > 2 && key.compare(0, 2, "./") == 0) key.erase(0, 2);
  return key;
}

std::variant<Baseline, std::string> Baseline::parse(std::string_view json_text) {
  nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return std::string("not valid JSON");
  if (!doc.is_object() || !doc.contains("findings") || !doc["findings"].is_array())
    return std::string("expected an object with a \"findings\" list");
  auto version = doc.find("version");
  if (version != doc.end() && (!version->is_number_integer() || *version != kFormatVersion))
    return fmt::format("unsupported baseline version (this handoff-lint reads version {})",
                       kFormatVersion);
  Baseline baseline;
  std::size_t index = 0;
  for (const nlohmann::json& entry : doc["findings"]) {
    ++index;
    if (!entry.is_object()) return fmt::format("findings entry {} is not an object", index);
    BaselineEntry e{baseline_source_key(text_of(entry, "source")), text_of(entry, "rule"),
                    text_of(entry, "fingerprint"), text_of(entry, "message")};
    if (e.source.empty() || e.rule.empty() || e.fingerprint.empty())
      return fmt::format("findings entry {} needs \"source\", \"rule\" and \"fingerprint\" strings",
                         index);
    ++baseline.counts_[{e.source, e.rule, e.fingerprint}];
    baseline.entries_.push_back(std::move(e));
  }
  return baseline;
}

Baseline Baseline::everything() {
  Baseline all;
  all.everything_ = true;
  return all;
}

void Baseline::add(const RecordResult& result) {
  if (result.gate == Gate::error) return;  // an unreadable record has nothing to baseline
  std::string source = baseline_source_key(result.source);
  for (const Finding& f : result.findings) {
    if (f.fingerprint.empty()) continue;  // not from a rule or loader (the HL905 cap note)
    if (f.suppressed && f.suppression_kind == SuppressionKind::in_source) continue;
    ++counts_[{source, f.rule, f.fingerprint}];
    entries_.push_back({source, f.rule, f.fingerprint, f.message});
  }
}

std::string Baseline::to_json() const {
  std::vector<const BaselineEntry*> sorted;
  sorted.reserve(entries_.size());
  for (const BaselineEntry& e : entries_) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(), [](const BaselineEntry* a, const BaselineEntry* b) {
    return std::tie(a->source, a->rule, a->fingerprint, a->message) <
           std::tie(b->source, b->rule, b->fingerprint, b->message);
  });
  // Keys in reading order (source first), not alphabetical.
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const BaselineEntry* e : sorted)
    findings.push_back({{"source", e->source},
                        {"rule", e->rule},
                        {"fingerprint", e->fingerprint},
                        {"message", e->message}});
  nlohmann::ordered_json doc{
      {"tool", "handoff-lint"}, {"version", kFormatVersion}, {"findings", findings}};
  // Replacement, not an exception, for invalid UTF-8 in a message copied from a record.
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

Baseline::Matcher Baseline::matcher_for(std::string_view source) const {
  Matcher matcher;
  matcher.everything_ = everything_;
  std::string key = baseline_source_key(source);
  for (auto it = counts_.lower_bound(std::make_tuple(key, std::string(), std::string()));
       it != counts_.end() && std::get<0>(it->first) == key; ++it)
    matcher.remaining_[{std::get<1>(it->first), std::get<2>(it->first)}] = it->second;
  return matcher;
}

void Baseline::Matcher::apply(Finding& finding) {
  if (finding.suppressed || finding.fingerprint.empty()) return;
  if (!everything_) {
    auto found = remaining_.find(std::make_pair(finding.rule, finding.fingerprint));
    if (found == remaining_.end() || found->second == 0) return;
    --found->second;
  }
  finding.suppressed = true;
  finding.suppression_kind = SuppressionKind::baseline;
  finding.justification = "baseline";
}

}  // namespace handoff

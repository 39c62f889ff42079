// AuditAggregator: counters per group in bounded memory. Each record is folded into the overall
// tally and one group per dimension; worst records live in a bounded heap ordered by (score,
// source), so the result is the same whatever order the records arrive in.
#include <algorithm>
#include <array>
#include <map>

#include "audit/support.hpp"
#include "handoff/audit.hpp"
#include "handoff/rule.hpp"

namespace handoff {
namespace {

// Which presence outcome a rule stands for, if any (HLx01 missing, HLx02 empty, HLx03 placeholder).
enum class Presence : std::uint8_t { none, missing, empty, placeholder };

struct RuleInfo {
  std::string code;
  std::optional<Category> category;
  Presence presence = Presence::none;
};

// The rule table as the aggregator sees it, built once: codes are "HL" + three digits, so a
// direct 1000-slot lookup turns a finding's code into a table index without hashing.
class RuleIndex {
 public:
  RuleIndex() {
    slot_.fill(-1);
    for (const RuleDef& rule : all_rules()) {
      RuleInfo info{std::string(rule.code), rule.category, Presence::none};
      if (rule.kind == RuleKind::presence && rule.category && rule.code.size() == 5) {
        std::string_view tail = rule.code.substr(3);
        if (tail == "01") info.presence = Presence::missing;
        if (tail == "02") info.presence = Presence::empty;
        if (tail == "03") info.presence = Presence::placeholder;
      }
      if (auto n = number(rule.code)) slot_[*n] = static_cast<int>(rules_.size());
      rules_.push_back(std::move(info));
    }
  }
  std::optional<std::size_t> find(std::string_view code) const {
    auto n = number(code);
    if (!n || slot_[*n] < 0) return std::nullopt;
    return static_cast<std::size_t>(slot_[*n]);
  }
  std::size_t size() const { return rules_.size(); }
  const RuleInfo& operator[](std::size_t i) const { return rules_[i]; }

 private:
  static std::optional<std::size_t> number(std::string_view code) {
    if (code.size() != 5 || code[0] != 'H' || code[1] != 'L') return std::nullopt;
    std::size_t n = 0;
    for (char c : code.substr(2)) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return n;
  }
  std::array<int, 1000> slot_{};
  std::vector<RuleInfo> rules_;
};

const RuleIndex& rule_index() {
  static const RuleIndex kIndex;
  return kIndex;
}

// (score, source) ascending: the worst record first.
bool worse(int score_a, std::string_view source_a, int score_b, std::string_view source_b) {
  if (score_a != score_b) return score_a < score_b;
  return audit::source_less(source_a, source_b);
}
bool worse_record(const AuditWorstRecord& a, const AuditWorstRecord& b) {
  return worse(a.score, a.source, b.score, b.source);
}
bool source_order(const std::string& a, const std::string& b) { return audit::source_less(a, b); }

// What one record contributes, worked out once and applied to several tallies.
struct RecordFacts {
  const RecordResult* result = nullptr;
  std::vector<std::size_t> fired;                   // rule indexes, each once
  const std::vector<std::uint32_t>* counts = nullptr;  // findings per rule index
  std::vector<std::string_view> unknown;            // codes outside the table (rare)
  int gaps = 0;
};

struct Tally {
  std::size_t records = 0, passed = 0, failed = 0, errored = 0;
  std::int64_t score_sum = 0;
  std::array<AuditCategoryTally, kCategoryCount> categories{};
  std::vector<AuditRuleTally> rules;  // by rule index
  std::map<std::string, AuditRuleTally, std::less<>> other_rules;
  std::vector<AuditWorstRecord> worst;  // max-heap under worse_record: the top is the mildest kept
  std::vector<std::string> errors;      // max-heap under source_order

  explicit Tally(std::size_t rule_count) : rules(rule_count) {}

  void keep_worst(const AuditWorstRecord& candidate, std::size_t limit) {
    if (limit == 0) return;
    if (worst.size() < limit) {
      worst.push_back(candidate);
      std::push_heap(worst.begin(), worst.end(), worse_record);
    } else if (worse_record(candidate, worst.front())) {
      std::pop_heap(worst.begin(), worst.end(), worse_record);
      worst.back() = candidate;
      std::push_heap(worst.begin(), worst.end(), worse_record);
    }
  }

  void keep_error(std::string_view source, std::size_t limit) {
    if (limit == 0) return;
    if (errors.size() < limit) {
      errors.emplace_back(source);
      std::push_heap(errors.begin(), errors.end(), source_order);
    } else if (audit::source_less(source, errors.front())) {
      std::pop_heap(errors.begin(), errors.end(), source_order);
      errors.back().assign(source);
      std::push_heap(errors.begin(), errors.end(), source_order);
    }
  }

  void add(const RecordFacts& facts, std::size_t limit) {
    const RecordResult& r = *facts.result;
    ++records;
    const RuleIndex& index = rule_index();
    for (std::size_t i : facts.fired) {
      rules[i].records += 1;
      rules[i].findings += (*facts.counts)[i];
      const RuleInfo& info = index[i];
      if (info.presence == Presence::none || !info.category) continue;
      AuditCategoryTally& cat = categories[index_of(*info.category)];
      if (info.presence == Presence::missing) ++cat.missing;
      if (info.presence == Presence::empty) ++cat.empty;
      if (info.presence == Presence::placeholder) ++cat.placeholder;
    }
    // facts.unknown is sorted: each run of one code is one record's findings for that rule.
    for (std::size_t i = 0; i < facts.unknown.size();) {
      std::size_t j = i;
      while (j < facts.unknown.size() && facts.unknown[j] == facts.unknown[i]) ++j;
      auto it = other_rules.find(facts.unknown[i]);
      if (it == other_rules.end()) it = other_rules.emplace(std::string(facts.unknown[i]), AuditRuleTally{}).first;
      it->second.records += 1;
      it->second.findings += j - i;
      i = j;
    }
    if (r.gate == Gate::error) {
      ++errored;
      keep_error(r.source, limit);
      return;
    }
    ++(r.gate == Gate::pass ? passed : failed);
    score_sum += r.score;
    for (std::size_t c = 0; c < kCategoryCount; ++c) {
      categories[c].score_sum += r.categories[c].score;
      if (!r.categories[c].pass) ++categories[c].gaps;
    }
    if (limit > 0 && (worst.size() < limit || worse(r.score, r.source, worst.front().score, worst.front().source)))
      keep_worst({r.source, r.account, r.score, r.gate, facts.gaps}, limit);
  }

  void merge(const Tally& other, std::size_t limit) {
    records += other.records;
    passed += other.passed;
    failed += other.failed;
    errored += other.errored;
    score_sum += other.score_sum;
    for (std::size_t c = 0; c < kCategoryCount; ++c) {
      AuditCategoryTally& mine = categories[c];
      const AuditCategoryTally& theirs = other.categories[c];
      mine.score_sum += theirs.score_sum;
      mine.gaps += theirs.gaps;
      mine.missing += theirs.missing;
      mine.empty += theirs.empty;
      mine.placeholder += theirs.placeholder;
    }
    for (std::size_t i = 0; i < rules.size(); ++i) {
      rules[i].records += other.rules[i].records;
      rules[i].findings += other.rules[i].findings;
    }
    for (const auto& [code, tally] : other.other_rules) {
      AuditRuleTally& mine = other_rules[code];
      mine.records += tally.records;
      mine.findings += tally.findings;
    }
    for (const auto& w : other.worst) keep_worst(w, limit);
    for (const auto& e : other.errors) keep_error(e, limit);
  }

  AuditStats finish() const {
    AuditStats s;
    s.records = records;
    s.passed = passed;
    s.failed = failed;
    s.errored = errored;
    s.score_sum = score_sum;
    s.categories = categories;
    const RuleIndex& index = rule_index();
    for (std::size_t i = 0; i < rules.size(); ++i)
      if (rules[i].records > 0) s.rules.emplace(index[i].code, rules[i]);
    for (const auto& [code, tally] : other_rules) s.rules.emplace(code, tally);
    s.worst = worst;
    std::sort(s.worst.begin(), s.worst.end(), worse_record);
    s.errors = errors;
    std::sort(s.errors.begin(), s.errors.end(), source_order);
    return s;
  }
};

bool is_placeholder_key(std::string_view key) {
  return key == audit::kNone || key == audit::kNoDate || key == audit::kNoAcv;
}

}  // namespace

struct AuditAggregator::State {
  AuditOptions options;
  Tally overall;
  std::array<std::map<std::string, Tally, std::less<>>, kAuditDimensionCount> groups;
  // Scratch reused for every record, so the hot path does not allocate once warmed up.
  std::vector<std::uint32_t> counts;
  RecordFacts facts;
  std::string key;

  std::vector<std::string> band_labels;  // one per ACV band, made once

  explicit State(AuditOptions opts)
      : options(std::move(opts)), overall(rule_index().size()), counts(rule_index().size(), 0) {
    for (std::size_t b = 0; b <= options.segment_bounds.size(); ++b)
      band_labels.push_back(audit_segment_label(b, options.segment_bounds));
  }

  Tally& group(AuditDimension d, std::string_view key_text) {
    auto& map = groups[static_cast<std::size_t>(d)];
    auto it = map.find(key_text);
    if (it == map.end()) it = map.emplace(std::string(key_text), Tally(rule_index().size())).first;
    return it->second;
  }

  std::string_view group_key(AuditDimension d, const RecordResult& r) {
    switch (d) {
      case AuditDimension::ae:
      case AuditDimension::csm:
        audit::normalize_name(d == AuditDimension::ae ? r.ae : r.csm, key);
        if (key.empty()) key = audit::kNone;
        return key;
      case AuditDimension::month: key = audit_month_key(r.close_date); return key;
      case AuditDimension::quarter: key = audit_quarter_key(r.close_date); return key;
      case AuditDimension::segment: {
        auto band = audit_segment_band(r.acv, options.segment_bounds);
        return band ? std::string_view(band_labels[*band]) : audit::kNoAcv;
      }
    }
    return key;
  }
};

AuditAggregator::AuditAggregator(AuditOptions options) : state_(std::make_unique<State>(std::move(options))) {}
AuditAggregator::~AuditAggregator() = default;
AuditAggregator::AuditAggregator(AuditAggregator&&) noexcept = default;
AuditAggregator& AuditAggregator::operator=(AuditAggregator&&) noexcept = default;

void AuditAggregator::record(const RecordResult& result) {
  State& s = *state_;
  RecordFacts& facts = s.facts;
  facts.result = &result;
  facts.counts = &s.counts;
  facts.fired.clear();
  facts.unknown.clear();
  const RuleIndex& index = rule_index();
  for (const Finding& f : result.findings) {
    if (f.suppressed) continue;
    if (auto i = index.find(f.rule)) {
      if (s.counts[*i]++ == 0) facts.fired.push_back(*i);
    } else {
      facts.unknown.push_back(f.rule);
    }
  }
  std::sort(facts.fired.begin(), facts.fired.end());
  std::sort(facts.unknown.begin(), facts.unknown.end());
  facts.gaps = 0;
  for (const CategoryResult& c : result.categories) facts.gaps += c.pass ? 0 : 1;

  const std::size_t limit = s.options.worst_count;
  s.overall.add(facts, limit);
  for (AuditDimension d : kAllAuditDimensions) {
    std::string_view key = s.group_key(d, result);
    s.group(d, key).add(facts, limit);
  }
  for (std::size_t i : facts.fired) s.counts[i] = 0;
}

void AuditAggregator::merge(const AuditAggregator& other) {
  State& s = *state_;
  const std::size_t limit = s.options.worst_count;
  s.overall.merge(other.state_->overall, limit);
  for (std::size_t d = 0; d < kAuditDimensionCount; ++d)
    for (const auto& [key, tally] : other.state_->groups[d]) s.group(kAllAuditDimensions[d], key).merge(tally, limit);
}

AuditReport AuditAggregator::finish(std::string version) const {
  const State& s = *state_;
  AuditReport report;
  report.options = s.options;
  report.version = std::move(version);
  report.overall = s.overall.finish();
  // Segment bands sort by size, not by name; placeholder keys ("(none)", ...) sort last.
  const std::vector<std::string>& band_labels = s.band_labels;
  for (AuditDimension d : kAllAuditDimensions) {
    auto& out = report.groups[static_cast<std::size_t>(d)];
    for (const auto& [key, tally] : s.groups[static_cast<std::size_t>(d)]) {
      std::string label = key;
      bool person = d == AuditDimension::ae || d == AuditDimension::csm;
      if (s.options.redact && person && key != audit::kNone)
        label = audit_hash(d == AuditDimension::ae ? "ae-" : "csm-", key);
      out.push_back({key, std::move(label), tally.finish()});
    }
    auto rank = [&](const AuditGroup& g) -> std::size_t {
      if (is_placeholder_key(g.key)) return band_labels.size() + 1;
      if (d != AuditDimension::segment) return 0;
      auto it = std::find(band_labels.begin(), band_labels.end(), g.key);
      return static_cast<std::size_t>(it - band_labels.begin());
    };
    std::sort(out.begin(), out.end(), [&](const AuditGroup& a, const AuditGroup& b) {
      std::size_t ra = rank(a), rb = rank(b);
      if (ra != rb) return ra < rb;
      if (a.label != b.label) return a.label < b.label;
      return a.key < b.key;
    });
  }
  return report;
}

}  // namespace handoff

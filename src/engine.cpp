// Engine::run: presence rules first (a missing, empty or placeholder field scores 0 and skips
// its category's quality rules), then quality and policy rules, then loader warnings and the
// suppressions' own problems; each finding is fingerprinted, then matched against the inline
// suppressions and the baseline; scores, gate, order and cap last.
#include "handoff/engine.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <tuple>

#include "handoff/baseline.hpp"
#include "handoff/rule.hpp"
#include "rules/suppressions.hpp"
#include "text/phrase_matcher.hpp"

namespace handoff {
namespace {

const RuleConfig* rule_config(const Config& config, std::string_view code) {
  auto found = config.rules.find(code);
  return found == config.rules.end() ? nullptr : &found->second;
}

bool is_off(const Config& config, std::string_view code) {
  const RuleConfig* rc = rule_config(config, code);
  return rc && rc->off;
}

Severity effective_severity(const Config& config, std::string_view code, Severity fallback) {
  const RuleConfig* rc = rule_config(config, code);
  return rc && rc->severity ? *rc->severity : fallback;
}

RecordResult start_result(const Record& rec, const Config& config) {
  RecordResult r;
  r.source = rec.source;
  r.format = rec.format;
  r.account = rec.header.account.text;
  r.ae = rec.header.ae.text;
  r.csm = rec.header.csm.text;
  r.close_date = rec.header.close_date.text;
  r.acv = rec.header.acv_amount;
  if (!r.acv && rec.header.acv.present) r.acv = parse_money(rec.header.acv.text);
  for (Category c : kAllCategories) {
    CategoryResult& cat = r.categories[index_of(c)];
    cat.threshold = config.category(c).threshold;
    cat.required = config.category(c).required;
    cat.pos = rec.field(c).pos;
  }
  return r;
}

// round(100 * earned / possible), halves up, in integers.
int percent(int earned, int possible) { return (200 * earned + possible) / (2 * possible); }

void score_categories(RecordResult& r, const std::array<bool, kCategoryCount>& blocked) {
  int total = 0;
  for (Category c : kAllCategories) {
    CategoryResult& cat = r.categories[index_of(c)];
    int earned = 0, possible = 0;
    for (const CheckScore& check : cat.checks) {
      earned += check.earned;
      possible += check.possible;
    }
    // With every quality rule switched off there is nothing left to judge but presence.
    cat.score = possible > 0 ? percent(earned, possible) : (blocked[index_of(c)] ? 0 : 100);
    cat.pass = cat.score >= cat.threshold;
    total += cat.score;
  }
  r.score = (2 * total + static_cast<int>(kCategoryCount)) / (2 * static_cast<int>(kCategoryCount));
}

// A required category under its threshold, an unsuppressed finding at or above `fail_on`, or
// an overall score under `min_score` fails the record. Suppressed findings never do.
Gate decide_gate(const RecordResult& r, const GatePolicy& policy) {
  for (const CategoryResult& cat : r.categories)
    if (cat.required && !cat.pass) return Gate::fail;
  if (r.score < policy.min_score) return Gate::fail;
  if (!policy.fail_on) return Gate::pass;
  for (const Finding& f : r.findings)
    if (!f.suppressed && f.severity >= *policy.fail_on) return Gate::fail;
  return Gate::pass;
}

}  // namespace

std::string_view gate_name(Gate g) {
  switch (g) {
    case Gate::pass:
      return "pass";
    case Gate::fail:
      return "fail";
    case Gate::error:
      return "error";
  }
  return "error";
}

Engine::Engine(const Config& config, const Baseline* baseline)
    : config_(config),
      baseline_(baseline),
      phrases_(std::make_shared<const text::PhraseBook>(config)) {}

RecordResult Engine::run(const Loaded& loaded) const {
  text::clear_token_cache();  // the previous record's texts
  const Record& rec = loaded.record;
  RecordResult result = start_result(rec, config_);
  if (loaded.error) {
    Finding f;
    f.rule = "HL900";
    f.severity = Severity::error;
    f.message = loaded.error->message;
    f.pos = loaded.error->pos;
    result.findings.push_back(std::move(f));
    result.gate = Gate::error;
    return result;
  }

  rules::SuppressionIndex suppressions(rec.suppressions);
  std::optional<Baseline::Matcher> baselined;
  if (baseline_) baselined = baseline_->matcher_for(rec.source);
  // Comments first (so they are marked used and their reason shows), then the baseline.
  auto settle = [&](Finding& f) {
    f.fingerprint = finding_fingerprint(rec, f);
    suppressions.apply(f);
    if (baselined) baselined->apply(f);
  };
  std::vector<Finding>& findings = result.findings;
  CheckContext ctx(rec, config_, findings);
  ctx.phrases = phrases_.get();
  auto runnable = [&](const RuleDef& rule) { return rule.check && !is_off(config_, rule.code); };
  // Runs one rule; true when it left a finding that no suppression covers. A suppressed
  // finding counts as if the rule had passed: it gives its points back and unblocks.
  auto run_rule = [&](const RuleDef& rule) {
    std::size_t first = findings.size();
    ctx.rule = &rule;
    ctx.severity = effective_severity(config_, rule.code, rule.severity);
    rule.check(ctx);
    bool failed = false;
    for (std::size_t i = first; i < findings.size(); ++i) {
      settle(findings[i]);
      failed = failed || !findings[i].suppressed;
    }
    return failed;
  };

  std::array<bool, kCategoryCount> blocked{};
  for (const RuleDef& rule : all_rules()) {
    if (rule.kind != RuleKind::presence || !rule.category || !runnable(rule)) continue;
    bool& b = blocked[index_of(*rule.category)];
    if (!b) b = run_rule(rule);
  }
  for (const RuleDef& rule : all_rules()) {
    if (rule.kind == RuleKind::presence || !runnable(rule)) continue;
    if (rule.kind != RuleKind::quality || !rule.category) {
      run_rule(rule);
      continue;
    }
    std::size_t c = index_of(*rule.category);
    bool earned = !blocked[c] && !run_rule(rule);
    result.categories[c].checks.push_back(
        {std::string(rule.code), earned ? rule.points : 0, rule.points});
  }
  score_categories(result, blocked);

  for (const Finding& warning : loaded.warnings) {
    if (is_off(config_, warning.rule)) continue;
    Finding f = warning;
    f.severity = effective_severity(config_, f.rule, f.severity);
    settle(f);
    findings.push_back(std::move(f));
  }
  for (Finding& problem : suppressions.problems()) {
    if (is_off(config_, problem.rule)) continue;
    problem.severity = effective_severity(config_, problem.rule, problem.severity);
    problem.fingerprint = finding_fingerprint(rec, problem);
    if (baselined) baselined->apply(problem);
    findings.push_back(std::move(problem));
  }

  // The gate sees every finding; the cap only trims what is shown.
  result.gate = decide_gate(result, config_.gate);
  result.warnings = static_cast<std::size_t>(std::count_if(
      findings.begin(), findings.end(),
      [](const Finding& f) { return !f.suppressed && f.severity == Severity::warning; }));
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.pos.line, a.pos.column, a.rule) < std::tie(b.pos.line, b.pos.column, b.rule);
  });
  std::size_t cap = config_.limits.max_findings_per_record;  // 0: no cap
  if (cap > 0 && findings.size() > cap) {
    std::size_t hidden = findings.size() - cap;
    findings.resize(cap);
    if (!is_off(config_, "HL905")) {
      Finding more;
      more.rule = "HL905";
      more.severity = effective_severity(config_, "HL905", Severity::info);
      more.message = fmt::format("{} more findings not shown.", hidden);
      findings.push_back(std::move(more));
    }
  }
  return result;
}

}  // namespace handoff

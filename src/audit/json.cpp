// `audit --format json`: the whole scorecard, overall and per shown group, for scripts and BI.
// Rates are fractions rounded to 4 decimals, means rounded to 1 (the same figures text prints).
#include "audit/render.hpp"
#include "audit/support.hpp"
#include "report/escape.hpp"
#include "report/json_text.hpp"

namespace handoff::audit {
namespace {

using report::Json;

Json stats_json(const AuditStats& s, bool redact) {
  Json j;
  j["records"] = s.records;
  j["passed"] = s.passed;
  j["failed"] = s.failed;
  j["errors"] = s.errored;
  j["pass_rate"] = round_rate(s.pass_rate());
  // Means and gap rates over no scored record are undefined: null, not a misleading 0.
  const bool scored = s.scored() > 0;
  j["mean_score"] = scored ? Json(round_mean(s.mean_score())) : Json();
  Json cats = Json::array();
  for (Category c : kAllCategories) {
    const AuditCategoryTally& t = s.categories[index_of(c)];
    cats.push_back({{"category", category_key(c)},
                    {"mean_score", scored ? Json(round_mean(s.mean_score(c))) : Json()},
                    {"gap_rate", scored ? Json(round_rate(s.gap_rate(c))) : Json()},
                    {"gaps", t.gaps},
                    {"missing", t.missing},
                    {"empty", t.empty},
                    {"placeholder", t.placeholder}});
  }
  j["categories"] = std::move(cats);
  Json skipped = Json::array();
  for (Category c : most_skipped(s))
    skipped.push_back({{"category", category_key(c)}, {"skipped", s.categories[index_of(c)].skipped()}});
  j["most_skipped"] = std::move(skipped);
  Json rules = Json::array();
  for (const auto& [code, tally] : rules_by_count(s))
    rules.push_back({{"code", code}, {"name", rule_name(code)}, {"records", tally.records}, {"findings", tally.findings}});
  j["rules"] = std::move(rules);
  Json worst = Json::array();
  for (const AuditWorstRecord& w : s.worst)
    worst.push_back({{"source", audit_source_label(w.source, redact)},
                     {"account", account_label(w.account, redact)},
                     {"score", w.score},
                     {"gate", gate_name(w.gate)},
                     {"gaps", w.gaps}});
  j["worst"] = std::move(worst);
  Json errors = Json::array();
  for (const std::string& e : s.errors) errors.push_back(audit_source_label(e, redact));
  j["error_sources"] = std::move(errors);
  return j;
}

}  // namespace

void write_json(const AuditReport& report, std::ostream& out) {
  const bool redact = report.options.redact;
  Json doc;
  doc["tool"] = {{"name", kToolName}, {"version", report.version}};
  Json by = Json::array();
  for (AuditDimension d : shown_dimensions(report.options)) by.push_back(audit_dimension_name(d));
  doc["options"] = {{"group_by", std::move(by)},
                    {"segment_bounds", report.options.segment_bounds},
                    {"worst", report.options.worst_count},
                    {"redacted", redact}};
  Json mappings = Json::array();
  for (const AuditColumnMapping& m : report.column_mappings) {
    Json columns = Json::array();
    for (const auto& [header, use] : m.columns) columns.push_back({{"header", header}, {"feeds", use}});
    Json entry{{"file", audit_source_label(m.file, redact)}, {"columns", std::move(columns)}};
    if (!m.note.empty()) entry["note"] = m.note;
    mappings.push_back(std::move(entry));
  }
  doc["column_mappings"] = std::move(mappings);
  doc["overall"] = stats_json(report.overall, redact);
  Json groups = Json::object();
  for (AuditDimension d : shown_dimensions(report.options)) {
    Json list = Json::array();
    for (const AuditGroup& g : report.by(d)) {
      Json entry{{"key", g.label}};
      entry.update(stats_json(g.stats, redact));
      list.push_back(std::move(entry));
    }
    groups[std::string(audit_dimension_name(d))] = std::move(list);
  }
  doc["groups"] = std::move(groups);
  out << report::indented(doc, "") << "\n";
}

}  // namespace handoff::audit

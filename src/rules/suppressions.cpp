#include "rules/suppressions.hpp"

#include <fmt/format.h>

#include "handoff/rule.hpp"
#include "text/items.hpp"
#include "text/tokens.hpp"

namespace handoff::rules {
namespace {

std::string upper_ascii(std::string_view s) {
  std::string out(text::trim(s));
  for (char& ch : out)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return out;
}

Finding meta_finding(std::string_view code, Severity severity, Position pos, std::string message) {
  Finding f;
  f.rule = std::string(code);
  f.severity = severity;
  f.message = std::move(message);
  f.pos = pos;
  return f;
}

}  // namespace

SuppressionIndex::SuppressionIndex(const std::vector<Suppression>& suppressions)
    : suppressions_(suppressions) {
  for (std::size_t s = 0; s < suppressions.size(); ++s) {
    const Suppression& sup = suppressions[s];
    std::size_t slot_index = sup.scope ? index_of(*sup.scope) : kWholeRecord;
    for (const std::string& listed : sup.rules) {
      std::string code = upper_ascii(listed);
      if (code.empty()) continue;
      Slot& slot = slots_[code][slot_index];
      slot.entries.push_back(entries_.size());
      if (slot.reason.empty()) slot.reason = std::string(text::trim(sup.reason));
      entries_.push_back({s, std::move(code), false});
    }
  }
}

void SuppressionIndex::mark_used(Slot& slot) {
  if (slot.marked) return;
  for (std::size_t e : slot.entries) entries_[e].used = true;
  slot.marked = true;
}

void SuppressionIndex::apply(Finding& finding) {
  auto found = slots_.find(finding.rule);
  if (found == slots_.end()) return;
  auto& slots = found->second;
  // A suppression in the finding's own field first, then a whole-record one.
  Slot* candidates[2] = {finding.category ? &slots[index_of(*finding.category)] : nullptr,
                         &slots[kWholeRecord]};
  for (Slot* slot : candidates) {
    if (!slot || slot->entries.empty()) continue;
    if (!finding.suppressed) {
      finding.suppressed = true;
      finding.justification = slot->reason;
    }
    mark_used(*slot);
  }
}

std::vector<Finding> SuppressionIndex::problems() const {
  std::vector<Finding> out;
  for (const Suppression& sup : suppressions_)
    if (text::trim(sup.reason).empty())
      out.push_back(meta_finding("HL903", Severity::warning, sup.pos,
                                 "Give a reason after \"--\" for this suppression."));
  for (const Entry& entry : entries_) {
    if (entry.used) continue;
    const Suppression& sup = suppressions_[entry.suppression];
    std::string message;
    if (!find_rule(entry.code))
      message = fmt::format("{} is not a rule code; remove it from this suppression.", entry.code);
    else if (sup.scope)
      message = fmt::format("{} did not fire in the {} field; remove it from this suppression.",
                            entry.code, text::lower_ascii(category_title(*sup.scope)));
    else
      message = fmt::format("{} did not fire in this record; remove it from this suppression.",
                            entry.code);
    out.push_back(meta_finding("HL904", Severity::warning, sup.pos, std::move(message)));
  }
  return out;
}

}  // namespace handoff::rules

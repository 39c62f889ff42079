// A finding: one thing a rule or a loader has to say about a record.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "handoff/record.hpp"

namespace handoff {

enum class Severity : std::uint8_t { info, warning, error };
std::string_view severity_name(Severity s);  // "info", "warning", "error"
std::optional<Severity> severity_from_name(std::string_view name);

// What suppressed a finding: a comment in the record, or an entry of a --baseline file.
enum class SuppressionKind : std::uint8_t { in_source, baseline };

struct Finding {
  std::string rule;  // stable code, e.g. "HL103"
  Severity severity = Severity::error;
  std::optional<Category> category;  // nullopt for header, policy and load findings
  std::string message;
  Position pos;
  bool suppressed = false;
  std::string justification;  // the suppression's reason, when suppressed
  SuppressionKind suppression_kind = SuppressionKind::in_source;  // when suppressed
  // FNV-1a 64 (16 hex digits) of rule, category and the field text the finding is about (rule
  // and message for record-level findings): no line numbers, so baselines survive edits elsewhere.
  std::string fingerprint;
};

// Why a source or one record in it could not be read. Loaders return these; only the CLI exits.
struct LoadError {
  std::string message;  // one line, no file name (the reporter adds it)
  Position pos;
};

}  // namespace handoff

// Internal to the audit: one writer per format of the finished report.
#pragma once

#include <ostream>

#include "handoff/audit.hpp"

namespace handoff::audit {

void write_text(const AuditReport& report, std::ostream& out);
void write_markdown(const AuditReport& report, std::ostream& out);
void write_json(const AuditReport& report, std::ostream& out);
void write_html(const AuditReport& report, std::ostream& out);

}  // namespace handoff::audit

// write_audit_report: the finished report in the format asked for.
#include "audit/render.hpp"

namespace handoff {

bool write_audit_report(std::string_view format, const AuditReport& report, std::ostream& out) {
  if (format == "text") {
    audit::write_text(report, out);
  } else if (format == "markdown") {
    audit::write_markdown(report, out);
  } else if (format == "json") {
    audit::write_json(report, out);
  } else if (format == "html") {
    audit::write_html(report, out);
  } else {
    return false;
  }
  return true;
}

}  // namespace handoff

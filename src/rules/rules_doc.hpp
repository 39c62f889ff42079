// docs/rules.md, rendered from the rule table so the two cannot drift apart
// (tests/unit/test_rules_doc.cpp compares them; HANDOFF_UPDATE_DOCS=1 rewrites the file).
#pragma once

#include <string>

#include "handoff/rule.hpp"

namespace handoff::rules {

// One rule's section: heading "## HL105 motivation-no-trigger", facts, summary, rationale,
// failing and passing examples.
std::string render_rule_markdown(const RuleDef& rule);

// The whole of docs/rules.md.
std::string render_rules_markdown();

}  // namespace handoff::rules

#include <utility>

#include "handoff/rule.hpp"

namespace handoff {

void CheckContext::report(Position pos, std::string message) {
  Finding f;
  f.rule = rule ? std::string(rule->code) : std::string();
  f.severity = severity;
  f.category = rule ? rule->category : std::nullopt;
  f.message = std::move(message);
  f.pos = pos;
  out_.push_back(std::move(f));
  ++reported_;
}

}  // namespace handoff

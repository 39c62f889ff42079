// A fast path for the YAML that handoff records are written in.
//
// yaml-cpp costs about 1,000 instructions a byte (its scanner is regex-driven) and was over
// half of a whole run. Most records use a small part of YAML: one block mapping of plain,
// quoted and block scalars, block lists, and one-line flow lists and mappings. For exactly
// that subset this reader emits the events yaml-cpp's parser would, with the same marks, to
// the same handler. Anything outside the subset (anchors, tags, multi-line quotes, more than
// one document, indentation it cannot be sure of, anything yaml-cpp would call an error) makes
// it give up, and the caller parses the text again with yaml-cpp. So yaml-cpp stays the
// reference: tests/unit/test_yaml_fast.cpp and the fuzz_yaml_fast harness check that on every
// input this reader accepts, the two event streams are identical.
#pragma once

#include <string_view>

namespace YAML {
class EventHandler;
}

namespace handoff::yaml {

// Emits the events of `text`'s one document to `handler` and returns true when `text` is in
// the subset. Returns false when it is not; some events may already have been emitted, so the
// handler's work must then be thrown away. Exceptions thrown by the handler pass through.
// `max_depth` bounds nesting (and this reader's recursion): deeper input is left to yaml-cpp.
bool emit_simple_document(std::string_view text, YAML::EventHandler& handler,
                          std::size_t max_depth);

}  // namespace handoff::yaml

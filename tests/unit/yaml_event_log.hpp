// Records YAML events as text lines, to compare the fast path (src/load/yaml_fast.hpp) with
// yaml-cpp's own parser on the same input. Used by test_yaml_fast.cpp and fuzz_yaml_fast.cpp.
#pragma once

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <string>
#include <vector>

#include "load/yaml_fast.hpp"

namespace handoff::test {

class YamlEventLog : public YAML::EventHandler {
 public:
  std::vector<std::string> events;

  void OnDocumentStart(const YAML::Mark& m) override { add("doc", m); }
  void OnDocumentEnd() override { events.push_back("end doc"); }
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { add("null", m); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { add("alias", m); }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    add("scalar " + tag + " [" + value + "]", m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t,
                       YAML::EmitterStyle::value style) override {
    add("seq " + tag + " " + std::to_string(style), m);
  }
  void OnSequenceEnd() override { events.push_back("end seq"); }
  void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    add("map " + tag + " " + std::to_string(style), m);
  }
  void OnMapEnd() override { events.push_back("end map"); }

 private:
  void add(const std::string& what, const YAML::Mark& m) {
    events.push_back(what + " @" + std::to_string(m.pos) + " " + std::to_string(m.line) + ":" +
                     std::to_string(m.column));
  }
};

// yaml-cpp's events for the first document, or nothing when it throws or finds none.
inline std::vector<std::string> yaml_cpp_events(const std::string& text) {
  std::istringstream in(text);
  YamlEventLog log;
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(log)) return {};
    // The fast path reads one document: a second one means yaml-cpp sees a different stream.
    YamlEventLog rest;
    if (parser.HandleNextDocument(rest)) log.events.push_back("another document");
  } catch (const YAML::Exception&) {
    log.events.push_back("error");
  }
  return log.events;
}

// The fast path's events in `events`; false when it declines (the events so far are kept).
inline bool fast_events(const std::string& text, std::vector<std::string>& events) {
  YamlEventLog log;
  bool accepted = yaml::emit_simple_document(text, log, 64);
  events = std::move(log.events);
  return accepted;
}

}  // namespace handoff::test

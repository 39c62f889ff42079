// JSON text written straight into a string, laid out exactly as nlohmann's dump(2): the
// reporters stream one small value per record, and building a DOM only to print it cost a
// sixth of a `check --format json` run. Every line after the first starts with `base_indent`
// spaces, so the value nests at that depth of an enclosing document.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "report/escape.hpp"

namespace handoff::report {

class JsonWriter {
 public:
  JsonWriter(std::string& out, std::size_t base_indent) : out_(out), base_(base_indent) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  // The member name for the next value or container.
  JsonWriter& key(std::string_view name) {
    separate();
    append_json_string(out_, name);
    out_ += ": ";
    keyed_ = true;
    return *this;
  }

  JsonWriter& string(std::string_view text) {
    separate();
    append_json_string(out_, text);
    return *this;
  }
  JsonWriter& number(long long n) {
    separate();
    out_ += std::to_string(n);
    return *this;
  }
  JsonWriter& boolean(bool b) {
    separate();
    out_ += b ? "true" : "false";
    return *this;
  }
  JsonWriter& null() {
    separate();
    out_ += "null";
    return *this;
  }

 private:
  JsonWriter& open(char bracket) {
    separate();
    out_ += bracket;
    empty_.push_back(true);
    return *this;
  }
  JsonWriter& close(char bracket) {
    bool was_empty = empty_.back();
    empty_.pop_back();
    if (!was_empty) newline();
    out_ += bracket;
    return *this;
  }
  // Before a value: nothing after a key, else the comma and line break of its container.
  void separate() {
    if (keyed_) {
      keyed_ = false;
      return;
    }
    if (empty_.empty()) return;  // the top-level value
    if (!empty_.back()) out_ += ',';
    empty_.back() = false;
    newline();
  }
  void newline() {
    out_ += '\n';
    out_.append(base_ + 2 * empty_.size(), ' ');
  }

  std::string& out_;
  std::size_t base_;
  std::vector<bool> empty_;  // one per open container: nothing written in it yet
  bool keyed_ = false;
};

}  // namespace handoff::report

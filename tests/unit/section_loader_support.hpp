// Shared by the text, Markdown and label tests: a small alias table (the real one comes from
// templates/default-config.yaml) and a one-record load helper.
#pragma once

#include <catch2/catch.hpp>

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "handoff/load.hpp"

namespace handoff::test {

inline const LabelTable& test_labels() {
  static const LabelTable table = [] {
    LabelTable t;
    const std::pair<const char*, FieldKey> aliases[] = {
        {"buying motivation", FieldKey::buying_motivation},
        {"why they bought", FieldKey::buying_motivation},
        {"real reason they bought", FieldKey::buying_motivation},
        {"champion", FieldKey::champion_profile},
        {"champion profile", FieldKey::champion_profile},
        {"promises and commitments", FieldKey::promises_commitments},
        {"promises", FieldKey::promises_commitments},
        {"red flags and risks", FieldKey::red_flags_risks},
        {"red flags", FieldKey::red_flags_risks},
        {"risks", FieldKey::red_flags_risks},
        {"political landscape", FieldKey::political_landscape},
        {"politics", FieldKey::political_landscape},
        {"success criteria", FieldKey::success_criteria},
        {"goals", FieldKey::success_criteria},
        {"communication style", FieldKey::communication_style},
        {"communication style and cadence preferences", FieldKey::communication_style},
        {"account", FieldKey::account},
        {"acv", FieldKey::acv},
        {"close date", FieldKey::close_date},
        {"products", FieldKey::products},
        {"ae", FieldKey::ae},
        {"csm", FieldKey::csm},
        {"csm assigned", FieldKey::csm},
        {"key contacts", FieldKey::key_contacts},
        {"competitive context", FieldKey::competitive_context},
    };
    for (const auto& [alias, key] : aliases) t.add(alias, key);
    return t;
  }();
  return table;
}

using LoadFn = void (*)(const Source&, const LoadOptions&, const RecordSink&);

inline Loaded load_one(LoadFn load, Format format, std::string text, const Limits& limits = {}) {
  Source src{format == Format::markdown ? "deal.md" : "deal.txt", format, std::move(text)};
  LoadOptions opt{&limits, &test_labels()};
  std::vector<Loaded> out;
  load(src, opt, [&](Loaded&& l) { out.push_back(std::move(l)); });
  REQUIRE(out.size() == 1);
  return std::move(out.front());
}

inline Loaded load_text_one(std::string text, const Limits& limits = {}) {
  return load_one(&load_text, Format::text, std::move(text), limits);
}
inline Loaded load_markdown_one(std::string text, const Limits& limits = {}) {
  return load_one(&load_markdown, Format::markdown, std::move(text), limits);
}

// A position as line:column, comparable and printable in assertions.
struct LC {
  std::uint32_t line = 0, column = 0;
  bool operator==(const LC&) const = default;
};
inline std::ostream& operator<<(std::ostream& os, const LC& p) { return os << p.line << ':' << p.column; }
inline LC at(Position p) { return {p.line, p.column}; }

}  // namespace handoff::test

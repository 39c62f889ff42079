// Internals of src/config.cpp shared with the build-time generator of the built-in
// configuration (src/codegen/config_codegen.cpp).
#pragma once

#include <cstddef>
#include <iterator>
#include <string_view>

#include "handoff/config.hpp"

namespace handoff {

// yaml-cpp's own nesting guard throws at 500; keep the tree well below it.
constexpr std::size_t kMaxYamlDepthSetting = 400;

// The `limits:` keys, in the order dump_config prints them.
struct LimitSetting {
  std::string_view name;
  std::size_t Limits::*member;
  std::size_t min;
  std::size_t max;
};
constexpr std::size_t kHuge = std::size_t{1} << 40;
constexpr LimitSetting kLimitSettings[] = {
    {"max_file_bytes", &Limits::max_file_bytes, 1, kHuge},
    {"max_export_bytes", &Limits::max_export_bytes, 1, kHuge},
    {"max_line_bytes", &Limits::max_line_bytes, 1, kHuge},
    {"max_field_bytes", &Limits::max_field_bytes, 1, kHuge},
    {"max_yaml_depth", &Limits::max_yaml_depth, 1, kMaxYamlDepthSetting},
    {"max_yaml_nodes", &Limits::max_yaml_nodes, 1, kHuge},
    {"max_yaml_flow_bytes", &Limits::max_yaml_flow_bytes, 1, kHuge},
    {"max_markdown_nesting", &Limits::max_markdown_nesting, 1, kHuge},
    {"max_markdown_brackets", &Limits::max_markdown_brackets, 1, kHuge},
    {"max_markdown_nodes", &Limits::max_markdown_nodes, 1, kHuge},
    {"max_records_per_file", &Limits::max_records_per_file, 1, kHuge},
    {"max_findings_per_record", &Limits::max_findings_per_record, 1, kHuge},
};

// Every Limits member must be in the table above, or config files could not set it,
// dump_config would not print it and the generator would not compile it in.
static_assert(sizeof(Limits) == std::size(kLimitSettings) * sizeof(std::size_t),
              "a Limits member is missing from kLimitSettings in src/config_internal.hpp");

// The built-in Config that default_config() holds. handoff-lint and the tests link the
// definition generated at build time from templates/default-config.yaml (no YAML parsing at
// start-up); the generator links one that parses that YAML with apply_config.
Config make_builtin_config();

}  // namespace handoff

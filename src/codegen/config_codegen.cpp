// Build-time generator: parses templates/default-config.yaml (embedded) with apply_config and
// writes a C++ file defining make_builtin_config(), which builds the same Config from literals.
// handoff-lint then does no YAML parsing for its defaults at start-up (it used to be 80% of a
// one-record run). Usage: handoff-config-codegen OUT.cpp
#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "config_internal.hpp"

namespace handoff {

// The generator itself has no generated file to link: it parses the YAML.
Config make_builtin_config() {
  auto result = apply_config(Config{}, default_config_text(), "built-in");
  if (auto* loaded = std::get_if<Config>(&result)) return std::move(*loaded);
  return Config{};
}

}  // namespace handoff

namespace {

using namespace handoff;

// A C++ string literal for any bytes. Octal escapes, unlike hex ones, stop after three
// digits, so a following digit cannot be swallowed; '?' is escaped so no "??x" trigraph forms.
std::string literal(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (c >= 0x20 && c < 0x7f && ch != '?') {
      out += ch;
    } else {
      out += '\\';
      out += static_cast<char>('0' + (c >> 6));
      out += static_cast<char>('0' + ((c >> 3) & 7));
      out += static_cast<char>('0' + (c & 7));
    }
  }
  return out + "\"";
}

std::string severity(const std::optional<Severity>& s) {
  return s ? "Severity::" + std::string(severity_name(*s)) : "std::nullopt";
}

std::string field_key(FieldKey k) { return "FieldKey::" + std::string(field_key_name(k)); }

std::string strings(const std::vector<std::string>& items) {
  std::string out = "{";
  for (const auto& item : items) out += (out.size() > 1 ? ", " : "") + literal(item);
  return out + "}";
}

std::string generate(const Config& cfg) {
  std::ostringstream out;
  out << "// Generated from templates/default-config.yaml by src/codegen/config_codegen.cpp.\n"
         "// Do not edit: edit the YAML, the build regenerates this file.\n"
         "#include \"config_internal.hpp\"\n\nnamespace handoff {\n\n"
         "Config make_builtin_config() {\n  Config c;\n"
      << "  c.origin = " << literal(cfg.origin) << ";\n";
  for (Category k : kAllCategories) {
    const CategoryConfig& cc = cfg.category(k);
    out << "  c.category(Category::" << category_key(k) << ") = {" << cc.threshold << ", "
        << cc.min_words << ", " << (cc.required ? "true" : "false") << "};\n";
  }
  for (const auto& [code, rc] : cfg.rules)
    out << "  c.rules[" << literal(code) << "] = {" << (rc.off ? "true" : "false") << ", "
        << severity(rc.severity) << "};\n";
  out << "  c.gate.fail_on = " << severity(cfg.gate.fail_on) << ";\n"
      << "  c.gate.min_score = " << cfg.gate.min_score << ";\n"
      << "  c.gate.max_warnings = "
      << (cfg.gate.max_warnings ? std::to_string(*cfg.gate.max_warnings) : "std::nullopt") << ";\n";
  for (const auto& setting : kLimitSettings)
    out << "  c.limits." << setting.name << " = " << cfg.limits.*(setting.member) << "u;\n";

  // Sorted, so the output does not depend on the hash table's order.
  std::vector<std::pair<std::string, FieldKey>> labels(cfg.labels.entries().begin(),
                                                       cfg.labels.entries().end());
  std::sort(labels.begin(), labels.end());
  out << "  c.labels = LabelTable({\n";
  for (const auto& [alias, key] : labels)
    out << "      {" << literal(alias) << ", " << field_key(key) << "},\n";
  out << "  });\n  c.phrases = {\n";
  for (const auto& [name, list] : cfg.phrases)
    out << "      {" << literal(name) << ", " << strings(list) << "},\n";
  out << "  };\n  c.csv.delimiter = static_cast<char>(" << int{cfg.csv.delimiter} << ");\n"
      << "  c.csv.columns = {";
  for (const auto& [header, key] : cfg.csv.columns)
    out << "{" << literal(header) << ", " << field_key(key) << "}, ";
  out << "};\n  c.csv.notes_columns = " << strings(cfg.csv.notes_columns) << ";\n"
      << "  return c;\n}\n\n}  // namespace handoff\n";
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: handoff-config-codegen OUT.cpp\n";
    return 2;
  }
  // A broken built-in configuration is a build error, reported with its line.
  auto result = apply_config(Config{}, default_config_text(), "built-in");
  if (auto* err = std::get_if<ConfigError>(&result)) {
    std::cerr << "templates/default-config.yaml:" << err->pos.line << ": " << err->message << "\n";
    return 1;
  }
  std::ofstream file(argv[1], std::ios::binary | std::ios::trunc);
  file << generate(std::get<Config>(result));
  file.close();
  if (!file) {
    std::cerr << "handoff-config-codegen: cannot write " << argv[1] << "\n";
    return 1;
  }
  return 0;
}

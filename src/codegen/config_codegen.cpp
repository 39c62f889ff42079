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

// Read-only tables (string_view literals, so even a NUL byte survives) the function then copies
// once into exactly sized containers: no temporaries and no regrowth at start-up.
class Writer {
 public:
  // Emits `name`'s table and returns an expression for the vector built from it.
  std::string strings(const std::vector<std::string>& items) {
    if (items.empty()) return "std::vector<std::string>()";
    std::string name = "kStrings" + std::to_string(count_++);
    std::string line = "    ";
    tables_ << "constexpr std::string_view " << name << "[] = {\n";
    for (const auto& item : items) {
      std::string entry = literal(item) + "sv,";
      if (line.size() + entry.size() > 99) {
        tables_ << line << "\n";
        line = "    ";
      }
      line += (line.size() > 4 ? " " : "") + entry;
    }
    tables_ << line << "\n};\n";
    return "strings(" + name + ")";
  }
  std::ostringstream& tables() { return tables_; }

 private:
  std::ostringstream tables_;
  int count_ = 0;
};

std::string generate(const Config& cfg) {
  Writer w;
  std::ostringstream body;
  body << "Config make_builtin_config() {\n  Config c;\n"
       << "  c.origin = " << literal(cfg.origin) << ";\n";
  for (Category k : kAllCategories) {
    const CategoryConfig& cc = cfg.category(k);
    body << "  c.category(Category::" << category_key(k) << ") = {" << cc.threshold << ", "
         << cc.min_words << ", " << (cc.required ? "true" : "false") << "};\n";
  }
  for (const auto& [code, rc] : cfg.rules)
    body << "  c.rules[" << literal(code) << "] = {" << (rc.off ? "true" : "false") << ", "
         << severity(rc.severity) << "};\n";
  body << "  c.gate.fail_on = " << severity(cfg.gate.fail_on) << ";\n"
       << "  c.gate.min_score = " << cfg.gate.min_score << ";\n"
       << "  c.gate.max_warnings = "
       << (cfg.gate.max_warnings ? std::to_string(*cfg.gate.max_warnings) : "std::nullopt")
       << ";\n";
  for (const auto& setting : kLimitSettings)
    body << "  c.limits." << setting.name << " = " << cfg.limits.*(setting.member) << "u;\n";

  // Sorted, so the output does not depend on the hash table's order.
  std::vector<std::pair<std::string, FieldKey>> labels(cfg.labels.entries().begin(),
                                                       cfg.labels.entries().end());
  std::sort(labels.begin(), labels.end());
  if (!labels.empty()) {
    w.tables() << "constexpr std::pair<std::string_view, FieldKey> kLabels[] = {\n";
    for (const auto& [alias, key] : labels)
      w.tables() << "    {" << literal(alias) << "sv, " << field_key(key) << "},\n";
    w.tables() << "};\n";
    body << "  std::unordered_map<std::string, FieldKey> labels(std::size(kLabels));\n"
         << "  for (const auto& [alias, key] : kLabels) labels.emplace(alias, key);\n"
         << "  c.labels = LabelTable(std::move(labels));\n";
  }
  for (const auto& [name, list] : cfg.phrases)
    body << "  c.phrases.emplace_hint(c.phrases.end(), " << literal(name) << ", "
         << w.strings(list) << ");\n";
  body << "  c.csv.delimiter = static_cast<char>(" << int{cfg.csv.delimiter} << ");\n";
  for (const auto& [header, key] : cfg.csv.columns)
    body << "  c.csv.columns.emplace_back(" << literal(header) << ", " << field_key(key) << ");\n";
  body << "  c.csv.notes_columns = " << w.strings(cfg.csv.notes_columns) << ";\n"
       << "  return c;\n}\n";

  std::ostringstream out;
  out << "// Generated from templates/default-config.yaml by src/codegen/config_codegen.cpp.\n"
         "// Do not edit: edit the YAML, the build regenerates this file.\n"
         "#include <iterator>\n#include <string_view>\n#include <unordered_map>\n\n"
         "#include \"config_internal.hpp\"\n\nnamespace handoff {\nnamespace {\n\n"
         "using namespace std::string_view_literals;\n\n"
         "template <std::size_t N>\n"
         "std::vector<std::string> strings(const std::string_view (&items)[N]) {\n"
         "  return std::vector<std::string>(std::begin(items), std::end(items));\n}\n\n"
      << w.tables().str() << "\n}  // namespace\n\n"
      << body.str() << "\n}  // namespace handoff\n";
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

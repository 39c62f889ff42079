// Configuration: the compiled-in defaults, a user's .handoff-lint.yaml on top, and the
// effective configuration printed back as YAML.
#include "handoff/config.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <limits>
#include <system_error>

#include "config_internal.hpp"
#include "embedded.hpp"
#include "handoff/rule.hpp"
#include "load/yaml_tree.hpp"

namespace handoff {
namespace {

using yaml::Node;

constexpr const char* kConfigFileName = ".handoff-lint.yaml";

// Thrown inside apply_config only; apply_config turns it into its ConfigError result.
struct ConfigFailure {
  ConfigError error;
};

std::string describe(const Node& node) {
  if (node.is_scalar()) return "\"" + node.value + "\"";
  return std::string(yaml::kind_phrase(node));
}

std::string join_path(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

class ConfigReader {
 public:
  ConfigReader(Config& config, const std::string& file) : config_(config), file_(file) {}

  void apply(const Node& root) {
    if (root.is_null()) return;  // an empty file changes nothing
    if (!root.is_mapping())
      fail(root, "",
           "expected a mapping with keys such as categories:, rules:, limits:, "
           "aliases: and phrases:, got " +
               describe(root));
    for_each_entry(root, "", [&](const Node& key, const Node& value, const std::string& path) {
      if (key.value == "categories")
        read_categories(value, path);
      else if (key.value == "rules")
        read_rules(value, path);
      else if (key.value == "limits")
        read_limits(value, path);
      else if (key.value == "aliases")
        read_aliases(value, path);
      else if (key.value == "phrases")
        read_phrases(value, path);
      else if (key.value == "gate")
        read_gate(value, path);
      else if (key.value == "csv")
        read_csv(value, path);
      else
        fail(key, path,
             "unknown key; expected categories, rules, gate, limits, aliases, phrases or csv");
    });
  }

  [[noreturn]] void fail(const Node& at, const std::string& path, const std::string& what) {
    std::string message = path.empty() ? what : path + ": " + what;
    throw ConfigFailure{ConfigError{file_, at.pos, std::move(message)}};
  }

 private:
  // Calls f(key, value, dotted path) for each entry of a mapping; null means "no entries".
  template <typename F>
  void for_each_entry(const Node& map, const std::string& path, F&& f) {
    if (map.is_null()) return;
    if (!map.is_mapping()) fail(map, path, "expected a mapping, got " + describe(map));
    for (std::size_t i = 0; i < map.entry_count(); ++i) {
      const Node& key = map.entry_key(i);
      if (!key.is_scalar()) fail(key, path, "keys must be text, got " + describe(key));
      f(key, map.entry_value(i), join_path(path, key.value));
    }
  }

  // Where to point at a value: an empty value has no place of its own, so use its key.
  static const Node& locate(const Node& key, const Node& value) {
    return value.is_null() ? key : value;
  }

  long long read_integer(const Node& key, const Node& value, const std::string& path, long long min,
                         long long max, const std::string& expected) {
    long long parsed = 0;
    bool ok = value.is_scalar() && !value.value.empty();
    if (ok) {
      const std::string& v = value.value;
      auto res = std::from_chars(v.data(), v.data() + v.size(), parsed);
      ok = res.ec == std::errc() && res.ptr == v.data() + v.size();
    }
    if (!ok || parsed < min || parsed > max)
      fail(locate(key, value), path, "expected " + expected + ", got " + describe(value));
    return parsed;
  }

  bool read_bool(const Node& key, const Node& value, const std::string& path) {
    auto parsed = yaml::plain_bool(value);
    if (!parsed) fail(locate(key, value), path, "expected true or false, got " + describe(value));
    return *parsed;
  }

  void read_categories(const Node& map, const std::string& path) {
    for_each_entry(map, path, [&](const Node& key, const Node& value, const std::string& at) {
      auto category = category_from_key(key.value);
      if (!category) {
        std::string keys;
        for (Category c : kAllCategories)
          keys += (keys.empty() ? "" : ", ") + std::string(category_key(c));
        fail(key, at, "unknown category; expected one of " + keys);
      }
      CategoryConfig& cc = config_.category(*category);
      for_each_entry(value, at, [&](const Node& k, const Node& v, const std::string& p) {
        if (k.value == "threshold")
          cc.threshold =
              static_cast<int>(read_integer(k, v, p, 0, 100, "an integer from 0 to 100"));
        else if (k.value == "min_words")
          cc.min_words =
              static_cast<int>(read_integer(k, v, p, 0, 100000, "an integer from 0 to 100000"));
        else if (k.value == "required")
          cc.required = read_bool(k, v, p);
        else
          fail(k, p, "unknown key; expected threshold, min_words or required");
      });
    });
  }

  void read_rules(const Node& map, const std::string& path) {
    for_each_entry(map, path, [&](const Node& key, const Node& value, const std::string& at) {
      if (find_rule(key.value) == nullptr)
        fail(key, at, "unknown rule code (see `handoff-lint rules` for the list)");
      RuleConfig& rc = config_.rules[key.value];
      if (value.is_plain() && (value.value == "off" || value.value == "on")) {
        rc.off = value.value == "off";
        return;
      }
      if (!value.is_mapping())
        fail(locate(key, value), at,
             "expected off, or a mapping such as {severity: warning} or {off: true}, got " +
                 describe(value));
      for_each_entry(value, at, [&](const Node& k, const Node& v, const std::string& p) {
        if (k.value == "off") {
          rc.off = read_bool(k, v, p);
        } else if (k.value == "severity") {
          auto severity = v.is_scalar() ? severity_from_name(v.value) : std::nullopt;
          if (!severity)
            fail(locate(k, v), p, "expected error, warning or info, got " + describe(v));
          rc.severity = severity;
        } else {
          fail(k, p, "unknown key; expected severity or off");
        }
      });
    });
  }

  void read_limits(const Node& map, const std::string& path) {
    for_each_entry(map, path, [&](const Node& key, const Node& value, const std::string& at) {
      const auto* setting =
          std::find_if(std::begin(kLimitSettings), std::end(kLimitSettings),
                       [&](const LimitSetting& s) { return s.name == key.value; });
      if (setting == std::end(kLimitSettings)) fail(key, at, "unknown limit");
      auto max = static_cast<long long>(setting->max);
      auto min = static_cast<long long>(setting->min);
      config_.limits.*(setting->member) = static_cast<std::size_t>(
          read_integer(key, value, at, min, max,
                       "an integer from " + std::to_string(min) + " to " + std::to_string(max)));
    });
  }

  // A list of strings, or one string.
  std::vector<std::string> read_strings(const Node& key, const Node& value,
                                        const std::string& path) {
    std::vector<std::string> out;
    auto take = [&](const Node& item) {
      if (!item.is_scalar() || item.value.empty())
        fail(locate(key, item), path, "expected text, got " + describe(item));
      out.push_back(item.value);
    };
    if (value.is_sequence()) {
      for (const Node& item : value.children) take(item);
    } else if (value.is_scalar()) {
      take(value);
    } else if (!value.is_null()) {
      fail(value, path, "expected a list of text, got " + describe(value));
    }
    return out;
  }

  void read_aliases(const Node& map, const std::string& path) {
    for_each_entry(map, path, [&](const Node& key, const Node& value, const std::string& at) {
      auto field = field_key_from_name(key.value);
      if (!field) fail(key, at, "unknown field key (use a canonical key such as champion_profile)");
      for (const std::string& label : read_strings(key, value, at)) {
        if (LabelTable::normalize(label).empty())
          fail(locate(key, value), at, "the label \"" + label + "\" has no letters or digits");
        config_.labels.add(label, *field);
      }
    });
  }

  // gate: {fail_on: warning, min_score: 80, max_warnings: 10}
  void read_gate(const Node& map, const std::string& path) {
    for_each_entry(map, path, [&](const Node& k, const Node& v, const std::string& p) {
      if (k.value == "fail_on") {
        if (v.is_scalar() && v.value == "never") {
          config_.gate.fail_on.reset();
          return;
        }
        auto severity = v.is_scalar() ? severity_from_name(v.value) : std::nullopt;
        if (!severity)
          fail(locate(k, v), p, "expected error, warning, info or never, got " + describe(v));
        config_.gate.fail_on = severity;
      } else if (k.value == "min_score") {
        config_.gate.min_score =
            static_cast<int>(read_integer(k, v, p, 0, 100, "an integer from 0 to 100"));
      } else if (k.value == "max_warnings") {
        config_.gate.max_warnings = static_cast<int>(
            read_integer(k, v, p, 0, 100000000, "an integer from 0 to 100000000"));
      } else {
        fail(k, p, "unknown key; expected fail_on, min_score or max_warnings");
      }
    });
  }

  // csv: {delimiter: ";", columns: {"Why They Bought": buying_motivation}, notes_columns: [Notes]}
  void read_csv(const Node& map, const std::string& path) {
    for_each_entry(map, path, [&](const Node& k, const Node& v, const std::string& p) {
      if (k.value == "delimiter") {
        std::string d = v.is_scalar() ? v.value : std::string();
        if (d == "auto") {
          config_.csv.delimiter = 0;
        } else if (d == "\\t" || d == "tab") {
          config_.csv.delimiter = '\t';
        } else if (d.size() == 1 && d[0] != '"' && d[0] != '\n' && d[0] != '\r') {
          config_.csv.delimiter = d[0];
        } else {
          fail(locate(k, v), p,
               "expected one character such as \",\" or \";\", tab, or auto, got " + describe(v));
        }
      } else if (k.value == "columns") {
        for_each_entry(v, p, [&](const Node& header, const Node& target, const std::string& at) {
          auto field = target.is_scalar() ? field_key_from_name(target.value) : std::nullopt;
          if (!field)
            fail(locate(header, target), at,
                 "expected a canonical key such as champion_profile, got " + describe(target));
          // A header mapped again (a second file, a re-applied dump) takes the new key.
          auto& columns = config_.csv.columns;
          auto same = std::find_if(columns.begin(), columns.end(),
                                   [&](const auto& c) { return c.first == header.value; });
          if (same != columns.end())
            same->second = *field;
          else
            columns.emplace_back(header.value, *field);
        });
      } else if (k.value == "notes_columns") {
        auto& notes = config_.csv.notes_columns;
        for (std::string& header : read_strings(k, v, p))
          if (std::find(notes.begin(), notes.end(), header) == notes.end())
            notes.push_back(std::move(header));
      } else {
        fail(k, p, "unknown key; expected delimiter, columns or notes_columns");
      }
    });
  }

  void read_phrases(const Node& map, const std::string& path) {
    for_each_entry(map, path, [&](const Node& key, const Node& value, const std::string& at) {
      if (key.value.empty()) fail(key, path, "a phrase list needs a name");
      auto& list = config_.phrases[key.value];
      // Lists only grow; a phrase already listed is not added twice, so re-applying a dump
      // changes nothing.
      for (std::string& phrase : read_strings(key, value, at))
        if (std::find(list.begin(), list.end(), phrase) == list.end())
          list.push_back(std::move(phrase));
    });
  }

  Config& config_;
  const std::string& file_;
};

// A YAML double-quoted scalar: always safe to read back, whatever the text.
std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (ch == '\n') {
      out += "\\n";
    } else if (ch == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

// A mapping key: plain when that reads back unchanged, quoted otherwise.
std::string yaml_key(std::string_view key) {
  bool plain = !key.empty() && std::isalpha(static_cast<unsigned char>(key.front())) != 0;
  for (char c : key)
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '_') plain = false;
  for (std::string_view word : {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}) {
    bool same = key.size() == word.size();
    for (std::size_t i = 0; same && i < key.size(); ++i)
      same = std::tolower(static_cast<unsigned char>(key[i])) == word[i];
    if (same) plain = false;
  }
  return plain ? std::string(key) : yaml_quoted(key);
}

void dump_list(std::string& out, std::string_view name, const std::vector<std::string>& items) {
  out += "  " + std::string(name) + ":";
  if (items.empty()) {
    out += " []\n";
    return;
  }
  out += "\n";
  for (const auto& item : items) out += "    - " + yaml_quoted(item) + "\n";
}

}  // namespace

const std::vector<std::string>& Config::phrase_list(std::string_view name) const {
  static const std::vector<std::string> kEmpty;
  auto it = phrases.find(name);
  return it == phrases.end() ? kEmpty : it->second;
}

std::string_view default_config_text() { return embedded_template("default-config.yaml"); }

const Config& default_config() {
  static const Config config = make_builtin_config();
  return config;
}

std::variant<Config, ConfigError> apply_config(const Config& base, std::string_view yaml_text,
                                               const std::string& file_name) {
  Config config = base;
  config.origin = file_name;
  Limits parse_limits = base.limits;
  parse_limits.max_yaml_depth = std::min(parse_limits.max_yaml_depth, kMaxYamlDepthSetting);
  try {
    yaml::DocumentReader reader(yaml_text, parse_limits);
    yaml::Document doc;
    bool have_doc = reader.next(doc);
    if (!have_doc && reader.error())
      return ConfigError{file_name, reader.error()->pos, reader.error()->message};
    ConfigReader config_reader(config, file_name);
    if (!doc.duplicates.empty()) {
      const auto& dup = doc.duplicates.front();
      return ConfigError{
          file_name, dup.second,
          "duplicate key " + dup.key + " (first at line " + std::to_string(dup.first.line) + ")"};
    }
    config_reader.apply(doc.root);
    yaml::Document second;
    if (have_doc && reader.next(second))
      return ConfigError{file_name, second.start,
                         "a config file holds one YAML document; a second one starts here"};
    if (reader.error()) return ConfigError{file_name, reader.error()->pos, reader.error()->message};
  } catch (ConfigFailure& failure) {
    return std::move(failure.error);
  } catch (const std::exception& e) {
    return ConfigError{file_name, {}, std::string("cannot read the configuration: ") + e.what()};
  }
  return config;
}

std::string find_config_file(const std::string& start_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::absolute(start_dir.empty() ? fs::path(".") : fs::path(start_dir), ec);
  if (ec) return {};
  dir = dir.lexically_normal();
  // Bounded by the number of components; parent_path() of the root is the root.
  for (int guard = 0; guard < 4096; ++guard) {
    fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec) && !ec) return candidate.string();
    fs::path parent = dir.parent_path();
    if (parent.empty() || parent == dir) break;
    dir = parent;
  }
  return {};
}

std::string dump_config(const Config& cfg) {
  std::string out = "# Effective handoff-lint configuration (";
  for (char c : cfg.origin) out += (c == '\n' ? ' ' : c);
  out += ").\n\ncategories:\n";
  for (Category c : kAllCategories) {
    const CategoryConfig& cc = cfg.category(c);
    out += "  " + std::string(category_key(c)) + ": {threshold: " + std::to_string(cc.threshold) +
           ", min_words: " + std::to_string(cc.min_words) +
           ", required: " + (cc.required ? "true" : "false") + "}\n";
  }
  out += cfg.rules.empty() ? "\nrules: {}\n" : "\nrules:\n";
  for (const auto& [code, rc] : cfg.rules) {
    out += "  " + yaml_key(code) + ": {off: " + (rc.off ? "true" : "false");
    if (rc.severity) out += ", severity: " + std::string(severity_name(*rc.severity));
    out += "}\n";
  }
  out += "\ngate:\n  fail_on: ";
  out += cfg.gate.fail_on ? std::string(severity_name(*cfg.gate.fail_on)) : "never";
  out += "\n  min_score: " + std::to_string(cfg.gate.min_score) + "\n";
  if (cfg.gate.max_warnings)
    out += "  max_warnings: " + std::to_string(*cfg.gate.max_warnings) + "\n";
  out += "\nlimits:\n";
  for (const auto& setting : kLimitSettings)
    out += "  " + std::string(setting.name) + ": " + std::to_string(cfg.limits.*(setting.member)) +
           "\n";

  // Aliases print as the table holds them (normalized), grouped by key, sorted.
  std::vector<std::vector<std::string>> by_key(static_cast<std::size_t>(FieldKey::handoff_call) +
                                               1);
  for (const auto& [alias, key] : cfg.labels.entries())
    by_key[static_cast<std::size_t>(key)].push_back(alias);
  out += cfg.labels.size() == 0 ? "\naliases: {}\n" : "\naliases:\n";
  for (std::size_t k = 0; k < by_key.size(); ++k) {
    if (by_key[k].empty()) continue;
    std::sort(by_key[k].begin(), by_key[k].end());
    dump_list(out, field_key_name(static_cast<FieldKey>(k)), by_key[k]);
  }
  out += cfg.phrases.empty() ? "\nphrases: {}\n" : "\nphrases:\n";
  for (const auto& [name, list] : cfg.phrases) dump_list(out, yaml_key(name), list);

  out += "\ncsv:\n  delimiter: ";
  if (cfg.csv.delimiter == 0)
    out += "auto";
  else
    out += cfg.csv.delimiter == '\t' ? std::string("tab") : yaml_quoted({&cfg.csv.delimiter, 1});
  out += cfg.csv.columns.empty() ? "\n  columns: {}\n" : "\n  columns:\n";
  for (const auto& [header, key] : cfg.csv.columns)
    out += "    " + yaml_quoted(header) + ": " + std::string(field_key_name(key)) + "\n";
  dump_list(out, "notes_columns", cfg.csv.notes_columns);
  return out;
}

}  // namespace handoff

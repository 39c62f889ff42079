// Configuration: the built-in defaults, user files on top, errors with line and key path,
// finding .handoff-lint.yaml, and dump_config round trips.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "handoff/config.hpp"
#include "temp_dir.hpp"

using namespace handoff;
using handoff::test::TempDir;
namespace fs = std::filesystem;

namespace {

Config apply_ok(const Config& base, const std::string& text) {
  auto result = apply_config(base, text, ".handoff-lint.yaml");
  if (auto* err = std::get_if<ConfigError>(&result)) FAIL("unexpected error: " << err->message);
  return std::get<Config>(result);
}

ConfigError apply_err(const std::string& text) {
  auto result = apply_config(default_config(), text, "team/.handoff-lint.yaml");
  REQUIRE(std::holds_alternative<ConfigError>(result));
  return std::get<ConfigError>(result);
}

void check_same(const Config& a, const Config& b) {
  for (Category c : kAllCategories) {
    INFO(category_key(c));
    CHECK(a.category(c).threshold == b.category(c).threshold);
    CHECK(a.category(c).min_words == b.category(c).min_words);
    CHECK(a.category(c).required == b.category(c).required);
  }
  REQUIRE(a.rules.size() == b.rules.size());
  for (const auto& [code, rc] : a.rules) {
    INFO(code);
    REQUIRE(b.rules.count(code) == 1);
    CHECK(b.rules.find(code)->second.off == rc.off);
    CHECK(b.rules.find(code)->second.severity == rc.severity);
  }
  CHECK(a.labels.entries() == b.labels.entries());
  CHECK(a.phrases == b.phrases);
  CHECK(a.limits.max_file_bytes == b.limits.max_file_bytes);
  CHECK(a.limits.max_yaml_depth == b.limits.max_yaml_depth);
  CHECK(a.limits.max_yaml_flow_bytes == b.limits.max_yaml_flow_bytes);
  CHECK(a.limits.max_findings_per_record == b.limits.max_findings_per_record);
  CHECK(a.gate.fail_on == b.gate.fail_on);
  CHECK(a.gate.min_score == b.gate.min_score);
  CHECK(a.gate.max_warnings == b.gate.max_warnings);
  CHECK(a.csv.delimiter == b.csv.delimiter);
  CHECK(a.csv.columns == b.csv.columns);
  CHECK(a.csv.notes_columns == b.csv.notes_columns);
}

}  // namespace

TEST_CASE("the built-in configuration loads", "[yaml]") {
  auto result = apply_config(Config{}, default_config_text(), "built-in");
  if (auto* err = std::get_if<ConfigError>(&result))
    FAIL("built-in config fails at line " << err->pos.line << ": " << err->message);
  const Config& cfg = default_config();
  CHECK(cfg.origin == "built-in");
  CHECK(cfg.category(Category::buying_motivation).min_words == 20);
  CHECK(cfg.category(Category::promises_commitments).min_words == 10);
  CHECK(cfg.category(Category::success_criteria).threshold == 70);
  CHECK(cfg.limits.max_yaml_depth == 64);
  CHECK(cfg.labels.match("Why they bought") == FieldKey::buying_motivation);
  CHECK(cfg.labels.match("CSM assigned") == FieldKey::csm);
  CHECK(cfg.phrase_list("placeholder").size() > 10);
  CHECK(cfg.phrase_list("no_such_list").empty());
}

// default_config() is generated C++ (src/codegen/config_codegen.cpp); it must be exactly what
// parsing the YAML it was generated from yields, member by member.
TEST_CASE("the compiled-in configuration equals the parsed built-in YAML", "[yaml]") {
  auto result = apply_config(Config{}, default_config_text(), "built-in");
  REQUIRE(std::holds_alternative<Config>(result));
  const Config& parsed = std::get<Config>(result);
  const Config& compiled = default_config();
  REQUIRE(parsed.labels.size() > 0);
  REQUIRE_FALSE(parsed.phrases.empty());

  CHECK(compiled.origin == parsed.origin);
  CHECK(compiled.categories == parsed.categories);
  CHECK(compiled.rules == parsed.rules);
  CHECK(compiled.labels.entries() == parsed.labels.entries());
  for (const auto& [name, list] : parsed.phrases) {
    INFO("phrase list " << name);
    CHECK(compiled.phrase_list(name) == list);
  }
  CHECK(compiled.phrases == parsed.phrases);
  CHECK(compiled.limits == parsed.limits);
  CHECK(compiled.csv == parsed.csv);
  CHECK(compiled.gate == parsed.gate);
  CHECK(dump_config(compiled) == dump_config(parsed));
  // The defaulted operator== covers every member, including any added later.
  CHECK(compiled == parsed);
}

TEST_CASE("a user config overrides categories, rules and limits", "[yaml]") {
  Config cfg = apply_ok(default_config(),
                        "categories:\n"
                        "  success_criteria: {threshold: 85, required: false}\n"
                        "  champion_profile:\n"
                        "    min_words: 30\n"
                        "rules:\n"
                        "  HL101: off\n"
                        "  HL102: {severity: warning}\n"
                        "  HL103: {off: true}\n"
                        "limits:\n"
                        "  max_yaml_depth: 32\n"
                        "  max_file_bytes: 1000000\n");
  CHECK(cfg.origin == ".handoff-lint.yaml");
  CHECK(cfg.category(Category::success_criteria).threshold == 85);
  CHECK_FALSE(cfg.category(Category::success_criteria).required);
  CHECK(cfg.category(Category::success_criteria).min_words == 15);  // kept from the base
  CHECK(cfg.category(Category::champion_profile).min_words == 30);
  CHECK(cfg.rules.at("HL101").off);
  CHECK_FALSE(cfg.rules.at("HL102").off);
  CHECK(cfg.rules.at("HL102").severity == Severity::warning);
  CHECK(cfg.rules.at("HL103").off);
  CHECK(cfg.limits.max_yaml_depth == 32);
  CHECK(cfg.limits.max_file_bytes == 1000000);
  CHECK(cfg.limits.max_yaml_nodes == default_config().limits.max_yaml_nodes);
}

TEST_CASE("aliases and phrases extend the built-in lists", "[yaml]") {
  std::size_t base_placeholders = default_config().phrase_list("placeholder").size();
  Config cfg = apply_ok(default_config(),
                        "aliases:\n"
                        "  champion_profile: [Deal sponsor, Exec sponsor]\n"
                        "  handoff_call: kickoff sync\n"
                        "phrases:\n"
                        "  placeholder: [see gong, tbd]\n"
                        "  house_jargon: [synergy play]\n");
  CHECK(cfg.labels.match("deal sponsor") == FieldKey::champion_profile);
  CHECK(cfg.labels.match("Exec Sponsor:") == FieldKey::champion_profile);
  CHECK(cfg.labels.match("Kickoff sync") == FieldKey::handoff_call);
  CHECK(cfg.labels.match("champion") == FieldKey::champion_profile);  // built-in kept
  // "tbd" is already listed: appended lists do not repeat a phrase.
  CHECK(cfg.phrase_list("placeholder").size() == base_placeholders + 1);
  CHECK(cfg.phrase_list("placeholder").back() == "see gong");
  CHECK(cfg.phrase_list("house_jargon") == std::vector<std::string>{"synergy play"});
}

TEST_CASE("config errors name the file, the line and the dotted key path", "[yaml]") {
  struct Case {
    const char* text;
    std::uint32_t line;
    const char* message;
  };
  const Case cases[] = {
      {"categories:\n  success_criteria:\n    threshold: high\n", 3,
       "categories.success_criteria.threshold: expected an integer from 0 to 100, got \"high\""},
      {"categories:\n  success_criteria: {threshold: 101}\n", 2,
       "categories.success_criteria.threshold: expected an integer from 0 to 100, got \"101\""},
      {"categories:\n  champion_profile: {min_words: -1}\n", 2,
       "categories.champion_profile.min_words: expected an integer from 0 to 100000, got \"-1\""},
      {"categories:\n  champion_profile:\n    required: maybe\n", 3,
       "categories.champion_profile.required: expected true or false, got \"maybe\""},
      {"categories:\n  champion_profile:\n    colour: red\n", 3,
       "categories.champion_profile.colour: unknown key; expected threshold, min_words or "
       "required"},
      {"categories:\n  vibes: {threshold: 50}\n", 2,
       "categories.vibes: unknown category; expected one of buying_motivation, champion_profile,"},
      {"categories: [success_criteria]\n", 1, "categories: expected a mapping, got a list"},
      {"rules:\n  HL999: off\n", 2, "rules.HL999: unknown rule code"},
      {"rules:\n  HL101: {severity: fatal}\n", 2,
       "rules.HL101.severity: expected error, warning or info, got \"fatal\""},
      {"rules:\n  HL101: disabled\n", 2,
       "rules.HL101: expected off, or a mapping such as {severity: warning} or {off: true}, got "
       "\"disabled\""},
      {"limits:\n  max_yaml_depth: 500\n", 2,
       "limits.max_yaml_depth: expected an integer from 1 to 400, got \"500\""},
      {"limits:\n  max_widgets: 3\n", 2, "limits.max_widgets: unknown limit"},
      {"limits:\n  max_file_bytes: 2.5\n", 2, "limits.max_file_bytes: expected an integer"},
      {"aliases:\n  sponsor: [exec sponsor]\n", 2, "aliases.sponsor: unknown field key"},
      {"aliases:\n  champion_profile:\n    - {name: x}\n", 3,
       "aliases.champion_profile: expected text, got a mapping"},
      {"aliases:\n  champion_profile: ['---']\n", 2,
       "aliases.champion_profile: the label \"---\" has no letters or digits"},
      {"phrases:\n  placeholder: {a: b}\n", 2,
       "phrases.placeholder: expected a list of text, got a mapping"},
      {"version: 2\n", 1,
       "version: unknown key; expected categories, rules, gate, limits, aliases, phrases or csv"},
      {"- categories\n", 1, "expected a mapping with keys such as categories:"},
      {"limits:\n  max_yaml_depth: 10\nlimits:\n  max_yaml_depth: 20\n", 3,
       "duplicate key limits (first at line 1)"},
      {"rules: {HL101: off}\n---\nrules: {}\n", 2, "a config file holds one YAML document"},
      {"categories:\n  success_criteria: {threshold: 80\n", 3, "YAML syntax error"},
      {"rules:\n  HL101: *other\n", 2, "YAML aliases (*name) are not supported"},
      {"categories:\n\tchampion_profile: {}\n", 2, "a tab is used for indentation"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    ConfigError err = apply_err(c.text);
    CHECK(err.file == "team/.handoff-lint.yaml");
    CHECK(err.pos.line == c.line);
    CHECK(err.message.find(c.message) != std::string::npos);
    if (err.message.find(c.message) == std::string::npos) WARN(err.message);
  }
}

TEST_CASE("an empty config file changes nothing", "[yaml]") {
  Config cfg = apply_ok(default_config(), "# nothing configured yet\n");
  check_same(cfg, default_config());
  CHECK(cfg.origin == ".handoff-lint.yaml");
  Config with_null_sections = apply_ok(default_config(), "rules:\naliases:\nphrases:\n");
  check_same(with_null_sections, default_config());
}

TEST_CASE("dump_config prints YAML that apply_config accepts back", "[yaml]") {
  SECTION("the built-in configuration") {
    std::string dumped = dump_config(default_config());
    CHECK(dumped.find(
              "categories:\n  buying_motivation: {threshold: 70, min_words: 20, required: true}") !=
          std::string::npos);
    // Onto an empty base it rebuilds the same configuration; onto the defaults it changes nothing.
    check_same(apply_ok(Config{}, dumped), default_config());
    check_same(apply_ok(default_config(), dumped), default_config());
  }
  SECTION("a customised configuration with awkward text") {
    Config custom = apply_ok(
        default_config(),
        "categories: {political_landscape: {threshold: 0, required: no}}\n"
        "rules: {HL101: off, HL205: {severity: info}, HL301: {off: true, severity: error}}\n"
        "limits: {max_records_per_file: 12}\n"
        "gate: {fail_on: never, min_score: 85, max_warnings: 0}\n"
        "csv: {delimiter: tab, columns: {'Why: they bought': buying_motivation}, "
        "notes_columns: ['AE \"Notes\"']}\n"
        "aliases: {relationship_history: ['Account history']}\n"
        "phrases:\n"
        "  placeholder: ['say \"when\"', 'back\\slash', \"tab\\there\", '# not a comment']\n"
        "  'odd list: name': [x]\n");
    std::string dumped = dump_config(custom);
    INFO(dumped);
    Config back = apply_ok(Config{}, dumped);
    check_same(back, custom);
    CHECK(back.phrase_list("odd list: name") == std::vector<std::string>{"x"});
    CHECK(back.phrase_list("placeholder").back() == "# not a comment");
  }
}

TEST_CASE("gate and csv sections set the gate policy and the CSV column mapping", "[yaml]") {
  Config built_in = default_config();
  CHECK(built_in.gate.fail_on == Severity::error);
  CHECK(built_in.gate.min_score == 0);
  CHECK_FALSE(built_in.gate.max_warnings);
  CHECK(built_in.csv.delimiter == 0);

  Config cfg =
      apply_ok(default_config(),
               "gate:\n  fail_on: warning\n  min_score: 75\n  max_warnings: 3\n"
               "csv:\n  delimiter: ';'\n"
               "  columns: {Deal Story: buying_motivation, Exec Sponsor: champion_profile}\n"
               "  notes_columns: [Handoff Notes]\n");
  CHECK(cfg.gate.fail_on == Severity::warning);
  CHECK(cfg.gate.min_score == 75);
  CHECK(cfg.gate.max_warnings == 3);
  CHECK(cfg.csv.delimiter == ';');
  using Column = std::pair<std::string, FieldKey>;
  CHECK(cfg.csv.columns == std::vector<Column>{{"Deal Story", FieldKey::buying_motivation},
                                               {"Exec Sponsor", FieldKey::champion_profile}});
  CHECK(cfg.csv.notes_columns == std::vector<std::string>{"Handoff Notes"});

  // A second file remaps a header instead of listing it twice.
  Config again = apply_ok(cfg, "csv: {columns: {Deal Story: relationship_history}}\n");
  CHECK(again.csv.columns == std::vector<Column>{{"Deal Story", FieldKey::relationship_history},
                                                 {"Exec Sponsor", FieldKey::champion_profile}});
  CHECK_FALSE(apply_ok(cfg, "gate: {fail_on: never}\n").gate.fail_on);

  ConfigError e = apply_err("gate:\n  fail_on: sometimes\n");
  CHECK(e.pos.line == 2);
  CHECK(e.message == "gate.fail_on: expected error, warning, info or never, got \"sometimes\"");
  e = apply_err("gate: {min_score: 101}\n");
  CHECK(e.message == "gate.min_score: expected an integer from 0 to 100, got \"101\"");
  e = apply_err("csv:\n  columns:\n    Notes: vibes\n");
  CHECK(e.pos.line == 3);
  CHECK(e.message ==
        "csv.columns.Notes: expected a canonical key such as champion_profile, got \"vibes\"");
  e = apply_err("csv: {delimiter: ',;'}\n");
  CHECK(e.message ==
        "csv.delimiter: expected one character such as \",\" or \";\", tab, or auto, got \",;\"");
  e = apply_err("csv: {quote: \"'\"}\n");
  CHECK(e.message == "csv.quote: unknown key; expected delimiter, columns or notes_columns");
}

TEST_CASE("find_config_file walks up from a directory", "[yaml]") {
  TempDir tree;
  fs::create_directories(tree.path / "repo/deals/2026");
  std::ofstream(tree.path / "repo/.handoff-lint.yaml") << "rules: {}\n";
  std::string found = find_config_file((tree.path / "repo/deals/2026").string());
  CHECK(found == (tree.path / "repo/.handoff-lint.yaml").string());
  CHECK(find_config_file((tree.path / "repo").string()) == found);

  // A directory named like the file is not a config file.
  fs::create_directories(tree.path / "other/.handoff-lint.yaml");
  fs::create_directories(tree.path / "other/sub");
  std::string none = find_config_file((tree.path / "other/sub").string());
  CHECK(none.find(tree.path.string()) == std::string::npos);

  // A start directory that does not exist is not an error.
  CHECK_NOTHROW(find_config_file((tree.path / "missing/dir").string()));
}

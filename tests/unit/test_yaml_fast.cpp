// The YAML fast path (src/load/yaml_fast.hpp) against yaml-cpp: what it accepts must produce
// yaml-cpp's events exactly; what it does not handle it must decline, never guess.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "handoff/config.hpp"
#include "load/yaml_tree.hpp"
#include "yaml_event_log.hpp"

namespace fs = std::filesystem;
using handoff::test::fast_events;
using handoff::test::yaml_cpp_events;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Accepted, and event for event what yaml-cpp emits.
void require_same_as_yaml_cpp(const std::string& text) {
  INFO("input:\n" << text);
  std::vector<std::string> fast;
  REQUIRE(fast_events(text, fast));
  CHECK(fast == yaml_cpp_events(text));
}

void require_declined(const std::string& text) {
  INFO("input:\n" << text);
  std::vector<std::string> fast;
  CHECK_FALSE(fast_events(text, fast));
}

}  // namespace

TEST_CASE("fast path: the constructs records are written in match yaml-cpp", "[yaml_fast]") {
  const char* inputs[] = {
      // scalars after a key, with trailing comments and spaces
      "account: Pellucid Freight\nacv: $61,500  # list price\nclose_date: 2026-02-27\n",
      "a: C# and F# # but this is a comment\nb: x:y\nc: 50% done, [phase 1] {ok}\n",
      "a: -5\nb: ?why\nc: :colon first\nd: it's \"quoted\" inside\n",
      // plain scalars folded over lines, with blank lines, and starting on the next line
      "a: one  \n  two\n\n  three   \n\n\n   four\nb: x\n",
      "a:\n  starts below\n  and goes on\nb:    \n\n  after blanks\n",
      // quoted scalars
      "a: 'it''s'  # c\nb: \"q\\\"x \\\\ y\"\nc: \"x # y\" # z\nd: ''\ne: \"\"\n",
      // block scalars: literal and folded, clip and strip, leading and inner blank lines
      "a: |\n  x\n  y\nb: 1\n",
      "a: |\n  x\n  y",
      "a: >\n  x  \n  y\n",
      "a: |-\n  x\n\n  y\n\n\nb: 1\n",
      "a: >-\n  x\n  y\n\n  z\n\n\n",
      "a: >\n  x\n\n\n  y\n",
      "a: |\n\n  x\n",
      "a: |  # c\n  x\n    deeper\n  # not a comment\n",
      "k:\n- |\n  in a list\n- >\n  folded\n  in a list\n",
      // block sequences: indented, at the key's column, with empty items
      "k:\n  - a\n  -\n  - b\n",
      "k:\n- a\n- b\nz: 2\n",
      "k:\n  - a\n  -\n",
      "k:\n  - a\n  -\nz: 2",
      "k:\n  - one\n    two\n  - three\n",
      "k:\n  -\n    nested text\n  - x\n",
      // mappings nested and inside lists
      "w:\n  x:\ny: 1\n",
      "w:\n  x:\n\n  # c\ny: 1\n",
      "w:\n  - x:\n    y: 2\n",
      "w:\n  - x:\n  - y\n",
      "key_contacts:\n- name: Ana Ruiz\n  role: CFO\n- name: Bo Lin\n  roles:\n  - a\n  - b\n",
      // one-line flow collections
      "a: [x, y z , w]\nb: {k: v , k2: v2}\nc: []\nd: {}\ne: [ ]\n",
      "k:\n  - {name: Ana Ruiz, role: CFO}\n  - [a, b]\n",
      // keys with spaces and punctuation, documents with comments and a start marker
      "Buying motivation: x\nACV ($): 1\nwhat was promised?: y\n",
      "# note\n\n---\n# another\na: 1\n",
      "--- # start\na: 1\n",
      // empty values at the end, with and without a final newline
      "a: 1\nb:\n",
      "a: 1\nb:\n\n# c\n\n",
      // duplicate keys are for the tree builder, not the parser
      "a: 1\na: 2\n",
      // the plain scalars yaml-cpp reports as nulls, as keys, values and flow items
      "a: null\nb: ~\nc: Null\nd: NULL\ne: nUll\nnull: 1\nf: [null, ~]\ng: {x: ~}\nh: \"null\"\n",
      // non-ASCII text
      "champion_profile: Ángel Núñez — VP Ops, “owns” the rollout\n",
  };
  for (const char* input : inputs) require_same_as_yaml_cpp(input);
}

TEST_CASE("fast path: declines what it does not handle", "[yaml_fast]") {
  const char* inputs[] = {
      "",                        // no document
      "# only a comment\n",      // no document
      "a: &x 1\nb: *x\n",        // anchors and aliases
      "a: !!str 1\n",            // tags
      "a: 1\n---\nb: 2\n",       // a second document
      "a: 1\n...\n",             // a document end marker
      "%YAML 1.2\n---\na: 1\n",  // a directive
      "a:\n\tb: 1\n",            // a tab
      "a: 1\r\n",                // a CR
      "a: abcdefghijklmnopqrstu\x7f"
      "vwxyz\n",                          // DEL, far into a line
      "a: abcdefghijklmnopqrstuvw\tz\n",  // a tab inside a value
      "a: x: y\n",                        // yaml-cpp: illegal map value
      "a: x:\n",                          // the same
      "a: - x\n",                         // yaml-cpp: illegal block entry
      "a: 1\n  b: 2\n",                   // a continuation that reads as a key
      "a: one\n  # c\n  two\n",           // a comment inside a plain scalar
      "a: one\ntwo\n",                    // a line that is no key
      "a: 'two\n  lines'\n",              // a quoted scalar over two lines
      "a: \"\\u00e9\"\n",                 // an escape other than \" and \\ .
      "a: |+\n  keep\n\n",                // keep chomping
      "a: |2\n   x\n",                    // an indentation indicator
      "a: >\n  x\n    more indented\n",   // folded with a more-indented line
      "a: |\n  x\n   \n  y\n",            // a line of spaces inside a block
      "a: |\nb: 1\n",                     // an empty block scalar
      "a: [x, [y]]\n",                    // nested flow
      "a: [x,\n  y]\n",                   // flow over two lines
      "a: {k: v,}\n",                     // a trailing comma
      "a: [x, 'y']\n",                    // a quoted flow item
      "? complex\n: key\n",               // an explicit key
      "k:\n  - a\n -b\n",                 // a list item at the wrong column
      "- - nested\n",                     // a list in a list on one line
      "\"quoted key\": 1\n",              // a quoted key
      "  a: 1\n",                         // an indented root
      "just a scalar\n",                  // not a mapping
      "a: 1\nb:",                         // an empty value at an end with no newline
      "a: 1\n\xC2\x85"
      "b: 2\n",  // NEL, a line break to YAML 1.1
  };
  for (const char* input : inputs) require_declined(input);
}

TEST_CASE("fast path: nesting deeper than its bound is left to yaml-cpp", "[yaml_fast]") {
  std::string text;
  for (int depth = 0; depth < 80; ++depth) text += std::string(2 * depth, ' ') + "k:\n";
  text += std::string(160, ' ') + "v\n";
  require_declined(text);  // fast_events allows 64 levels
  handoff::test::YamlEventLog log;
  REQUIRE(handoff::yaml::emit_simple_document(text, log, 100));
  CHECK(log.events == yaml_cpp_events(text));
}

TEST_CASE("fast path: every bundled YAML record is read by it, as yaml-cpp reads it",
          "[yaml_fast]") {
  // After the byte pass, as the loader sees them: two corpus records are saved with a BOM and
  // CRLF line ends, which the pass removes.
  const fs::path root(HANDOFF_SOURCE_DIR);
  std::size_t accepted = 0;
  std::size_t files = 0;
  for (const char* dir : {"examples", "tests/corpus", "tests/fuzz/corpus/yaml_fast"}) {
    for (const auto& entry : fs::directory_iterator(root / dir)) {
      if (entry.path().extension() != ".yaml") continue;
      ++files;
      INFO(entry.path());
      std::string text = read_file(entry.path());
      REQUIRE_FALSE(handoff::normalize_text(text, handoff::default_config().limits));
      std::vector<std::string> fast;
      if (!fast_events(text, fast)) continue;
      ++accepted;
      CHECK(fast == yaml_cpp_events(text));
    }
  }
  CHECK(files >= 35);
  CHECK(accepted == files);
}

TEST_CASE("fast path: the document tree is the one yaml-cpp builds", "[yaml_fast]") {
  // Through DocumentReader: duplicate keys, comments and positions as the loader sees them.
  const std::string text =
      "# handoff-lint: disable=HL301 -- agreed\naccount: Tern Labs\naccount: Again\n"
      "promises_commitments:\n  - Pilot by 2026-05-01\n  - name: x\n";
  const auto& limits = handoff::default_config().limits;
  handoff::yaml::DocumentReader reader(text, limits);
  handoff::yaml::Document doc;
  REQUIRE(reader.next(doc));
  REQUIRE(doc.root.is_mapping());
  REQUIRE(doc.root.entry_count() == 2);
  CHECK(doc.root.entry_value(0).value == "Tern Labs");
  REQUIRE(doc.duplicates.size() == 1);
  CHECK(doc.duplicates[0].second.line == 3);
  const auto& list = doc.root.entry_value(1);
  REQUIRE(list.is_sequence());
  CHECK(list.children[0].pos.line == 5);
  CHECK(list.children[0].pos.column == 5);
  CHECK(list.children[1].is_mapping());
  CHECK(doc.start.line == 2);
  CHECK(reader.comments().size() == 1);
  CHECK_FALSE(reader.next(doc));
  CHECK_FALSE(reader.error());
}

TEST_CASE("fast path: a text it gives up on halfway is read whole by yaml-cpp", "[yaml_fast]") {
  // The fast path has emitted the first entry when it meets the two-line quote and declines;
  // nothing of that half-built tree may survive into the document.
  const std::string text = "account: Tern Labs\nnotes: 'two\n  lines'\nae: Ida Moss\n";
  std::vector<std::string> fast;
  REQUIRE_FALSE(fast_events(text, fast));
  CHECK(fast.size() > 3);
  handoff::yaml::DocumentReader reader(text, handoff::default_config().limits);
  handoff::yaml::Document doc;
  REQUIRE(reader.next(doc));
  REQUIRE(doc.root.entry_count() == 3);
  CHECK(doc.root.entry_value(0).value == "Tern Labs");
  CHECK(doc.root.entry_value(1).value == "two lines");
  CHECK(doc.root.entry_value(2).pos.line == 4);
  CHECK(doc.duplicates.empty());
  CHECK_FALSE(reader.next(doc));
  CHECK_FALSE(reader.error());
}

// The safe YAML tree: pre-scan limits, event-built nodes, positions, refusals.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "load/yaml_tree.hpp"

using namespace handoff;
using handoff::yaml::Document;
using handoff::yaml::DocumentReader;
using handoff::yaml::Node;
using handoff::yaml::NodeKind;
using handoff::yaml::ScalarStyle;

namespace {

struct ReadAll {
  std::vector<Document> docs;
  std::optional<LoadError> error;
  bool more_after_error = false;
  std::vector<yaml::Comment> comments;
  std::vector<std::string> comment_texts;  // the comments' views point into the reader's text
};

ReadAll read_all(const std::string& text, const Limits& limits = Limits{}) {
  ReadAll out;
  DocumentReader reader(text, limits);
  Document doc;
  while (reader.next(doc)) out.docs.push_back(std::move(doc));
  out.error = reader.error();
  out.more_after_error = out.error && reader.more_documents_after_error();
  out.comments = reader.comments();
  for (const auto& c : out.comments) out.comment_texts.emplace_back(c.text);
  return out;
}

const Node* find(const Node& map, std::string_view key) {
  for (std::size_t i = 0; i < map.entry_count(); ++i)
    if (map.entry_key(i).is_scalar() && map.entry_key(i).value == key) return &map.entry_value(i);
  return nullptr;
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("scalars keep their style, value and 1-based position", "[yaml]") {
  auto r = read_all(
      "account: Halvorsen Freight\n"
      "quoted: \"null\"\n"
      "single: 'it''s'\n"
      "empty:\n"
      "tilde: ~\n"
      "word: null\n"
      "tagged: !!str null\n");
  REQUIRE_FALSE(r.error);
  REQUIRE(r.docs.size() == 1);
  const Node& root = r.docs[0].root;
  REQUIRE(root.is_mapping());
  REQUIRE(root.entry_count() == 7);
  CHECK(root.pos.line == 1);
  CHECK(root.pos.column == 1);

  const Node* account = find(root, "account");
  REQUIRE(account);
  CHECK(account->value == "Halvorsen Freight");
  CHECK(account->style == ScalarStyle::plain);
  CHECK(account->pos.line == 1);
  CHECK(account->pos.column == 10);

  const Node* quoted = find(root, "quoted");
  REQUIRE(quoted->is_scalar());
  CHECK(quoted->value == "null");
  CHECK(quoted->style == ScalarStyle::double_quoted);

  CHECK(find(root, "single")->value == "it's");
  CHECK(find(root, "single")->style == ScalarStyle::single_quoted);
  CHECK(find(root, "empty")->is_null());
  CHECK(find(root, "tilde")->is_null());
  CHECK(find(root, "word")->is_null());
  CHECK(find(root, "tagged")->is_scalar());
  CHECK(find(root, "tagged")->value == "null");
  CHECK(root.entry_key(6).pos.line == 7);
}

TEST_CASE("block scalars are recognised and split into paragraphs with lines", "[yaml]") {
  std::string text =
      "motivation: |\n"
      "  The Q3 audit found three ledgers.\n"
      "  Nobody trusted the totals.\n"
      "\n"
      "  The CFO set a June deadline.\n"
      "folded: >\n"
      "  First part\n"
      "  continues here.\n"
      "\n"
      "  Second part.\n";
  auto r = read_all(text);
  REQUIRE_FALSE(r.error);
  const Node& root = r.docs[0].root;
  const Node* literal = find(root, "motivation");
  REQUIRE(literal);
  CHECK(literal->style == ScalarStyle::literal);
  CHECK(literal->pos.line == 1);
  auto items = yaml::block_paragraphs(text, *literal, root.entry_key(0).pos.column);
  REQUIRE(items.size() == 2);
  CHECK(items[0].text == "The Q3 audit found three ledgers.\nNobody trusted the totals.");
  CHECK(items[0].pos.line == 2);
  CHECK(items[0].pos.column == 3);
  CHECK(items[1].text == "The CFO set a June deadline.");
  CHECK(items[1].pos.line == 5);

  const Node* folded = find(root, "folded");
  CHECK(folded->style == ScalarStyle::folded);
  auto folded_items = yaml::block_paragraphs(text, *folded, 1);
  REQUIRE(folded_items.size() == 2);
  CHECK(folded_items[0].text == "First part continues here.");
  CHECK(folded_items[0].pos.line == 7);
  CHECK(folded_items[1].text == "Second part.");
  CHECK(folded_items[1].pos.line == 10);
}

TEST_CASE("sequences and flow collections nest with positions", "[yaml]") {
  auto r = read_all("risks:\n  - Legal wants a DPA\n  - - nested\nflow: [a, {k: v}]\n");
  REQUIRE_FALSE(r.error);
  const Node& root = r.docs[0].root;
  const Node* risks = find(root, "risks");
  REQUIRE(risks->is_sequence());
  REQUIRE(risks->children.size() == 2);
  CHECK(risks->pos.line == 2);
  CHECK(risks->pos.column == 3);
  CHECK(risks->children[0].value == "Legal wants a DPA");
  CHECK(risks->children[0].pos.column == 5);
  CHECK(risks->children[1].is_sequence());
  CHECK(risks->children[1].pos.line == 3);
  const Node* flow = find(root, "flow");
  REQUIRE(flow->is_sequence());
  CHECK(flow->children[1].is_mapping());
  CHECK(flow->children[1].pos.column == 11);
}

TEST_CASE("duplicate keys keep the first value and report both lines", "[yaml]") {
  auto r = read_all("account: First Co\nacv: 10\naccount:\n  nested: dropped\nae: Rosa\n");
  REQUIRE_FALSE(r.error);
  const Document& doc = r.docs[0];
  REQUIRE(doc.root.entry_count() == 3);
  CHECK(find(doc.root, "account")->value == "First Co");
  CHECK(find(doc.root, "ae")->value == "Rosa");
  REQUIRE(doc.duplicates.size() == 1);
  CHECK(doc.duplicates[0].key == "account");
  CHECK(doc.duplicates[0].first.line == 1);
  CHECK(doc.duplicates[0].second.line == 3);
}

TEST_CASE("documents of a stream are read one at a time", "[yaml]") {
  auto r = read_all("a: 1\n---\nb: 2\n---\nc: 3\n");
  REQUIRE_FALSE(r.error);
  REQUIRE(r.docs.size() == 3);
  CHECK(r.docs[1].start.line == 2);
  CHECK(r.docs[2].root.entry_key(0).value == "c");
  CHECK(r.docs[2].root.entry_key(0).pos.line == 5);
}

TEST_CASE("aliases are refused, including a self-referencing cycle", "[yaml]") {
  auto r = read_all("account: Fenwick\nrisks: &x [*x]\n");
  REQUIRE(r.error);
  CHECK(r.error->message == "YAML aliases (*name) are not supported in handoff records");
  CHECK(r.error->pos.line == 2);
  CHECK(r.docs.empty());

  // A reference on a line of its own, in block style.
  auto block = read_all("a: &anchor text\nb:\n  - *anchor\n");
  REQUIRE(block.error);
  CHECK(block.error->pos.line == 3);
  CHECK(block.error->pos.column == 5);
}

TEST_CASE("a billion-laughs alias bomb is refused quickly", "[yaml]") {
  std::string bomb =
      "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char name = 'b'; name <= 'i'; ++name) {
    std::string prev(1, static_cast<char>(name - 1));
    bomb += std::string(1, name) + ": &" + name + " [";
    for (int i = 0; i < 9; ++i) bomb += (i ? ",*" : "*") + prev;
    bomb += "]\n";
  }
  auto start = std::chrono::steady_clock::now();
  auto r = read_all(bomb);
  auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE(r.error);
  CHECK(contains(r.error->message, "aliases"));
  CHECK(r.error->pos.line == 2);
  CHECK(elapsed < std::chrono::seconds(1));
}

TEST_CASE("10,000 nested brackets stop at the depth limit with the line", "[yaml]") {
  std::string deep =
      "account: Deep\nrisks: " + std::string(10000, '[') + std::string(10000, ']') + "\n";
  auto r = read_all(deep);
  REQUIRE(r.error);
  CHECK(r.error->message == "YAML nesting is deeper than 64 levels (max_yaml_depth)");
  CHECK(r.error->pos.line == 2);
  // Root mapping, then 64 brackets: the 64th '[' crosses the limit.
  CHECK(r.error->pos.column == 8 + 63);
}

TEST_CASE("indentation nesting beyond the limit is refused at the crossing line", "[yaml]") {
  std::string text;
  for (int i = 0; i < 80; ++i)
    text += std::string(static_cast<std::size_t>(2 * i), ' ') + "k" + std::to_string(i) + ":\n";
  auto r = read_all(text);
  REQUIRE(r.error);
  CHECK(contains(r.error->message, "deeper than 64 levels"));
  CHECK(r.error->pos.line == 65);
}

TEST_CASE("the event pass enforces depth too, and yaml-cpp's own guard cannot escape", "[yaml]") {
  Limits limits;
  limits.max_yaml_depth = 3;
  // "- - - -" nests on one line; the event pass counts exactly.
  auto r = read_all("a:\n  - - - x\n", limits);
  REQUIRE(r.error);
  CHECK(contains(r.error->message, "deeper than 3 levels"));
  CHECK(r.error->pos.line == 2);

  Limits unlimited;
  unlimited.max_yaml_depth = 1000000;
  auto deep = read_all("a: " + std::string(2000, '[') + std::string(2000, ']') + "\n", unlimited);
  REQUIRE(deep.error);
  CHECK(deep.error->message == "YAML nesting is too deep for the parser");
}

TEST_CASE("flow collections longer than max_yaml_flow_bytes are refused", "[yaml]") {
  std::string items;
  for (int i = 0; i < 20000; ++i) items += "item, ";
  auto r = read_all("account: Wide\nproducts: [" + items + "last]\n");
  REQUIRE(r.error);
  CHECK(contains(r.error->message, "longer than 65536 bytes (max_yaml_flow_bytes)"));
  CHECK(r.error->pos.line == 2);
  CHECK(r.error->pos.column == 11);

  auto ok = read_all("products: [Core, Ledger, Payroll]\n");
  REQUIRE_FALSE(ok.error);
  CHECK(ok.docs[0].root.entry_value(0).children.size() == 3);
}

TEST_CASE("an unterminated quote at the end of the file is reported at its start", "[yaml]") {
  auto r = read_all("account: Tidewater\nae: \"Rosa Lind\nacv: 40000\ncsm: Kei\n");
  REQUIRE(r.error);
  CHECK(contains(r.error->message, "unterminated quoted value"));
  CHECK(r.error->pos.line == 2);
  CHECK(r.error->pos.column == 5);

  auto single = read_all("a: 'open\n");
  REQUIRE(single.error);
  CHECK(single.error->pos.line == 1);
}

TEST_CASE("apostrophes and quotes inside plain text are not quotes", "[yaml]") {
  auto r = read_all(
      "motivation: The CFO's team said\n"
      "  'tis the quarter to fix it\n"
      "risks: Legal isn't happy, \"maybe\" later\n");
  REQUIRE_FALSE(r.error);
  const Node& root = r.docs[0].root;
  CHECK(find(root, "motivation")->value == "The CFO's team said 'tis the quarter to fix it");
  CHECK(find(root, "risks")->value == "Legal isn't happy, \"maybe\" later");
}

TEST_CASE("tab indentation gets a clear message", "[yaml]") {
  auto r = read_all("account: Brightwater\nrisks:\n\t- none\n");
  REQUIRE(r.error);
  CHECK(r.error->message == "a tab is used for indentation; YAML indents with spaces only");
  CHECK(r.error->pos.line == 3);
  // Tabs inside a block scalar's text are text.
  auto ok = read_all("notes: |\n  col1\tcol2\n  \tindented\n");
  CHECK_FALSE(ok.error);
}

TEST_CASE("the node budget is enforced per document", "[yaml]") {
  Limits limits;
  limits.max_yaml_nodes = 10;
  auto r =
      read_all("list:\n  - a\n  - b\n  - c\n  - d\n  - e\n  - f\n  - g\n  - h\n  - i\n", limits);
  REQUIRE(r.error);
  CHECK(r.error->message == "the document has more than 10 YAML values (max_yaml_nodes)");
  CHECK(r.error->pos.line == 9);
}

TEST_CASE("yaml-cpp syntax errors become a LoadError with line and column", "[yaml]") {
  auto r = read_all("account: Norrland\nmotivation: Reason: audit\n");
  REQUIRE(r.error);
  CHECK(contains(r.error->message, "YAML syntax error: illegal map value"));
  CHECK(contains(r.error->message, "must be quoted"));
  CHECK(r.error->pos.line == 2);
  CHECK(r.error->pos.column == 19);
}

TEST_CASE("input on which yaml-cpp repeats one empty document forever is stopped", "[yaml]") {
  // yaml-cpp 0.7 returns an endless stream of empty documents for a lone ",".
  auto r = read_all(",");
  REQUIRE(r.error);
  CHECK(r.error->message == "YAML syntax error: the parser cannot continue here");
  CHECK(r.error->pos.line == 1);
  auto later = read_all("a: 1\n---\n,\n");
  REQUIRE(later.error);
  REQUIRE_FALSE(later.docs.empty());
  CHECK(later.docs[0].root.entry_key(0).value == "a");
}

TEST_CASE("documents before a problem are still read", "[yaml]") {
  auto r = read_all("a: 1\n---\nb: *missing\n---\nc: 3\n");
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].root.entry_key(0).value == "a");
  REQUIRE(r.error);
  CHECK(r.error->pos.line == 3);
  CHECK(r.more_after_error);

  auto last = read_all("a: 1\n---\nb: \"open\n");
  REQUIRE(last.docs.size() == 1);
  REQUIRE(last.error);
  CHECK_FALSE(last.more_after_error);
}

TEST_CASE("comments are collected with their lines, outside quotes and block text", "[yaml]") {
  auto r = read_all(
      "# top comment\n"
      "account: Quill # trailing\n"
      "quote: \"not # a comment\"\n"
      "notes: |\n"
      "  # text, not a comment\n"
      "\n"
      "  # own line, indented\n"
      "ae: Io\n");
  REQUIRE_FALSE(r.error);
  REQUIRE(r.comments.size() == 2);
  CHECK(r.comment_texts[0] == " top comment");
  CHECK(r.comments[0].pos.line == 1);
  CHECK(r.comments[0].own_line);
  CHECK(r.comments[0].next_content_line == 2);
  CHECK(r.comment_texts[1] == " trailing");
  CHECK(r.comments[1].pos.line == 2);
  CHECK(r.comments[1].pos.column == 16);
  CHECK_FALSE(r.comments[1].own_line);
  // The '#' lines inside the block scalar are part of its text.
  CHECK(find(r.docs[0].root, "notes")->value == "# text, not a comment\n\n# own line, indented\n");
}

TEST_CASE("empty input yields no documents and no error", "[yaml]") {
  auto r = read_all("");
  CHECK(r.docs.empty());
  CHECK_FALSE(r.error);
  auto comments_only = read_all("# nothing here\n\n");
  CHECK(comments_only.docs.empty());
  CHECK_FALSE(comments_only.error);
}

TEST_CASE("plain numbers and booleans are recognised only when plain", "[yaml]") {
  auto r = read_all("a: 42\nb: \"42\"\nc: -3.5\nd: yes\ne: 'yes'\nf: inf\n");
  const Node& root = r.docs.at(0).root;
  CHECK(yaml::is_plain_number(root.entry_value(0)));
  CHECK_FALSE(yaml::is_plain_number(root.entry_value(1)));
  CHECK(yaml::is_plain_number(root.entry_value(2)));
  CHECK(yaml::plain_bool(root.entry_value(3)) == true);
  CHECK_FALSE(yaml::plain_bool(root.entry_value(4)));
  CHECK_FALSE(yaml::is_plain_number(root.entry_value(5)));
}

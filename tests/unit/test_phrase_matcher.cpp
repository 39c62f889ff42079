// Text utilities under the rules: tokens, word counts, the phrase matcher, names and items.
#include <catch2/catch.hpp>

#include "text/items.hpp"
#include "text/names.hpp"
#include "text/phrase_matcher.hpp"
#include "text/tokens.hpp"

using namespace handoff;
using namespace handoff::text;

namespace {

std::vector<std::string> lowers(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.emplace_back(t.lower);
  return out;
}

}  // namespace

TEST_CASE("tokenize lower-cases words and drops punctuation", "[rules]") {
  TokenList list = tokenize("TBD -- see CRM! I’ll send $67,200 (3.5x) on 2026-04-28.");
  const std::vector<Token>& t = list.tokens;
  CHECK(lowers(t) == std::vector<std::string>{"tbd", "see", "crm", "i'll", "send", "67,200", "3.5x",
                                              "on", "2026", "04", "28"});
  CHECK(t[0].offset == 0);
  CHECK(t[1].raw == "see");
  CHECK(t[3].raw == "I’ll");  // the raw text keeps the typographic apostrophe
  CHECK(t[5].prev_char == '$');
  CHECK(t[6].prev_char == '(');
  CHECK(t[9].prev_char == '-');
}

TEST_CASE("tokenize marks sentence starts, but not after initials or abbreviations", "[rules]") {
  TokenList list =
      tokenize("Ines R. owns it. The CFO (Mr. Wren) disagrees; IT is fine!\n\nNew para");
  const std::vector<Token>& t = list.tokens;
  std::vector<std::string> starts;
  for (const Token& tok : t)
    if (tok.sentence_start) starts.push_back(std::string(tok.raw));
  CHECK(starts == std::vector<std::string>{"Ines", "The", "IT", "New"});
  auto spans = sentences(t);
  REQUIRE(spans.size() == 4);
  CHECK(spans[0].begin == 0);
  CHECK(spans[0].end == 4);  // Ines R owns it
}

TEST_CASE("tokenize records whether only blanks separate two words", "[rules]") {
  TokenList list = tokenize("Ines Calloway, VP\nOps");
  const std::vector<Token>& t = list.tokens;
  REQUIRE(t.size() == 4);
  CHECK(t[1].joined);
  CHECK_FALSE(t[2].joined);  // after a comma
  CHECK_FALSE(t[3].joined);  // after a line break
}

TEST_CASE("tokenize treats Unicode punctuation as separators", "[rules]") {
  TokenList list = tokenize(
      "weekly\xE2\x80\x94Slack \xC2\xAB"
      "call\xC2\xBB caf\xC3\xA9");
  const std::vector<Token>& t = list.tokens;
  CHECK(lowers(t) == std::vector<std::string>{"weekly", "slack", "call", "caf\xC3\xA9"});
}

TEST_CASE("count_words counts blank-separated chunks with a letter or digit", "[rules]") {
  CHECK(count_words("") == 0);
  CHECK(count_words("  --  ?  ") == 0);
  CHECK(count_words("N/A") == 1);
  CHECK(count_words("follow-up call on 2026-04-28, weekly.") == 5);
  CHECK(count_words("one\ntwo\tthree") == 3);
  for (std::string_view s : {"", "  --  ?  ", "N/A", "follow-up call on 2026-04-28, weekly.",
                             "one\ntwo\tthree", "I\xE2\x80\x99ll\xC2\xA0go -- 3.5 x"})
    CHECK(tokenize(s).words == count_words(s));  // the tokenizer counts them the same way
  CHECK(has_no_words(" - ? -- "));
  CHECK_FALSE(has_no_words("- x"));
}

TEST_CASE("a phrase matches whole words only, ignoring case and punctuation", "[rules]") {
  PhraseMatcher m({"see CRM", "N/A", "weekly", "I'll tell them on the call"});
  CHECK(m.find_first(tokenize("Details: SEE crm.").tokens));
  CHECK(m.find_first(tokenize("n / a").tokens));
  CHECK(m.find_first(tokenize("I’ll tell them on the call").tokens));
  CHECK_FALSE(m.find_first(tokenize("biweekly sync").tokens));  // not a word of its own
  CHECK_FALSE(m.find_first(tokenize("see the CRM").tokens));
  auto hit = m.find_first(tokenize("We meet weekly").tokens);
  REQUIRE(hit);
  CHECK(hit->begin == 2);
  CHECK(hit->length == 1);
}

TEST_CASE("the longest phrase at a position wins and word-less phrases add nothing", "[rules]") {
  PhraseMatcher m({"end of", "end of the quarter", "--", "?"});
  TokenList list = tokenize("by the end of the quarter");
  const std::vector<Token>& tokens = list.tokens;
  CHECK(m.longest_at(tokens, 2) == 4);
  CHECK(m.longest_at(tokens, 0) == 0);
  CHECK(m.has_word("end") == false);
  CHECK_FALSE(m.has_word(tokens[2]));  // "end" starts phrases but is none
  TokenList quarter = tokenize("Quarter");
  CHECK(PhraseMatcher({"quarter", "end of"}).has_word(quarter.tokens[0]));
  CHECK(PhraseMatcher({"--", "?"}).empty());
}

TEST_CASE("covers splits a text into whole phrases, trying every split", "[rules]") {
  PhraseMatcher m({"tbd", "see crm", "see", "crm notes", "will cover on the call"});
  TokenList yes_list = tokenize("TBD, see CRM notes");  // needs "see" + "crm notes", not "see crm"
  const std::vector<Token>& yes = yes_list.tokens;
  CHECK(m.covers(yes, 0, yes.size()));
  TokenList no_list = tokenize("TBD, budget approved");
  const std::vector<Token>& no = no_list.tokens;
  CHECK_FALSE(m.covers(no, 0, no.size()));
}

TEST_CASE("a phrase book compiles every list of a config and answers unknown names", "[rules]") {
  Config config;
  config.phrases["channels"] = {"slack", "ms teams"};
  PhraseBook book(config);
  CHECK(book.list("channels").find_first(tokenize("ping on MS Teams").tokens));
  CHECK(book.list("no-such-list").empty());
}

TEST_CASE("names are First Last or First L., not titles, products or months", "[rules]") {
  auto stop = [](const Token& t) {
    std::string_view w = t.lower;
    return w == "the" || w == "vp" || w == "slack" || w == "march" || w == "operations";
  };
  NameRules rules{stop, nullptr};
  auto found = [&](std::string_view s) {
    TokenList list = tokenize(s);
    const std::vector<Token>& t = list.tokens;
    return has_name(t, 0, t.size(), rules);
  };
  CHECK(found("Ines Calloway drove it"));
  CHECK(found("Champion: Ines C. (VP Operations)"));
  CHECK(found("talk to O'Hara McAllister first"));
  CHECK_FALSE(found("The VP of Operations drove it"));
  CHECK_FALSE(found("The Operations team"));
  CHECK_FALSE(found("Slack March"));
  CHECK_FALSE(found("Ines, VP Operations"));  // a single first name alone is not enough
  CHECK_FALSE(found("CFO IT"));
  std::unordered_set<std::string> known;
  add_name_words("Ines Calloway", known);
  rules.known = &known;
  CHECK(found("Ines, VP Operations"));
}

TEST_CASE("names may be hyphenated, carry particles or start with a non-ASCII capital", "[rules]") {
  auto stop = [](const Token& t) { return t.lower == "the" || t.lower == "coo"; };
  NameRules rules{stop, nullptr};
  auto length_at = [&](std::string_view s, std::size_t i) {
    return name_at(tokenize(s).tokens, i, rules);
  };
  CHECK(length_at("Hye-jin Park, COO", 0) == 3);
  CHECK(length_at("Ngozi Adeyemi-Clarke runs it", 0) == 3);
  CHECK(length_at("Piet van der Berg signed", 0) == 4);
  CHECK(length_at("Bram de Vries signed", 0) == 3);
  CHECK(length_at("Fergus \xC3\x93 Briain signed", 0) == 3);         // Fergus Ó Briain
  CHECK(length_at("\xC3\x81ngel Ib\xC3\xA1\xC3\xB1\x65z", 0) == 2);  // Ángel Ibáñez
  CHECK(length_at("\xC5\x81ukasz Wi\xC5\x9Bniewski", 0) == 2);       // Łukasz Wiśniewski
  CHECK(length_at("Front-desk lead", 0) == 0);  // a hyphenated word alone is not a name
  CHECK(length_at("Tier-1 supplier", 0) == 0);
  CHECK(length_at("van der Berg", 0) == 0);  // particles never start a name

  Token upper_only;
  upper_only.raw = "\xC3\x89MILE";  // ÉMILE: no lower-case letter
  CHECK_FALSE(is_capitalised(upper_only));
}

TEST_CASE("full_names lists the names of two words or more, as written", "[rules]") {
  auto stop = [](const Token& t) { return t.lower == "the" || t.lower == "cfo"; };
  std::unordered_set<std::string> known = {"ines"};
  NameRules rules{stop, &known};
  std::string text = "The CFO, Tomasz Wren, met Ines and Hye-jin Park; Ines agreed.";
  CHECK(full_names(text, tokenize(text).tokens, rules) ==
        std::vector<std::string>{"Tomasz Wren", "Hye-jin Park"});
}

TEST_CASE("a name the record knows counts in text typed without capitals only", "[rules]") {
  auto stop = [](const Token& t) { return t.lower == "the" || t.lower == "cfo"; };
  std::unordered_set<std::string> known = {"joanne", "kyle"};
  NameRules rules{stop, &known};
  auto found = [&](std::string_view s) {
    TokenList list = tokenize(s);
    const std::vector<Token>& t = list.tokens;
    return has_name(t, 0, t.size(), rules);
  };
  CHECK(found("joanne decides; kyle is neutral."));
  CHECK_FALSE(found("The CFO decides; kyle is neutral."));  // capitals elsewhere: typed properly
  CHECK_FALSE(found("nobody else decides."));
}

TEST_CASE("a possessive matches its noun in a phrase list", "[rules]") {
  PhraseMatcher m({"council", "head of it"});
  CHECK(m.find_first(tokenize("The council's budget vote is in June").tokens));
  CHECK(m.find_first(tokenize("the Council\u2019s vote").tokens));  // typographic apostrophe
  CHECK_FALSE(m.find_first(tokenize("the councils vote").tokens));
}

TEST_CASE("field_items falls back to the whole text and drops blank items", "[rules]") {
  Field f;
  f.text = "Only text";
  f.pos = {4, 2};
  auto items = field_items(f);
  REQUIRE(items.size() == 1);
  CHECK(items[0].text == "Only text");
  CHECK(items[0].pos.line == 4);
  f.items = {{"  ", {5, 1}}, {"real", {6, 1}}};
  items = field_items(f);
  REQUIRE(items.size() == 1);
  CHECK(items[0].text == "real");
}

TEST_CASE("field_items views the field's text, and item tokens are cut from the field's",
          "[rules]") {
  clear_token_cache();
  Field f;
  f.items = {{"Ines Calloway, VP Ops.", {2, 3}}, {"  ", {3, 3}}, {"Kyle (IT) is neutral", {4, 3}}};
  f.text = "Ines Calloway, VP Ops.\n  \nKyle (IT) is neutral";
  auto items = field_items(f);
  REQUIRE(items.size() == 2);
  CHECK(items[1].text == "Kyle (IT) is neutral");
  CHECK(items[1].text.data() == f.text.data() + 26);
  CHECK(items[1].pos.line == 4);
  const std::vector<Token>& field_tokens = tokens_of(f.text);
  const std::vector<Token>& kyle = tokens_of(items[1]);
  REQUIRE(kyle.size() == 4);
  CHECK(kyle[0].offset == 0);
  CHECK(kyle[0].prev_char == 0);
  CHECK(kyle[0].sentence_start);
  CHECK(kyle[3].next_char == 0);
  CHECK(kyle[0].lower.data() == field_tokens[4].lower.data());  // cut, not tokenized again
  // A field whose text is not its items joined: the items are their own texts.
  f.text = "something else";
  items = field_items(f);
  REQUIRE(items.size() == 2);
  CHECK(items[0].text.data() == f.items[0].text.data());
  CHECK(tokens_of(items[0]).size() == 4);
}

TEST_CASE("tokens_of_part gives the tokens tokenizing the part would", "[rules]") {
  // Texts built from words, numbers, apostrophes, sentence ends, blank lines, enumeration
  // markers, non-ASCII letters and separators and a truncated UTF-8 sequence, cut anywhere.
  const std::vector<std::string_view> bits = {
      "Ines",        "R.",   "3.5", "67,200", "I'll", "I\xE2\x80\x99ll",
      "caf\xC3\xA9", " ",    " ",   "\n",     "\n\n", ". ",
      "; ",          "(1) ", "2) ", "-",      "'",    "\xE2\x80\x94",
      "\xC2\xA0",    "vs.",  "\xC3"};
  std::uint32_t state = 777;
  auto next = [&](std::size_t n) {
    state = state * 1103515245u + 12345u;
    return static_cast<std::size_t>((state >> 8) % n);
  };
  auto same = [](const Token& a, const Token& b) {
    return a.raw == b.raw && a.lower == b.lower && a.offset == b.offset &&
           a.sentence_start == b.sentence_start && a.joined == b.joined &&
           a.prev_char == b.prev_char && a.next_char == b.next_char && a.hash == b.hash;
  };
  for (int round = 0; round < 500; ++round) {
    clear_token_cache();
    std::string whole;
    for (std::size_t k = 0, n = next(30); k < n; ++k) whole += bits[next(bits.size())];
    for (int cut = 0; cut < 6; ++cut) {
      std::size_t begin = next(whole.size() + 1);
      std::size_t end = begin + next(whole.size() - begin + 1);
      std::string_view part = std::string_view(whole).substr(begin, end - begin);
      const std::vector<Token>& cut_tokens = tokens_of_part(whole, part);
      TokenList fresh = tokenize(part);
      REQUIRE(cut_tokens.size() == fresh.tokens.size());
      for (std::size_t k = 0; k < cut_tokens.size(); ++k)
        CHECK(same(cut_tokens[k], fresh.tokens[k]));
      CHECK(words_of(part) == count_words(part));
    }
  }
}

TEST_CASE("split_enumerated splits inline (1) ... (2) lists only", "[rules]") {
  auto pieces =
      split_enumerated({"Three asks: (1) sandbox by May, (2) SSO in week one, 3) a call", {7, 3}});
  REQUIRE(pieces.size() == 3);
  CHECK(pieces[0].text == "Three asks: (1) sandbox by May,");
  CHECK(pieces[1].text == "(2) SSO in week one,");
  CHECK(pieces[2].text == "3) a call");
  CHECK(pieces[2].pos.line == 7);
  CHECK(split_enumerated({"Only (1) marker", {1, 1}}).size() == 1);
  CHECK(split_enumerated({"version2) is not a marker (3)", {1, 1}}).size() == 1);
}

TEST_CASE("strip_angle_prompts removes template prompts and excerpt cuts safely", "[rules]") {
  CHECK(strip_angle_prompts("<What made them buy?> TBD") == "  TBD");
  CHECK(strip_angle_prompts("a < b and more") == "a < b and more");
  CHECK(excerpt("  short  ") == "short");
  CHECK(excerpt("first line\nsecond") == "first line");
  CHECK(excerpt(std::string(50, 'x'), 10) == "xxxxxxxxxx...");
  CHECK(excerpt("caf\xC3\xA9 au lait", 4) == "caf...");  // never splits a UTF-8 sequence
}

TEST_CASE("tokenize keeps raw views consistent on arbitrary bytes", "[rules]") {
  // Truncated and invalid UTF-8, NULs, lone apostrophes and separators: never out of range.
  std::uint32_t state = 12345;
  auto next = [&] {
    state = state * 1103515245u + 12345u;
    return static_cast<char>((state >> 16) & 0xFF);
  };
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int i = 0; i < round % 60; ++i) text += next();
    TokenList list = tokenize(text);
    for (const Token& t : list.tokens) {
      REQUIRE(t.offset + t.raw.size() <= text.size());
      CHECK(t.raw == std::string_view(text).substr(t.offset, t.raw.size()));
      CHECK_FALSE(t.lower.empty());
    }
    CHECK(count_words(text) <= text.size());
    CHECK(list.words == count_words(text));  // counted on the way, the same way
    CHECK(split_enumerated({text, {1, 1}}).size() >= 1);
    CHECK(excerpt(text, 7).size() <= 10);
  }
}

#include "rules/support.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <stdexcept>

namespace handoff::rules {
namespace {

// Small number words before a duration unit ("two weeks", "a month"). Grammar, not domain
// vocabulary, so they are not a configurable list.
bool is_number_word(std::string_view w) {
  static constexpr std::string_view kNumberWords[] = {
      "a",     "an",    "one",  "two", "three",  "four",   "five", "six",
      "seven", "eight", "nine", "ten", "eleven", "twelve", "few",  "couple"};
  return std::ranges::find(kNumberWords, w) != std::end(kNumberWords);
}

bool is_year(const Token& t) {
  if (t.raw.size() != 4) return false;
  for (char ch : t.raw)
    if (!text::is_digit(ch)) return false;
  return t.raw >= "1990" && t.raw <= "2099";
}

// A part of "2026-04-28" or "4/15/2026" other than its first number.
bool is_date_part(const Tokens& tokens, std::size_t i) {
  char prev = tokens[i].prev_char;
  return i > 0 && (prev == '-' || prev == '/') && text::is_number(tokens[i - 1]) &&
         tokens[i - 1].next_char == prev;
}

bool starts_date(const Tokens& tokens, std::size_t i) {
  return i + 1 < tokens.size() && text::is_number(tokens[i]) &&
         (tokens[i].next_char == '-' || tokens[i].next_char == '/') &&
         text::is_number(tokens[i + 1]) && is_date_part(tokens, i + 1);
}

// "10x", "48h", "5k": a number with its unit written on.
bool has_glued_unit(const Token& t) {
  std::size_t k = 0;
  while (k < t.lower.size() &&
         (text::is_digit(t.lower[k]) || t.lower[k] == '.' || t.lower[k] == ','))
    ++k;
  std::string_view suffix = t.lower.substr(k);
  if (suffix.empty()) return false;
  return suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th";
}

// Small words that may follow a bare target figure ("to 90 for", "under 10 a week").
bool is_connector(std::string_view w) {
  static constexpr std::string_view kConnectors[] = {
      "to",     "from", "by",    "in",    "within", "per",     "a",     "an",  "each",
      "or",     "and",  "than",  "on",    "at",     "before",  "after", "for", "of",
      "across", "over", "under", "every", "with",   "without", "during"};
  return std::ranges::find(kConnectors, w) != std::end(kConnectors);
}

bool after_currency(const Token& t) {
  char p = t.prev_char;
  // '$', or the last byte of a UTF-8 euro sign (E2 82 AC) or pound sign (C2 A3).
  return p == '$' || p == '\xAC' || p == '\xA3';
}

// The category's title and question, tokenized once per process rather than per record.
const std::array<text::TokenList, 2>& prompt_tokens(Category c) {
  static const auto kPrompts = [] {
    std::array<std::array<text::TokenList, 2>, kCategoryCount> out;
    for (Category k : kAllCategories)
      out[index_of(k)] = {text::tokenize(category_title(k)), text::tokenize(category_question(k))};
    return out;
  }();
  return kPrompts[index_of(c)];
}

}  // namespace

const text::PhraseMatcher& phrases(const CheckContext& ctx, std::string_view name) {
  // The engine always sets this; a check run outside an Engine is a programming error.
  if (!ctx.phrases) throw std::logic_error("CheckContext::phrases is not set");
  return ctx.phrases->list(name);
}

Category category(const CheckContext& ctx) { return ctx.rule->category.value(); }

const Field& field(const CheckContext& ctx) { return ctx.record().field(category(ctx)); }

std::string title_lower(Category c) { return text::lower_ascii(category_title(c)); }

bool is_blank(const Field& f) {
  if (!text::trim(f.text).empty()) return false;
  for (const TextItem& item : f.items)
    if (!text::trim(item.text).empty()) return false;
  return true;
}

bool is_placeholder(const CheckContext& ctx, Category c, std::string_view value) {
  // Most values hold no "<...>" prompt: their tokens are the field's own, already cached.
  const Tokens& tokens = value.find('<') == std::string_view::npos
                             ? text::tokens_of(value)
                             : text::tokens_of(text::strip_angle_prompts(value));
  if (tokens.empty()) return true;  // only punctuation or prompts: "-", "?", "<...>"
  // The category's own title or question pasted in as the answer.
  for (const text::TokenList& prompt : prompt_tokens(c)) {
    const Tokens& p = prompt.tokens;
    bool same = p.size() == tokens.size();
    for (std::size_t i = 0; same && i < p.size(); ++i) same = p[i].lower == tokens[i].lower;
    if (same) return true;
  }
  const text::PhraseMatcher& placeholders = phrases(ctx, lists::placeholder);
  if (placeholders.covers(tokens, 0, tokens.size())) return true;
  // "TBD, will go through these on the call": a placeholder, then only a deferral.
  constexpr std::size_t kDeferralWords = 10;
  std::size_t lead = placeholders.longest_at(tokens, 0);
  if (lead == 0 || tokens.size() - lead > kDeferralWords) return false;
  for (std::size_t i = lead; i < tokens.size(); ++i)
    if (text::is_number(tokens[i])) return false;
  return phrases(ctx, lists::deferrals).find_first(tokens, lead, tokens.size()).has_value();
}

bool explicit_no_commitments(const CheckContext& ctx) {
  std::vector<text::ItemView> items =
      text::field_items(ctx.record().field(Category::promises_commitments));
  if (items.size() != 1) return false;
  const Tokens& tokens = text::tokens_of(items.front());
  return phrases(ctx, lists::no_commitments).find_first(tokens) &&
         !phrases(ctx, lists::no_commitment_exceptions).find_first(tokens);
}

bool has_time_reference(const CheckContext& ctx, const Tokens& tokens, std::size_t begin,
                        std::size_t end) {
  if (phrases(ctx, lists::time_words).find_first(tokens, begin, end)) return true;
  const text::PhraseMatcher& units = phrases(ctx, lists::duration_units);
  for (std::size_t i = begin; i < end && i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (is_year(t) || starts_date(tokens, i)) return true;
    bool quantity = text::is_number(t) || is_number_word(t.lower);
    if (quantity && i + 1 < end && units.longest_at(tokens, i + 1, end)) return true;
  }
  return false;
}

bool has_deadline(const CheckContext& ctx, const Tokens& tokens, std::size_t begin,
                  std::size_t end) {
  // How far after the marker the time reference may start: "by the end of the first quarter".
  constexpr std::size_t kReach = 6;
  const text::PhraseMatcher& markers = phrases(ctx, lists::deadline_markers);
  for (std::size_t i = begin; i < end && i < tokens.size(); ++i) {
    std::size_t len = markers.longest_at(tokens, i, end);
    if (len == 0) continue;
    std::size_t from = i + len;
    if (has_time_reference(ctx, tokens, from, std::min(end, from + kReach))) return true;
  }
  return false;
}

bool has_measure(const CheckContext& ctx, const Tokens& tokens) {
  if (phrases(ctx, lists::measure_words).find_first(tokens)) return true;
  const text::PhraseMatcher& units = phrases(ctx, lists::measure_units);
  const text::PhraseMatcher& durations = phrases(ctx, lists::duration_units);
  const text::PhraseMatcher& targets = phrases(ctx, lists::target_words);
  const text::PhraseMatcher& generic = phrases(ctx, lists::generic_outcomes);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (!text::is_number(t) || is_date_part(tokens, i) || starts_date(tokens, i)) continue;
    bool has_next = i + 1 < tokens.size();
    // "100% adoption", "2x efficiency and ...": a figure on an outcome that fits every deal.
    // "3x faster quotes" and "80% adoption among the 40 reps" say what is measured.
    if (std::size_t len = has_next ? generic.longest_at(tokens, i + 1) : 0) {
      std::size_t after = i + 1 + len;
      if (after >= tokens.size() || !tokens[after].joined || is_connector(tokens[after].lower))
        continue;
    }
    if (t.next_char == '%' || after_currency(t)) return true;
    if (has_glued_unit(t)) return true;
    if (is_year(t)) continue;
    std::string_view before = i > 0 ? tokens[i - 1].lower : std::string_view();
    // "within 12 months", "in the first 30 days": a duration that says when, not how much.
    bool says_when = before == "within" || before == "in" || before == "for" || before == "after" ||
                     before == "first" || before == "next" || before == "last" || before == "every";
    if (has_next && units.longest_at(tokens, i + 1)) {
      if (says_when && durations.longest_at(tokens, i + 1)) continue;
      return true;
    }
    // "under 5", "to 90 for both clients": a bare figure after a target word. "by 3 KPIs"
    // counts things, it does not measure them.
    bool counts_things = has_next && tokens[i + 1].joined && !is_connector(tokens[i + 1].lower);
    if (i > 0 && targets.has_word(tokens[i - 1]) && !says_when && !counts_things) return true;
  }
  return false;
}

std::vector<text::ItemView> criteria(const Field& field) {
  std::vector<text::ItemView> pieces;
  for (const text::ItemView& item : text::field_items(field))
    for (const text::ItemView& piece : text::split_enumerated(item)) pieces.push_back(piece);
  if (pieces.size() != 1) return pieces;
  // One prose paragraph: its sentences ("...; and ...") are the units.
  text::ItemView whole = pieces.front();
  pieces.clear();
  const Tokens& tokens = text::tokens_of(whole);
  for (const text::Span& s : text::sentences(tokens)) {
    const Token& first = tokens[s.begin];
    const Token& last = tokens[s.end - 1];
    pieces.push_back({whole.text.substr(first.offset, last.offset + last.raw.size() - first.offset),
                      whole.pos, whole.whole});
  }
  if (pieces.empty()) pieces.push_back(whole);
  return pieces;
}

bool has_full_date(const Tokens& tokens, std::size_t begin, std::size_t end) {
  // Three numbers joined by '-' or '/': "2026-2028" is a range of years, not a date.
  for (std::size_t i = begin; i + 2 < end && i + 2 < tokens.size(); ++i)
    if (starts_date(tokens, i) && is_date_part(tokens, i + 2) &&
        tokens[i + 2].prev_char == tokens[i + 1].prev_char)
      return true;
  return false;
}

std::size_t count_matches(const text::PhraseMatcher& list, const Tokens& tokens) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (std::size_t len = list.longest_at(tokens, i)) {
      ++count;
      i += len - 1;
    }
  return count;
}

bool has_checkable_detail(const CheckContext& ctx, const Tokens& tokens) {
  for (const Token& t : tokens)
    if (text::is_number(t)) return true;
  return has_time_reference(ctx, tokens);
}

std::optional<int> newest_year_mentioned(const Record& record) {
  std::optional<int> newest;
  auto scan = [&](const Field& f) {
    for (const Token& t : text::tokens_of(f.text))
      if (is_year(t)) newest = std::max(newest.value_or(0), std::stoi(std::string(t.raw)));
  };
  for (const Field& f : record.fields) scan(f);
  scan(record.handoff_call);
  scan(record.relationship_history);
  return newest;
}

text::NameRules name_rules(const CheckContext& ctx, std::unordered_set<std::string>& known) {
  const Record& rec = ctx.record();
  for (const Contact& contact : rec.key_contacts) text::add_name_words(contact.name, known);
  const text::PhraseMatcher* stop_lists[] = {
      &phrases(ctx, lists::name_stopwords), &phrases(ctx, lists::role_words),
      &phrases(ctx, lists::channels),       &phrases(ctx, lists::cadences),
      &phrases(ctx, lists::time_words),
  };
  text::NameRules rules;
  rules.is_stopword = [stop_lists](const Token& w) {
    for (const text::PhraseMatcher* list : stop_lists)
      if (list->has_word(w)) return true;
    return false;
  };
  // A full name, once spotted, counts wherever the record mentions the person by one name.
  for (Category c :
       {Category::champion_profile, Category::red_flags_risks, Category::political_landscape}) {
    const Tokens& tokens = text::tokens_of(rec.field(c).text);
    for (std::size_t i = 0; i < tokens.size(); ++i)
      if (std::size_t len = text::name_at(tokens, i, rules)) {
        if (len > 1)
          for (std::size_t k = i; k < i + len; ++k)
            if (text::is_capitalised(tokens[k])) known.emplace(tokens[k].lower);
        i += len - 1;
      }
  }
  rules.known = &known;
  return rules;
}

const text::NameRules& record_name_rules(const CheckContext& ctx) {
  struct Cached {
    std::uint64_t generation = 0;
    const Record* record = nullptr;
    const text::PhraseMatcher* stopwords = nullptr;  // which configuration built it
    std::unordered_set<std::string> known;
    text::NameRules rules;
  };
  thread_local Cached cached;
  const text::PhraseMatcher* stopwords = &phrases(ctx, lists::name_stopwords);
  std::uint64_t generation = text::token_cache_generation();
  if (cached.generation != generation || cached.record != &ctx.record() ||
      cached.stopwords != stopwords || !cached.rules.known) {
    cached.known.clear();
    cached.rules = name_rules(ctx, cached.known);
    cached.generation = generation;
    cached.record = &ctx.record();
    cached.stopwords = stopwords;
  }
  return cached.rules;
}

std::unordered_set<std::string> people_with_roles(const CheckContext& ctx) {
  const Record& rec = ctx.record();
  std::unordered_set<std::string> out;
  for (const Contact& c : rec.key_contacts)
    if (!text::trim(c.role).empty()) text::add_name_words(c.name, out);
  const text::NameRules& names = record_name_rules(ctx);
  const Field& champion = rec.field(Category::champion_profile);
  const Tokens& tokens = text::tokens_of(champion.text);
  for (const std::string& name : text::full_names(champion.text, tokens, names))
    text::add_name_words(name, out);
  return out;
}

bool name_has_role(const CheckContext& ctx, const Tokens& tokens, std::size_t i, std::size_t len,
                   const text::Span& sentence, const std::unordered_set<std::string>& with_roles) {
  const Token& last = tokens[i + len - 1];
  if (last.next_char == ',' || last.next_char == '(') return true;
  for (std::size_t k = i; k < i + len; ++k)
    if (with_roles.count(std::string(tokens[k].lower))) return true;
  return phrases(ctx, lists::role_words)
      .find_first(tokens, sentence.begin, sentence.end)
      .has_value();
}

bool names_person_or_role(const CheckContext& ctx, const Tokens& tokens, std::size_t begin,
                          std::size_t end, const text::NameRules& names) {
  return phrases(ctx, lists::role_words).find_first(tokens, begin, end) ||
         text::has_name(tokens, begin, end, names);
}

std::string matched_text(std::string_view source, const Tokens& tokens,
                         const text::PhraseMatch& match) {
  const Token& first = tokens[match.begin];
  const Token& last = tokens[match.begin + match.length - 1];
  return std::string(source.substr(first.offset, last.offset + last.raw.size() - first.offset));
}

}  // namespace handoff::rules

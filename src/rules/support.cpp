#include "rules/support.hpp"

#include <stdexcept>

namespace handoff::rules {
namespace {

// Small number words before a duration unit ("two weeks", "a month"). Grammar, not domain
// vocabulary, so they are not a configurable list.
bool is_number_word(const std::string& w) {
  for (std::string_view n : {"a", "an", "one", "two", "three", "four", "five", "six", "seven",
                             "eight", "nine", "ten", "eleven", "twelve", "few", "couple"})
    if (w == n) return true;
  return false;
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
  while (k < t.lower.size() && (text::is_digit(t.lower[k]) || t.lower[k] == '.' || t.lower[k] == ','))
    ++k;
  std::string_view suffix = std::string_view(t.lower).substr(k);
  if (suffix.empty()) return false;
  return suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th";
}

bool after_currency(const Token& t) {
  char p = t.prev_char;
  // '$', or the last byte of a UTF-8 euro sign (E2 82 AC) or pound sign (C2 A3).
  return p == '$' || p == '\xAC' || p == '\xA3';
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
  std::string stripped = text::strip_angle_prompts(value);
  Tokens tokens = text::tokenize(stripped);
  if (tokens.empty()) return true;  // only punctuation or prompts: "-", "?", "<...>"
  // The category's own title or question pasted in as the answer.
  for (std::string_view prompt : {category_title(c), category_question(c)}) {
    Tokens p = text::tokenize(prompt);
    bool same = p.size() == tokens.size();
    for (std::size_t i = 0; same && i < p.size(); ++i) same = p[i].lower == tokens[i].lower;
    if (same) return true;
  }
  return phrases(ctx, lists::placeholder).covers(tokens, 0, tokens.size());
}

bool explicit_no_commitments(const CheckContext& ctx) {
  std::vector<TextItem> items = text::field_items(ctx.record().field(Category::promises_commitments));
  if (items.size() != 1) return false;
  Tokens tokens = text::tokenize(items.front().text);
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

bool has_measure(const CheckContext& ctx, const Tokens& tokens) {
  if (phrases(ctx, lists::measure_words).find_first(tokens)) return true;
  const text::PhraseMatcher& units = phrases(ctx, lists::measure_units);
  const text::PhraseMatcher& targets = phrases(ctx, lists::target_words);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (!text::is_number(t) || is_date_part(tokens, i) || starts_date(tokens, i)) continue;
    if (t.next_char == '%' || has_glued_unit(t) || after_currency(t)) return true;
    if (i + 1 < tokens.size() && units.longest_at(tokens, i + 1)) return true;
    if (i > 0 && targets.has_word(tokens[i - 1].lower)) return true;
  }
  return false;
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
  rules.is_stopword = [stop_lists](const std::string& w) {
    for (const text::PhraseMatcher* list : stop_lists)
      if (list->has_word(w)) return true;
    return false;
  };
  // The champion's name, once spotted, counts wherever the record mentions it alone.
  Tokens champion = text::tokenize(rec.field(Category::champion_profile).text);
  for (std::size_t i = 0; i < champion.size(); ++i)
    if (std::size_t len = text::name_at(champion, i, rules)) {
      for (std::size_t k = i; k < i + len; ++k)
        if (text::is_capitalised(champion[k])) known.insert(champion[k].lower);
      i += len - 1;
    }
  rules.known = &known;
  return rules;
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

// What the rule checks share: the running rule's field, phrase lists by name, and the
// signals several categories look for (time references, measures, people and roles).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "handoff/rule.hpp"
#include "text/items.hpp"
#include "text/names.hpp"
#include "text/phrase_matcher.hpp"
#include "text/tokens.hpp"

namespace handoff::rules {

using text::Token;
using Tokens = std::vector<Token>;

// Names of the phrase lists in templates/default-config.yaml (`phrases:`).
namespace lists {
inline constexpr std::string_view placeholder = "placeholder";
inline constexpr std::string_view no_commitments = "no_commitments";
inline constexpr std::string_view no_commitment_exceptions = "no_commitment_exceptions";
inline constexpr std::string_view generic_motivation = "generic_motivation";
inline constexpr std::string_view triggers = "triggers";
inline constexpr std::string_view stakes = "stakes";
inline constexpr std::string_view commitment_words = "commitment_words";
inline constexpr std::string_view time_words = "time_words";
inline constexpr std::string_view duration_units = "duration_units";
inline constexpr std::string_view measure_units = "measure_units";
inline constexpr std::string_view measure_words = "measure_words";
inline constexpr std::string_view target_words = "target_words";
inline constexpr std::string_view handling_words = "handling_words";
inline constexpr std::string_view role_words = "role_words";
inline constexpr std::string_view stances = "stances";
inline constexpr std::string_view channels = "channels";
inline constexpr std::string_view cadences = "cadences";
inline constexpr std::string_view name_stopwords = "name_stopwords";
inline constexpr std::string_view no_handoff_call = "no_handoff_call";
}  // namespace lists

// The compiled list `name` (empty when the config has none).
const text::PhraseMatcher& phrases(const CheckContext& ctx, std::string_view name);

// The category and field of the rule that is running.
Category category(const CheckContext& ctx);
const Field& field(const CheckContext& ctx);

// "buying motivation": the category title in running text.
std::string title_lower(Category c);

bool is_blank(const Field& f);

// The whole text, once <...> prompts are removed, is nothing but placeholder phrases,
// punctuation, or the category's own title or question left in from a template.
bool is_placeholder(const CheckContext& ctx, Category c, std::string_view text);

// promises_commitments holds one statement that nothing was promised outside the contract
// ("No commitments beyond the signed order form"): a complete answer for every HL3xx rule.
bool explicit_no_commitments(const CheckContext& ctx);

// A date, a year, a quarter or month, a milestone ("kickoff", "renewal") or a duration
// ("within 30 days", "two weeks") in tokens[begin, end).
bool has_time_reference(const CheckContext& ctx, const Tokens& tokens, std::size_t begin,
                        std::size_t end);
inline bool has_time_reference(const CheckContext& ctx, const Tokens& tokens) {
  return has_time_reference(ctx, tokens, 0, tokens.size());
}

// A number with a unit ("10 business days", "40%", "$2M", "3x") or after a target word
// ("under 5", "to 90"), or a measure word ("double", "zero").
bool has_measure(const CheckContext& ctx, const Tokens& tokens);

// Person-name rules for this record: the stop lists from the config, and the people the
// record already names (key contacts, the champion). `known` must outlive the result.
text::NameRules name_rules(const CheckContext& ctx, std::unordered_set<std::string>& known);

// A personal name or a role word ("the CFO", "procurement") in tokens[begin, end).
bool names_person_or_role(const CheckContext& ctx, const Tokens& tokens, std::size_t begin,
                          std::size_t end, const text::NameRules& names);

// The words of `match` as written in `source` (the text `tokens` came from).
std::string matched_text(std::string_view source, const Tokens& tokens,
                         const text::PhraseMatch& match);

}  // namespace handoff::rules

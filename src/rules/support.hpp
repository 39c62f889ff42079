// What the rule checks share: the running rule's field, phrase lists by name, and the
// signals several categories look for (time references, measures, people and roles).
#pragma once

#include <optional>
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
inline constexpr std::string_view deferrals = "deferrals";
inline constexpr std::string_view role_verbs = "role_verbs";
inline constexpr std::string_view vague_promises = "vague_promises";
inline constexpr std::string_view implied_commitments = "implied_commitments";
inline constexpr std::string_view no_date_statements = "no_date_statements";
inline constexpr std::string_view deadline_markers = "deadline_markers";
inline constexpr std::string_view generic_outcomes = "generic_outcomes";
inline constexpr std::string_view baseline_words = "baseline_words";
inline constexpr std::string_view open_risks = "open_risks";
inline constexpr std::string_view generic_risks = "generic_risks";
inline constexpr std::string_view no_risks = "no_risks";
inline constexpr std::string_view opposing_stances = "opposing_stances";
inline constexpr std::string_view meeting_preferences = "meeting_preferences";
inline constexpr std::string_view noncommittal = "noncommittal";
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
// punctuation, or the category's own title or question left in from a template; or a
// placeholder followed only by a deferral ("TBD, will go through these on the call").
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

// A deadline: a time reference within a few words after a deadline marker ("by 2026-09-30",
// "before the audit in March", "within 60 days"), as opposed to a date in the story.
bool has_deadline(const CheckContext& ctx, const Tokens& tokens, std::size_t begin,
                  std::size_t end);

// A number with a unit ("10 business days", "40%", "$2M", "3x") or after a target word
// ("under 5", "to 90"), or a measure word ("double", "zero"). Not a measure: a year, a
// duration that says when ("within 12 months"), a count of goals ("2 goals"), or a figure
// on a generic outcome ("100% adoption", "2x efficiency").
bool has_measure(const CheckContext& ctx, const Tokens& tokens);

// The units a field's content is judged in: its list items, each inline "(1) ... (2) ..."
// piece on its own; a prose field with one item yields one piece per sentence.
std::vector<text::ItemView> criteria(const Field& field);

// A statement: a sentence of at least this many words, not a label ("Regulatory requirement").
inline constexpr std::size_t kStatementWords = 5;

// A full date ("2026-04-28", "4/15/2026") in tokens[begin, end).
bool has_full_date(const Tokens& tokens, std::size_t begin, std::size_t end);

// Non-overlapping matches of `list` in `tokens`, longest first at each position.
std::size_t count_matches(const text::PhraseMatcher& list, const Tokens& tokens);

// Holds a digit or a time reference: something a reader could check.
bool has_checkable_detail(const CheckContext& ctx, const Tokens& tokens);

// The newest year (1990-2099) any field or the handoff call mentions, as a year or a date.
std::optional<int> newest_year_mentioned(const Record& record);

// Person-name rules for this record: the stop lists from the config, and the people the
// record already names (key contacts, and full names in the champion, red flags and
// politics fields), so "Rubén" alone counts once "Rubén Treviño" was named. `known` must
// outlive the result.
text::NameRules name_rules(const CheckContext& ctx, std::unordered_set<std::string>& known);
// The same rules, built once per record (many rules ask); valid until Engine::run starts the
// next record.
const text::NameRules& record_name_rules(const CheckContext& ctx);

// Lower-cased name words of the people whose role the record gives elsewhere: key contacts
// listed with a role, and the champion (whose role HL207 asks for).
std::unordered_set<std::string> people_with_roles(const CheckContext& ctx);

// The person named at tokens[i] (length `len`) has a role the reader can find: a role word in
// the same sentence, a comma or parenthesis right after the name ("Ines Calloway, VP Ops"),
// or a name in `with_roles`.
bool name_has_role(const CheckContext& ctx, const Tokens& tokens, std::size_t i, std::size_t len,
                   const text::Span& sentence, const std::unordered_set<std::string>& with_roles);

// A personal name or a role word ("the CFO", "procurement") in tokens[begin, end).
bool names_person_or_role(const CheckContext& ctx, const Tokens& tokens, std::size_t begin,
                          std::size_t end, const text::NameRules& names);

// The words of `match` as written in `source` (the text `tokens` came from).
std::string matched_text(std::string_view source, const Tokens& tokens,
                         const text::PhraseMatch& match);

}  // namespace handoff::rules

// Person-name spotting without a dictionary of names: "First Last" or "First L." made of
// capitalised words that are not on a stop list (titles, months, products, sentence openers),
// with hyphenated parts ("Adeyemi-Clarke") and surname particles ("van der Berg"), plus any
// capitalised word the record already names as a person (key contacts, the champion).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "text/tokens.hpp"

namespace handoff::text {

struct NameRules {
  // True when the word cannot be part of a personal name.
  std::function<bool(const Token&)> is_stopword;
  // Lower-cased first or last names the record already names as people.
  const std::unordered_set<std::string>* known = nullptr;
};

// Length in tokens ("First Last", "First L.", "Hye-jin Park", "Piet van der Berg"; 1 for a
// known first name alone) of a personal name starting at tokens[i], or 0.
std::size_t name_at(const std::vector<Token>& tokens, std::size_t i, const NameRules& rules);

// True when tokens[begin, end) contain a personal name.
bool has_name(const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
              const NameRules& rules);

// Every name of two words or more in `tokens` (taken from `text`), as written, in order.
std::vector<std::string> full_names(std::string_view text, const std::vector<Token>& tokens,
                                    const NameRules& rules);

// The capitalised words of a written name ("Ines Calloway" -> {"ines", "calloway"}).
void add_name_words(std::string_view name, std::unordered_set<std::string>& out);
// The same for an already tokenized text.
void add_name_words(const std::vector<Token>& tokens, std::unordered_set<std::string>& out);

}  // namespace handoff::text

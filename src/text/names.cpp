#include "text/names.hpp"

namespace handoff::text {

std::size_t name_at(const std::vector<Token>& tokens, std::size_t i, const NameRules& rules) {
  const Token& first = tokens[i];
  if (!is_capitalised(first) || rules.is_stopword(first.lower)) return 0;
  if (i + 1 < tokens.size()) {
    const Token& second = tokens[i + 1];
    bool surname = is_capitalised(second) && !rules.is_stopword(second.lower);
    if (second.joined && (surname || is_initial(second))) return 2;
  }
  if (rules.known && rules.known->count(first.lower)) return 1;
  return 0;
}

bool has_name(const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
              const NameRules& rules) {
  for (std::size_t i = begin; i < end && i < tokens.size(); ++i)
    if (name_at(tokens, i, rules)) return true;
  return false;
}

void add_name_words(std::string_view name, std::unordered_set<std::string>& out) {
  for (const Token& t : tokenize(name))
    if (is_capitalised(t)) out.insert(t.lower);
}

}  // namespace handoff::text

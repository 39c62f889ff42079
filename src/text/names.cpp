#include "text/names.hpp"

#include <algorithm>
#include <iterator>

namespace handoff::text {
namespace {

// Lower-case joining words inside a surname: "Piet van der Berg", "Bram de Vries",
// "Fergus Ó Briain". Grammar of names, not vocabulary, so not a configurable list.
bool is_particle(const Token& t) {
  static constexpr std::string_view kParticles[] = {
      "van",   "von", "der", "den", "de",       "da",       "di",        "du",  "del",
      "della", "la",  "le",  "al",  "el",       "bin",      "ibn",       "dos", "das",
      "do",    "ter", "ten", "mac", "\xC3\xB3", "\xC3\x93", "n\xC3\xAD", "nic"};
  return std::ranges::find(kParticles, t.lower) != std::end(kParticles);
}

// A capitalised word with the parts hyphenated onto it ("Adeyemi-Clarke", "Hye-jin"):
// its length in tokens, 0 when tokens[i] cannot start a name.
std::size_t name_word_at(const std::vector<Token>& tokens, std::size_t i, const NameRules& rules) {
  if (!is_capitalised(tokens[i]) || rules.is_stopword(tokens[i])) return 0;
  std::size_t k = i + 1;
  while (k < tokens.size() && tokens[k].prev_char == '-' && tokens[k - 1].next_char == '-' &&
         !is_number(tokens[k]))
    ++k;
  return k - i;
}

}  // namespace

std::size_t name_at(const std::vector<Token>& tokens, std::size_t i, const NameRules& rules) {
  std::size_t first = name_word_at(tokens, i, rules);
  if (first == 0) return 0;
  std::size_t next = i + first;
  std::size_t after_particles = next;
  // A particle hyphenated onto the rest ("Al-Sayed", "El-Amin") is the surname's first part.
  while (after_particles < tokens.size() && after_particles - next < 2 &&
         tokens[after_particles].joined && is_particle(tokens[after_particles]) &&
         tokens[after_particles].next_char != '-')
    ++after_particles;
  if (after_particles < tokens.size() && tokens[after_particles].joined) {
    if (std::size_t last = name_word_at(tokens, after_particles, rules))
      return after_particles + last - i;
    if (after_particles == next && is_initial(tokens[next])) return next + 1 - i;
  }
  if (rules.known && rules.known->count(std::string(tokens[i].lower))) return first;
  return 0;
}

bool has_name(const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
              const NameRules& rules) {
  end = std::min(end, tokens.size());
  bool any_capital = false;
  for (std::size_t i = begin; i < end; ++i) {
    if (name_at(tokens, i, rules)) return true;
    any_capital = any_capital || is_capitalised(tokens[i]);
  }
  // Text typed without capitals ("joanne decides; kyle is neutral"): a name the record
  // already gave in full still counts. Only then, so "will" or "rose" in ordinary text never
  // reads as a known name.
  if (any_capital || !rules.known) return false;
  for (std::size_t i = begin; i < end; ++i)
    if (rules.known->count(std::string(tokens[i].lower)) && !rules.is_stopword(tokens[i]))
      return true;
  return false;
}

std::vector<std::string> full_names(std::string_view text, const std::vector<Token>& tokens,
                                    const NameRules& rules) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::size_t len = name_at(tokens, i, rules);
    if (len == 0) continue;
    const Token& last = tokens[i + len - 1];
    // A lone known first name ("Ines") is not a full name; "Ines Calloway" is.
    if (len > 1 && last.joined)
      out.emplace_back(
          text.substr(tokens[i].offset, last.offset + last.raw.size() - tokens[i].offset));
    i += len - 1;
  }
  return out;
}

void add_name_words(std::string_view name, std::unordered_set<std::string>& out) {
  add_name_words(tokenize(name).tokens, out);
}

void add_name_words(const std::vector<Token>& tokens, std::unordered_set<std::string>& out) {
  for (const Token& t : tokens)
    if (is_capitalised(t)) out.emplace(t.lower);
}

}  // namespace handoff::text

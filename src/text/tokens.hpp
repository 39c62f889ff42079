// Words as the rules see them: one linear pass over UTF-8 text, punctuation dropped,
// ASCII lower-cased, with just enough context (sentence breaks, the byte on either side)
// for the checks to ask "is this number followed by %?" or "is this an initial?".
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace handoff::text {

struct Token {
  std::string_view raw;         // as written: a view into the tokenized text
  std::string_view lower;       // ASCII lower-cased, a typographic apostrophe made ': a view
                                // into the buffer of the TokenList that tokenized it
  std::size_t offset = 0;       // byte offset of `raw` in the text
  bool sentence_start = false;  // the first token, or . ! ? ; or a blank line precedes it
  bool joined = false;          // only spaces or tabs separate it from the previous token
  char prev_char = 0;           // the byte right before the token, 0 at the start
  char next_char = 0;           // the byte right after the token, 0 at the end
  std::uint32_t hash = 0;       // word_hash(lower): lets phrase lists reject a word cheaply
};

// FNV-1a of a lower-cased word (Token::hash), one byte at a time so that tokenize() can hash
// a word while it writes it.
inline constexpr std::uint32_t kWordHashSeed = 2166136261u;
inline std::uint32_t word_hash_step(std::uint32_t h, char c) {
  return (h ^ static_cast<unsigned char>(c)) * 16777619u;
}
inline std::uint32_t word_hash(std::string_view lower) {
  std::uint32_t h = kWordHashSeed;
  for (char c : lower) h = word_hash_step(h, c);
  return h;
}

// tokenize()'s result: the tokens, and one buffer with every token's lower-cased word (one
// allocation per text rather than a string per token). Move-only: moving keeps the buffer in
// place, so the views stay valid; a copy of `tokens` alone would outlive its words.
struct TokenList {
  std::vector<Token> tokens;
  std::unique_ptr<char[]> lower_words;
  std::size_t words = 0;  // count_words() of the text, counted on the way
};

// A word is a run of letters and digits (any non-ASCII letter counts), keeping an apostrophe
// between letters ("I'll") and a '.' or ',' between digits ("67,200", "3.5").
TokenList tokenize(std::string_view text);

// tokenize(), memoised: the rules look at the same field and items many times per record.
// The tokens view a copy of the text that the cache owns, so a temporary argument is fine.
// The reference stays valid until clear_token_cache(), which Engine::run calls for each
// record. One cache per thread.
const std::vector<Token>& tokens_of(std::string_view text);
// tokens_of(part) for a `part` that views bytes of `whole` (an item of a field, a sentence),
// cut from whole's cached tokens instead of tokenizing the part again: the same tokens, offsets
// counted from the part's start. Any other `part` is simply tokenized.
const std::vector<Token>& tokens_of_part(std::string_view whole, std::string_view part);
// count_words(text) through the same cache: the rules count the words of texts they tokenize.
std::size_t words_of(std::string_view text);
void clear_token_cache();
// Counts clear_token_cache() calls on this thread: other per-record caches compare it to know
// whether they still describe the current record.
std::uint64_t token_cache_generation();

// Whitespace-separated chunks that contain at least one letter or digit ("N/A" is one word,
// "--" is none).
std::size_t count_words(std::string_view text);

std::string lower_ascii(std::string_view s);

// True when the text has no letter or digit at all (blank, or only punctuation).
bool has_no_words(std::string_view text);

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// "67", "3.5", "10x", "48h": starts with a digit.
inline bool is_number(const Token& t) { return !t.raw.empty() && is_digit(t.raw.front()); }

// "Ines", "McAllister", "O'Hara", "Ángel", "Łukasz": a capital (ASCII, Latin-1, Latin
// Extended-A, Greek or Cyrillic), then at least one lower-case letter, no digits.
bool is_capitalised(const Token& t);

// "R" written as "R.": a single capital letter followed by a period.
inline bool is_initial(const Token& t) {
  return t.raw.size() == 1 && is_upper(t.raw.front()) && t.next_char == '.';
}

// [begin, end) token index ranges, one per sentence.
struct Span {
  std::size_t begin = 0, end = 0;
};
std::vector<Span> sentences(const std::vector<Token>& tokens);

}  // namespace handoff::text

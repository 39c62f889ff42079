// Phrase lists as data: a list is compiled once into a word trie, then matched against a
// tokenized text in one pass (each start position walks the trie at most as many words as
// the longest phrase), whole words only, case and punctuation ignored; a possessive "'s"
// matches its noun.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "handoff/config.hpp"
#include "text/tokens.hpp"

namespace handoff::text {

struct PhraseMatch {
  std::size_t begin = 0;   // first token
  std::size_t length = 0;  // in tokens
};

class PhraseMatcher {
 public:
  PhraseMatcher() = default;
  // Phrases are tokenized like text, so "N/A" matches "n / a" and "I'll" matches "I’ll".
  // A phrase with no words ("--", "?") adds nothing: callers treat word-less text on its own.
  explicit PhraseMatcher(const std::vector<std::string>& phrases);

  // Calls on_match(length) for every phrase that starts at tokens[i], shortest first.
  template <typename F>
  void each_match_at(const std::vector<Token>& tokens, std::size_t i, std::size_t end,
                     F&& on_match) const {
    std::uint32_t node = 0;
    // Most words start no phrase: the filter says so without looking the word up.
    if (i < end && !maybe_first_word(tokens[i])) return;
    for (std::size_t k = i; k < end && k - i < max_length_; ++k) {
      const Token& t = tokens[k];
      std::uint32_t next = child(node, t.lower, t.hash);
      // A possessive matches its noun: "the council's vote" holds "council".
      if (next == 0 && is_possessive(t.lower)) {
        std::string_view noun = t.lower.substr(0, t.lower.size() - 2);
        next = child(node, noun, word_hash(noun));
      }
      if (next == 0) return;
      node = next;
      if (nodes_[node].terminal) on_match(k - i + 1);
    }
  }

  // Length in tokens of the longest phrase starting at tokens[i] (bounded by `end`), 0 if none.
  std::size_t longest_at(const std::vector<Token>& tokens, std::size_t i, std::size_t end) const;
  std::size_t longest_at(const std::vector<Token>& tokens, std::size_t i) const {
    return longest_at(tokens, i, tokens.size());
  }
  // The first match in tokens[begin, end).
  std::optional<PhraseMatch> find_first(const std::vector<Token>& tokens, std::size_t begin,
                                        std::size_t end) const;
  std::optional<PhraseMatch> find_first(const std::vector<Token>& tokens) const {
    return find_first(tokens, 0, tokens.size());
  }
  // A one-word phrase equal to `lower`.
  bool has_word(std::string_view lower) const;
  // The same for a token's word, through the first-word filter and the hash it carries.
  bool has_word(const Token& t) const {
    return bit(first_words_, t.hash) && is_terminal(child(0, t.lower, t.hash));
  }
  // True when every token of tokens[begin, end) is covered by a sequence of phrases.
  bool covers(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) const;

  bool empty() const { return max_length_ == 0; }

 private:
  // The trie laid out flat (a few allocations per list, not a hash map per node): a node's
  // edges are contiguous in edges_, sorted by word hash; their words live in words_.
  struct Edge {
    std::uint32_t hash = 0;   // word_hash of the word
    std::uint32_t child = 0;  // node index
    std::uint32_t word_offset = 0, word_size = 0;
  };
  struct Node {
    std::uint32_t first_edge = 0, edge_count = 0;
    bool terminal = false;
  };
  static constexpr std::size_t kFilterBits = 1024;

  static bool is_possessive(std::string_view w) { return w.size() > 2 && w.ends_with("'s"); }
  // The node `word` leads to from `node`; 0 (the root, never a child) when there is none.
  std::uint32_t child(std::uint32_t node, std::string_view word, std::uint32_t hash) const;
  using Filter = std::array<std::uint64_t, kFilterBits / 64>;  // a bit per word_hash % 1024
  static bool bit(const Filter& filter, std::uint32_t hash) {
    hash %= kFilterBits;
    return (filter[hash / 64] >> (hash % 64)) & 1u;
  }
  bool is_terminal(std::uint32_t node) const { return node != 0 && nodes_[node].terminal; }
  // False only when no phrase starts with this word (nor, for "council's", with "council").
  bool maybe_first_word(const Token& t) const {
    if (bit(first_words_, t.hash)) return true;
    std::string_view w = t.lower;
    return is_possessive(w) && bit(first_words_, word_hash(w.substr(0, w.size() - 2)));
  }

  std::vector<Node> nodes_{1};
  std::vector<Edge> edges_;
  std::string words_;
  Filter first_words_{};
  std::size_t max_length_ = 0;
};

// Every named phrase list of a Config, compiled once. Immutable after construction, so one
// book can serve many threads.
class PhraseBook {
 public:
  explicit PhraseBook(const Config& config);
  // The compiled list; an empty matcher when the config has no list of that name.
  const PhraseMatcher& list(std::string_view name) const;

 private:
  // Hashed: the rules look a list up by name some 70 times per record.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const {
      return std::hash<std::string_view>()(name);
    }
  };
  std::unordered_map<std::string, PhraseMatcher, NameHash, std::equal_to<>> lists_;
};

}  // namespace handoff::text

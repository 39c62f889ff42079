#include "text/phrase_matcher.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace handoff::text {

PhraseMatcher::PhraseMatcher(const std::vector<std::string>& phrases) {
  // Built as a tree of ordered maps, then laid out flat in the same node order.
  using Key = std::pair<std::uint32_t, std::string>;  // (word_hash, word): the edge order
  struct BuildNode {
    std::map<Key, std::uint32_t> next;
    bool terminal = false;
  };
  std::vector<BuildNode> tree(1);
  for (const std::string& phrase : phrases) {
    TokenList tokenized = tokenize(phrase);
    const std::vector<Token>& words = tokenized.tokens;
    if (words.empty()) continue;
    std::uint32_t h = words.front().hash % kFilterBits;
    first_words_[h / 64] |= std::uint64_t{1} << (h % 64);
    std::uint32_t node = 0;
    for (const Token& w : words) {
      auto [it, added] = tree[node].next.try_emplace(Key{w.hash, std::string(w.lower)},
                                                     static_cast<std::uint32_t>(tree.size()));
      if (added) tree.emplace_back();  // may reallocate: index, never hold references
      node = it->second;
    }
    tree[node].terminal = true;
    max_length_ = std::max(max_length_, words.size());
  }
  nodes_.resize(tree.size());
  for (std::size_t n = 0; n < tree.size(); ++n) {
    nodes_[n].terminal = tree[n].terminal;
    nodes_[n].first_edge = static_cast<std::uint32_t>(edges_.size());
    nodes_[n].edge_count = static_cast<std::uint32_t>(tree[n].next.size());
    for (const auto& [key, child] : tree[n].next) {
      edges_.push_back({key.first, child, static_cast<std::uint32_t>(words_.size()),
                        static_cast<std::uint32_t>(key.second.size())});
      words_ += key.second;
    }
  }
}

std::uint32_t PhraseMatcher::child(std::uint32_t node, std::string_view word,
                                   std::uint32_t hash) const {
  const Node& n = nodes_[node];
  auto first = edges_.begin() + n.first_edge, last = first + n.edge_count;
  auto it = std::lower_bound(first, last, hash,
                             [](const Edge& e, std::uint32_t h) { return e.hash < h; });
  for (; it != last && it->hash == hash; ++it)
    if (std::string_view(words_).substr(it->word_offset, it->word_size) == word) return it->child;
  return 0;
}

std::size_t PhraseMatcher::longest_at(const std::vector<Token>& tokens, std::size_t i,
                                      std::size_t end) const {
  std::size_t best = 0;
  each_match_at(tokens, i, end, [&](std::size_t len) { best = len; });
  return best;
}

std::optional<PhraseMatch> PhraseMatcher::find_first(const std::vector<Token>& tokens,
                                                     std::size_t begin, std::size_t end) const {
  if (empty()) return std::nullopt;
  for (std::size_t i = begin; i < end && i < tokens.size(); ++i)
    if (std::size_t len = longest_at(tokens, i, end)) return PhraseMatch{i, len};
  return std::nullopt;
}

bool PhraseMatcher::has_word(std::string_view lower) const {
  return is_terminal(child(0, lower, word_hash(lower)));
}

bool PhraseMatcher::covers(const std::vector<Token>& tokens, std::size_t begin,
                           std::size_t end) const {
  if (begin >= end) return true;
  if (!maybe_first_word(tokens[begin])) return false;  // the usual case: no phrase starts it
  // reachable[k]: tokens[begin, begin + k) split into whole phrases. Linear: each reachable
  // position walks the trie at most max_length_ words.
  std::vector<bool> reachable(end - begin + 1, false);
  reachable[0] = true;
  for (std::size_t k = 0; k < end - begin; ++k) {
    if (!reachable[k]) continue;
    each_match_at(tokens, begin + k, end, [&](std::size_t len) { reachable[k + len] = true; });
  }
  return reachable[end - begin];
}

PhraseBook::PhraseBook(const Config& config) {
  for (const auto& [name, phrases] : config.phrases) lists_.emplace(name, PhraseMatcher(phrases));
}

const PhraseMatcher& PhraseBook::list(std::string_view name) const {
  static const PhraseMatcher kEmpty;
  auto found = lists_.find(name);
  return found == lists_.end() ? kEmpty : found->second;
}

}  // namespace handoff::text

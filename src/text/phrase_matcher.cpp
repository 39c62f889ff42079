#include "text/phrase_matcher.hpp"

namespace handoff::text {

PhraseMatcher::PhraseMatcher(const std::vector<std::string>& phrases) {
  for (const std::string& phrase : phrases) {
    std::vector<Token> words = tokenize(phrase);
    if (words.empty()) continue;
    std::uint32_t h = words.front().hash % kFilterBits;
    first_words_[h / 64] |= std::uint64_t{1} << (h % 64);
    std::uint32_t node = 0;
    for (const Token& w : words) {
      auto found = nodes_[node].next.find(w.lower);
      if (found != nodes_[node].next.end()) {
        node = found->second;
        continue;
      }
      auto child = static_cast<std::uint32_t>(nodes_.size());
      nodes_[node].next.emplace(w.lower, child);
      nodes_.emplace_back();  // may reallocate: index, never hold references
      node = child;
    }
    nodes_[node].terminal = true;
    if (words.size() > max_length_) max_length_ = words.size();
  }
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

bool PhraseMatcher::has_word(const std::string& lower) const {
  auto found = nodes_[0].next.find(lower);
  return found != nodes_[0].next.end() && nodes_[found->second].terminal;
}

bool PhraseMatcher::covers(const std::vector<Token>& tokens, std::size_t begin,
                           std::size_t end) const {
  if (begin >= end) return true;
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

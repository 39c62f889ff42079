#include "text/tokens.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <iterator>
#include <unordered_map>
#include <utility>

namespace handoff::text {
namespace {

enum class Kind : std::uint8_t { space, newline, punct, word, apostrophe };

struct CodePoint {
  Kind kind;
  std::size_t len;
};

// Kind of each ASCII byte, so the common case of classify() is one load.
constexpr std::array<Kind, 128> kAsciiKinds = [] {
  std::array<Kind, 128> kinds{};
  for (std::size_t c = 0; c < 128; ++c) {
    Kind k = Kind::punct;
    if (c == '\n') k = Kind::newline;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') k = Kind::space;
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) k = Kind::word;
    if (c == '\'') k = Kind::apostrophe;
    kinds[c] = k;
  }
  return kinds;
}();

// Each ASCII letter or digit lower-cased; 0 for every other byte: a word's common case in one
// load.
constexpr std::array<char, 128> kAsciiWordLower = [] {
  std::array<char, 128> lower{};
  for (std::size_t c = 0; c < 128; ++c)
    if (kAsciiKinds[c] == Kind::word)
      lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return lower;
}();

// Latin-1 symbols, general punctuation, arrows, math and box symbols and CJK punctuation
// separate words like ASCII punctuation does; any other non-ASCII code point is part of a word.
CodePoint classify_non_ascii(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + len > s.size() || len == 1) return {Kind::word, 1};  // invalid UTF-8: keep going
  std::uint32_t cp = len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
  for (std::size_t k = 1; k < len; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x3000 || cp == 0xFEFF)
    return {Kind::space, len};
  if (cp == 0x2018 || cp == 0x2019) return {Kind::apostrophe, len};
  if (cp <= 0xBF || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3001 && cp <= 0x303F))
    return {Kind::punct, len};
  return {Kind::word, len};
}

// Classifies the code point at s[i].
inline CodePoint classify(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {kAsciiKinds[c], 1};
  return classify_non_ascii(s, i);
}

bool is_word_at(std::string_view s, std::size_t i) {
  return i < s.size() && classify(s, i).kind == Kind::word;
}

// Abbreviations whose period does not end a sentence.
bool is_abbreviation(std::string_view lower) {
  static constexpr std::string_view kAbbreviations[] = {
      "vs", "etc", "mr",   "mrs", "ms", "dr",     "st",   "jr",
      "sr", "inc", "corp", "ltd", "co", "approx", "incl", "no"};
  return std::ranges::find(kAbbreviations, lower) != std::end(kAbbreviations);
}

}  // namespace

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (is_upper(ch)) ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

namespace {

// The code point at s[i] and its length in bytes (1 for invalid UTF-8, read as Latin-1).
std::pair<std::uint32_t, std::size_t> decode(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (len == 1 || i + len > s.size()) return {c, 1};
  std::uint32_t cp = len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
  for (std::size_t k = 1; k < len; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  return {cp, len};
}

// Capital letters of the alphabets personal names are written in here: ASCII, Latin-1
// ("Ángel", "Øyvind"), Latin Extended-A ("Łukasz", "Şahin", "Žofie"), Greek and Cyrillic.
bool is_capital(std::uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x137) return cp % 2 == 0;
  if (cp >= 0x139 && cp <= 0x148) return cp % 2 == 1;
  if (cp >= 0x14A && cp <= 0x177) return cp % 2 == 0;
  if (cp == 0x178 || cp == 0x179 || cp == 0x17B || cp == 0x17D) return true;
  return (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
}

}  // namespace

bool is_capitalised(const Token& t) {
  if (t.raw.empty()) return false;
  // Most words start with an ASCII byte that is not a capital: no need to decode them.
  char lead = t.raw.front();
  if (static_cast<unsigned char>(lead) < 0x80 && !is_upper(lead)) return false;
  auto [first, len] = decode(t.raw, 0);
  if (!is_capital(first) || len >= t.raw.size()) return false;
  bool has_lower = false;
  for (std::size_t i = len; i < t.raw.size();) {
    auto [cp, n] = decode(t.raw, i);
    if (cp < 0x80 && is_digit(static_cast<char>(cp))) return false;
    // Any letter that is not a capital counts as lower case ("ü", "ß", "'" excepted).
    if (cp < 0x80 ? is_lower(static_cast<char>(cp)) : !is_capital(cp)) has_lower = true;
    i += n;
  }
  return has_lower;
}

TokenList tokenize(std::string_view s) {
  TokenList list;
  std::vector<Token>& out = list.tokens;
  out.reserve(s.size() / 4 + 1);  // prose runs one word per six bytes: rarely a regrowth
  // No token's lower-cased word is longer than its raw text, so one buffer the size of the
  // text holds them all and never moves.
  if (!s.empty()) list.lower_words.reset(new char[s.size()]);
  char* write = list.lower_words.get();
  // What the gap since the previous token held.
  bool gap_only_blanks = false, gap_break = true, period_pending = false, gap_blank = false;
  int newlines = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    CodePoint cp = classify(s, i);
    if (cp.kind != Kind::word) {
      switch (cp.kind) {
        case Kind::newline:
          gap_only_blanks = false;
          gap_blank = true;
          if (++newlines >= 2) gap_break = true;
          break;
        case Kind::space:
          gap_blank = true;
          if (period_pending) gap_break = true;
          period_pending = false;
          break;
        default: {
          gap_only_blanks = false;
          char ch = s[i];
          if (ch == '!' || ch == '?' || ch == ';') gap_break = true;
          // A period ends a sentence only when blank space follows it and the word before
          // it is not a single letter ("R.", "e.g.") or an abbreviation.
          if (ch == '.')
            period_pending =
                !out.empty() && out.back().raw.size() > 1 && !is_abbreviation(out.back().lower);
        }
      }
      if (cp.kind == Kind::newline && period_pending) gap_break = true;
      i += cp.len;
      continue;
    }
    Token& t = out.emplace_back();  // built in place: a Token is too big to move cheaply
    bool first = out.size() == 1;
    t.offset = i;
    t.sentence_start = gap_break || first;
    t.joined = !first && gap_only_blanks;
    // count_words()'s chunks: a token starts a new one unless it shares the previous one's.
    if (first || gap_blank) ++list.words;
    t.prev_char = i > 0 ? s[i - 1] : 0;
    const char* word = write;
    std::uint32_t hash = kWordHashSeed;
    auto put = [&](char ch) {
      *write++ = ch;
      hash = word_hash_step(hash, ch);
    };
    std::size_t j = i;
    while (j < s.size()) {
      auto byte = static_cast<unsigned char>(s[j]);
      // ASCII letters and digits, the common case: one table load each.
      if (byte < 0x80 && kAsciiWordLower[byte] != 0) {
        put(kAsciiWordLower[byte]);
        ++j;
        continue;
      }
      CodePoint in = classify(s, j);
      if (in.kind == Kind::word) {
        for (std::size_t k = 0; k < in.len; ++k) put(s[j + k]);
        j += in.len;
        continue;
      }
      char ch = s[j];
      bool after_digit = is_digit(s[j - 1]);
      if ((ch == '.' || ch == ',') && after_digit && j + 1 < s.size() && is_digit(s[j + 1])) {
        put(ch);
        j += 1;
        continue;
      }
      if (in.kind == Kind::apostrophe && !is_digit(s[j - 1]) && is_word_at(s, j + in.len) &&
          !is_digit(s[j + in.len])) {
        put('\'');
        j += in.len;
        continue;
      }
      break;
    }
    t.raw = s.substr(i, j - i);
    t.lower = std::string_view(word, static_cast<std::size_t>(write - word));
    t.hash = hash;
    t.next_char = j < s.size() ? s[j] : 0;
    i = j;
    gap_only_blanks = true;
    gap_blank = false;
    gap_break = false;
    period_pending = false;
    newlines = 0;
  }
  return list;
}

std::size_t count_words(std::string_view s) {
  std::size_t words = 0;
  bool in_chunk = false, chunk_has_word = false;
  for (std::size_t i = 0; i < s.size();) {
    CodePoint cp = classify(s, i);
    bool blank = cp.kind == Kind::space || cp.kind == Kind::newline;
    if (blank) {
      if (in_chunk && chunk_has_word) ++words;
      in_chunk = chunk_has_word = false;
    } else {
      in_chunk = true;
      if (cp.kind == Kind::word) chunk_has_word = true;
    }
    i += cp.len;
  }
  if (in_chunk && chunk_has_word) ++words;
  return words;
}

bool has_no_words(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    CodePoint cp = classify(s, i);
    if (cp.kind == Kind::word) return false;
    i += cp.len;
  }
  return true;
}

std::vector<Span> sentences(const std::vector<Token>& tokens) {
  std::vector<Span> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].sentence_start || out.empty()) out.push_back({i, i});
    out.back().end = i + 1;
  }
  return out;
}

namespace {

struct TokenCache {
  struct Entry {
    std::string text;  // the tokens' `raw` views this copy
    TokenList tokens;
    // Cut from a whole text's tokens (tokens_of_part): `lower` views that entry's buffer, and
    // `tokens.words` was not counted.
    bool cut = false;
  };
  // Where a text lies: an item and its field may start at the same byte.
  struct Address {
    const char* data;
    std::size_t size;
    bool operator==(const Address&) const = default;
  };
  struct AddressHash {
    std::size_t operator()(const Address& a) const {
      return std::hash<const char*>()(a.data) ^ (a.size * 0x9E3779B97F4A7C15u);
    }
  };
  std::deque<Entry> entries;  // a deque never moves its elements
  std::unordered_map<std::string_view, Entry*> by_text;
  // Most calls pass a field's own text again: find it by address first, confirmed by a
  // compare (far cheaper than hashing it), so a reused buffer never returns stale tokens.
  std::unordered_map<Address, Entry*, AddressHash> by_address;

  Entry* find(std::string_view text) {
    auto same_address = by_address.find({text.data(), text.size()});
    if (same_address != by_address.end() && same_address->second->text == text)
      return same_address->second;
    auto same_text = by_text.find(text);
    if (same_text == by_text.end()) return nullptr;
    by_address[{text.data(), text.size()}] = same_text->second;
    return same_text->second;
  }
  // A new entry holding a copy of `text`, to be given its tokens.
  Entry& add(std::string_view text) {
    Entry& entry = entries.emplace_back();
    entry.text = std::string(text);
    by_text.emplace(entry.text, &entry);
    by_address[{text.data(), text.size()}] = &entry;
    return entry;
  }
};

TokenCache& token_cache() {
  thread_local TokenCache cache;
  return cache;
}

// The cached tokenization of `text`, made on the first call.
const TokenCache::Entry& cached(std::string_view text) {
  TokenCache& cache = token_cache();
  if (TokenCache::Entry* hit = cache.find(text)) return *hit;
  TokenCache::Entry& entry = cache.add(text);
  entry.tokens = tokenize(entry.text);
  return entry;
}

// True when a text cut at `at` tokenizes, on each side, as the same bytes do uncut: the three
// bytes before the cut are ASCII, so no UTF-8 sequence (valid or not) spans it.
bool clean_cut(std::string_view whole, std::size_t at) {
  if (at == 0 || at == whole.size()) return true;
  for (std::size_t k = at < 3 ? 0 : at - 3; k < at; ++k)
    if (static_cast<unsigned char>(whole[k]) >= 0x80) return false;
  return true;
}

std::size_t end_of(const Token& t) { return t.offset + t.raw.size(); }

}  // namespace

const std::vector<Token>& tokens_of(std::string_view text) { return cached(text).tokens.tokens; }

const std::vector<Token>& tokens_of_part(std::string_view whole, std::string_view part) {
  if (part.data() == whole.data() && part.size() == whole.size()) return tokens_of(whole);
  bool inside = !part.empty() && part.data() >= whole.data() &&
                part.data() + part.size() <= whole.data() + whole.size();
  if (!inside) return tokens_of(part);
  TokenCache& cache = token_cache();
  if (TokenCache::Entry* hit = cache.find(part)) return hit->tokens.tokens;
  auto begin = static_cast<std::size_t>(part.data() - whole.data());
  std::size_t end = begin + part.size();
  if (!clean_cut(whole, begin) || !clean_cut(whole, end)) return tokens_of(part);
  const std::vector<Token>& all = cached(whole).tokens.tokens;
  auto starts_before = [](std::size_t at) {
    return [at](const Token& t) { return t.offset < at; };
  };
  std::size_t first =
      std::partition_point(all.begin(), all.end(), starts_before(begin)) - all.begin();
  std::size_t last = std::partition_point(all.begin(), all.end(), starts_before(end)) - all.begin();
  // A word running across either cut would be split differently: tokenize the part itself.
  if ((first > 0 && end_of(all[first - 1]) > begin) ||
      (last > first && end_of(all[last - 1]) > end))
    return tokens_of(part);
  TokenCache::Entry& entry = cache.add(part);
  entry.cut = true;
  std::vector<Token>& out = entry.tokens.tokens;
  out.assign(all.begin() + static_cast<std::ptrdiff_t>(first),
             all.begin() + static_cast<std::ptrdiff_t>(last));
  std::string_view text = entry.text;
  for (Token& t : out) {
    t.offset -= begin;
    t.raw = text.substr(t.offset, t.raw.size());
  }
  // Only the first and the last token see past the part's ends.
  if (!out.empty()) {
    Token& front = out.front();
    front.sentence_start = true;
    front.joined = false;
    front.prev_char = front.offset > 0 ? text[front.offset - 1] : 0;
    Token& back = out.back();
    back.next_char = end_of(back) < text.size() ? text[end_of(back)] : 0;
  }
  return out;
}

std::size_t words_of(std::string_view text) {
  const TokenCache::Entry& entry = cached(text);
  return entry.cut ? count_words(entry.text) : entry.tokens.words;
}

namespace {
thread_local std::uint64_t generation = 0;
}

std::uint64_t token_cache_generation() { return generation; }

void clear_token_cache() {
  ++generation;
  TokenCache& cache = token_cache();
  cache.by_address.clear();
  cache.by_text.clear();
  cache.entries.clear();
}

}  // namespace handoff::text

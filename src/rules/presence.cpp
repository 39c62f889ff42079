// Presence (missing, empty, placeholder) and "too thin": the same question for every category,
// so one implementation serves all seven rows of each kind in the table.
#include <fmt/format.h>

#include <algorithm>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace handoff::rules {

void check_missing(CheckContext& ctx) {
  if (field(ctx).present) return;
  ctx.report({},
             fmt::format("Add the {} field; this record has none.", title_lower(category(ctx))));
}

void check_empty(CheckContext& ctx) {
  const Field& f = field(ctx);
  if (!f.present || !is_blank(f)) return;
  ctx.report(f.pos, fmt::format("Fill in the {} field; it is empty.", title_lower(category(ctx))));
}

void check_placeholder(CheckContext& ctx) {
  const Field& f = field(ctx);
  Category c = category(ctx);
  if (!f.present || is_blank(f) || !is_placeholder(ctx, c, f.text)) return;
  // A prompt left from the template is named as such; quoting it would repeat the question.
  bool prompt = text::has_no_words(text::strip_angle_prompts(f.text)) &&
                f.text.find('<') != std::string::npos;
  std::string what = prompt ? "the template prompt" : fmt::format("\"{}\"", text::excerpt(f.text));
  if (c == Category::promises_commitments) {
    ctx.report(f.pos, fmt::format("Replace {} with each commitment and its date, or write \"No "
                                  "commitments beyond the signed order form\".",
                                  what));
    return;
  }
  ctx.report(f.pos, fmt::format("Replace {} with the real answer.", what));
}

void check_thin(CheckContext& ctx) {
  Category c = category(ctx);
  if (c == Category::promises_commitments && explicit_no_commitments(ctx)) return;
  const Field& f = field(ctx);
  std::size_t words = text::words_of(f.text);
  auto min_words = static_cast<std::size_t>(std::max(0, ctx.config().category(c).min_words));
  if (words >= min_words) return;
  if (c == Category::promises_commitments) {
    ctx.report(f.pos, fmt::format("Say more: {} words here, at least {} expected; if nothing was "
                                  "promised, write \"No commitments beyond the signed order "
                                  "form\".",
                                  words, min_words));
    return;
  }
  ctx.report(f.pos,
             fmt::format("Say more: {} words here, at least {} expected.", words, min_words));
}

}  // namespace handoff::rules

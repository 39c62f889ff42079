// HL3xx promises_commitments: what was promised outside the contract, item by item, by when.
// An explicit "no commitments beyond the contract" statement is a complete answer, so every
// quality check here stands down for it.
#include <fmt/format.h>

#include <vector>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace handoff::rules {

void check_promises_run_together(CheckContext& ctx) {
  if (explicit_no_commitments(ctx)) return;
  const text::PhraseMatcher& markers = phrases(ctx, lists::commitment_words);
  for (const text::ItemView& item : text::field_items(field(ctx))) {
    if (text::split_enumerated(item).size() > 1) continue;  // "(1) ... (2) ..." is divided
    const Tokens& tokens = text::tokens_of(item);
    std::size_t commitments = 0;
    for (const text::Span& sentence : text::sentences(tokens))
      if (markers.find_first(tokens, sentence.begin, sentence.end)) ++commitments;
    if (commitments > 1)
      ctx.report(item.pos, fmt::format("Split these {} commitments into separate list items, one "
                                       "per promise.",
                                       commitments));
  }
}

namespace {

// Each commitment: list items, and the pieces of an inline "(1) ... (2) ..." enumeration.
std::vector<text::ItemView> commitments(const CheckContext& ctx) {
  std::vector<text::ItemView> out;
  for (const text::ItemView& item : text::field_items(field(ctx)))
    for (const text::ItemView& piece : text::split_enumerated(item)) out.push_back(piece);
  return out;
}

// Built from words like "support", "care", "smooth", with no date or number to check: two
// or more such words, or one in a short item ("Great support throughout."). A longer item
// with one ("help produce their audit reports in the reviewers' format") names a deliverable.
bool is_vague(const CheckContext& ctx, const Tokens& tokens) {
  constexpr std::size_t kShortItemWords = 10;
  if (has_checkable_detail(ctx, tokens)) return false;
  std::size_t vague = count_matches(phrases(ctx, lists::vague_promises), tokens);
  return vague >= 2 || (vague == 1 && tokens.size() <= kShortItemWords);
}

}  // namespace

void check_promises_when(CheckContext& ctx) {
  if (explicit_no_commitments(ctx)) return;
  const text::PhraseMatcher& no_date = phrases(ctx, lists::no_date_statements);
  for (const text::ItemView& piece : commitments(ctx)) {
    const Tokens& tokens = text::tokens_of(piece);
    // "Not dated yet" answers the question: the CSM knows to set the date. A vague item is
    // HL307's: asking for the date of "great support" would count it twice.
    if (has_time_reference(ctx, tokens) || no_date.find_first(tokens) || is_vague(ctx, tokens))
      continue;
    ctx.report(piece.pos, fmt::format("Say by when \"{}\" is due: a date, a week or a milestone.",
                                      text::excerpt(piece.text)));
  }
}

void check_promise_vague(CheckContext& ctx) {
  if (explicit_no_commitments(ctx)) return;
  for (const text::ItemView& piece : commitments(ctx))
    if (is_vague(ctx, text::tokens_of(piece)))
      ctx.report(piece.pos, fmt::format("\"{}\" is not a commitment anyone can check: write what "
                                        "exactly the customer was told, and by when.",
                                        text::excerpt(piece.text)));
}

void check_promises_all_vague(CheckContext& ctx) {
  if (explicit_no_commitments(ctx)) return;
  std::vector<text::ItemView> pieces = commitments(ctx);
  if (pieces.empty()) return;
  for (const text::ItemView& piece : pieces)
    if (!is_vague(ctx, text::tokens_of(piece))) return;
  ctx.report(field(ctx).pos,
             "None of this is a concrete commitment: list what the customer was told, item by "
             "item, or write \"No commitments beyond the signed order form\".");
}

CommitmentKind commitment_kind(const CheckContext& ctx, const Tokens& tokens) {
  if (phrases(ctx, lists::implied_commitments).find_first(tokens)) return CommitmentKind::implied;
  return CommitmentKind::explicit_;
}

void check_promise_implied(CheckContext& ctx) {
  const Field& f = field(ctx);
  if (!f.present || is_blank(f) || explicit_no_commitments(ctx) ||
      is_placeholder(ctx, Category::promises_commitments, f.text))
    return;
  for (const text::ItemView& piece : commitments(ctx))
    if (commitment_kind(ctx, text::tokens_of(piece)) == CommitmentKind::implied)
      ctx.report(piece.pos, fmt::format("Implied commitment: \"{}\". The customer may count on "
                                        "it; confirm with the AE what was said before kickoff.",
                                        text::excerpt(piece.text, 60)));
}

namespace {
constexpr std::string_view kGoodPromises = R"yaml(account: Halvorsen Freight
promises_commitments:
  - Promised a sandbox tenant with their routing data loaded by 2026-04-10.
  - Agreed that our solutions architect joins the kickoff call in week one.
)yaml";
}  // namespace

const RuleText kHL301 = {
    "The record has no promises and commitments field.",
    "Commitments made outside the contract are the ones CS breaks without knowing; a missing "
    "field cannot be told apart from \"nothing was promised\".",
    R"yaml(account: Halvorsen Freight
buying_motivation: Their dispatch board crashed during the November peak.
)yaml",
    kGoodPromises,
};

const RuleText kHL302 = {
    "The promises and commitments field is there but holds no text.",
    "An empty field reads as \"nothing promised\" to one reader and \"not written yet\" to "
    "another; write which.",
    R"yaml(account: Halvorsen Freight
promises_commitments: ""
)yaml",
    R"yaml(account: Halvorsen Freight
promises_commitments: No commitments beyond the signed order form.
)yaml",
};

const RuleText kHL303 = {
    "The promises field is only a placeholder; a bare \"None\" or \"N/A\" counts as one.",
    "\"None\" is what a rushed AE writes whether or not something was promised. An explicit "
    "statement (\"No commitments beyond the signed order form\") is a complete answer.",
    R"yaml(account: Halvorsen Freight
promises_commitments: None
)yaml",
    R"yaml(account: Halvorsen Freight
promises_commitments: None beyond the MSA.
)yaml",
};

const RuleText kHL304 = {
    "The promises field has fewer words than categories.promises_commitments.min_words, and is "
    "not an explicit \"no commitments\" statement.",
    "A commitment without what, for whom and by when cannot be honoured; explicit \"no "
    "commitments beyond the contract\" statements are exempt.",
    R"yaml(account: Halvorsen Freight
promises_commitments: Sandbox by April.
)yaml",
    kGoodPromises,
};

const RuleText kHL305 = {
    "Several commitments are run together in one paragraph instead of one item each.",
    "Commitments are tracked and closed one by one; a paragraph hides the second and third "
    "promise behind the first.",
    R"yaml(account: Halvorsen Freight
promises_commitments: >
  I promised a sandbox tenant with their routing data by 2026-04-10. I also told
  them our solutions architect would join the kickoff call in week one.
)yaml",
    kGoodPromises,
};

const RuleText kHL306 = {
    "A commitment does not say by when: no date, week, milestone or duration.",
    "The customer heard a date even when the AE did not write one; the CSM needs it to "
    "schedule the work before it is late.",
    R"yaml(account: Halvorsen Freight
promises_commitments:
  - Promised a sandbox tenant with their routing data loaded.
  - Agreed that our solutions architect joins the kickoff call in week one.
)yaml",
    kGoodPromises,
};

const RuleText kHL307 = {
    "A commitment is vague (\"great support\", \"we'll take good care of them\"): built from "
    "words like support, care or smooth, with no date or number. Each is reported at its line.",
    "A vague line usually stands for something specific the customer heard. The CSM cannot "
    "honour \"great support\", and will not know what was really promised until the customer "
    "says it was not delivered.",
    R"yaml(account: Halvorsen Freight
promises_commitments:
  - Promised a sandbox tenant with their routing data loaded by 2026-04-10.
  - Great support whenever they need it.
)yaml",
    kGoodPromises,
};

const RuleText kHL308 = {
    "Every commitment listed is vague: none says what was promised in terms anyone can check.",
    "Several bullets of \"smooth onboarding\" and \"ongoing support\" are not several "
    "commitments; they are a gap that looks filled in. If nothing was promised, say so.",
    R"yaml(account: Halvorsen Freight
promises_commitments:
  - We will make sure onboarding is smooth and seamless.
  - Ongoing support to help them get the most out of the product.
)yaml",
    kGoodPromises,
};

const RuleText kHL309 = {
    "A commitment is implied rather than stated (\"I implied\", \"I mentioned\", \"on the "
    "roadmap\"). Reported for information, one finding per commitment, the kind in the message; "
    "it scores nothing.",
    "The customer heard an implied commitment as a promise. The CSM must decide, with the AE, "
    "whether to honour it or reset the expectation before the customer raises it.",
    R"yaml(account: Halvorsen Freight
promises_commitments:
  - I implied the mobile app would get offline sync within 90 days.
)yaml",
    kGoodPromises,
};

}  // namespace handoff::rules

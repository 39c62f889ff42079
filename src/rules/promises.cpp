// HL3xx promises_commitments: what was promised outside the contract, item by item, by when.
// An explicit "no commitments beyond the contract" statement is a complete answer, so every
// quality check here stands down for it.
#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace handoff::rules {

void check_promises_run_together(CheckContext& ctx) {
  if (explicit_no_commitments(ctx)) return;
  const text::PhraseMatcher& markers = phrases(ctx, lists::commitment_words);
  for (const TextItem& item : text::field_items(field(ctx))) {
    if (text::split_enumerated(item).size() > 1) continue;  // "(1) ... (2) ..." is divided
    Tokens tokens = text::tokenize(item.text);
    std::size_t commitments = 0;
    for (const text::Span& sentence : text::sentences(tokens))
      if (markers.find_first(tokens, sentence.begin, sentence.end)) ++commitments;
    if (commitments > 1)
      ctx.report(item.pos, fmt::format("Split these {} commitments into separate list items, one "
                                       "per promise.",
                                       commitments));
  }
}

void check_promises_when(CheckContext& ctx) {
  if (explicit_no_commitments(ctx)) return;
  for (const TextItem& item : text::field_items(field(ctx)))
    for (const TextItem& piece : text::split_enumerated(item)) {
      if (has_time_reference(ctx, text::tokenize(piece.text))) continue;
      ctx.report(piece.pos, fmt::format("Say by when \"{}\" is due: a date, a week or a milestone.",
                                        text::excerpt(piece.text)));
    }
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

}  // namespace handoff::rules

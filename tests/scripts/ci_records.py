"""Handoff records shared by the CI script tests: one that passes every rule, and edits of it
that give one record-level warning or one clear gap. (Not a test: no test_ prefix.)"""

CLEAN = """account: Larkspur Veterinary Group
acv: $36,000
close_date: 2026-05-14
ae: Rosalind Achebe
csm: Felix Duarte
buying_motivation: |
  Two of their eleven clinics lost appointment data in a March outage of the old
  scheduling server, and the regional director gave Amara Osei until 2026-08-01 to move
  every clinic onto a hosted system before the lease on the server room ends.
champion_profile: |
  Amara Osei, Head of Clinic Operations, wrote the proposal and defended it against a
  cheaper bid. Her annual review this year depends on the migration landing on time.
promises_commitments:
  - We promised a data import of their 2019-2025 appointment history by 2026-06-15.
  - We agreed to train the front-desk leads at each clinic during the first two weeks.
red_flags_risks:
  - Dr. Lena Marsh, the chief veterinarian, objected to the reminder wording; we agreed to review the templates with her in week one, still open.
  - Their IT contractor, Paul Brandt, questioned the uptime guarantee; handled by sharing our status history, and he accepted it.
political_landscape: |
  The finance lead, Omar Castell, backed the cheaper bid and was overruled; he is skeptical
  and will count every support ticket. Dr. Lena Marsh is neutral but influential with staff.
success_criteria: |
  Amara will judge success by all eleven clinics booking through the new system by
  2026-08-01 and no-show rates falling from 14% to under 9% by the end of Q4.
communication_style: |
  Amara prefers email for anything written and a biweekly 30-minute video call on Mondays;
  she dislikes long slide decks.
"""
# No AE: one record-level warning (HL804) that scores nothing; passes with score 100.
WARNED = CLEAN.replace("ae: Rosalind Achebe\n", "")
# A motivation with no trigger, stake, date or substance: a gap; fails.
GAP = CLEAN.replace(
    """  Two of their eleven clinics lost appointment data in a March outage of the old
  scheduling server, and the regional director gave Amara Osei until 2026-08-01 to move
  every clinic onto a hosted system before the lease on the server room ends.
""", "  They wanted better software for the clinics.\n")

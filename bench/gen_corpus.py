#!/usr/bin/env python3
"""Write a synthetic corpus of handoff records for the benchmark.

    gen_corpus.py OUT_DIR N [--seed S]

OUT_DIR receives N records, alternately YAML (.yaml) and Markdown (.md), sharded into
sub-folders of 1000 files. Beside OUT_DIR the same records are written as one CRM-style
export, OUT_DIR/../<name>-export.csv (RFC 4180, multi-line cells quoted), and as JSON Lines,
OUT_DIR/../<name>-export.jsonl (one object per line, canonical keys).

About 70% of the records are complete; the rest have gaps (a missing field, an empty one, a
placeholder such as "TBD" or "see CRM", a one-line summary, vague promises). Record i depends
only on (seed, i), so a corpus of 1,000 is the first 1,000 records of a corpus of 10,000.
Everything here is invented: companies, people, products, numbers. Standard library only.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import sys
import textwrap

GAP_SHARE = 0.30
MIN_BYTES = 2048
MAX_BYTES = 6144
SHARD = 1000

FIELDS = [
    "buying_motivation", "champion_profile", "promises_commitments", "red_flags_risks",
    "political_landscape", "success_criteria", "communication_style",
]
LIST_FIELDS = {"promises_commitments", "red_flags_risks"}

# --------------------------------------------------------------------------------------------
# Vocabulary. Names and companies are made up from syllable-like parts so that they read as
# names to the rules (capitalised first and last name) without being anyone in particular.

# Given names, with the pronoun the records use for each.
FIRST_SHE = [
    "Adaeze", "Anouk", "Benedetta", "Calliope", "Dagny", "Delphine", "Elodie", "Esperanza",
    "Fenna", "Greta", "Henrietta", "Ilse", "Imogen", "Jovana", "Keziah", "Leocadia", "Linnea",
    "Mabel", "Marisol", "Mirela", "Noemi", "Ottilie", "Pascale", "Perpetua", "Rosalind",
    "Saoirse", "Solveig", "Thandiwe", "Ulrike", "Wilhelmina", "Xanthe", "Yevgenia", "Zephyrine",
    "Bronwen", "Dorotea", "Faustina", "Hesper", "Isolde",
]
FIRST_HE = [
    "Alarik", "Bartholomew", "Caius", "Darius", "Eamon", "Emeka", "Florian", "Gaspard",
    "Halvard", "Ignatius", "Jarrah", "Kasimir", "Lucian", "Nadim", "Oisin", "Quentin",
    "Radomir", "Severin", "Tancredi", "Valentin", "Anselm", "Cosimo", "Evander", "Gideon",
    "Jerome",
]
LAST = [
    "Abernethy", "Achterberg", "Balogun", "Brannock", "Castellanos", "Corrigan", "Dunmore",
    "Eriksdottir", "Fairweather", "Falkenrath", "Gallagher", "Grimsby", "Haverford",
    "Hollingsworth", "Iwobi", "Jankowska", "Kettering", "Kowalewski", "Lindqvist", "Llanfair",
    "Marchetti", "Mbeki", "Nakashima", "Northcott", "Okonkwo", "Ostrander", "Pellegrino",
    "Penrose", "Quarrington", "Radcliffe", "Rasmussen", "Saltonstall", "Szymanski",
    "Thistlewood", "Trevelyan", "Umberger", "Vasquez-Rhee", "Vandermeer", "Whitcombe",
    "Wojcik", "Yarborough", "Zelenko", "Ashdown", "Blackwood", "Crestfield", "Dalgleish",
    "Elsworth", "Forsythe", "Goldthwaite", "Harrowgate", "Ingleby", "Jessop", "Kilbride",
]
CO_HEAD = [
    "Ashcombe", "Birchvale", "Brackenridge", "Caldera", "Cindergate", "Corrowind", "Dunhollow",
    "Emberlane", "Fallowmere", "Fernbrook", "Glassmoor", "Greywater", "Hallowell", "Hazelford",
    "Ironvale", "Juniper Hill", "Kestrel Point", "Larchmont", "Lodestar", "Marrowgate",
    "Millbrook", "Northwind", "Oakhurst", "Pebblecreek", "Quarrystone", "Ravensholm",
    "Redfern", "Saltmarsh", "Silverbirch", "Stonebridge", "Thornbury", "Tidewater",
    "Umberlee", "Valewood", "Wexford Bay", "Whitlock", "Willowmere", "Yarrowdale", "Zephyr Row",
    "Amberfield", "Blue Lantern", "Copperhill", "Driftstone", "Eastmarch", "Foxglove",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

# Each industry gives the story its nouns: what the customer does, what went wrong, what they
# will measure, who pushes back.
INDUSTRIES = [
    {
        "tails": ["Logistics", "Freight", "Haulage", "Distribution"],
        "clients": "retail clients", "staff": "dispatchers", "place": "depots",
        "metric": "on-time delivery", "unit": "%", "base": (78, 90), "gain": (5, 12),
        "events": [
            "missed delivery windows for its two largest retail clients during the {season} peak",
            "paid late-delivery penalties on more than {n} loads in a single month",
            "received a formal performance warning from its biggest shipper",
        ],
        "stake": "a contract worth about a {frac} of revenue",
        "workaround": "re-planning routes by hand in spreadsheets",
        "products": ["Route Planner", "Dispatch API", "Yard Signal", "Fleet Insights"],
        "second": ("re-planning time after a disruption", "hours", (2, 5), "minutes", (15, 40)),
    },
    {
        "tails": ["Clinics", "Health Partners", "Family Practice", "Medical Group"],
        "clients": "patients", "staff": "front-desk staff", "place": "clinics",
        "metric": "the no-show rate", "unit": "%", "base": (18, 30), "gain": (-12, -6),
        "events": [
            "lost part of its state grant after two audits found no-show rates above {n}%",
            "was cited by the regional health authority for long waiting lists",
            "had to close a clinic two days a week because appointments went unfilled",
        ],
        "stake": "the renewal of its largest grant",
        "workaround": "reminding patients by phone from paper lists",
        "products": ["Patient Reminders", "Scheduling Hub", "Intake Forms", "Waitlist Sync"],
        "second": ("time the front desk spends on reminder calls", "hours a day", (3, 6),
                   "hours a day", (1, 2)),
    },
    {
        "tails": ["Credit Union", "Savings Bank", "Mutual", "Lending Co-op"],
        "clients": "members", "staff": "loan officers", "place": "branches",
        "metric": "loan decisions made within two days", "unit": "%", "base": (40, 60),
        "gain": (20, 35),
        "events": [
            "received an examiner finding on incomplete loan files in the spring examination",
            "lost {n} members to an online lender in one quarter",
            "was warned by its regulator that the manual review backlog breached policy",
        ],
        "stake": "a clean re-examination and the board's confidence",
        "workaround": "passing loan files between branches by email",
        "products": ["Loan Desk", "Member Ledger", "Compliance Vault", "Branch Console"],
        "second": ("loan files with missing documents", "files a month", (60, 140),
                   "files a month", (5, 20)),
    },
    {
        "tails": ["Manufacturing", "Tooling", "Fabrication", "Components"],
        "clients": "OEM customers", "staff": "machinists", "place": "plants",
        "metric": "first-pass yield", "unit": "%", "base": (80, 89), "gain": (4, 9),
        "events": [
            "failed a customer quality audit after a batch of {n} parts was recalled",
            "lost a supplier certification because inspection records were incomplete",
            "was put on probation by its largest OEM customer after repeated late shipments",
        ],
        "stake": "its preferred-supplier status with the largest OEM",
        "workaround": "tracking inspections on clipboards and re-keying them overnight",
        "products": ["Shop Floor Tracker", "Quality Ledger", "Maintenance Planner", "Parts API"],
        "second": ("scrap cost per month", "dollars", (30000, 90000), "dollars", (8000, 20000)),
    },
    {
        "tails": ["University", "College", "Academy", "School District"],
        "clients": "students", "staff": "advisers", "place": "campuses",
        "metric": "first-year retention", "unit": "%", "base": (68, 80), "gain": (4, 8),
        "events": [
            "was criticised in an accreditation review for slow student support",
            "saw first-year enrolment drop by {n}% after a public complaint went viral",
            "missed the state reporting deadline two terms in a row",
        ],
        "stake": "its accreditation renewal",
        "workaround": "booking adviser sessions through shared inboxes",
        "products": ["Advising Planner", "Student Signals", "Case Desk", "Survey Studio"],
        "second": ("days until a student request is answered", "days", (6, 14), "days", (1, 3)),
    },
    {
        "tails": ["Foods", "Bakeries", "Provisions", "Dairy"],
        "clients": "grocery chains", "staff": "shift supervisors", "place": "plants",
        "metric": "orders shipped complete", "unit": "%", "base": (82, 91), "gain": (4, 8),
        "events": [
            "was fined by a grocery chain for {n} short-shipped orders",
            "failed a food-safety inspection because temperature logs had gaps",
            "lost shelf space at a national grocer after a season of missed orders",
        ],
        "stake": "its listing with the largest grocery chain",
        "workaround": "writing temperature logs by hand on every shift",
        "products": ["Cold Chain Monitor", "Order Desk", "Lot Tracer", "Recipe Costing"],
        "second": ("short-shipped orders", "orders a month", (40, 90), "orders a month", (5, 15)),
    },
    {
        "tails": ["Legal", "Law Partners", "Chambers", "Advocates"],
        "clients": "clients", "staff": "paralegals", "place": "offices",
        "metric": "invoices paid within 30 days", "unit": "%", "base": (45, 65), "gain": (15, 25),
        "events": [
            "wrote off about ${n}K of unbilled time last year",
            "lost a major client after a missed filing deadline",
            "was questioned by its professional-indemnity insurer about deadline tracking",
        ],
        "stake": "its insurance renewal on affordable terms",
        "workaround": "tracking deadlines in personal calendars",
        "products": ["Matter Timeline", "Billing Capture", "Deadline Guard", "Client Portal"],
        "second": ("unbilled hours a month", "hours", (300, 600), "hours", (40, 120)),
    },
    {
        "tails": ["Hotels", "Resorts", "Hospitality", "Inns"],
        "clients": "guests", "staff": "reservation agents", "place": "properties",
        "metric": "the double-booking rate", "unit": "%", "base": (3, 6), "gain": (-3, -2),
        "events": [
            "double-booked {n} rooms during the summer festival and made the local news",
            "lost its preferred status with an online travel agency after complaints",
            "refunded more than ${n}K to guests after an overbooked holiday weekend",
        ],
        "stake": "the preferred listing that brings a third of its bookings",
        "workaround": "reconciling channel bookings by hand every morning",
        "products": ["Channel Sync", "Rate Planner", "Guest Messages", "Housekeeping Board"],
        "second": ("time to reconcile the night's bookings", "hours", (2, 4), "minutes", (10, 30)),
    },
    {
        "tails": ["Energy", "Utilities", "Power Co-op", "Water Authority"],
        "clients": "customers", "staff": "field crews", "place": "districts",
        "metric": "work orders closed on schedule", "unit": "%", "base": (60, 75), "gain": (10, 20),
        "events": [
            "was cited by the regulator after an outage lasted {n} hours",
            "paid a penalty for missing inspection deadlines on its substations",
            "faced a rate case in which the commissioner criticised its maintenance backlog",
        ],
        "stake": "the outcome of its next rate case",
        "workaround": "dispatching crews from a whiteboard and radio calls",
        "products": ["Crew Scheduler", "Asset Register", "Outage Map", "Field Forms"],
        "second": ("overdue inspections", "inspections", (150, 400), "inspections", (10, 40)),
    },
    {
        "tails": ["Retail", "Outfitters", "Home Goods", "Pharmacy"],
        "clients": "shoppers", "staff": "store managers", "place": "stores",
        "metric": "in-stock rate on top sellers", "unit": "%", "base": (84, 91), "gain": (4, 7),
        "events": [
            "lost about ${n}K in sales over the holidays because top sellers were out of stock",
            "received a wave of complaints after a loyalty promotion failed at checkout",
            "was told by its franchise owners that they would not renew without better replenishment",
        ],
        "stake": "the franchise renewals due next year",
        "workaround": "ordering stock from store managers' gut feel and phone calls",
        "products": ["Replenishment Engine", "Store Pulse", "Promo Planner", "Shelf Scanner"],
        "second": ("stockout hours per store a week", "hours", (20, 45), "hours", (3, 10)),
    },
]

TITLES_CHAMPION = [
    "Director of Operations", "VP of Operations", "Head of Service Delivery", "Chief Operating Officer",
    "Director of Quality", "VP of Customer Experience", "Head of Planning", "Operations Manager",
    "Director of Member Services", "Chief Medical Officer", "Dean of Student Success",
    "General Manager", "Director of Finance Operations", "Head of Supply Chain",
]
TITLES_OTHER = [
    ("CFO", "finance"), ("IT Security Lead", "security"), ("Regional VP of Sales", "sales"),
    ("Head of IT", "it"), ("Procurement Manager", "procurement"), ("General Counsel", "legal"),
    ("Controller", "finance"), ("HR Director", "hr"), ("Chief Technology Officer", "it"),
    ("Facilities Manager", "ops"), ("Union Steward", "staff"), ("Board Chair", "board"),
    ("Data Protection Officer", "legal"), ("Training Coordinator", "staff"),
]
COMPETITORS = ["Tallyfin", "Routewise Pro", "Quorra Systems", "Brightline Suite", "Monolith ERP",
               "Parcelbyte", "Kinetiq", "Ledgerly", "Nimbusware", "Orchard CRM"]
SEASONS = ["summer", "autumn", "winter", "holiday", "spring"]

# --------------------------------------------------------------------------------------------
# Helpers


def pick(rng: random.Random, seq):
    return seq[rng.randrange(len(seq))]


def iso(d: dt.date) -> str:
    return d.isoformat()


def money(rng: random.Random, amount: int) -> str:
    style = rng.random()
    if style < 0.55:
        return f"${amount:,}"
    if style < 0.7:
        return f"USD {amount:,}"
    if style < 0.85:
        return str(amount)
    return f"{amount / 1000:.1f}k".replace(".0k", "k")


class Person:
    def __init__(self, rng: random.Random, used: set[str], title: str, strict: bool = True):
        """strict: no first or last name shared with anyone in `used` (people in one record
        stay distinguishable by either name); otherwise only the full name must be new."""
        while True:
            she = rng.random() < 0.5
            first, last = pick(rng, FIRST_SHE if she else FIRST_HE), pick(rng, LAST)
            if (first not in used and last not in used) if strict else f"{first} {last}" not in used:
                break
        used.update((first, last, f"{first} {last}"))
        self.first, self.last, self.title = first, last, title
        self.she = she

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    def pro(self, kind: str) -> str:
        table = {"subj": ("she", "he"), "obj": ("her", "him"), "pos": ("her", "his")}
        return table[kind][0 if self.she else 1]


class Team:
    """The vendor's sales and CS team: a fixed roster per seed, as in a real CRM export, so
    audit groups by AE and CSM stay few however many records there are."""

    def __init__(self, seed: int, aes: int = 32, csms: int = 20):
        rng = random.Random(f"handoff-bench-team:{seed}")
        used: set[str] = set()
        self.aes = [Person(rng, used, "Account Executive", strict=False) for _ in range(aes)]
        self.csms = [Person(rng, used, "Customer Success Manager", strict=False)
                     for _ in range(csms)]


# --------------------------------------------------------------------------------------------
# One deal: the facts every field draws on, so the fields tell one story.


class Deal:
    def __init__(self, rng: random.Random, index: int, team: "Team"):
        self.rng = rng
        self.index = index
        ind = pick(rng, INDUSTRIES)
        self.ind = ind
        self.account = f"{pick(rng, CO_HEAD)} {pick(rng, ind['tails'])}"
        self.acv = rng.randrange(90, 2600) * 100
        start = dt.date(2025, 1, 6)
        self.close = start + dt.timedelta(days=rng.randrange(0, 660))
        self.ae = pick(rng, team.aes)
        self.csm = pick(rng, team.csms)
        used: set[str] = {self.ae.first, self.ae.last, self.csm.first, self.csm.last}
        self.champ = Person(rng, used, pick(rng, TITLES_CHAMPION))
        others = rng.sample(TITLES_OTHER, 3)
        self.skeptic = Person(rng, used, others[0][0])
        self.neutral = Person(rng, used, others[1][0])
        self.raiser = Person(rng, used, others[2][0])
        self.products = rng.sample(ind["products"], rng.randint(1, 3))
        self.competitor = pick(rng, COMPETITORS)
        self.deadline = self.close + dt.timedelta(days=rng.randrange(90, 300))
        self.base = rng.randint(*ind["base"])
        self.target = self.base + rng.randint(*ind["gain"])
        self.sites = rng.randint(3, 40)
        self.headcount = rng.randint(6, 120)

    def day(self, lo: int, hi: int) -> str:
        return iso(self.close + dt.timedelta(days=self.rng.randrange(lo, hi)))

    def product(self) -> str:
        return pick(self.rng, self.products)


# --------------------------------------------------------------------------------------------
# Complete fields. Each builder draws sentences from several interchangeable phrasings.


def motivation(d: Deal) -> str:
    r, ind, c = d.rng, d.ind, d.champ
    when = pick(r, ["Last quarter", f"In {d.close.strftime('%B')}", "Earlier this year",
                    "Twice in the past year", "During the last busy season"])
    event = pick(r, ind["events"]).format(n=r.randint(12, 90), season=pick(r, SEASONS))
    s1 = f"{when}, {d.account} {event}."
    s2 = pick(r, [
        f"The root cause was {ind['workaround']}, which no longer works at {d.sites} {ind['place']}.",
        f"Their {ind['staff']} have been {ind['workaround']}, and that cannot handle the current volume.",
        f"Everything still depends on {ind['workaround']}; {d.headcount} {ind['staff']} lose hours to it each week.",
    ])
    s3 = pick(r, [
        f"They have until {iso(d.deadline)} to show {ind['metric']} moving in the right direction; otherwise {d.account} risks {ind['stake']}.",
        f"A review is due on {iso(d.deadline)}, and another miss puts {ind['stake']} at risk.",
        f"If nothing changes before {iso(d.deadline)}, they expect to lose {ind['stake']}.",
        f"The deadline that matters is {iso(d.deadline)}: after that date {ind['stake']} is on the line.",
    ])
    s4 = pick(r, [
        f"{c.first} put it plainly on the last call: doing nothing would cost them more than our ACV within a year.",
        "The executive team approved the purchase within three weeks, which tells us how much pressure they are under.",
        f"They looked at hiring more {ind['staff']} first and rejected it as too slow and too expensive.",
        "Their board asked for a written recovery plan, and this purchase is the centrepiece of it.",
        "",
    ])
    s5 = pick(r, [
        f"Each incident costs them roughly ${r.randint(8, 90)}K in credits, overtime and goodwill.",
        f"The {ind['clients']} noticed: complaints rose by about {r.randint(20, 70)}% over the same period.",
        f"Internally this is known as the {pick(r, ['recovery', 'turnaround', 'reset', 'fix-it'])} project, and it has a named executive sponsor.",
        f"Finance estimates the manual workaround alone ties up {r.randint(2, 9)} full-time people.",
        "", "",
    ])
    return " ".join(s for s in (s1, s2, s3, s4, s5) if s)


def champion(d: Deal) -> str:
    r, c, ind = d.rng, d.champ, d.ind
    P, s = c.pro("pos"), c.pro("subj")
    S = s.capitalize()
    open_ = pick(r, [f"{c.name}, {c.title}.", f"{c.name} ({c.title}).",
                     f"Our champion is {c.name}, {c.title} at {d.account}."])
    drive = pick(r, [
        f"{S} wrote the business case {c.pro('obj')}self and walked it through the budget committee.",
        f"{S} ran the evaluation, chose us over {d.competitor}, and negotiated the final terms.",
        f"{S} brought us in after the incident and kept the deal moving when procurement stalled it.",
        f"{S} presented the problem to the leadership team and asked for this budget by name.",
    ])
    stake = pick(r, [
        f"{S} promised the leadership team that {ind['metric']} would improve by {iso(d.deadline)}; {P} credibility is on the line if it does not.",
        f"{P.capitalize()} annual bonus is tied to {ind['metric']} this year, and {s} has said publicly that this project is {P} bet.",
        f"If the rollout slips, {s} expects to be blamed for {ind['stake']} being at risk, and {P} promotion case goes with it.",
        f"{S} is accountable for the recovery plan and has staked {P} reputation on showing results before {iso(d.deadline)}.",
    ])
    extra = pick(r, [
        f"{S} is new in the role (about {r.randint(4, 18)} months) and wants a visible win.",
        f"{S} used a similar product at a previous employer and knows what good looks like.",
        f"{S} is detail-oriented and will read every status report line by line.",
        "",
    ])
    return " ".join(x for x in (open_, drive, stake, extra) if x)


def promises(d: Deal) -> list[str]:
    r, c = d.rng, d.champ
    pool = [
        lambda: f"I promised {c.first} that the {d.product()} sandbox would be ready within {r.choice([5, 10, 15])} business days so their team can start testing.",
        lambda: f"I committed to a weekly working session with our solutions engineer until go-live, starting the week of {d.day(7, 21)}.",
        lambda: f"I told {c.first} we would import their historical data from the old system by {d.day(20, 60)}.",
        lambda: f"I agreed to train {d.rng.randint(8, 40)} of their {d.ind['staff']} in two half-day sessions before {d.day(25, 70)}.",
        lambda: f"I mentioned (not in the contract) that a custom export for their quarterly report would be available by {d.day(40, 120)}.",
        lambda: f"We will provide a named support contact and a two-hour response time during the first {r.choice([30, 60, 90])} days after go-live.",
        lambda: f"I promised a pricing hold for additional {d.ind['place']} until {d.day(200, 360)} if they expand this year.",
        lambda: f"I said we would review their single sign-on setup with their IT team in week one, by {d.day(5, 15)}.",
        lambda: f"I implied that the {d.product()} mobile view would be on the roadmap for {pick(r, ['Q1', 'Q2', 'Q3', 'Q4'])}; nothing about it is in writing.",
        lambda: f"I committed to a go-live review with {c.first} and the executive sponsor on {d.day(60, 120)}.",
    ]
    return [f() for f in r.sample(pool, r.randint(2, 5))]


def risks(d: Deal) -> list[str]:
    r, x, ind = d.rng, d.raiser, d.ind
    pool = [
        lambda: f"Their {x.title}, {x.name}, objected to storing {ind['clients']}' data in our cloud region; we deferred it to implementation and promised a review. Unresolved, watch it in week one.",
        lambda: f"The {ind['staff']} fear the tool will be used to measure them one by one. {d.champ.first} reassured them verbally; nothing is written down, so handle it carefully in training.",
        lambda: f"{x.name} ({x.title}) said the integration with their legacy system may need a paid connector; we agreed to confirm the cost by {d.day(10, 30)}. Still open.",
        lambda: f"Procurement pushed back on the termination clause; the AE offered a 60-day exit in year one, and legal signed off on {d.day(-20, -2)}. Closed, but they may raise it again at renewal.",
        lambda: f"The {d.skeptic.title} questioned whether {d.sites} {ind['place']} can roll out at once; we agreed on a two-phase plan, first phase by {d.day(30, 80)}. Watch for pressure to go faster.",
        lambda: f"{x.first} {x.last} worries that {d.competitor} will undercut us at renewal; we discounted year one by {r.randint(5, 15)}% and will track usage monthly.",
        lambda: f"Budget approval was conditional: the {d.neutral.title} wants a mid-point review on {d.day(90, 160)}. Pending, expect a request for early numbers.",
    ]
    return [f() for f in r.sample(pool, r.randint(2, 4))]


def politics(d: Deal) -> str:
    r, k, n, ind = d.rng, d.skeptic, d.neutral, d.ind
    s1 = pick(r, [
        f"{k.name}, {k.title}, wanted the budget for more {ind['staff']} and lost that argument to {d.champ.first}; {k.pro('subj')} is skeptical and will point to any early miss as proof the software failed.",
        f"{k.name}, the {k.title}, opposed the purchase in the steering committee and was overruled; expect {k.pro('obj')} to question every invoice.",
        f"The {k.title}, {k.name}, backed {d.competitor} during the evaluation and is still not convinced; {k.pro('subj')} resents that the decision went around {k.pro('obj')}.",
    ])
    s2 = pick(r, [
        f"{n.name} ({n.title}) is neutral but approved the spend on condition that results are reported at the board meeting after {iso(d.deadline)}.",
        f"{n.name}, {n.title}, is supportive and has final say on the second phase.",
        f"The {n.title}, {n.name}, is cautious: {n.pro('subj')} signed off but wants monthly figures before approving more {ind['place']}.",
    ])
    s3 = pick(r, [
        f"{d.champ.first} and {k.first} report to the same executive, so friction between them will reach the leadership team quickly.",
        f"The {ind['staff']} are influential; their team leads decide whether the rollout is adopted on the floor.",
        "",
    ])
    s4 = pick(r, [
        "Procurement, led by a category manager, is neutral and only cares that the renewal terms hold.",
        f"{d.raiser.name}, {d.raiser.title}, is wary after a failed rollout two years ago and will need early proof.",
        f"Nobody senior opposes the project openly; the risk is that {d.champ.first} is stretched across three programmes this year.",
        "", "",
    ])
    return " ".join(x for x in (s1, s2, s3, s4) if x)


def success(d: Deal) -> str:
    r, ind, c = d.rng, d.ind, d.champ
    lower = d.target < d.base
    verb, bound, move = ("cut", "or lower", "down") if lower else ("raised", "or better", "up")
    s1 = pick(r, [
        f"{c.first} judges success by {ind['metric']} moving from {d.base}{ind['unit']} to {d.target}{ind['unit']} by {iso(d.deadline)}",
        f"The first measure is {ind['metric']}: {verb} from {d.base}% today to {d.target}% by {iso(d.deadline)}",
        f"Success means {ind['metric']} at {d.target}% {bound} across all {d.sites} {ind['place']} by {iso(d.deadline)}, {move} from {d.base}% now",
    ])
    what, u1, (a, b), u2, (lo, hi) = ind["second"]
    was = r.randint(a, b)
    goal = r.randint(lo, hi)
    s2 = pick(r, [
        f"; and {what} reduced from {was:,} {u1} to under {goal:,} {u2} by {d.day(60, 150)}.",
        f". Second, {what} goes from about {was:,} {u1} today to below {goal:,} {u2} within {r.randint(3, 6)} months of go-live.",
    ])
    s3 = pick(r, [
        f" {c.first} will also count it a win if none of the {ind['place']} fall back to the old process by {d.day(120, 240)}.",
        f" At least {r.randint(80, 95)}% of the {ind['staff']} should log in weekly by the end of the first quarter after go-live.",
        "",
    ])
    return s1 + s2 + s3


def comms(d: Deal) -> str:
    r, c = d.rng, d.champ
    day = pick(r, WEEKDAYS)
    s1 = pick(r, [
        f"{c.first} wants a weekly {r.choice([20, 30, 45])}-minute video call on {day}s with a written agenda and decisions only.",
        f"{c.first} prefers email with a short summary at the top, and a biweekly call on {day} mornings.",
        f"A {r.choice([15, 30])}-minute Teams call every other {day} at {r.choice(['8:00', '9:30', '16:00'])}, agenda sent the day before.",
    ])
    s2 = pick(r, [
        "Send a short Slack update every Friday; no surprises, bad news early.",
        f"{c.pro('subj').capitalize()} reads email once a day; urgent items go to {c.pro('pos')} phone by text.",
        "A monthly one-page status report for the steering group, no slides.",
        f"{d.skeptic.first} must be copied on the monthly summary, but not on the weekly notes.",
    ])
    s3 = pick(r, [
        f"Avoid the first week of each month: {c.pro('pos')} team is busy with month-end reporting.",
        f"{c.first} dislikes long slide decks; bring one page and the numbers.",
        "For anything technical, loop in their IT lead by email rather than booking another meeting.",
        "", "",
    ])
    return " ".join(x for x in (s1, s2, s3) if x)


def key_contacts(d: Deal) -> list[dict[str, str]]:
    people = [d.champ, d.skeptic, d.neutral, d.raiser]
    return [{"name": p.name, "role": p.title} for p in people[: d.rng.choice([2, 3, 4, 4, 4])]]


def extras(d: Deal) -> dict[str, str]:
    r = d.rng
    out = {}
    if r.random() < 0.8:
        out["competitive_context"] = pick(r, [
            f"They also evaluated {d.competitor}; its rep promised a faster rollout, which {d.champ.first} may compare us against.",
            f"{d.competitor} was the incumbent and offered a steep discount to stay; we won on the {d.product()} workflow.",
        ])
    if r.random() < 0.7:
        out["relationship_history"] = pick(r, [
            f"First purchase; {d.champ.first} used our product at a previous employer.",
            f"They ran a {r.randint(4, 10)}-week pilot with two {d.ind['place']} before buying.",
            "A prior deal was lost in 2024 on price; this time the champion led it.",
        ])
    out["handoff_call"] = pick(r, [
        f"Held on {d.day(1, 6)} with {d.ae.first} and {d.csm.first} ({r.choice([30, 45, 60])} minutes).",
        f"Scheduled for {d.day(2, 9)} between {d.ae.first} and {d.csm.first}.",
    ])
    return out


# --------------------------------------------------------------------------------------------
# Gaps: what a rushed AE writes instead.

PLACEHOLDERS = ["TBD", "see CRM", "TBD, will cover on the call", "N/A", "to be confirmed",
                "See Salesforce", "ask the AE", "TODO", "pending", "I'll tell them on the call"]
ONE_LINERS = {
    "buying_motivation": ["Improve efficiency and streamline processes.", "Digital transformation.",
                          "They want better visibility.", "Modernize their operations."],
    "champion_profile": ["The VP of Operations.", "Their COO liked the demo.", "Ops team.",
                         "Head of IT."],
    "promises_commitments": ["We will take good care of them and make sure onboarding is smooth.",
                             "Great support.", "White-glove onboarding."],
    "red_flags_risks": ["None.", "The usual change management.", "Nothing major.",
                        "Some adoption risk, as with any project."],
    "political_landscape": ["Everyone is on board.", "Fine.", "Leadership supports it."],
    "success_criteria": ["Go live and good adoption.", "ROI and a happy customer.",
                         "Happy users."],
    "communication_style": ["Email.", "Whatever works.", "Slack or email, whichever.",
                            "As needed."],
}
GAP_KINDS = ["missing", "empty", "placeholder", "one_line", "one_line", "placeholder"]


def gap_value(rng: random.Random, field: str, kind: str):
    if kind == "missing":
        return None
    if kind == "empty":
        return ""
    if kind == "placeholder":
        return pick(rng, PLACEHOLDERS)
    return pick(rng, ONE_LINERS[field])


def build_record(seed: int, index: int, team: Team) -> dict:
    rng = random.Random(f"handoff-bench:{seed}:{index}")
    d = Deal(rng, index, team)
    rec: dict = {
        "account": d.account,
        "acv": money(rng, d.acv),
        "close_date": iso(d.close),
        "products": list(d.products),
        "ae": d.ae.name,
        "csm": d.csm.name if rng.random() < 0.9 else "unassigned",
        "buying_motivation": motivation(d),
        "champion_profile": champion(d),
        "promises_commitments": promises(d),
        "red_flags_risks": risks(d),
        "political_landscape": politics(d),
        "success_criteria": success(d),
        "communication_style": comms(d),
    }
    if rng.random() < 0.85:
        rec["key_contacts"] = key_contacts(d)
    rec.update(extras(d))
    gapped = rng.random() < GAP_SHARE
    if gapped:
        for field in rng.sample(FIELDS, rng.randint(1, 3)):
            value = gap_value(rng, field, pick(rng, GAP_KINDS))
            if value is None:
                del rec[field]
            else:
                rec[field] = value
    rec["_gapped"] = gapped
    rec["_deal"] = d
    return rec


# --------------------------------------------------------------------------------------------
# Writers


def yaml_scalar(s: str) -> str:
    """Plain when YAML reads it back unchanged, double-quoted (JSON escapes are valid YAML)."""
    risky = (not s or s[0] in "!&*-?[]{}|>'\"%@`#,:" or ": " in s or " #" in s
             or s.endswith(":") or s.strip() != s
             or s.lower() in ("null", "true", "false", "yes", "no", "on", "off", "~"))
    return json.dumps(s, ensure_ascii=False) if risky else s


def yaml_block(key: str, text: str, rng: random.Random) -> list[str]:
    if len(text) < 70 and "\n" not in text:
        return [f"{key}: {yaml_scalar(text)}"]
    style = "|" if rng.random() < 0.7 else ">"
    lines = textwrap.wrap(text, width=rng.choice([88, 96, 100]))
    return [f"{key}: {style}"] + ["  " + ln for ln in lines]


def to_yaml(rec: dict, rng: random.Random) -> str:
    out = [pick(rng, ["# Handoff record", "# Handoff for CS", "# Closed-won handoff",
                      "# Written by the AE at close"])]
    for key in ("account", "acv", "close_date"):
        out.append(f"{key}: {yaml_scalar(rec[key])}")
    if rng.random() < 0.5:
        out.append("products: [" + ", ".join(rec["products"]) + "]")
    else:
        out.append("products:")
        out += [f"  - {yaml_scalar(p)}" for p in rec["products"]]
    out.append(f"ae: {yaml_scalar(rec['ae'])}")
    out.append(f"csm: {yaml_scalar(rec['csm'])}")
    out.append("")
    for field in FIELDS:
        if field not in rec:
            continue
        v = rec[field]
        if isinstance(v, list):
            out.append(f"{field}:")
            out += [f"  - {yaml_scalar(item)}" for item in v]
        elif v == "":
            out.append(f"{field}:")
        else:
            out += yaml_block(field, v, rng)
        out.append("")
    if "key_contacts" in rec:
        out.append("key_contacts:")
        for kc in rec["key_contacts"]:
            out.append(f"  - {{name: {kc['name']}, role: {kc['role']}}}")
    for key in ("competitive_context", "relationship_history", "handoff_call"):
        if key in rec:
            out.append(f"{key}: {yaml_scalar(rec[key])}")
    return "\n".join(out) + "\n"


MD_HEADINGS = {
    "buying_motivation": ["Buying motivation", "1. Buying motivation (real reason they bought)",
                          "Why they bought", "Reason for purchase"],
    "champion_profile": ["Champion profile", "2. Champion profile", "Champion", "Internal champion"],
    "promises_commitments": ["Promises and commitments", "3. Promises and commitments",
                             "What we promised", "Commitments made"],
    "red_flags_risks": ["Red flags and risks", "4. Red flags and risks", "Risks and objections",
                        "Open objections"],
    "political_landscape": ["Political landscape", "5. Political landscape", "Stakeholder dynamics",
                            "Internal politics"],
    "success_criteria": ["Success criteria", "6. Success criteria", "Definition of success",
                         "What success looks like"],
    "communication_style": ["Communication style", "7. Communication style",
                            "Communication preferences", "Comms"],
}
MD_EXTRA = {"key_contacts": "Key contacts", "competitive_context": "Competitive context",
            "relationship_history": "Relationship history", "handoff_call": "Handoff call"}


def to_markdown(rec: dict, rng: random.Random) -> str:
    numbered = rng.random() < 0.3
    title = pick(rng, ["# Handoff: {}", "# {}", "# {} handoff", "# Customer handoff: {}"])
    out = [title.format(rec["account"]), ""]
    header = [("Account", rec["account"]), ("ACV", rec["acv"]), ("Close date", rec["close_date"]),
              ("Products", ", ".join(rec["products"])), ("AE", rec["ae"]), ("CSM", rec["csm"])]
    style = rng.randrange(3)
    if style == 0:
        out += ["| Field | Value |", "|---|---|"] + [f"| {k} | {v} |" for k, v in header]
    elif style == 1:
        out += [f"- {k}: {v}" for k, v in header]
    else:
        out += [f"**{k}:** {v}  " for k, v in header]
    out.append("")
    bullet = pick(rng, ["-", "*"])
    for field in FIELDS:
        if field not in rec:
            continue
        choices = MD_HEADINGS[field]
        heading = choices[1] if numbered else pick(rng, [c for c in choices if not c[0].isdigit()])
        out += [f"## {heading}", ""]
        v = rec[field]
        if isinstance(v, list):
            out += [f"{bullet} {item}" for item in v]
        elif v:
            out += textwrap.wrap(v, width=rng.choice([90, 98, 100]))
        out.append("")
    for key, heading in MD_EXTRA.items():
        if key not in rec:
            continue
        out += [f"## {heading}", ""]
        if key == "key_contacts":
            out += [f"{bullet} {kc['name']}, {kc['role']}" for kc in rec[key]]
        else:
            out += textwrap.wrap(rec[key], width=96)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def fit_size(rec: dict, render, rng: random.Random) -> str:
    """Pad a short record with more commitments and risks, trim a long one, to 2-6 KB."""
    d: Deal = rec["_deal"]
    text = render(rec, rng)
    history = [
        "They spoke to two of our reference customers before signing.",
        f"{d.champ.first} attended our user conference and asked detailed questions about rollout.",
        "An earlier evaluation in 2024 stalled when their budget was frozen.",
        "Their finance team ran a three-month cost comparison before approving the spend.",
        f"{d.ae.first} has met {d.champ.first} in person twice; the rest of the cycle was remote.",
        "The security questionnaire took five weeks and is filed in the deal room.",
    ]
    rng.shuffle(history)
    tries = 0
    while len(text.encode()) < MIN_BYTES and tries < 12:
        tries += 1
        grew = False
        for field, more in (("promises_commitments", promises), ("red_flags_risks", risks)):
            if isinstance(rec.get(field), list):
                fresh = [x for x in more(d) if x not in rec[field]][:1]
                rec[field] = rec[field] + fresh
                grew = grew or bool(fresh)
        if not grew and history:
            rec["relationship_history"] = (rec.get("relationship_history", "") + " "
                                           + history.pop()).strip()
        text = render(rec, rng)
    for key in ("relationship_history", "competitive_context", "key_contacts"):
        if len(text.encode()) <= MAX_BYTES:
            break
        rec.pop(key, None)
        text = render(rec, rng)
    return text


def csv_cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return "\n".join(f"- {x}" for x in v)
    return v


CSV_COLUMNS = [
    ("Account Name", "account"), ("ACV", "acv"), ("Close Date", "close_date"),
    ("Products", "products"), ("AE", "ae"), ("CSM", "csm"),
    ("Buying Motivation", "buying_motivation"), ("Champion", "champion_profile"),
    ("Promises and Commitments", "promises_commitments"),
    ("Red Flags and Risks", "red_flags_risks"), ("Political Landscape", "political_landscape"),
    ("Success Criteria", "success_criteria"), ("Communication Style", "communication_style"),
    ("Handoff Call", "handoff_call"),
]


def slug(s: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in s.lower()).strip("-")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("N must be at least 1")

    out_dir = os.path.abspath(args.out_dir)
    name = os.path.basename(out_dir.rstrip("/"))
    parent = os.path.dirname(out_dir)
    os.makedirs(out_dir, exist_ok=True)
    csv_path = os.path.join(parent, f"{name}-export.csv")
    jsonl_path = os.path.join(parent, f"{name}-export.jsonl")

    team = Team(args.seed)
    gapped = sizes = 0
    smallest, largest = 1 << 30, 0
    with open(csv_path + ".tmp", "w", newline="", encoding="utf-8") as fc, \
            open(jsonl_path + ".tmp", "w", encoding="utf-8") as fj:
        writer = csv.writer(fc, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow([h for h, _ in CSV_COLUMNS])
        for i in range(args.n):
            rec = build_record(args.seed, i, team)
            fmt_rng = random.Random(f"handoff-bench-format:{args.seed}:{i}")
            is_yaml = i % 2 == 0
            text = fit_size(rec, to_yaml if is_yaml else to_markdown, fmt_rng)
            shard = os.path.join(out_dir, f"{i // SHARD:03d}")
            if i % SHARD == 0:
                os.makedirs(shard, exist_ok=True)
            fname = f"{i:06d}-{slug(rec['account'])}.{'yaml' if is_yaml else 'md'}"
            with open(os.path.join(shard, fname), "w", encoding="utf-8") as f:
                f.write(text)
            size = len(text.encode())
            sizes += size
            smallest, largest = min(smallest, size), max(largest, size)
            gapped += rec["_gapped"]

            writer.writerow([csv_cell(rec.get(key)) if key != "products"
                             else ", ".join(rec["products"]) for _, key in CSV_COLUMNS])
            obj = {k: v for k, v in rec.items() if not k.startswith("_")}
            fj.write(json.dumps(obj, ensure_ascii=False) + "\n")
    os.replace(csv_path + ".tmp", csv_path)
    os.replace(jsonl_path + ".tmp", jsonl_path)
    print(f"{args.n} records in {out_dir} ({sizes / 1e6:.1f} MB, {smallest}-{largest} bytes each, "
          f"{gapped} with gaps); exports {csv_path} and {jsonl_path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

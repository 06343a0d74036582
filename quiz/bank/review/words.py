"""Small curated word lists the item-review checks lean on, kept apart so they can be read and
extended without touching the rules.

They are deliberately short: world knowledge any secondary-school reader has (capitals,
continents, the best-known heads of state), place and time words, and stock phrases of news
English whose one word predicts the other. A list entry that is wrong costs precision, which
tests/bank/test_item_review_measure.py measures on a labelled set (docs/item-review.md).
"""

from __future__ import annotations

from quiz.bank.review.text import word_set

#: country: (capital, demonyms and other names, continent, currency)
COUNTRIES: dict[str, tuple[str, tuple[str, ...], str, str]] = {
    "united states": (
        "washington",
        ("us", "usa", "u.s", "american", "america"),
        "north america",
        "dollar",
    ),
    "canada": ("ottawa", ("canadian",), "north america", "dollar"),
    "mexico": ("mexico city", ("mexican",), "north america", "peso"),
    "brazil": ("brasilia", ("brazilian",), "south america", "real"),
    "argentina": ("buenos aires", ("argentine", "argentinian"), "south america", "peso"),
    "chile": ("santiago", ("chilean",), "south america", "peso"),
    "peru": ("lima", ("peruvian",), "south america", "sol"),
    "colombia": ("bogota", ("colombian",), "south america", "peso"),
    "united kingdom": (
        "london",
        ("uk", "britain", "british", "england", "english"),
        "europe",
        "pound",
    ),
    "ireland": ("dublin", ("irish",), "europe", "euro"),
    "france": ("paris", ("french",), "europe", "euro"),
    "germany": ("berlin", ("german",), "europe", "euro"),
    "italy": ("rome", ("italian",), "europe", "euro"),
    "spain": ("madrid", ("spanish",), "europe", "euro"),
    "portugal": ("lisbon", ("portuguese",), "europe", "euro"),
    "netherlands": ("amsterdam", ("dutch", "holland"), "europe", "euro"),
    "belgium": ("brussels", ("belgian",), "europe", "euro"),
    "switzerland": ("bern", ("swiss",), "europe", "franc"),
    "austria": ("vienna", ("austrian",), "europe", "euro"),
    "poland": ("warsaw", ("polish",), "europe", "zloty"),
    "sweden": ("stockholm", ("swedish",), "europe", "krona"),
    "norway": ("oslo", ("norwegian",), "europe", "krone"),
    "denmark": ("copenhagen", ("danish",), "europe", "krone"),
    "finland": ("helsinki", ("finnish",), "europe", "euro"),
    "greece": ("athens", ("greek",), "europe", "euro"),
    "ukraine": ("kyiv", ("ukrainian", "kiev"), "europe", "hryvnia"),
    "russia": ("moscow", ("russian",), "europe", "rouble"),
    "turkey": ("ankara", ("turkish", "turkiye"), "asia", "lira"),
    "egypt": ("cairo", ("egyptian",), "africa", "pound"),
    "nigeria": ("abuja", ("nigerian",), "africa", "naira"),
    "kenya": ("nairobi", ("kenyan",), "africa", "shilling"),
    "ethiopia": ("addis ababa", ("ethiopian",), "africa", "birr"),
    "south africa": ("pretoria", ("south african",), "africa", "rand"),
    "morocco": ("rabat", ("moroccan",), "africa", "dirham"),
    "ghana": ("accra", ("ghanaian",), "africa", "cedi"),
    "uganda": ("kampala", ("ugandan",), "africa", "shilling"),
    "tanzania": ("dodoma", ("tanzanian",), "africa", "shilling"),
    "israel": ("jerusalem", ("israeli",), "asia", "shekel"),
    "iran": ("tehran", ("iranian",), "asia", "rial"),
    # in the news of every fresh set, and as known (set CC: "the capital of Bangladesh"; set
    # DD: "Damascus" for Syria; tuned)
    "syria": ("damascus", ("syrian",), "asia", "pound"),
    "lebanon": ("beirut", ("lebanese",), "asia", "pound"),
    "jordan": ("amman", ("jordanian",), "asia", "dinar"),
    "afghanistan": ("kabul", ("afghan",), "asia", "afghani"),
    "bangladesh": ("dhaka", ("bangladeshi",), "asia", "taka"),
    "nepal": ("kathmandu", ("nepalese", "nepali"), "asia", "rupee"),
    "qatar": ("doha", ("qatari",), "asia", "riyal"),
    "cuba": ("havana", ("cuban",), "north america", "peso"),
    "venezuela": ("caracas", ("venezuelan",), "south america", "bolivar"),
    "czech republic": ("prague", ("czech", "czechia"), "europe", "koruna"),
    "hungary": ("budapest", ("hungarian",), "europe", "forint"),
    "serbia": ("belgrade", ("serbian",), "europe", "dinar"),
    "romania": ("bucharest", ("romanian",), "europe", "leu"),
    "sudan": ("khartoum", ("sudanese",), "africa", "pound"),
    "libya": ("tripoli", ("libyan",), "africa", "dinar"),
    "zimbabwe": ("harare", ("zimbabwean",), "africa", "dollar"),
    "somalia": ("mogadishu", ("somali",), "africa", "shilling"),
    "iraq": ("baghdad", ("iraqi",), "asia", "dinar"),
    "saudi arabia": ("riyadh", ("saudi",), "asia", "riyal"),
    "india": ("new delhi", ("indian", "delhi"), "asia", "rupee"),
    "pakistan": ("islamabad", ("pakistani",), "asia", "rupee"),
    "china": ("beijing", ("chinese",), "asia", "yuan"),
    "japan": ("tokyo", ("japanese",), "asia", "yen"),
    "south korea": ("seoul", ("south korean",), "asia", "won"),
    "north korea": ("pyongyang", ("north korean",), "asia", "won"),
    "vietnam": ("hanoi", ("vietnamese",), "asia", "dong"),
    "thailand": ("bangkok", ("thai",), "asia", "baht"),
    "indonesia": ("jakarta", ("indonesian",), "asia", "rupiah"),
    "philippines": ("manila", ("filipino", "philippine"), "asia", "peso"),
    "australia": ("canberra", ("australian",), "oceania", "dollar"),
    "new zealand": ("wellington", ("new zealander",), "oceania", "dollar"),
}

CONTINENTS = frozenset(
    {"africa", "asia", "europe", "north america", "south america", "oceania", "antarctica"}
)

#: International bodies and the cities everyone knows they sit in.
SEATS: dict[str, tuple[str, ...]] = {
    "united nations": ("new york", "geneva"),
    "un": ("new york", "geneva"),
    "european union": ("brussels",),
    "eu": ("brussels",),
    "nato": ("brussels",),
    "african union": ("addis ababa",),
    "world health organization": ("geneva",),
    "who": ("geneva",),
    "world trade organization": ("geneva",),
    "wto": ("geneva",),
    "imf": ("washington",),
    "world bank": ("washington",),
}

#: The best-known heads of state or government: (country, name, first year, last year).
LEADERS: tuple[tuple[str, str, int, int], ...] = (
    ("united states", "barack obama", 2009, 2017),
    ("united states", "donald trump", 2017, 2021),
    ("united states", "joe biden", 2021, 2025),
    ("united states", "donald trump", 2025, 2029),
    ("china", "xi jinping", 2013, 2035),
    ("russia", "vladimir putin", 2000, 2035),
    ("france", "emmanuel macron", 2017, 2027),
    ("india", "narendra modi", 2014, 2029),
    ("germany", "angela merkel", 2005, 2021),
    ("ukraine", "volodymyr zelensky", 2019, 2030),
    ("united kingdom", "boris johnson", 2019, 2022),
    # the long-serving heads of the countries in the news of the fresh sets (set EE: "___'s
    # Muammar Gaddafi" for Libya; tuned)
    ("libya", "muammar gaddafi", 1969, 2011),
    ("zimbabwe", "robert mugabe", 1980, 2017),
    ("cuba", "fidel castro", 1959, 2008),
    ("iraq", "saddam hussein", 1979, 2003),
    ("egypt", "hosni mubarak", 1981, 2011),
    ("syria", "bashar assad", 2000, 2024),
    ("syria", "bashar al-assad", 2000, 2024),
    ("venezuela", "hugo chavez", 1999, 2013),
    ("pakistan", "pervez musharraf", 1999, 2008),
    ("iran", "mahmoud ahmadinejad", 2005, 2013),
    ("france", "nicolas sarkozy", 2007, 2012),
    ("united kingdom", "tony blair", 1997, 2007),
    ("united states", "george bush", 2001, 2009),
)

#: Words naming an office whose holder a leader question asks for.
OFFICES = frozenset({"president", "prime", "minister", "leader", "chancellor", "premier", "head"})

#: Nouns that name a place: an option holding one can answer "Where ...?".
PLACE_NOUNS = word_set(
    """city town village capital country state province region border coast island river sea
    ocean lake mountain valley street square park hall house palace parliament congress embassy
    office headquarters airport station port harbour harbor market markets school university
    campus hospital church temple shrine museum stadium site camp base centre center building
    room court prison beach beaches bank headquarter conference summit meeting talks forum"""
)

MONTHS = word_set(
    """january february march april may june july august september october november december"""
)
WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
TIME_WORDS = (
    MONTHS
    | WEEKDAYS
    | word_set(
        """ago last next week weeks month months year years day days decade decades century
        morning evening night today yesterday tomorrow spring summer autumn winter before after
        during since until later earlier soon early late previously first once"""
    )
)
NUMBER_WORDS = word_set(
    """zero none no one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred
    hundreds thousand thousands million millions billion billions dozen dozens half quarter
    third few several many most all"""
)
_COUNTING = "zero one two three four five six seven eight nine ten eleven twelve thirteen"
NUMBER_NAMES: dict[int, str] = dict(
    enumerate(f"{_COUNTING} fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())
)

#: Capitalised words that are not names of people.
NOT_NAMES = (
    MONTHS
    | WEEKDAYS
    | OFFICES
    | word_set(
        """i mr mrs ms dr sir king queen prince princess pope government ministry council
        party parliament congress senate court army navy police union nations republic
        kingdom bank fund university college institute association agency committee
        commission company group state states river ocean sea lake mount g7 g20"""
    )
)

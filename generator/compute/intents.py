"""Search queries read for their meaning: an intent is a service, the places it is wanted in and
a modifier ("рядом", "цена", "near me").

A copywriter writes one article per intent: "торт на заказ москва" and "торт на заказ бибирево"
are one article that names both places, and "заказ торта" is the same intent in another word
order. So queries are grouped by their intent's key — the lemmas of the service's words, stop
words left out, sorted — and an intent keeps every query and place it came from, highest
volume first. Places are words pymorphy3 tags as geographical names (`Geox`), English country
names (babel), and any word the plan's own `business.region` writes with a capital ("Бибирево",
"Cork"), so a district the dictionary does not know is still a place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from babel import Locale

from generator.compute.headlines import lemma, parses
from generator.model import Segment

# Words that modify a query's service rather than name it; their kind picks the headline.
MODIFIERS: dict[str, str] = {
    "рядом": "local",
    "близко": "local",
    "near": "local",
    "nearby": "local",
    "me": "local",
    "цена": "price",
    "цены": "price",
    "стоимость": "price",
    "сколько": "price",
    "прайс": "price",
    "недорого": "price",
    "дешево": "price",
    "дёшево": "price",
    "price": "price",
    "prices": "price",
    "cost": "price",
    "cheap": "price",
    "купить": "buy",
    "заказать": "buy",
    "buy": "buy",
    "order": "buy",
    "отзывы": "reviews",
    "reviews": "reviews",
    "лучший": "reviews",
    "лучшие": "reviews",
    "best": "reviews",
    "срочно": "urgent",
    "круглосуточно": "urgent",
    "urgent": "urgent",
    "emergency": "urgent",
}
# Head words that name a place of business, not a product: no "how much does it cost" for them.
VENUES = frozenset(
    [
        "пекарня",
        "кондитерская",
        "автосервис",
        "сервис",
        "автомойка",
        "клиника",
        "стоматология",
        "салон",
        "магазин",
        "фитнес-клуб",
        "клуб",
        "спортзал",
        "зал",
        "студия",
        "школа",
        "мастерская",
        "ателье",
        "кафе",
        "ресторан",
        "центр",
        "поставщик",
        "supplier",
        "shop",
        "store",
        "clinic",
        "gym",
        "salon",
        "bakery",
        "garage",
        "dentist",
        "agency",
        "school",
        "studio",
        "club",
        "centre",
        "center",
        "distributor",
        "стоматолог",
        "врач",
        "тренер",
        "мастер",
        "репетитор",
        "юрист",
        "trainer",
        "coach",
        "instructor",
        "tutor",
        "doctor",
        "mechanic",
        "lawyer",
        "dealer",
        "workshop",
    ]
)
_STOP = frozenset(
    [
        "в",
        "во",
        "на",
        "для",
        "с",
        "со",
        "и",
        "по",
        "из",
        "у",
        "к",
        "о",
        "от",
        "the",
        "a",
        "an",
        "for",
        "of",
        "in",
        "and",
        "to",
        "with",
    ]
)
# Head nouns of a service done for the customer ("где сделать замену масла") and of one ordered
# from a supplier ("где заказать поставку подшипников"): Russian headlines ask where, not which.
ACTIONS_DO = frozenset(
    (
        "замена", "ремонт", "диагностика", "лечение", "чистка", "установка", "монтаж", "шиномонтаж",
        "покраска", "имплантация", "протезирование", "удаление", "стрижка", "окрашивание", "маникюр",
        "массаж", "обслуживание", "уборка", "химчистка", "реставрация", "настройка", "замер",
    )
)  # fmt: skip
ACTIONS_ORDER = frozenset(("поставка", "доставка", "изготовление", "пошив", "печать", "производство"))
# Seasonal demand: a query with one of these word beginnings is wanted before its season starts
# (month, day), so its article is placed like an occasion, ahead of that date.
SEASONS: tuple[tuple[tuple[str, ...], int, int], ...] = (
    (("зимн", "winter", "снегоход", "snow"), 10, 15),
    (("летн", "summer", "кондиционер", "air-con"), 4, 15),
    (("новогод", "ёлк", "елк", "christmas", "xmas"), 12, 1),
    (("выпускн", "prom", "graduation"), 5, 15),
    (("школьн", "back-to-school", "рюкзак"), 8, 15),
)
# Nouns that follow a place's adjective: "приморский район", "свердловская область".
GEO_NOUNS = frozenset(("район", "области", "область", "округ", "district", "county"))
# Abbreviations of cities that queries use.
CITY_ABBREVIATIONS = {"спб": "Санкт-Петербург", "мск": "Москва", "екб": "Екатеринбург", "нск": "Новосибирск"}
_WORD = re.compile(r"[\w-]+", re.UNICODE)


@dataclass(frozen=True)
class Query:
    """A demand query of a segment, as the plan gives it."""

    segment: str
    text: str
    volume: int | None = None


@dataclass
class Intent:
    """What a group of queries asks for: one article's worth."""

    key: str  # the lemmas of the service's content words, sorted
    service: str  # the service as written in the highest-volume query, places and modifiers left out
    segment: str  # the segment of the highest-volume query
    modifier: str | None = None  # local, price, buy, reviews, urgent
    places: list[str] = field(default_factory=list)  # capitalised, in order of appearance
    queries: list[str] = field(default_factory=list)
    volume: int = 0  # the queries' volumes summed (missing volume: 0)
    segments: list[str] = field(default_factory=list)  # every segment that searches for it

    @property
    def query(self) -> str:
        """The query to target: the highest-volume one."""
        return self.queries[0]

    @property
    def season(self) -> tuple[int, int] | None:
        """(month, day) the intent's season starts, when one of its queries names a season."""
        words = [w.casefold() for q in (self.service, *self.queries) for w in q.split()]
        for prefixes, month, day in SEASONS:
            if any(w.startswith(prefixes) for w in words):
                return month, day
        return None

    @property
    def action(self) -> str | None:
        """ "do" for a service done for the customer, "order" for one ordered, None for a thing."""
        head = next((lemma(w) for w in self.service.split() if lemma(w) in ACTIONS_DO | ACTIONS_ORDER), None)
        if head is None:
            return None
        return "do" if head in ACTIONS_DO else "order"

    @property
    def venue(self) -> bool:
        """The service names a kind of business ("пекарня", "supplier"), not something bought."""
        return any(w.casefold() in VENUES or lemma(w) in VENUES for w in self.service.split())


@lru_cache(maxsize=1)
def _english_places() -> frozenset[str]:
    """Country and territory names in English, lower-cased."""
    return frozenset(name.casefold() for name in Locale.parse("en").territories.values() if " " not in name)


def region_places(region: str | None) -> frozenset[str]:
    """Words the plan's region writes with a capital, case-folded: its places."""
    words = _WORD.findall(region or "")
    return frozenset(w.casefold() for w in words if w[:1].isupper() and len(w) > 2)


def region_names(region: str | None) -> tuple[str, ...]:
    """The places the plan's region names, as written: each run of capitalised words ("Москва, спальный
    район Бибирево" → Москва, Бибирево; "Москва, Южное Бутово" → Москва, Южное Бутово)."""
    found: list[str] = []
    for part in re.split(r"[,;()]| and | и ", region or ""):
        run: list[str] = []
        for word in [*part.split(), ""]:
            if word[:1].isupper() and len(word) > 1:
                run.append(word)
            elif run:
                if word.casefold() in GEO_NOUNS:  # "Приморский район", "Свердловская область"
                    run.append(word)
                found.append(" ".join(run))
                run = []
    return tuple(dict.fromkeys(found))


def is_place(word: str, language: str, known: frozenset[str]) -> bool:
    """A geographical name: the plan's region names it, or the dictionary tags it so."""
    low = word.casefold()
    if low in known:
        return True
    if language == "ru":
        return any("Geox" in p.tag for p in parses(low)[:2])
    return low in _english_places()


def capitalise_place(word: str) -> str:
    """ "бибирево" → "Бибирево", "спб" → "СПб"-like abbreviations upper-cased."""
    found = parses(word.casefold()) if language_of(word) == "ru" else ()
    if found and "Abbr" in found[0].tag:
        return word.upper()
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def language_of(word: str) -> str:
    """ "ru" for a Cyrillic word, else "en"."""
    return "ru" if re.search(r"[а-яё]", word.casefold()) else "en"


def read_query(text: str, language: str, known: frozenset[str]) -> tuple[str, list[str], str | None, str]:
    """(service, places, modifier, key) of a query."""
    words = " ".join(text.split()).split(" ")
    service: list[str] = []
    places: list[str] = []
    modifier = None
    for word in words:
        low = word.casefold()
        if low in MODIFIERS:
            modifier = modifier or MODIFIERS[low]
        elif low in GEO_NOUNS and places:
            places[-1] = f"{places[-1]} {low}"  # "Приморский район"
        elif low in CITY_ABBREVIATIONS and service:
            places.append(CITY_ABBREVIATIONS[low])
        elif is_place(word, language, known) and service:
            places.append(capitalise_place(word))
        else:
            service.append(word)
    while service and service[-1].casefold() in _STOP:  # "near" left a dangling preposition
        service.pop()
    if not service:
        service = [w for w in words if w.casefold() not in MODIFIERS] or words
    key = " ".join(sorted(lemma(w) for w in service if w.casefold() not in _STOP))
    return " ".join(service), places, modifier, key


def group_intents(queries: Iterable[Query], language: str, known: frozenset[str] = frozenset()) -> list[Intent]:
    """Queries grouped into intents, highest volume first (ties: plan order); a query listed twice
    counts once, for the first segment that lists it with the highest volume."""
    ordered = sorted(queries, key=lambda q: -(q.volume or 0))  # stable: ties keep plan order
    by_key: dict[str, Intent] = {}
    seen: set[str] = set()
    for query in ordered:
        folded = " ".join(query.text.split()).casefold()
        if folded in seen:
            continue
        seen.add(folded)
        service, places, modifier, key = read_query(query.text, language, known)
        intent = by_key.get(key)
        if intent is None:
            intent = by_key[key] = Intent(key, service, query.segment, modifier)
        intent.queries.append(" ".join(query.text.split()))
        intent.volume += query.volume or 0
        intent.modifier = intent.modifier or modifier
        intent.places.extend(p for p in places if p not in intent.places)
        if query.segment not in intent.segments:
            intent.segments.append(query.segment)
    return sorted(by_key.values(), key=lambda i: -i.volume)


def services_in(text: str | None, language: str) -> list[str]:
    """Short list items of a description ("выпечка, кофе навынос"): the services it names."""
    found: list[str] = []
    for sentence in re.split(r"[.;:\n]", text or ""):
        items = [i.strip() for i in re.split(r",| и | and ", sentence)]
        if len(items) < 2:
            continue
        for item in items:
            words = item.split()
            if words and words[0] in ("a", "an", "the"):
                continue  # "a swimming pool", "a café": a facility, not a service to price
            if 1 <= len(words) <= 3 and not any(ch.isdigit() for ch in item) and item[:1].islower():
                found.append(item)
    return found


def same_intents(a: Sequence[Intent], text: str, language: str) -> bool:
    """The text names the service of one of the intents (its key): it adds no new intent."""
    _, _, _, key = read_query(text, language, frozenset())
    return any(i.key == key for i in a)


def plan_queries(segments: Sequence[Segment]) -> list[Query]:
    """Every demand query of the plan, segment by segment in plan order."""
    return [Query(s.id, d.query, d.monthly_volume) for s in segments for d in s.demand]


def local_places(intent: Intent, region: Sequence[str]) -> list[str]:
    """The places a local guide on the intent is written for: the query's own, and the most
    specific place of the plan's region (the district) when the queries do not name it."""
    named = {w.casefold() for p in intent.places for w in p.split()}
    extra = [p for p in region if not named & {w.casefold() for w in p.split()}]
    return [*intent.places, *extra[-1:]]

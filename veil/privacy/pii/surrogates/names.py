"""PERSON and TITLE surrogates: name pools of a language family, titles, initials and name tokens."""

from __future__ import annotations

import hmac
import importlib
import random
import re
from collections.abc import Iterable

from faker import Faker
from faker.config import AVAILABLE_LOCALES

from veil.privacy.pii.surrogates.common import SurrogateBase, ascii_word, case_like, pick

# Titles: (members, outputs, gender). Members map into the outputs of their
# group: an output member through a keyed permutation of the outputs, any other
# member (rare, honorific or religious titles) to a keyed choice of them.
_TITLE_GROUPS: tuple[tuple[tuple[str, ...], tuple[str, ...], str | None], ...] = (
    (("mr", "mister", "master", "sir", "lord", "fr", "father", "brother"), ("Mr",), "m"),
    (("mrs", "ms", "miss", "mistress", "madam", "dame", "lady", "sister"), ("Mrs", "Ms", "Miss"), "f"),
    (("dr", "doctor", "prof", "professor"), ("Dr", "Prof"), None),
    (("mx", "rev", "revd", "reverend", "pastor", "rabbi", "imam", "hon"), ("Mx",), None),
    (("herr", "hr"), ("Herr",), "m"),
    (("frau", "fräulein"), ("Frau",), "f"),
    (("monsieur",), ("M",), "m"),
    (("mme", "mlle", "madame", "mademoiselle"), ("Mme", "Mlle"), "f"),
    (("sr", "señor", "senor", "don"), ("Sr",), "m"),
    (("sra", "srta", "señora", "señorita", "senora", "senorita", "doña"), ("Sra", "Srta"), "f"),
    (("dhr", "heer"), ("Dhr",), "m"),
    (("mevr", "mevrouw", "mw"), ("Mevr",), "f"),
    (("sig", "signor"), ("Sig",), "m"),
    (("sig.ra", "sigra", "signora", "sig.na", "signorina"), ("Sig.ra", "Sig.na"), "f"),
)
_NEVER_DOTTED = frozenset({"Miss", "Herr", "Frau"})
_TITLE_INDEX = {member: i for i, (members, _, _) in enumerate(_TITLE_GROUPS) for member in members}
# fmt: off
_NAME_SUFFIXES = frozenset(
    (
        "jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq", "dds", "dvm", "rn", "mba", "cpa", "obe", "mbe",
        "cbe", "kc", "qc", "jnr", "snr",
    )
)
# fmt: on
# fmt: off
_NAME_PARTICLES = frozenset(
    (
        "van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le", "dos", "das", "do", "bin",
        "binti", "ibn", "al", "el", "ter", "ten", "zu", "y", "e",
    )
)
# fmt: on
_INITIALS_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?|[^\W\d_]")
_INITIAL_LETTERS = "ABCDEFGHJKLMNPRSTW"
_TOKEN_EDGES_RE = re.compile(r"(\W*)(.*?)(\W*)", re.DOTALL)


class _NamePools:
    """Uniform name pools of a language family (sorted, so draws are deterministic)."""

    def __init__(self, female: list[str], male: list[str], first: list[str], last: list[str]) -> None:
        self.first = first
        self.last = last
        self.female = female or first
        self.male = male or first
        female_cf = {n.casefold() for n in female}
        male_cf = {n.casefold() for n in male}
        self.female_only = frozenset(female_cf - male_cf)
        self.male_only = frozenset(male_cf - female_cf)

    def firsts(self, gender: str | None) -> list[str]:
        if gender == "f":
            return self.female
        if gender == "m":
            return self.male
        return self.first

    def gender_of(self, token: str) -> str | None:
        t = token.casefold()
        if t in self.female_only:
            return "f"
        if t in self.male_only:
            return "m"
        return None


_NAME_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_POOL_CACHE: dict[str, _NamePools] = {}


def _names_of(value: object) -> list[str]:
    if isinstance(value, dict):
        value = list(value)
    if not isinstance(value, (list, tuple)):
        return []
    # Plain Title-case names only ("MacDonald", "Kang'ethe" are left out), so that a
    # capitalised name gets a capitalised stand-in; scripts without case are kept.
    return [
        v
        for v in value
        if isinstance(v, str)
        and len(v) >= 2
        and _NAME_RE.fullmatch(v)
        and (v.istitle() or not any(c.isupper() or c.islower() for c in v))
    ]


def family_pools(locale: str, faker: Faker) -> _NamePools:
    cached = _POOL_CACHE.get(locale)
    if cached is not None:
        return cached
    lang = locale.split("_")[0]
    family = (loc for loc in AVAILABLE_LOCALES if loc != locale and (loc == lang or loc.startswith(lang + "_")))
    locales = [locale] + sorted(family)
    female: set[str] = set()
    male: set[str] = set()
    first: set[str] = set()
    last: set[str] = set()
    for loc in locales:
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except (ImportError, AttributeError):
            continue
        female.update(_names_of(getattr(provider, "first_names_female", None)))
        male.update(_names_of(getattr(provider, "first_names_male", None)))
        first.update(_names_of(getattr(provider, "first_names", None)))
        last.update(_names_of(getattr(provider, "last_names", None)))
    first |= female | male
    # Surnames that are also given names ("Mark", "James") are left out: a surrogate
    # surname then never repeats a given name the text mentions on its own.
    given = {n.casefold() for n in first}
    surnames = {n for n in last if n.casefold() not in given}
    if len(surnames) >= len(last) // 2:
        last = surnames
    if not first or not last:  # a locale without name lists: sample its Faker methods once
        faker.seed_instance(0)
        first = first or {n for n in (faker.first_name() for _ in range(500)) if n}
        last = last or {n for n in (faker.last_name() for _ in range(500)) if n}
    pools = _NamePools(sorted(female), sorted(male), sorted(first), sorted(last))
    _POOL_CACHE[locale] = pools
    return pools


def ascii_pool(names: Iterable[str], min_len: int) -> list[str]:
    """Lower-case ASCII folds of ``names`` (accents dropped), at least ``min_len`` letters, sorted."""
    return sorted({a for a in (ascii_word(n) for n in names) if len(a) >= min_len})


class NameSurrogates(SurrogateBase):
    """Names and titles: a mixin of :class:`SurrogateFactory`."""

    _names: _NamePools
    _titles: dict[str, str]

    def _title_text(self, token: str) -> tuple[str, str | None]:
        """The surrogate title for ``token`` (keeps a trailing dot and the case) and its gender."""
        core = token.rstrip(".")
        member = core.casefold()
        group = _TITLE_INDEX.get(member)
        if group is None:
            out, gender = "Mx", None
        else:
            _, outputs, gender = _TITLE_GROUPS[group]
            out = self._titles.get(member)
            if out is None:
                if len(outputs) == 1:
                    out = outputs[0]
                else:

                    def rank(title: str) -> bytes:
                        return hmac.digest(self._key, b"TITLE\x1f" + title.casefold().encode(), "sha256")

                    shuffled = sorted(outputs, key=rank)
                    lowered = [o.casefold() for o in outputs]
                    if member in lowered:
                        out = shuffled[lowered.index(member)]
                    else:
                        out = outputs[rank(member)[0] % len(outputs)]
                self._titles[member] = out
        if token.endswith(".") and not out.endswith(".") and out not in _NEVER_DOTTED:
            out += "."
        return case_like(core, out) if core else out, gender

    def _title(self, original: str | None, rng: random.Random | None) -> str:
        if original is None:
            return pick(("Mr", "Mrs", "Ms", "Dr", "Miss"), rng) if rng else "Mx"
        stripped = original.strip()
        out, _ = self._title_text(stripped)
        lead = original[: len(original) - len(original.lstrip())]
        trail = original[len(original.rstrip()) :]
        return lead + out + trail

    def _initials(self, token: str, rng: random.Random) -> str:
        return "".join(case_like(ch, pick(_INITIAL_LETTERS, rng)) if ch.isalpha() else ch for ch in token)

    def _name_word(self, token: str, rng: random.Random, surname: bool, gender: str | None) -> str:
        if _INITIALS_RE.fullmatch(token):
            return self._initials(token, rng)
        lead, core, trail = _TOKEN_EDGES_RE.fullmatch(token).groups()
        if not core:
            return token
        if _INITIALS_RE.fullmatch(core):
            return lead + self._initials(core, rng) + trail
        pool = self._names.last if surname else self._names.firsts(gender)
        if "-" in core.strip("-"):
            parts = core.split("-")
            new = "-".join(case_like(p, pick(pool, rng)) if p else p for p in parts)
        else:
            new = case_like(core, pick(pool, rng))
        return lead + new + trail

    def _name_tokens(self, text: str, rng: random.Random, role: str, gender: str | None = None) -> str:
        """Replace the name tokens of ``text`` (role: "full", "last" or "given"), keeping the spacing."""
        pieces = re.split(r"(\s+)", text)
        tokens = [i for i in range(0, len(pieces), 2) if pieces[i]]
        if not tokens:
            return text
        out = list(pieces)
        start, end = 0, len(tokens)
        had_title = False
        if role == "full" and len(tokens) > 1:
            first = pieces[tokens[0]]
            core = first.rstrip(".").casefold()
            if len(core) >= 2 and core in _TITLE_INDEX:
                out[tokens[0]], title_gender = self._title_text(first)
                gender = gender or title_gender
                had_title = True
                start = 1
        while end - start > 1 and pieces[tokens[end - 1]].strip(".,").casefold() in _NAME_SUFFIXES:
            end -= 1
        names = []
        for j in range(start, end):
            tok = pieces[tokens[j]]
            if not any(c.isalpha() for c in tok):
                continue
            if j not in (start, end - 1) and tok.islower() and tok in _NAME_PARTICLES:
                continue
            names.append(tokens[j])
        if not names:
            return "".join(out)
        if gender is None and role != "last":
            first_given = pieces[names[0]]
            gender = self._names.gender_of(_TOKEN_EDGES_RE.fullmatch(first_given).group(2))
        surname_at = None
        if role == "last":
            surname_at = set(names)
        elif role == "full" and (len(names) > 1 or had_title):
            surname_at = {names[-1]}
        for idx in names:
            out[idx] = self._name_word(pieces[idx], rng, bool(surname_at and idx in surname_at), gender)
        return "".join(out)

    def _person(self, original: str | None, rng: random.Random) -> str:
        if original is None or not original.strip():
            return f"{pick(self._names.first, rng)} {pick(self._names.last, rng)}"
        text = original.strip()
        if text.count(",") == 1:
            head, tail = text.split(",")
            tail_tokens = tail.split()
            if (
                any(c.isalpha() for c in head)
                and tail_tokens
                and not all(t.strip(".").casefold() in _NAME_SUFFIXES for t in tail_tokens)
            ):
                gender = self._names.gender_of(tail_tokens[0].strip("."))
                return f"{self._name_tokens(head, rng, 'last')},{self._name_tokens(tail, rng, 'given', gender)}"
        return self._name_tokens(text, rng, "full")

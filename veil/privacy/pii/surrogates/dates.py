"""DATE_TIME and DATE_OF_BIRTH surrogates: dates moved by a keyed per-subject offset, in their own format."""

from __future__ import annotations

import hmac
import random
import re
from datetime import date, timedelta

from veil.privacy.pii.fingerprints import normalise
from veil.privacy.pii.surrogates.common import SurrogateBase, case_like, pick, rand_digits

DATE_TYPES = frozenset({"DATE_TIME", "DATE_OF_BIRTH", "DATE", "DOB"})
# All date types share one offset per subject, so that a person's birth date
# and event dates move together (age at an event is kept).
_DATE_FAMILY = b"DATE"
MDY_LOCALES = frozenset({"en", "en_US", "en_PH", "fil_PH"})

_MONTHS_FULL = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
}
_MONTHS_ABBR = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    "de": "Jan Feb Mär Apr Mai Jun Jul Aug Sep Okt Nov Dez",
    "fr": "janv févr mars avr mai juin juil août sept oct nov déc",
    "es": "ene feb mar abr may jun jul ago sep oct nov dic",
}
_MONTH_NAMES: dict[tuple[str, str], list[str]] = {}
_MONTH_LOOKUP: dict[str, list[tuple[str, str, int]]] = {}
for _style, _table in (("full", _MONTHS_FULL), ("abbr", _MONTHS_ABBR)):
    for _lang, _names in _table.items():
        _MONTH_NAMES[(_lang, _style)] = _names.split()
        for _i, _name in enumerate(_names.split()):
            _MONTH_LOOKUP.setdefault(_name.casefold(), []).append((_lang, _style, _i + 1))
_MONTH_LOOKUP.setdefault("sept", []).append(("en", "abbr", 9))
_WEEKDAYS = {
    "full": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "abbr": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
}
_WEEKDAY_LOOKUP = {n.casefold(): (style, i) for style, names in _WEEKDAYS.items() for i, n in enumerate(names)}
_WEEKDAY_LOOKUP.update({"tues": ("abbr", 1), "thur": ("abbr", 3), "thurs": ("abbr", 3)})
# fmt: off
_RELATIVE_DATES = (
    "yesterday", "last week", "last month", "two days ago", "earlier this year", "recently", "last year",
    "this morning", "a few weeks ago", "three days ago",
)
# fmt: on

_TAIL = (
    r"(?P<tail>(?:(?:T|\s+|,\s*|\s+at\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT))?)?)"
)
_ORD = r"(?P<ord>st|nd|rd|th|ST|ND|RD|TH|\.)?"
_RE_YMD = re.compile(r"(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})" + _TAIL + r"$")
_RE_YMD_COMPACT = re.compile(r"(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)" + _TAIL + r"$")
_RE_NUM = re.compile(r"(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})" + _TAIL + r"$")
_RE_D_MON_Y = re.compile(
    r"(?P<d>\d{1,2})" + _ORD + r"(?P<s1>\s+(?:of|de)\s+|\s*[-/]\s*|\s+)(?P<mon>[^\W\d_]+)(?P<mdot>\.)?"
    r"(?:(?P<s2>\s+de\s+|,\s*|\s*[-/]\s*|\s+)(?P<y>\d{4}|\d{2}))?" + _TAIL + r"$"
)
_RE_MON_D_Y = re.compile(
    r"(?P<mon>[^\W\d_]+)(?P<mdot>\.)?(?P<s1>\s+|\s*[-/]\s*)(?P<d>\d{1,2})(?P<ord>st|nd|rd|th|ST|ND|RD|TH)?"
    r"(?:(?P<s2>,\s*|\s+|\s*[-/]\s*)(?P<y>\d{4}))?" + _TAIL + r"$"
)
_RE_MON_Y = re.compile(r"(?P<mon>[^\W\d_]+)(?P<mdot>\.)?(?P<s1>,?\s+|\s*[-/]\s*)(?P<y>\d{4})$")
_RE_M_Y = re.compile(r"(?P<m>\d{1,2})(?P<s>[-/.])(?P<y>\d{4})$")
_RE_Y_M = re.compile(r"(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})$")
_RE_YEAR = re.compile(r"(?P<y>1[6-9]\d{2}|20\d{2})$")
_RE_TIME = re.compile(r"(?P<h>\d{1,2})(?P<s>[:h.])(?P<mi>\d{2})(?::(?P<sec>\d{2}))?(?P<ampm>\s*[AaPp]\.?[Mm]\.?)?$")
_RE_WEEKDAY = re.compile(r"(?P<wd>[^\W\d_]+)(?P<wdot>\.)?(?P<ws>,?\s+)(?P<rest>\S.*)$", re.DOTALL)


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _pad(n: int, pad: bool) -> str:
    return f"{n:02d}" if pad else str(n)


def _year_text(y: int, template: str) -> str:
    return f"{y % 100:02d}" if len(template) == 2 else f"{y:04d}"


def _parse_year(text: str) -> int:
    if len(text) == 2:
        yy = int(text)  # the POSIX/strptime pivot: 69-99 -> 19xx, 00-68 -> 20xx
        return 2000 + yy if yy < 69 else 1900 + yy
    return int(text)


def _valid_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


class DateSurrogates(SurrogateBase):
    """Dates, times and date words: a mixin of :class:`SurrogateFactory`."""

    _lang: str
    _mdy: bool
    _offsets: dict[str | None, int]

    def _date_offset(self, subject: str | None) -> int:
        days = self._offsets.get(subject)
        if days is None:
            msg = _DATE_FAMILY + b"-offset" + (b"\x1f" + subject.encode("utf-8") if subject is not None else b"")
            seed = hmac.digest(self._key, msg, "sha256")
            days = int.from_bytes(seed[:4], "big") % 365 + 1  # 1..365
            days = days if seed[4] % 2 else -days
            self._offsets[subject] = days
        return days

    def _date(self, original: str | None, rng: random.Random, subject: str | None, counter: int) -> tuple[str, bool]:
        """``(surrogate, shifted)``; ``shifted`` when it is the original moved by the subject's offset."""
        if original is None:
            base = date(1990, 1, 1) + timedelta(days=rng.randrange(365 * 30))
            return base.isoformat(), False
        offset = self._date_offset(subject)
        if counter:  # a rejected shifted date: nudge it by +-1, +-2, ... days
            step = (counter + 1) // 2 * (1 if counter % 2 else -1)
            offset = offset + step if offset + step != 0 else offset + 2 * step
        core = original.strip()
        lead = original[: len(original) - len(original.lstrip())]
        trail = original[len(original.rstrip()) :]
        shifted = self._shift_text(core, offset)
        if shifted is not None:
            return lead + shifted + trail, True
        return lead + self._date_words(core, rng, offset) + trail, False

    def _month_entry(self, token: str) -> tuple[str, str, int] | None:
        entries = _MONTH_LOOKUP.get(token.casefold())
        if not entries:
            return None
        for entry in entries:
            if entry[0] == self._lang:
                return entry
        return entries[0]

    @staticmethod
    def _month_text(entry: tuple[str, str, int], month: int, template: str) -> str:
        lang, style, _ = entry
        return case_like(template, _MONTH_NAMES[(lang, style)][month - 1])

    def _shift_text(self, text: str, offset: int) -> str | None:
        """``text`` (a date in one of many formats) moved by ``offset`` days, in the same format."""
        m = _RE_WEEKDAY.match(text)
        if m and m.group("wd").casefold() in _WEEKDAY_LOOKUP:
            inner = self._shift_text(m.group("rest"), offset)
            if inner is None:
                return None
            parsed = self._parse_date(m.group("rest"))
            if parsed is None:
                return None
            style = _WEEKDAY_LOOKUP[m.group("wd").casefold()][0]
            new_day = (parsed + timedelta(days=offset)).weekday()
            wd = case_like(m.group("wd"), _WEEKDAYS[style][new_day])
            return wd + (m.group("wdot") or "") + m.group("ws") + inner
        try:
            return self._shift_plain(text, offset)
        except (OverflowError, ValueError):
            return None

    def _parse_date(self, text: str) -> date | None:
        m = _RE_YMD.match(text)
        if m:
            return _valid_date(int(m["y"]), int(m["m"]), int(m["d"]))
        m = _RE_NUM.match(text)
        if m:
            day_first = self._day_first(m)
            a, b = int(m["a"]), int(m["b"])
            d, mo = (a, b) if day_first else (b, a)
            return _valid_date(_parse_year(m["y"]), mo, d)
        for rx in (_RE_D_MON_Y, _RE_MON_D_Y):
            m = rx.match(text)
            if m and m["y"] and self._month_entry(m["mon"]):
                return _valid_date(_parse_year(m["y"]), self._month_entry(m["mon"])[2], int(m["d"]))
        return None

    def _day_first(self, m: re.Match[str]) -> bool:
        a, b = int(m["a"]), int(m["b"])
        if m["s"] == ".":
            return True
        if a > 12 >= b:
            return True
        if b > 12 >= a:
            return False
        return not self._mdy  # ambiguous: the locale's convention

    def _shift_plain(self, text: str, offset: int) -> str | None:
        delta = timedelta(days=offset)
        m = _RE_YMD.match(text) or _RE_YMD_COMPACT.match(text)
        if m:
            d = _valid_date(int(m["y"]), int(m["m"]), int(m["d"]))
            if d is None:
                return None
            new = d + delta
            sep = m.groupdict().get("s") or ""
            pad = sep == "" or len(m["m"]) == 2 and len(m["d"]) == 2
            return f"{new.year:04d}{sep}{_pad(new.month, pad)}{sep}{_pad(new.day, pad)}{m['tail']}"
        m = _RE_NUM.match(text)
        if m:
            day_first = self._day_first(m)
            a, b = int(m["a"]), int(m["b"])
            d, mo = (a, b) if day_first else (b, a)
            parsed = _valid_date(_parse_year(m["y"]), mo, d)
            if parsed is None:
                return None
            new = parsed + delta
            pad = len(m["a"]) == 2 and len(m["b"]) == 2
            first, second = (new.day, new.month) if day_first else (new.month, new.day)
            s = m["s"]
            return f"{_pad(first, pad)}{s}{_pad(second, pad)}{s}{_year_text(new.year, m['y'])}{m['tail']}"
        m = _RE_D_MON_Y.match(text)
        if m and self._month_entry(m["mon"]):
            entry = self._month_entry(m["mon"])
            year = _parse_year(m["y"]) if m["y"] else 2000
            parsed = _valid_date(year, entry[2], int(m["d"]))
            if parsed is None:
                return None
            new = parsed + delta
            day = _pad(new.day, m["d"].startswith("0"))
            ordinal = m["ord"] or ""
            if ordinal and ordinal != ".":
                ordinal = case_like(ordinal, _ordinal(new.day))
            out = f"{day}{ordinal}{m['s1']}{self._month_text(entry, new.month, m['mon'])}{m['mdot'] or ''}"
            if m["y"]:
                out += f"{m['s2']}{_year_text(new.year, m['y'])}"
            return out + m["tail"]
        m = _RE_MON_D_Y.match(text)
        if m and self._month_entry(m["mon"]):
            entry = self._month_entry(m["mon"])
            year = int(m["y"]) if m["y"] else 2000
            parsed = _valid_date(year, entry[2], int(m["d"]))
            if parsed is None:
                return None
            new = parsed + delta
            ordinal = case_like(m["ord"], _ordinal(new.day)) if m["ord"] else ""
            out = (
                f"{self._month_text(entry, new.month, m['mon'])}{m['mdot'] or ''}{m['s1']}"
                f"{_pad(new.day, m['d'].startswith('0'))}{ordinal}"
            )
            if m["y"]:
                out += f"{m['s2']}{new.year:04d}"
            return out + m["tail"]
        m = _RE_MON_Y.match(text)
        if m and self._month_entry(m["mon"]):
            entry = self._month_entry(m["mon"])
            y, mo = self._shift_month(int(m["y"]), entry[2], offset)
            return f"{self._month_text(entry, mo, m['mon'])}{m['mdot'] or ''}{m['s1']}{y:04d}"
        m = _RE_M_Y.match(text)
        if m and 1 <= int(m["m"]) <= 12:
            y, mo = self._shift_month(int(m["y"]), int(m["m"]), offset)
            return f"{_pad(mo, len(m['m']) == 2)}{m['s']}{y:04d}"
        m = _RE_Y_M.match(text)
        if m and 1 <= int(m["m"]) <= 12:
            y, mo = self._shift_month(int(m["y"]), int(m["m"]), offset)
            return f"{y:04d}{m['s']}{_pad(mo, len(m['m']) == 2)}"
        m = _RE_YEAR.match(text)
        if m:
            years = round(offset / 365.25) or (1 if offset > 0 else -1)
            return str(int(m["y"]) + years)
        return None

    @staticmethod
    def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
        new = date(year, month, 15) + timedelta(days=offset)
        if (new.year, new.month) == (year, month):  # a month-only date must still move
            step = 1 if offset > 0 else -1
            total = year * 12 + month - 1 + step
            return total // 12, total % 12 + 1
        return new.year, new.month

    def _date_words(self, text: str, rng: random.Random, offset: int) -> str:
        """Dates that are not calendar dates: times, month/weekday names, relative phrases."""
        m = _RE_TIME.fullmatch(text)
        if m:
            twelve = bool(m["ampm"])
            hour = rng.randrange(1, 13) if twelve else rng.randrange(24)
            out = f"{_pad(hour, len(m['h']) == 2)}{m['s']}{rng.randrange(60):02d}"
            if m["sec"]:
                out += f":{rng.randrange(60):02d}"
            return out + (m["ampm"] or "")
        months = (offset // 30) % 12 or 1
        days = offset % 7 or 1
        years = round(offset / 365.25) or (1 if offset > 0 else -1)

        def word(w: re.Match[str]) -> str:
            token = w.group(0)
            if re.fullmatch(r"1[6-9]\d0s|20\d0s", token):  # a decade: "the 1990s"
                return f"{int(token[:4]) + 10 * (1 if offset > 0 else -1)}s"
            if token.isdigit():
                if len(token) == 4 and 1600 <= int(token) <= 2099:
                    return str(int(token) + years)
                if len(token) <= 2:  # a day or month that did not parse: keep it plausible
                    return _pad(rng.randrange(1, 13 if int(token) <= 12 else 29), len(token) == 2)
                return rand_digits(rng, len(token), nonzero_first=token[0] != "0")
            entry = self._month_entry(token)
            if entry is not None:
                return self._month_text(entry, (entry[2] - 1 + months) % 12 + 1, token)
            wd = _WEEKDAY_LOOKUP.get(token.casefold())
            if wd is not None:
                return case_like(token, _WEEKDAYS[wd[0]][(wd[1] + days) % 7])
            return token

        out = re.sub(r"\d{4}s\b|[^\W\d_]+|\d+", word, text)
        if normalise(out) == normalise(text):
            out = case_like(text, pick(_RELATIVE_DATES, rng))
        return out

"""EMAIL_ADDRESS, PHONE_NUMBER, URL, DOMAIN_NAME and IP_ADDRESS surrogates."""

from __future__ import annotations

import random
import re

from veil.privacy.pii.checksums import ASCII_DIGITS
from veil.privacy.pii.surrogates.common import (
    UPPER,
    SurrogateBase,
    ascii_word,
    case_like,
    match_case,
    pick,
    rand_digits,
)

_CC_ONE = frozenset({"1", "7"})
# fmt: off
_CC_TWO = frozenset(
    (
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
        "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84",
        "86", "90", "91", "92", "93", "94", "95", "98",
    )
)
# fmt: on
NANP_LOCALES = frozenset({"en", "en_US", "en_CA", "en_PH", "fil_PH", "es_US"})

# fmt: off
FREE_MAIL = frozenset(
    (
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "yahoo.es", "yahoo.it",
        "ymail.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr", "hotmail.de", "hotmail.es", "hotmail.it",
        "outlook.com", "outlook.fr", "outlook.de", "live.com", "live.co.uk", "live.fr", "msn.com", "aol.com",
        "aol.de", "icloud.com", "me.com", "mac.com", "protonmail.com", "proton.me", "pm.me", "gmx.de", "gmx.net",
        "gmx.com", "web.de", "t-online.de", "mail.ru", "yandex.ru", "qq.com", "163.com", "126.com", "orange.fr",
        "free.fr", "laposte.net", "sfr.fr", "wanadoo.fr", "libero.it", "virgilio.it", "tiscali.it", "ziggo.nl",
        "kpnmail.nl", "btinternet.com", "sky.com", "virginmedia.com", "comcast.net", "verizon.net", "att.net",
        "sbcglobal.net", "rediffmail.com", "zoho.com", "fastmail.com",
    )
)
# fmt: on
_SECOND_LEVEL = frozenset(["co", "com", "org", "net", "gov", "ac", "edu", "ltd", "plc", "sch", "nhs", "gob", "gouv"])
# fmt: off
_KEEP_SUBDOMAINS = frozenset([
    "www", "www2", "m", "mail", "email", "mx", "smtp", "app", "api", "blog", "shop", "store", "en", "de", "fr",
    "es", "it", "nl",
])
# fmt: on
_URL_RE = re.compile(
    r"^(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)?(?P<user>[^@/\s]+@)?(?P<host>[^/:?#\s]+)(?P<port>:\d+)?"
    r"(?P<path>/[^?#]*)?(?P<query>\?[^#]*)?(?P<frag>#.*)?$"
)
_IPV4_RE = re.compile(r"^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})((?:/\d{1,2}|:\d{1,5})?)$")
_PUBLIC_FIRST_OCTETS = tuple(o for o in range(11, 224) if o not in (100, 127, 169, 172, 192, 198, 203))

# fmt: off
_URL_KEEP = frozenset([
    "html", "htm", "php", "asp", "aspx", "jsp", "pdf", "jpg", "jpeg", "png", "gif", "svg", "css", "js", "json",
    "xml", "txt", "www",
])
# fmt: on


class ContactSurrogates(SurrogateBase):
    """E-mail, phone and web surrogates: a mixin of :class:`SurrogateFactory`."""

    _domains: list[str]
    _free_domains: frozenset[str]
    _words: list[str]
    _ascii_firsts: list[str]
    _ascii_lasts: list[str]
    _nanp: bool

    # ================================================================ email
    def _email_name(self, rng: random.Random, surname: bool) -> str:
        return pick(self._ascii_lasts if surname else self._ascii_firsts, rng)

    def _email_domain(self, domain: str, rng: random.Random) -> str:
        d = domain.casefold()
        if d in self._free_domains or "." not in d:
            return pick(self._domains, rng)
        labels = d.split(".")
        n_suffix = 2 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 1
        suffix, rest = labels[-n_suffix:], labels[:-n_suffix]
        registrable = pick(self._ascii_lasts, rng)
        if rng.random() < 0.3:
            registrable += "-" + pick(self._ascii_lasts, rng)
        subs = [s if s in _KEEP_SUBDOMAINS else ascii_word(pick(self._words, rng)) or "mail" for s in rest[:-1]]
        return ".".join([*subs, registrable, *suffix])

    def _email(self, original: str | None, rng: random.Random) -> str:
        if original is None or "@" not in original:
            first, last = self._email_name(rng, False), self._email_name(rng, True)
            style = rng.randrange(4)
            local = {0: f"{first}.{last}", 1: f"{first}{last}", 2: f"{first[0]}{last}", 3: f"{first}_{last}"}[style]
            if rng.random() < 0.6:
                local += str(rng.randrange(1, 100))
            return f"{local}@{pick(self._domains, rng)}"
        local, _, domain = original.strip().rpartition("@")
        tag = ""
        if "+" in local:
            local, tag_text = local.split("+", 1)
            tag = "+" + self._shape_like(tag_text, rng)
        m = re.fullmatch(r"(.*?)(\d*)", local, re.DOTALL)
        stem, digits = m.group(1), m.group(2)
        parts = re.split(r"([._-]+)", stem)
        alpha = [i for i in range(0, len(parts), 2) if parts[i]]
        if not alpha:
            new_stem = stem
            if not digits:
                new_stem = self._email_name(rng, False)
        elif len(alpha) == 1:
            p = parts[alpha[0]]
            first, last = self._email_name(rng, False), self._email_name(rng, True)
            if len(p) <= 2:
                word = "".join(pick(UPPER, rng).lower() for _ in p)
            else:
                word = {0: first + last, 1: first[0] + last, 2: first}[rng.randrange(3)]
            parts[alpha[0]] = word
            new_stem = "".join(parts)
        else:
            for k, i in enumerate(alpha):
                p = parts[i]
                if len(p) == 1:
                    parts[i] = pick(UPPER, rng).lower()
                else:
                    parts[i] = self._email_name(rng, k == len(alpha) - 1)
            new_stem = "".join(parts)
        new_digits = rand_digits(rng, len(digits), nonzero_first=bool(digits) and digits[0] != "0")
        new_local = match_case(local, new_stem + new_digits) + tag
        return f"{new_local}@{match_case(domain, self._email_domain(domain, rng))}"

    # ================================================================ phone
    @staticmethod
    def _cc_length(digits: str, first_group: int) -> int:
        if 1 <= first_group <= 3:
            return first_group
        if digits[:1] in _CC_ONE:
            return 1
        if digits[:2] in _CC_TWO:
            return 2
        return 3

    def _phone(self, original: str | None, rng: random.Random) -> str:
        if original is None:
            return self._seeded_faker(rng).phone_number()
        positions = [i for i, ch in enumerate(original) if ch in ASCII_DIGITS]
        if not positions:
            return self._shape_like(original, rng)
        digits = "".join(original[i] for i in positions)
        n = len(digits)
        stripped = original.lstrip()
        keep = 0  # leading digits kept as they are (+CC, 00CC, trunk 0)
        national = 0  # index of the first national digit
        cc = ""
        if stripped.startswith("+") or (stripped.startswith("00") and n > 6):
            intl = 1 if stripped.startswith("+") else 2
            start = positions[0] if intl == 1 else positions[2]
            group = 0
            while start + group < len(original) and original[start + group] in ASCII_DIGITS:
                group += 1
            offset = 0 if intl == 1 else 2
            cc_len = self._cc_length(digits[offset:], group if intl == 1 else 0)
            cc = digits[offset : offset + cc_len]
            keep = national = offset + cc_len
            if national < n and digits[national] == "0":  # "+44 (0)20 ...": the trunk zero stays
                keep = national = national + 1
        elif digits[0] == "0":
            keep = national = 1
        elif digits[0] == "1" and n == 11 and self._nanp:
            keep = national = 1
            cc = "1"
        elif n == 10 and self._nanp:
            cc = "1"
        nanp = cc == "1" and n - national == 10
        out = list(digits)
        if not nanp and keep and national < n - 1:
            keep = national + 1  # the first national digit says mobile or geographic: keep it
        for i in range(keep, n):
            out[i] = str(rng.randrange(10))
        if nanp:
            out[national] = str(rng.randrange(2, 10))
            out[national + 1] = str(rng.randrange(9))
            out[national + 3] = str(rng.randrange(2, 10))
            if out[national + 1] == "1" and out[national + 2] == "1":
                out[national + 2] = str(rng.randrange(2, 10))
        elif keep < n and keep == national:
            out[keep] = str(rng.randrange(1, 10))
        chars = list(original)
        for pos, d in zip(positions, out):
            chars[pos] = d
        return "".join(chars)

    # ============================================================ web
    def _url(self, original: str | None, rng: random.Random) -> str:
        if original is None:
            fake = self._seeded_faker(rng)
            return f"https://{fake.domain_name()}/{fake.uri_path()}"
        text = original.strip()
        m = _URL_RE.match(text)
        if not m or "." not in m.group("host"):
            return self._shape_like(original, rng)
        host = m.group("host")
        if _IPV4_RE.match(host):
            new_host = self._ip(host, rng)
        else:
            new_host = self._email_domain(host, rng)
            if host.casefold() in self._free_domains:  # a web host is not a mail provider
                new_host = self._email_domain("x." + host.split(".")[-1], rng)
        out = [
            m.group("scheme") or "",
            self._shape_like(m.group("user"), rng) if m.group("user") else "",
            match_case(host, new_host),
            m.group("port") or "",
        ]
        path = m.group("path")
        if path:
            out.append(re.sub(r"[^\W\d_]+|\d+", lambda w: self._url_word(w.group(0), rng), path))
        query = m.group("query")
        if query:
            out.append(re.sub(r"=([^&;]*)", lambda v: "=" + self._shape_like(v.group(1), rng), query))
        if m.group("frag"):
            out.append(self._shape_like(m.group("frag"), rng))
        return "".join(out)

    def _domain(self, original: str | None, rng: random.Random) -> str:
        """A host name with a made-up registrable part and the original's public suffix."""
        if original is None or "." not in original:
            return pick(self._domains, rng)
        host = original.strip()
        return match_case(host, self._email_domain("x." + host if host.casefold() in self._free_domains else host, rng))

    def _url_word(self, word: str, rng: random.Random) -> str:
        if word.isdigit():
            return rand_digits(rng, len(word), nonzero_first=word[0] != "0")
        if word.casefold() in _URL_KEEP:
            return word
        return case_like(word, ascii_word(pick(self._words, rng)) or "page")

    def _ip(self, original: str | None, rng: random.Random) -> str:
        text = (original or "").strip()
        if ":" in text and not _IPV4_RE.match(text):

            def group(g: str) -> str:
                if not g:
                    return g
                if "." in g:
                    return self._ip(g, rng)
                new = "".join(pick("0123456789abcdef", rng) for _ in g)
                if len(g) > 1 and new[0] == "0":
                    new = pick("123456789abcdef", rng) + new[1:]
                return new.upper() if g.isupper() else new

            return ":".join(group(g) for g in text.split(":"))
        m = _IPV4_RE.match(text)
        suffix = m.group(5) if m else ""
        a, b = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
        last = rng.randrange(1, 255)
        if a == 10:
            return f"10.{rng.randrange(256)}.{rng.randrange(256)}.{last}{suffix}"
        if a == 172 and 16 <= b <= 31:
            return f"172.{rng.randrange(16, 32)}.{rng.randrange(256)}.{last}{suffix}"
        if a == 192 and b == 168:
            return f"192.168.{rng.randrange(256)}.{last}{suffix}"
        if a == 127:
            return f"127.{rng.randrange(256)}.{rng.randrange(256)}.{last}{suffix}"
        first = pick(_PUBLIC_FIRST_OCTETS, rng)
        return f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{last}{suffix}"

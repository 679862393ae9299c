"""The web: host names written bare in text ("see nowak-dental.pl", "mail.granli-bygg.no").

URLs with a scheme, "www." or a path, and e-mail addresses, are Presidio's own
recognizers. A bare host counts when its public suffix is real (the public
suffix list bundled with ``tldextract``, read offline: no fetch ever) and it
has a registrable name under it. Left out: file names whose extension is also a
country code ("main.py", "README.md"), abbreviations ("e.g"), and the
well-known public services ("gmail.com", "linkedin.com"), which identify no one.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import UrlRecognizer

from veil.privacy.pii.recognizers.cues import make_result

HOST_CANDIDATE = regex.compile(
    r"(?<![\w@./:\-])((?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(?![\w@\-/]|\.[a-z0-9])",
    regex.IGNORECASE,
)
#: Suffixes that are far more often file extensions than hosts in running text.
# fmt: off
FILE_SUFFIXES = frozenset({"py", "md", "sh", "rs", "so", "ps", "pm", "ml", "mk", "zip", "mov", "exe", "bat", "cfg",
                           "ini", "log", "csv", "txt", "json", "yaml", "yml", "xml", "html", "htm", "pdf", "doc",
                           "docx", "xls", "xlsx", "png", "jpg", "gif", "tar", "gz", "java", "php", "rb"})
# fmt: on
#: Public services named in text: they identify nobody.
# fmt: off
PUBLIC_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "msn.com", "icloud.com",
    "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "t-online.de", "orange.fr",
    "free.fr", "laposte.net", "libero.it", "virgilio.it", "wp.pl", "onet.pl", "interia.pl", "seznam.cz",
    "centrum.cz", "freemail.hu", "citromail.hu", "mail.dk", "online.no", "telia.com", "sapo.pt", "uol.com.br",
    "google.com", "facebook.com", "instagram.com", "linkedin.com", "twitter.com", "x.com", "github.com",
    "gitlab.com", "youtube.com", "wikipedia.org", "amazon.com", "microsoft.com", "apple.com", "example.com",
    "example.org", "example.net", "zoom.us", "whatsapp.com", "paypal.com", "dropbox.com", "slack.com",
})
# fmt: on
PRESCAN = r"(?i)[a-z0-9]\.[a-z]{2}"


@lru_cache(maxsize=1)
def _extractor():
    import tldextract

    # The bundled snapshot only: no suffix-list URLs (so no fetch) and no disk cache.
    return tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)


@lru_cache(maxsize=4096)
def is_bare_host(host: str) -> bool:
    """Whether ``host`` is a host name worth scrubbing (known suffix, registrable name, not a file or service)."""
    if host.lower().startswith("www."):
        return False  # Presidio's URL recognizer
    suffix_letters = host.rsplit(".", 1)[-1]
    if not (suffix_letters.islower() or host.isupper()):
        return False  # "end.Then", "home.Office": sentences run together, not hosts
    parts = _extractor()(host.lower())
    if not parts.suffix or not parts.domain or len(parts.domain) < 2 or parts.suffix in FILE_SUFFIXES:
        return False
    if parts.domain.isdigit():
        return False
    return f"{parts.domain}.{parts.suffix}" not in PUBLIC_DOMAINS


class DomainNameRecognizer(EntityRecognizer):
    """Bare host names (``DOMAIN_NAME``), checked against the public suffix list."""

    prescan = PRESCAN

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entities=["DOMAIN_NAME"],
            name="VeilDomainNameRecognizer",
            supported_language=supported_language,
            context=[],
        )

    def load(self) -> None:
        """Build what the first analysis would otherwise build (so it is not timed as analysis)."""
        _extractor()  # the suffix list, read once when the engine is built

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """``DOMAIN_NAME`` spans of ``text``."""
        if entities and "DOMAIN_NAME" not in entities:
            return []
        results = []
        for match in HOST_CANDIDATE.finditer(text):
            if is_bare_host(match.group(1)):
                results.append(make_result("DOMAIN_NAME", match.start(1), match.end(1), 0.6, self))
        return results


class VeilUrlRecognizer(UrlRecognizer):
    """Presidio's URL recognizer without its bare-host false positives.

    A match with no scheme and no "www." is a URL only when it would pass as a bare host
    (:func:`is_bare_host`): file names ("main.py", "README.md"), well-known public services
    ("gmail.com") and a sentence run together ("the end.Then") are dropped.
    """

    # Necessary for any match (a scheme, "www." or a dot before letters); the TLD alternation is slow.
    prescan = r"://|www\.|\w\.[A-Za-z]{2,}"

    def validate_result(self, pattern_text: str) -> bool | None:  # noqa: D102
        text = pattern_text.strip("\"'")
        lowered = text.casefold()
        if "://" in lowered or lowered.startswith("www"):
            return None
        host = text.split("/", 1)[0]
        suffix = host.rsplit(".", 1)[-1]
        if not (suffix.islower() or suffix.isupper()):
            return False
        return None if is_bare_host(host.casefold()) or "/" in text else False


def recognizers(language: str = "en") -> list[EntityRecognizer]:
    """This module's recognizers, as the default recognizer set registers them."""
    return [DomainNameRecognizer(supported_language=language), VeilUrlRecognizer(supported_language=language)]


__all__ = [
    "FILE_SUFFIXES",
    "PUBLIC_DOMAINS",
    "DomainNameRecognizer",
    "VeilUrlRecognizer",
    "is_bare_host",
    "recognizers",
]

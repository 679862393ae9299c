"""What the name recognizers know about a word: lexicon hits and shape, per token, cached.

The recognizers of people (:mod:`.person`), of titles (:mod:`.titles`) and
spaCy's re-scored entities (:mod:`.spacy_entities`) read the same evidence:
Faker's given and family names of many locales, common and dictionary words,
job words and name particles (:mod:`.lexicons`), and the greetings that
introduce a name.
"""

from __future__ import annotations

import regex as re

from veil.privacy.pii.recognizers.lexicons import (
    NAME_PARTICLES,
    common_words,
    english_words,
    first_names,
    job_words,
    last_names,
)

#: Presidio compiles patterns with IGNORECASE by default; these rules depend on capitals.
CASE_SENSITIVE = re.DOTALL | re.MULTILINE
_WORD_RE = re.compile(r"^[^\W\d_]+(?:['’\-][^\W\d_]+)*$")
_INITIAL_RE = re.compile(r"^[A-Z]\.?$")
#: Words right before a lone given name that is also a common word ("Hi Will", "Thanks, Mark").
# fmt: off
GREETINGS = frozenset({"hi", "hello", "hey", "dear", "thanks", "cheers", "regards", "attn", "cc", "dearest", "ciao",
                        "hola", "hallo", "hej", "bonjour", "olá", "ola", "cześć", "moi", "szia", "ahoj"})
# fmt: on


class Token:
    """What the name rules need to know about one token."""

    # fmt: off
    __slots__ = ("text", "start", "end", "fold", "word", "initial", "cap", "first", "last", "common", "english",
                 "wordy", "particle", "job")
    # fmt: on

    def __init__(self, text: str, start: int, lex: NameLexicons) -> None:
        self.text, self.start, self.end = text, start, start + len(text)
        (
            self.fold,
            self.word,
            self.initial,
            self.cap,
            self.first,
            self.last,
            self.common,
            self.wordy,
            self.english,
            self.particle,
            self.job,
        ) = lex.word_info(text)

    @property
    def namey(self) -> bool:
        return self.first or self.last

    @property
    def acronym(self) -> bool:
        return self.text.isupper() and len(self.text) <= 3

    @property
    def plain(self) -> bool:
        """A word that is no evidence of a name by itself: a common or dictionary word, or an acronym."""
        return self.common or self.english or self.job or (self.acronym and not self.namey)


class NameLexicons:
    """The word lists, built once per recognizer."""

    def __init__(self) -> None:
        self.first, self.last, self.common, self.english = first_names(), last_names(), common_words(), english_words()
        self.jobs = job_words()
        self.non_nouns = english_words(nouns=False)
        self._info: dict[str, tuple] = {}

    def word_info(self, text: str) -> tuple:
        """The per-word facts of :class:`Token`, cached: texts repeat their words."""
        info = self._info.get(text)
        if info is None:
            fold = text.casefold()
            word = bool(_WORD_RE.match(text))
            cap = text[:1].isupper()
            first = word and fold in self.first
            last = word and fold in self.last
            # A verb, adjective or adverb ("Roll", "Dock", "Grant") is weak evidence of a name.
            wordy = word and fold in self.non_nouns
            info = (
                fold,
                word,
                bool(_INITIAL_RE.match(text)),
                cap,
                first,
                last,
                fold in self.common,
                wordy,
                wordy and not (first or last),
                fold in NAME_PARTICLES and not cap,
                fold in self.jobs and not first,
            )
            if len(self._info) < 200_000:
                self._info[text] = info
        return info

    def is_english(self, fold: str) -> bool:
        if fold in self.english:
            return True
        # Plurals and inflections: "returns", "interests", "updated".
        for suffix, cut in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
            if fold.endswith(suffix) and len(fold) > len(suffix) + 2 and fold[: -len(suffix)] + cut in self.english:
                return True
        return False


__all__ = ["CASE_SENSITIVE", "GREETINGS", "NameLexicons", "Token"]

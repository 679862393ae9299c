"""People, titles and organisations: NER combined with lexicons and context.

The small spaCy model misses many names (lower-case, foreign, initials) and
tags ordinary capitalised words ("Premium", "Ideal") as people. These
recognizers add lexicon evidence (Faker's given and family names of many
locales), title cues and company-suffix patterns, and re-score spaCy's own
entities with the same evidence, all inside Presidio's registry so its
context enhancement still applies. They live in modules of their own:

* spaCy's entities, re-scored (:mod:`.spacy_entities`);
* people from token shape, lexicons and "Last, First" forms (:mod:`.person`), reading
  the per-word evidence of :mod:`.name_words`;
* titles before a name (:mod:`.titles`);
* organisations from their shape, kind words, legal forms and cues, and partnerships
  listed by name (:mod:`.organizations`).
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from veil.privacy.pii.recognizers.organizations import OrganizationRecognizer, organization_recognizer
from veil.privacy.pii.recognizers.person import LastFirstRecognizer, PersonLexiconRecognizer
from veil.privacy.pii.recognizers.spacy_entities import VeilSpacyRecognizer
from veil.privacy.pii.recognizers.titles import title_recognizer


def recognizers(language: str = "en") -> list[EntityRecognizer]:
    """This family's recognizers, as the default recognizer set registers them."""
    return [
        VeilSpacyRecognizer(supported_language=language),
        PersonLexiconRecognizer(supported_language=language),
        LastFirstRecognizer(supported_language=language),
        title_recognizer(language),
        organization_recognizer(language),
        OrganizationRecognizer(supported_language=language),
    ]


__all__ = ["recognizers"]

"""Scan samples fail closed: what the detector missed is shown as a shape, not as a value."""

from __future__ import annotations

from veil.privacy.pii.masking import mask_unsure, masked_sample, shape
from veil.privacy.pii.types import Span


def test_shape() -> None:
    assert shape("Kowalski") == "Xxxxxxxx" and shape("(555) 010-2030") == "(999) 999-9999"


def test_unsure_words_become_shapes_and_common_words_stay() -> None:
    text = "Zbigniew called from Gdynia about order 48213; all good."
    assert mask_unsure(text) == "Xxxxxxxx called from Xxxxxx about order 99999; all good."


def test_detected_spans_become_entity_types() -> None:
    text = "Spoke with Ann Lee on 555-0100."
    spans = [Span(11, 18, "PERSON", 0.9)]
    assert masked_sample(text, spans) == "Xxxxx with <PERSON> on 999-9999."

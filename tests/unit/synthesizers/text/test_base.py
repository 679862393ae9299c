from __future__ import annotations

import pandas as pd
import pytest

from veil.synthesizers.errors import InvalidConfigError, NotFittedError, UnknownSynthesizerError
from veil.synthesizers.text import TextSynthesizer, available_text_synthesizers, create_text_synthesizer
from veil.synthesizers.text.templates import SlotColumns, extract_template, fill_template, template_slots


def test_registry():
    assert available_text_synthesizers() == ["dp_private_evolution", "llm_rewrite", "surrogate"]
    with pytest.raises(UnknownSynthesizerError) as info:
        create_text_synthesizer("nope")
    assert info.value.violations[0][0] == "config.text_model"
    assert "surrogate" in str(info.value)


def test_llm_engines_need_an_endpoint():
    with pytest.raises(InvalidConfigError) as info:
        create_text_synthesizer("llm_rewrite")
    assert info.value.violations[0][0] == "config.text.llm_base_url"


def test_bad_text_options_name_the_field():
    with pytest.raises(InvalidConfigError) as info:
        create_text_synthesizer("surrogate", options={"oversample": 0.5, "leakage_ngram": 1})
    assert {f for f, _ in info.value.violations} == {"config.text.oversample", "config.text.leakage_ngram"}


def test_surrogate_samples_from_scrubbed_pool_seeded():
    texts = pd.Series(["alpha beta", "gamma delta", None, "epsilon"] * 25)
    engine = create_text_synthesizer("surrogate", seed=3)
    with pytest.raises(NotFittedError):
        engine.sample(3)
    engine.fit(texts)
    a, b = engine.sample(400), engine.sample(400)
    assert a.equals(b)
    assert not a.equals(engine.sample(400, seed=4))
    assert set(a.dropna()) <= {"alpha beta", "gamma delta", "epsilon"}
    assert 0.15 < a.isna().mean() < 0.35


def test_state_dict_round_trip():
    engine = create_text_synthesizer("surrogate", seed=1)
    engine.fit(pd.Series(["one two", "three"]))
    again = TextSynthesizer.from_state_dict(engine.state_dict())
    assert again.sample(50).equals(engine.sample(50))
    assert TextSynthesizer.from_dict(engine.to_dict()).fitted is False


SLOTS = SlotColumns.from_entities({"customer name": "PERSON", "email": "EMAIL_ADDRESS"})


def test_template_extraction_and_filling():
    row = {"customer name": "Ana Ruiz", "email": "ana.ruiz@example.org"}
    text = "Ana Ruiz wrote from ana.ruiz@example.org; ana said Ruiz is her surname. Anatomy [[odd]]."
    template = extract_template(text, row, SLOTS)
    assert template == (
        "[[CUSTOMER_NAME]] wrote from [[EMAIL]]; [[CUSTOMER_NAME:FIRST]] said [[CUSTOMER_NAME:LAST]] "
        "is her surname. Anatomy [ [odd]]."
    )
    assert template_slots(template) == {"CUSTOMER_NAME", "EMAIL"}
    filled = fill_template(template, {"customer name": "Bo Lind", "email": "bo@x.net"}, SLOTS)
    assert filled == "Bo Lind wrote from bo@x.net; Bo said Lind is her surname. Anatomy [ [odd]]."
    assert fill_template(template, {"customer name": "Bo Lind", "email": None}, SLOTS) is None


def test_surrogate_note_names_its_own_row():
    names = [f"{first} {last}" for first in ("Ana", "Bea", "Cyd", "Dan") for last in ("Ruiz", "Lind", "Moss")]
    train = pd.DataFrame({"name": names, "email": [f"p{i}@example.com" for i in range(len(names))]})
    notes = pd.Series(
        [f"Ticket from {n}: {n.split()[0]} cannot log in, reply to p{i}@example.com." for i, n in enumerate(names)]
    )
    engine = create_text_synthesizer("surrogate", seed=2)
    engine.fit(notes, context=train, entities={"name": "PERSON", "email": "EMAIL_ADDRESS"})
    synthetic = pd.DataFrame({"name": ["Zed Quill", "Mia Moss", "Al Bee"], "email": ["z@q.io", "m@m.io", None]})
    out = engine.sample(3, context=synthetic)
    assert out[0] == "Ticket from Zed Quill: Zed cannot log in, reply to z@q.io."
    assert out[1] == "Ticket from Mia Moss: Mia cannot log in, reply to m@m.io."
    assert out[2] is None  # no template fits a row without an email: none is forced
    assert engine.generation["unfilled_rows"] == 1


def test_surrogate_prefers_templates_the_row_can_fill():
    train = pd.DataFrame({"name": ["Ana Ruiz", "Bo Lind"] * 20})
    notes = pd.Series(["Call Ana Ruiz back.", "No contact needed."] * 20)
    engine = create_text_synthesizer("surrogate", seed=0)
    engine.fit(notes, context=train, entities={"name": "PERSON"})
    out = engine.sample(200, context=pd.DataFrame({"name": [None] * 200}))
    assert set(out) == {"No contact needed."}
    out = engine.sample(200, context=pd.DataFrame({"name": ["Cy Dee"] * 200}))
    assert set(out) == {"Call Cy Dee back.", "No contact needed."}

"""The contract's enums and the domain's closed sets are the same sets, value for value."""

from __future__ import annotations

import pytest

from veil.core.kinds import BASE_KINDS
from veil.service.enums import CHARGE_STATE, COLUMN_KIND, GUARANTEE_KIND, MODEL, STAGE, SYNTHESIS_STATE, TEXT_MODEL
from veil.service.stages import STAGES
from veil.service.storage.db import ACTIVE_STATES
from veil.synthesizers.registry import available_synthesizers
from veil.synthesizers.text import available_text_synthesizers
from veil.v1 import veil_pb2 as pb


def test_every_engine_has_a_model_value_and_every_value_an_engine():
    assert sorted(MODEL.names()) == sorted(available_synthesizers())
    assert sorted(TEXT_MODEL.names()) == sorted(available_text_synthesizers())


def test_stages_states_and_kinds_match_the_domain():
    assert STAGE.names() == list(STAGES)
    assert set(SYNTHESIS_STATE.names()) == {s.lower() for s in (*ACTIVE_STATES, "SUCCEEDED", "FAILED", "CANCELLED")}
    assert set(COLUMN_KIND.names()) == {*BASE_KINDS, "pii"}
    assert GUARANTEE_KIND.names() == ["none", "differential_privacy"]
    assert CHARGE_STATE.names() == ["held", "spent", "refunded"]


def test_names_and_numbers_round_trip_and_unspecified_means_the_default():
    for names in (MODEL, TEXT_MODEL, STAGE, COLUMN_KIND):
        for name in names.names():
            assert names.name(names.number(name)) == name
    assert MODEL.name(pb.MODEL_UNSPECIFIED) == "auto" and MODEL.number("dp_sgd") == pb.MODEL_DP_SGD
    assert TEXT_MODEL.name(pb.TEXT_MODEL_UNSPECIFIED) == "surrogate"
    with pytest.raises(ValueError):
        MODEL.number("gpt-9")

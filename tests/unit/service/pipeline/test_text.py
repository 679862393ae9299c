"""The text side of a synthesis job: endpoint resolution and canaries."""

from __future__ import annotations

import pandas as pd

from veil.core.errors import ViolationCollector
from veil.service.config import ServiceConfig
from veil.service.pipeline.text import make_canaries, plan_text, plant_canaries, strip_canaries

KINDS = {"note": "text", "name": "pii:PERSON", "price": "numeric"}


def _plan(text: dict, *, text_model: str = "llm_rewrite", model: str = "gaussian_copula", **service):
    problems = ViolationCollector()
    plan = plan_text(
        model=model, text_model=text_model, text=text, kinds=KINDS, service=ServiceConfig(**service), problems=problems
    )
    return plan, dict(zip((f for f, _ in problems.violations), problems.reasons))


def test_endpoint_comes_from_the_service_and_requests_stay_on_its_allow_list():
    plan, problems = _plan({}, llm_base_url="http://127.0.0.1:9/v1", llm_model="m", llm_api_key="sk-secret")
    assert problems == {} and plan.llm.base_url == "http://127.0.0.1:9/v1" and plan.llm.model == "m"
    assert plan.llm.api_key.get_secret_value() == "sk-secret" and "sk-secret" not in repr(plan)
    _, problems = _plan({"llm_base_url": "http://evil.example/v1"}, llm_base_url="http://127.0.0.1:9/v1", llm_model="m")
    assert problems == {"config.text.llm_base_url": "LLM_ENDPOINT_NOT_ALLOWED"}
    plan, problems = _plan(
        {"llm_base_url": "http://10.0.0.2:8000/v1/"},
        llm_base_url="http://127.0.0.1:9/v1",
        llm_model="m",
        llm_allowed_base_urls=["http://10.0.0.2:8000/v1"],
    )
    assert problems == {} and plan.llm.base_url == "http://10.0.0.2:8000/v1"
    _, problems = _plan({})
    assert problems == {"config.text.llm_base_url": "LLM_ENDPOINT_REQUIRED"}
    _, problems = _plan({}, llm_base_url="http://127.0.0.1:9/v1")
    assert problems == {"config.text.llm_model": "LLM_MODEL_REQUIRED"}


def test_surrogate_needs_no_endpoint_and_judge_defaults_apply():
    plan, problems = _plan({}, text_model="surrogate")
    assert problems == {} and plan.llm is None and plan.columns == ("note",)
    plan, problems = _plan({}, llm_base_url="http://127.0.0.1:9/v1", llm_model="m", judge_model="j")
    assert problems == {} and plan.options.judge_model == "j" and plan.judge_warning is None
    plan, problems = _plan(
        {"judge_model": "m", "allow_same_judge": True}, llm_base_url="http://127.0.0.1:9/v1", llm_model="m"
    )
    assert problems == {} and "self-preference" in plan.judge_warning


def test_canaries_are_planted_measured_and_never_released():
    canaries = make_canaries(4, seed=3)
    assert len(set(canaries)) == 4 and canaries == make_canaries(4, seed=3)
    train = pd.DataFrame({"note": [f"note {i}" for i in range(20)], "price": range(20)})
    planted = plant_canaries(train, ["note"], canaries, seed=1)
    counts = [sum(c in t for t in planted["note"]) for c in canaries]
    assert counts == [1, 3, 1, 3]
    assert train["note"].tolist() == [f"note {i}" for i in range(20)]  # the real split is untouched

    words = canaries[0].split()[4:7]  # three of its rare words, reworded around them
    synthetic = pd.DataFrame(
        {
            "note": [
                f"first line\nsecond {canaries[1]}",
                "kept\nas it is",
                f"my secret words are {' and '.join(words)}",
                None,
            ]
        }
    )
    out, dropped = strip_canaries(synthetic, ["note"], canaries, threshold=8)
    assert out["note"].tolist()[:2] == ["first line second", "kept\nas it is"]
    assert out["note"][2] is None and dropped == 1


def test_openai_embedder_uses_the_endpoint_and_its_embedding_model():
    plan, problems = _plan(
        {"embedder": "openai"},
        text_model="surrogate",
        llm_base_url="http://127.0.0.1:9/v1",
        llm_model="m",
        llm_embedding_model="emb-small",
    )
    assert problems == {} and plan.llm is not None and plan.options.embedding_model == "emb-small"
    _, problems = _plan({"embedder": "openai"}, text_model="surrogate")
    assert problems == {"config.text.llm_base_url": "LLM_ENDPOINT_REQUIRED"}

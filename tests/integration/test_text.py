"""Text stand-ins end to end over gRPC: surrogate, LLM rewrite (against a loopback fake), DP text."""

from __future__ import annotations

import re

import grpc
import pytest

from tests.fakes.openai_server import HARD_OPENER, PII_SUFFIX, FakeOpenAIServer
from tests.integration.conftest import TOKEN_A, make_config
from tests.integration.helpers import captured_logs, error_details, pii_values
from veil.core.text import NgramIndex
from veil.service.client import VeilClient
from veil.service.demo_data import make_demo_table
from veil.service.server import VeilServer
from veil.v1 import veil_pb2 as pb

GENERATOR, JUDGE = "fake-writer", "fake-judge"


@pytest.fixture(scope="module")
def fake_llm():
    with FakeOpenAIServer() as fake:
        yield fake


@pytest.fixture(scope="module")
def text_client(tmp_path_factory, fake_llm):
    root = tmp_path_factory.mktemp("veil-text")
    config = make_config(
        root / "data",
        root / "keys" / "master.key",
        llm_base_url=fake_llm.base_url,
        llm_model=GENERATOR,
        llm_max_retries=3,
        llm_concurrency=8,
        text_embedder="tfidf",
    )
    srv = VeilServer(config).start()
    with VeilClient(srv.address, TOKEN_A, timeout=300) as client:
        client.wait_ready()
        yield client
    srv.stop()


@pytest.fixture(scope="module")
def tickets():
    """Diamonds rows with Faker customers and notes that name them."""
    return make_demo_table(400, seed=21)


@pytest.fixture(scope="module")
def text_dataset(text_client, tickets):
    return text_client.upload(tickets, pb.DatasetSpec(dataset_id="tickets", seed=5))


def _run(client, dataset, config: pb.SynthesisConfig, synthesis_id: str):
    op = client.create_synthesis(dataset.name, config, synthesis_id=synthesis_id)
    done = client.wait_operation(op.name)
    assert not done.HasField("error"), done.error
    synthesis = client.synthesis_of(done)
    return synthesis, client.read_records(synthesis.name), client.report(synthesis.name)


def _names_follow_rows(frame) -> int:
    """Notes that name a person name the row's own person; returns how many do."""
    named = 0
    for name, note in zip(frame["customer_name"], frame["note"]):
        if not isinstance(note, str):
            continue
        first = name.split()[0]
        if re.search(rf"(?<!\w){re.escape(first)}(?!\w)", note):
            named += 1
    return named


def test_surrogate_notes_name_their_row_and_report_the_overlap(text_client, text_dataset, tickets):
    synthesis, out, report = _run(
        text_client,
        text_dataset,
        pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA, seed=3, text=pb.TextConfig(canaries=6)),
        "surrogate",
    )
    raw = pii_values(tickets)
    notes = [n for n in out["note"] if isinstance(n, str)]
    assert len(notes) > 0.9 * len(out)
    assert not any(v in n for n in notes for v in raw if len(v) > 6)  # no raw PII of the input
    assert _names_follow_rows(out) > 0.3 * len(notes)  # the template mix names the customer in ~4 of 7
    (text,) = report.text_columns
    assert text.column == "note" and text.generation.engine == "surrogate"
    # Surrogate rewriting keeps the scrubbed wording: the report must say so, not hide it.
    assert text.leakage.longest_overlap_max >= 8 and text.leakage.share_over_threshold > 0.5
    assert text.leakage.pii_replay == 0
    assert text.leakage.canaries_planted == 6 and text.leakage.canaries_exposed >= 1
    assert not any("passphrase" in n for n in notes)  # canaries never reach the output
    assert 0 < text.diversity.distinct_2 <= 1 and text.diversity.vendi > 1
    assert 0 <= text.drift.length_ks <= 1 and text.drift.mean_tokens_synthetic > 3


def test_llm_rewrite_handles_misbehaviour_and_reports_it(text_client, text_dataset, fake_llm, tickets):
    fake_llm.reset()
    fake_llm.misbehave("rate_limit", times=3)
    fake_llm.misbehave("server_error", times=2)
    fake_llm.misbehave("malformed", times=2)
    fake_llm.misbehave("copy_prompt", times=6)
    fake_llm.misbehave("pii", times=6)
    fake_llm.misbehave("empty", times=4)
    synthesis, out, report = _run(
        text_client,
        text_dataset,
        pb.SynthesisConfig(
            model=pb.MODEL_GAUSSIAN_COPULA,
            seed=4,
            text_model=pb.TEXT_MODEL_LLM_REWRITE,
            num_rows=120,
            text=pb.TextConfig(judge_model=JUDGE, oversample=2.0),
        ),
        "llm",
    )
    (text,) = report.text_columns
    gen = text.generation
    assert gen.engine == "llm_rewrite" and gen.generator_model == GENERATOR and gen.judge_model == JUDGE
    assert gen.candidates >= 200 and gen.kept < gen.candidates
    assert gen.rejected["leakage"] >= 5  # verbatim prompt copies
    assert gen.rejected["pii"] >= 5  # invented contact details
    assert gen.retries >= 5 and gen.requests > gen.candidates  # judge calls and retries count too
    assert gen.prompt_tokens > 0 and gen.completion_tokens > 0
    assert {"paraphrase.v1", "judge.v1"} <= set(gen.prompts) or "paraphrase.v1" in gen.prompts
    notes = [n for n in out["note"] if isinstance(n, str)]
    assert len(notes) > 0.8 * len(out)
    assert not any("Sarah Connor" in n or "sarah.connor" in n for n in notes)
    index = NgramIndex([n for n in tickets["note"]])
    assert all(index.longest_run(n) < 8 for n in notes)
    assert _names_follow_rows(out) > 0.2 * len(notes)
    # the LLM saw scrubbed templates only: no raw value of the input in any prompt
    raw = [v for v in pii_values(tickets) if len(v) > 6]
    prompts = " ".join(m["content"] for r in fake_llm.requests for m in r["messages"])
    assert not any(v in prompts for v in raw)
    assert text.leakage.longest_overlap_max < 8
    assert PII_SUFFIX.strip() not in " ".join(notes)


def test_a_condition_group_can_ask_for_hard_variants_of_its_notes(text_client, text_dataset, fake_llm, tickets):
    fake_llm.reset()
    fair = pb.ConditionGroup(
        rows=30, where=[pb.ColumnCondition(column="cut", values=["Ideal"])], hard_text_variants=True
    )
    rest = pb.ConditionGroup(rows=50, where=[pb.ColumnCondition(column="cut", values=["Ideal"], exclude=True)])
    config = pb.SynthesisConfig(
        model=pb.MODEL_CART, seed=6, text_model=pb.TEXT_MODEL_LLM_REWRITE, conditions=[fair, rest]
    )
    synthesis, out, report = _run(text_client, text_dataset, config, "hard")
    assert len(out) == 80 and synthesis.config.conditions[0].hard_text_variants
    hard = out["note"].str.startswith(HARD_OPENER, na=False)
    filled = out["note"].notna()
    assert filled.iloc[:30].sum() >= 20 and (hard.iloc[:30] == filled.iloc[:30]).all() and not hard.iloc[30:].any()
    (text,) = report.text_columns
    assert "hard.v1" in text.generation.prompts
    raw = [v for v in pii_values(tickets) if len(v) > 6]
    assert not any(v in n for n in out["note"].dropna() for v in raw)
    # Only the LLM rewriter makes hard variants: asked of another text engine, the request is refused.
    with pytest.raises(grpc.RpcError) as info:
        text_client.create_synthesis(text_dataset.name, pb.SynthesisConfig(model=pb.MODEL_CART, conditions=[fair]))
    code, fields, reasons = error_details(info.value)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and list(fields) == ["config.conditions[0].hard_text_variants"]


def test_text_config_errors_name_the_field(text_client, text_dataset, fake_llm):
    cases = [
        (
            pb.SynthesisConfig(
                text_model=pb.TEXT_MODEL_LLM_REWRITE, text=pb.TextConfig(llm_base_url="http://10.9.9.9:1/v1")
            ),
            "config.text.llm_base_url",
            "LLM_ENDPOINT_NOT_ALLOWED",
        ),
        (
            pb.SynthesisConfig(text_model=pb.TEXT_MODEL_LLM_REWRITE, text=pb.TextConfig(judge_model=GENERATOR)),
            "config.text.judge_model",
            "SAME_JUDGE",
        ),
        (
            pb.SynthesisConfig(
                model=pb.MODEL_GAUSSIAN_COPULA,
                text_model=pb.TEXT_MODEL_DP_PRIVATE_EVOLUTION,
                text=pb.TextConfig(embedder="minilm"),
            ),
            "config.text_model",
            "NOT_A_DP_MODEL",
        ),
        (pb.SynthesisConfig(text=pb.TextConfig(embedder="word2vec")), "config.text.embedder", "BAD_TEXT_CONFIG"),
        (
            pb.SynthesisConfig(
                model=pb.MODEL_DP_MARGINAL,
                epsilon=1.0,
                text_model=pb.TEXT_MODEL_DP_PRIVATE_EVOLUTION,
                text=pb.TextConfig(embedder="tfidf"),
            ),
            "config.text.embedder",
            "BAD_TEXT_CONFIG",
        ),
        (pb.SynthesisConfig(text=pb.TextConfig(leakage_ngram=1)), "config.text.leakage_ngram", "BAD_TEXT_CONFIG"),
    ]
    for config, field, reason in cases:
        with pytest.raises(grpc.RpcError) as info:
            text_client.create_synthesis(text_dataset.name, config)
        code, fields, reasons = error_details(info.value)
        assert code == grpc.StatusCode.INVALID_ARGUMENT, field
        assert field in fields and reason in reasons, (field, fields, reasons)


def test_same_judge_allowed_on_request_warns(text_client, text_dataset, fake_llm):
    fake_llm.reset()
    _, _, report = _run(
        text_client,
        text_dataset,
        pb.SynthesisConfig(
            model=pb.MODEL_GAUSSIAN_COPULA,
            seed=5,
            text_model=pb.TEXT_MODEL_LLM_REWRITE,
            num_rows=40,
            text=pb.TextConfig(judge_model=GENERATOR, allow_same_judge=True, rewrite="persona"),
        ),
        "same-judge",
    )
    (text,) = report.text_columns
    assert any("same model" in w for w in text.warnings)
    assert any(p.startswith("persona") for p in text.generation.prompts)


def test_dp_private_evolution_is_charged_to_the_budget(text_client, text_dataset, fake_llm):
    fake_llm.reset()
    synthesis, out, report = _run(
        text_client,
        text_dataset,
        pb.SynthesisConfig(
            model=pb.MODEL_DP_MARGINAL,
            epsilon=2.0,
            seed=6,
            text_model=pb.TEXT_MODEL_DP_PRIVATE_EVOLUTION,
            text=pb.TextConfig(embedder="minilm", pe_iterations=2),
        ),
        "dp-text",
    )
    guarantee = report.privacy_guarantee
    assert guarantee.kind == pb.PrivacyGuarantee.KIND_DIFFERENTIAL_PRIVACY
    assert 1.9 < guarantee.epsilon <= 2.0 + 1e-6
    votes = [s for s in guarantee.spends if s.purpose.startswith("text:note:pe:vote")]
    assert len(votes) == 2
    notes = [n for n in out["note"] if isinstance(n, str)]
    assert len(notes) > 0.5 * len(out)
    budget = text_client.privacy_budget(text_dataset.name)
    charge = next(c for c in budget.charges if c.synthesis.endswith("/dp-text"))
    assert charge.state == pb.PrivacyCharge.STATE_SPENT and abs(charge.epsilon_spent - guarantee.epsilon) < 1e-6
    (text,) = report.text_columns
    assert text.generation.engine == "dp_private_evolution"
    # the LLM never saw a private text: every prompt is API-only or one of its own texts
    private = NgramIndex([n for n in make_demo_table(400, seed=21)["note"]])
    assert all(private.longest_run(m["content"]) < 8 for r in fake_llm.requests for m in r["messages"])


def test_text_only_dataset(text_client, tickets):
    frame = tickets[["order_id", "note"]]
    dataset = text_client.upload(frame, pb.DatasetSpec(dataset_id="notes-only", seed=2))
    kinds = {c.name: c.kind for c in dataset.columns}
    assert kinds["note"] == pb.COLUMN_KIND_TEXT
    synthesis, out, report = _run(text_client, dataset, pb.SynthesisConfig(seed=1), "notes-only")
    assert list(out.columns) == ["order_id", "note"] and len(out) == synthesis.row_count
    assert out["note"].notna().mean() > 0.9
    assert not set(out["order_id"]) & set(frame["order_id"])
    (text,) = report.text_columns
    assert text.generation.engine == "surrogate" and text.drift.mean_tokens_synthetic > 3


def test_llm_path_logs_carry_no_raw_values(text_client, text_dataset, fake_llm, tickets):
    fake_llm.reset()
    fake_llm.misbehave("pii", times=3)
    fake_llm.misbehave("rate_limit", times=2)
    with captured_logs() as lines:
        _run(
            text_client,
            text_dataset,
            pb.SynthesisConfig(
                model=pb.MODEL_GAUSSIAN_COPULA, seed=8, text_model=pb.TEXT_MODEL_LLM_REWRITE, num_rows=30
            ),
            "llm-logs",
        )
    text = "\n".join(lines)
    assert "llm_rewrite" in text
    assert [v for v in pii_values(tickets) if v in text] == []
    assert "Sarah Connor" not in text  # generated texts are not logged either


def test_an_endpoint_that_answers_nothing_fails_the_job_clearly(text_client, text_dataset, fake_llm):
    fake_llm.reset()
    fake_llm.always("server_error")
    try:
        op = text_client.create_synthesis(
            text_dataset.name,
            pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA, text_model=pb.TEXT_MODEL_LLM_REWRITE, num_rows=20),
            synthesis_id="llm-down",
        )
        done = text_client.wait_operation(op.name)
    finally:
        fake_llm.always(None)
    assert done.HasField("error") and done.error.code == grpc.StatusCode.UNAVAILABLE.value[0]
    assert "every request to the LLM endpoint failed" in done.error.message


def test_report_embeds_through_the_endpoint(text_client, text_dataset, fake_llm):
    fake_llm.reset()
    _, _, report = _run(
        text_client,
        text_dataset,
        pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA, seed=9, num_rows=100, text=pb.TextConfig(embedder="openai")),
        "openai-embed",
    )
    (text,) = report.text_columns
    assert fake_llm.counts["embeddings"] > 0
    assert 0 <= text.drift.embedding_auc <= 1 and text.diversity.vendi > 1

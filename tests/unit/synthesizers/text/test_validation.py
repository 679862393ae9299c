"""Validation of generated texts: reject reasons, leakage runs, PII allow lists, the judge."""

from __future__ import annotations

import json
import logging
from collections import Counter
from types import SimpleNamespace

import pytest

from veil.synthesizers.errors import InvalidConfigError
from veil.synthesizers.text.validation import (
    REJECT_REASONS,
    Judge,
    TextValidator,
    parse_judge_score,
    presidio_scanner,
)
from veil.synthesizers.warnings import SelfJudgingWarning

# 20 distinct tokens; runs of it are cut out to test the leakage threshold.
SOURCE = (
    "alpha bravo charlie delta echo foxtrot golf hotel india juliet "
    "kilo lima mike november oscar papa quebec romeo sierra tango"
)
SOURCE_WORDS = SOURCE.split()
SOURCES = [SOURCE, "The printer on the third floor keeps jamming whenever someone sends a large job."]
CLEAN = "Our office printer upstairs often gets stuck if a big document is sent to it."
PII_TEXT = "Call Sarah Connor at 415-555-0132 or sarah.connor@example.com."


def run_of(n: int, start: int = 0) -> str:
    """A candidate sharing exactly ``n`` consecutive tokens with SOURCE (fillers are not in it)."""
    return "zzz " + " ".join(SOURCE_WORDS[start : start + n]) + " yyy www"


class StubLLM:
    """Stand-in LLM client: answers each judge request from the text in its prompt."""

    def __init__(self, answer, model: str = "generator-model"):
        self.model = model
        self.answer = answer  # text -> (content | None, error | None)
        self.requests = []

    def chat_many(self, requests, *, progress=None):
        self.requests.extend(requests)
        out = []
        for request in requests:
            user = request.messages[-1]["content"]
            content, error = self.answer(user)
            out.append(SimpleNamespace(text=content, error=error, prompt_tokens=1, completion_tokens=1, attempts=1))
        return out


def judge_answers(user: str):
    if "TIMEOUT" in user:
        return None, "timeout"
    if "GARBLED" in user:
        return "I think it is pretty good, maybe a four?", None
    if "POOR" in user:
        return json.dumps({"score": 1, "reason": "incoherent"}), None
    return json.dumps({"score": 5, "reason": "fine"}), None


@pytest.fixture(scope="module")
def scanner():
    # Loads the real Presidio + spaCy engine (a few seconds): once for the module.
    return presidio_scanner()


@pytest.fixture
def judge():
    return Judge(client=StubLLM(judge_answers), model="judge-model", generator_model="generator-model")


# ------------------------------------------------------------------------------ reasons
def test_each_reason_triggered_and_counted_once(scanner, judge):
    candidates = [
        None,  # llm_error
        "   \n\t",  # empty
        "Sure! <text>printer jams</text>",  # format: prompt artefact
        "As an AI, I rewrote the note about the printer.",  # format: model commentary
        run_of(8),  # leakage
        PII_TEXT,  # pii
        "The printer is POOR and upstairs somewhere.",  # judge: low score
        CLEAN,  # kept
        # fails leakage, pii and format at once: counted once, under format (checked first)
        "<text> " + run_of(9) + " Sarah Connor 415-555-0132",
    ]
    validator = TextValidator(sources=SOURCES, pii_scanner=scanner, judge=judge)
    outcome = validator.validate(candidates)
    assert outcome.kept == [7]
    assert outcome.rejected == Counter(llm_error=1, empty=1, format=3, leakage=1, pii=1, judge=1)
    assert sum(outcome.rejected.values()) + len(outcome.kept) == len(candidates)
    assert set(outcome.rejected) <= set(REJECT_REASONS)
    assert outcome.judge_scores == [1.0, 5.0]


def test_clean_paraphrase_kept_without_scanner_or_judge():
    outcome = TextValidator(sources=SOURCES, pii_scanner=None).validate([CLEAN, "Printer trouble again."])
    assert outcome.kept == [0, 1]
    assert not outcome.rejected


def test_punctuation_only_is_empty_and_short_text_is_format():
    validator = TextValidator(sources=SOURCES, pii_scanner=None, min_tokens=3)
    outcome = validator.validate(["...!?", "ok fine", "this one is long enough"])
    assert outcome.rejected == Counter(empty=1, format=1)
    assert outcome.kept == [2]


def test_length_limits():
    novel = " ".join(f"word{i}" for i in range(60))  # ~420 chars, no shared run
    longest = max(len(s) for s in SOURCES)
    assert longest < len(novel) < 10 * longest  # ratio 1 rejects it, ratio 10 does not
    assert TextValidator(sources=SOURCES, pii_scanner=None, max_length_ratio=1.0).validate([novel]).rejected == Counter(
        format=1
    )
    assert TextValidator(sources=SOURCES, pii_scanner=None, max_length_ratio=10.0).validate([novel]).kept == [0]
    assert TextValidator(sources=SOURCES, pii_scanner=None, max_chars=100, max_length_ratio=10.0).validate(
        [novel]
    ).rejected == Counter(format=1)
    # No sources (API-only generation): only max_chars bounds the length.
    assert TextValidator(sources=[], pii_scanner=None).validate([novel]).kept == [0]


# ------------------------------------------------------------------------------ leakage
def test_default_leakage_threshold_is_8_tokens():
    validator = TextValidator(sources=SOURCES, pii_scanner=None)
    outcome = validator.validate([run_of(7), run_of(7, start=10), run_of(8), run_of(8, start=12)])
    assert outcome.kept == [0, 1]
    assert outcome.rejected == Counter(leakage=2)


def test_leakage_is_case_and_punctuation_insensitive():
    shouted = "ZZZ " + ", ".join(w.upper() for w in SOURCE_WORDS[3:11]) + "!"
    outcome = TextValidator(sources=SOURCES, pii_scanner=None).validate([shouted])
    assert outcome.rejected == Counter(leakage=1)


@pytest.mark.parametrize("n", [3, 5, 12])
def test_leakage_threshold_configurable(n):
    validator = TextValidator(sources=SOURCES, pii_scanner=None, leakage_ngram=n)
    outcome = validator.validate([run_of(n - 1), run_of(n)])
    assert outcome.kept == [0]
    assert outcome.rejected == Counter(leakage=1)


def test_invalid_config_names_fields():
    with pytest.raises(InvalidConfigError) as info:
        TextValidator(sources=SOURCES, pii_scanner=None, leakage_ngram=0, max_chars=0, max_length_ratio=-1.0)
    fields = {f for f, _ in info.value.violations}
    assert fields == {"config.text.leakage_ngram", "config.text.max_chars", "config.text.max_length_ratio"}


# ---------------------------------------------------------------------------------- PII
def test_scanner_finds_other_peoples_pii(scanner):
    found = scanner.find([PII_TEXT, CLEAN])
    assert set(found[0]) >= {"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"}
    assert found[1] == []


def test_scanner_ignores_non_identifying_entities_by_default(scanner):
    text = "The printer at the Boston office of Acme Corp. jammed on Monday."
    assert scanner.find([text]) == [[]]
    wide = presidio_scanner(entities=["LOCATION", "ORGANIZATION"])
    assert wide.engine is scanner.engine  # the loaded engine is shared, not rebuilt
    assert set(wide.find([text])[0]) >= {"LOCATION"}


def test_allow_list_honoured(scanner):
    own = "Maria Lopez called about her refund; reach her at maria.lopez@example.org or (212) 555-0199."
    other = "Maria Lopez asked us to forward this to Sarah Connor."
    first_name_only = "Maria said thanks for the quick fix."
    # Without the allow list these are hits, so the allow list below is what clears them.
    assert all(scanner.find([own, other, first_name_only]))
    allowed = presidio_scanner(allow=["Maria Lopez", "maria.lopez@example.org", "212-555-0199"])
    found = allowed.find([own, other, first_name_only, PII_TEXT])
    assert found[0] == []
    assert found[1] == ["PERSON"]  # another person's name is still PII
    assert found[2] == []
    assert set(found[3]) >= {"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"}


def test_per_candidate_allow_in_validate(scanner):
    texts = ["Maria Lopez called about her refund.", "Maria Lopez called about her refund."]
    validator = TextValidator(sources=SOURCES, pii_scanner=scanner)
    # Each row's own surrogate name is allowed only for that row.
    outcome = validator.validate(texts, allow=[["Maria Lopez"], ["Tom Baker"]])
    assert outcome.kept == [0]
    assert outcome.rejected == Counter(pii=1)


def test_texts_never_logged(scanner, caplog):
    caplog.set_level(logging.DEBUG, logger="veil.synthesizers.text.validation")
    TextValidator(sources=SOURCES, pii_scanner=scanner).validate([PII_TEXT, CLEAN, run_of(9)])
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name == "veil.synthesizers.text.validation")
    assert ours  # counts are logged
    for secret in ("Sarah", "415-555", "printer", "charlie"):
        assert secret not in ours


# -------------------------------------------------------------------------------- judge
@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ('{"score": 4, "reason": "clear"}', 4.0),
        ('{"score": 2.5}', 2.5),
        ('Here you go:\n```json\n{"score": 5, "reason": "ok"}\n```', 5.0),
        ('{"score": "4"}', None),
        ('{"score": true}', None),
        ('{"score": 9}', None),
        ('{"score": 0}', None),
        ('{"score": NaN}', None),
        ('{"reason": "no score"}', None),
        ('{"score": 4', None),
        ("four out of five", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_judge_score(answer, expected):
    assert parse_judge_score(answer) == expected


def test_judge_requests_use_judge_model_and_prompt():
    client = StubLLM(judge_answers)
    judge = Judge(client=client, model="judge-model", generator_model="generator-model", description="a support ticket")
    assert judge.score(["The printer jams.", "POOR text", "TIMEOUT text", "GARBLED text"]) == [5.0, 1.0, None, None]
    assert judge.failures == 2
    assert [r.model for r in client.requests] == ["judge-model"] * 4
    system, user = client.requests[0].messages[0]["content"], client.requests[0].messages[-1]["content"]
    assert "veil-prompt: judge" in system
    assert "The printer jams." in user
    assert "a support ticket" in system + user
    assert judge.warnings == []


def test_failed_judge_call_rejects_as_judge(judge):
    candidates = ["TIMEOUT on the printer note.", "GARBLED printer note here.", "POOR printer note here.", CLEAN]
    outcome = TextValidator(sources=SOURCES, pii_scanner=None, judge=judge).validate(candidates)
    assert outcome.kept == [3]
    assert outcome.rejected == Counter(judge=3)
    assert outcome.judge_scores == [1.0, 5.0]  # only the answers that parsed
    assert any("could not score 2" in w for w in outcome.warnings)


def test_min_score_threshold():
    def fours(user):
        return '{"score": 4}', None

    lenient = Judge(client=StubLLM(fours), model="j", generator_model="g", min_score=4)
    strict = Judge(client=StubLLM(fours), model="j", generator_model="g", min_score=4.5)
    assert TextValidator(sources=SOURCES, pii_scanner=None, judge=lenient).validate([CLEAN]).kept == [0]
    assert TextValidator(sources=SOURCES, pii_scanner=None, judge=strict).validate([CLEAN]).rejected == Counter(judge=1)


def test_same_model_judge_refused_unless_allowed():
    with pytest.raises(InvalidConfigError) as info:
        Judge(client=StubLLM(judge_answers), model="m1", generator_model="m1")
    assert info.value.violations == [("config.text.judge_model", "must differ from the generator")]
    with pytest.warns(SelfJudgingWarning):
        judge = Judge(client=StubLLM(judge_answers), model="m1", generator_model="m1", allow_same=True)
    assert len(judge.warnings) == 1 and "self-preference" in judge.warnings[0]
    outcome = TextValidator(sources=SOURCES, pii_scanner=None, judge=judge).validate([CLEAN])
    assert outcome.kept == [0]
    assert any("self-preference" in w for w in outcome.warnings)


def test_judge_min_score_out_of_range():
    with pytest.raises(InvalidConfigError) as info:
        Judge(client=StubLLM(judge_answers), model="j", generator_model="g", min_score=6)
    assert info.value.violations[0][0] == "config.text.judge_min_score"

"""SurrogateFactory: deterministic, keyed, format-preserving, never the original."""

from __future__ import annotations

import re
import time

from privacy.pii import PiiFingerprints, SurrogateFactory, derive_dataset_key
from privacy.pii.surrogates import SubstringGuard, luhn_valid

from .conftest import KEY, OTHER_KEY


def test_deterministic_within_key_and_different_across_keys() -> None:
    a, a2, b = SurrogateFactory(KEY), SurrogateFactory(KEY), SurrogateFactory(OTHER_KEY)
    values = [("PERSON", "Jane Roe"), ("EMAIL_ADDRESS", "jane@roe.com"), ("PHONE_NUMBER", "(212) 555-0187"),
              ("ADDRESS", "12 Main Street, Springfield, IL 62701"), ("US_SSN", "123-45-6789")]
    for entity, value in values:
        assert a.surrogate(entity, value) == a2.surrogate(entity, value)
        assert a.surrogate(entity, value) != b.surrogate(entity, value)
        assert a.surrogate(entity, value) != value
    # Normalisation: case and whitespace do not change the surrogate's identity.
    assert a.surrogate("PERSON", "jane   roe").lower() == a.surrogate("PERSON", "Jane Roe").lower()


def test_formats() -> None:
    f = SurrogateFactory(KEY)
    name = f.surrogate("PERSON", "Jane Roe")
    assert re.fullmatch(r"[A-Z][a-z'-]+ [A-Z][A-Za-z'-]+", name)
    assert re.fullmatch(r"[^@\s]+@[a-z0-9.-]+\.[a-z]+", f.surrogate("EMAIL_ADDRESS", "jane@roe.com"))
    phone = f.surrogate("PHONE_NUMBER", "+1 (212) 555-0187")
    assert re.fullmatch(r"\+\d \(\d{3}\) \d{3}-\d{4}", phone)
    card = f.surrogate("CREDIT_CARD", "4111 1111 1111 1111")
    assert re.fullmatch(r"4\d{3} \d{4} \d{4} \d{4}", card) and luhn_valid(card) and card != "4111 1111 1111 1111"
    assert re.fullmatch(r"\d{3}-\d{2}-\d{4}", f.surrogate("US_SSN", "123-45-6789"))
    assert re.fullmatch(r"[A-Z]{2}\d{4}-[a-z]", f.surrogate("SOME_ID", "AB1234-x"))
    ip = f.surrogate("IP_ADDRESS", "192.168.1.20")
    assert re.fullmatch(r"\d{1,3}(\.\d{1,3}){3}", ip) and ip != "192.168.1.20"
    assert f.surrogate("URL", "https://www.acme.com/").startswith("https://")


def test_dates_shift_by_one_consistent_offset() -> None:
    f = SurrogateFactory(KEY)
    from datetime import date

    a = date.fromisoformat(f.surrogate("DATE_TIME", "2020-01-10"))
    b = date.fromisoformat(f.surrogate("DATE_TIME", "2020-03-01"))
    assert (b - a).days == (date(2020, 3, 1) - date(2020, 1, 10)).days
    assert a != date(2020, 1, 10)
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", f.surrogate("DATE_TIME", "01/10/2020"))


def test_never_returns_avoided_or_original_values() -> None:
    probe = SurrogateFactory(KEY)
    first = probe.surrogate("PERSON", "Jane Roe")
    avoid = PiiFingerprints(KEY)
    avoid.add(first)
    guarded = SurrogateFactory(KEY, avoid=avoid)
    second = guarded.surrogate("PERSON", "Jane Roe")
    assert second != first and second not in avoid
    # A substring guard keeps raw values out of surrogates entirely.
    guard = SubstringGuard([second])
    third = SurrogateFactory(KEY, avoid=avoid, guard=guard).surrogate("PERSON", "Jane Roe")
    assert second.lower() not in third.lower() and third != first
    # Values with nothing to replace still change.
    assert probe.surrogate("PHONE_NUMBER", "---") != "---"


def test_fresh_values() -> None:
    f = SurrogateFactory(KEY)
    assert f.fresh("PERSON", 3) == SurrogateFactory(KEY).fresh("PERSON", 3)
    assert f.fresh("PERSON", 3) != f.fresh("PERSON", 4)
    avoid = PiiFingerprints(KEY)
    avoid.add(f.fresh("EMAIL_ADDRESS", 0))
    assert SurrogateFactory(KEY, avoid=avoid).fresh("EMAIL_ADDRESS", 0) not in avoid


def test_twenty_thousand_names_are_fast() -> None:
    from service.demo_data import make_demo_table

    names = make_demo_table(20000, with_notes=False)["customer_name"].unique()
    f = SurrogateFactory(KEY)
    start = time.perf_counter()
    fakes = {f.surrogate("PERSON", n) for n in names}
    elapsed = time.perf_counter() - start
    assert elapsed < 5.0
    assert len(fakes) > 0.8 * len(names)  # Faker names are frequency-weighted


def test_derive_dataset_key() -> None:
    k1 = derive_dataset_key(b"master", b"dataset-1")
    assert len(k1) == 32 and k1 == derive_dataset_key(b"master", b"dataset-1")
    assert k1 != derive_dataset_key(b"master", b"dataset-2")
    assert k1 != derive_dataset_key(b"other", b"dataset-1")

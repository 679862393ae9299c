"""Privacy budget ledger: composition, concurrency, lifecycle, persistence."""

from __future__ import annotations

import math
import threading

import pytest

from veil.privacy.dp import (
    BudgetExhaustedError,
    BudgetExistsError,
    BudgetStatement,
    Charge,
    LedgerError,
    NonDpNotAllowedError,
    PrivacyLedger,
    UnknownBudgetError,
    UnknownChargeError,
)
from veil.privacy.errors import PrivacyError

T, D = "tenant-a", "ds1"


@pytest.fixture
def path(tmp_path):
    return tmp_path / "nested" / "ledger.sqlite"


@pytest.fixture
def ledger(path):
    led = PrivacyLedger(path)
    yield led
    led.close()


def _open(ledger, *, epsilon=10.0, delta=1e-5, allow_non_dp=False, tenant=T, dataset=D):
    return ledger.open_budget(tenant=tenant, dataset=dataset, epsilon=epsilon, delta=delta, allow_non_dp=allow_non_dp)


def _charge(ledger, epsilon=1.0, delta=0.0, *, tenant=T, dataset=D, synthesis="s1"):
    return ledger.charge(
        tenant=tenant, dataset=dataset, synthesis=synthesis, mechanism="dp_marginal", epsilon=epsilon, delta=delta
    )


# ------------------------------------------------------------------ budgets and serialization
def test_open_and_statement_round_trip(ledger, path):
    opened = _open(ledger, epsilon=3.0, delta=1e-6, allow_non_dp=True)
    assert path.exists()
    st = ledger.statement(tenant=T, dataset=D)
    assert st == opened
    assert (st.tenant, st.dataset, st.epsilon_total, st.delta_total, st.allow_non_dp) == (T, D, 3.0, 1e-6, True)
    assert (st.epsilon_spent, st.delta_spent) == (0.0, 0.0)
    assert (st.epsilon_remaining, st.delta_remaining) == (3.0, 1e-6)
    assert st.guarantee_void is False
    assert st.charges == ()


def test_open_twice_and_unknown(ledger):
    _open(ledger)
    with pytest.raises(BudgetExistsError) as exc:
        _open(ledger, epsilon=5.0)
    assert (exc.value.code, exc.value.reason) == ("ALREADY_EXISTS", "PRIVACY_BUDGET_EXISTS")
    with pytest.raises(UnknownBudgetError) as exc:
        ledger.statement(tenant=T, dataset="missing")
    assert (exc.value.code, exc.value.reason) == ("NOT_FOUND", "PRIVACY_BUDGET_NOT_FOUND")
    with pytest.raises(UnknownBudgetError):
        _charge(ledger, dataset="missing")


def test_ensure_budget_opens_once_and_keeps_existing(ledger):
    first = ledger.ensure_budget(tenant=T, dataset=D, epsilon=4.0, delta=0.0, allow_non_dp=False)
    assert first.epsilon_total == 4.0
    _charge(ledger, 1.0)
    again = ledger.ensure_budget(tenant=T, dataset=D, epsilon=99.0, delta=0.5, allow_non_dp=True)
    assert (again.epsilon_total, again.delta_total, again.allow_non_dp) == (4.0, 0.0, False)
    assert again.epsilon_spent == 1.0 and len(again.charges) == 1


@pytest.mark.parametrize(
    ("epsilon", "delta"),
    [
        (0.0, 0.0),
        (-1.0, 0.0),
        (math.nan, 0.0),
        (math.inf, 0.0),
        (True, 0.0),
        ("1", 0.0),
        (1.0, -1e-9),
        (1.0, 1.0),
        (1.0, math.nan),
        (1.0, None),
    ],
)
def test_bad_budget_and_charge_arguments(ledger, epsilon, delta):
    with pytest.raises(LedgerError) as exc:
        _open(ledger, epsilon=epsilon, delta=delta)
    assert (exc.value.code, exc.value.reason) == ("INVALID_ARGUMENT", "INVALID_PRIVACY_BUDGET")
    assert exc.value.violations
    _open(ledger, delta=0.5)
    with pytest.raises(LedgerError):
        _charge(ledger, epsilon, delta)
    assert ledger.statement(tenant=T, dataset=D).charges == ()


def test_serialization_round_trip(ledger):
    _open(ledger, allow_non_dp=True)
    a = _charge(ledger, 1.5, 1e-6)
    b = ledger.record_non_dp(tenant=T, dataset=D, synthesis="", mechanism="non_dp:gaussian_copula")
    c = _charge(ledger, 0.5)
    ledger.settle(a.id, epsilon_spent=1.25, delta_spent=5e-7)
    ledger.release(c.id)
    st = ledger.statement(tenant=T, dataset=D)
    assert [x.id for x in st.charges] == [a.id, b.id, c.id]
    for charge in st.charges:
        assert Charge.from_dict(charge.to_dict()) == charge
    assert BudgetStatement.from_dict(st.to_dict()) == st
    assert st.guarantee_void is True


def test_from_dict_rejects_bad_input(ledger):
    _open(ledger)
    charge = _charge(ledger, 2.0, 1e-6)
    good = charge.to_dict()
    bad_charges = [
        {k: v for k, v in good.items() if k != "epsilon"},
        {**good, "extra": 1},
        {**good, "id": "not-hex"},
        {**good, "kind": "maybe"},
        {**good, "state": "lost"},
        {**good, "epsilon": -1.0},
        {**good, "delta": 1.0},
        {**good, "epsilon_spent": 1.0},  # held must count the full reservation
        {**good, "state": "spent", "epsilon_spent": 3.0},  # more than reserved
        {**good, "state": "refunded"},  # refunded must count nothing
        {**good, "touched": 1},
        {**good, "tenant": ""},
        {**good, "create_time": "now"},
        {**good, "kind": "non_dp"},  # non-DP reserves nothing
        "not a dict",
    ]
    for bad in bad_charges:
        with pytest.raises(LedgerError):
            Charge.from_dict(bad)

    st = ledger.statement(tenant=T, dataset=D).to_dict()
    other = {**good, "dataset": "other"}
    bad_statements = [
        {**st, "epsilon_spent": 0.0},
        {**st, "epsilon_remaining": 10.0},
        {**st, "guarantee_void": True},
        {**st, "epsilon_total": 0},
        {**st, "allow_non_dp": "no"},
        {**st, "charges": "none"},
        {**st, "charges": [other]},
        {**st, "charges": [{**good, "mechanism": 3}]},
        {k: v for k, v in st.items() if k != "create_time"},
    ]
    for bad in bad_statements:
        with pytest.raises(LedgerError):
            BudgetStatement.from_dict(bad)


# ------------------------------------------------------------------ composition
def test_charge_reduces_remaining(ledger):
    _open(ledger, epsilon=10.0, delta=1e-5)
    c1 = _charge(ledger, 2.5, 1e-6)
    c2 = _charge(ledger, 1.5, 2e-6)
    assert (c1.state, c1.kind, c1.touched, c1.epsilon_spent, c1.delta_spent) == ("held", "dp", False, 2.5, 1e-6)
    assert len(c1.id) == 32 and c1.id != c2.id
    st = ledger.statement(tenant=T, dataset=D)
    assert st.epsilon_spent == pytest.approx(4.0)
    assert st.delta_spent == pytest.approx(3e-6)
    assert st.epsilon_remaining == pytest.approx(6.0)
    assert st.delta_remaining == pytest.approx(7e-6)
    assert ledger.get_charge(c1.id) == c1


def test_epsilon_overspend_raises_with_remaining(ledger):
    _open(ledger, epsilon=10.0, delta=1e-5)
    _charge(ledger, 9.5)
    with pytest.raises(BudgetExhaustedError) as exc:
        _charge(ledger, 1.0, 1e-6)
    err = exc.value
    assert isinstance(err, PrivacyError)
    assert (err.code, err.reason) == ("FAILED_PRECONDITION", "PRIVACY_BUDGET_EXHAUSTED")
    assert err.epsilon_remaining == pytest.approx(0.5)
    assert err.delta_remaining == pytest.approx(1e-5)
    assert err.message == (
        "the requested epsilon and delta would overspend the dataset's privacy budget: "
        "epsilon 0.5 of 10 and delta 1e-05 of 1e-05 remain"
    )
    assert [field for field, _ in err.violations] == ["config.epsilon"]
    assert "0.5" in err.violations[0][1]
    # the refused charge left no trace
    st = ledger.statement(tenant=T, dataset=D)
    assert len(st.charges) == 1 and st.epsilon_spent == 9.5


def test_delta_overspend_raises(ledger):
    _open(ledger, epsilon=10.0, delta=1e-5)
    _charge(ledger, 1.0, 8e-6)
    with pytest.raises(BudgetExhaustedError) as exc:
        _charge(ledger, 1.0, 5e-6)
    assert [field for field, _ in exc.value.violations] == ["config.delta"]
    assert exc.value.delta_remaining == pytest.approx(2e-6)
    assert exc.value.epsilon_remaining == pytest.approx(9.0)
    with pytest.raises(BudgetExhaustedError) as exc:
        _charge(ledger, 20.0, 5e-6)
    assert [field for field, _ in exc.value.violations] == ["config.epsilon", "config.delta"]


def test_pure_dp_budget_refuses_any_delta(ledger):
    _open(ledger, epsilon=1.0, delta=0.0)
    with pytest.raises(BudgetExhaustedError):
        _charge(ledger, 0.1, 1e-9)
    _charge(ledger, 0.1, 0.0)


def test_ten_tenths_fit_one(ledger):
    _open(ledger, epsilon=1.0, delta=1e-5)
    for _ in range(10):
        _charge(ledger, 0.1, 1e-6)
    st = ledger.statement(tenant=T, dataset=D)
    assert st.epsilon_spent == pytest.approx(1.0)
    assert st.epsilon_remaining == pytest.approx(0.0, abs=1e-12)
    with pytest.raises(BudgetExhaustedError):
        _charge(ledger, 1e-6)


# ------------------------------------------------------------------ concurrency
def _race(charge_fns):
    """Run every function at once (after a barrier); return (successes, exhausted, other errors)."""
    barrier = threading.Barrier(len(charge_fns))
    ok, exhausted, other = [], [], []

    def run(fn):
        barrier.wait()
        try:
            ok.append(fn())
        except BudgetExhaustedError as exc:
            exhausted.append(exc)
        except Exception as exc:  # noqa: BLE001 - recorded and asserted empty
            other.append(exc)

    threads = [threading.Thread(target=run, args=(fn,)) for fn in charge_fns]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    return ok, exhausted, other


def test_fifty_threads_one_ledger_never_overspend(ledger):
    _open(ledger, epsilon=10.0, delta=1e-5)
    ok, exhausted, other = _race([lambda: _charge(ledger, 1.0)] * 50)
    assert other == []
    assert (len(ok), len(exhausted)) == (10, 40)
    st = ledger.statement(tenant=T, dataset=D)
    assert st.epsilon_spent == 10.0 and len(st.charges) == 10
    assert {c.id for c in ok} == {c.id for c in st.charges}


def test_fifty_connections_one_file_never_overspend(ledger, path):
    _open(ledger, epsilon=10.0, delta=1e-5)
    ledgers = [PrivacyLedger(path) for _ in range(50)]
    try:
        ok, exhausted, other = _race([lambda led=led: _charge(led, 1.0) for led in ledgers])
    finally:
        for led in ledgers:
            led.close()
    assert other == []
    assert (len(ok), len(exhausted)) == (10, 40)
    st = ledger.statement(tenant=T, dataset=D)
    assert st.epsilon_spent == 10.0 and len(st.charges) == 10


# ------------------------------------------------------------------ lifecycle
def test_settle_returns_unused_part(ledger):
    _open(ledger, epsilon=10.0, delta=1e-5)
    c = _charge(ledger, 4.0, 4e-6)
    ledger.mark_touched(c.id)
    settled = ledger.settle(c.id, epsilon_spent=2.5, delta_spent=1e-6)
    assert (settled.state, settled.epsilon_spent, settled.delta_spent, settled.touched) == ("spent", 2.5, 1e-6, True)
    assert settled.epsilon == 4.0  # the reservation is kept for the record
    assert ledger.get_charge(c.id) == settled
    st = ledger.statement(tenant=T, dataset=D)
    assert st.epsilon_remaining == pytest.approx(7.5)
    assert st.delta_remaining == pytest.approx(9e-6)


def test_settle_more_than_reserved_records_the_spend_and_raises(ledger):
    _open(ledger)
    c = _charge(ledger, 2.0, 1e-6)
    with pytest.raises(LedgerError):
        ledger.settle(c.id, epsilon_spent=-1.0, delta_spent=0.0)
    assert ledger.get_charge(c.id).state == "held"
    with pytest.raises(LedgerError) as exc:
        ledger.settle(c.id, epsilon_spent=2.1, delta_spent=0.0)
    assert exc.value.violations[0][0] == "epsilon_spent"
    # The ledger never records less than was spent: the reservation grows to the spend.
    charge = ledger.get_charge(c.id)
    assert (charge.state, charge.epsilon_spent, charge.epsilon) == ("spent", 2.1, 2.1)
    assert ledger.statement(tenant=T, dataset=D).epsilon_spent == pytest.approx(2.1)


def test_release_records_an_overspend_in_full(ledger):
    _open(ledger)
    c = _charge(ledger, 1.0, 1e-6)
    ledger.mark_touched(c.id)
    released = ledger.release(c.id, epsilon_spent=1.5, delta_spent=2e-6)
    assert (released.state, released.epsilon_spent, released.delta_spent) == ("spent", 1.5, 2e-6)


def test_settle_clamps_float_slack_to_the_reservation(ledger):
    _open(ledger)
    c = _charge(ledger, 2.0, 1e-6)
    settled = ledger.settle(c.id, epsilon_spent=2.0 * (1 + 1e-12), delta_spent=1e-6)
    assert settled.epsilon_spent == 2.0 and settled.epsilon == 2.0


def test_closed_charges_refuse_further_operations(ledger):
    _open(ledger)
    c = _charge(ledger, 1.0)
    settled = ledger.settle(c.id, epsilon_spent=1.0, delta_spent=0.0)
    for op in (lambda: ledger.settle(c.id, epsilon_spent=0.5, delta_spent=0.0), lambda: ledger.mark_touched(c.id)):
        with pytest.raises(LedgerError) as exc:
            op()
        assert (exc.value.code, exc.value.reason) == ("FAILED_PRECONDITION", "CHARGE_CLOSED")
    # release after settle is an idempotent no-op
    assert ledger.release(c.id, epsilon_spent=0.0) == settled
    r = _charge(ledger, 1.0)
    ledger.release(r.id)
    with pytest.raises(LedgerError) as exc:
        ledger.release(r.id)
    assert exc.value.reason == "CHARGE_CLOSED"
    with pytest.raises(UnknownChargeError) as exc:
        ledger.get_charge("0" * 32)
    assert (exc.value.code, exc.value.reason) == ("NOT_FOUND", "PRIVACY_CHARGE_NOT_FOUND")
    with pytest.raises(UnknownChargeError):
        ledger.mark_touched("0" * 32)


def test_release_untouched_refunds(ledger):
    _open(ledger, epsilon=10.0, delta=1e-5)
    c = _charge(ledger, 3.0, 2e-6)
    assert ledger.statement(tenant=T, dataset=D).epsilon_remaining == 7.0
    released = ledger.release(c.id, epsilon_spent=1.0)  # ignored: the data was never read
    assert (released.state, released.epsilon_spent, released.delta_spent) == ("refunded", 0.0, 0.0)
    st = ledger.statement(tenant=T, dataset=D)
    assert (st.epsilon_remaining, st.delta_remaining) == (10.0, 1e-5)


def test_release_touched_spends_partial(ledger):
    _open(ledger, epsilon=10.0, delta=1e-5)
    c = _charge(ledger, 3.0, 2e-6)
    ledger.mark_touched(c.id)
    ledger.mark_touched(c.id)  # idempotent
    assert ledger.get_charge(c.id).touched is True
    released = ledger.release(c.id, epsilon_spent=1.25, delta_spent=5e-7)
    assert (released.state, released.epsilon_spent, released.delta_spent) == ("spent", 1.25, 5e-7)
    assert ledger.statement(tenant=T, dataset=D).epsilon_remaining == pytest.approx(8.75)
    # an amount above the reservation is recorded in full, never clamped down to it
    c2 = _charge(ledger, 1.0, 1e-6)
    ledger.mark_touched(c2.id)
    assert ledger.release(c2.id, epsilon_spent=5.0, delta_spent=1e-6).epsilon_spent == 5.0
    assert ledger.statement(tenant=T, dataset=D).epsilon_spent == pytest.approx(6.25)


# ------------------------------------------------------------------ non-DP
def test_non_dp_refused_when_policy_forbids(ledger):
    _open(ledger, allow_non_dp=False)
    with pytest.raises(NonDpNotAllowedError) as exc:
        ledger.record_non_dp(tenant=T, dataset=D, synthesis="s1", mechanism="non_dp:gaussian_copula")
    assert (exc.value.code, exc.value.reason) == ("FAILED_PRECONDITION", "NON_DP_NOT_ALLOWED")
    assert exc.value.violations == [("config.model", "dataset policy allows only differentially private models")]
    st = ledger.statement(tenant=T, dataset=D)
    assert st.charges == () and st.guarantee_void is False


def test_non_dp_voids_guarantee_unless_released_untouched(ledger):
    _open(ledger, allow_non_dp=True)
    c = ledger.record_non_dp(tenant=T, dataset=D, synthesis="s1", mechanism="non_dp:gaussian_copula")
    assert (c.kind, c.epsilon, c.delta, c.state) == ("non_dp", 0.0, 0.0, "held")
    st = ledger.statement(tenant=T, dataset=D)
    assert st.guarantee_void is True
    assert st.epsilon_remaining == 10.0  # non-DP spends no epsilon, it voids the guarantee
    ledger.release(c.id)
    assert ledger.statement(tenant=T, dataset=D).guarantee_void is False

    touched = ledger.record_non_dp(tenant=T, dataset=D, synthesis="s2", mechanism="non_dp:ctgan")
    ledger.mark_touched(touched.id)
    assert ledger.release(touched.id).state == "spent"
    assert ledger.statement(tenant=T, dataset=D).guarantee_void is True


# ------------------------------------------------------------------ persistence
def test_restart_keeps_statement_and_recover_closes_held(path):
    led = PrivacyLedger(path)
    _open(led, epsilon=10.0, delta=1e-5)
    untouched = _charge(led, 2.0, 1e-6, synthesis="a")
    touched = _charge(led, 3.0, 2e-6, synthesis="b")
    done = _charge(led, 1.0, 0.0, synthesis="c")
    led.mark_touched(touched.id)
    led.settle(done.id, epsilon_spent=0.5, delta_spent=0.0)
    before = led.statement(tenant=T, dataset=D)
    led.close()

    led = PrivacyLedger(path)
    try:
        assert led.statement(tenant=T, dataset=D) == before
        assert led.recover() == 2
        assert led.recover() == 0
        assert led.get_charge(untouched.id).state == "refunded"
        t = led.get_charge(touched.id)
        assert (t.state, t.epsilon_spent, t.delta_spent) == ("spent", 3.0, 2e-6)
        assert led.get_charge(done.id).epsilon_spent == 0.5
        st = led.statement(tenant=T, dataset=D)
        assert st.epsilon_spent == pytest.approx(3.5)
        assert st.delta_spent == pytest.approx(2e-6)
    finally:
        led.close()


def test_delete_dataset_and_tenant_isolation(ledger):
    _open(ledger, tenant="tenant-a", epsilon=5.0)
    _open(ledger, tenant="tenant-b", epsilon=2.0)
    a = _charge(ledger, 5.0, tenant="tenant-a")
    with pytest.raises(BudgetExhaustedError):
        _charge(ledger, 0.5, tenant="tenant-a")
    b = _charge(ledger, 2.0, tenant="tenant-b")  # tenant-b's budget is untouched by tenant-a's
    assert ledger.statement(tenant="tenant-b", dataset=D).charges == (b,)

    ledger.delete_dataset(tenant="tenant-a", dataset=D)
    with pytest.raises(UnknownBudgetError):
        ledger.statement(tenant="tenant-a", dataset=D)
    with pytest.raises(UnknownChargeError):
        ledger.get_charge(a.id)
    assert ledger.get_charge(b.id) == b
    ledger.delete_dataset(tenant="tenant-a", dataset=D)  # deleting again is harmless
    # a re-created dataset starts from a fresh budget
    assert _open(ledger, tenant="tenant-a", epsilon=5.0).charges == ()
    assert ledger.statement(tenant="tenant-b", dataset=D).epsilon_spent == 2.0

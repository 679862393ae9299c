"""Exceptions -> google.rpc.Status: Veil errors keep their details, others leak nothing."""

from __future__ import annotations

from google.rpc import code_pb2, error_details_pb2

from veil.service.errors import InvalidArgument
from veil.service.interceptors import status_for_exception
from veil.synthesizers.errors import UnknownSynthesizerError


def unpack(status):
    info, bad = error_details_pb2.ErrorInfo(), error_details_pb2.BadRequest()
    for detail in status.details:
        if detail.Is(info.DESCRIPTOR):
            detail.Unpack(info)
        elif detail.Is(bad.DESCRIPTOR):
            detail.Unpack(bad)
    return info, bad


def test_veil_error_keeps_code_reason_and_fields():
    exc = InvalidArgument("bad", reason="TOO_FEW_ROWS", violations=[("arrow_ipc", "at least 50 rows")])
    status = status_for_exception(exc)
    info, bad = unpack(status)
    assert status.code == code_pb2.INVALID_ARGUMENT and info.reason == "TOO_FEW_ROWS" and info.domain == "veil.dev"
    assert [(v.field, v.description) for v in bad.field_violations] == [("arrow_ipc", "at least 50 rows")]


def test_errors_of_other_packages_map_too():
    status = status_for_exception(UnknownSynthesizerError("gpt-9", known=["gaussian_copula", "ctgan"]))
    info, bad = unpack(status)
    assert status.code == code_pb2.INVALID_ARGUMENT and info.reason == "UNKNOWN_MODEL"
    assert bad.field_violations[0].field == "config.model"


def test_third_party_errors_say_nothing_of_their_text():
    status = status_for_exception(ValueError("could not convert 'Ann Lee' to float"))
    assert status.code == code_pb2.INTERNAL and "Ann Lee" not in status.message
    assert not unpack(status)[1].field_violations

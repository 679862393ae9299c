"""Checks every request message for what proto3 would otherwise accept silently.

A field this server does not know (sent by a newer client) and an enum number its enum does
not define both parse without error; Veil refuses them instead, because ignoring a setting a
caller asked for (a risk limit, a privacy policy) would fail open.
"""

from __future__ import annotations

from collections.abc import Callable

from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import DecodeError, Message
from google.protobuf.unknown_fields import UnknownFieldSet

from veil.core.errors import ViolationCollector
from veil.service.errors import InvalidArgument


class Undecodable:
    """Stands for a request whose bytes did not parse (gRPC itself would answer INTERNAL)."""


UNDECODABLE = Undecodable()


def lenient(deserialize: Callable[[bytes], Message]) -> Callable[[bytes], Message | Undecodable]:
    """A request deserializer that returns UNDECODABLE instead of raising on a malformed message."""

    def parse(data: bytes) -> Message | Undecodable:
        try:
            return deserialize(data)
        except DecodeError:  # corrupt wire format, or invalid UTF-8 in a string field
            return UNDECODABLE

    return parse


def check_request(message: Message | Undecodable) -> None:
    """Raise InvalidArgument naming every unknown field and undefined enum value of a request."""
    if message is UNDECODABLE:
        raise InvalidArgument(
            "the request message could not be parsed",
            reason="MALFORMED_REQUEST",
            violations=[("request", "not a valid message of the method's type (wire format or UTF-8)")],
        )
    problems = ViolationCollector()
    _walk(message, "", problems)
    problems.raise_if_any("the request holds fields or values this server does not know", error=InvalidArgument)


def _walk(message: Message, path: str, problems: ViolationCollector) -> None:
    numbers = sorted({field.field_number for field in UnknownFieldSet(message)})
    for number in numbers:
        problems.add(path.rstrip(".") or "request", f"unknown field number {number}", reason="UNKNOWN_FIELD")
    for field, value in message.ListFields():
        where = path + field.name
        if field.type == FieldDescriptor.TYPE_ENUM:
            values = value if _repeated(field) else [value]
            if any(field.enum_type.values_by_number.get(v) is None for v in values):
                problems.add(where, f"not a value of {field.enum_type.full_name}", reason="UNKNOWN_ENUM_VALUE")
        elif field.type == FieldDescriptor.TYPE_MESSAGE:
            if field.message_type.GetOptions().map_entry:
                items = value.values() if field.message_type.fields_by_name["value"].message_type else ()
                for item in items:
                    _walk(item, f"{where}.", problems)
            elif _repeated(field):
                for index, item in enumerate(value):
                    _walk(item, f"{where}[{index}].", problems)
            else:
                _walk(value, f"{where}.", problems)


def _repeated(field: FieldDescriptor) -> bool:
    return field.is_repeated if hasattr(field, "is_repeated") else field.label == FieldDescriptor.LABEL_REPEATED

"""Resource names (AIP-122) and page tokens (AIP-158)."""

from __future__ import annotations

import base64
import json
import re

from veil.service.errors import InvalidArgument

_SEG = r"[a-z]([a-z0-9-]{0,61}[a-z0-9])?"
DATASET_RE = re.compile(rf"^datasets/(?P<dataset>{_SEG})$")
SYNTHESIS_RE = re.compile(rf"^datasets/(?P<dataset>{_SEG})/syntheses/(?P<synthesis>{_SEG})(?P<report>/report)?$")
OPERATION_RE = re.compile(r"^operations/(?P<op>[0-9a-f]{32})$")
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000


def parse_dataset(name: str, field: str = "name") -> str:
    m = DATASET_RE.match(name or "")
    if not m:
        raise InvalidArgument(
            f"{field} must look like datasets/{{dataset}}",
            reason="BAD_RESOURCE_NAME",
            violations=[(field, "must look like datasets/{dataset}")],
        )
    return m["dataset"]


def parse_budget(name: str, field: str = "name") -> str:
    """The dataset id of ``datasets/{dataset}/privacyBudget`` (the dataset's own name is accepted too)."""
    suffix = "/privacyBudget"
    base = name[: -len(suffix)] if (name or "").endswith(suffix) else name
    m = DATASET_RE.match(base or "")
    if not m:
        raise InvalidArgument(
            f"{field} must look like datasets/{{dataset}}/privacyBudget",
            reason="BAD_RESOURCE_NAME",
            violations=[(field, "must look like datasets/{dataset}/privacyBudget")],
        )
    return m["dataset"]


def parse_synthesis(name: str, field: str = "name", *, allow_report: bool = False) -> tuple[str, str]:
    m = SYNTHESIS_RE.match(name or "")
    if not m or (m["report"] and not allow_report):
        shape = "datasets/{dataset}/syntheses/{synthesis}" + ("[/report]" if allow_report else "")
        raise InvalidArgument(
            f"{field} must look like {shape}",
            reason="BAD_RESOURCE_NAME",
            violations=[(field, f"must look like {shape}")],
        )
    return m["dataset"], m["synthesis"]


def parse_operation(name: str, field: str = "name") -> str:
    m = OPERATION_RE.match(name or "")
    if not m:
        raise InvalidArgument(
            f"{field} must look like operations/{{operation}}",
            reason="BAD_RESOURCE_NAME",
            violations=[(field, "must look like operations/{operation}")],
        )
    return m["op"]


def page_size(requested: int) -> int:
    if requested < 0:
        raise InvalidArgument(
            "page_size must not be negative", reason="BAD_PAGE_SIZE", violations=[("page_size", "must not be negative")]
        )
    return min(requested or DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)


def paginate(fetch, *, page_size_requested: int, page_token: str, scope: str):
    """One page of a keyset listing (AIP-158).

    Args:
        fetch: fetch(limit, after) -> rows ordered newest first; rows have create_time and id.
        page_size_requested: the request's page_size (0 = default).
        page_token: the request's page_token.
        scope: ties tokens to one listing, so a token of another listing is refused.

    Returns:
        (rows of this page, next_page_token or "").
    """
    size = page_size(page_size_requested)
    rows = fetch(size + 1, decode_page_token(page_token, scope=scope))
    if len(rows) <= size:
        return rows, ""
    rows = rows[:size]
    return rows, encode_page_token(rows[-1].create_time, rows[-1].id, scope=scope)


def encode_page_token(create_time: float, key: str, scope: str) -> str:
    raw = json.dumps({"t": create_time, "k": key, "s": scope}).encode()
    return base64.urlsafe_b64encode(raw).decode()


def decode_page_token(token: str, scope: str) -> tuple[float, str] | None:
    """Returns the keyset cursor, or None for the first page; a token of another listing is refused."""
    if not token:
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(token.encode()))
        cursor = (float(data["t"]), str(data["k"]))
        ok = data["s"] == scope
    except (ValueError, KeyError, TypeError):
        ok = False
    if not ok:
        raise InvalidArgument(
            "page_token is not a token this listing issued",
            reason="BAD_PAGE_TOKEN",
            violations=[("page_token", "not issued by this listing")],
        )
    return cursor

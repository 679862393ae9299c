"""Every ErrorInfo reason the code can raise is a value of the contract's ErrorReason enum."""

from __future__ import annotations

import ast
import pathlib

from veil.v1 import errors_pb2

ROOT = pathlib.Path(__file__).resolve().parents[3]


def _reasons_in_code() -> dict[str, str]:
    """reason -> first place it is set: ``reason=`` arguments, ``reason = `` class attributes, ``"reason":`` keys."""
    found: dict[str, str] = {}

    def add(node: ast.AST, where: str) -> None:
        for value in ast.walk(node):  # a conditional expression may hold several
            if isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value.isupper():
                found.setdefault(value.value, where)

    for path in sorted((ROOT / "veil").rglob("*.py")):
        if "v1" in path.relative_to(ROOT).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = str(path.relative_to(ROOT))
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "reason":
                add(node.value, where)
            elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "reason" for t in node.targets
            ):
                add(node.value, where)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == "reason":
                add(node.value, where)
            elif isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values):
                    if isinstance(key, ast.Constant) and key.value == "reason":
                        add(value, where)
    return found


def test_every_reason_raised_is_documented():
    documented = set(errors_pb2.ErrorReason.keys())
    found = _reasons_in_code()
    assert len(found) > 60  # the scan itself works
    missing = {reason: where for reason, where in found.items() if reason not in documented}
    assert not missing, f"add these reasons to protos/veil/v1/errors.proto: {missing}"

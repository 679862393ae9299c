"""The `veil` command's stderr console and how it ends a command on an error."""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console

console = Console(stderr=True)


def fail(message: str) -> NoReturn:
    """Print an error on the stderr console and end the command with exit code 2.

    Args:
        message: What went wrong (rich markup allowed).

    Raises:
        typer.Exit: Always, with code 2.
    """
    console.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code=2)


def grpc_error_text(exc) -> str:
    """A failed call's status code and message, then each field violation of its BadRequest details.

    Args:
        exc: The ``grpc.RpcError`` raised by the call.

    Returns:
        The text, one line per violation after the first.
    """
    from google.rpc import error_details_pb2
    from grpc_status import rpc_status

    status = rpc_status.from_call(exc)
    parts = [f"{exc.code().name}: {exc.details()}"]
    if status is not None:
        for detail in status.details:
            if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
                bad = error_details_pb2.BadRequest()
                detail.Unpack(bad)
                parts += [f"  {v.field}: {v.description}" for v in bad.field_violations]
    return "\n".join(parts)

"""Server interceptors: authentication, error mapping, access logging.

Each wraps the method handler's behaviour, for all four call shapes, so that
servicers stay free of cross-cutting code.
"""

from __future__ import annotations

import hmac
import logging
import time
from collections.abc import Callable, Mapping

import grpc
from google.protobuf import any_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from veil.core.errors import VeilError
from veil.service.errors import log_unexpected
from veil.service.request_check import check_request, lenient

logger = logging.getLogger(__name__)

ERROR_DOMAIN = "veil.dev"
PUBLIC_METHOD_PREFIXES = ("/grpc.health.v1.Health/",)


def _wrap_handler(handler: grpc.RpcMethodHandler, wrap: Callable) -> grpc.RpcMethodHandler:
    """Rebuild a handler with each behaviour passed through wrap(behaviour, streaming_response)."""
    if handler is None:
        return None
    if handler.unary_unary:
        return grpc.unary_unary_rpc_method_handler(
            wrap(handler.unary_unary, False), handler.request_deserializer, handler.response_serializer
        )
    if handler.unary_stream:
        return grpc.unary_stream_rpc_method_handler(
            wrap(handler.unary_stream, True), handler.request_deserializer, handler.response_serializer
        )
    if handler.stream_unary:
        return grpc.stream_unary_rpc_method_handler(
            wrap(handler.stream_unary, False), handler.request_deserializer, handler.response_serializer
        )
    return grpc.stream_stream_rpc_method_handler(
        wrap(handler.stream_stream, True), handler.request_deserializer, handler.response_serializer
    )


class Authenticator:
    """Maps bearer tokens to tenants (constant-time comparison)."""

    def __init__(self, tokens: Mapping[str, str]) -> None:
        self._tokens = dict(tokens)

    def tenant_for(self, metadata) -> str | None:
        header = next((value for key, value in metadata or () if key == "authorization"), None)
        if not header or not header.startswith("Bearer "):
            return None
        presented = header[len("Bearer ") :].strip()
        for token, tenant in self._tokens.items():
            if hmac.compare_digest(token.encode(), presented.encode()):
                return tenant
        return None

    def tenant(self, context: grpc.ServicerContext) -> str:
        """The caller's tenant; the interceptor has already refused unknown callers."""
        tenant = self.tenant_for(context.invocation_metadata())
        if tenant is None:
            context.abort(grpc.StatusCode.UNAUTHENTICATED, "a valid bearer token is required")
        return tenant


class AuthInterceptor(grpc.ServerInterceptor):
    def __init__(self, authenticator: Authenticator) -> None:
        self._auth = authenticator

    def intercept_service(self, continuation, handler_call_details):
        handler = continuation(handler_call_details)
        if handler_call_details.method.startswith(PUBLIC_METHOD_PREFIXES):
            return handler
        if self._auth.tenant_for(handler_call_details.invocation_metadata) is not None:
            return handler

        def wrap(behaviour, streaming):
            def deny(request, context):
                status = build_status(
                    "UNAUTHENTICATED",
                    "a valid bearer token is required (authorization: Bearer <token>)",
                    reason="MISSING_OR_BAD_TOKEN",
                    violations=[],
                )
                context.abort_with_status(rpc_status.to_status(status))

            return deny

        return _wrap_handler(handler, wrap)


def build_status(
    code_name: str, message: str, *, reason: str, violations, metadata: dict[str, str] | None = None
) -> status_pb2.Status:
    code = code_pb2.Code.Value(code_name) if code_name in code_pb2.Code.keys() else code_pb2.INTERNAL
    status = status_pb2.Status(code=code, message=message)
    info = any_pb2.Any()
    info.Pack(error_details_pb2.ErrorInfo(reason=reason, domain=ERROR_DOMAIN, metadata=metadata or {}))
    status.details.append(info)
    if violations:
        bad = error_details_pb2.BadRequest(
            field_violations=[
                error_details_pb2.BadRequest.FieldViolation(field=f, description=d, reason=reason)
                for f, d in violations
            ]
        )
        detail = any_pb2.Any()
        detail.Pack(bad)
        status.details.append(detail)
    return status


def status_for_exception(exc: BaseException) -> status_pb2.Status:
    """Veil errors keep their code, reason and violations; anything else is INTERNAL with no detail."""
    if isinstance(exc, VeilError):
        return build_status(
            exc.code, str(exc), reason=exc.reason, violations=exc.violations, metadata=getattr(exc, "metadata", None)
        )
    return build_status("INTERNAL", "internal error; see the server log", reason="INTERNAL", violations=[])


class ErrorInterceptor(grpc.ServerInterceptor):
    """Turns exceptions into google.rpc.Status with BadRequest / ErrorInfo details."""

    def intercept_service(self, continuation, handler_call_details):
        method = handler_call_details.method
        handler = continuation(handler_call_details)

        def abort(context, exc):
            if not isinstance(exc, VeilError):
                log_unexpected(logger, method, exc)
            context.abort_with_status(rpc_status.to_status(status_for_exception(exc)))

        def wrap(behaviour, streaming):
            if streaming:

                def stream_behaviour(request, context):
                    try:
                        yield from behaviour(request, context)
                    except Exception as exc:
                        if _is_abort(exc, context):
                            raise
                        abort(context, exc)

                return stream_behaviour

            def unary_behaviour(request, context):
                try:
                    return behaviour(request, context)
                except Exception as exc:
                    if _is_abort(exc, context):
                        raise
                    abort(context, exc)

            return unary_behaviour

        return _wrap_handler(handler, wrap)


def _is_abort(exc: BaseException, context) -> bool:
    # context.abort raises a bare Exception after setting the code; let it pass.
    return type(exc) is Exception and context.code() is not None


class RequestCheckInterceptor(grpc.ServerInterceptor):
    """Refuses malformed messages, unknown fields and undefined enum values in every request (request_check).

    Sits inside the ErrorInterceptor, so its InvalidArgument becomes a Status with field violations.
    """

    def intercept_service(self, continuation, handler_call_details):
        handler = continuation(handler_call_details)
        if handler is None:
            return None
        streaming_requests = handler.stream_unary is not None or handler.stream_stream is not None

        def checked_stream(requests):
            for request in requests:
                check_request(request)
                yield request

        def wrap(behaviour, streaming):
            if streaming_requests:
                return lambda requests, context: behaviour(checked_stream(requests), context)

            if streaming:

                def stream_behaviour(request, context):
                    check_request(request)
                    yield from behaviour(request, context)

                return stream_behaviour

            def unary_behaviour(request, context):
                check_request(request)
                return behaviour(request, context)

            return unary_behaviour

        return _wrap_handler(_with_lenient_deserializer(handler), wrap)


def _with_lenient_deserializer(handler: grpc.RpcMethodHandler) -> grpc.RpcMethodHandler:
    """The same handler, its request deserializer returning UNDECODABLE instead of raising."""
    deserialize = lenient(handler.request_deserializer) if handler.request_deserializer else None
    for kind, make in (
        ("unary_unary", grpc.unary_unary_rpc_method_handler),
        ("unary_stream", grpc.unary_stream_rpc_method_handler),
        ("stream_unary", grpc.stream_unary_rpc_method_handler),
        ("stream_stream", grpc.stream_stream_rpc_method_handler),
    ):
        if getattr(handler, kind):
            return make(getattr(handler, kind), deserialize, handler.response_serializer)
    return handler


class LoggingInterceptor(grpc.ServerInterceptor):
    """One line per call: method, outcome, duration. Never request contents."""

    def intercept_service(self, continuation, handler_call_details):
        method = handler_call_details.method
        handler = continuation(handler_call_details)

        def wrap(behaviour, streaming):
            def finish(context, started):
                code = context.code() if hasattr(context, "code") else None
                logger.info(
                    "%s %s %.3fs", method, getattr(code, "name", "OK") if code else "OK", time.perf_counter() - started
                )

            if streaming:

                def stream_behaviour(request, context):
                    started = time.perf_counter()
                    try:
                        yield from behaviour(request, context)
                    finally:
                        finish(context, started)

                return stream_behaviour

            def unary_behaviour(request, context):
                started = time.perf_counter()
                try:
                    return behaviour(request, context)
                finally:
                    finish(context, started)

            return unary_behaviour

        return _wrap_handler(handler, wrap)

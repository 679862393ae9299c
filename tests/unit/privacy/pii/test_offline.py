"""Nothing reaches out: tldextract's suffix-list download is switched off."""

from __future__ import annotations

import socket

import tldextract.tldextract as tld

from veil.privacy.pii import PiiEngine


def test_engine_installs_offline_extractor(engine: PiiEngine) -> None:
    assert tuple(tld.TLD_EXTRACTOR.suffix_list_urls) == ()
    assert tld.TLD_EXTRACTOR.fallback_to_snapshot is True


def test_email_detection_makes_no_network_call(engine: PiiEngine, monkeypatch) -> None:
    calls: list[object] = []

    def refuse(self, address):  # noqa: ANN001
        calls.append(address)
        raise OSError("network is unplugged in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a))
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: refuse(None, a))
    # Drop the extractor's loaded suffix list so the next extract() initialises it again
    # (a default TLDExtract would try to download the list at that point).
    monkeypatch.setattr(tld.TLD_EXTRACTOR, "_extractor", None)
    text = "Write to jane.roe@example.co.uk or visit https://www.example.org/about today."
    spans = engine.analyze_texts([text])[0]
    kinds = {s.entity_type for s in spans}
    assert "EMAIL_ADDRESS" in kinds
    assert calls == []
    # Building a second engine is offline too.
    PiiEngine().analyze_texts(["mail bob.smith@corp.com"])
    assert calls == []

"""Shared test setup. Tests never reach beyond 127.0.0.1: any socket connect to another
address fails loudly, so a test that would hit the real EDGAR cannot pass by accident."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_loopback(address) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path (PostgreSQL socket)
        return True
    host = address[0]
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _guarded_connect(self, address):
    if not _is_loopback(address):
        raise RuntimeError(f"tests may only connect to 127.0.0.1, not {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):
    if not _is_loopback(address):
        raise RuntimeError(f"tests may only connect to 127.0.0.1, not {address!r}")
    return _real_connect_ex(self, address)


socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]


@pytest.fixture
def data_dir() -> Path:
    return DATA

"""Loopback-only guard for benchmark subprocesses: refuse any name lookup or connection off 127/8 and ::1.

bench/crawl.py puts this directory first on PYTHONPATH of the news-please process, so that
nothing in its stack (newspaper4k's tldextract suffix-list download, nltk, robots checks of
other hosts) can reach the network: such an attempt fails at once with an OSError, and is
counted in the file named by NETGUARD_LOG, if set.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from typing import Any

_LOG = os.environ.get("NETGUARD_LOG")
_real_getaddrinfo = socket.getaddrinfo
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def _loopback(host: Any) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    name = str(host).strip("[]").lower()
    if name in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(name.split("%")[0]).is_loopback
    except ValueError:
        return False


def _refuse(what: str) -> OSError:
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as fh:
            fh.write(what + "\n")
    return OSError(f"netguard: refused non-loopback {what}")


def _getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    if not _loopback(host):
        raise _refuse(f"lookup {host!r}")
    return _real_getaddrinfo(host, *args, **kwargs)


def _address_ok(sock: socket.socket, address: Any) -> bool:
    if sock.family not in (socket.AF_INET, socket.AF_INET6):
        return True  # unix sockets and the like
    return _loopback(address[0])


def _connect(self: socket.socket, address: Any) -> None:
    if not _address_ok(self, address):
        raise _refuse(f"connect {address!r}")
    _real_connect(self, address)


def _connect_ex(self: socket.socket, address: Any) -> int:
    if not _address_ok(self, address):
        raise _refuse(f"connect {address!r}")
    return _real_connect_ex(self, address)


socket.getaddrinfo = _getaddrinfo
socket.socket.connect = _connect  # type: ignore[method-assign,assignment]
socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign,assignment]

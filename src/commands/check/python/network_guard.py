"""Keeps a CLI checked in this process on the loopback interface, and stops a call the moment it
reaches for the network.

The environment points every CLI at a closed port on 127.0.0.1 (as its endpoint, or as its proxy).
A connection there means the call parsed and was about to be sent: it ends the call at once with
ReachedNetwork, which no CLI's retry loop catches, so the checker never waits out a backoff. A
connection or name lookup for any other host is refused the same way and recorded, so the checker
can report it: a CLI that tries is a CLI whose offline recipe needs fixing.
"""

import ipaddress
import os
import socket


class ReachedNetwork(BaseException):
    """The call got as far as a connection: it parsed. A BaseException, so CLIs' `except Exception` let it through."""


attempts = []
# Set when a call reaches the closed endpoint, in whatever thread: some commands (`aws s3 cp --recursive`)
# list in a worker thread, or catch every error and print it, so ReachedNetwork may never reach the checker.
reached = []

_closed_host, _, _closed_port = os.environ.get("COMMAND_CHECK_CLOSED_ENDPOINT", "127.0.0.1:9").rpartition(":")
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_getaddrinfo = socket.getaddrinfo
_gethostbyname = socket.gethostbyname


def _is_loopback(host):
    if host in (None, "", "localhost"):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _guard(host, port):
    # A CLI may put a name in front of its endpoint's host (s3control's account ID): still the closed endpoint.
    if str(host) == _closed_host or str(host).endswith(f".{_closed_host}"):
        reached.append(f"{host}:{port}")
        raise ReachedNetwork(f"{host}:{port}")
    if not _is_loopback(host):
        attempts.append(f"{host}:{port}")
        raise ReachedNetwork(f"{host}:{port}")


def _connect_guarded(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _guard(address[0], address[1])
    return _connect(self, address)


def _connect_ex_guarded(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _guard(address[0], address[1])
    return _connect_ex(self, address)


def _getaddrinfo_guarded(host, port, *args, **kwargs):
    if not _is_loopback(host):
        _guard(host, port)
    return _getaddrinfo(host, port, *args, **kwargs)


def _gethostbyname_guarded(host):
    if not _is_loopback(host):
        _guard(host, "")
    return _gethostbyname(host)


def install():
    socket.socket.connect = _connect_guarded
    socket.socket.connect_ex = _connect_ex_guarded
    socket.getaddrinfo = _getaddrinfo_guarded
    socket.gethostbyname = _gethostbyname_guarded


def take_reached():
    """The first connection to the closed endpoint since the last call, if any, emptied."""
    taken = reached[:1]
    reached.clear()
    return taken[0] if taken else None


def take_attempts():
    """The hosts off loopback tried since the last call, emptied."""
    taken = list(attempts)
    attempts.clear()
    return taken

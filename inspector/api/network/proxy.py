"""Which proxy, if any, a request goes through: plain data and pure functions, no HTTP.

The rules operators expect: a proxy set for the profile, else ``HTTPS_PROXY`` / ``HTTP_PROXY`` /
``ALL_PROXY`` from the environment; ``NO_PROXY`` is honoured for both; loopback and the hosts
named in :attr:`NetworkSettings.direct_hosts` (the metadata service) are always reached
directly, so the demo works behind a corporate proxy.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from inspector.api.errors import UsageError
from inspector.api.inputs import is_loopback_host
from inspector.i18n import _


class NetworkSettings(NamedTuple):
    """TLS trust and proxy for one connection; ``proxy`` None means "from the environment"."""

    ca_file: Path | None = None
    proxy: str | None = None
    direct_hosts: frozenset[str] = frozenset()


def proxy_display(url: str) -> str:
    """``http://proxy:3128``: a proxy URL without the user name and password it may carry."""
    parts = urlsplit(url)
    host = parts.hostname or "?"
    host = f"[{host}]" if ":" in host else host
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    return f"{parts.scheme}://{host}{port}"


def parse_proxy(raw: str, source: str) -> str:
    """An http(s) proxy URL; ``source`` (a variable, an option) names it when refusing it."""
    value = raw.strip()
    if "://" not in value:
        value = f"http://{value}"  # curl and requests read a bare host:port as http
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise UsageError(_("the proxy from {source} is not a URL").format(source=source)) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(
            _(
                "the proxy from {source} must be http://host:port or https://host:port "
                "(got a {scheme} URL; SOCKS proxies are not supported)"
            ).format(source=source, scheme=parts.scheme or _("schemeless"))
        )
    return value


def _environment(environ: Mapping[str, str], name: str) -> str | None:
    value = environ.get(name.lower()) or environ.get(name.upper())
    return value.strip() if value and value.strip() else None


def _bypassed(host: str, no_proxy: str) -> bool:
    """Whether ``host`` matches ``NO_PROXY``: ``*``, a host, a domain suffix or an IP network."""
    host = host.lower().strip("[]").rstrip(".")
    try:
        address: ipaddress.IPv4Address | ipaddress.IPv6Address | None = ipaddress.ip_address(host)
    except ValueError:
        address = None
    for raw_entry in no_proxy.split(","):
        entry = raw_entry.strip().lower()
        if not entry:
            continue
        if entry == "*":
            return True
        if address is not None:
            try:
                if address in ipaddress.ip_network(entry.strip("[]"), strict=False):
                    return True
            except ValueError:
                pass
            continue
        name = entry.rsplit(":", 1)[0] if entry.count(":") == 1 else entry
        name = name.lstrip("*").lstrip(".").rstrip(".")
        if name and (host == name or host.endswith(f".{name}")):
            return True
    return False


class ProxyRoutes:
    """Decides, per URL, the proxy to use (``None``: connect directly)."""

    def __init__(self, settings: NetworkSettings, environ: Mapping[str, str] | None = None):
        env = os.environ if environ is None else environ
        self._direct = {host.lower() for host in settings.direct_hosts}
        self._no_proxy = _environment(env, "no_proxy") or ""
        self._by_scheme: dict[str, str | None]
        if settings.proxy is not None:
            proxy = parse_proxy(settings.proxy, _("the proxy setting"))
            self._by_scheme = {"https": proxy, "http": proxy}
        else:
            every = _environment(env, "all_proxy")
            self._by_scheme = {}
            for scheme in ("https", "http"):
                name, value = f"{scheme}_proxy", _environment(env, f"{scheme}_proxy")
                if value is None:
                    name, value = "all_proxy", every
                self._by_scheme[scheme] = parse_proxy(value, name.upper()) if value else None

    def proxy_for(self, scheme: str, host: str) -> str | None:
        """The proxy URL for a request to ``scheme://host``, or None to go direct."""
        proxy = self._by_scheme.get(scheme)
        if proxy is None or is_loopback_host(host) or host.lower() in self._direct:
            return None
        return None if _bypassed(host, self._no_proxy) else proxy

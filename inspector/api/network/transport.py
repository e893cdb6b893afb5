"""The httpx transport every request goes through: proxy routing, TLS trust, clear failures.

It replaces httpx's own environment handling (``trust_env=False``) so that one tested rule set
(:class:`~inspector.api.network.proxy.ProxyRoutes`) decides the route, and it turns a failed
certificate verification into :class:`UntrustedCertificate`, which names the issuer.
"""

from __future__ import annotations

import ssl
from collections.abc import Mapping

import httpx

from inspector.api.inputs import is_loopback_host
from inspector.api.network.proxy import NetworkSettings, ProxyRoutes, proxy_display
from inspector.api.network.tls import make_ssl_context, peer_issuer, verification_failed


class UntrustedCertificate(httpx.ConnectError):
    """The server's certificate did not verify; ``issuer`` is who signed it, when known."""

    def __init__(self, message: str, *, issuer: str | None, request: httpx.Request) -> None:
        super().__init__(message, request=request)
        self.issuer = issuer


class PlainHttpRefused(httpx.UnsupportedProtocol):
    """A token was about to travel over plain http to a host that is not loopback."""


class NetworkTransport(httpx.AsyncBaseTransport):
    """Routes each request directly or through its proxy, verifying TLS against the OS store."""

    def __init__(
        self,
        settings: NetworkSettings | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        settings = settings or NetworkSettings()
        self._routes = ProxyRoutes(settings, environ)
        self._ssl = ssl_context or make_ssl_context(settings.ca_file)
        self._direct = httpx.AsyncHTTPTransport(verify=self._ssl, trust_env=False)
        self._proxied: dict[str, httpx.AsyncHTTPTransport] = {}

    def _transport_for(self, proxy: str | None) -> httpx.AsyncHTTPTransport:
        if proxy is None:
            return self._direct
        if proxy not in self._proxied:
            self._proxied[proxy] = httpx.AsyncHTTPTransport(
                verify=self._ssl, proxy=proxy, trust_env=False
            )
        return self._proxied[proxy]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        refused = url.scheme == "http" and "authorization" in request.headers
        if refused and not is_loopback_host(url.host):
            raise PlainHttpRefused(
                f"refusing to send a token over plain http:// to {url.host}",  # untranslated
                request=request,
            )
        proxy = self._routes.proxy_for(url.scheme, url.host)
        try:
            return await self._transport_for(proxy).handle_async_request(request)
        except httpx.ConnectError as error:
            if url.scheme != "https" or not verification_failed(error):
                raise
            issuer = await peer_issuer(url, proxy)
            # The message stays in the log and the error chain: api/transport words what is shown.
            via = f" (through the proxy {proxy_display(proxy)})" if proxy else ""  # untranslated
            signed = f"; it was issued by {issuer}" if issuer else ""  # untranslated
            raise UntrustedCertificate(
                f"the certificate of {url.host}{via} is not trusted{signed}",  # untranslated
                issuer=issuer,
                request=request,
            ) from error

    async def aclose(self) -> None:
        await self._direct.aclose()
        for transport in self._proxied.values():
            await transport.aclose()


def untrusted_issuer(error: BaseException) -> str | None:
    """The certificate issuer :class:`UntrustedCertificate` found, anywhere in ``error``'s chain."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, UntrustedCertificate):
            return current.issuer
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None

"""TLS trust: the operating system's certificate store plus an optional CA file.

httpx trusts certifi's bundle by default, which knows nothing of a corporate CA; ``truststore``
asks the OS instead (and honours ``SSL_CERT_FILE`` / ``SSL_CERT_DIR`` on Linux). When
verification fails, :func:`peer_issuer` opens a second, separate connection without
verification, sends no credentials, and reads who issued the certificate: that is how a
TLS-inspecting proxy shows itself.
"""

from __future__ import annotations

import ssl
from pathlib import Path

import httpx
import truststore

from inspector.api.errors import UsageError
from inspector.i18n import _

PROBE_TIMEOUT_SECONDS = 3.0


def make_ssl_context(ca_file: Path | None = None) -> ssl.SSLContext:
    """A verifying context over the OS store, with ``ca_file`` (PEM) trusted as well."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_file is not None:
        try:
            context.load_verify_locations(cafile=str(ca_file))
        except FileNotFoundError:
            raise UsageError(_("the CA file {file} does not exist").format(file=ca_file)) from None
        except (OSError, ssl.SSLError) as error:
            reason = getattr(error, "strerror", None) or _("it holds no PEM certificate")
            raise UsageError(
                _("the CA file {file} could not be loaded: {reason}").format(
                    file=ca_file, reason=reason
                )
            ) from None
    return context


def verification_failed(error: BaseException) -> bool:
    """True when ``error`` (or what caused it) is a failed certificate verification."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _unverified_context() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def issuer_of(der: bytes) -> str | None:
    """The issuer of a DER certificate as an RFC 4514 string (``CN=...,O=...``)."""
    from cryptography import x509  # only after a failure: keeps start-up light

    try:
        return x509.load_der_x509_certificate(der).issuer.rfc4514_string() or None
    except ValueError:
        return None


async def peer_issuer(url: httpx.URL, proxy: str | None) -> str | None:
    """Who issued the certificate ``url``'s server presents, read without verifying it.

    Only ``HEAD /`` goes out, with no credentials, over the same route (proxy or direct) as
    the failed request; None when the probe fails too.
    """
    transport = httpx.AsyncHTTPTransport(verify=_unverified_context(), proxy=proxy)
    async with httpx.AsyncClient(
        transport=transport, timeout=PROBE_TIMEOUT_SECONDS, trust_env=False
    ) as client:
        try:
            async with client.stream("HEAD", url.copy_with(path="/", query=None)) as response:
                stream = response.extensions.get("network_stream")
                ssl_object = stream.get_extra_info("ssl_object") if stream else None
                der = ssl_object.getpeercert(binary_form=True) if ssl_object else None
        except httpx.HTTPError:
            return None
    return issuer_of(der) if der else None

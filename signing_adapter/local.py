"""Keys in PKCS#12 files on the server: <CERTS_DIR>/<credential id>.p12, one password for all. When a
file is missing, the registered issuers are asked in turn (the demo app's certificate authority
registers one); none answering means the holder cannot sign here."""

import io
from collections.abc import Callable
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from .client import Holder, SigningService

# Callables (holder) -> (PKCS#12 bytes, password or None) or None, tried when no file is found.
_issuers: list[Callable[[Holder], tuple[bytes, bytes | None] | None]] = []


def register_issuer(issuer):
    if issuer not in _issuers:
        _issuers.append(issuer)


class LocalSigning(SigningService):
    def __init__(self, certs_dir="", password=""):
        self.certs_dir = Path(certs_dir) if certs_dir else None
        self.password = password.encode() if password else None

    @classmethod
    def from_settings(cls, config):
        return cls(config["CERTS_DIR"], config["CERTS_PASSWORD"])

    def health(self):
        if self.certs_dir is None:
            return True, "no folder; " + (f"{len(_issuers)} issuer(s)" if _issuers else "nobody can sign")
        return self.certs_dir.is_dir(), str(self.certs_dir)

    def sign(self, pdf_bytes, holder, metadata, *, stamp_style=None, strict=True):
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=strict)
        signer = simple_signer(*self._pkcs12(holder))
        return signers.PdfSigner(metadata, signer, stamp_style=stamp_style).sign_pdf(writer).getvalue()

    def _pkcs12(self, holder):
        if self.certs_dir is not None:
            path = self.certs_dir / f"{holder.credential_id}.p12"
            if path.exists():
                return path.read_bytes(), self.password
        for issuer in _issuers:
            if (issued := issuer(holder)) is not None:
                return issued
        raise holder.unavailable()


def simple_signer(pkcs12_bytes, password):
    key, certificate, chain = pkcs12.load_key_and_certificates(pkcs12_bytes, password)
    return signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER)),
        signing_key=asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        ),
        cert_registry=SimpleCertificateStore.from_certs(
            [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in chain or []]
        ),
    )

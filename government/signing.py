"""Checking PAdES signatures: who signed, when, whether the signed bytes are intact, whether the
certificate chains to a root the portal trusts, and what was added after. Signing needs a key and is
an outside system's work (signing_adapter).

Trusted roots: the CA that issues the province's certificates (SIGNING_TRUST_ROOT, a PEM file) and,
with SIGNING_DEMO_CA on, the demo certificate authority's (demo.pki keeps it in SIGNING_DEMO_DIR).
"""

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from django.conf import settings
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext


def trust_roots():
    """Certificates whose signatures the verification page accepts as trusted."""
    files = []
    if settings.SIGNING_TRUST_ROOT:
        files.append(Path(settings.SIGNING_TRUST_ROOT))
    if settings.SIGNING_DEMO_CA:
        files.append(Path(settings.SIGNING_DEMO_DIR) / "ca.pem")
    roots = [x509.load_pem_x509_certificate(path.read_bytes()) for path in files if path.exists()]
    return [asn1_x509.Certificate.load(root.public_bytes(serialization.Encoding.DER)) for root in roots]


@dataclass(frozen=True)
class SignatureCheck:
    signed: bool
    intact: bool = False  # the signed bytes are unchanged
    trusted: bool = False  # the certificate chains to a root we trust
    whole_file: bool = False  # nothing was added after the signature
    later_changes_permitted: bool = False  # what was added after it is only form filling and signing
    certifies: bool = False  # a certification (DocMDP) signature: it says what may change later
    signer: str = ""
    signed_at: dt.datetime | None = None
    field: str = ""

    @property
    def valid(self):
        return self.signed and self.intact and self.trusted and (self.whole_file or self.later_changes_permitted)


PERMITTED_LATER = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING)


def check_pdf(pdf_bytes):
    """What a verification page says about a PDF's last signature: signed? by whom, when, unchanged,
    trusted?"""
    checks = check_signatures(pdf_bytes)
    return checks[-1] if checks else SignatureCheck(signed=False)


def check_signatures(pdf_bytes):
    """Every signature of a PDF in signing order, each checked with what was added after it: a
    signature followed by anything but form filling and signing is not valid."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        signatures = reader.embedded_signatures
    except Exception:  # noqa: BLE001 - any unreadable upload is simply "not a signed PDF"
        return []
    return [_check(signature) for signature in signatures]


def _check(signature):
    try:
        status = validate_pdf_signature(signature, ValidationContext(trust_roots=trust_roots()))
    except Exception:  # noqa: BLE001 - a broken /ByteRange or signature blob: signed, but not valid
        return SignatureCheck(signed=True, field=signature.field_name)
    whole_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    return SignatureCheck(
        signed=True,
        intact=status.intact and status.valid,
        trusted=status.trusted,
        whole_file=whole_file,
        later_changes_permitted=(
            status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
            and bool(status.docmdp_ok)
            and status.modification_level in PERMITTED_LATER
        ),
        certifies=signature.docmdp_level is not None,
        signer=status.signing_cert.subject.native.get("common_name", ""),
        signed_at=status.signer_reported_dt,
        field=signature.field_name,
    )

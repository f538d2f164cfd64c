"""PAdES signatures with an agency's or a signer's certificate (pyHanko over reportlab's output), and
their check.

Production puts each agency's PKCS#12 file at SIGNING_CERTS_DIR/<electronic code>.p12 (password in
SIGNING_CERTS_PASSWORD) and the issuing CA's certificate at SIGNING_TRUST_ROOT. The demo set-up
(SIGNING_DEMO_CA on) makes its own certificate authority under var/pki and a certificate per agency
on first use, and a personal one per signer (user-<id>.p12) the same way; `manage.py
create_demo_certificates` makes those of the demo agencies ahead of time.
"""

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings
from django.utils.translation import gettext as _
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko.stamp import StaticStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from government.exceptions import DomainError


class SigningUnavailable(DomainError):
    default_message = _("Chưa có chứng thư số của cơ quan để ký văn bản.")


# --- certificates ------------------------------------------------------------------------------


def _pki_dir():
    path = Path(settings.SIGNING_DEMO_DIR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _name(common_name, organisation="Một cửa Thái Nguyên (demo)"):
    # X.520 caps both at 64; a ward's service center has a longer name. The shortened
    # "TT PVHCC" is what the centers' own seals and letterheads use.
    common_name, organisation = (_fit(value) for value in (common_name, organisation))
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, "Thái Nguyên"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _fit(value, limit=64):
    """Within `limit` bytes of UTF-8, which is how the library counts."""
    if len(value.encode()) > limit:
        value = value.replace("Trung tâm Phục vụ hành chính công", "TT PVHCC")
    while len(value.encode()) > limit:
        value = value[:-1]
    return value


def demo_ca():
    """(key, certificate) of the demo certificate authority, made once and kept in var/pki."""
    key_file, cert_file = _pki_dir() / "ca.key", _pki_dir() / "ca.pem"
    if cert_file.exists():
        key = serialization.load_pem_private_key(key_file.read_bytes(), password=None)
        return key, x509.load_pem_x509_certificate(cert_file.read_bytes())
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = _name("CA chữ ký số minh họa — không dùng thật")
    now = dt.datetime.now(dt.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _demo_backdate())
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    key_file.chmod(0o600)
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return key, certificate


def _demo_backdate():
    # Tests travel in time (a November history, a night in Tết) within one run that issues each
    # demo certificate once: they back-date them far enough for every moment they visit.
    return dt.timedelta(days=settings.SIGNING_DEMO_BACKDATE_DAYS)


def demo_agency_certificate(agency):
    """Issue (once) the demo certificate of `agency`, stored as <electronic code>.p12 next to the CA."""
    return _demo_certificate(agency.electronic_code, agency.name, agency.name)


def demo_personal_certificate(user, agency):
    """Issue (once) the demo personal certificate of a signer (a leader), stored as user-<id>.p12."""
    return _demo_certificate(f"user-{user.pk}", user.get_full_name() or user.get_username(), agency.name)


def _demo_certificate(stem, common_name, organisation):
    path = _pki_dir() / f"{stem}.p12"
    if path.exists() and _issued_to(path) == _name(common_name, organisation):
        return path
    # Missing, or issued to another name under the same id (a database made again beside an old
    # var/pki): issue it afresh, so that a signature never shows someone else's name.
    ca_key, ca_cert = demo_ca()
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name, organisation))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _demo_backdate())
        .not_valid_after(now + dt.timedelta(days=730))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(stem.encode(), key, certificate, [ca_cert], serialization.NoEncryption())
    )
    path.chmod(0o600)
    return path


def _issued_to(path):
    _key, certificate, _chain = pkcs12.load_key_and_certificates(path.read_bytes(), None)
    return certificate.subject


def _agency_pkcs12(agency):
    if path := _production_pkcs12(f"{agency.electronic_code}.p12"):
        return path
    if settings.SIGNING_DEMO_CA:
        return demo_agency_certificate(agency), None
    raise SigningUnavailable(_("Chưa có chứng thư số của %(agency)s để ký văn bản.") % {"agency": agency})


def _personal_pkcs12(user, agency):
    if path := _production_pkcs12(f"user-{user.pk}.p12"):
        return path
    if settings.SIGNING_DEMO_CA:
        return demo_personal_certificate(user, agency), None
    raise SigningUnavailable(
        _("Chưa có chứng thư số cá nhân của %(name)s để ký văn bản.")
        % {"name": user.get_full_name() or user.get_username()}
    )


def _production_pkcs12(file_name):
    if settings.SIGNING_CERTS_DIR:
        path = Path(settings.SIGNING_CERTS_DIR) / file_name
        if path.exists():
            return path, (settings.SIGNING_CERTS_PASSWORD or "").encode() or None
    return None


def trust_roots():
    """Certificates whose signatures the verification page accepts as trusted."""
    roots = []
    if settings.SIGNING_TRUST_ROOT:
        roots.append(x509.load_pem_x509_certificate(Path(settings.SIGNING_TRUST_ROOT).read_bytes()))
    if settings.SIGNING_DEMO_CA:
        roots.append(demo_ca()[1])
    return [asn1_x509.Certificate.load(root.public_bytes(serialization.Encoding.DER)) for root in roots]


# --- signing and checking ----------------------------------------------------------------------


def sign_pdf(pdf_bytes, agency, *, reason, location="Thái Nguyên"):
    """The PDF with a PAdES signature of `agency` added as an incremental update."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes))
    metadata = signers.PdfSignatureMetadata(
        field_name="ChuKySo",
        reason=reason,
        location=location,
        name=agency.name,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    output = signers.sign_pdf(writer, metadata, signer=_signer(*_agency_pkcs12(agency)))
    return output.getvalue()


def sign_as_signer(pdf_bytes, user, agency, *, field, image, reason, location="Thái Nguyên"):
    """The leader's personal signature in the empty signature field `field`, with the image of their
    handwritten signature as its appearance; a certification that permits form filling and signing only."""
    metadata = signers.PdfSignatureMetadata(
        field_name=field,
        reason=reason,
        location=location,
        name=user.get_full_name() or user.get_username(),
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        certify=True,
        docmdp_permissions=fields.MDPPerm.FILL_FORMS,
    )
    return _sign_field(pdf_bytes, metadata, _signer(*_personal_pkcs12(user, agency)), image)


def sign_as_person(
    pdf_bytes, user, agency, *, reason, field="ChuKyChuToa", location="Thái Nguyên", others_follow=False
):
    """A personal signature without a visible field (the minutes of a meeting). The first signer
    certifies the document: nothing may be added after it, or (`others_follow`) only the signatures of
    those who sign after (the chair after the secretary)."""
    certify = not _signed(pdf_bytes)
    permissions = fields.MDPPerm.FILL_FORMS if others_follow else fields.MDPPerm.NO_CHANGES
    metadata = signers.PdfSignatureMetadata(
        field_name=field,
        reason=reason,
        location=location,
        name=user.get_full_name() or user.get_username(),
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        certify=certify,
        docmdp_permissions=permissions,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    return signers.sign_pdf(writer, metadata, signer=_signer(*_personal_pkcs12(user, agency))).getvalue()


def _signed(pdf_bytes):
    return bool(PdfFileReader(io.BytesIO(pdf_bytes), strict=False).embedded_signatures)


def sign_as_agency(pdf_bytes, agency, *, field, image, reason, location="Thái Nguyên"):
    """The agency's signature in the empty signature field `field`, with its seal as the appearance."""
    metadata = signers.PdfSignatureMetadata(
        field_name=field,
        reason=reason,
        location=location,
        name=agency.name,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    return _sign_field(pdf_bytes, metadata, _signer(*_agency_pkcs12(agency)), image)


def _sign_field(pdf_bytes, metadata, signer, image):
    style = StaticStampStyle(background=PdfImage(image), border_width=0, background_opacity=1.0)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    return signers.PdfSigner(metadata, signer, stamp_style=style).sign_pdf(writer).getvalue()


def _signer(path, password):
    key, certificate, chain = pkcs12.load_key_and_certificates(path.read_bytes(), password)
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

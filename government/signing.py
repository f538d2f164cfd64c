"""PAdES signatures with an agency's certificate (pyHanko over reportlab's output), and their check.

Production puts each agency's PKCS#12 file at SIGNING_CERTS_DIR/<electronic code>.p12 (password in
SIGNING_CERTS_PASSWORD) and the issuing CA's certificate at SIGNING_TRUST_ROOT. The demo set-up
(SIGNING_DEMO_CA on) makes its own certificate authority under var/pki and a certificate per agency
on first use; `manage.py create_demo_certificates` makes those of the demo agencies ahead of time.
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
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
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
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, "Thái Nguyên"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])


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
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                                     encipher_only=False, decipher_only=False), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_file.chmod(0o600)
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return key, certificate


def demo_agency_certificate(agency):
    """Issue (once) the demo certificate of `agency`, stored as <electronic code>.p12 next to the CA."""
    path = _pki_dir() / f"{agency.electronic_code}.p12"
    if path.exists():
        return path
    ca_key, ca_cert = demo_ca()
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.timezone.utc)
    certificate = (
        x509.CertificateBuilder().subject_name(_name(agency.name, agency.name)).issuer_name(ca_cert.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=730))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        agency.electronic_code.encode(), key, certificate, [ca_cert], serialization.NoEncryption()))
    path.chmod(0o600)
    return path


def _agency_pkcs12(agency):
    if settings.SIGNING_CERTS_DIR:
        path = Path(settings.SIGNING_CERTS_DIR) / f"{agency.electronic_code}.p12"
        if path.exists():
            return path, (settings.SIGNING_CERTS_PASSWORD or "").encode() or None
    if settings.SIGNING_DEMO_CA:
        return demo_agency_certificate(agency), None
    raise SigningUnavailable(_("Chưa có chứng thư số của %(agency)s để ký văn bản.") % {"agency": agency})


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
    path, password = _agency_pkcs12(agency)
    key, certificate, chain = pkcs12.load_key_and_certificates(path.read_bytes(), password)
    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER)),
        signing_key=asn1_keys.PrivateKeyInfo.load(key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())),
        cert_registry=SimpleCertificateStore.from_certs(
            [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in chain or []]),
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes))
    metadata = signers.PdfSignatureMetadata(
        field_name="ChuKySo", reason=reason, location=location, name=agency.name,
        subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
    )
    output = signers.sign_pdf(writer, metadata, signer=signer)
    return output.getvalue()


@dataclass(frozen=True)
class SignatureCheck:
    signed: bool
    intact: bool = False  # the signed bytes are unchanged
    trusted: bool = False  # the certificate chains to a root we trust
    whole_file: bool = False  # nothing was added after the signature
    signer: str = ""
    signed_at: dt.datetime | None = None

    @property
    def valid(self):
        return self.signed and self.intact and self.trusted and self.whole_file


def check_pdf(pdf_bytes):
    """What a verification page says about a PDF: signed? by whom, when, unchanged, trusted?"""
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        signatures = reader.embedded_signatures
    except Exception:  # noqa: BLE001 - any unreadable upload is simply "not a signed PDF"
        return SignatureCheck(signed=False)
    if not signatures:
        return SignatureCheck(signed=False)
    signature = signatures[-1]
    try:
        status = validate_pdf_signature(signature, ValidationContext(trust_roots=trust_roots()))
    except Exception:  # noqa: BLE001 - a broken /ByteRange or signature blob: signed, but not valid
        return SignatureCheck(signed=True)
    return SignatureCheck(
        signed=True, intact=status.intact and status.valid, trusted=status.trusted,
        whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        signer=status.signing_cert.subject.native.get("common_name", ""), signed_at=status.signer_reported_dt,
    )

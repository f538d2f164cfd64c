"""The demo certificate authority (SIGNING_DEMO_CA): made once under SIGNING_DEMO_DIR (var/pki), it
issues a certificate per agency (<electronic code>.p12) and per signer (user-<id>.p12) on first use;
`manage.py create_demo_certificates` makes those of the demo agencies ahead of time. Registered with
signing_adapter.local as an issuer, so a demo machine signs without any certificate installed."""

import datetime as dt
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings


def issue(holder):
    """signing_adapter's issuer: the demo certificate of `holder` (signing_adapter.client.Holder) as
    (PKCS#12 bytes, no password), while SIGNING_DEMO_CA is on."""
    if not settings.SIGNING_DEMO_CA:
        return None
    return _demo_certificate(holder.credential_id, holder.common_name, holder.organisation).read_bytes(), None


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

"""A stand-in for a CA's remote signing service on loopback, shaped like the Cloud Signature
Consortium API v1, for the tests and for trying the remote path.

    python -m signing_adapter.fake_server --port 8775 [--token T] [--pin P]

POST /csc/v1/info                    the service's name and methods (no token needed)
POST /csc/v1/credentials/list        {"credentialIDs": [...]}
POST /csc/v1/credentials/info        {"credentialID"} → the key's algorithms and the certificate chain
POST /csc/v1/credentials/authorize   {"credentialID", "numSignatures", "PIN"} → {"SAD", "expiresIn"}
POST /csc/v1/signatures/signHash     {"credentialID", "SAD", "hash": [...], "signAlgo"} → {"signatures"}
POST /control/credentials            {"credentialID", "commonName", "organisation"}: issue a key and
                                     certificate (what a CA does when an agency subscribes)
GET  /ca.pem                         the fake CA's certificate, to trust its signatures
Its CA and keys live in memory: a restart is a new CA.
"""

import argparse
import base64
import datetime as dt
import secrets
import threading
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import Prehashed
from cryptography.x509.oid import NameOID

from adapter_kit.loopback import LoopbackServer, QuietHandler, serve_until_interrupted

SHA256_WITH_RSA = "1.2.840.113549.1.1.11"
SHA256 = "2.16.840.1.101.3.4.2.1"


def _name(common_name, organisation):
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64]),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64]),
        ]
    )


class FakeRemoteSigning(LoopbackServer):
    handler_attribute = "service"
    thread_name = "fake-remote-signing"

    def __init__(self, host="127.0.0.1", port=0, *, token="", pin="", backdate_days=1):
        super().__init__(host, port)
        self.token, self.pin, self.backdate = token, pin, dt.timedelta(days=backdate_days)
        self.credentials = {}  # id → (key, certificate)
        self.activations = {}  # SAD → [credential id, signatures left]
        self.signed = 0
        self._lock = threading.Lock()
        self.ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        name = _name("CA ký số từ xa (giả lập) — không dùng thật", "Nhà cung cấp dịch vụ ký số (giả lập)")
        now = dt.datetime.now(dt.timezone.utc)
        self.ca = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(self.ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - self.backdate)
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_usage(certificates=True), critical=True)
            .sign(self.ca_key, hashes.SHA256())
        )

    @property
    def ca_pem(self):
        return self.ca.public_bytes(serialization.Encoding.PEM)

    def provision(self, credential_id, common_name, organisation):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        now = dt.datetime.now(dt.timezone.utc)
        certificate = (
            x509.CertificateBuilder()
            .subject_name(_name(common_name, organisation))
            .issuer_name(self.ca.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - self.backdate)
            .not_valid_after(now + dt.timedelta(days=730))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_usage(certificates=False), critical=True)
            .sign(self.ca_key, hashes.SHA256())
        )
        with self._lock:
            self.credentials[credential_id] = (key, certificate)

    def authorize(self, credential_id, count):
        sad = secrets.token_urlsafe(24)
        with self._lock:
            self.activations[sad] = [credential_id, count]
        return sad

    def use(self, sad, credential_id, count):
        with self._lock:
            held = self.activations.get(sad)
            if held is None or held[0] != credential_id or held[1] < count:
                return False
            held[1] -= count
            return True


def _usage(*, certificates):
    return x509.KeyUsage(
        digital_signature=not certificates,
        content_commitment=not certificates,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=certificates,
        crl_sign=certificates,
        encipher_only=False,
        decipher_only=False,
    )


def _der64(certificate):
    return base64.b64encode(certificate.public_bytes(serialization.Encoding.DER)).decode()


class _Handler(QuietHandler):
    service: FakeRemoteSigning

    def do_GET(self):
        path = urlsplit(self.path).path
        if path == "/health":
            return self._json(200, {"status": "ok", "credentials": len(self.service.credentials)})
        if path == "/ca.pem":
            return self._send(200, self.service.ca_pem, "application/x-pem-file")
        return self._error(404, "invalid_request", "not found")

    def do_POST(self):
        path = urlsplit(self.path).path
        try:
            data = self._read_json()
        except ValueError:
            return self._error(400, "invalid_request", "body is not JSON")
        if not isinstance(data, dict):
            return self._error(400, "invalid_request", "body is not an object")
        if path == "/control/credentials":
            if not all(
                isinstance(data.get(k), str) and data[k] for k in ("credentialID", "commonName", "organisation")
            ):
                return self._error(400, "invalid_request", "credentialID, commonName and organisation are needed")
            self.service.provision(data["credentialID"], data["commonName"], data["organisation"])
            return self._json(200, {"credentialID": data["credentialID"]})
        if path == "/csc/v1/info":
            return self._json(200, self._info())
        if self.service.token and self.headers.get("Authorization") != f"Bearer {self.service.token}":
            return self._error(401, "invalid_token", "the access token is not valid")
        endpoint = {
            "/csc/v1/credentials/list": self._list,
            "/csc/v1/credentials/info": self._credential,
            "/csc/v1/credentials/authorize": self._authorize,
            "/csc/v1/signatures/signHash": self._sign_hash,
        }.get(path)
        if endpoint is None:
            return self._error(404, "invalid_request", "not found")
        return endpoint(data)

    def _info(self):
        return {
            "specs": "1.0.4.0",
            "name": "Dịch vụ ký số từ xa (giả lập)",
            "region": "VN",
            "lang": "vi-VN",
            "authType": ["oauth2code"],
            "methods": ["credentials/list", "credentials/info", "credentials/authorize", "signatures/signHash"],
        }

    def _list(self, data):
        return self._json(200, {"credentialIDs": sorted(self.service.credentials)})

    def _held(self, data):
        return self.service.credentials.get(str(data.get("credentialID")))

    def _credential(self, data):
        held = self._held(data)
        if held is None:
            return self._error(400, "invalid_request", "Invalid parameter credentialID")
        key, certificate = held
        return self._json(
            200,
            {
                "key": {"status": "enabled", "algo": [SHA256_WITH_RSA], "len": key.key_size},
                "cert": {"status": "valid", "certificates": [_der64(certificate), _der64(self.service.ca)]},
                "authMode": "explicit",
                "PIN": {"presence": "true" if self.service.pin else "false", "format": "N"},
                "SCAL": "1",
                "multisign": 1,
            },
        )

    def _authorize(self, data):
        if self._held(data) is None:
            return self._error(400, "invalid_request", "Invalid parameter credentialID")
        if self.service.pin and data.get("PIN") != self.service.pin:
            return self._error(400, "invalid_pin", "The PIN is invalid")
        sad = self.service.authorize(str(data["credentialID"]), int(data.get("numSignatures", 1)))
        return self._json(200, {"SAD": sad, "expiresIn": 300})

    def _sign_hash(self, data):
        held = self._held(data)
        hashes_b64 = data.get("hash")
        if held is None or not isinstance(hashes_b64, list):
            return self._error(400, "invalid_request", "Invalid parameter credentialID or hash")
        if data.get("signAlgo") != SHA256_WITH_RSA or data.get("hashAlgo", SHA256) != SHA256:
            return self._error(400, "invalid_request", "Invalid parameter signAlgo")
        if not self.service.use(str(data.get("SAD")), str(data["credentialID"]), len(hashes_b64)):
            return self._error(400, "invalid_request", "Invalid SAD")
        key = held[0]
        signatures = [
            base64.b64encode(
                key.sign(base64.b64decode(digest), padding.PKCS1v15(), Prehashed(hashes.SHA256()))
            ).decode()
            for digest in hashes_b64
        ]
        self.service.signed += len(signatures)
        return self._json(200, {"signatures": signatures})

    def _error(self, status, error, description):
        return self._json(status, {"error": error, "error_description": description})


FakeRemoteSigning.handler = _Handler


def main(argv=None):
    parser = argparse.ArgumentParser(description="Fake remote signing service (CSC API v1) on loopback.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8775)
    parser.add_argument("--token", default="")
    parser.add_argument("--pin", default="")
    args = parser.parse_args(argv)
    service = FakeRemoteSigning(args.host, args.port, token=args.token, pin=args.pin).start()
    serve_until_interrupted(service, f"Fake remote signing service on {service.url}")


if __name__ == "__main__":
    main()

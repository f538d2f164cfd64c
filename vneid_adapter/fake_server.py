"""A stand-in for the VNeID identity provider on loopback, for the demo and the tests.

    python -m vneid_adapter.fake_server --port 8770 [--mode expired]

OpenID Connect with the authorization code flow and PKCE (S256 only): discovery, an authorize page
where a tester picks one of the synthetic citizens of the fake population registry and an assurance
level, token, userinfo, keys (RS256) and end-session. Claim names are those of DOMAIN.md §12.

It can be told to misbehave, at start (--mode) or at run time with POST /control {"mode": ..., "delay": s}:
  normal          behave
  wrong_issuer    tokens name another issuer
  wrong_audience  tokens are meant for another client
  expired         tokens expired ten minutes ago
  bad_signature   tokens signed with a key that is not the published one
  alg_none        tokens with "alg": "none" and no signature
  missing_claim   tokens without the personal ID claim
  tampered_nonce  ID tokens carry a nonce other than the one asked for
  slow            every answer waits `delay` seconds
  error           every answer is HTTP 503
`stop()` (or not starting it) is the provider being down.

POST /demo-token {"personal_id": ..., "level": 2} issues an access token directly: for the README's
API example and the API tests only; a real provider has no such door.
"""

import argparse
import base64
import hashlib
import html
import json
import secrets
import threading
import time
from urllib.parse import parse_qs, unquote_plus, urlencode, urlsplit

from joserfc import jwt
from joserfc.jwk import RSAKey

from adapter_kit.loopback import LoopbackServer, QuietHandler, serve_until_interrupted
from citizen_registry_adapter.synthetic import population

MODES = (
    "normal",
    "wrong_issuer",
    "wrong_audience",
    "expired",
    "bad_signature",
    "alg_none",
    "missing_claim",
    "tampered_nonce",
    "slow",
    "error",
)
CLIENT_ID, CLIENT_SECRET = "mot-cua", "fake-vneid-secret"
CODE_TTL, TOKEN_TTL = 120, 600
KID = "fake-vneid-1"


class FakeVneid(LoopbackServer):
    handler_attribute = "provider"
    thread_name = "fake-vneid"

    def __init__(
        self,
        host="127.0.0.1",
        port=0,
        *,
        mode="normal",
        delay=5.0,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        citizens=None,
    ):
        super().__init__(host, port)
        self.mode, self.delay = mode, delay
        self.client_id, self.client_secret = client_id, client_secret
        self.citizens = citizens if citizens is not None else population()
        self.key = RSAKey.generate_key(2048, parameters={"kid": KID, "use": "sig", "alg": "RS256"})
        self.other_key = RSAKey.generate_key(2048, parameters={"kid": KID})
        self.codes, self.access_tokens = {}, {}
        self.ended_sessions = []  # (id_token_hint's sub, post_logout_redirect_uri), for tests
        self.token_requests = 0
        self._lock = threading.Lock()

    def rotate_keys(self):
        """A new signing key under a new key ID, as a provider does from time to time."""
        self.key = RSAKey.generate_key(
            2048, parameters={"kid": f"fake-vneid-{secrets.token_hex(4)}", "use": "sig", "alg": "RS256"}
        )

    def set(self, *, mode=None, delay=None):
        if mode is not None and mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        if delay is not None:
            self.delay = float(delay)
        if mode is not None:
            self.mode = mode

    # --- what the provider knows ------------------------------------------------------------------

    def discovery(self):
        return {
            "issuer": self.url,
            "authorization_endpoint": self.url + "/authorize",
            "token_endpoint": self.url + "/token",
            "userinfo_endpoint": self.url + "/userinfo",
            "jwks_uri": self.url + "/jwks",
            "end_session_endpoint": self.url + "/logout",
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "scopes_supported": ["openid"],
            "acr_values_supported": ["LoA1", "LoA2"],
            "claims_supported": ["sub", "SoDinhDanh", "HoVaTen", "NgayThangNamSinh", "LoaiTaiKhoan", "loAs", "acr"],
        }

    def claims(self, personal_id, level):
        person = self.citizens[personal_id]
        claims = {
            "sub": hashlib.sha256(f"vneid:{personal_id}".encode()).hexdigest()[:32],
            "SoDinhDanh": personal_id,
            "HoVaTen": person.full_name,
            "NgayThangNamSinh": person.date_of_birth.strftime("%d/%m/%Y"),
            "LoaiTaiKhoan": "CONG_DAN",
            "loAs": f"LoA{level}",
            "acr": f"LoA{level}",
        }
        if self.mode == "missing_claim":
            del claims["SoDinhDanh"]
        return claims

    def sign(self, claims, *, typ="JWT", audience=None):
        now = int(time.time())
        payload = {"iss": self.url, "aud": audience or self.client_id, "iat": now, "exp": now + TOKEN_TTL, **claims}
        if self.mode == "wrong_issuer":
            payload["iss"] = "http://127.0.0.1:9/khong-phai-vneid"
        if self.mode == "wrong_audience":
            payload["aud"] = "ung-dung-khac"
        if self.mode == "expired":
            payload["iat"], payload["exp"] = now - 3600, now - 600
        header = {"alg": "RS256", "kid": self.key.kid, "typ": typ}
        if self.mode == "alg_none":

            def part(value):
                return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

            return f"{part({'alg': 'none', 'typ': typ})}.{part(payload)}."
        key = self.other_key if self.mode == "bad_signature" else self.key
        return jwt.encode(header, payload, key)

    def issue_code(self, params, personal_id, level):
        code = secrets.token_urlsafe(24)
        with self._lock:
            self.codes[code] = {"params": params, "personal_id": personal_id, "level": level, "at": time.time()}
        return code

    def exchange(self, form, authorization):
        """The token endpoint: (status, body)."""
        self.token_requests += 1
        client_id, secret = _client_credentials(form, authorization)
        if client_id != self.client_id or not secrets.compare_digest(secret or "", self.client_secret):
            return 401, {"error": "invalid_client"}
        if form.get("grant_type") != "authorization_code":
            return 400, {"error": "unsupported_grant_type"}
        with self._lock:
            grant = self.codes.pop(form.get("code", ""), None)  # a code works once
        if grant is None or time.time() - grant["at"] > CODE_TTL:
            return 400, {"error": "invalid_grant", "error_description": "unknown, used or expired code"}
        params = grant["params"]
        if form.get("redirect_uri") != params.get("redirect_uri"):
            return 400, {"error": "invalid_grant", "error_description": "redirect_uri differs"}
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if not verifier or challenge != params.get("code_challenge"):
            return 400, {"error": "invalid_grant", "error_description": "PKCE verification failed"}
        claims = self.claims(grant["personal_id"], grant["level"])
        nonce = params.get("nonce", "")
        if self.mode == "tampered_nonce":
            nonce = "x" + nonce
        access = self.access_token(claims)
        id_claims = {**claims, "nonce": nonce, "auth_time": int(grant["at"])}
        at_hash = base64.urlsafe_b64encode(hashlib.sha256(access.encode()).digest()[:16]).rstrip(b"=").decode()
        id_token = self.sign({**id_claims, "at_hash": at_hash})
        return 200, {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": TOKEN_TTL,
            "id_token": id_token,
            "scope": "openid",
        }

    def access_token(self, claims):
        token = self.sign({**claims, "client_id": self.client_id, "scope": "openid"}, typ="at+jwt")
        with self._lock:
            self.access_tokens[token] = claims
        return token


def _client_credentials(form, authorization):
    if authorization.startswith("Basic "):
        try:
            client_id, _, secret = base64.b64decode(authorization[6:]).decode().partition(":")
        except (ValueError, UnicodeDecodeError):
            return None, None

        return unquote_plus(client_id), unquote_plus(secret)
    return form.get("client_id"), form.get("client_secret")


PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>VNeID (giả lập)</title>
<style>body{{font-family:sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}}
label{{display:block;padding:.3rem 0}}.note{{background:#fff4d6;padding:.6rem}}</style></head><body>
<h1>Đăng nhập bằng tài khoản định danh điện tử (giả lập)</h1>
<p class="note">Máy chủ VNeID giả lập để phát triển và kiểm thử: chọn một công dân tổng hợp, không cần mật khẩu.</p>
<p>Ứng dụng <strong>{client}</strong> yêu cầu mức độ {asked}.</p>
<form method="post" action="/authorize">{hidden}
<fieldset><legend>Công dân</legend>{people}</fieldset>
<p><label for="level">Mức độ tài khoản</label><select id="level" name="level">
<option value="2"{sel2}>Mức độ 2</option><option value="1"{sel1}>Mức độ 1</option></select></p>
<button type="submit" name="decision" value="allow">Đồng ý và đăng nhập</button>
<button type="submit" name="decision" value="deny">Hủy</button></form></body></html>"""


class _Handler(QuietHandler):
    provider: FakeVneid

    def _pre(self):
        """Behaviour common to every answer; True when the answer has been sent already."""
        if self.provider.mode == "slow":
            time.sleep(self.provider.delay)
        if self.provider.mode == "error" and not self.path.startswith(("/control", "/health")):
            self._json(503, {"error": "temporarily_unavailable"})
            return True
        return False

    def do_GET(self):
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path == "/health":
            return self._json(200, {"status": "ok", "mode": self.provider.mode})
        if self._pre():
            return
        if url.path == "/.well-known/openid-configuration":
            return self._json(200, self.provider.discovery())
        if url.path == "/jwks":
            return self._json(200, {"keys": [self.provider.key.as_dict(private=False)]})
        if url.path == "/authorize":
            return self._authorize_page(query)
        if url.path == "/userinfo":
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            claims = self.provider.access_tokens.get(token)
            return self._json(200, claims) if claims else self._json(401, {"error": "invalid_token"})
        if url.path == "/logout":
            return self._logout(query)
        return self._json(404, {"error": "not_found"})

    def do_POST(self):
        url = urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if url.path == "/control":
            try:
                data = json.loads(body or b"{}")
                self.provider.set(mode=data.get("mode"), delay=data.get("delay"))
            except (ValueError, TypeError, AttributeError) as error:
                return self._json(400, {"error": str(error)})
            return self._json(200, {"mode": self.provider.mode})
        if self._pre():
            return
        form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
        if url.path == "/authorize":
            return self._authorize_decision(form)
        if url.path == "/token":
            status, payload = self.provider.exchange(form, self.headers.get("Authorization", ""))
            return self._json(status, payload)
        if url.path == "/demo-token":
            try:
                data = json.loads(body or b"{}")
                person = str(data["personal_id"])
                level = int(data.get("level", 2))
                assert person in self.provider.citizens and level in (1, 2)
            except (ValueError, KeyError, TypeError, AssertionError):
                return self._json(400, {"error": "give personal_id of a synthetic citizen and level 1 or 2"})
            claims = self.provider.claims(person, level)
            return self._json(
                200,
                {"access_token": self.provider.access_token(claims), "token_type": "Bearer", "expires_in": TOKEN_TTL},
            )
        return self._json(404, {"error": "not_found"})

    def _check_request(self, params):
        if params.get("client_id") != self.provider.client_id:
            return "unknown client_id"
        if params.get("response_type") != "code":
            return "response_type must be code"
        redirect = params.get("redirect_uri", "")
        if urlsplit(redirect).hostname not in ("127.0.0.1", "localhost", "testserver"):
            return "redirect_uri must be on this machine"
        if params.get("code_challenge_method") != "S256" or not params.get("code_challenge"):
            return "PKCE with S256 is required"
        if not params.get("state") or not params.get("nonce"):
            return "state and nonce are required"
        return None

    def _authorize_page(self, params):
        problem = self._check_request(params)
        if problem:
            return self._html(400, f"<p>Yêu cầu không hợp lệ: {html.escape(problem)}</p>")
        asked = params.get("acr_values", "LoA2")
        hidden = "".join(
            f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">' for k, v in params.items()
        )
        people = "".join(
            f'<label><input type="radio" name="personal_id" value="{pid}"{" checked" if i == 0 else ""}> '
            f"{html.escape(p.full_name)} — {pid} — sinh {p.date_of_birth:%d/%m/%Y}</label>"
            for i, (pid, p) in enumerate(list(self.provider.citizens.items())[:12])
        )
        level1 = asked.endswith("1")
        return self._html(
            200,
            PAGE.format(
                client=html.escape(params["client_id"]),
                asked=html.escape(asked),
                hidden=hidden,
                people=people,
                sel1=" selected" if level1 else "",
                sel2="" if level1 else " selected",
            ),
        )

    def _authorize_decision(self, form):
        params = {k: v for k, v in form.items() if k not in ("personal_id", "level", "decision")}
        problem = self._check_request(params)
        if problem:
            return self._html(400, f"<p>Yêu cầu không hợp lệ: {html.escape(problem)}</p>")
        back = params["redirect_uri"]
        if form.get("decision") != "allow":
            return self._redirect(back, {"error": "access_denied", "state": params["state"]})
        person, level = form.get("personal_id", ""), form.get("level", "2")
        if person not in self.provider.citizens or level not in ("1", "2"):
            return self._html(400, "<p>Chọn một công dân và mức độ 1 hoặc 2.</p>")
        code = self.provider.issue_code(params, person, int(level))
        return self._redirect(back, {"code": code, "state": params["state"]})

    def _logout(self, query):
        hint = query.get("id_token_hint", "")
        try:
            payload = hint.split(".")[1]
            sub = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))).get("sub", "")
        except (IndexError, ValueError):
            sub = ""
        target = query.get("post_logout_redirect_uri", "")
        self.provider.ended_sessions.append((sub, target))
        if target and urlsplit(target).hostname in ("127.0.0.1", "localhost", "testserver"):
            return self._redirect(target, {"state": query["state"]} if query.get("state") else {})
        return self._html(200, "<p>Bạn đã đăng xuất khỏi VNeID (giả lập).</p>")

    def _redirect(self, url, params, status=302):
        super()._redirect(url + ("&" if "?" in url else "?") + urlencode(params) if params else url, status)


FakeVneid.handler = _Handler  # defined after the class, which it refers to


def main(argv=None):
    parser = argparse.ArgumentParser(description="Fake VNeID OpenID Connect provider on loopback.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8770)
    parser.add_argument("--mode", choices=MODES, default="normal")
    parser.add_argument("--delay", type=float, default=5.0, help="seconds to wait in slow mode")
    args = parser.parse_args(argv)
    provider = FakeVneid(args.host, args.port, mode=args.mode, delay=args.delay).start()
    serve_until_interrupted(
        provider, f"Fake VNeID provider on {provider.url} (client {provider.client_id}, mode {args.mode})"
    )


if __name__ == "__main__":
    main()

"""Citizen sign-in through the national electronic identification (VNeID) by OpenID Connect.

Its protocol details are not public (DOMAIN.md §0, §12): the issuer, client, claim names and
assurance levels are settings (`VNEID` in portal/settings.py), the claim names default to those a
public provincial codebase shows, and `fake_server` stands in for the provider on loopback.

- `claims`: the identity the portal needs, read from a token's claims by the configured names.
- `client`: the relying party (Authlib): authorization code with PKCE, state, nonce, ID token checks.
- `tokens`: bearer access tokens presented to the REST API by a citizen's app.
- `fake_server`: the stand-in provider, which can be told to misbehave.
"""

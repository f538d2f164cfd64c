"""The National Public Service Portal, for status synchronisation (DOMAIN.md §0, §12).

Its specification is not public: the message shape follows the fields a public provincial codebase
sends (names kept in `messages.py`), behind an interface so that the real client can replace the
HTTP one without touching the outbox (national_sync/).

- `client.py`: the interface, the errors, and `get_portal()` from settings.
- `http_client.py`: requests with timeouts and a circuit breaker; one attempt per call (retries
  with back-off belong to the outbox, which survives restarts).
- `fake_server.py`: a stand-in that deduplicates by message id and can misbehave.
"""

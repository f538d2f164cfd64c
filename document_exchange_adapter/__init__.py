"""The national document interconnection axis (Trục liên thông văn bản quốc gia), for documents sent
to agencies outside the system (DOMAIN.md §10).

Its protocol is not public. The message here (names in `messages.py`) is this project's own guess at
what such an envelope carries — sender and recipient identifiers, number and symbol, date, type,
excerpt, urgency, the signed file — behind an interface, so that a real client replaces the HTTP one
without touching the documents app.

- `client.py`: the interface, the errors, and `get_axis()` from settings.
- `http_client.py`: requests with timeouts and a circuit breaker; one attempt per call.
- `fake_server.py`: a stand-in with a directory of outside agencies; it acknowledges what it receives
  and moves each document on (received → handling → done) as a recipient would.
"""

"""Fee payment through the national payment platform (DOMAIN.md §12), behind an interface.

The platform's specification is not public: message types INIT (create a payment request), QUERY
(its status) and the callback, with the fields a public provincial codebase uses, and an integrity
code (SHA-256 over the pipe-joined fields and a shared secret) on every message both ways.

- `integrity.py`: the integrity code.
- `client.py`: the interface, errors, `get_gateway()`.
- `http_client.py`: requests with timeouts and a circuit breaker.
- `fake_server.py`: a stand-in with success, failure, cancel, a delayed callback and a forged one.
"""

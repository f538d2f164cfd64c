"""What every outside system's adapter shares, and nothing about any one of them: the JSON-over-HTTP
client with timeouts and a circuit breaker (json_api), the fake servers' loopback base (loopback),
and the one way a backend is picked from settings (backends)."""

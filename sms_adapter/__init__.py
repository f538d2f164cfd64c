"""Text messages to citizens through a telecom's brand-name SMS gateway: the interface (client), an
HTTP client (http_client), in-process doubles (memory) and a fake gateway on loopback (fake_server),
picked by settings.SMS["BACKEND"] like every other outside system (adapter_kit.backends)."""

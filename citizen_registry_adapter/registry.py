"""The registry the portal uses: the backend settings.CITIZEN_REGISTRY names ("http", "memory" or a
dotted path), built once per configuration (adapter_kit.backends)."""

from adapter_kit.backends import backend

from .client import RegistryClient

BACKENDS = {
    "http": "citizen_registry_adapter.http_client.HttpRegistry",
    "memory": "citizen_registry_adapter.memory.InMemoryRegistry",
}


def get_registry() -> RegistryClient:
    return backend("CITIZEN_REGISTRY", BACKENDS)

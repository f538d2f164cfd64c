"""An in-process registry for unit tests and for machines that want no registry server at all."""

from .client import RegistryClient
from .errors import CitizenNotFound
from .synthetic import population


class InMemoryRegistry(RegistryClient):
    """Answers from a dict of records; `failure` (an error instance) makes every call fail with it."""

    @classmethod
    def from_settings(cls, config):
        """The demo's synthetic population, in process (CITIZEN_REGISTRY_BACKEND=memory)."""
        return cls(population().values())

    def __init__(self, records=(), failure=None):
        self.records = {record.personal_id: record for record in records}
        self.failure = failure
        self.calls = 0

    def health(self):
        return True, "in-process"

    def _fetch(self, number, purpose):
        self.calls += 1
        if self.failure is not None:
            raise self.failure
        try:
            return self.records[number], False
        except KeyError:
            raise CitizenNotFound() from None

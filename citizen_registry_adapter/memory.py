"""An in-process registry for unit tests and for machines that want no registry server at all."""

from .client import RegistryClient
from .errors import CitizenNotFound


class InMemoryRegistry(RegistryClient):
    """Answers from a dict of records; `failure` (an error instance) makes every call fail with it."""

    def __init__(self, records=(), failure=None):
        self.records = {record.personal_id: record for record in records}
        self.failure = failure
        self.calls = 0

    def _fetch(self, number, purpose):
        self.calls += 1
        if self.failure is not None:
            raise self.failure
        try:
            return self.records[number], False
        except KeyError:
            raise CitizenNotFound() from None

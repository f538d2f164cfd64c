"""What the portal may ask the National Population Database, whichever registry answers.

`PopulationRegistry` is the interface; `RegistryClient` does the parts common to every
implementation (ID validation before any call, the lookup log, comparing declared fields) and
leaves `_fetch` to the HTTP client and the in-memory one.
"""

import time
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, Mapping, Protocol

from .audit import log_lookup
from .compare import FieldResult, FieldStatus, compare_fields, parse_date
from .errors import RegistryError
from .personal_id import parse
from .records import CitizenRecord


@dataclass(frozen=True)
class Verification:
    record: CitizenRecord
    results: list[FieldResult]

    @property
    def matches(self):
        return all(result.status == FieldStatus.MATCH for result in self.results)

    @property
    def problems(self):
        return [result for result in self.results if result.status != FieldStatus.MATCH]


class PopulationRegistry(Protocol):
    def lookup(self, personal_id: str, purpose: str, *, actor: str = "") -> CitizenRecord: ...

    def verify(self, declared: Mapping[str, Any], purpose: str, *, actor: str = "") -> Verification: ...


class RegistryClient(ABC):
    @abstractmethod
    def _fetch(self, number: str, purpose: str) -> tuple[CitizenRecord, bool]:
        """The record and whether it came from a cache; raises a `RegistryError` otherwise."""

    @abstractmethod
    def health(self) -> tuple[bool, str]:
        """(ok, detail) of the registry, without a citizen lookup."""

    def lookup(self, personal_id, purpose, *, actor="", date_of_birth=None):
        started = time.perf_counter()
        outcome, cached = "ok", False
        try:
            number = parse(personal_id, date_of_birth).number
            record, cached = self._fetch(number, purpose)
            return record
        except RegistryError as error:
            outcome = error.code
            raise
        finally:
            log_lookup(
                actor=actor,
                purpose=purpose,
                personal_id=personal_id,
                outcome=outcome,
                cached=cached,
                duration_ms=(time.perf_counter() - started) * 1000,
            )

    def verify(self, declared, purpose, *, actor=""):
        """Look up `declared["personal_id"]` and compare every other declared field with the record."""
        declared = dict(declared)
        number = declared.pop("personal_id", "")
        # An unreadable date is left to the comparison, which reports it as a mismatch.
        date_of_birth = parse_date(declared.get("date_of_birth") or "")
        record = self.lookup(number, purpose, actor=actor, date_of_birth=date_of_birth)
        return Verification(record, compare_fields(declared, record.comparable()))

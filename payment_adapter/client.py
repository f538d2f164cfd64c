from abc import ABC, abstractmethod
from dataclasses import dataclass

from adapter_kit.backends import backend


class GatewayError(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class PaymentRequest:
    reference: str  # MaThamChieu: ours, unique per attempt
    amount: int  # VND
    description: str
    procedure_code: str
    agency_code: str
    dossier_code: str
    return_url: str  # where the citizen's browser comes back
    notify_url: str  # where the platform posts the result


@dataclass(frozen=True)
class PaymentResult:
    """A result from the platform, whose integrity code has been checked."""

    reference: str
    transaction: str  # MaGiaoDich
    amount: int
    error_code: str  # MaLoi: "00" paid; anything else not
    receipt_number: str  # SoBienLai
    at: str  # ThoiGianGD, yyyyMMddHHmmss

    @property
    def paid(self):
        return self.error_code == "00"


class PaymentGateway(ABC):
    @abstractmethod
    def create(self, request):
        """Register the payment request; returns the address to send the citizen's browser to."""

    @abstractmethod
    def query(self, reference):
        """The platform's answer on a payment (PaymentResult), or None if it has none yet."""

    @abstractmethod
    def health(self):
        """(ok, detail) without side effects."""


def get_gateway() -> PaymentGateway:
    """The gateway settings.PAYMENT names, kept for the process (its connection pool)."""
    return backend("PAYMENT")

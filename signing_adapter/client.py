"""What the portal asks of whoever holds the signing keys."""

from abc import ABC, abstractmethod
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pyhanko.sign.signers import PdfSignatureMetadata
from pyhanko.stamp import StaticStampStyle

from adapter_kit.backends import backend
from government.exceptions import DomainError

BACKENDS = {
    "local": "signing_adapter.local.LocalSigning",
    "csc": "signing_adapter.csc.RemoteSigning",
}


class SigningUnavailable(DomainError):
    default_message = gettext_lazy("Chưa có chứng thư số của cơ quan để ký văn bản.")


@dataclass(frozen=True)
class Holder:
    """Whose key signs. `credential_id` names the key where it is held: an agency's electronic code,
    or user-<id> for a person (a PKCS#12 file's stem, or a credential at the signing service)."""

    credential_id: str
    common_name: str
    organisation: str
    personal: bool = False

    def unavailable(self) -> SigningUnavailable:
        if self.personal:
            message = _("Chưa có chứng thư số cá nhân của %(name)s để ký văn bản.") % {"name": self.common_name}
        else:
            message = _("Chưa có chứng thư số của %(agency)s để ký văn bản.") % {"agency": self.common_name}
        return SigningUnavailable(message)


class SigningService(ABC):
    @abstractmethod
    def sign(
        self,
        pdf_bytes: bytes,
        holder: Holder,
        metadata: PdfSignatureMetadata,
        *,
        stamp_style: StaticStampStyle | None = None,
        strict: bool = True,
    ) -> bytes:
        """`pdf_bytes` with a signature of `holder`'s key added as an incremental update (pyHanko's
        PdfSignatureMetadata and stamp style say what kind). Raises SigningUnavailable when the holder
        has no key here or the service cannot be reached."""

    @abstractmethod
    def health(self) -> tuple[bool, str]:
        """(ok, detail) without signing anything."""


def get_signing_service() -> "SigningService":
    return backend("SIGNING", BACKENDS)

"""The PAdES signatures the systems put on their papers: an agency's (a receipt, a declaration, a
result with its seal) and a person's (a leader's on a result or a letter, the minutes' signers), each
as an incremental update, whatever backend holds the key (client.get_signing_service)."""

import io
from typing import Any

from django.contrib.auth.models import AbstractUser
from PIL import Image
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.stamp import StaticStampStyle

from government.models import Agency

from .client import Holder, get_signing_service


def agency_holder(agency: Agency) -> Holder:
    return Holder(agency.electronic_code, agency.name, agency.name)


def person_holder(user: AbstractUser, agency: Agency) -> Holder:
    return Holder(f"user-{user.pk}", user.get_full_name() or user.get_username(), agency.name, personal=True)


def location_of(agency: Agency) -> str:
    """Where the paper is signed, as its signature says: the agency's province ("Thái Nguyên")."""
    unit = agency.unit
    while (parent := unit.parent) is not None:
        unit = parent
    return unit.short_name


def sign_pdf(pdf_bytes: bytes, agency: Agency, *, reason: str, location: str | None = None) -> bytes:
    """The PDF with a PAdES signature of `agency` added as an incremental update."""
    metadata = _metadata("ChuKySo", reason, location or location_of(agency), agency.name)
    return get_signing_service().sign(pdf_bytes, agency_holder(agency), metadata)


def sign_as_signer(
    pdf_bytes: bytes,
    user: AbstractUser,
    agency: Agency,
    *,
    field: str,
    image: Image.Image | str,
    reason: str,
    location: str | None = None,
) -> bytes:
    """The leader's personal signature in the empty signature field `field`, with the image of their
    handwritten signature as its appearance; a certification that permits form filling and signing only."""
    holder = person_holder(user, agency)
    metadata = _metadata(
        field,
        reason,
        location or location_of(agency),
        holder.common_name,
        certify=True,
        docmdp_permissions=fields.MDPPerm.FILL_FORMS,
    )
    return _sign_field(pdf_bytes, holder, metadata, image)


def sign_as_person(
    pdf_bytes: bytes,
    user: AbstractUser,
    agency: Agency,
    *,
    reason: str,
    field: str = "ChuKyChuToa",
    location: str | None = None,
    others_follow: bool = False,
) -> bytes:
    """A personal signature without a visible field (the minutes of a meeting). The first signer
    certifies the document: nothing may be added after it, or (`others_follow`) only the signatures of
    those who sign after (the chair after the secretary)."""
    holder = person_holder(user, agency)
    metadata = _metadata(
        field,
        reason,
        location or location_of(agency),
        holder.common_name,
        certify=not _signed(pdf_bytes),
        docmdp_permissions=fields.MDPPerm.FILL_FORMS if others_follow else fields.MDPPerm.NO_CHANGES,
    )
    return get_signing_service().sign(pdf_bytes, holder, metadata, strict=False)


def sign_as_agency(
    pdf_bytes: bytes, agency: Agency, *, field: str, image: Image.Image | str, reason: str, location: str | None = None
) -> bytes:
    """The agency's signature in the empty signature field `field`, with its seal as the appearance."""
    metadata = _metadata(field, reason, location or location_of(agency), agency.name)
    return _sign_field(pdf_bytes, agency_holder(agency), metadata, image)


def _metadata(field: str, reason: str, location: str, name: str, **certification: Any) -> signers.PdfSignatureMetadata:
    return signers.PdfSignatureMetadata(
        field_name=field,
        reason=reason,
        location=location,
        name=name,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        **certification,
    )


def _signed(pdf_bytes: bytes) -> bool:
    return bool(PdfFileReader(io.BytesIO(pdf_bytes), strict=False).embedded_signatures)


def _sign_field(
    pdf_bytes: bytes, holder: Holder, metadata: signers.PdfSignatureMetadata, image: Image.Image | str
) -> bytes:
    style = StaticStampStyle(background=PdfImage(image), border_width=0, background_opacity=1.0)
    return get_signing_service().sign(pdf_bytes, holder, metadata, stamp_style=style, strict=False)

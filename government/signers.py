"""The signature block of an administrative document, from the signer's staff record (Decree 30/2020,
art. 13 and appendix I): the authority line, the title and the full name.

    TM. ỦY BAN NHÂN DÂN        KT. GIÁM ĐỐC           GIÁM ĐỐC
    KT. CHỦ TỊCH               PHÓ GIÁM ĐỐC
    PHÓ CHỦ TỊCH
    Nguyễn Văn A               Trần Thị B             Lê Văn C
"""

from dataclasses import dataclass

from government.models import AgencyKind, Authority


@dataclass(frozen=True)
class SignatureBlock:
    lines: tuple  # capitals: the authority lines, then the title
    name: str

    @property
    def text(self):
        return "\n".join(self.lines)


def head_title(agency):
    """The title of the agency's head, for whom a deputy or a clerk signs."""
    if agency.kind == AgencyKind.PEOPLES_COMMITTEE:
        return "Chủ tịch"
    if agency.sector == "police":
        return "Trưởng Công an" if agency.unit.parent_id else "Giám đốc"
    return "Giám đốc"


def signature_block(user, agency):
    """The block `user` signs with for `agency`. A People's Committee decides collectively, so its
    chair and deputies sign on its behalf ("TM. ỦY BAN NHÂN DÂN") above their own line."""
    staff = getattr(user, "staff_role", None)
    authority = staff.authority if staff else Authority.HEAD
    head = head_title(agency)
    title = staff.title if staff and staff.title else head
    lines = []
    if agency.kind == AgencyKind.PEOPLES_COMMITTEE and authority in (
        Authority.HEAD,
        Authority.DEPUTY,
        Authority.ACTING,
    ):
        lines.append("TM. ỦY BAN NHÂN DÂN")
    if authority == Authority.ACTING:
        lines.append(f"Q. {head}")
    elif authority:
        lines += [f"{authority} {head}", title]
    else:
        lines.append(title)
    return SignatureBlock(tuple(line.upper() for line in lines), user.get_full_name() or user.get_username())

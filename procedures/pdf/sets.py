"""The two sets of standard forms and which one a dossier gets.

Circular 01/2018/TT-VPCP had six forms; Circular 03/2025/TT-VPCP (guiding Decree 118/2025) has seven,
numbered differently (the stop notice is new). A dossier keeps the set in force on the day it was
received (submitted, while not yet received): docs/decisions/0008-form-sets-by-receipt-date.md.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from reportlab.lib.pagesizes import A4, A5, landscape

RECEIPT, SUPPLEMENT, REFUSAL, APOLOGY, STOP, CONTROL_SLIP, REGISTER = (
    "receipt",
    "supplement",
    "refusal",
    "apology",
    "stop",
    "control_slip",
    "register",
)
# ASCII file names: every browser and mail client keeps them.
SLUGS = {
    RECEIPT: "giay-tiep-nhan",
    SUPPLEMENT: "yeu-cau-bo-sung",
    REFUSAL: "tu-choi-tiep-nhan",
    APOLOGY: "xin-loi-hen-lai",
    STOP: "dung-giai-quyet",
    CONTROL_SLIP: "phieu-kiem-soat",
    REGISTER: "so-theo-doi",
}


@dataclass(frozen=True)
class FormSet:
    key: str
    circular: str
    numbers: dict  # kind → "01"…
    titles: dict  # kind → title as printed and on buttons
    paper: dict = field(default_factory=dict)  # kind → page size; A5 unless listed
    # What goes under a signature title when a person signs by hand.
    sign_note: str = "(Ký và ghi rõ họ tên)"

    def number(self, kind):
        return self.numbers[kind]

    def title(self, kind):
        return self.titles[kind]

    def kind_of(self, number):
        return next((kind for kind, n in self.numbers.items() if n == number), None)

    def pagesize(self, kind):
        return self.paper.get(kind, A5)

    def filename(self, kind, code):
        return f"mau-{self.numbers[kind]}-{SLUGS[kind]}-{code}.pdf"


SET_2018 = FormSet(
    key="2018",
    circular="Thông tư 01/2018/TT-VPCP",
    numbers={RECEIPT: "01", SUPPLEMENT: "02", REFUSAL: "03", APOLOGY: "04", CONTROL_SLIP: "05", REGISTER: "06"},
    titles={
        RECEIPT: _("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
        SUPPLEMENT: _("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
        REFUSAL: _("Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
        APOLOGY: _("Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
        CONTROL_SLIP: _("Phiếu kiểm soát quá trình giải quyết hồ sơ"),
        REGISTER: _("Sổ theo dõi hồ sơ"),
    },
    paper={REGISTER: landscape(A4)},
)
SET_2025 = FormSet(
    key="2025",
    circular="Thông tư 03/2025/TT-VPCP",
    numbers={
        RECEIPT: "01",
        SUPPLEMENT: "02",
        REFUSAL: "03",
        APOLOGY: "04",
        STOP: "05",
        CONTROL_SLIP: "06",
        REGISTER: "07",
    },
    titles={
        RECEIPT: _("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
        SUPPLEMENT: _("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
        REFUSAL: _("Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
        APOLOGY: _("Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"),
        STOP: _("Thông báo dừng giải quyết hồ sơ"),
        CONTROL_SLIP: _("Phiếu kiểm soát quá trình giải quyết hồ sơ"),
        REGISTER: _("Sổ theo dõi hồ sơ"),
    },
    # The apology and the stop notice are letters of the agency (A4, as administrative documents are);
    # the slips stay A5 as in 2018. Unverified against the circular's appendix: README.
    paper={APOLOGY: A4, STOP: A4, REGISTER: landscape(A4)},
    sign_note="(Ký, ghi rõ họ tên)",
)
SETS = {s.key: s for s in (SET_2018, SET_2025)}


def set_in_force(moment=None):
    """The form set for something received at `moment` (now if None), in Vietnam's calendar."""
    day = timezone.localtime(moment).date() if moment else timezone.localdate()
    return SET_2025 if day >= dt.date.fromisoformat(settings.FORM_SET_2025_FROM) else SET_2018


def set_of(dossier):
    """The set a dossier keeps: the one in force on its receipt (its submission while not yet received)."""
    return set_in_force(dossier.received_at or dossier.submitted_at)

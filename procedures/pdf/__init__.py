"""The standard forms of Circular 01/2018/TT-VPCP (DOMAIN.md §4) as PDFs."""

from django.utils.translation import gettext_lazy as _

# What each form is called on buttons, in file names and in the signature's reason.
FORM_TITLES = {
    "01": _("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
    "02": _("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
    "03": _("Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
    "04": _("Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
    "05": _("Phiếu kiểm soát quá trình giải quyết hồ sơ"),
}
# ASCII file names: every browser and mail client keeps them.
FORM_SLUGS = {"01": "giay-tiep-nhan", "02": "yeu-cau-bo-sung", "03": "tu-choi-tiep-nhan", "04": "xin-loi-hen-lai",
              "05": "phieu-kiem-soat"}


def form_filename(number, code):
    return f"mau-{number}-{FORM_SLUGS[number]}-{code}.pdf"

"""What a citizen is told, by e-mail and SMS, when something happens to their dossier."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.consent import has_consent
from accounts.models import Purpose
from procedures.models import Channel
from procedures.selectors import appointment_for, citizen_comment
from sms_adapter.client import get_sms_gateway


def message_for(event):
    """(subject, text) for an event the citizen should hear about, or None."""
    dossier = event.dossier
    code, procedure = dossier.code, dossier.procedure.name
    when = lambda moment: timezone.localtime(moment).strftime("%H:%M %d/%m/%Y")  # noqa: E731
    if event.action == "submit" and dossier.channel == Channel.ONLINE:
        return _("Đã nộp hồ sơ %(code)s") % {"code": code}, _(
            "Hồ sơ %(code)s (%(procedure)s) đã được nộp trực tuyến tới %(agency)s. Ngày hẹn trả kết quả dự kiến: %(date)s."
        ) % {
            "code": code,
            "procedure": procedure,
            "agency": dossier.receiving_agency,
            "date": when(appointment_for(dossier)),
        }
    if event.action == "receive":
        return _("Đã tiếp nhận hồ sơ %(code)s") % {"code": code}, _(
            "Hồ sơ %(code)s (%(procedure)s) đã được tiếp nhận. Ngày hẹn trả kết quả: %(date)s."
        ) % {"code": code, "procedure": procedure, "date": when(dossier.appointment_at)}
    if event.action == "request_supplement":
        items = "; ".join(event.data.get("missing_items", []))
        return _("Hồ sơ %(code)s cần bổ sung") % {"code": code}, _(
            "Hồ sơ %(code)s cần bổ sung, hoàn thiện: %(items)s. Vui lòng bổ sung trên Cổng dịch vụ công hoặc tại bộ phận một cửa."
        ) % {"code": code, "items": items}
    if event.action == "reject":
        return _("Hồ sơ %(code)s không được tiếp nhận") % {"code": code}, _(
            "Hồ sơ %(code)s không được tiếp nhận. Lý do: %(reason)s"
        ) % {"code": code, "reason": citizen_comment(event)}
    if event.action == "approve":
        return _("Hồ sơ %(code)s đã có kết quả") % {"code": code}, _("Hồ sơ %(code)s đã có kết quả. %(how)s") % {
            "code": code,
            "how": dossier.get_result_delivery_display(),
        }
    if event.action == "return_result":
        return _("Mời đánh giá việc giải quyết hồ sơ %(code)s") % {"code": code}, _(
            "Hồ sơ %(code)s đã trả kết quả. Mời bạn đánh giá mức độ hài lòng trên Cổng dịch vụ công."
        ) % {"code": code}
    if event.action == "stop":
        return _("Hồ sơ %(code)s đã dừng giải quyết") % {"code": code}, _(
            "%(agency)s đã dừng giải quyết hồ sơ %(code)s (%(ground)s). Lý do: %(reason)s"
        ) % {
            "code": code,
            "agency": event.agency or dossier.current_agency,
            "ground": dossier.get_stop_ground_display(),
            "reason": citizen_comment(event),
        }
    if event.action == "issue_apology":
        return _("Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ %(code)s") % {"code": code}, _(
            "Hồ sơ %(code)s chậm so với hẹn. Lý do: %(reason)s Ngày hẹn mới: %(date)s. Chúng tôi thành thật xin lỗi."
        ) % {"code": code, "reason": citizen_comment(event), "date": when(dossier.appointment_at)}
    return None


def notify(event):
    """Send the event's message to the applicant's e-mail and phone, whichever they gave and agreed to.

    An account holder is written to only on the channels they consented to (accounts.models.Purpose), and
    invited to rate only with the survey consent. A walk-in applicant without an account gave the
    phone or e-mail on the paper form for this dossier's notices, which is where they agreed to it."""

    message = message_for(event)
    if message is None:
        return 0
    subject, text = message
    dossier, sent = event.dossier, 0
    account = dossier.applicant

    def allowed(purpose):
        if account is None:
            return event.action != "return_result"  # no survey invitation without an account's consent
        return has_consent(account, purpose) and (
            event.action != "return_result" or has_consent(account, Purpose.SURVEY)
        )

    if dossier.applicant_email and allowed(Purpose.EMAIL):
        send_mail(subject, text, settings.DEFAULT_FROM_EMAIL, [dossier.applicant_email])
        sent += 1
    if dossier.applicant_phone and allowed(Purpose.SMS):
        get_sms_gateway().send(dossier.applicant_phone, text)
        sent += 1
    return sent

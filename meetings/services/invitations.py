"""The invitation: numbered once in the body's outgoing register, then a copy by e-mail to each
person seated (the organisers excepted), each addressed by name with the meeting's QR code."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from government.registers import register_issued

from .. import selectors
from ..invitation import invitation_pdf
from ..models import Participant, ParticipantRole
from .meetings import _organiser

INVITATION_TYPE = "Giấy mời"


def qr_url(meeting):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("meetings:qr", args=[meeting.qr_key])


def invitation_for(meeting, participant):
    return invitation_pdf(meeting, participant, items=selectors.agenda(meeting), qr_url=qr_url(meeting))


@transaction.atomic
def issue_invitation(user, meeting):
    """Number the invitation (once) and send it to everyone seated who has not had it yet and has an
    e-mail address. (sent, without an address): the secretary hands those a printed copy."""
    _organiser(user, meeting)
    now = timezone.now()
    if not meeting.invitation_symbol:
        chair = meeting.chair
        meeting.invitation_symbol = register_issued(
            meeting.agency,
            INVITATION_TYPE,
            excerpt=_("Giấy mời dự %(title)s") % {"title": meeting.title},
            drafted_by=user,
            signer=chair.user if chair else user,
            at=now,
        ).symbol
        meeting.invitation_issued_at = now
        meeting.save(update_fields=["invitation_symbol", "invitation_issued_at"])
    sent, unreachable = [], []
    waiting = (
        Participant.objects.filter(meeting=meeting, invited_at__isnull=True)
        .exclude(role=ParticipantRole.ORGANISER)
        .select_related("user")
    )
    for participant in waiting:
        if not participant.user.email:
            unreachable.append(participant)
            continue
        message = EmailMessage(
            _("Giấy mời dự %(title)s") % {"title": meeting.title},
            _(
                "Kính gửi Ông/Bà %(name)s,\n\nXin gửi kèm giấy mời số %(number)s. Mã QR trên giấy "
                "mời mở kỳ họp: %(url)s\n"
            )
            % {"name": participant.name, "number": meeting.invitation_symbol, "url": qr_url(meeting)},
            settings.DEFAULT_FROM_EMAIL,
            [participant.user.email],
        )
        message.attach(f"giay-moi-{meeting.pk}.pdf", invitation_for(meeting, participant), "application/pdf")
        message.send()
        participant.invited_at = now
        participant.save(update_fields=["invited_at"])
        sent.append(participant)
    return sent, unreachable

"""Consents are records per purpose, never pre-ticked; withdrawing one stops that use from then on."""

import pytest
from django.core import mail

from accounts.consent import give_consent, has_consent
from accounts.models import Consent, Method, Purpose
from procedures import services
from sms_adapter.memory import MemorySmsGateway
from tests.factories import online

pytestmark = pytest.mark.django_db


def test_registration_offers_each_purpose_unticked_and_records_what_was_ticked(client, registry, settings):
    page = client.get("/tai-khoan/dang-ky/").content.decode()
    for name in ("consent_sms", "consent_email"):
        box = page[page.index(f'name="{name}"') - 80 : page.index(f'name="{name}"') + 80]
        assert "checked" not in box
    client.post(
        "/tai-khoan/dang-ky/",
        {
            "personal_id": "019220000517",
            "full_name": "Nguyễn Minh Khang",
            "date_of_birth": "2020-09-02",
            "phone": "0911222333",
            "email": "",
            "password1": "Thai-Nguyen-2026",
            "password2": "Thai-Nguyen-2026",
            "consent_sms": "on",
        },
    )
    consent = Consent.objects.get()
    assert (consent.purpose, consent.method, consent.terms_version) == (Purpose.SMS, Method.REGISTRATION, "2026-01")
    assert consent.given_at is not None and consent.withdrawn_at is None


def test_withdrawing_sms_stops_sms_from_then_on_and_email_goes_on(client, world, django_capture_on_commit_callbacks):
    dossier = online(world)
    dossier.applicant_email = "an@example.vn"
    dossier.save(update_fields=["applicant_email"])
    with django_capture_on_commit_callbacks(execute=True):
        services.receive(dossier, world.xa_motcua)
    assert len(MemorySmsGateway.outbox) == 1 and len(mail.outbox) == 1

    client.force_login(world.citizen)
    page = client.get("/tai-khoan/du-lieu-cua-toi/").content.decode()
    assert 'name="sms" id="id_sms" checked' in page
    response = client.post("/tai-khoan/dong-y/", {"email": "on"})  # SMS unticked: withdrawn
    assert response.status_code == 302
    assert not has_consent(world.citizen, Purpose.SMS) and has_consent(world.citizen, Purpose.EMAIL)

    with django_capture_on_commit_callbacks(execute=True):
        services.start_processing(dossier, world.xa_chuyenvien)
        services.request_supplement(dossier, world.xa_chuyenvien, missing_items=["Bản sao rõ nét"])
    assert len(MemorySmsGateway.outbox) == 1 and len(mail.outbox) == 2
    history = Consent.objects.filter(user=world.citizen, purpose=Purpose.SMS)
    assert history.count() == 1 and history.get().withdrawn_at is not None  # kept, with its end


def test_one_active_consent_per_purpose_and_a_new_record_after_withdrawal(world):
    first = give_consent(world.citizen, Purpose.SURVEY, method=Method.SETTINGS)
    assert give_consent(world.citizen, Purpose.SURVEY, method=Method.SETTINGS) == first
    from accounts.consent import withdraw_consent

    assert withdraw_consent(world.citizen, Purpose.SURVEY)
    again = give_consent(world.citizen, Purpose.SURVEY, method=Method.SETTINGS)
    assert again != first and Consent.objects.filter(user=world.citizen, purpose=Purpose.SURVEY).count() == 2


def test_registry_prefill_is_a_consent_given_at_filing_only_when_ticked(client, world, registry):
    client.force_login(world.citizen)
    start = f"/nop-ho-so/{world.simple.pk}/"
    assert 'name="consent"' in client.get(start).content.decode()
    client.post(start, {"agency": world.commune_agency.pk})
    assert not has_consent(world.citizen, Purpose.REGISTRY_PREFILL)
    client.post(start, {"agency": world.commune_agency.pk, "consent": "on"})
    consent = Consent.objects.get(user=world.citizen, purpose=Purpose.REGISTRY_PREFILL)
    assert consent.method == Method.FILING


def test_a_survey_invitation_needs_the_survey_consent(world, django_capture_on_commit_callbacks):
    from tests.portal.citizens.helpers import with_result

    dossier = with_result(world)
    MemorySmsGateway.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.return_result(dossier, world.xa_motcua)
    assert not [text for _phone, text in MemorySmsGateway.outbox if "Mời bạn đánh giá" in text]
    give_consent(world.citizen, Purpose.SURVEY, method=Method.SETTINGS)
    from procedures.notifications import notify

    assert notify(dossier.events.get(action="return_result")) == 1
    assert "Mời bạn đánh giá" in MemorySmsGateway.outbox[-1][1]

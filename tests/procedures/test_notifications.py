import datetime as dt
import time

import pytest
from django.core import mail

from portal.celery import app
from procedures import services
from procedures.tasks import send_sms
from sms_adapter.memory import MemorySmsGateway
from tests.factories import RECEIVED_AT, online
from tests.local_services import needs_redis

pytestmark = pytest.mark.django_db


def texts():
    return [text for _phone, text in MemorySmsGateway.outbox]


def test_the_citizen_hears_of_receipt_supplement_result_and_apology(world, django_capture_on_commit_callbacks):
    dossier = online(world, procedure=world.simple)
    dossier.applicant_email = "an@example.vn"
    dossier.save(update_fields=["applicant_email"])
    with django_capture_on_commit_callbacks(execute=True):
        services.receive(dossier, world.xa_motcua, at=RECEIVED_AT)
        services.start_processing(dossier, world.xa_chuyenvien, at=RECEIVED_AT)
        services.request_supplement(
            dossier, world.xa_chuyenvien, missing_items=["Bản sao sổ hộ khẩu"], at=RECEIVED_AT + dt.timedelta(hours=1)
        )
    assert any("đã được tiếp nhận" in text and dossier.code in text for text in texts())
    assert any("cần bổ sung, hoàn thiện: Bản sao sổ hộ khẩu" in text for text in texts())
    assert {message.subject for message in mail.outbox} == {
        f"Đã tiếp nhận hồ sơ {dossier.code}",
        f"Hồ sơ {dossier.code} cần bổ sung",
    }
    assert len(texts()) == 2  # start_processing tells the citizen nothing


def test_an_apology_is_sent_with_the_new_date(world, django_capture_on_commit_callbacks):
    dossier = online(world, procedure=world.simple)
    services.receive(dossier, world.xa_motcua, at=RECEIVED_AT)
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_apology(
            dossier,
            world.xa_motcua,
            reason="Chờ xác minh của công an.",
            new_appointment_at=dossier.appointment_at + dt.timedelta(days=5),  # a Monday morning
            at=RECEIVED_AT + dt.timedelta(hours=2),
        )
    assert "Chúng tôi thành thật xin lỗi" in texts()[-1] and "Chờ xác minh của công an." in texts()[-1]


def test_counter_filing_sends_one_receipt_message_not_two(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.file_at_counter(
            world.simple,
            world.commune_agency,
            world.xa_motcua,
            applicant_name="Lê Văn Cường",
            applicant_personal_id="019085000111",
            applicant_phone="0977000111",
            at=RECEIVED_AT,
        )
    assert len(texts()) == 1 and "đã được tiếp nhận" in texts()[0]


@needs_redis
def test_a_task_travels_through_redis_to_a_worker():
    import uuid

    from celery.contrib.testing.worker import start_worker

    previous = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    app.conf.update(broker_url="redis://127.0.0.1:6379/15", task_always_eager=False)
    # A queue of this run's own: another run on the same Redis (a second checkout, CI beside a
    # developer) must not have its worker take this task, nor this worker take its.
    queue = f"test-{uuid.uuid4().hex}"
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10, queues=[queue]):
            # An explicit connection: the app's producer pool may predate the broker change.
            with app.connection_for_write() as connection:
                assert connection.as_uri().startswith("redis://")
                send_sms.apply_async(("0912345678", "Thử gửi qua Redis"), connection=connection, queue=queue)
            deadline = time.monotonic() + 10
            while not MemorySmsGateway.outbox and time.monotonic() < deadline:
                time.sleep(0.05)
    finally:
        app.conf.update(previous)
    assert MemorySmsGateway.outbox == [("0912345678", "Thử gửi qua Redis")]

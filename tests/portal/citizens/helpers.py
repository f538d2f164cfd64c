"""Dossiers of the `world` fixture filed through the portal's services, at chosen stages."""

from procedures import services
from procedures.models import Outcome
from procedures.services import filing
from tests.uploads import pdf, png


def submitted(world, procedure=None, citizen=None):
    citizen = citizen or world.citizen
    dossier, _message = filing.start_online(citizen, procedure or world.simple, world.commune_agency, consent=True)
    filing.update_draft(dossier, citizen, applicant_phone="0912345678")
    for required in dossier.procedure.required_documents.all():
        filing.attach_document(dossier, citizen, required, png())
    return filing.submit_online(dossier, citizen)


def with_result(world, **kwargs):
    dossier = submitted(world, **kwargs)
    services.receive(dossier, world.xa_motcua)
    services.start_processing(dossier, world.xa_chuyenvien)
    services.propose(dossier, world.xa_chuyenvien, outcome=Outcome.RESULT)
    services.approve(dossier, world.xa_lanhdao, files=[("giay-khai-sinh.pdf", pdf().read())])
    return dossier


def returned(world, **kwargs):
    dossier = with_result(world, **kwargs)
    return services.return_result(dossier, world.xa_motcua)

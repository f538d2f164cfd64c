"""A signed-in citizen's own dossiers: the same services as the portal's pages, nothing else.

Another person's dossier answers 404, as on the pages: it does not exist for this caller."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, OpenApiTypes, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import assurance
from eforms import services as eform_services
from eforms.models import DossierForm
from government.downloads import download
from government.models import AdministrativeUnit, Agency
from procedures.exceptions import DomainError
from procedures.models import Dossier, DossierState, Procedure, RequiredDocument
from procedures.selectors import citizen_dossiers, held_by, receiving_agencies, result_files
from procedures.services import filing, withdraw

from ..authentication import CitizenToken, VneidBearerAuthentication
from ..permissions import IsCitizen
from ..problems import problem
from .serializers import (
    DossierDetailSerializer,
    DossierSerializer,
    DraftSerializer,
    EFormSerializer,
    EFormStateSerializer,
    ReasonSerializer,
    StartSerializer,
    SupplySerializer,
    UploadSerializer,
)

BINARY = OpenApiResponse(OpenApiTypes.BINARY, description="The file")


def _assurance(request):
    if isinstance(request.auth, CitizenToken):
        return request.auth.assurance
    return assurance.level_of(request._request)


def _own(request, pk):
    return get_object_or_404(
        Dossier.objects.filter(held_by(request.user)).select_related("procedure", "receiving_agency"), pk=pk
    )


class CitizenView(APIView):
    authentication_classes = [VneidBearerAuthentication, SessionAuthentication]
    permission_classes = [IsCitizen]


class Page(PageNumberPagination):
    page_size = 20
    max_page_size = 100
    page_size_query_param = "page_size"


class MyDossiers(CitizenView):
    @extend_schema(
        responses=inline_serializer(
            "DossierPage",
            {
                "count": serializers.IntegerField(),
                "next": serializers.URLField(allow_null=True),
                "previous": serializers.URLField(allow_null=True),
                "results": DossierSerializer(many=True),
            },
        ),
        parameters=[OpenApiParameter("page", int), OpenApiParameter("page_size", int)],
        operation_id="me_dossiers_list",
    )
    def get(self, request):
        paginator = Page()
        page = paginator.paginate_queryset(citizen_dossiers(request.user), request, view=self)
        return paginator.get_paginated_response(DossierSerializer(page, many=True).data)

    @extend_schema(request=StartSerializer, responses={201: DossierDetailSerializer}, operation_id="me_dossiers_create")
    def post(self, request):
        """Start a draft (the portal's “Nộp hồ sơ trực tuyến”)."""
        data = StartSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        procedure = get_object_or_404(Procedure, pk=values["procedure"], is_active=True)
        agency = receiving_agencies(procedure).filter(pk=values["agency"]).first()
        if agency is None:
            raise DomainError(_("Cơ quan đã chọn không tiếp nhận thủ tục này."))
        places = {}
        if "case_unit" in values:
            places["case_unit"] = get_object_or_404(AdministrativeUnit, pk=values["case_unit"])
        if "return_agency" in values:
            places["return_agency"] = get_object_or_404(Agency, pk=values["return_agency"])
        draft, _message = filing.start_online(
            request.user, procedure, agency, consent=values["consent"], assurance=_assurance(request), **places
        )
        return Response(DossierDetailSerializer(draft).data, status=status.HTTP_201_CREATED)


class MyDossier(CitizenView):
    @extend_schema(responses=DossierDetailSerializer, operation_id="me_dossiers_retrieve")
    def get(self, request, pk):
        return Response(DossierDetailSerializer(_own(request, pk)).data)

    @extend_schema(request=DraftSerializer, responses=DossierDetailSerializer, operation_id="me_dossiers_update")
    def patch(self, request, pk):
        """Change a draft's contact and delivery details."""
        dossier = _own(request, pk)
        data = DraftSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = {name: getattr(dossier, name) for name in filing.EDITABLE_FIELDS}
        fields.update(data.validated_data)
        filing.update_draft(dossier, request.user, **fields)
        return Response(DossierDetailSerializer(dossier).data)


class Files(CitizenView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        request={"multipart/form-data": UploadSerializer},
        responses={201: DossierDetailSerializer},
        operation_id="me_dossiers_files_create",
    )
    def post(self, request, pk):
        """Attach a file to a draft, for one of the procedure's required documents."""
        dossier = _own(request, pk)
        data = UploadSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        document = get_object_or_404(
            RequiredDocument, pk=data.validated_data["required_document"], procedure=dossier.procedure
        )
        filing.attach_document(dossier, request.user, document, data.validated_data["file"])
        return Response(DossierDetailSerializer(dossier).data, status=status.HTTP_201_CREATED)


class FileItem(CitizenView):
    @extend_schema(responses={(200, "application/octet-stream"): BINARY}, operation_id="me_dossiers_files_retrieve")
    def get(self, request, pk, file_id):
        dossier = _own(request, pk)
        item = get_object_or_404(dossier.documents, pk=file_id)
        return download(item.file, item.name)

    @extend_schema(responses={204: None}, operation_id="me_dossiers_files_destroy")
    def delete(self, request, pk, file_id):
        dossier = _own(request, pk)
        if not dossier.documents.filter(pk=file_id).exists():
            raise NotFound()
        filing.remove_document(dossier, request.user, file_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class Submit(CitizenView):
    @extend_schema(request=None, responses=DossierDetailSerializer, operation_id="me_dossiers_submit")
    def post(self, request, pk):
        dossier = _own(request, pk)
        try:
            filing.submit_online(dossier, request.user, assurance=_assurance(request))
        except filing.SubmissionIncomplete as incomplete:
            return problem(
                409,
                "incomplete",
                incomplete.message,
                _("Bổ sung các mục trong “problems” rồi nộp lại."),
                problems=[str(p) for p in incomplete.problems],
            )
        return Response(DossierDetailSerializer(dossier).data)


class Supplement(CitizenView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        request={"multipart/form-data": SupplySerializer},
        responses=DossierDetailSerializer,
        operation_id="me_dossiers_supplement",
    )
    def post(self, request, pk):
        dossier = _own(request, pk)
        data = SupplySerializer(
            data={"files": request.FILES.getlist("files"), "comment": request.data.get("comment", "")}
        )
        data.is_valid(raise_exception=True)
        filing.supply_online(
            dossier, request.user, data.validated_data["files"], comment=data.validated_data.get("comment", "")
        )
        return Response(DossierDetailSerializer(dossier).data)


class Withdraw(CitizenView):
    parser_classes = [JSONParser, FormParser]

    @extend_schema(request=ReasonSerializer, responses=DossierDetailSerializer, operation_id="me_dossiers_withdraw")
    def post(self, request, pk):
        dossier = _own(request, pk)
        data = ReasonSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        withdraw(dossier, request.user, reason=data.validated_data["reason"])
        return Response(DossierDetailSerializer(dossier).data)


class Result(CitizenView):
    @extend_schema(responses={(200, "application/pdf"): BINARY}, operation_id="me_dossiers_results_retrieve")
    def get(self, request, pk, file_id):
        dossier = _own(request, pk)
        item = get_object_or_404(result_files(dossier), pk=file_id)
        return download(item.file, item.name)


class Declaration(CitizenView):
    """The electronic form (tờ khai) of one of the draft's documents, typed through the API."""

    parser_classes = [JSONParser]

    @staticmethod
    def _record(request, pk, document_id):
        """The declaration; on a draft it is made (prefilled) on first use, as the draft page does."""
        dossier = _own(request, pk)
        required = get_object_or_404(RequiredDocument, pk=document_id, procedure=dossier.procedure, eform__isnull=False)
        if dossier.state == DossierState.DRAFT:
            return eform_services.form_of(dossier, required)
        return get_object_or_404(DossierForm, dossier=dossier, required_document=required)

    @extend_schema(responses=EFormStateSerializer, operation_id="me_dossiers_forms_retrieve")
    def get(self, request, pk, document_id):
        record = self._record(request, pk, document_id)
        return Response(_state(record, eform_services.stored_form(record, "ef")))

    @extend_schema(request=EFormSerializer, responses=EFormStateSerializer, operation_id="me_dossiers_forms_update")
    def put(self, request, pk, document_id):
        data = EFormSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        record = self._record(request, pk, document_id)
        typed = {f"ef-{name}": value for name, value in data.validated_data["fields"].items()}
        return Response(_state(record, eform_services.save(record, typed, "ef")))  # refuses a submitted one


def _state(record, form):
    return {
        "definition": record.definition,
        "fields": {k[3:]: v for k, v in record.raw.items()},
        "values": form.values,
        "complete": form.is_valid(),
        "errors": [
            {"field": anchor, "label": str(label), "message": str(message)} for anchor, label, message in form.errors
        ]
        if form.data is not None
        else [],
    }

"""The citizen's store through the API (issue 39): the same services as "Kho dữ liệu của tôi" and the
draft's "Dùng giấy tờ đã có". Another person's paper answers 404: it does not exist for this caller."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response

from government.downloads import download
from procedures.models import RequiredDocument, StoredDocument
from procedures.selectors import store_of
from procedures.services import store

from .citizen import BINARY, CitizenView, _own
from .serializers import DossierDetailSerializer, ReuseSerializer, StoredDocumentSerializer, StoreUploadSerializer


def _own_item(request, pk):
    return get_object_or_404(
        StoredDocument, pk=pk, personal_id=store.owner_of_store(request.user) or "-", removed_at__isnull=True
    )


class Store(CitizenView):
    parser_classes = [MultiPartParser]

    @extend_schema(responses=StoredDocumentSerializer(many=True), operation_id="me_store_list")
    def get(self, request):
        """Every paper of the caller's store (results issued, digitised papers, own uploads), newest
        first; empty until the caller's identity is confirmed (VNeID or the registry)."""
        owner = store.owner_of_store(request.user)
        items = store_of(owner).select_related("dossier", "result_file") if owner else StoredDocument.objects.none()
        return Response(StoredDocumentSerializer(items, many=True).data)

    @extend_schema(
        request={"multipart/form-data": StoreUploadSerializer},
        responses={201: StoredDocumentSerializer},
        operation_id="me_store_create",
    )
    def post(self, request):
        """Put one of the caller's papers in their store."""
        data = StoreUploadSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        item = store.add_upload(request.user, values["kind"], values["file"], title=values.get("title", ""))
        return Response(StoredDocumentSerializer(item).data, status=status.HTTP_201_CREATED)


class StoreItem(CitizenView):
    @extend_schema(responses={204: None}, operation_id="me_store_destroy")
    def delete(self, request, pk):
        """Remove one of the caller's own uploads (an issued result cannot be removed: 409). Dossiers
        that used it keep their copy."""
        _own_item(request, pk)
        store.remove(request.user, pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


class StoreFile(CitizenView):
    @extend_schema(responses={(200, "application/octet-stream"): BINARY}, operation_id="me_store_file_retrieve")
    def get(self, request, pk):
        item = _own_item(request, pk)
        return download(item.file, item.name, item.content_type)


class Reuse(CitizenView):
    parser_classes = [JSONParser]

    @extend_schema(request=ReuseSerializer, responses={201: DossierDetailSerializer}, operation_id="me_dossiers_reuse")
    def post(self, request, pk):
        """Attach a paper of the caller's store to a draft for one of its required documents, without an
        upload (“Dùng giấy tờ đã có”). Another person's paper, an expired one or one of another kind is
        refused and nothing is attached."""
        dossier = _own(request, pk)
        data = ReuseSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        required = get_object_or_404(
            RequiredDocument, pk=data.validated_data["required_document"], procedure=dossier.procedure
        )
        store.reuse(dossier, request.user, required, data.validated_data["stored_document"], at=timezone.now())
        return Response(DossierDetailSerializer(dossier).data, status=status.HTTP_201_CREATED)

"""What version 1 of the API reads and writes. Output shapes only describe; every rule on input
lives in the services the views call (procedures.services), as for the portal's own pages."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from government.models import Agency, UnitLevel
from government.validators import PHONE
from procedures.models import (
    DocumentKind,
    Dossier,
    DossierEvent,
    DossierState,
    Procedure,
    RequiredDocument,
    ResultDelivery,
    RouteStep,
    StopGround,
    StoredDocument,
    Timeliness,
)
from procedures.selectors import citizen_comment, citizen_decision_note, result_files, timeline

# --- catalog -----------------------------------------------------------------------------------


class FieldSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()


class AgencyRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Agency
        fields = ["id", "name", "electronic_code"]
        read_only_fields = fields  # outputs: no database-dependent bounds in the schema


class RouteStepSerializer(serializers.ModelSerializer):
    class Meta:
        model = RouteStep
        fields = ["order", "level", "agency_kind", "task", "working_days"]
        read_only_fields = fields  # outputs: no database-dependent bounds in the schema


class RequiredDocumentSerializer(serializers.ModelSerializer):
    has_eform = serializers.SerializerMethodField()
    kinds = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = RequiredDocument
        fields = [
            "id",
            "name",
            "template_name",
            "copy_kind",
            "quantity",
            "is_mandatory",
            "has_eform",
            "kinds",
            "waived_when_identity_verified",
        ]
        read_only_fields = fields  # outputs: no database-dependent bounds in the schema

    def get_has_eform(self, document) -> bool:
        return bool(document.eform)


class ProcedureSerializer(serializers.ModelSerializer):
    field = FieldSerializer()
    levels = serializers.SerializerMethodField()
    time_limit = serializers.SerializerMethodField(help_text="The time limit in words (Vietnamese).")

    class Meta:
        model = Procedure
        fields = [
            "id",
            "national_code",
            "name",
            "field",
            "levels",
            "time_limit_kind",
            "processing_days",
            "processing_hours",
            "time_limit",
            "fee_vnd",
            "online_level",
            "assurance_level",
            "is_non_boundary",
        ]
        read_only_fields = fields  # outputs: no database-dependent bounds in the schema

    def get_time_limit(self, procedure) -> str:
        return procedure.time_limit.full_text

    def get_levels(self, procedure) -> list[str]:
        return sorted({step.level for step in procedure.route_steps.all()})


class ProcedureDetailSerializer(ProcedureSerializer):
    required_documents = RequiredDocumentSerializer(many=True)
    route = RouteStepSerializer(source="route_steps", many=True)

    class Meta(ProcedureSerializer.Meta):
        fields = ProcedureSerializer.Meta.fields + [
            "fee_note",
            "result_document",
            "legal_basis",
            "description",
            "case_basis",
            "required_documents",
            "route",
        ]
        read_only_fields = fields  # outputs: no database-dependent bounds in the schema


class CatalogQuerySerializer(serializers.Serializer):
    q = serializers.CharField(
        required=False, max_length=100, allow_blank=True, help_text=_("Tìm theo tên, không phân biệt dấu")
    )
    level = serializers.ChoiceField(choices=UnitLevel.choices, required=False)
    field = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    place = serializers.CharField(required=False, max_length=100, help_text=_("Nơi tiếp nhận (mã nơi nộp)"))
    page = serializers.IntegerField(required=False, min_value=1, max_value=10_000)


# --- dossiers ----------------------------------------------------------------------------------


class EventSerializer(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.name", default="")
    # blank on the event that created the dossier (it came from no state); the schema says so
    from_state = serializers.ChoiceField(choices=DossierState.choices, allow_blank=True, read_only=True)

    class Meta:
        model = DossierEvent
        fields = ["id", "created_at", "action", "from_state", "to_state", "agency", "comment"]
        read_only_fields = fields  # outputs: no database-dependent bounds in the schema


class PublicStatusSerializer(serializers.ModelSerializer):
    """What public tracking shows: nothing personal."""

    procedure = serializers.CharField(source="procedure.name")
    agency = serializers.CharField(source="current_agency.name", default="")
    events = serializers.SerializerMethodField()

    class Meta:
        model = Dossier
        fields = [
            "code",
            "procedure",
            "state",
            "agency",
            "submitted_at",
            "received_at",
            "appointment_at",
            "returned_at",
            "events",
        ]
        read_only_fields = fields  # outputs: no database-dependent bounds in the schema

    def get_events(self, dossier) -> list[dict]:
        return [{"at": e.created_at, "action": e.action, "to_state": e.to_state} for e in timeline(dossier)]


class TrackingSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=40)
    secret = serializers.RegexField(r"^\d{4}$", help_text=_("4 chữ số cuối của số định danh hoặc số điện thoại"))


class FileSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    size = serializers.IntegerField()
    required_document = serializers.IntegerField(source="required_document_id", allow_null=True)
    stored_document = serializers.IntegerField(
        source="stored_document_id", allow_null=True, help_text=_("Giấy tờ dùng lại từ kho dữ liệu, nếu có")
    )


class ResultFileSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class DossierSerializer(serializers.ModelSerializer):
    procedure = serializers.PrimaryKeyRelatedField(read_only=True)
    procedure_name = serializers.CharField(source="procedure.name", read_only=True)
    receiving_agency = AgencyRefSerializer(read_only=True)
    decision_note = serializers.SerializerMethodField(
        help_text=_("Lý do từ chối, không đủ điều kiện, rút hoặc dừng giải quyết; rỗng ở trạng thái khác")
    )
    # blank when nobody gave one (a counter dossier): not an e-mail "format" then
    applicant_email = serializers.CharField(
        read_only=True, label=Dossier._meta.get_field("applicant_email").verbose_name
    )

    class Meta:
        model = Dossier
        fields = [
            "id",
            "code",
            "state",
            "procedure",
            "procedure_name",
            "receiving_agency",
            "channel",
            "applicant_name",
            "applicant_phone",
            "applicant_email",
            "applicant_address",
            "result_delivery",
            "delivery_address",
            "created_at",
            "submitted_at",
            "received_at",
            "due_at",
            "appointment_at",
            "returned_at",
            "decision_note",
        ]
        read_only_fields = fields

    def get_decision_note(self, dossier) -> str:
        return citizen_decision_note(dossier)


class DossierDetailSerializer(DossierSerializer):
    files = FileSerializer(source="documents", many=True, read_only=True)
    events = serializers.SerializerMethodField()
    results = serializers.SerializerMethodField()

    class Meta(DossierSerializer.Meta):
        fields = DossierSerializer.Meta.fields + ["files", "events", "results"]
        read_only_fields = fields

    def get_events(self, dossier) -> list[dict]:
        return [
            {
                "at": e.created_at,
                "action": e.action,
                "from_state": e.from_state,
                "to_state": e.to_state,
                "comment": citizen_comment(e),
            }
            for e in timeline(dossier)
        ]

    def get_results(self, dossier) -> list[dict]:
        return [{"id": f.pk, "name": f.name} for f in result_files(dossier)]


class StartSerializer(serializers.Serializer):
    procedure = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    agency = serializers.IntegerField(min_value=1, max_value=2**31 - 1, help_text=_("Nơi nộp hồ sơ"))
    consent = serializers.BooleanField(
        default=False, help_text=_("Đồng ý lấy thông tin từ CSDL quốc gia về dân cư để điền sẵn")
    )
    case_unit = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    return_agency = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)


class DraftSerializer(serializers.Serializer):
    applicant_phone = serializers.CharField(max_length=10, required=False, allow_blank=True, validators=[PHONE])
    applicant_email = serializers.EmailField(required=False, allow_blank=True)
    applicant_address = serializers.CharField(max_length=300, required=False, allow_blank=True)
    result_delivery = serializers.ChoiceField(choices=ResultDelivery.choices, required=False)
    delivery_address = serializers.CharField(max_length=300, required=False, allow_blank=True)


class UploadSerializer(serializers.Serializer):
    required_document = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    file = serializers.FileField()


class SupplySerializer(serializers.Serializer):
    files = serializers.ListField(child=serializers.FileField(), min_length=1, max_length=20)
    comment = serializers.CharField(max_length=1000, required=False, allow_blank=True)


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=1000)


class SystemDossierSerializer(serializers.ModelSerializer):
    procedure = serializers.CharField(source="procedure.national_code")
    receiving_agency = serializers.CharField(source="receiving_agency.electronic_code")
    current_agency = serializers.CharField(source="current_agency.electronic_code", default=None)
    last_change = serializers.IntegerField(read_only=True, help_text=_("Số thứ tự sự kiện mới nhất"))
    timeliness = serializers.ChoiceField(
        choices=Timeliness.choices, allow_blank=True, read_only=True, help_text=_("Trống khi chưa trả kết quả")
    )

    class Meta:
        model = Dossier
        fields = [
            "code",
            "state",
            "procedure",
            "receiving_agency",
            "current_agency",
            "channel",
            "submitted_at",
            "received_at",
            "due_at",
            "appointment_at",
            "returned_at",
            "timeliness",
            "last_change",
        ]
        read_only_fields = fields  # outputs: no database-dependent bounds in the schema


class ChangedSinceSerializer(serializers.Serializer):
    since = serializers.DateTimeField(help_text=_("Hồ sơ có thay đổi từ thời điểm này (ISO 8601)"))


class TransitionSerializer(serializers.Serializer):
    """The fields a transition needs; which ones depends on the transition (docs/api.md)."""

    comment = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    missing_items = serializers.ListField(
        child=serializers.CharField(max_length=500),
        max_length=30,
        required=False,
        default=list,
        help_text=_("Giấy tờ cần bổ sung, mỗi mục một phần tử"),
    )
    new_appointment_at = serializers.DateTimeField(required=False)
    ground = serializers.ChoiceField(choices=StopGround.choices, required=False)
    provision = serializers.CharField(
        max_length=300,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Căn cứ pháp lý cụ thể khi dừng theo quy định của pháp luật"),
    )


class EFormSerializer(serializers.Serializer):
    """A typed declaration: `fields` are the form's input names (a group's rows as
    `<group>-<row>-<field>` and `<group>-rows`), each with the text typed, as on the page."""

    fields = serializers.DictField(
        child=serializers.CharField(allow_blank=True, max_length=2000, trim_whitespace=False),
        help_text=_("Tên ô nhập → giá trị, như trên trang soạn hồ sơ"),
    )


class EFormStateSerializer(serializers.Serializer):
    definition = serializers.JSONField(read_only=True)
    fields = serializers.DictField(child=serializers.CharField(allow_blank=True), read_only=True)
    values = serializers.JSONField(read_only=True, allow_null=True)
    complete = serializers.BooleanField(read_only=True)
    errors = serializers.ListField(child=serializers.DictField(child=serializers.CharField()), read_only=True)


class StoredDocumentSerializer(serializers.ModelSerializer):
    """A paper of the citizen's store (Kho dữ liệu của tôi)."""

    kind = serializers.SlugRelatedField(slug_field="code", read_only=True)
    kind_name = serializers.CharField(source="kind.name", read_only=True)
    dossier = serializers.CharField(source="dossier.code", read_only=True, allow_null=True, default=None)
    removable = serializers.BooleanField(read_only=True)
    verification_token = serializers.UUIDField(
        source="result_file.verification_token", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = StoredDocument
        fields = [
            "id",
            "kind",
            "kind_name",
            "source",
            "title",
            "number",
            "issuer_name",
            "issued_on",
            "valid_until",
            "name",
            "content_type",
            "size",
            "sha256",
            "signed_by",
            "dossier",
            "removable",
            "verification_token",
        ]
        read_only_fields = fields


class StoreUploadSerializer(serializers.Serializer):
    # Checked as a code before the database sees it (PostgreSQL refuses a NUL in a query string).
    kind = serializers.RegexField(r"^[a-z0-9-]{1,60}$", help_text=_("Mã loại giấy tờ"))
    title = serializers.CharField(max_length=300, required=False, allow_blank=True)
    file = serializers.FileField()

    def validate_kind(self, code):
        kind = DocumentKind.objects.filter(code=code, is_active=True).first()
        if kind is None:
            raise serializers.ValidationError(_("Không có loại giấy tờ này."))
        return kind


class ReuseSerializer(serializers.Serializer):
    required_document = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    stored_document = serializers.IntegerField(min_value=1, max_value=2**31 - 1)

"""The 20 identity fields that the registry shows to procedure-handling systems (DOMAIN.md §7).

`CitizenRecord.from_payload` is the one place where registry JSON becomes a typed record; any
shape it does not expect is an `InvalidResponse`, never a half-filled record.
"""

import datetime as dt
from dataclasses import asdict, dataclass, fields

from django.utils.translation import gettext_lazy as _

from .errors import InvalidResponse

SEXES = {"male": _("Nam"), "female": _("Nữ")}


@dataclass(frozen=True)
class Relative:
    full_name: str
    personal_id: str = ""
    nationality: str = ""


@dataclass(frozen=True)
class CitizenRecord:
    personal_id: str
    old_id_number: str
    full_name: str
    other_names: str
    date_of_birth: dt.date
    sex: str
    place_of_birth_registration: str
    home_town: str
    ethnicity: str
    religion: str
    nationality: str
    marital_status: str
    permanent_residence: str
    temporary_residence: str
    current_residence: str
    head_of_household: Relative | None
    relationship_to_head: str
    father: Relative | None
    mother: Relative | None
    spouse: Relative | None

    @classmethod
    def from_payload(cls, payload):
        if not isinstance(payload, dict):
            raise InvalidResponse(reason="payload is not an object")
        values = {}
        for field in fields(cls):
            if field.name not in payload:
                raise InvalidResponse(reason=f"missing field {field.name}")
            values[field.name] = _convert(field.name, payload[field.name])
        if values["sex"] not in SEXES:
            raise InvalidResponse(reason="unknown sex")
        return cls(**values)

    def to_payload(self):
        data = asdict(self)
        data["date_of_birth"] = self.date_of_birth.isoformat()
        return data

    def comparable(self):
        """Flat text values keyed like `FIELD_LABELS`, for comparing with what an applicant declared."""
        flat = {}
        for name, value in asdict(self).items():
            if isinstance(value, dict):
                flat.update({f"{name}_{part}": text for part, text in value.items() if text})
            elif value is not None:
                flat[name] = value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else value
        flat["sex"] = str(SEXES[self.sex])
        return flat


RELATIVES = ("head_of_household", "father", "mother", "spouse")


def _convert(name, value):
    if name in RELATIVES:
        if value is None:
            return None
        if not isinstance(value, dict) or not isinstance(value.get("full_name"), str):
            raise InvalidResponse(reason=f"{name} is not a person")
        return Relative(value["full_name"], str(value.get("personal_id") or ""), str(value.get("nationality") or ""))
    if name == "date_of_birth":
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise InvalidResponse(reason="date_of_birth is not an ISO date") from None
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidResponse(reason=f"{name} is not text")
    return value


# Labels for the screen and the mismatch report, keyed as in `CitizenRecord.comparable()`.
FIELD_LABELS = {
    "personal_id": _("Số định danh cá nhân"),
    "old_id_number": _("Số CMND 9 số"),
    "full_name": _("Họ, chữ đệm và tên khai sinh"),
    "other_names": _("Tên gọi khác"),
    "date_of_birth": _("Ngày, tháng, năm sinh"),
    "sex": _("Giới tính"),
    "place_of_birth_registration": _("Nơi đăng ký khai sinh"),
    "home_town": _("Quê quán"),
    "ethnicity": _("Dân tộc"),
    "religion": _("Tôn giáo"),
    "nationality": _("Quốc tịch"),
    "marital_status": _("Tình trạng hôn nhân"),
    "permanent_residence": _("Nơi thường trú"),
    "temporary_residence": _("Nơi tạm trú"),
    "current_residence": _("Nơi ở hiện tại"),
    "head_of_household_full_name": _("Họ, chữ đệm và tên chủ hộ"),
    "head_of_household_personal_id": _("Số định danh cá nhân của chủ hộ"),
    "relationship_to_head": _("Quan hệ với chủ hộ"),
    "father_full_name": _("Họ, chữ đệm và tên cha"),
    "father_personal_id": _("Số định danh cá nhân của cha"),
    "father_nationality": _("Quốc tịch của cha"),
    "mother_full_name": _("Họ, chữ đệm và tên mẹ"),
    "mother_personal_id": _("Số định danh cá nhân của mẹ"),
    "mother_nationality": _("Quốc tịch của mẹ"),
    "spouse_full_name": _("Họ, chữ đệm và tên vợ hoặc chồng"),
    "spouse_personal_id": _("Số định danh cá nhân của vợ hoặc chồng"),
    "spouse_nationality": _("Quốc tịch của vợ hoặc chồng"),
}

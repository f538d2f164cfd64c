"""How a place is written in the "place, date" line of a paper (Decree 30/2020, appendix I): the unit's
own name without its kind ("Phú Thượng"), except units named after a person or a number, which
keep it ("Phường Quang Trung", "Phường 1"), or the name alone would read as the person's.

Which names are people's is data no register gives us: the list below holds the names of historical
figures that Vietnamese wards and communes carry; a name it misses is a line to add here."""

NAMED_AFTER_PEOPLE = frozenset(
    {
        "Bà Triệu",
        "Chu Văn An",
        "Đinh Tiên Hoàng",
        "Hai Bà Trưng",
        "Hoàng Hoa Thám",
        "Hoàng Văn Thụ",
        "Hùng Vương",
        "Lê Hồng Phong",
        "Lê Lợi",
        "Lê Lai",
        "Lý Thường Kiệt",
        "Lý Tự Trọng",
        "Ngô Quyền",
        "Nguyễn Du",
        "Nguyễn Trãi",
        "Nguyễn Thái Học",
        "Nguyễn Văn Cừ",
        "Phan Bội Châu",
        "Phan Chu Trinh",
        "Phan Đình Phùng",
        "Quang Trung",
        "Trần Hưng Đạo",
        "Trần Phú",
        "Trần Quốc Toản",
        "Trưng Vương",
        "Trưng Trắc",
        "Trưng Nhị",
        "Võ Thị Sáu",
        "Tô Hiệu",
        "Cù Chính Lan",
        "Bế Văn Đàn",
        "Lê Quý Đôn",
        "Kim Đồng",
        "Nguyễn Huệ",
        "Lê Thánh Tông",
        "Tôn Đức Thắng",
        "Trần Nhân Tông",
        "Tuệ Tĩnh",
    }
)


def place_name(unit):
    """ "Phú Thượng"; "Phường Quang Trung"; "Phường 1"."""
    short = unit.short_name.strip()
    if short.isdigit() or short in NAMED_AFTER_PEOPLE:
        return f"{unit.unit_type} {short}"
    return short

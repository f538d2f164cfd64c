"""Dates in Vietnamese words, as civil-status papers write them ("Ngày hai mươi lăm tháng tư năm hai
nghìn không trăm hai mươi sáu").

Hand-written because num2words' Vietnamese writes 2026 as "hai nghìn lẻ hai mươi sáu", which no
civil-status book does: a zero hundreds digit is read "không trăm", a zero tens digit "lẻ".
"""

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
MONTHS = ("một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "mười hai")


def below_hundred(n):
    tens, units = divmod(n, 10)
    if tens == 0:
        return DIGITS[units]
    head = "mười" if tens == 1 else f"{DIGITS[tens]} mươi"
    if units == 0:
        return head
    if units == 1 and tens > 1:
        return f"{head} mốt"
    if units == 4 and tens > 1:
        return f"{head} tư"
    if units == 5:
        return f"{head} lăm"
    return f"{head} {DIGITS[units]}"


def below_thousand(n, *, padded):
    """`padded`: a thousand precedes, so a zero hundreds digit is said ("không trăm")."""
    hundreds, rest = divmod(n, 100)
    words = []
    if hundreds or padded:
        words.append(f"{DIGITS[hundreds]} trăm")
    if rest:
        if rest < 10 and words:
            words.append("lẻ")
        words.append(below_hundred(rest))
    return " ".join(words)


def number(n):
    """0 ≤ n < 1,000,000."""
    if n == 0:
        return DIGITS[0]
    thousands, rest = divmod(n, 1000)
    words = []
    if thousands:
        words.append(f"{below_thousand(thousands, padded=False)} nghìn")
    if rest:
        words.append(below_thousand(rest, padded=bool(thousands)))
    return " ".join(words)


def date_in_words(day):
    """ "Ngày mùng năm tháng ba năm hai nghìn không trăm hai mươi sáu"; days 1–10 take "mùng"."""
    day_words = f"mùng {below_hundred(day.day)}" if day.day <= 10 else below_hundred(day.day)
    return f"Ngày {day_words} tháng {MONTHS[day.month - 1]} năm {number(day.year)}"

"""What each step of an outgoing document costs, and a register search, on the demo database.

    .venv/bin/python bench/documents.py [--runs 10]

Needs the demo (`make run` or `make setup`): the commune's specialist, leader and clerk. Everything
it writes is rolled back (the PDF files it stored stay under var/private). Prints the median, min and
max of: drafting from the template (reportlab + the empty fields), the leader's signature, the
clerk's issue (number, date fields with an embedded font subset, the agency's signature), checking
both signatures, and a diacritic-free search of the incoming register; and each step's share of the
whole path. The issue step holds the register's row lock: its time bounds how many documents one
agency can issue per second.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402
from timing import median_ms  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402

from documents import selectors  # noqa: E402
from documents.models import DocumentType  # noqa: E402
from documents.services import outgoing  # noqa: E402
from government.signing import check_signatures  # noqa: E402
from search.services import find_documents  # noqa: E402

BODY = "\n\n".join(["Thực hiện chỉ đạo của cấp trên, đơn vị báo cáo kết quả như sau."] * 6)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    users = get_user_model().objects
    specialist, leader, clerk = (users.get(username=f"xa.{name}") for name in ("chuyenvien", "lanhdao", "vanthu"))
    kind = DocumentType.objects.get(name="Báo cáo")
    figures = {}
    with transaction.atomic():
        drafts, signed = [], []

        def draft():
            drafts.append(
                outgoing.create_draft(
                    specialist,
                    document_type=kind,
                    excerpt="Báo cáo thử",
                    body=BODY,
                    signer=leader,
                    signer_title="CHỦ TỊCH",
                )
            )

        def sign():
            document = drafts.pop()
            outgoing.submit(specialist, document)
            signed.append(outgoing.sign(leader, document))

        issued = []

        def issue():
            issued.append(outgoing.issue(clerk, signed.pop()))

        def check():
            with issued[-1].issued_pdf.open("rb") as handle:
                assert all(c.valid for c in check_signatures(handle.read()))

        figures["draft from the template"] = median_ms(draft, runs)
        figures["leader's signature"] = median_ms(sign, runs)
        figures["issue (number, date, agency's signature)"] = median_ms(issue, runs)
        figures["check both signatures"] = median_ms(check, runs)
        register = selectors.incoming_for(clerk)
        figures[f"search the incoming register ({register.count()} rows)"] = median_ms(
            lambda: list(find_documents(register, "bao cao ket qua", agency=clerk.staff_role.agency)), runs
        )
        transaction.set_rollback(True)
    path = sum(figures[k][0] for k in list(figures)[:3])
    print(f"{'step':48} {'median ms':>10} {'min':>8} {'max':>8} {'share of the path':>18}")
    for name, (median, low, high) in figures.items():
        share = f"{median / path:.0%}" if not name.startswith(("check", "search")) else ""
        print(f"{name:48} {median:10.1f} {low:8.1f} {high:8.1f} {share:>18}")
    print(
        f"one document from draft to issue: {path:.0f} ms; at most {1000 / figures[list(figures)[2]][0]:.1f} "
        f"issues per second per agency (the register's lock is held during the issue)"
    )


if __name__ == "__main__":
    main()

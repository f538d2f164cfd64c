from django.db.models import Count, Q

from .models import Payment, PaymentChannel, PaymentStatus


def payments_of(dossier):
    return list(Payment.objects.filter(dossier=dossier).order_by("created_at"))


def online_payment_rate(start, end):
    """Decision 766: among dossiers whose fee was paid in [start, end), the share paid online; None when none."""
    counts = Payment.objects.filter(
        status__in=[PaymentStatus.PAID, PaymentStatus.REFUNDED], paid_at__gte=start, paid_at__lt=end
    ).aggregate(total=Count("pk"), online=Count("pk", filter=Q(channel=PaymentChannel.ONLINE)))
    return counts["online"] / counts["total"] if counts["total"] else None

# Consents move from privacy to accounts (issue 36, decision 0030): the table keeps its name
# (privacy_consent); only Django's idea of the owning app changes, and the content type follows so
# that permissions and admin history stay with the model (as decision 0018 did).

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def relabel(apps, schema_editor, old="privacy", new="accounts"):
    # A content type under the new label may exist (created after a partial migrate): it is the fresh
    # one, with no permission granted yet, so the old one, which holds the grants, wins.
    content_types = apps.get_model("contenttypes", "ContentType")
    if content_types.objects.filter(app_label=old, model="consent").exists():
        content_types.objects.filter(app_label=new, model="consent").delete()
        content_types.objects.filter(app_label=old, model="consent").update(app_label=new)


def relabel_back(apps, schema_editor):
    relabel(apps, schema_editor, old="accounts", new="privacy")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_enrolment_codes"),
        ("contenttypes", "0002_remove_content_type_name"),
        # The table was created by privacy; it exists before this app takes it over.
        ("privacy", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Consent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('purpose', models.CharField(choices=[('registry_prefill', 'Lấy thông tin từ CSDL quốc gia về dân cư để điền sẵn hồ sơ'), ('sms', 'Nhận thông báo về hồ sơ qua tin nhắn SMS'), ('email', 'Nhận thông báo về hồ sơ qua thư điện tử'), ('survey', 'Nhận lời mời đánh giá mức độ hài lòng sau khi nhận kết quả')], max_length=30, verbose_name='mục đích')),
                        ('terms_version', models.CharField(max_length=20, verbose_name='phiên bản điều khoản')),
                        ('method', models.CharField(choices=[('registration', 'Đánh dấu khi đăng ký tài khoản'), ('filing', 'Đánh dấu khi nộp hồ sơ trực tuyến'), ('settings', 'Đánh dấu trên trang quản lý đồng ý')], max_length=20, verbose_name='cách thức')),
                        ('given_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='đồng ý lúc')),
                        ('withdrawn_at', models.DateTimeField(blank=True, null=True, verbose_name='rút lại lúc')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='consents', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'sự đồng ý',
                        'verbose_name_plural': 'sự đồng ý',
                        'db_table': 'privacy_consent',
                        'ordering': ['given_at', 'pk'],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('withdrawn_at__isnull', True)), fields=('user', 'purpose'), name='one_active_consent_per_purpose')],
                    },
                ),
            ],
        ),
        migrations.RunPython(relabel, relabel_back),
    ]

from django.db import migrations, models

# The English block the first version wrote into `findings` when the letter was made; the
# letter now prints the report's counts and defects in the recipient's language instead.
AUTO_FINDINGS_START = ("Critical: ", "Major: ", "Minor: ")


def number_and_clean(apps, schema_editor):
    GuaranteeLetter = apps.get_model("shipping", "GuaranteeLetter")
    for letter in GuaranteeLetter.objects.all():
        letter.number = f"LG-{letter.created_at:%Y%m%d}-{letter.report_id:05d}"
        if letter.findings.startswith(AUTO_FINDINGS_START):
            letter.findings = ""
        letter.save(update_fields=["number", "findings"])


class Migration(migrations.Migration):
    dependencies = [("shipping", "0002_dispatch_dispatchline_dispatchsteprecord")]

    operations = [
        migrations.AddField(
            model_name="guaranteeletter",
            name="number",
            field=models.CharField(max_length=40, null=True, verbose_name="L/G no."),
        ),
        migrations.AlterField(
            model_name="guaranteeletter",
            name="findings",
            field=models.TextField(
                blank=True, verbose_name="further findings the factory answers for"
            ),
        ),
        migrations.RunPython(number_and_clean, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="guaranteeletter",
            name="number",
            field=models.CharField(max_length=40, unique=True, verbose_name="L/G no."),
        ),
    ]

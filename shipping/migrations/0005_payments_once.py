from django.db import migrations, models
import django.db.models.functions.text


class Migration(migrations.Migration):

    dependencies = [
        ('shipping', '0004_payment_repeats_marked'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='deduction',
            constraint=models.CheckConstraint(condition=models.Q(('amount__gt', 0)), name='deduction_amount_positive', violation_error_message='The amount must be more than zero.'),
        ),
        migrations.AddConstraint(
            model_name='payment',
            constraint=models.UniqueConstraint(django.db.models.functions.text.Upper('reference'), models.F('order'), condition=models.Q(('reference', ''), _negated=True), name='payment_bank_reference_once_per_order', violation_error_message='This bank reference is already recorded on the order.'),
        ),
        migrations.AddConstraint(
            model_name='payment',
            constraint=models.CheckConstraint(condition=models.Q(('amount__gt', 0)), name='payment_amount_positive', violation_error_message='The amount must be more than zero.'),
        ),
    ]

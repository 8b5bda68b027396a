import time

from django.core.management.base import BaseCommand

from orders.demo import DEMO_LOGINS, seed_demo
from orders.models import Order

__all__ = ["DEMO_LOGINS", "Command"]


class Command(BaseCommand):
    help = (
        "Create the demo office: users for every role, customers, factories and about fifty "
        "orders in every stage, walked through the services. Safe to run again."
    )

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        office = seed_demo(log=lambda text: self.stderr.write(self.style.WARNING(text)))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {office.created_orders} orders created, "
                f"{Order.objects.count()} in total ({time.monotonic() - started:.1f} s)."
            )
        )
        self.print_logins()

    def print_logins(self) -> None:
        rows = [("role", "username", "password"), *DEMO_LOGINS]
        widths = [max(len(str(row[column])) for row in rows) for column in range(3)]
        rule = "+".join("-" * (width + 2) for width in widths)
        self.stdout.write(f"+{rule}+")
        for index, row in enumerate(rows):
            cells = " | ".join(
                str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)
            )
            self.stdout.write(f"| {cells} |")
            if index == 0:
                self.stdout.write(f"+{rule}+")
        self.stdout.write(f"+{rule}+")

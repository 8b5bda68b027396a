"""Who outside the office is told what. Each e-mail is an outbox row written with the change
it reports (orders.outbox), keyed by what it is about and to whom so that it goes once, and
sent after the commit in the recipient's own language."""

from orders.outbox.services import outbox_enqueue

# kind -> (subject template, body template, how to load the object)
NOTICES = {
    "lab_test_failed": "suppliers/mail/lab_test_failed",
    "trim_card_returned": "suppliers/mail/trim_card_returned",
}


def _queue(kind: str, obj, order, recipients) -> None:
    for name, email, language in recipients:
        if not email:
            continue
        outbox_enqueue(
            kind=kind,
            recipient=email,
            payload={"object_id": obj.pk, "order_id": order.pk, "name": name, "language": language},
            key=f"{kind}:{obj.pk}:{email.lower()}",
        )


def factory_recipients(order) -> list[tuple[str, str, str]]:
    factory = order.factory
    return [(factory.name, factory.email, factory.language)]


def customer_recipients(order) -> list[tuple[str, str, str]]:
    customer = order.customer
    return [
        (contact.name, contact.email, customer.language)
        for contact in customer.contacts.exclude(email="")
    ]


def lab_test_failed(test) -> None:
    """R3: a failing result goes to the customer's contacts and the factory at once."""
    order = test.booking.order
    _queue("lab_test_failed", test, order, customer_recipients(order) + factory_recipients(order))


def trim_card_returned(card) -> None:
    """R1: errors on the trim card go back to the factory at once."""
    _queue("trim_card_returned", card, card.order, factory_recipients(card.order))

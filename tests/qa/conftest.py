from orders.models import Order


def in_stage(order: Order, stage: str) -> Order:
    """Put an order in a stage directly: these tests are about what a page shows there."""
    Order.objects.filter(pk=order.pk).update(stage=stage)
    return Order.objects.get(pk=order.pk)

from orders.services.common import ActionRefused, lock_order, record_event, refuse_unless

__all__ = ["ActionRefused", "lock_order", "record_event", "refuse_unless"]

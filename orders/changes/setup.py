"""Wiring of the change concepts, called from OrdersConfig.ready()."""


def ready() -> None:
    from orders.changes import contributions, notice
    from orders.changes.choices import ACTION_LABELS
    from orders.timeline import register_action_labels

    contributions.register()
    notice.register()
    register_action_labels(ACTION_LABELS)

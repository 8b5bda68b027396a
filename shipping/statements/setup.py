"""What the statements app plugs in: its form, its reminders, R20's monthly condition."""


def register() -> None:
    from orders.credit.rules import register_statement_check
    from orders.reminders.registry import register_reminder_source
    from shipping.statements.forms_registry import register_forms
    from shipping.statements.reminders import SOURCE, r31_statement_items
    from shipping.statements.rules import r20_last_month_cleared

    register_forms()
    register_reminder_source(code=SOURCE, collect=r31_statement_items)
    register_statement_check(r20_last_month_cleared)

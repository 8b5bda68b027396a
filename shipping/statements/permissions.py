"""Who may do what with the customer statements (R31). Services and transitions call these."""

from orders.roles import SEES_ALL_ORDERS, Role, has_role


def can_see_statements(user) -> bool:
    """A statement spans all the customer's orders: for who sees them all."""
    return has_role(user, *SEES_ALL_ORDERS)


def can_keep_statements(user) -> bool:
    """Finance draws the statements up, sends them and resolves the differences."""
    return has_role(user, Role.FINANCE)


def can_keep_statement(statement, user) -> bool:
    return can_keep_statements(user)


def answered_through_the_link(statement, user) -> bool:
    """The customer confirms or disputes through its signed link, never a user of ours."""
    return False

"""Who may do what to an order. django-fsm calls these as `permission(order, user)`;
the services call them too, so the server enforces them whatever the page showed."""

from orders.roles import SEES_ALL_ORDERS, Role, has_role


def team_id_of(user) -> int | None:
    profile = getattr(user, "profile", None)
    return profile.team_id if profile else None


def can_see(order, user) -> bool:
    if has_role(user, *SEES_ALL_ORDERS, Role.QC, Role.WAREHOUSE, Role.PMC):
        return True
    if not has_role(user, Role.MERCHANDISER):
        return False
    return order.merchandiser_id == user.pk or order.team_id == team_id_of(user)


def is_managing(user) -> bool:
    return has_role(user, Role.DEPARTMENT_MANAGER, Role.GENERAL_MANAGER)


def can_enter_orders(user) -> bool:
    return has_role(user, Role.MERCHANDISER, Role.DEPARTMENT_MANAGER, Role.GENERAL_MANAGER)


def can_edit(order, user) -> bool:
    return is_managing(user) or (has_role(user, Role.MERCHANDISER) and can_see(order, user))


def can_submit(order, user) -> bool:
    return has_role(user, Role.MERCHANDISER) and can_see(order, user)


def can_review(order, user) -> bool:
    return has_role(user, Role.DEPARTMENT_MANAGER, Role.ADMINISTRATION, Role.GENERAL_MANAGER)


def can_drive_order(order, user) -> bool:
    return is_managing(user) or can_submit(order, user)


def can_inspect(order, user) -> bool:
    return can_drive_order(order, user) or has_role(user, Role.QC)


def can_settle(order, user) -> bool:
    return is_managing(user) or has_role(user, Role.FINANCE)


def can_cancel(order, user) -> bool:
    return is_managing(user)


def can_import_orders(user) -> bool:
    """Importing a P/O file enters orders: the same people as the new-order form (not QC, the
    warehouse, finance or administration)."""
    return can_enter_orders(user)


def can_enter_orders_for(user, merchandiser) -> bool:
    """Managers enter orders for any merchandiser; a merchandiser for their own team only."""
    if is_managing(user):
        return True
    if merchandiser is None or merchandiser.pk == user.pk:
        return True
    team_id = team_id_of(user)
    return team_id is not None and team_id_of(merchandiser) == team_id


def can_see_import(job, user) -> bool:
    if job.created_by_id == user.pk or is_managing(user):
        return True
    return has_role(user, Role.MERCHANDISER) and job.team_id == team_id_of(user)


# ---- change requests (R8) ------------------------------------------------------------------


def can_drive_change(change, user) -> bool:
    """Raise, send, record the answers of and apply a change: who may edit the order."""
    return can_edit(change.order, user)


def can_sign_change(change, user) -> bool:
    """The R10 chain signs a change as it signed the contract; the service checks the step."""
    return can_review(change.order, user)


def can_refuse_change(change, user) -> bool:
    return can_drive_change(change, user) or can_sign_change(change, user)


def can_see_customer_file(user) -> bool:
    """R9: a customer's master file serves every order of that customer."""
    return can_enter_orders(user) or has_role(user, *SEES_ALL_ORDERS, Role.QC)


def can_keep_customer_file(user) -> bool:
    """Merchandisers and managers file the customer's standing documents."""
    return has_role(user, Role.MERCHANDISER) or is_managing(user)


def can_acknowledge_memo(memo, user) -> bool:
    """R32: the addressed departments see the order and acknowledge; the service checks which."""
    return can_see(memo.order, user)


def can_write_memo(memo, user) -> bool:
    return can_edit(memo.order, user)

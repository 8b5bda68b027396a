# Holidays belong to the office calendar in orders/ (R1 here and the orders' backward
# scheduling both read them); the name stays importable from suppliers.models.
from orders.models.calendar import Holiday

__all__ = ["Holiday"]

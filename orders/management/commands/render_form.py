from orders.documents.command import RenderFormCommand


class Command(RenderFormCommand):
    pass
